// The library API: the one place that wires the stages together.
// load (files, includes, YAML, schema) -> resolve (meaning, defaults) -> Model | Diagnostics.
import type { Diagnostic } from '../models/diagnostic.js';
import type { Model } from '../models/model.js';
import { loadFiles, type SourceHost } from './load.js';
import { resolveModel } from './resolve.js';

export type { Diagnostic, DiagnosticCode, Severity } from '../models/diagnostic.js';
export type * from '../models/model.js';
export type { SourceRange, SourcePos } from '../models/source.js';
export type { SourceHost, ReadResult } from './load.js';
export { formatDiagnostic, formatDiagnostics, diagnosticsJson, summary } from './format.js';

export interface LoadResult {
  /** The resolved model, or undefined when there is any error. */
  readonly model: Model | undefined;
  /** Every error and warning, sorted by file (in load order), position and code. */
  readonly diagnostics: readonly Diagnostic[];
}

export function loadModel(path: string, host: SourceHost): LoadResult {
  const loaded = loadFiles(path, host);
  const resolved = resolveModel(loaded);
  const order = new Map(loaded.files.map((f, i) => [f.file, i]));
  const diagnostics = [...loaded.diagnostics, ...resolved.diagnostics].sort((a, b) =>
    (order.get(a.range.file) ?? 0) - (order.get(b.range.file) ?? 0)
    || a.range.start.line - b.range.start.line
    || a.range.start.col - b.range.start.col
    || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { model: diagnostics.some((d) => d.severity === 'error') ? undefined : resolved.model, diagnostics };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
