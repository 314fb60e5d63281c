// Scored risks: the data of the guideline's risk analysis and evaluation (5.2.1). The engine
// (src/analysis/engine.ts) merges the findings of the threat rules (models/rule.ts) into risks with stable
// ids; scoring (src/analysis/score.ts) turns impact x likelihood into a level and a rank through the risk
// matrix. A risk holds no words: it names its rule, its message and the reasons of its grades by id, with
// their data, and the view builders (src/words/) say them in a language.
import type { MessageData } from './message.js';
import type { SourceRange } from './source.js';
import type { CiaProperty, DataClass, Form, Phase, Rank, ResponseNeed, SegmentKind, Term, Threat } from './vocabulary.js';

/** A grade from 1 to 5. */
export type Grade = 1 | 2 | 3 | 4 | 5;

/**
 * One step of a score: the grade it set or the amount it moved, and why. `code` names a message of the
 * rule that made the score, or a shared one (SHARED_REASONS in models/grades.ts); `data` fills it.
 */
export interface Reason {
  readonly code: string;
  readonly data: MessageData;
  /** null for the starting grade, otherwise the signed change asked for (the grade is kept within 1..5). */
  readonly delta: number | null;
  /** The grade after this step. */
  readonly value: Grade;
}

/** A grade with every reason that set or moved it, in order. */
export interface Score {
  readonly value: Grade;
  readonly reasons: readonly Reason[];
}

/** The 5x5 matrix and the rank criteria; the guideline calls its own a sample, so a model may override it. */
export interface RiskMatrix {
  /** levels[impact - 1][likelihood - 1] is the risk level, 1..5. */
  readonly levels: readonly (readonly Grade[])[];
  /** Per rank: whether a response is needed, and the criterion in words. */
  readonly ranks: Readonly<Record<Rank, { readonly need: ResponseNeed; readonly criteria: Term }>>;
  /** Where the matrix came from: null for the built-in sample. */
  readonly source: SourceRange | null;
}

/** Who must act on a risk (対応主体), in the guideline's role split between provider and institution. */
export type Answerer = 'provider' | 'institution' | 'both' | 'third-party' | 'shared';

/**
 * Who must act on a risk, and why: the organisations that run what the risk is about. `parties` are
 * organisations as the model names them (institution, provider, third-party, or a party's id), provider
 * first, then the institution, then the others by id; `basis` says which element each one runs.
 */
export interface Responsibility {
  readonly who: Answerer;
  readonly parties: readonly string[];
  /**
   * Each element the risk is about and an organisation that answers for it: the one that runs it
   * (patient and staff for a person's own device), or, for a risk of the application, the one that
   * supplies its software. Sorted by element, then role, then organisation.
   */
  readonly basis: readonly { readonly element: string; readonly operator: string; readonly role: 'runs' | 'supplies' }[];
}

/** A scored risk: one rule's finding about one segment or element, merged across phases and flows. */
export interface Risk {
  /** "<rule>@<segment key or element id>": model ids only, stable across renames, reorders and reformatting. */
  readonly id: string;
  readonly rule: string;
  readonly threat: Threat;
  /** The assumed risk said of its segment: a message of the rule, and its data (those of its worst finding). */
  readonly messageId: string;
  readonly data: MessageData;
  readonly cia: readonly CiaProperty[];
  readonly segment: SegmentKind;
  /** The segment keys that raised it, sorted. */
  readonly segments: readonly string[];
  readonly phases: readonly Phase[];
  readonly forms: readonly Form[];
  /** Flows (and media transports) it concerns, sorted. */
  readonly flows: readonly string[];
  /** Every model element the segments involve (devices, locations, sites, networks, links, data, actors), sorted. */
  readonly elements: readonly string[];
  /** The class of the information at stake (情報流の分類): the highest of its segments. */
  readonly dataClass: DataClass;
  readonly impact: Score;
  readonly likelihood: Score;
  readonly level: Grade;
  readonly rank: Rank;
  readonly need: ResponseNeed;
  /** Who must act on it, and why (src/analysis/responsibility.ts). */
  readonly responsibility: Responsibility;
}
