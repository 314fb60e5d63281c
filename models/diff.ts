// What changed between two versions of a model (koseizu diff), matched by id: elements, risks, responses.
// Built by src/diff/diff.ts; the diagram of the union of both versions marks each element with its state.
import type { ElementKind } from './model.js';
import type { Phase, Rank, Term } from './vocabulary.js';

/** How an element, risk or response differs between the old and the new version. */
export type ChangeState = 'added' | 'removed' | 'changed' | 'renamed';

export interface PropertyChange {
  /** The property as the DSL spells it ("exposure", "auth", "controls"). */
  readonly key: string;
  /** The value in each version, as compact JSON ("" when absent). */
  readonly old: string;
  readonly new: string;
}

export interface ElementChange {
  readonly kind: ElementKind;
  readonly id: string;
  /** renamed: only the label changed. */
  readonly state: ChangeState;
  readonly label: { readonly old: string | null; readonly new: string | null };
  /** For changed and renamed elements: every property that differs, label included. */
  readonly properties: readonly PropertyChange[];
}

export interface RiskSide {
  readonly rank: Rank;
  readonly level: number;
  readonly impact: number;
  readonly likelihood: number;
  readonly title: Term;
  readonly message: Term;
  readonly phases: readonly Phase[];
  /** A response answers it in this version. */
  readonly answered: boolean;
  /** The residual rank, when a response gives residual grades. */
  readonly residual: Rank | null;
}

export interface RiskChange {
  readonly id: string;
  readonly rule: string;
  /** added / removed, or what moved when the risk is in both: its rank, its grades, its phases, its answer, its residual rank. */
  readonly state: 'added' | 'removed' | 'reranked' | 'rescored' | 'phase' | 'answered' | 'unanswered' | 'residual';
  readonly old: RiskSide | null;
  readonly new: RiskSide | null;
  /** Why the score moved: the reasons that appeared ("+") or went ("−"), in both languages. */
  readonly why: readonly Term[];
}

export interface ResponseChange {
  readonly pattern: string;
  readonly state: 'added' | 'removed' | 'changed' | 'orphaned';
  /** For changed responses: the properties that differ (decision, measures, residual, rationale...). */
  readonly properties: readonly PropertyChange[];
  /** Where it is written in the new version (or the old one for a removed response): "model.yaml:120:5". */
  readonly source: string;
}

export interface DiffSummary {
  readonly risksAdded: number;
  readonly risksAddedByRank: Readonly<Record<Rank, number>>;
  readonly risksRemoved: number;
  readonly reranked: number;
  readonly responsesOrphaned: number;
  readonly elementsAdded: number;
  readonly elementsRemoved: number;
  readonly elementsChanged: number;
  readonly renamed: number;
}

export interface ModelDiff {
  readonly old: { readonly files: readonly string[]; readonly contentHash: string; readonly label: string };
  readonly new: { readonly files: readonly string[]; readonly contentHash: string; readonly label: string };
  readonly elements: readonly ElementChange[];
  readonly risks: readonly RiskChange[];
  readonly responses: readonly ResponseChange[];
  readonly summary: DiffSummary;
}
