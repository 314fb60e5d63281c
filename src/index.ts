// The library ('koseizu'): the one place that wires the stages together, and one function per command.
//   load (files, includes, YAML, schema) -> resolve (meaning, defaults) -> Model | Diagnostics
//   Model -> walk (segments) -> facts -> rules (findings) -> scored risks -> responses applied
//   Model -> diagram view model -> layout (ELK) -> SVG -> PNG
//   views (flow table, risk list, check, report, diff, workshop) -> the format tables of formats.ts
// Everything here is pure but for what the caller hands in: a SourceHost to read model files through,
// and Resources for the heavy parts (an ELK loader, a rasteriser). 'koseizu/node' (src/io/) gives the
// ones that read the disk and git, rasterise with the bundled fonts and serve the workshop page.
import type { CheckResult, CheckView } from '../models/check.js';
import type { RuleCatalogue } from '../models/catalogue.js';
import type { Diagnostic } from '../models/diagnostic.js';
import type { DiagramDirection, DiagramDrawing, DiagramGraph, DiagramLayout } from '../models/diagram.js';
import type { ModelDiff, RiskChange } from '../models/diff.js';
import type { FlowTable } from '../models/flows.js';
import type { Model } from '../models/model.js';
import type { PreparedRaster, Rasteriser } from '../models/render.js';
import type { ReportView } from '../models/report.js';
import type { ResponseAssessment } from '../models/responses.js';
import type { Rule } from '../models/rule.js';
import type { ThreatList } from '../models/threats.js';
import type { Lang, Phase, Rank } from '../models/vocabulary.js';
import type { WorkshopState, WorkshopView } from '../models/workshop.js';
import { charactersOf } from '../renderers/font/index.js';
import { renderSvg } from '../renderers/svg/diagram.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { analyse, type Assessment } from './analysis/analyse.js';
import { checkRisks } from './analysis/gate.js';
import { applyResponses } from './analysis/responses.js';
import { ranksAtOrAbove } from './analysis/score.js';
import { drawDiagram } from './diagram/draw.js';
import type { ElkLoader } from './diagram/elk.js';
import { diagramGraph } from './diagram/graph.js';
import { modelDiff } from './diff/diff.js';
import { diffGraph } from './diff/graph.js';
import { diffSummaryLine, diffTerms, diffView } from './diff/view.js';
import {
  formatIn, CATALOGUE_FORMATS, CHECK_FORMATS, DIAGRAM_FORMATS, DIFF_DIAGRAM_FORMATS, DIFF_FORMATS, FLOW_FORMATS, REPORT_FILES, THREAT_FORMATS,
  type CatalogueFormat, type CheckFormat, type DiagramFormat, type DiagramFormatSpec, type DiffDiagramFormat, type DiffFormat, type FlowFormat,
  type ReportFile, type ThreatFormat,
} from './formats.js';
import { loadFiles, toSlashes, type SourceHost } from './load/files.js';
import { resolveModel } from './load/resolve.js';
import { suggest } from './load/suggest.js';
import { loadUserRules, modelRulePaths } from './load/user-rules.js';
import { ruleCatalogue } from './report/catalogue.js';
import { checkSummary as summaryOfCheck, checkView } from './report/check.js';
import { regulatoryChecklist } from './report/checklist.js';
import { flowTable } from './report/flows.js';
import { reportView } from './report/report.js';
import { threatList, type ThreatFilter } from './report/threats.js';
import { wording } from './words/wording.js';
import { workshopState, workshopView } from './workshop/view.js';

export type { Diagnostic, DiagnosticCode, DiagnosticList, Severity } from '../models/diagnostic.js';
export type * from '../models/model.js';
export type * from '../models/risk.js';
export type * from '../models/segment.js';
export type * from '../models/threats.js';
export type * from '../models/flows.js';
export type * from '../models/check.js';
export type * from '../models/catalogue.js';
export type * from '../models/diff.js';
export type * from '../models/diagram.js';
export type * from '../models/report.js';
export type * from '../models/responses.js';
export type * from '../models/workshop.js';
export type * from '../models/facts.js';
export type { Renderer, Rasteriser, PreparedRaster } from '../models/render.js';
export type { Rule, RuleMeta, RuleContext, Finding } from '../models/rule.js';
export type { Lang, Phase, Rank, SegmentKind, Form, Threat } from '../models/vocabulary.js';
export type { SourceRange, SourcePos } from '../models/source.js';
export type { SourceHost, ReadResult, ListResult } from './load/files.js';
export type { ElkLoader } from './diagram/elk.js';
export type { Assessment } from './analysis/analyse.js';
export type { ThreatFilter } from './report/threats.js';
export * from './formats.js';
export { formatDiagnostic, formatDiagnostics, diagnosticList, diagnosticsJson, summary } from './words/format.js';
/** Text for a terminal: control characters shown escaped, never emitted. */
export { terminalText } from '../renderers/escape.js';
export { BUILTIN_RULES } from '../threat-rules/index.js';
export { applyResponses } from './analysis/responses.js';
export { diagramGraph } from './diagram/graph.js';
export { threatList } from './report/threats.js';
export { walk } from './analysis/walk.js';

// ---- Building blocks: loading, assessing, drawing ----

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

/**
 * Walks every flow segment in every phase, derives the facts, and runs the built-in catalogue and
 * `userRules` over the segments, scoring with the model's matrix.
 */
export function assessModel(model: Model, userRules: readonly Rule[] = []): Assessment {
  return analyse(model, catalogueOf(userRules));
}

/** The built-in catalogue and the user's rules, in the order the engine runs them. */
function catalogueOf(userRules: readonly Rule[]): readonly Rule[] {
  return userRules.length === 0 ? BUILTIN_RULES : [...BUILTIN_RULES, ...userRules];
}

export interface DiagramRequest {
  readonly lang: Lang;
  readonly phase?: Phase | undefined;
  /** Layers top to bottom (documents, pull requests; the default) or left to right (slides). */
  readonly direction?: DiagramDirection | undefined;
}

export interface RenderedDiagram extends DiagramDrawing {
  readonly svg: string;
}

/** Lays a diagram's view model out with ELK and draws it as SVG. */
export async function renderGraphSvg(graph: DiagramGraph, direction: DiagramDirection = 'down', loadElk?: ElkLoader): Promise<RenderedDiagram> {
  const drawing = await drawDiagram(graph, direction, loadElk);
  return { ...drawing, svg: renderSvg(drawing) };
}

/**
 * Lays the model's diagram out with ELK (labels measured with the bundled font's widths) and draws it as
 * SVG. `loadElk` gives the ELK constructor (koseizu/node has one with a code cache; by default it is required).
 */
export function renderDiagramSvg(model: Model, request: DiagramRequest, loadElk?: ElkLoader): Promise<RenderedDiagram> {
  return renderGraphSvg(diagramGraph(model, request), request.direction ?? 'down', loadElk);
}

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
}

/**
 * Everything the institution receives, in one view: the diagram (laid out with ELK), the flow table, the
 * risk assessment list, the responses applied, what the institution is asked to do, the regulatory
 * checklist and the open risks.
 */
export async function buildReport(model: Model, options: ReportOptions): Promise<BuiltReport> {
  const userRules = options.rules ?? [];
  const assessment = assessModel(model, userRules);
  const responses = applyResponses(model, assessment.risks, assessment.matrix);
  return { view: await reportOf(model, catalogueOf(userRules), assessment, responses, options), assessment, responses };
}

async function reportOf(model: Model, catalogue: readonly Rule[], assessment: Assessment, responses: ResponseAssessment, options: ReportOptions, graph?: DiagramGraph): Promise<ReportView> {
  const direction = options.direction ?? 'down';
  const drawing = await drawDiagram(graph ?? diagramGraph(model, { lang: options.lang }), direction, options.loadElk);
  const words = wording(model, catalogue, options.lang);
  return reportView({
    model,
    words,
    threats: threatList(model, assessment.risks, assessment.matrix, words),
    matrix: assessment.matrix,
    responses,
    checklist: regulatoryChecklist(model, assessment.facts, options.lang),
    diagram: { graph: drawing.graph, layout: drawing.layout, direction },
  });
}

// ---- The commands: one function each, returning plain data, the outputs and a status ----

/** What a command found: 'ok', 'findings' (check and diff --fail-on: risks that fail the gate), or 'invalid'. */
export type Status = 'ok' | 'findings' | 'invalid';

/** The process exit code for a command's result: 0 ok, 1 findings, 2 invalid. */
export function exitCode(result: { readonly status: Status }): 0 | 1 | 2 {
  return result.status === 'ok' ? 0 : result.status === 'findings' ? 1 : 2;
}

/** A model to run a command on: its root file, how to read it, and rule files to add (as `--rules`). */
export interface ModelInput {
  readonly path: string;
  readonly host: SourceHost;
  readonly rules?: readonly string[];
}

/** What the heavy parts need. Without them, elkjs is required as is, and no PNG can be drawn. */
export interface Resources {
  readonly loadElk?: ElkLoader;
  /** Draws SVG as PNG (koseizu/node: pngRasteriser, with the bundled Noto Sans JP). */
  readonly rasteriser?: Rasteriser;
}

/** A model that did not load: its diagnostics say why (at least one is an error). */
export interface Invalid {
  readonly status: 'invalid';
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: undefined;
}

function invalid(diagnostics: readonly Diagnostic[]): Invalid {
  return { status: 'invalid', diagnostics };
}

/** A valid model with its rules, walked, assessed and its responses applied. */
export interface Assessed {
  readonly status: 'ok';
  /** The load's diagnostics (warnings only); the responses' are in `responses.diagnostics`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
  /** The user rules (the model's `rules:` and the input's). */
  readonly rules: readonly Rule[];
  /** Every rule that ran: the built-in catalogue, then the user rules. */
  readonly catalogue: readonly Rule[];
  readonly assessment: Assessment;
  readonly responses: ResponseAssessment;
}

/** Loads, walks and assesses a model, and applies its responses: what threats, check, report and the workshop share. */
export function assess(input: ModelInput): Assessed | Invalid {
  const loaded = loadModel(input.path, input.host, { rules: input.rules ?? [] });
  if (!loaded.model) return invalid(loaded.diagnostics);
  return assessLoaded(loaded.model, loaded.rules, loaded.diagnostics);
}

function assessLoaded(model: Model, rules: readonly Rule[], diagnostics: readonly Diagnostic[]): Assessed {
  const catalogue = catalogueOf(rules);
  const assessment = analyse(model, catalogue);
  const responses = applyResponses(model, assessment.risks, assessment.matrix);
  return { status: 'ok', diagnostics, model, rules, catalogue, assessment, responses };
}

// -- validate

export interface Validated {
  readonly status: 'ok';
  /** The load's warnings, then the responses' (orphaned responses, an S risk with one measure...). */
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
}

/** koseizu validate: loads a model and, when it has responses, checks them against its risks (a model without any skips the walk). */
export function validate(input: ModelInput): Validated | Invalid {
  const loaded = loadModel(input.path, input.host, { rules: input.rules ?? [] });
  if (!loaded.model) return invalid(loaded.diagnostics);
  const responses = loaded.model.responses.length > 0 ? assessLoaded(loaded.model, loaded.rules, []).responses.diagnostics : [];
  return { status: 'ok', diagnostics: [...loaded.diagnostics, ...responses], model: loaded.model };
}

// -- flows

export interface OutputOptions<Format> {
  /** The language of the output (default: the model's system.lang). */
  readonly lang?: Lang | undefined;
  readonly format?: Format | undefined;
}

export interface Flows {
  readonly status: 'ok';
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
  readonly table: FlowTable;
  readonly output: string;
}

/** koseizu flows: the information flows (Who / Where / Which / What / How) per provision form and phase. */
export function flows(input: ModelInput, options: OutputOptions<FlowFormat> = {}): Flows | Invalid {
  const loaded = loadModel(input.path, input.host, { rules: input.rules ?? [] });
  if (!loaded.model) return invalid(loaded.diagnostics);
  const table = flowTable(loaded.model, options.lang ?? loaded.model.system.lang);
  return { status: 'ok', diagnostics: loaded.diagnostics, model: loaded.model, table, output: formatIn(FLOW_FORMATS, options.format, 'md', 'flows')(table) };
}

// -- threats

export interface ThreatsOptions extends OutputOptions<ThreatFormat> {
  /** Only the risks of this phase, segment kind, or rank and above. */
  readonly filter?: ThreatFilter;
}

export interface Threats extends Omit<Assessed, 'status'> {
  readonly status: 'ok';
  readonly list: ThreatList;
  readonly output: string;
}

/** koseizu threats: every flow segment walked, and the risk assessment result list. */
export function threats(input: ModelInput, options: ThreatsOptions = {}): Threats | Invalid {
  const assessed = assess(input);
  if (assessed.status === 'invalid') return assessed;
  const { model, assessment } = assessed;
  const words = wording(model, assessed.catalogue, options.lang ?? model.system.lang);
  const list = threatList(model, assessment.risks, assessment.matrix, words, options.filter ?? {});
  return { ...assessed, list, output: formatIn(THREAT_FORMATS, options.format, 'md', 'threats')(list) };
}

// -- check

export interface CheckOptions extends OutputOptions<CheckFormat> {
  /** Fail on unanswered risks of this rank and above (default: the ranks the criteria say need a response). */
  readonly failOn?: Rank | undefined;
  /** Orphaned responses fail too. */
  readonly strict?: boolean | undefined;
  /** koseizu's version, for SARIF. */
  readonly toolVersion?: string | undefined;
}

export interface Checked extends Omit<Assessed, 'status'> {
  /** 'findings' when the check fails. */
  readonly status: 'ok' | 'findings';
  readonly checked: CheckResult;
  readonly view: CheckView;
  readonly output: string;
}

/** koseizu check: the CI gate; fails on unanswered risks at or above a rank (and, strict, on orphaned responses). */
export function check(input: ModelInput, options: CheckOptions = {}): Checked | Invalid {
  const assessed = assess(input);
  if (assessed.status === 'invalid') return assessed;
  const { model, assessment, responses } = assessed;
  const checked = checkRisks(model, assessment.risks, responses, options.failOn ?? null, options.strict === true);
  const view = checkView(checked, wording(model, assessed.catalogue, options.lang ?? model.system.lang));
  const output = formatIn(CHECK_FORMATS, options.format, 'text', 'check')(view, { toolVersion: options.toolVersion ?? 'unknown' });
  return { ...assessed, status: checked.failed ? 'findings' : 'ok', checked, view, output };
}

/** The check's summary line in a language (for a log in the reader's language when the output is in another). */
export function checkSummary(result: Checked, lang: Lang): string {
  return summaryOfCheck(result.checked, lang);
}

// -- rules

export interface RulesInput {
  /** Rule files or folders to list with the built-in catalogue. */
  readonly rules?: readonly string[];
  /** Reads the rule files (needed only with `rules`). */
  readonly host?: SourceHost;
  /** One rule to explain. */
  readonly id?: string | undefined;
}

export interface Rules {
  readonly status: 'ok';
  readonly diagnostics: readonly Diagnostic[];
  readonly catalogue: RuleCatalogue;
  readonly output: string;
}

export interface UnknownRule extends Invalid {
  /** The id asked for, and the nearest ids there are. */
  readonly unknown: { readonly id: string; readonly suggestions: readonly string[] };
}

/** koseizu rules: the catalogue (the built-in rules, and user rules when given), or one rule explained. */
export function rules(input: RulesInput = {}, options: OutputOptions<CatalogueFormat> = {}): Rules | UnknownRule | Invalid {
  let user: readonly Rule[] = [];
  let diagnostics: readonly Diagnostic[] = [];
  if ((input.rules ?? []).length > 0) {
    if (!input.host) throw new TypeError('rules: reading rule files needs a host (koseizu/node: diskHost)');
    const loaded = loadUserRules((input.rules ?? []).map((p) => ({ path: toSlashes(p), source: null })), input.host, BUILTIN_RULES.map((r) => r.id));
    if (hasErrors(loaded.diagnostics)) return invalid(loaded.diagnostics);
    ({ rules: user, diagnostics } = loaded);
  }
  const catalogue = ruleCatalogue(catalogueOf(user), options.lang ?? 'ja');
  const format = formatIn(CATALOGUE_FORMATS, options.format, 'md', 'rules');
  if (input.id === undefined) return { status: 'ok', diagnostics, catalogue, output: format.all(catalogue) };
  const entry = catalogue.rules.find((r) => r.id === input.id);
  if (!entry) return { status: 'invalid', diagnostics, unknown: { id: input.id, suggestions: suggest(input.id, catalogue.rules.map((r) => r.id)) } };
  return { status: 'ok', diagnostics, catalogue, output: format.one(entry, { catalogue }) };
}

// -- diagram

/** Something a diagram's reader should know, which the CLI prints and a library user may show. */
export type DiagramNote =
  /** A large model: the layout used its faster settings, and left out link labels that found no room. */
  | { readonly code: 'fast-layout'; readonly devices: number; readonly omittedLabels: number }
  /** The PNG would have passed the pixel limit, so it was drawn at `scale` (not the one asked for). */
  | { readonly code: 'png-scaled'; readonly scale: number; readonly asked: number; readonly maxPixels: number }
  /** A Mermaid limit (GitHub's size limits), in the output's language. */
  | { readonly code: 'mermaid'; readonly text: string };

export interface DiagramOptions extends OutputOptions<DiagramFormat> {
  /** Only what this phase uses. */
  readonly phase?: Phase | undefined;
  readonly direction?: DiagramDirection | undefined;
  /** The PNG's zoom (0.1 to 10; default 1). */
  readonly scale?: number | undefined;
}

export interface Diagram {
  readonly status: 'ok';
  readonly diagnostics: readonly Diagnostic[];
  readonly model: Model;
  readonly graph: DiagramGraph;
  /** The layout, for SVG and PNG (Mermaid lays itself out). */
  readonly layout: DiagramLayout | null;
  readonly notes: readonly DiagramNote[];
  /** Text for SVG, Mermaid and Markdown; bytes for PNG. */
  readonly output: string | Uint8Array;
}

/** koseizu diagram: the configuration diagram as SVG, PNG (needs `resources.rasteriser`), Mermaid or Markdown. */
export async function diagram(input: ModelInput, options: DiagramOptions = {}, resources: Resources = {}): Promise<Diagram | Invalid> {
  const loaded = loadModel(input.path, input.host, { rules: input.rules ?? [] });
  if (!loaded.model) return invalid(loaded.diagnostics);
  const model = loaded.model;
  const direction = options.direction ?? 'down';
  const graph = diagramGraph(model, { lang: options.lang ?? model.system.lang, phase: options.phase });
  const drawn = await drawAs(formatIn(DIAGRAM_FORMATS, options.format, 'svg', 'diagram'), graph, direction, options.scale ?? 1, resources);
  return { status: 'ok', diagnostics: loaded.diagnostics, model, graph, ...drawn };
}

/** A diagram's view model in one format: the one place a diagram is laid out, drawn and rasterised. */
async function drawAs(spec: DiagramFormatSpec, graph: DiagramGraph, direction: DiagramDirection, scale: number, resources: Resources): Promise<{ layout: DiagramLayout | null; notes: DiagramNote[]; output: string | Uint8Array }> {
  if (spec.from === 'graph') {
    const mermaid = spec.render(graph, { direction: direction === 'right' ? 'LR' : 'TB' });
    return { layout: null, notes: mermaid.warnings.map((text) => ({ code: 'mermaid', text })), output: mermaid.text };
  }
  if (!(scale >= 0.1 && scale <= 10)) throw new RangeError(`diagram: scale ${scale} is not between 0.1 and 10`);
  // For a PNG the rasteriser starts first: it cuts the fonts down to the graph's characters while ELK works.
  const rasteriser = spec.raster ? rasteriserOf(resources) : null;
  const raster: PreparedRaster | null = rasteriser ? rasteriser.prepare(charactersOf(graph)) : null;
  const drawing = await drawDiagram(graph, direction, resources.loadElk);
  const { layout } = drawing;
  const notes: DiagramNote[] = [];
  if (layout.fast) notes.push({ code: 'fast-layout', devices: graph.sites.reduce((n, s) => n + s.locations.reduce((m, l) => m + l.devices.length, 0), 0), omittedLabels: layout.omittedLabels });
  const svg = spec.render(drawing);
  if (raster === null || rasteriser === null) return { layout, notes, output: svg };
  const png = await raster.render(svg, layout.width, layout.height, scale);
  if (png.scale < scale) notes.push({ code: 'png-scaled', scale: png.scale, asked: scale, maxPixels: rasteriser.maxPixels });
  return { layout, notes, output: png.png };
}

function rasteriserOf(resources: Resources): Rasteriser {
  if (!resources.rasteriser) throw new TypeError('a PNG needs resources.rasteriser (koseizu/node: pngRasteriser())');
  return resources.rasteriser;
}

// -- report

export interface ReportCommandOptions {
  readonly lang?: Lang | undefined;
  readonly direction?: DiagramDirection | undefined;
}

export interface Report extends Omit<Assessed, 'status'> {
  readonly status: 'ok';
  readonly view: ReportView;
  /** The report's files, in REPORT_FILES order: index.html, report.md, risks.xlsx, diagram.svg, diagram.png. */
  readonly files: readonly { readonly name: ReportFile; readonly data: string | Uint8Array }[];
}

/** koseizu report: everything the medical institution receives, as the files of one folder (needs `resources.rasteriser`). */
export async function report(input: ModelInput, options: ReportCommandOptions = {}, resources: Resources = {}): Promise<Report | Invalid> {
  const assessed = assess(input);
  if (assessed.status === 'invalid') return assessed;
  const { model, assessment, responses, catalogue } = assessed;
  const lang = options.lang ?? model.system.lang;
  const graph = diagramGraph(model, { lang });
  const raster = rasteriserOf(resources).prepare(charactersOf(graph));
  const view = await reportOf(model, catalogue, assessment, responses, { lang, direction: options.direction ?? 'down', ...(resources.loadElk ? { loadElk: resources.loadElk } : {}) }, graph);
  const drawing = { graph: view.diagram.graph, layout: view.diagram.layout };
  // One file at a time: each renderer's working memory (the workbook's object tree, the PNG's pixels) is
  // let go before the next starts, so the peak is the view, the files written so far and one renderer's.
  const files: { name: ReportFile; data: string | Uint8Array }[] = [];
  for (const [name, spec] of Object.entries(REPORT_FILES)) {
    if (spec.from === 'view') {
      files.push({ name: name as ReportFile, data: await spec.render(view) });
      continue;
    }
    const svg = spec.render(drawing);
    files.push({ name: name as ReportFile, data: spec.raster ? (await raster.render(svg, drawing.layout.width, drawing.layout.height, 1)).png : svg });
  }
  return { ...assessed, view, files };
}

// -- diff

/** One version of a model for diff: as `ModelInput`, with how outputs name it ("origin/main:model.yaml", a file). */
export interface DiffSide extends ModelInput {
  readonly label: string;
}

export interface DiffOptions extends OutputOptions<DiffFormat> {
  /** Also draw the diagram of the change. */
  readonly diagram?: DiffDiagramFormat | undefined;
  /** 'findings' when the change brings an unanswered risk of this rank or higher. */
  readonly failOn?: Rank | undefined;
}

export interface DiffInvalid {
  readonly status: 'invalid';
  readonly old: LoadResult;
  readonly new: LoadResult;
}

export interface Diff {
  readonly status: 'ok' | 'findings';
  readonly old: LoadResult & { readonly model: Model };
  readonly new: LoadResult & { readonly model: Model };
  readonly diff: ModelDiff;
  readonly output: string;
  /** The diagram of the change, when asked for. */
  readonly diagram: string | Uint8Array | null;
  /** With `failOn`: the risks the change adds (or raises) at or above it, left unanswered. */
  readonly failing: readonly RiskChange[];
}

/** koseizu diff: what changed between two versions: elements, risks, responses and the diagram. */
export async function diff(old: DiffSide, next: DiffSide, options: DiffOptions = {}, resources: Resources = {}): Promise<Diff | DiffInvalid> {
  const before = loadModel(old.path, old.host, { rules: old.rules ?? [] });
  const after = loadModel(next.path, next.host, { rules: next.rules ?? [] });
  if (!before.model || !after.model) return { status: 'invalid', old: before, new: after };
  const sides = { old: { ...before, model: before.model }, new: { ...after, model: after.model } };
  const version = (side: LoadResult & { model: Model }, label: string) => {
    const assessed = assessLoaded(side.model, side.rules, side.diagnostics);
    return { model: side.model, risks: assessed.assessment.risks, responses: assessed.responses, label };
  };
  const changes = modelDiff(version(sides.old, old.label), version(sides.new, next.label));
  const lang = options.lang ?? after.model.system.lang;
  const format = formatIn(DIFF_FORMATS, options.format, 'text', 'diff');
  const graph = format.mermaid || options.diagram
    ? diffGraph(before.model, after.model, { lang, labels: { old: old.label, new: next.label } })
    : null;
  const words = (l: Lang) => ({ old: wording(sides.old.model, catalogueOf(before.rules), l), new: wording(sides.new.model, catalogueOf(after.rules), l) });
  const output = format.render({
    view: () => diffView(changes, words(lang)),
    terms: () => diffTerms(changes, words('ja'), words('en')),
    summary: diffSummaryLine(changes, lang),
    mermaid: format.mermaid && graph ? (await drawAs(DIAGRAM_FORMATS.mmd, graph, 'down', 1, resources)).output as string : null,
  });
  const picture = options.diagram && graph ? (await drawAs(formatIn(DIFF_DIAGRAM_FORMATS, options.diagram, 'svg', 'diff --diagram'), graph, 'down', 1, resources)).output : null;
  const ranks = new Set(options.failOn ? ranksAtOrAbove(options.failOn) : []);
  const failing = changes.risks.filter((r) => (r.state === 'added' || r.state === 'reranked') && r.new && !r.new.answered && ranks.has(r.new.rank)
    && !(r.old && ranks.has(r.old.rank)));
  return { status: failing.length > 0 ? 'findings' : 'ok', ...sides, diff: changes, output, diagram: picture, failing };
}

// -- the workshop view

export interface Workshop {
  /** The state the workshop page reads, in one language. */
  readonly state: WorkshopState;
  readonly status: 'ok' | 'invalid';
  readonly diagnostics: readonly Diagnostic[];
}

/** The workshop page's view of one valid, assessed model in one language (its diagram laid out). */
export async function workshopViewOf(assessed: Assessed, lang: Lang, resources: Resources = {}): Promise<WorkshopView> {
  const drawing = await drawDiagram(diagramGraph(assessed.model, { lang }), 'down', resources.loadElk);
  return workshopView(assessed.model, assessed.assessment, assessed.catalogue, lang, drawing);
}

/** koseizu serve's page, for one version of the model: what /view.json gives (without the server around it). */
export async function workshop(input: ModelInput, options: { readonly lang?: Lang | undefined; readonly version?: number } = {}, resources: Resources = {}): Promise<Workshop> {
  const assessed = assess(input);
  const version = options.version ?? 1;
  if (assessed.status === 'invalid') {
    return { status: 'invalid', diagnostics: assessed.diagnostics, state: workshopState({ version, file: input.path, diagnostics: assessed.diagnostics, valid: false, view: null, crash: null }, options.lang ?? 'ja') };
  }
  const lang = options.lang ?? assessed.model.system.lang;
  const diagnostics = [...assessed.diagnostics, ...assessed.responses.diagnostics];
  const view = await workshopViewOf(assessed, lang, resources);
  return { status: 'ok', diagnostics, state: workshopState({ version, file: input.path, diagnostics, valid: true, view, crash: null }, lang) };
}
export { workshopState } from './workshop/view.js';
