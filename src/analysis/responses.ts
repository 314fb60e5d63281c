// Responses applied to risks (リスク対応の選択肢・対応策, 5.2.2-5.2.3). Each response in `responses:` names a
// risk id or a glob (* any run of characters, ? one); a risk is answered by the response that names it
// exactly, else by the first glob that matches it, in model order. A response that answers nothing is
// orphaned and reported with its position, never dropped: its risk may have been renamed or fixed away.
// Pure: risks and model in, the assessment of models/responses.ts out.
import type { Diagnostic } from '../../models/diagnostic.js';
import type { Model, Response } from '../../models/model.js';
import type { AnsweredRisk, ResponseAssessment } from '../../models/responses.js';
import type { Grade, Risk, RiskMatrix } from '../../models/risk.js';
import { RANKS } from '../../models/vocabulary.js';
import { diagnostic } from '../load/parse.js';
import { levelOf, rankOf } from './score.js';

/** A risk-id glob as a regular expression: * is any run of characters, ? one character, the rest literal. */
export function globPattern(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

const isGlob = (pattern: string): boolean => /[*?]/.test(pattern);

export function applyResponses(model: Model, risks: readonly Risk[], matrix: RiskMatrix): ResponseAssessment {
  const exact = new Map<string, { response: Response; index: number }>();
  const globs: { response: Response; index: number; pattern: RegExp }[] = [];
  model.responses.forEach((response, index) => {
    if (!isGlob(response.risk)) {
      if (!exact.has(response.risk)) exact.set(response.risk, { response, index });
    } else {
      globs.push({ response, index, pattern: globPattern(response.risk) });
    }
  });

  const used = new Set<number>();
  const answered: AnsweredRisk[] = [];
  const open: Risk[] = [];
  const diagnostics: Diagnostic[] = [];
  const rankOrder = (r: Risk): number => RANKS.indexOf(r.rank);
  const ordered = [...risks].sort((a, b) => rankOrder(a) - rankOrder(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const risk of ordered) {
    const match = exact.get(risk.id) ?? globs.find((g) => g.pattern.test(risk.id));
    if (!match) {
      if (risk.need === 'several' || risk.need === 'required') open.push(risk);
      continue;
    }
    used.add(match.index);
    const { response } = match;
    const residual = response.residual
      ? (() => {
          const impact = response.residual.impact as Grade;
          const likelihood = response.residual.likelihood as Grade;
          const level = levelOf(matrix, impact, likelihood);
          return { impact, likelihood, level, rank: rankOf(level) };
        })()
      : null;
    // The rank criteria: an S risk needs several measures, so one measure, or acceptance, does not suffice.
    const several = risk.need === 'several';
    const sufficient = !several || (response.decision === 'reduce' ? response.measures.length >= 2 : response.decision !== 'accept');
    answered.push({ risk, response, responseIndex: match.index, residual, sufficient });
    if (several && response.decision === 'reduce' && response.measures.length < 2) {
      diagnostics.push(diagnostic('KZ307', response.source, { risk: risk.id }));
    }
    if (several && response.decision === 'accept') diagnostics.push(diagnostic('KZ309', response.source, { risk: risk.id }));
    if (!sufficient) open.push(risk);
  }
  const orphaned = model.responses.filter((_, index) => !used.has(index));
  for (const response of orphaned) diagnostics.push(diagnostic('KZ306', response.source, { risk: response.risk }));
  model.responses.forEach((response) => {
    if (response.decision === 'accept' && response.rationale === null) diagnostics.push(diagnostic('KZ308', response.source, { risk: response.risk }));
  });
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col || (a.code < b.code ? -1 : 1));
  return { answered, open, orphaned, diagnostics };
}
