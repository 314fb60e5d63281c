// The workshop page's data (koseizu serve): one valid version of the model in one language, and the
// state a page asks for, which adds the version and the problems of the latest save. Built by
// src/workshop/view.ts; renderers/json/workshop.ts gives the JSON the page reads (its diagram drawn).
import type { DiagramDrawing } from './diagram.js';
import type { Severity } from './diagnostic.js';
import type { ThreatRow } from './threats.js';
import type { Form, Lang, Phase, Rank, SegmentKind, Threat } from './vocabulary.js';

export interface WorkshopSegment {
  readonly key: string;
  readonly kind: SegmentKind;
  readonly phase: Phase;
  readonly form: Form;
  readonly flow: string | null;
  readonly media: string | null;
  readonly devices: readonly string[];
  /** Every model id the segment touches: devices, their locations and sites, link, network, data, actor, flow (and media). */
  readonly elements: readonly string[];
}

export interface WorkshopView {
  readonly title: string;
  readonly lang: Lang;
  /** The configuration diagram, laid out as `koseizu diagram` lays it out in this language. */
  readonly diagram: DiagramDrawing;
  /** The risk assessment result list's rows, rank S first. */
  readonly risks: readonly ThreatRow[];
  readonly segments: readonly WorkshopSegment[];
  readonly counts: {
    readonly sites: number;
    readonly locations: number;
    readonly devices: number;
    readonly links: number;
    readonly media: number;
    readonly flows: number;
    readonly segments: number;
    readonly risks: number;
    /** Risks per rank. */
    readonly ranks: Readonly<Record<Rank, number>>;
  };
  /** Keys to words in this language, for filters and legends; `ranks` gives each rank's criterion (対応要否). */
  readonly words: {
    readonly phases: Readonly<Record<Phase, string>>;
    readonly forms: Readonly<Record<Form, string>>;
    readonly segments: Readonly<Record<SegmentKind, string>>;
    readonly ranks: Readonly<Record<Rank, string>>;
    readonly threats: Readonly<Record<Threat, string>>;
  };
}

export interface WorkshopProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  /** A diagnostic code, or "internal" when computing the view failed (a bug in koseizu). */
  readonly code: string;
  readonly message: string;
  readonly hint: string | null;
}

export interface WorkshopState {
  readonly version: number;
  readonly ok: boolean;
  readonly errors: readonly WorkshopProblem[];
  /** The view of the last valid version (null when there never was one). */
  readonly view: WorkshopView | null;
}

/** The state as /view.json sends it: the view's diagram drawn as SVG. */
export interface WorkshopStateJson extends Omit<WorkshopState, 'view'> {
  readonly view: (Omit<WorkshopView, 'diagram'> & { readonly svg: string }) | null;
}
