// What counts as a finding, as pure functions of what the library returned (or threw): every diagnostic
// and every source range positioned inside the text it points into, every output safe for where it goes
// (a terminal, an XML or HTML reader, a JSON parser), and no exception ever.
import { DIAGNOSTIC_CODES } from '../../models/diagnostic.js';
import { diagnosticsJson, formatDiagnostics } from '../../src/index.js';
import { show } from './mutators.js';

export const FINDING_CLASSES = [
  'crash', // the library threw: the CLI would print "internal error"
  'died', // the worker running the case died (out of memory, a native crash, an exit)
  'timeout', // the case ran past the per-case timeout (a hang, or work without end)
  'unpositioned', // a diagnostic or a source range without a file, line or column, or one below 1
  'outside-text', // a position past the end of its line or file, in a file the model does not have, or ending before it starts
  'malformed', // an unknown code, a wrong severity, "undefined" in a message, an invalid result with no error
  'unsafe-output', // an output that breaks where it goes: control characters on a terminal, invalid XML or JSON
  'nondeterministic', // the same case twice gave different bytes
  'slow', // a case over the slow threshold (reported, not a failure)
] as const;
export type FindingClass = (typeof FINDING_CLASSES)[number];

/** The classes that fail a run (all but slow). */
export const FAILING: ReadonlySet<FindingClass> = new Set(FINDING_CLASSES.filter((c) => c !== 'slow'));

export interface Finding {
  readonly class: FindingClass;
  /** The pipeline stage it came from: "validate", "threats", "report"... */
  readonly stage: string;
  /** What was wrong, safe to print on a terminal. */
  readonly detail: string;
}

/** The first frames of an error's stack inside koseizu, paths shortened: enough to tell two crashes apart. */
export function stackTop(error: unknown, frames = 3): string {
  const stack = error instanceof Error ? error.stack ?? '' : '';
  return stack.split('\n').filter((l) => /^\s+at /.test(l) && !/node:internal|scripts[\\/]fuzz/.test(l)).slice(0, frames)
    .map((l) => l.trim().replace(/^at /, '').replace(/\(?(file:\/\/)?[^\s(]*?((src|renderers|models|threat-rules|node_modules)[\\/][^\s)]+)\)?/, '($2)'))
    .join(' < ');
}

export function crashFinding(stage: string, error: unknown): Finding {
  const err = error instanceof Error ? error : new Error(String(error));
  const top = stackTop(err);
  return { class: 'crash', stage, detail: show(`${err.name}: ${err.message}${top ? ` at ${top}` : ''}`, 400) };
}

// ---- Positions ------------------------------------------------------------------------------------------

interface Pos { readonly line: unknown; readonly col: unknown }

const isPos = (p: unknown): p is Pos => typeof p === 'object' && p !== null;
const goodNumber = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

/** The lines of each text, split once (a case can have a hundred thousand diagnostics in one file). */
const linesCache = new WeakMap<ReadonlyMap<string, string>, Map<string, readonly string[]>>();

function linesOf(texts: ReadonlyMap<string, string>, file: string): readonly string[] | undefined {
  let byFile = linesCache.get(texts);
  if (!byFile) linesCache.set(texts, (byFile = new Map()));
  let lines = byFile.get(file);
  if (lines === undefined) {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    // Lines as editors count them (and koseizu, which reads a lone CR as a line end); a column counts UTF-16 code units.
    lines = text.replace(/\r(?!\n)/g, '\n').split('\n');
    byFile.set(file, lines);
  }
  return lines;
}

/** What is wrong with one source range, or null. `texts` holds the text each file was read as. */
export function rangeProblem(range: unknown, texts: ReadonlyMap<string, string>, files: ReadonlySet<string>): { class: 'unpositioned' | 'outside-text'; why: string } | null {
  if (typeof range !== 'object' || range === null) return { class: 'unpositioned', why: 'no range' };
  const r = range as { file?: unknown; start?: unknown; end?: unknown };
  if (typeof r.file !== 'string' || r.file === '') return { class: 'unpositioned', why: 'no file' };
  for (const [name, p] of [['start', r.start], ['end', r.end]] as const) {
    if (!isPos(p)) return { class: 'unpositioned', why: `no ${name}` };
    if (!goodNumber(p.line)) return { class: 'unpositioned', why: `${name} line ${String(p.line)}` };
    if (!goodNumber(p.col)) return { class: 'unpositioned', why: `${name} col ${String(p.col)}` };
  }
  const start = r.start as { line: number; col: number };
  const end = r.end as { line: number; col: number };
  if (!files.has(r.file)) return { class: 'outside-text', why: `file ${show(r.file, 60)} is not one of the model's files` };
  if (end.line < start.line || (end.line === start.line && end.col < start.col)) return { class: 'outside-text', why: `ends (${end.line}:${end.col}) before it starts (${start.line}:${start.col})` };
  const lines = linesOf(texts, r.file);
  if (lines === undefined) {
    // A file that could not be read has no text: only its first position exists.
    return start.line === 1 && start.col === 1 && end.line === 1 && end.col === 1 ? null : { class: 'outside-text', why: `${start.line}:${start.col} in a file that was not read` };
  }
  for (const [name, p] of [['start', start], ['end', end]] as const) {
    const line = lines[p.line - 1];
    if (line === undefined) return { class: 'outside-text', why: `${name} line ${p.line} of a file of ${lines.length} lines` };
    if (p.col > line.length + 1) return { class: 'outside-text', why: `${name} ${p.line}:${p.col} past the end of a line of ${line.length} chars` };
  }
  return null;
}

/** A SourceRange, or something meant as one: a start and an end, with a file or a line. */
const looksLikeRange = (v: Record<string, unknown>): boolean =>
  'start' in v && 'end' in v && ('file' in v || (typeof v['start'] === 'object' && v['start'] !== null && 'line' in (v['start'] as object)));

/** Every source range anywhere in `value` (a model, risks, a check view), checked; at most `limit` findings. */
export function checkRanges(stage: string, value: unknown, texts: ReadonlyMap<string, string>, files: ReadonlySet<string>, limit = 5): Finding[] {
  const found: Finding[] = [];
  const seen = new Set<object>();
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  let visited = 0;
  while (stack.length > 0 && found.length < limit && visited < 2_000_000) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    visited++;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
      continue;
    }
    const o = v as Record<string, unknown>;
    if (looksLikeRange(o)) {
      const problem = rangeProblem(o, texts, files);
      if (problem) found.push({ class: problem.class, stage, detail: `${show(path, 80)}: ${problem.why}` });
      continue;
    }
    for (const k of Object.keys(o).reverse()) stack.push({ v: o[k], path: path ? `${path}.${k}` : k });
  }
  return found;
}

// ---- Diagnostics ----------------------------------------------------------------------------------------

/** Words a message prints for a value it lost: a finding unless the input itself holds them. */
const LOST = /undefined|NaN|\[object Object\]/;

export function checkDiagnostics(stage: string, diagnostics: readonly unknown[], texts: ReadonlyMap<string, string>, files: ReadonlySet<string>, input: string): Finding[] {
  const found: Finding[] = [];
  // A value the input spells so (".nan" is read as NaN and quoted so) is not lost.
  const lostInInput = /undefined|nan|object object/i.test(input);
  for (const raw of diagnostics) {
    const d = raw as { code?: unknown; severity?: unknown; range?: unknown };
    const code = typeof d.code === 'string' ? d.code : String(d.code);
    const problem = rangeProblem(d.range, texts, files);
    if (problem) found.push({ class: problem.class, stage, detail: `${show(code, 10)}: ${problem.why}` });
    if (!Object.hasOwn(DIAGNOSTIC_CODES, code)) found.push({ class: 'malformed', stage, detail: `unknown code ${show(code, 20)}` });
    else if (d.severity !== DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]) found.push({ class: 'malformed', stage, detail: `${code} with severity ${show(String(d.severity), 20)}` });
    if (found.length >= 8) break;
  }
  for (const lang of ['ja', 'en'] as const) {
    let text: string;
    try {
      text = formatDiagnostics(diagnostics as Parameters<typeof formatDiagnostics>[0], lang);
      found.push(...checkOutput(`${stage}:diagnostics`, `text (${lang})`, 'terminal', text));
      found.push(...checkOutput(`${stage}:diagnostics`, `json (${lang})`, 'json', diagnosticsJson(diagnostics as Parameters<typeof diagnosticsJson>[0], lang)));
    } catch (error) {
      found.push(crashFinding(`${stage}:diagnostics`, error));
      continue;
    }
    if (!lostInInput) {
      const line = text.split('\n').find((l) => LOST.test(l));
      if (line !== undefined) found.push({ class: 'malformed', stage, detail: `message (${lang}) prints a lost value: ${show(line, 160)}` });
    }
  }
  return found;
}

// ---- Outputs --------------------------------------------------------------------------------------------

/** Where an output goes, and so what it must not hold. */
export type OutputKind = 'terminal' | 'stdout' | 'xml' | 'html' | 'json' | 'zip' | 'png';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN: Readonly<Record<'terminal' | 'stdout' | 'xml' | 'html', RegExp>> = {
  // What renderers/escape.ts's terminalText promises: no control but tab and line feed, no C1, no line or bidi controls.
  terminal: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/,
  // Markdown, CSV and Mermaid go to standard output by default: no C0 control (ESC included) but tab, CR, LF; no DEL.
  stdout: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/,
  // XML 1.0's characters (SVG).
  xml: new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|${LONE_SURROGATE.source}`),
  // What HTML parses without an error (escapeHtml's set).
  html: new RegExp(`[\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|${LONE_SURROGATE.source}`),
};

const startsWith = (data: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => data[i] === b);

/** What is unsafe in one output, as findings (at most one per output). */
export function checkOutput(stage: string, name: string, kind: OutputKind, data: string | Uint8Array): Finding[] {
  const bad = (why: string): Finding[] => [{ class: 'unsafe-output', stage, detail: `${name}: ${why}` }];
  if (kind === 'zip' || kind === 'png') {
    if (typeof data === 'string') return bad('text where bytes were expected');
    if (kind === 'zip' && !startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return bad('not a zip (xlsx) file');
    if (kind === 'png' && data.length > 0 && !startsWith(data, [0x89, 0x50, 0x4e, 0x47])) return bad('not a PNG');
    return [];
  }
  if (typeof data !== 'string') return bad('bytes where text was expected');
  if (kind === 'json') {
    try {
      JSON.parse(data);
      return [];
    } catch (error) {
      return bad(`not JSON (${show((error as Error).message, 80)})`);
    }
  }
  const m = FORBIDDEN[kind].exec(data);
  if (!m) return [];
  const c = m[0];
  const context = data.slice(Math.max(0, m.index - 24), m.index + 24);
  return bad(`U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at offset ${m.index} (…${show(context, 60)}…)`);
}
