// What changed between two versions of a model, matched by id (koseizu diff): elements added, removed,
// changed (which properties) or only renamed; risks added, removed, re-ranked or re-scored, with the
// reasons that moved them; responses added, changed or orphaned. Pure: both models, assessed, in.
import type { ChangeState, DiffSummary, ElementChange, ModelDiff, PropertyChange, ResponseChange, RiskChange, RiskSide, Why } from '../../models/diff.js';
import type { ElementKind, Model, Response } from '../../models/model.js';
import type { ResponseAssessment } from '../../models/responses.js';
import type { Reason, Risk, Score } from '../../models/risk.js';
import { RANKS, type Rank } from '../../models/vocabulary.js';

/** One version of a model with what koseizu made of it. */
export interface AssessedVersion {
  readonly model: Model;
  readonly risks: readonly Risk[];
  readonly responses: ResponseAssessment;
  /** How the version is named in outputs: a file, or "main:model.yaml". */
  readonly label: string;
}

const SECTIONS: readonly [ElementKind, keyof Model][] = [
  ['party', 'parties'], ['site', 'sites'], ['location', 'locations'], ['actor', 'actors'], ['data', 'data'], ['device', 'devices'],
  ['network', 'networks'], ['link', 'links'], ['media', 'media'], ['flow', 'flows'],
];

/** Model keys as the DSL spells them; keys the resolver derives (retentionDays, exposureStated, a link's ends) are left out. */
const DSL_KEY: Readonly<Record<string, string | null>> = {
  legalRecord: 'legal-record', wlanSecurity: 'wlan-security', macFilter: 'mac-filter', agreedWith: 'agreed-with', foreignLaw: 'foreign-law',
  retentionDays: null, source: null, exposureStated: null, ends: null,
};

/** A value as JSON, without the source positions and derived values nested in it (a moved line is no change). */
const json = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v, (key, value: unknown) => (key === 'source' || key === 'retentionDays' ? undefined : value)));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function propertyChanges(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): PropertyChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changes: PropertyChange[] = [];
  for (const key of keys) {
    const dsl = key in DSL_KEY ? DSL_KEY[key] : key;
    if (!dsl || key === 'id') continue;
    const [x, y] = [json(a[key]), json(b[key])];
    if (x !== y) changes.push({ key: dsl, old: x, new: y });
  }
  return changes.sort((p, q) => compare(p.key, q.key));
}

/** Every element that differs, by kind (in DSL order), then id. */
export function elementChanges(old: Model, next: Model): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const [kind, section] of SECTIONS) {
    const before = new Map((old[section] as readonly { id: string; label: string | null }[]).map((e) => [e.id, e]));
    const after = new Map((next[section] as readonly { id: string; label: string | null }[]).map((e) => [e.id, e]));
    for (const id of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
      const a = before.get(id);
      const b = after.get(id);
      if (!a || !b) {
        changes.push({ kind, id, state: a ? 'removed' : 'added', label: { old: a?.label ?? null, new: b?.label ?? null }, properties: [] });
        continue;
      }
      // An exposure neither version states is what the links imply: the links' own change says it.
      const unstated = kind === 'device' && !(a as { exposureStated?: boolean }).exposureStated && !(b as { exposureStated?: boolean }).exposureStated;
      const properties = propertyChanges(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>).filter((p) => !(unstated && p.key === 'exposure'));
      if (properties.length === 0) continue;
      const state: ChangeState = properties.every((p) => p.key === 'label') ? 'renamed' : 'changed';
      changes.push({ kind, id, state, label: { old: a.label, new: b.label }, properties });
    }
  }
  return changes;
}

/** The states the diff diagram draws: element id -> added / removed / changed (a rename counts as changed). */
export function elementStates(changes: readonly ElementChange[]): Map<string, 'added' | 'removed' | 'changed'> {
  return new Map(changes.map((c) => [c.id, c.state === 'renamed' ? 'changed' : c.state]));
}

function side(risk: Risk, version: AssessedVersion): RiskSide {
  const answer = version.responses.answered.find((a) => a.risk.id === risk.id);
  return {
    rank: risk.rank, level: risk.level, impact: risk.impact.value, likelihood: risk.likelihood.value,
    messageId: risk.messageId, data: risk.data, phases: risk.phases,
    answered: answer !== undefined, residual: answer?.residual?.rank ?? null,
  };
}

/** The reasons present in one score and not the other (by code and data): what moved it. */
function moved(kind: 'impact' | 'likelihood', a: Score, b: Score): Why[] {
  const key = (r: Reason): string => `${r.code}\u0000${JSON.stringify(r.data)}`;
  const before = new Set(a.reasons.map(key));
  const after = new Set(b.reasons.map(key));
  return [
    ...b.reasons.filter((r) => !before.has(key(r))).map((reason): Why => ({ kind, sign: '+', reason })),
    ...a.reasons.filter((r) => !after.has(key(r))).map((reason): Why => ({ kind, sign: '−', reason })),
  ];
}

export function riskChanges(old: AssessedVersion, next: AssessedVersion): RiskChange[] {
  const before = new Map(old.risks.map((r) => [r.id, r]));
  const after = new Map(next.risks.map((r) => [r.id, r]));
  const changes: RiskChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a || !b) {
      const r = (a ?? b) as Risk;
      changes.push({ id, rule: r.rule, state: a ? 'removed' : 'added', old: a ? side(a, old) : null, new: b ? side(b, next) : null, why: [] });
      continue;
    }
    const [x, y] = [side(a, old), side(b, next)];
    const state: RiskChange['state'] | null = x.rank !== y.rank ? 'reranked'
      : x.impact !== y.impact || x.likelihood !== y.likelihood ? 'rescored'
        : x.phases.join() !== y.phases.join() ? 'phase'
          : x.answered !== y.answered ? (y.answered ? 'answered' : 'unanswered')
          : x.residual !== y.residual ? 'residual' : null;
    const phases: Why[] = x.phases.join() === y.phases.join() ? [] : [{ kind: 'phase', old: x.phases, new: y.phases }];
    if (state) changes.push({ id, rule: b.rule, state, old: x, new: y, why: [...phases, ...moved('impact', a.impact, b.impact), ...moved('likelihood', a.likelihood, b.likelihood)] });
  }
  return changes;
}

const where = (r: Response): string => `${r.source.file}:${r.source.start.line}:${r.source.start.col}`;

export function responseChanges(old: AssessedVersion, next: AssessedVersion): ResponseChange[] {
  const key = (r: Response): string => r.risk;
  const before = new Map(old.model.responses.map((r) => [key(r), r]));
  const after = new Map(next.model.responses.map((r) => [key(r), r]));
  const orphaned = new Set(next.responses.orphaned.map(key));
  const changes: ResponseChange[] = [];
  for (const pattern of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
    const a = before.get(pattern);
    const b = after.get(pattern);
    if (b && orphaned.has(pattern)) {
      changes.push({ pattern, state: 'orphaned', properties: a ? propertyChanges(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>) : [], source: where(b) });
    } else if (!a || !b) {
      changes.push({ pattern, state: a ? 'removed' : 'added', properties: [], source: where((a ?? b) as Response) });
    } else {
      const properties = propertyChanges(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>);
      if (properties.length > 0) changes.push({ pattern, state: 'changed', properties, source: where(b) });
    }
  }
  return changes;
}

export function modelDiff(old: AssessedVersion, next: AssessedVersion): ModelDiff {
  const elements = elementChanges(old.model, next.model);
  const risks = riskChanges(old, next);
  const responses = responseChanges(old, next);
  const added = risks.filter((r) => r.state === 'added');
  const summary: DiffSummary = {
    risksAdded: added.length,
    risksAddedByRank: Object.fromEntries(RANKS.map((k) => [k, added.filter((r) => r.new?.rank === k).length])) as Record<Rank, number>,
    risksRemoved: risks.filter((r) => r.state === 'removed').length,
    reranked: risks.filter((r) => r.state === 'reranked').length,
    responsesOrphaned: responses.filter((r) => r.state === 'orphaned').length,
    elementsAdded: elements.filter((e) => e.state === 'added').length,
    elementsRemoved: elements.filter((e) => e.state === 'removed').length,
    elementsChanged: elements.filter((e) => e.state === 'changed').length,
    renamed: elements.filter((e) => e.state === 'renamed').length,
  };
  const version = (v: AssessedVersion) => ({ files: v.model.files, contentHash: v.model.contentHash, label: v.label });
  return { old: version(old), new: version(next), elements, risks, responses, summary };
}
