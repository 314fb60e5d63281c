// Stage 1: YAML text -> a plain value plus a locator that maps any path in it back to file:line:col.
// Pure: the text comes in, diagnostics come out; nothing is thrown for bad input.
import { Alias, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from '../../models/diagnostic.js';
import { severityOf } from '../../models/diagnostic.js';
import type { SourceFile, SourcePos, SourceRange } from '../../models/source.js';
import { parseFast, spanOf, walkFast, type FastParse } from './parse-fast.js';

/** Larger model files are refused before parsing: real models are a few hundred kilobytes at most. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Aliases allowed per file; an "alias bomb" expands far past this and is refused at once. */
export const MAX_ALIASES = 200;

export type PathSegment = string | number;

/** Finds where a value of the parsed document came from. */
export interface Locator {
  /** The range of the value at `path`, or of the nearest ancestor that exists. */
  range(path: readonly PathSegment[]): SourceRange;
  /** The range of the key of the pair at `path` (its last segment must be a key), else as `range`. */
  keyRange(path: readonly PathSegment[]): SourceRange;
}

export interface ParsedFile {
  readonly file: string;
  /** The document as plain data, or undefined when it could not be read as YAML. */
  readonly value: unknown;
  readonly locator: Locator;
  readonly diagnostics: readonly Diagnostic[];
}

export function diagnostic(code: DiagnosticCode, range: SourceRange, args: DiagnosticArgs = {}, suggestions?: readonly string[]): Diagnostic {
  return suggestions && suggestions.length > 0
    ? { code, severity: severityOf(code), range, args, suggestions }
    : { code, severity: severityOf(code), range, args };
}

export function pointRange(file: string, line = 1, col = 1): SourceRange {
  return { file, start: { line, col }, end: { line, col } };
}

/** Which parser read a file: js-yaml's events for a plain file, else the `yaml` library (see parse-fast.ts). */
export type ParserPath = 'fast' | 'yaml';
const readFast = new WeakSet<ParsedFile>();

/** Which parser read this file (for tests and benchmarks: it changes nothing in the result). */
export function parserPathOf(parsed: ParsedFile): ParserPath {
  return readFast.has(parsed) ? 'fast' : 'yaml';
}

export interface ParseOptions {
  /** false: read the file with the `yaml` library even when it is plain (the fast path's tests compare the two). */
  readonly fast?: boolean;
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core', keepSourceTokens: false } as const;

/**
 * Reads a YAML file: a plain one (the usual case) by the fast path of parse-fast.ts, anything else (and
 * every file that has a diagnostic) by the `yaml` library. Both give the same value, the same locator
 * answers and the same diagnostics; test/parse-fast.test.ts holds them to it.
 */
export function parseYaml(source: SourceFile, options: ParseOptions = {}): ParsedFile {
  const { path: file } = source;
  const text = normalizedText(source.text);
  if (options.fast !== false && text.length <= MAX_FILE_BYTES && !text.includes('\u0000')) {
    const fast = parseFast(text);
    if (fast !== undefined) {
      const parsed: ParsedFile = { file, value: fast.value, locator: fastLocator(fast, text, file), diagnostics: [] };
      readFast.add(parsed);
      return parsed;
    }
  }
  // The `yaml` path, as it was before the fast one: this function's own body, so that how deep the stack
  // already is when the parser recurses (where "nesting too deep" is found) stays as it was.
  const whole = pointRange(file);
  const fail = (code: DiagnosticCode, args: DiagnosticArgs = {}, range = whole): ParsedFile => ({
    file, value: undefined, locator: { range: () => range, keyRange: () => range }, diagnostics: [diagnostic(code, range, args)],
  });
  if (text.length > MAX_FILE_BYTES) return fail('KZ003', { size: text.length, limit: MAX_FILE_BYTES });
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return fail('KZ004', {});

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, YAML_OPTIONS);
  } catch (error) {
    // The parser recurses on nesting; absurdly deep input exhausts the stack. That is bad input, not a bug.
    if (error instanceof RangeError) return fail('KZ001', { detail: 'nesting too deep', yaml: 'NESTING' });
    throw error;
  }
  // Positions come from our own index of line starts: the library's LineCounter misses the newlines
  // inside a token it could not parse, which would put every later diagnostic a line too early.
  const lineStarts = lineStartsOf(text);
  const pos = (offset: number): SourcePos => positionIn(lineStarts, Math.max(0, Math.min(offset, text.length)));
  const span = (start: number, end: number): SourceRange => ({ file, start: pos(start), end: pos(end) });
  const nodeRange = (node: Node | null | undefined): SourceRange | undefined =>
    node?.range ? span(node.range[0], node.range[1]) : undefined;

  const diagnostics: Diagnostic[] = [];
  // After the first syntax error the parser's further complaints are mostly its own confusion
  // (one tab yields four errors): report the first, plus every duplicate key, which stand on their own.
  let syntaxReported = false;
  for (const error of doc.errors) {
    const range = span(error.pos[0], error.pos[1]);
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic('KZ002', range, { key: duplicateKeyAt(text, error.pos[0]) }));
    } else if (error.code === 'MULTIPLE_DOCS') {
      diagnostics.push(diagnostic('KZ008', range));
    } else if (!syntaxReported) {
      syntaxReported = true;
      const deep = /call stack/i.test(error.message);
      // An unclosed "{" or "[" is reported where the parser gave up; point at the bracket left open.
      const open = /flow (map|sequence|collection)/i.test(error.message) ? unclosedFlowAt(doc, error.pos[0]) : undefined;
      // The parser may start the error at the blank lines and indentation before what it could not read:
      // point at the first character that is there.
      const at = open === undefined ? inkFrom(text, error.pos[0], error.pos[1]) : open;
      diagnostics.push(diagnostic('KZ001', open === undefined ? span(at, Math.max(at, error.pos[1])) : span(open, open + 1), {
        detail: deep ? 'nesting too deep' : firstLine(error.message),
        yaml: deep ? 'NESTING' : error.code,
      }));
    }
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      diagnostics.push(diagnostic('KZ013', span(warning.pos[0], warning.pos[1]), { tag: warning.message.replace(/^Unresolved tag:\s*/, '') }));
    }
  }

  const locator = makeLocator(doc, file, nodeRange, whole);
  if (diagnostics.length > 0) return { file, value: undefined, locator, diagnostics };

  // A mapping or list used as a key ("[a, b]: c") has no place in a model; the library would turn it
  // into a string and print a process warning.
  visit(doc, {
    Pair(_key, pair) {
      if (isCollection(pair.key)) diagnostics.push(diagnostic('KZ001', nodeRange(pair.key as Node) ?? whole, { detail: 'a key must be a plain string', yaml: 'NON_STRING_KEY' }));
    },
  });
  if (diagnostics.length > 0) return { file, value: undefined, locator, diagnostics };

  let value: unknown;
  try {
    // Tags other than the core schema's own are refused: koseizu reads plain data only.
    if (text.includes('!')) {
      visit(doc, {
        Node(_key, node) {
          if (!node.tag || CORE_TAGS.has(node.tag) || !node.range) return;
          // The node's range starts at its value; the tag is written just before it.
          const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
          const at = text.lastIndexOf(tag, node.range[0]);
          diagnostics.push(diagnostic('KZ013', at >= 0 ? span(at, at + tag.length) : (nodeRange(node) ?? whole), { tag }));
        },
      });
      if (diagnostics.length > 0) return { file, value: undefined, locator, diagnostics };
    }
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError) {
      let first: Alias | undefined;
      visit(doc, { Alias(_key, node) { first ??= node; return visit.BREAK; } });
      return { file, value: undefined, locator, diagnostics: [diagnostic('KZ005', nodeRange(first) ?? whole, { limit: MAX_ALIASES })] };
    }
    if (error instanceof RangeError) return fail('KZ001', { detail: 'nesting too deep', yaml: 'NESTING' });
    throw error;
  }
  // An alias inside the node its anchor names ("&a [*a]") makes the data contain itself: refused.
  if (containsItself(value)) {
    let first: Alias | undefined;
    visit(doc, { Alias(_key, node) { first ??= node; return visit.BREAK; } });
    return { file, value: undefined, locator, diagnostics: [diagnostic('KZ001', nodeRange(first) ?? whole, { detail: 'an alias refers to a node that contains it', yaml: 'BAD_ALIAS' })] };
  }
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    const range = nodeRange(doc.contents as Node | null) ?? whole;
    return { file, value: undefined, locator, diagnostics: [diagnostic('KZ007', range, { found: describeType(value) })] };
  }
  return { file, value, locator, diagnostics };
}

// YAML breaks lines at CR, LF or CRLF; the parser reads a lone CR (old Mac files) as text. One character
// for one keeps every offset, and every position, where it was.
function normalizedText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The fast path's locator: offsets from the events, line and column worked out only when asked. */
function fastLocator(fast: FastParse, text: string, file: string): Locator {
  let lineStarts: number[] | undefined;
  const span = ([start, end]: readonly [number, number]): SourceRange => {
    lineStarts ??= lineStartsOf(text);
    return { file, start: positionIn(lineStarts, start), end: positionIn(lineStarts, end) };
  };
  // The few ranges the events cannot settle are asked of the `yaml` library, which parses the file then, once.
  let full: Locator | undefined;
  const slow = (): Locator => (full ??= parseYaml({ path: file, text }, { fast: false }).locator);
  return {
    range: (path) => {
      const s = spanOf(fast, text, walkFast(fast, text, path).node);
      return s === undefined ? slow().range(path) : span(s);
    },
    keyRange: (path) => {
      const { node, key } = walkFast(fast, text, path);
      const s = spanOf(fast, text, key >= 0 ? key : node);
      return s === undefined ? slow().keyRange(path) : span(s);
    },
  };
}

const CORE_TAGS = new Set(['tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null']);

function makeLocator(doc: Document.Parsed, file: string, nodeRange: (node: Node | null | undefined) => SourceRange | undefined, whole: SourceRange): Locator {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  /** Walks the path; returns the deepest node reached and, when the last step was a map key, its key node. */
  const walk = (path: readonly PathSegment[]): { node: Node | null; key: Node | null } => {
    let node = resolve(doc.contents) as Node | null;
    let key: Node | null = null;
    for (const segment of path) {
      key = null;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        key = pair.key as Node;
        // A key with no value ("at:") points at the key itself.
        node = (resolve(pair.value) as Node | null) ?? key;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = resolve(item) as Node | null;
      } else {
        break;
      }
    }
    return { node, key };
  };
  return {
    range: (path) => nodeRange(walk(path).node) ?? whole,
    keyRange: (path) => {
      const { node, key } = walk(path);
      return nodeRange(key) ?? nodeRange(node) ?? whole;
    },
  };
}

/** Whether a value reaches itself through its own children (only aliases can make that). */
function containsItself(value: unknown): boolean {
  const ancestors = new Set<object>();
  const done = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    if (ancestors.has(v)) return true;
    if (done.has(v)) return false;
    ancestors.add(v);
    const cyclic = Object.values(v).some(walk);
    ancestors.delete(v);
    done.add(v);
    return cyclic;
  };
  return walk(value);
}

/** Offsets at which each line starts (line 1 at offset 0). */
/**
 * The first offset from `start` that is not a space or a line break (a tab is kept: it may be what the
 * error is about), looking at most 200 characters past the error's end; `start` when there is none.
 */
function inkFrom(text: string, start: number, end: number): number {
  const limit = Math.max(end, start + 1) + 200;
  for (let i = start; i < text.length && i <= limit; i++) if (!/[ \r\n]/.test(text[i] as string)) return i;
  return start;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over the line starts. */
function positionIn(lineStarts: readonly number[], offset: number): SourcePos {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (lineStarts[lo] ?? 0) + 1 };
}

/** The start of the innermost flow collection ("{" or "[") that spans `offset`: the one left open. */
function unclosedFlowAt(doc: Document.Parsed, offset: number): number | undefined {
  let best: number | undefined;
  visit(doc, {
    Collection(_key, node) {
      const r = node.range;
      if (node.flow && r && r[0] < offset && offset <= r[2] && (best === undefined || r[0] > best)) best = r[0];
    },
  });
  return best;
}

/** The text of the key the parser flagged as a duplicate. */
function duplicateKeyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const match = /^["']?([^"':\n]*)/.exec(rest);
  return (match?.[1] ?? '').trim();
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+$/, '').trim();
}

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
