// The library API: the one place that wires the stages together.
// load (files, includes, YAML, schema) -> resolve (meaning, defaults) -> Model | Diagnostics;
// Model -> walk (segments) -> rules (findings) -> scored risks -> the risk assessment list;
// Model -> diagram view model -> layout (ELK) -> SVG (-> PNG with the bundled font). Heavy libraries
// (elkjs, fontkit, resvg, subset-font) load only when a diagram is asked for.
import type { Diagnostic } from '../models/diagnostic.js';
import type { DiagramDirection, DiagramGraph, DiagramLayout } from '../models/diagram.js';
import type { Model } from '../models/model.js';
import type { ReportView } from '../models/report.js';
import type { ResponseAssessment } from '../models/responses.js';
import type { Risk, RiskMatrix } from '../models/risk.js';
import type { Rule } from '../models/rule.js';
import type { Segment } from '../models/segment.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { analyse, type Assessment } from './analysis/analyse.js';
import { applyResponses } from './analysis/responses.js';
import { riskMatrix } from './analysis/score.js';
import { threatList } from './report/threats.js';
import { loadUserRules, modelRulePaths } from './load/user-rules.js';
import { walk } from './analysis/walk.js';
import type { Lang, Phase } from '../models/vocabulary.js';
import type { FontSet } from '../renderers/font/index.js';
import { diagramGraph } from './diagram/graph.js';
import { wording } from './words/wording.js';
import type { ElkLoader } from './diagram/elk.js';
import { loadFiles, toSlashes, type SourceHost } from './load/files.js';
import { resolveModel } from './load/resolve.js';

export type { Diagnostic, DiagnosticCode, Severity } from '../models/diagnostic.js';
export type * from '../models/model.js';
export type * from '../models/risk.js';
export type * from '../models/segment.js';
export type * from '../models/threats.js';
export type { SourceRange, SourcePos } from '../models/source.js';
export type { SourceHost, ReadResult } from './load/files.js';
export { formatDiagnostic, formatDiagnostics, diagnosticsJson, summary } from './words/format.js';

export interface LoadResult {
  /** The resolved model, or undefined when there is any error (in the model or in its rule files). */
  readonly model: Model | undefined;
  /** Every error and warning, sorted by file (in load order), position and code; rule files' after the model's. */
  readonly diagnostics: readonly Diagnostic[];
  /** The user rules of the model's `rules:` and of `options.rules`, sorted by id (none when there is an error). */
  readonly rules: readonly Rule[];
}

export interface LoadOptions {
  /** Rule files or folders given on the command line (`--rules`), read as well as the model's own. */
  readonly rules?: readonly string[];
}

/** Loads a model and, when it is valid, the user rules it names (and those of `options.rules`). */
export function loadModel(path: string, host: SourceHost, options: LoadOptions = {}): LoadResult {
  const loaded = loadFiles(path, host);
  const resolved = resolveModel(loaded);
  const order = new Map(loaded.files.map((f, i) => [f.file, i]));
  const diagnostics = [...loaded.diagnostics, ...resolved.diagnostics].sort((a, b) =>
    (order.get(a.range.file) ?? 0) - (order.get(b.range.file) ?? 0)
    || a.range.start.line - b.range.start.line
    || a.range.start.col - b.range.start.col
    || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const model = diagnostics.some((d) => d.severity === 'error') ? undefined : resolved.model;
  const extra = options.rules ?? [];
  if (!model || (model.rules.length === 0 && extra.length === 0)) return { model, diagnostics, rules: [] };
  const user = loadUserRules(
    [...modelRulePaths(model), ...extra.map((p) => ({ path: toSlashes(p), source: null }))],
    host,
    BUILTIN_RULES.map((r) => r.id),
  );
  const all = [...diagnostics, ...user.diagnostics];
  const failed = all.some((d) => d.severity === 'error');
  return { model: failed ? undefined : model, diagnostics: all, rules: failed ? [] : user.rules };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

// ---- The configuration diagram: view model -> layout -> SVG / PNG / Mermaid ----

export interface DiagramRequest {
  readonly lang: Lang;
  readonly phase?: Phase | undefined;
  /** Layers top to bottom (documents, pull requests; the default) or left to right (slides). */
  readonly direction?: DiagramDirection | undefined;
}

export interface RenderedDiagram {
  readonly graph: DiagramGraph;
  readonly layout: DiagramLayout;
  readonly svg: string;
}

/**
 * Lays the model's diagram out with ELK (labels measured with the bundled font's widths) and draws it as
 * SVG. `loadElk` gives the ELK constructor (the CLI passes one that uses a code cache; the default requires it).
 */
export async function renderDiagramSvg(model: Model, request: DiagramRequest, loadElk?: ElkLoader): Promise<RenderedDiagram> {
  const graph = diagramGraph(model, request);
  const [{ fontMeasurer }, { layoutDiagram }, { createElkEngine }, { renderSvg }] = await Promise.all([
    import('../renderers/font/index.js'), import('./diagram/layout.js'), import('./diagram/elk.js'), import('../renderers/svg/diagram.js'),
  ]);
  const layout = await layoutDiagram(graph, fontMeasurer(), createElkEngine(loadElk), request.direction ?? 'down');
  return { graph, layout, svg: renderSvg({ graph, layout }) };
}

/**
 * The fonts cut down to what a diagram of the model can draw, for renderPng. It needs only the view model,
 * so a caller can start it before the layout: the subsetter's WebAssembly compiles while ELK works.
 */
export async function subsetFontsFor(model: Model, request: DiagramRequest, fonts: FontSet): Promise<FontSet> {
  const { charactersOf, subsetFonts } = await import('../renderers/font/index.js');
  return subsetFonts(fonts, charactersOf(diagramGraph(model, request)));
}

export { diagramGraph } from './diagram/graph.js';

// ---- The risk walk: segments -> findings -> scored risks ----

export type { Assessment } from './analysis/analyse.js';

/**
 * Walks every flow segment in every phase, derives the facts, and runs the built-in catalogue and
 * `userRules` over the segments, scoring with the model's matrix.
 */
export function assessModel(model: Model, userRules: readonly Rule[] = []): Assessment {
  return analyse(model, userRules.length === 0 ? BUILTIN_RULES : [...BUILTIN_RULES, ...userRules]);
}

export { BUILTIN_RULES } from '../threat-rules/index.js';
export { applyResponses } from './analysis/responses.js';

// ---- The documents for the institution, and the report bundling them ----

export interface ReportOptions {
  readonly lang: Lang;
  /** User rules, added to the built-in catalogue. */
  readonly rules?: readonly Rule[];
  readonly direction?: DiagramDirection;
  readonly loadElk?: ElkLoader;
}

export interface BuiltReport {
  readonly view: ReportView;
  readonly assessment: Assessment;
  readonly responses: ResponseAssessment;
  /** The diagram as drawn for the report (its SVG is in the view), for a PNG. */
  readonly diagram: RenderedDiagram;
}

/**
 * Everything the institution receives, in one view: the diagram (laid out with ELK), the flow table, the
 * risk assessment list, the responses applied, what the institution is asked to do, the regulatory
 * checklist and the open risks.
 */
export async function buildReport(model: Model, options: ReportOptions): Promise<BuiltReport> {
  const assessment = assessModel(model, options.rules ?? []);
  const responses = applyResponses(model, assessment.risks, assessment.matrix);
  const request = { lang: options.lang, direction: options.direction ?? 'down' } as const;
  const [diagram, { regulatoryChecklist }, { reportView }] = await Promise.all([
    renderDiagramSvg(model, request, options.loadElk),
    import('./report/checklist.js'),
    import('./report/report.js'),
  ]);
  const words = wording(model, [...BUILTIN_RULES, ...(options.rules ?? [])], options.lang);
  const view = reportView({
    model,
    words,
    threats: threatList(model, assessment.risks, assessment.matrix, words),
    matrix: assessment.matrix,
    responses,
    checklist: regulatoryChecklist(model, assessment.facts, options.lang),
    diagram: { graph: diagram.graph, layout: diagram.layout, direction: request.direction },
  });
  return { view, assessment, responses, diagram };
}
export { threatList, type ThreatFilter } from './report/threats.js';
export type * from '../models/report.js';
export type * from '../models/responses.js';
export { walk } from './analysis/walk.js';
