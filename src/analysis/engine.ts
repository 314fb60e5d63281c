// The engine (リスク特定): every rule over every segment it applies to, findings merged into risks with
// stable ids, scored through the risk matrix. Pure: the same model and rules give the same risks, in the
// same order (by id).
//
// A risk id is "<rule>@<segment key or element id>": model ids only. Findings of one rule with the same
// id (one device reached by several flows, one media transport in several phases) merge into one risk
// that lists every phase, flow and segment; it keeps the message and scores of its worst finding.
import type { Model } from '../../models/model.js';
import type { Finding, Risk, RiskMatrix, Rule, RuleContext } from '../../models/risk.js';
import { CLASS_ORDER, type Segment } from '../../models/segment.js';
import type { DataClass, Form, Phase } from '../../models/vocabulary.js';
import { levelOf, rankOf } from './score.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const PHASE_ORDER: readonly Phase[] = ['development', 'operation', 'termination'];
const FORM_ORDER: readonly Form[] = ['application', 'platform', 'infrastructure'];

/** The ids of every model element a segment involves. */
export function segmentElements(segment: Segment): string[] {
  const ids = new Set<string>();
  if (segment.flow) ids.add(segment.flow.id);
  if (segment.media) ids.add(segment.media.id);
  if (segment.actor) ids.add(segment.actor.id);
  for (const d of segment.devices) for (const id of [d.device.id, d.location.id, d.site.id]) ids.add(id);
  for (const p of segment.places) for (const id of [p.location.id, p.site.id]) ids.add(id);
  if (segment.hop) for (const id of [segment.hop.link.id, segment.hop.network.id]) ids.add(id);
  for (const d of segment.data) ids.add(d.id);
  return [...ids];
}

interface Merging {
  readonly rule: Rule;
  readonly id: string;
  worst: { finding: Finding; level: number; segment: Segment };
  readonly segments: Set<string>;
  readonly phases: Set<Phase>;
  readonly forms: Set<Form>;
  readonly flows: Set<string>;
  readonly elements: Set<string>;
  dataClass: DataClass;
}

/** Runs `rules` over `segments` and returns the scored risks, sorted by id. */
export function assess(model: Model, segments: readonly Segment[], rules: readonly Rule[], matrix: RiskMatrix): Risk[] {
  const context: RuleContext = { model, segments };
  const merging = new Map<string, Merging>();
  for (const segment of segments) {
    let elements: string[] | undefined; // the segment's elements, worked out once if any rule finds something
    for (const rule of rules) {
      if (!rule.segments.includes(segment.kind) || !rule.phases.includes(segment.phase)) continue;
      for (const finding of rule.check(segment, context)) {
        const id = `${rule.id}@${finding.at ?? segment.key}`;
        const level = levelOf(matrix, finding.impact.value, finding.likelihood.value);
        let m = merging.get(id);
        if (!m) {
          m = {
            rule, id, worst: { finding, level, segment }, segments: new Set(), phases: new Set(), forms: new Set(),
            flows: new Set(), elements: new Set(), dataClass: segment.dataClass,
          };
          merging.set(id, m);
        } else if (worse(level, finding, segment, m.worst)) {
          m.worst = { finding, level, segment };
        }
        m.segments.add(segment.key);
        m.phases.add(finding.phase ?? segment.phase);
        m.forms.add(segment.form);
        const flow = segment.flow?.id ?? segment.media?.id;
        if (flow) m.flows.add(flow);
        elements ??= segmentElements(segment);
        for (const e of elements) m.elements.add(e);
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
        title: m.rule.title,
        message: finding.message,
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
        countermeasures: m.rule.countermeasures,
        references: m.rule.references,
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
