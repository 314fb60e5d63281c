// The information-flow table (情報流) as renderers see it: rows per provision form and phase, every word
// already in the output language. Built by src/report/flows.ts; formatted by renderers/flows.
import type { Flow } from './model.js';
import type { Form, Lang, Phase } from './vocabulary.js';

/** A flow's ids as the model has them (who is null for devices nobody handles: the guideline's "—"), and its words. */
export interface FlowRow extends Pick<Flow, 'id' | 'who' | 'where' | 'which' | 'what' | 'how'> {
  /** The row as the guideline phrases it ("患者が", "待合室の", ... "閲覧・操作する"). */
  readonly cells: { readonly who: string; readonly where: string; readonly which: string; readonly what: string; readonly how: string };
}

export interface MediaRow {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly carrier: string;
  readonly from: string;
  readonly to: string;
  readonly what: readonly string[];
  readonly encrypted: boolean;
  /** The row as every renderer prints it: "バックアップテープ（テープ）", "バックアップデータ". */
  readonly cells: { readonly medium: string; readonly what: string };
}

export interface FlowSection {
  readonly form: Form;
  readonly phase: Phase;
  /** "アプリケーション — 運用フェーズ". */
  readonly title: string;
  readonly rows: readonly FlowRow[];
  readonly media: readonly MediaRow[];
}

export interface FlowTable {
  readonly lang: Lang;
  readonly title: string;
  readonly sections: readonly FlowSection[];
  readonly headings: {
    readonly who: string; readonly where: string; readonly which: string; readonly what: string; readonly how: string; readonly id: string;
    readonly media: string; readonly medium: string; readonly carrier: string; readonly from: string; readonly to: string; readonly encrypted: string;
  };
  readonly words: {
    readonly yes: string; readonly no: string; readonly none: string;
    /** Each provision form and phase in words, for tables that give them a column of their own. */
    readonly forms: Readonly<Record<Form, string>>;
    readonly phases: Readonly<Record<Phase, string>>;
  };
}
