// Threat rules and their findings: the data of the guideline's risk identification (5.2.1). A rule
// (threat-rules/, or a user's rule file) reads one segment with the facts of the whole walk and returns
// findings; like an ESLint rule it declares its words once, in `messages`, and a finding or a reason names
// one of them by id with the values of its placeholders (models/message.ts).
import type { Facts } from './facts.js';
import type { MessageData, Messages } from './message.js';
import type { Model } from './model.js';
import type { Score } from './risk.js';
import type { Segment } from './segment.js';
import type { SourceRange } from './source.js';
import type { CiaProperty, Form, MeasureCategory, Phase, SegmentKind, Term, Threat } from './vocabulary.js';

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
  /**
   * The provision forms it applies to, when not all: a risk of the application's own logic (input
   * validation, processing, e-document authenticity) is not asked of a platform or infrastructure provider,
   * which does not look inside the data.
   */
  readonly forms?: readonly Form[];
  /**
   * What the risk is about, when it is the application itself (its input validation, logic, sign-in,
   * signatures, logs, development): the supplier of the devices' software answers as well as their operator.
   */
  readonly concern?: 'application';
  readonly countermeasures: Countermeasures;
  /** Where the guideline asks for it ("METI/MIC 5.2.1 イメージ1", "MHLW 6.0 ..."). */
  readonly references: readonly Term[];
  /**
   * Every message its findings and the reasons of their scores name, by id, in both languages with
   * {placeholders}. Reasons may also name a shared message (SHARED_REASONS); a rule's own ids never
   * take a shared one's name.
   */
  readonly messages: Messages;
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
  /**
   * The elements whose operators must act on the risk, when they are not the ones the segment's kind
   * implies (the store of a storage segment, both ends of an input, a hop's ends and its carrier...): a
   * malware risk at a terminal is the terminal's, not the server's it sends to.
   */
  readonly by?: readonly string[];
  /** The assumed risk said of this segment: one of the rule's messages, and its data. */
  readonly messageId: string;
  readonly data: MessageData;
  readonly impact: Score;
  readonly likelihood: Score;
}

export interface Rule extends RuleMeta {
  /** Pure: the same segment and context give the same findings. */
  check(segment: Segment, context: RuleContext): readonly Finding[];
}
