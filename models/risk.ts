// Threat rules, their findings, and scored risks: the data of the guideline's risk identification,
// analysis and evaluation (5.2.1). A rule (threat-rules/) reads one segment and returns findings; the
// engine (src/analysis/engine.ts) merges findings into risks with stable ids; scoring (src/analysis/score.ts) turns
// impact x likelihood into a level and a rank through the risk matrix.
import type { SourceRange } from './source.js';
import type { Segment } from './segment.js';
import type { CiaProperty, DataClass, Form, MeasureCategory, Phase, Rank, ResponseNeed, SegmentKind, Term, Threat } from './vocabulary.js';
import type { Facts } from './facts.js';
import type { Model } from './model.js';

/** A grade from 1 to 5. */
export type Grade = 1 | 2 | 3 | 4 | 5;

/** One step of a score: the grade it set or the amount it moved, and why, in both languages. */
export interface Reason {
  readonly ja: string;
  readonly en: string;
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

/** Countermeasures a rule asks for, in the guideline's three categories (人的・組織的 / 物理的 / 技術的). */
export type Countermeasures = Readonly<Record<MeasureCategory, readonly Term[]>>;

/** What the catalogue says of a rule, without its check: all `koseizu rules` prints. */
export interface RuleMeta {
  /** Stable kebab-case id; the first part of every risk id the rule makes. */
  readonly id: string;
  /** Which of the guideline's eleven representative threats it instantiates. */
  readonly threat: Threat;
  readonly title: Term;
  /** The assumed risk (想定されるリスク) in general words; findings say it of their segment. */
  readonly risk: Term;
  /** Properties at stake, in C, I, A order. */
  readonly cia: readonly CiaProperty[];
  /** Segment kinds the rule reads, and the phases it applies in. */
  readonly segments: readonly SegmentKind[];
  readonly phases: readonly Phase[];
  readonly countermeasures: Countermeasures;
  /** Where the guideline asks for it ("METI/MIC 5.2.1 イメージ1", "MHLW 6.0 ..."). */
  readonly references: readonly Term[];
  /** Where the rule came from: the built-in catalogue, or a user's rule file. */
  readonly origin: 'builtin' | { readonly file: string; readonly range: SourceRange };
}

/** What a rule may read besides the segment: the whole model, and the facts derived from it and its walk once. */
export interface RuleContext {
  readonly model: Model;
  /** Facts across the whole walk (backups and where they are, who shares a path, what termination ends...). */
  readonly facts: Facts;
}

export interface Finding {
  /**
   * What the risk is about, after "@" in its id. Leave it out for the segment itself (its key); give an
   * element id for a risk about one place or device whatever flow reaches it ("provider-dc"), so that the
   * risk is listed once. Findings with the same rule and `at` merge into one risk.
   */
  readonly at?: string;
  /**
   * The phase the risk belongs to, when it is not the segment's: a gap found by reading the operation
   * phase that shows at contract termination (information left behind) is a termination risk.
   */
  readonly phase?: Phase;
  /** The assumed risk, said of this segment (labels may appear here, never in the id). */
  readonly message: Term;
  readonly impact: Score;
  readonly likelihood: Score;
}

export interface Rule extends RuleMeta {
  /** Pure: the same segment and context give the same findings. */
  check(segment: Segment, context: RuleContext): readonly Finding[];
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

/** A scored risk: one rule's finding about one segment or element, merged across phases and flows. */
export interface Risk {
  /** "<rule>@<segment key or element id>": model ids only, stable across renames, reorders and reformatting. */
  readonly id: string;
  readonly rule: string;
  readonly threat: Threat;
  readonly title: Term;
  readonly message: Term;
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
  readonly countermeasures: Countermeasures;
  readonly references: readonly Term[];
}
