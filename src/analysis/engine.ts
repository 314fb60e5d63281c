// The engine (リスク特定): every rule over every segment it applies to, findings merged into risks with
// stable ids, scored through the risk matrix. Pure: the same model and rules give the same risks, in the
// same order (by id).
//
// A risk id is "<rule>@<segment key or element id>": model ids only. Findings of one rule with the same
// id (one device reached by several flows, one media transport in several phases) merge into one risk
// that lists every phase, flow and segment; it keeps the message and scores of its worst finding.
import type { Facts } from '../../models/facts.js';
import type { Model } from '../../models/model.js';
import type { Risk, RiskMatrix } from '../../models/risk.js';
import type { Finding, Rule, RuleContext } from '../../models/rule.js';
import { CLASS_ORDER, type Segment } from '../../models/segment.js';
import type { DataClass, Form, Phase } from '../../models/vocabulary.js';
import { responsibilityOf } from './responsibility.js';
import { levelOf, rankOf } from './score.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const PHASE_ORDER: readonly Phase[] = ['development', 'operation', 'termination'];
const FORM_ORDER: readonly Form[] = ['application', 'platform', 'infrastructure'];

interface Merging {
  readonly rule: Rule;
  readonly id: string;
  worst: { finding: Finding; level: number; segment: Segment };
  /** Every finding merged, with its segment: who must act reads them all. */
  readonly all: { finding: Finding; segment: Segment }[];
  readonly segments: Set<string>;
  readonly phases: Set<Phase>;
  readonly forms: Set<Form>;
  readonly flows: Set<string>;
  readonly elements: Set<string>;
  dataClass: DataClass;
}

/** What the engine reads: the model, its walk and the facts derived from them. */
export interface Walked {
  readonly model: Model;
  readonly segments: readonly Segment[];
  readonly facts: Facts;
}

/** Runs `rules` over the walk's segments and returns the scored risks, sorted by id. */
export function assess(walked: Walked, rules: readonly Rule[], matrix: RiskMatrix): Risk[] {
  const context: RuleContext = { model: walked.model, facts: walked.facts };
  const merging = new Map<string, Merging>();
  for (const segment of walked.segments) {
    for (const rule of rules) {
      if (!rule.segments.includes(segment.kind) || !rule.phases.includes(segment.phase) || (rule.forms && !rule.forms.includes(segment.form))) continue;
      for (const finding of rule.check(segment, context)) {
        const id = `${rule.id}@${finding.at ?? segment.key}`;
        const level = levelOf(matrix, finding.impact.value, finding.likelihood.value);
        let m = merging.get(id);
        if (!m) {
          m = {
            rule, id, worst: { finding, level, segment }, all: [], segments: new Set(), phases: new Set(), forms: new Set(),
            flows: new Set(), elements: new Set(), dataClass: segment.dataClass,
          };
          merging.set(id, m);
        } else if (worse(level, finding, segment, m.worst)) {
          m.worst = { finding, level, segment };
        }
        m.all.push({ finding, segment });
        m.segments.add(segment.key);
        m.phases.add(finding.phase ?? segment.phase);
        m.forms.add(segment.form);
        const flow = segment.flow?.id ?? segment.media?.id;
        if (flow) m.flows.add(flow);
        for (const e of segment.elements) m.elements.add(e);
        if (finding.at) m.elements.add(finding.at);
        if (CLASS_ORDER.indexOf(segment.dataClass) < CLASS_ORDER.indexOf(m.dataClass)) m.dataClass = segment.dataClass;
      }
    }
  }
  return [...merging.values()]
    .map((m): Risk => {
      const { finding, segment } = m.worst;
      const level = levelOf(matrix, finding.impact.value, finding.likelihood.value);
      const rank = rankOf(level);
      return {
        id: m.id,
        rule: m.rule.id,
        threat: m.rule.threat,
        messageId: finding.messageId,
        data: finding.data,
        cia: m.rule.cia,
        segment: segment.kind,
        segments: [...m.segments].sort(compare),
        phases: PHASE_ORDER.filter((p) => m.phases.has(p)),
        forms: FORM_ORDER.filter((f) => m.forms.has(f)),
        flows: [...m.flows].sort(compare),
        elements: [...m.elements].sort(compare),
        dataClass: m.dataClass,
        impact: finding.impact,
        likelihood: finding.likelihood,
        level,
        rank,
        need: matrix.ranks[rank].need,
        responsibility: responsibilityOf(m.all, walked.model, m.rule.concern),
      };
    })
    .sort((a, b) => compare(a.id, b.id));
}

/** A finding is worse when its level is higher, then its impact, then its likelihood, then its segment key sorts first. */
function worse(level: number, finding: Finding, segment: Segment, than: Merging['worst']): boolean {
  const order = level - than.level
    || finding.impact.value - than.finding.impact.value
    || finding.likelihood.value - than.finding.likelihood.value
    || compare(than.segment.key, segment.key)
    || PHASE_ORDER.indexOf(than.segment.phase) - PHASE_ORDER.indexOf(segment.phase);
  return order > 0;
}
