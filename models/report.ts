// The documents the provider hands the medical institution (5.2.3, 5.3), as renderers see them: the risk
// response list (リスク対応一覧), what the institution is asked to do (医療機関等へ対応を求める事項), the
// regulatory checklist (制度上の要求事項への対応), the open risks, and one report bundling them with the
// diagram, the flow table and the risk assessment list. Every word is already in the output language; ids
// and keys are kept beside the words for tools. Built by src/report/report.ts and src/report/checklist.ts.
import type { DiagramDirection, DiagramDrawing } from './diagram.js';
import type { FlowTable } from './flows.js';
import type { MessageData } from './message.js';
import type { ThreatList, ThreatRow } from './threats.js';
import type { Decision, Lang, MeasureCategory, MeasureOwner, Rank } from './vocabulary.js';

/** One row of the risk response list: a risk and the response that answers it. */
export interface ResponseRow {
  readonly riskId: string;
  readonly rank: Rank;
  readonly level: number;
  readonly decision: Decision;
  readonly measures: readonly { readonly category: MeasureCategory; readonly owner: MeasureOwner; readonly text: string }[];
  readonly residual: { readonly impact: number; readonly likelihood: number; readonly level: number; readonly rank: Rank } | null;
  /** The risk id or glob the response was written for. */
  readonly pattern: string;
  readonly cells: {
    readonly title: string;
    readonly risk: string;
    readonly threat: string;
    readonly phase: string;
    readonly decision: string;
    /** "技術的（対象事業者）: 多要素認証を必須化", one per measure. */
    readonly measures: readonly string[];
    readonly residual: string;
    readonly rationale: string;
    readonly agreedWith: string;
    readonly date: string;
    /** "model.yaml:120:5": where the response is written. */
    readonly source: string;
  };
}

/** A response that answers no risk: kept, with where it is written. */
export interface OrphanedRow {
  readonly pattern: string;
  readonly decision: Decision;
  readonly cells: { readonly decision: string; readonly source: string };
}

/** What the institution is asked to do: its own measures (owner institution or both), grouped by category. */
export interface RequestGroup {
  readonly category: MeasureCategory;
  readonly title: string;
  readonly items: readonly {
    readonly text: string;
    readonly owner: MeasureOwner;
    readonly ownerWord: string;
    /** The risks the measure answers, sorted. */
    readonly risks: readonly string[];
  }[];
}

export type ChecklistStatus = 'met' | 'not-met' | 'not-applicable';

/** One line of evidence as data: a shortfall (false), a fact that meets the requirement (true) or a note (null). */
export interface ChecklistLine {
  readonly ok: boolean | null;
  /** The checklist's message and its data (src/report/checklist.ts words it). */
  readonly messageId: string;
  readonly data: MessageData;
  /** The model elements the line names. */
  readonly ids: readonly string[];
}

/** One requirement of the regulations and guidelines, and whether the model shows it met. */
export interface ChecklistItem {
  /** Stable id, e.g. "mfa", "tls", "log-retention". */
  readonly id: string;
  readonly status: ChecklistStatus;
  /** The model elements the evidence names (device, network, data, site ids...), sorted. */
  readonly elements: readonly string[];
  /** The evidence as data, in the order of `cells.evidence`. */
  readonly lines: readonly ChecklistLine[];
  readonly cells: {
    readonly title: string;
    /** The requirement in one sentence. */
    readonly requirement: string;
    readonly status: string;
    /** The model facts that show the status, one per line: "電子カルテ端末: パスワード・ICカード（多要素）". */
    readonly evidence: readonly string[];
    readonly reference: string;
  };
}

export interface Checklist {
  readonly lang: Lang;
  readonly items: readonly ChecklistItem[];
  readonly counts: Readonly<Record<ChecklistStatus, number>>;
}

export interface ReportView {
  readonly lang: Lang;
  readonly title: string;
  readonly system: { readonly id: string; readonly title: string; readonly provider: string; readonly description: string };
  /** The model files and their hash, so a reader can tell which version the report shows. */
  readonly source: { readonly files: readonly string[]; readonly contentHash: string };
  /** The configuration diagram as laid out, and which way it runs: the HTML draws it as SVG, the Markdown as Mermaid. */
  readonly diagram: DiagramDrawing & { readonly direction: DiagramDirection };
  readonly flows: FlowTable;
  readonly threats: ThreatList;
  readonly responses: { readonly rows: readonly ResponseRow[]; readonly orphaned: readonly OrphanedRow[] };
  readonly requests: readonly RequestGroup[];
  /**
   * Risks the institution answers for (alone, with the provider or with others: the risk's
   * responsibility) that need or may need a response (every rank but those needing none), and that no
   * measure of the institution's, and no agreement, answers yet: what the two must still agree on.
   */
  readonly agree: readonly ThreatRow[];
  readonly checklist: Checklist;
  /** Risks that need a response (by the rank criteria) and have none. */
  readonly open: readonly ThreatRow[];
  /** Headings and fixed words of the report, in the output language. */
  readonly words: ReportWords;
  /** The workbook's sheet names (at most 31 characters, none of []:*?/\), fixed so tools can find them. */
  readonly sheets: SheetNames;
}

export type SheetNames = Readonly<Record<'flows' | 'threats' | 'responses' | 'requests' | 'agree' | 'checklist' | 'open' | 'orphaned', string>>;

/**
 * The report's headings and fixed words, by key. The `diagram…` words are the printed diagram's, split over
 * pages: templates whose {placeholders} the HTML renderer fills ({n}/{total} a part of the diagram, {what}
 * the sites on it, {from}/{to}/{line} the two ends of a line that leaves the page and what the line is,
 * {element}/{site} an end on another part).
 */
export type ReportWordKey =
  'report' | 'provider' | 'source' | 'hash' | 'contents' | 'diagram' | 'flows' | 'threats' | 'responses' | 'requests' | 'checklist' | 'open' | 'orphaned' | 'riskId' | 'rank' | 'level' | 'decision' | 'measures' | 'residual' | 'rationale' | 'agreedWith' | 'date' | 'where' | 'category' | 'owner' | 'risks' | 'item' | 'requirement' | 'status' | 'evidence' | 'reference' | 'none' | 'noOpen' | 'noResponses' | 'noRequests' | 'agree' | 'agreeNote' | 'noAgree' | 'whyWho' | 'noOrphaned' | 'seeList' | 'pattern' | 'title' | 'threat' | 'phase'
  | 'diagramPart' | 'diagramContinued' | 'diagramAnd' | 'diagramOffPage' | 'diagramLink' | 'diagramMedia' | 'diagramElsewhere'
  | 'diagramTooLarge';

export type ReportWords = Readonly<Record<ReportWordKey, string>>;
