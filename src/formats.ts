// Output formats, one table per command: each format's name (what --format takes, and what a file's
// extension implies for the diagram) and the renderer that writes it from the command's view. The names
// are the tables' keys, so the CLI's choices and the library's types come from here: a format is a
// renderer in its folder of renderers/ plus one line in one table, and the compiler checks the line.
import type { CheckView } from '../models/check.js';
import type { RuleCatalogue, RuleEntry } from '../models/catalogue.js';
import type { DiagnosticList } from '../models/diagnostic.js';
import type { DiagramDrawing, DiagramGraph } from '../models/diagram.js';
import type { DiffView, ModelDiffTerms } from '../models/diff.js';
import type { FlowTable } from '../models/flows.js';
import type { Renderer } from '../models/render.js';
import type { ReportView } from '../models/report.js';
import type { ThreatList } from '../models/threats.js';
import * as csv from '../renderers/csv/index.js';
import * as html from '../renderers/html/index.js';
import * as json from '../renderers/json/index.js';
import * as markdown from '../renderers/markdown/index.js';
import * as mermaid from '../renderers/mermaid/index.js';
import * as sarif from '../renderers/sarif/index.js';
import * as svg from '../renderers/svg/index.js';
import * as text from '../renderers/text/index.js';
import * as xlsx from '../renderers/xlsx/index.js';

/** The names of a table's formats, in its order (for --format's choices). */
export function formatNames<T extends object>(table: T): (keyof T & string)[] {
  return Object.keys(table) as (keyof T & string)[];
}

/** A table's entry for `name` (or `fallback`); a name the table lacks (from untyped code) is a clear error. */
export function formatIn<T extends object>(table: T, name: keyof T | undefined, fallback: keyof T & string, command: string): T[keyof T] {
  const key = name ?? fallback;
  if (!Object.hasOwn(table, key)) throw new TypeError(`${command}: no format "${String(key)}" (${formatNames(table).join(', ')})`);
  return table[key];
}

/** koseizu validate (and every command's problems): compiler-style text, or JSON for tools. */
export const DIAGNOSTIC_FORMATS = {
  text: text.diagnostics,
  json: json.diagnostics,
} as const satisfies Record<string, Renderer<DiagnosticList>>;
export type DiagnosticFormat = keyof typeof DIAGNOSTIC_FORMATS;

/** koseizu flows: the information flow table. */
export const FLOW_FORMATS = {
  md: markdown.flows,
  csv: csv.flows,
  json: json.flows,
} as const satisfies Record<string, Renderer<FlowTable>>;
export type FlowFormat = keyof typeof FLOW_FORMATS;

/** koseizu threats: the risk assessment result list. */
export const THREAT_FORMATS = {
  md: markdown.threats,
  csv: csv.threats,
  json: json.threats,
} as const satisfies Record<string, Renderer<ThreatList>>;
export type ThreatFormat = keyof typeof THREAT_FORMATS;

/** koseizu rules: the whole catalogue, or one rule explained. */
export const CATALOGUE_FORMATS = {
  md: { all: markdown.catalogue, one: markdown.rule },
  json: { all: (catalogue) => json.catalogue(catalogue.rules), one: (entry) => json.catalogue([entry]) },
} as const satisfies Record<string, { readonly all: Renderer<RuleCatalogue>; readonly one: Renderer<RuleEntry, { readonly catalogue: RuleCatalogue }> }>;
export type CatalogueFormat = keyof typeof CATALOGUE_FORMATS;

export interface CheckFormatOptions {
  /** koseizu's version, for SARIF's tool.driver.version. */
  readonly toolVersion: string;
}

/** koseizu check: one line per failing risk for a CI log, or SARIF 2.1.0 for code scanning. */
export const CHECK_FORMATS = {
  text: (view) => text.check(view),
  sarif: (view, options) => sarif.check(view, { version: options.toolVersion }),
} as const satisfies Record<string, Renderer<CheckView, CheckFormatOptions>>;
export type CheckFormat = keyof typeof CHECK_FORMATS;

/** What a diff renderer may read: the diff in one language, in both (JSON), its summary line and its Mermaid picture. */
export interface DiffOutputs {
  view(): DiffView;
  terms(): ModelDiffTerms;
  readonly summary: string;
  /** The diff diagram as Mermaid, drawn only for a format that says `mermaid: true`. */
  readonly mermaid: string | null;
}

/** koseizu diff: for a terminal, a pull-request comment (with the diff diagram in Mermaid), or tools. */
export const DIFF_FORMATS = {
  text: { mermaid: false, render: (d) => text.diff(d.view()) },
  md: { mermaid: true, render: (d) => markdown.diff(d.view(), { mermaid: d.mermaid }) },
  json: { mermaid: false, render: (d) => json.diff(d.terms(), { summary: d.summary }) },
} as const satisfies Record<string, { readonly mermaid: boolean; readonly render: Renderer<DiffOutputs> }>;
export type DiffFormat = keyof typeof DIFF_FORMATS;

/**
 * koseizu diagram, by the file extension each format is written with: drawn from the laid-out diagram
 * (SVG, and PNG rasterised from it) or written from the view model alone (Mermaid, which lays itself out).
 */
export const DIAGRAM_FORMATS = {
  svg: { from: 'drawing', render: svg.diagram, raster: false },
  png: { from: 'drawing', render: svg.diagram, raster: true },
  mmd: { from: 'graph', render: mermaid.diagram },
  md: { from: 'graph', render: markdown.diagram },
} as const satisfies Record<string, DiagramFormatSpec>;
export type DiagramFormat = keyof typeof DIAGRAM_FORMATS;

export type DiagramFormatSpec =
  | { readonly from: 'drawing'; readonly render: Renderer<DiagramDrawing>; readonly raster: boolean }
  | { readonly from: 'graph'; readonly render: Renderer<DiagramGraph, mermaid.MermaidOptions, mermaid.MermaidResult> };

/** The diff diagram (koseizu diff --diagram), by extension. */
export const DIFF_DIAGRAM_FORMATS = {
  svg: DIAGRAM_FORMATS.svg,
  png: DIAGRAM_FORMATS.png,
} as const satisfies Record<string, DiagramFormatSpec & { readonly from: 'drawing' }>;
export type DiffDiagramFormat = keyof typeof DIFF_DIAGRAM_FORMATS;

/**
 * koseizu report: the files written into the report's folder, in this order. Each is drawn from the
 * report view, from its laid-out diagram, or rasterised from that diagram's SVG.
 */
export const REPORT_FILES = {
  'index.html': { from: 'view', render: html.report },
  'report.md': { from: 'view', render: markdown.report },
  'risks.xlsx': { from: 'view', render: xlsx.report },
  'diagram.svg': DIAGRAM_FORMATS.svg,
  'diagram.png': DIAGRAM_FORMATS.png,
} as const satisfies Record<string, { readonly from: 'view'; readonly render: Renderer<ReportView, void, string | Promise<Uint8Array>> } | DiagramFormatSpec & { readonly from: 'drawing' }>;
export type ReportFile = keyof typeof REPORT_FILES;
