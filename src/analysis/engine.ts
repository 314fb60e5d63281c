// The engine (リスク特定): every rule over every segment it applies to, findings merged into risks with
// stable ids, scored through the risk matrix. Pure: the same model and rules give the same risks, in the
// same order (by id).
//
// A risk id is "<rule>@<segment key or element id>": model ids only. Findings of one rule with the same
// id (one device reached by several flows, one media transport in several phases) merge into one risk
// that lists every phase, flow and segment; it keeps the message and scores of its worst finding.
import type { Facts } from '../../models/facts.js';
import type { Model } from '../../models/model.js';
import type { Grade, Risk, RiskMatrix } from '../../models/risk.js';
import type { Finding, Rule, RuleContext } from '../../models/rule.js';
import { CLASS_ORDER, type Segment } from '../../models/segment.js';
import type { DataClass, Form, Phase, SegmentKind } from '../../models/vocabulary.js';
import { responsibilityOf } from './responsibility.js';
import { levelOf, rankOf } from './score.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const PHASE_ORDER: readonly Phase[] = ['development', 'operation', 'termination'];
const FORM_ORDER: readonly Form[] = ['application', 'platform', 'infrastructure'];
const PHASE_BIT: Readonly<Record<Phase, number>> = { development: 1, operation: 2, termination: 4 };
const FORM_BIT: Readonly<Record<Form, number>> = { application: 1, platform: 2, infrastructure: 4 };
const CLASS_RANK: ReadonlyMap<DataClass, number> = new Map(CLASS_ORDER.map((c, i) => [c, i]));

interface Merging {
  readonly rule: Rule;
  /** What follows "<rule>@" in the risk's id: the finding's `at`, or its segment's key. */
  readonly subject: string;
  worst: { finding: Finding; level: Grade; segment: Segment };
  /** Every finding merged, with its segment: who must act reads them all. */
  readonly all: { finding: Finding; segment: Segment }[];
  /** Segment keys, flows and elements, as codes of the assessment's Strings. */
  readonly segments: Set<number>;
  /** The phases and forms met, as bits of PHASE_BIT and FORM_BIT. */
  phases: number;
  forms: number;
  readonly flows: Set<number>;
  readonly elements: Set<number>;
  dataClass: DataClass;
}

/** What the engine reads: the model, its walk and the facts derived from them. */
export interface Walked {
  readonly model: Model;
  readonly segments: readonly Segment[];
  readonly facts: Facts;
}

/**
 * The rules that apply to each segment kind in each phase, in the order given (the order findings merge
 * in): worked out once per assessment instead of asking every rule about every segment.
 */
function rulesByKindAndPhase(rules: readonly Rule[]): Map<SegmentKind, Map<Phase, Rule[]>> {
  const by = new Map<SegmentKind, Map<Phase, Rule[]>>();
  for (const rule of rules) {
    for (const kind of new Set(rule.segments)) {
      let phases = by.get(kind);
      if (!phases) {
        phases = new Map();
        by.set(kind, phases);
      }
      for (const phase of new Set(rule.phases)) {
        const list = phases.get(phase);
        if (list) list.push(rule);
        else phases.set(phase, [rule]);
      }
    }
  }
  return by;
}

/**
 * The ids an assessment merges (segment keys, flows, elements), each given a small number once, so that
 * a risk gathers numbers and the ids are put in order once for the whole assessment, not once per risk.
 */
class Strings {
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [];
  /** place[code]: the id's place among all ids in ascending order (compare's), once `seal` has run. */
  private place: Int32Array = new Int32Array(0);
  private inOrder: string[] = [];

  code(id: string): number {
    let c = this.codes.get(id);
    if (c === undefined) {
      c = this.names.length;
      this.codes.set(id, c);
      this.names.push(id);
    }
    return c;
  }

  /** Puts every id in order, once: after this, `sorted` may be called. */
  seal(): void {
    // The default sort of strings orders them by UTF-16 code units, as `compare` does.
    this.inOrder = [...this.names].sort();
    const at = new Map(this.inOrder.map((id, i) => [id, i]));
    this.place = Int32Array.from(this.names, (id) => at.get(id) as number);
  }

  /** The ids of `codes`, in ascending order. */
  sorted(codes: ReadonlySet<number>): string[] {
    if (codes.size === 1) for (const c of codes) return [this.names[c] as string];
    const places = new Int32Array(codes.size);
    let i = 0;
    for (const c of codes) places[i++] = this.place[c] as number;
    places.sort();
    const ids = new Array<string>(places.length);
    for (let j = 0; j < places.length; j++) ids[j] = this.inOrder[places[j] as number] as string;
    return ids;
  }
}

/** Runs `rules` over the walk's segments and returns the scored risks, sorted by id. */
export function assess(walked: Walked, rules: readonly Rule[], matrix: RiskMatrix): Risk[] {
  const context: RuleContext = { model: walked.model, facts: walked.facts };
  const applying = rulesByKindAndPhase(rules);
  // Per rule id, its risks by subject: the id string "<rule>@<subject>" is made once per risk, not per finding.
  const byRule = new Map<string, Map<string, Merging>>();
  const merged: Merging[] = [];
  const strings = new Strings();
  for (const segment of walked.segments) {
    const candidates = applying.get(segment.kind)?.get(segment.phase);
    if (!candidates) continue;
    const flowId = segment.flow?.id ?? segment.media?.id;
    const classRank = CLASS_RANK.get(segment.dataClass) ?? -1;
    // The segment's codes, made when a first finding needs them.
    let key = -1;
    let flow = -1;
    let elements: number[] | null = null;
    for (const rule of candidates) {
      if (rule.forms && !rule.forms.includes(segment.form)) continue;
      const findings = rule.check(segment, context);
      if (findings.length === 0) continue;
      let risks = byRule.get(rule.id);
      if (!risks) {
        risks = new Map();
        byRule.set(rule.id, risks);
      }
      for (const finding of findings) {
        const subject = finding.at ?? segment.key;
        const level = levelOf(matrix, finding.impact.value, finding.likelihood.value);
        let m = risks.get(subject);
        if (!m) {
          m = {
            rule, subject, worst: { finding, level, segment }, all: [], segments: new Set(), phases: 0, forms: 0,
            flows: new Set(), elements: new Set(), dataClass: segment.dataClass,
          };
          risks.set(subject, m);
          merged.push(m);
        } else if (worse(level, finding, segment, m.worst)) {
          m.worst = { finding, level, segment };
        }
        if (elements === null) {
          key = strings.code(segment.key);
          if (flowId) flow = strings.code(flowId);
          elements = segment.elements.map((e) => strings.code(e));
        }
        m.all.push({ finding, segment });
        m.segments.add(key);
        m.phases |= PHASE_BIT[finding.phase ?? segment.phase];
        m.forms |= FORM_BIT[segment.form];
        if (flow >= 0) m.flows.add(flow);
        for (const e of elements) m.elements.add(e);
        if (finding.at) m.elements.add(strings.code(finding.at));
        if (classRank < (CLASS_RANK.get(m.dataClass) ?? -1)) m.dataClass = segment.dataClass;
      }
    }
  }
  strings.seal();
  const risks = merged
    .map((m): Risk => {
      const { finding, segment, level } = m.worst;
      const rank = rankOf(level);
      return {
        id: `${m.rule.id}@${m.subject}`,
        rule: m.rule.id,
        threat: m.rule.threat,
        messageId: finding.messageId,
        data: finding.data,
        cia: m.rule.cia,
        segment: segment.kind,
        segments: strings.sorted(m.segments),
        phases: PHASE_ORDER.filter((p) => (m.phases & PHASE_BIT[p]) !== 0),
        forms: FORM_ORDER.filter((f) => (m.forms & FORM_BIT[f]) !== 0),
        flows: strings.sorted(m.flows),
        elements: strings.sorted(m.elements),
        dataClass: m.dataClass,
        impact: finding.impact,
        likelihood: finding.likelihood,
        level,
        rank,
        need: matrix.ranks[rank].need,
        responsibility: responsibilityOf(m.all, walked.model, m.rule.concern),
      };
    });
  // Sorted by id: ids are unique, and the default sort of strings orders them as `compare` does.
  const byId = new Map(risks.map((r) => [r.id, r]));
  return [...byId.keys()].sort().map((id) => byId.get(id) as Risk);
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
