// The risk assessment result list (リスクアセスメント結果一覧) as renderers see it: one row per risk, every
// word already in the output language, with the keys kept beside the words for tools. Built by
// src/report/threats.ts from scored risks; formatted by renderers/threats.
import type { Answerer, Risk } from './risk.js';
import type { Lang, MeasureCategory, Rank } from './vocabulary.js';

export interface ThreatRow extends Pick<Risk, 'id' | 'rule' | 'threat' | 'rank' | 'level' | 'need' | 'phases' | 'forms' | 'segment' | 'segments' | 'flows' | 'elements' | 'dataClass' | 'cia'> {
  readonly impact: number;
  readonly likelihood: number;
  /** Who must act (対応主体), and the organisations: institution, provider, third-party, or party ids. */
  readonly who: Answerer;
  readonly parties: readonly string[];
  /**
   * The flows to print (`flows` has them all): the first few when there are many, with `cells.flowsMore`
   * saying how many more ("ほか 1193 件"; empty when none is left out).
   */
  readonly flowsShown: readonly string[];
  /** Each column as the list prints it. */
  readonly cells: {
    readonly flowsMore: string;
    /** "対象事業者・医療機関等" / "provider, medical institution". */
    readonly who: string;
    readonly phase: string;
    readonly form: string;
    readonly segment: string;
    readonly flows: string;
    readonly dataClass: string;
    readonly threat: string;
    readonly title: string;
    readonly risk: string;
    readonly cia: string;
    readonly impact: string;
    readonly likelihood: string;
    readonly level: string;
    readonly rank: string;
    readonly need: string;
  };
  /**
   * Why each grade: the starting grade, then each step, as "4 大きい: 医療情報（...）" / "+1 → 5: ...";
   * and why those who must act do: "電子カルテ端末（診察室）は医療機関等が運用する".
   */
  readonly reasons: { readonly impact: readonly string[]; readonly likelihood: readonly string[]; readonly who: readonly string[] };
  readonly countermeasures: Readonly<Record<MeasureCategory, readonly string[]>>;
  readonly references: readonly string[];
}

export interface ThreatList {
  readonly lang: Lang;
  readonly title: string;
  readonly system: string;
  readonly rows: readonly ThreatRow[];
  /** Risks per rank, of the rows listed. */
  readonly counts: Readonly<Record<Rank, number>>;
  /** Risks the walk found before filters, and what the filters were, in words ("" when none). */
  readonly total: number;
  readonly filters: string;
  /** The matrix used: levels[impact - 1][likelihood - 1], and each rank's criterion, in words; `own` when the model replaced the sample. */
  readonly matrix: { readonly levels: readonly (readonly number[])[]; readonly criteria: Readonly<Record<Rank, string>>; readonly own: boolean };
  readonly headings: Readonly<Record<
    'id' | 'phase' | 'form' | 'segment' | 'flows' | 'dataClass' | 'threat' | 'risk' | 'cia' | 'impact' | 'likelihood' | 'level' | 'rank' | 'need' | 'who'
    | 'countermeasures' | 'references' | 'reasons' | 'summary' | 'matrix' | 'human' | 'physical' | 'technical' | 'details' | 'none'
    | 'detailsSummary' | 'group' | 'groupOne' | 'common' | 'commonReasons' | 'asCommon', string>>;
  /** The list's own sentences, in its language. */
  readonly words: {
    /** "（12 件、ランク A 以上、全 70 件中）" / "(12 risks; rank A and above, of 70)". */
    readonly tally: string;
    /** "集計: S 2 / A 9 / B 30 / C 26 / D 3（70 件）". */
    readonly summaryLine: string;
    /** "リスクマトリクス（ガイドラインのサンプル）". */
    readonly matrixTitle: string;
    /** How long items are listed in running text: "／" / "; ". */
    readonly join: string;
    /** A row's threat with the properties at stake: "{threat}（{cia}）". */
    readonly threatCia: string;
  };
}
