// What changed between two versions of a model (koseizu diff), matched by id: elements, risks, responses.
// Built by src/diff/diff.ts as data (risks name their messages and reasons by id), and put into words by
// src/diff/view.ts: in both languages for JSON (ModelDiffTerms, for tools), in one for a terminal or a
// pull-request comment (DiffView). The diagram of the union of both versions marks each element's state.
import type { ElementKind } from './model.js';
import type { MessageData } from './message.js';
import type { Reason } from './risk.js';
import type { Lang, Phase, Rank, Term } from './vocabulary.js';

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
  /** The risk's message in this version, and its data. */
  readonly messageId: string;
  readonly data: MessageData;
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
  /** Why it moved: its phases, and the reasons of its grades that appeared ("+", in the new version) or went ("−", from the old). */
  readonly why: readonly Why[];
}

export type Why =
  | { readonly kind: 'phase'; readonly old: readonly Phase[]; readonly new: readonly Phase[] }
  | { readonly kind: 'impact' | 'likelihood'; readonly sign: '+' | '−'; readonly reason: Reason };

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

// ---- In words ----

/** A risk side with its title and message in both languages (for JSON). */
export interface RiskSideTerms extends Omit<RiskSide, 'messageId' | 'data'> {
  readonly title: Term;
  readonly message: Term;
}

export interface RiskChangeTerms extends Omit<RiskChange, 'old' | 'new' | 'why'> {
  readonly old: RiskSideTerms | null;
  readonly new: RiskSideTerms | null;
  /** "影響度 +: インターネットから到達可能" / "impact +: reachable from the internet". */
  readonly why: readonly Term[];
}

/** The diff with every risk said in both languages: what `koseizu diff --format json` prints. */
export interface ModelDiffTerms extends Omit<ModelDiff, 'risks'> {
  readonly risks: readonly RiskChangeTerms[];
}

/** The diff in one language, as the terminal listing and the pull-request comment show it. */
export interface DiffView {
  readonly lang: Lang;
  readonly old: ModelDiff['old'];
  readonly new: ModelDiff['new'];
  /** "+3 risks (1 S, 2 A), -2, 4 re-ranked, 1 response orphaned". */
  readonly summary: string;
  /** "elements: 1 added, 0 removed, 2 changed, 0 renamed". */
  readonly elementLine: string;
  /** The risk changes that matter most first: added and re-ranked by new rank, then removed, then the rest. */
  readonly risks: readonly {
    readonly id: string;
    readonly state: RiskChange['state'];
    readonly stateWord: string;
    /** "A → S", or for a residual change the rank and its residual ranks. */
    readonly rankMove: string;
    readonly title: string;
    /** Whether a response answers it in the new version (null when it is gone). */
    readonly answered: boolean | null;
    readonly why: readonly string[];
  }[];
  readonly elements: readonly (ElementChange & { readonly stateWord: string; readonly kindWord: string })[];
  readonly responses: readonly (ResponseChange & { readonly stateWord: string })[];
  readonly words: DiffWords;
}

export interface DiffWords {
  readonly title: string;
  readonly diagram: string;
  readonly legend: string;
  readonly response: string;
  readonly answered: string;
  readonly unanswered: string;
  readonly riskDelta: string;
  readonly elementChanges: string;
  readonly responseChanges: string;
  readonly columns: {
    readonly change: string; readonly rank: string; readonly riskId: string; readonly risk: string; readonly response: string; readonly why: string;
    readonly kind: string; readonly label: string; readonly properties: string; readonly pattern: string; readonly writtenAt: string; readonly changed: string;
  };
  /** Width of the state column in the terminal listing. */
  readonly statePad: number;
  /** What a cut comment says it left out: {n} is a count. */
  readonly cuts: { readonly elements: string; readonly diagram: string; readonly responses: string; readonly risks: string; readonly join: string };
  /** The notice of a cut comment: {cuts} is what was left out. */
  readonly cutNotice: string;
}
