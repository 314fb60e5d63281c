// koseizu check's outputs: one line per failing risk for a terminal or a CI log, and SARIF 2.1.0 for code
// scanning (GitHub keeps an alert across pushes by its partial fingerprint, the risk id).
import type { SourceRange } from '../../models/source.js';
import type { Term } from '../../models/vocabulary.js';
import type { CheckResult, LocatedRisk } from '../../src/analysis/gate.js';

type Lang = 'ja' | 'en';

const at = (r: SourceRange): string => `${r.file}:${r.start.line}:${r.start.col}`;

/** "model.yaml:120:5: A input-spoofing@…: タイトル — メッセージ", then orphaned responses, then a summary. */
export function checkText(result: CheckResult, lang: Lang, strict: boolean): string {
  const lines = result.failing.map(({ risk, primary }) => `${at(primary)}: ${risk.rank} ${risk.id}: ${risk.title[lang]} — ${risk.message[lang]}`);
  for (const o of result.orphaned) {
    lines.push(lang === 'ja'
      ? `${at(o.source)}: ${strict ? 'エラー' : '警告'} 対応 "${o.risk}" に当てはまるリスクがありません（孤立）`
      : `${at(o.source)}: ${strict ? 'error' : 'warning'} the response for "${o.risk}" answers no risk (orphaned)`);
  }
  const threshold = result.failOn
    ? (lang === 'ja' ? `ランク ${result.failOn} 以上` : `rank ${result.failOn} and above`)
    : (lang === 'ja' ? '対応が必要なランク' : 'ranks that need a response');
  lines.push(lang === 'ja'
    ? `未対応のリスク（${threshold}）${result.failing.length} 件、孤立した対応 ${result.orphaned.length} 件`
    : `${result.failing.length} unanswered risk${result.failing.length === 1 ? '' : 's'} (${threshold}), ${result.orphaned.length} orphaned response${result.orphaned.length === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

export interface SarifRule {
  readonly id: string;
  readonly title: Term;
  readonly risk: Term;
  readonly help: Term;
  readonly threat: Term;
}

/** GitHub's security-severity (0-10) per rank, so code scanning sorts alerts as the rank criteria do. */
const SEVERITY: Readonly<Record<string, string>> = { S: '9.5', A: '8.0', B: '5.5', C: '3.0', D: '1.0' };

function location(range: SourceRange): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: range.file },
      region: { startLine: range.start.line, startColumn: range.start.col, endLine: range.end.line, endColumn: range.end.col },
    },
  };
}

const ORPHANED_RULE = 'koseizu.orphaned-response';

/**
 * SARIF 2.1.0: one result per unanswered risk that needs a response (error when it fails the check,
 * warning otherwise) located at the model lines of the element it is about, with the other elements as
 * related locations, and one per orphaned response (an error with --strict).
 */
export function checkSarif(result: CheckResult, rules: readonly SarifRule[], lang: Lang, version: string, strict: boolean): string {
  const failing = new Set(result.failing.map((f) => f.risk.id));
  const used = [...new Set(result.unanswered.map((u) => u.risk.rule))].sort();
  const byId = new Map(rules.map((r) => [r.id, r]));
  const driverRules: Record<string, unknown>[] = used.map((id) => {
    const r = byId.get(id);
    return {
      id,
      name: id.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(''),
      shortDescription: { text: r?.title[lang] ?? id },
      fullDescription: { text: r?.risk[lang] ?? id },
      help: { text: r?.help[lang] ?? '' },
      properties: { tags: ['security', 'koseizu', r?.threat[lang] ?? ''].filter((t) => t !== '') },
    };
  });
  if (result.orphaned.length > 0) {
    driverRules.push({
      id: ORPHANED_RULE,
      name: 'OrphanedResponse',
      shortDescription: { text: lang === 'ja' ? '当てはまるリスクのない対応' : 'A response that answers no risk' },
      fullDescription: { text: lang === 'ja' ? 'responses: の対応のリスクIDに当てはまるリスクがありません。リスクIDが変わったか、リスクがなくなりました。' : 'A response in responses: matches no risk id: the risk was renamed or is gone.' },
      help: { text: lang === 'ja' ? 'npx koseizu threats で現在のリスクIDを確認し、risk を直すか対応を削除してください。' : 'List the current risk ids with npx koseizu threats, then fix risk or remove the response.' },
      properties: { tags: ['koseizu'] },
    });
  }
  const ruleIndex = new Map(driverRules.map((r, i) => [r['id'] as string, i]));
  const riskResult = ({ risk, primary, related }: LocatedRisk): Record<string, unknown> => ({
    ruleId: risk.rule,
    ruleIndex: ruleIndex.get(risk.rule),
    level: failing.has(risk.id) ? 'error' : 'warning',
    message: { text: `[${risk.rank}] ${risk.title[lang]}: ${risk.message[lang]} (${risk.id})` },
    locations: [location(primary)],
    ...(related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...location(r.range), message: { text: r.id } })) } : {}),
    partialFingerprints: { 'koseizuRiskId/v1': risk.id },
    properties: { rank: risk.rank, level: risk.level, impact: risk.impact.value, likelihood: risk.likelihood.value, 'security-severity': SEVERITY[risk.rank] },
  });
  const results = [
    ...result.unanswered.map(riskResult),
    ...result.orphaned.map((o) => ({
      ruleId: ORPHANED_RULE,
      ruleIndex: ruleIndex.get(ORPHANED_RULE),
      level: strict ? 'error' : 'warning',
      message: { text: lang === 'ja' ? `対応 "${o.risk}" に当てはまるリスクがありません` : `the response for "${o.risk}" answers no risk` },
      locations: [location(o.source)],
      partialFingerprints: { 'koseizuResponse/v1': o.risk },
    })),
  ];
  // security-severity belongs on the rule for GitHub: copy the highest rank's severity of each rule's results.
  const worst = new Map<string, string>();
  for (const u of result.unanswered) {
    const s = SEVERITY[u.risk.rank] ?? '0';
    if (Number(s) > Number(worst.get(u.risk.rule) ?? '0')) worst.set(u.risk.rule, s);
  }
  for (const r of driverRules) {
    const s = worst.get(r['id'] as string);
    if (s) r['properties'] = { ...(r['properties'] as object), 'security-severity': s };
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'koseizu', version, semanticVersion: version, rules: driverRules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
