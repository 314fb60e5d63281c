// The CI gate (koseizu check): which risks are left without a response at or above a rank, where in the
// model each one is written, and which responses answer nothing. Pure: risks, responses and model in.
import type { CheckResult, LocatedRisk } from '../../models/check.js';
import type { Model } from '../../models/model.js';
import type { ResponseAssessment } from '../../models/responses.js';
import type { Risk } from '../../models/risk.js';
import type { SourceRange } from '../../models/source.js';
import type { Rank } from '../../models/vocabulary.js';
import { ranksAtOrAbove } from './score.js';

/** Every element's declaration, by id. */
export function elementSources(model: Model): Map<string, SourceRange> {
  const sources = new Map<string, SourceRange>();
  for (const list of [model.sites, model.locations, model.actors, model.data, model.devices, model.networks, model.links, model.media, model.flows]) {
    for (const e of list) sources.set(e.id, e.source);
  }
  return sources;
}

/** The model element a risk id points at: "rule@element" names it; "rule@flow/a>b" names the flow. */
export function primaryElement(riskId: string): string {
  const at = riskId.slice(riskId.indexOf('@') + 1);
  const slash = at.indexOf('/');
  return slash < 0 ? at : at.slice(0, slash);
}

export function locateRisk(risk: Risk, sources: ReadonlyMap<string, SourceRange>, fallback: SourceRange): LocatedRisk {
  const main = primaryElement(risk.id);
  return {
    risk,
    primary: sources.get(main) ?? fallback,
    related: risk.elements.filter((id) => id !== main && sources.has(id)).map((id) => ({ id, range: sources.get(id) as SourceRange })),
  };
}

export function checkRisks(model: Model, risks: readonly Risk[], responses: ResponseAssessment, failOn: Rank | null, strict = false): CheckResult {
  // An insufficient answer (an S risk with one measure, or accepted) does not close the gate.
  const answered = new Set(responses.answered.filter((a) => a.sufficient).map((a) => a.risk.id));
  const atOrAbove = failOn ? new Set(ranksAtOrAbove(failOn)) : null;
  const sources = elementSources(model);
  const order = (r: Risk): number => 'SABCD'.indexOf(r.rank);
  const open = risks
    .filter((r) => !answered.has(r.id))
    .sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const needs = (r: Risk): boolean => r.need === 'several' || r.need === 'required';
  const failing = open.filter((r) => (atOrAbove ? atOrAbove.has(r.rank) : needs(r)));
  const unanswered = open.filter((r) => needs(r) || (atOrAbove?.has(r.rank) ?? false));
  const locate = (r: Risk): LocatedRisk => locateRisk(r, sources, model.system.source);
  return {
    failing: failing.map(locate), unanswered: unanswered.map(locate), orphaned: responses.orphaned, failOn, strict,
    failed: failing.length > 0 || (strict && responses.orphaned.length > 0),
  };
}
