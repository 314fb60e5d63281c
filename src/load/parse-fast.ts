// The fast path of stage 1: a plain YAML file (no anchors, aliases, tags, block scalars, complex keys,
// directives or second documents: the files people write) read by js-yaml's event parser, with the value
// built here and the source positions kept as the events' offsets. The positions answer exactly as the
// `yaml` library's nodes would (parse.ts keeps that library for every other file): the same start and end
// of every value and every key. Where this file is not sure it would give the same answer, it says so
// (`undefined`) and the caller takes the `yaml` path; at query time, a range it cannot be sure of
// (a block collection followed by comment lines, which that library hands to one node or another by
// their indentation) is asked of the `yaml` path, parsed then, once.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';

/** A file read by the fast path: its value and what the locator needs, nothing built per node. */
export interface FastParse {
  readonly value: Record<string, unknown>;
  readonly events: readonly Event[];
  /** For each collection's event, the index of the event that closes it. */
  readonly close: Int32Array;
  /** For each empty scalar's event, the offset where the `yaml` library puts it (after "key:" and spaces). */
  readonly emptyAt: ReadonlyMap<number, number>;
}

/** The offsets [start, end) of a value or key, or undefined when only the `yaml` path can say. */
export type Span = readonly [number, number] | undefined;

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters with which a plain scalar may be something other than a string. */
const TYPED_START = new Set(['~', 'n', 'N', 't', 'T', 'f', 'F', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '+', '.']);

/** A plain scalar's value as the `yaml` library's YAML 1.2 core schema reads it (same tests, same order). */
export function plainValue(text: string): unknown {
  if (text === '') return null;
  if (!TYPED_START.has(text[0] as string)) return text;
  if (NULL_RE.test(text)) return null;
  if (BOOL_RE.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OCT_RE.test(text)) return parseInt(text.substring(2), 8);
  if (INT_RE.test(text)) return parseInt(text, 10);
  if (HEX_RE.test(text)) return parseInt(text.substring(2), 16);
  if (NAN_RE.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP_RE.test(text) || FLOAT_RE.test(text)) return parseFloat(text);
  return text;
}

interface Open {
  readonly event: number;
  readonly flow: boolean;
  readonly map: boolean;
  readonly container: Record<string, unknown> | unknown[];
  key: string | undefined;
}

/**
 * Reads `text` by the fast path, or returns undefined when the file is not plain enough to be sure that
 * the `yaml` path would give the same value, the same positions and no diagnostic.
 */
export function parseFast(text: string): FastParse | undefined {
  // Tabs: the two parsers disagree on where a tab may stand. A byte order mark: on where offsets start.
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined; // a syntax error, a duplicate key, nesting past 100: the `yaml` path says which
  }
  const n = events.length;
  const close = new Int32Array(n);
  const emptyAt = new Map<number, number>();
  const stack: Open[] = [];
  let root: Record<string, unknown> | undefined;
  let documents = 0;
  for (let i = 0; i < n; i++) {
    const event = events[i] as Event;
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        documents += 1;
        if (documents > 1 || event.directives.length > 0 || event.explicitEnd) return undefined;
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const map = event.type === EVENT_ID.MAPPING;
        const flow = event.style === 2;
        const parent = stack[stack.length - 1];
        if (parent === undefined ? !map || i !== 1 : parent.map && parent.key === undefined) return undefined; // a plain root map; no collection as a key
        // A flow collection opens with its bracket ("[a: 1]" makes a map without one).
        if (flow && text[event.start] !== (map ? '{' : '[')) return undefined;
        if (parent?.flow && !flow) return undefined;
        stack.push({ event: i, flow, map, container: map ? {} : [], key: undefined });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) return undefined;
        const parent = stack[stack.length - 1];
        if (parent === undefined) return undefined; // a scalar document
        const empty = event.valueStart === -1;
        if (parent.map && parent.key === undefined) {
          if (empty || !plainKey(text, event)) return undefined;
          const key = getScalarValue(text, event);
          if (key === '__proto__' || key === '<<' || (event.style === SCALAR_STYLE.PLAIN && typeof plainValue(key) !== 'string')) return undefined;
          // A key said twice: js-yaml's events do not check, the `yaml` path reports it.
          if (Object.hasOwn(parent.container, key)) return undefined;
          parent.key = key;
          break;
        }
        let value: unknown;
        if (empty) {
          // Only "key:" with nothing after it in a block map; an empty item ("-") or flow entry goes the other way.
          if (!parent.map || parent.flow) return undefined;
          const at = emptyOffset(text, events[i - 1] as ScalarEvent);
          if (at === undefined) return undefined;
          emptyAt.set(i, at);
          value = null;
        } else {
          const source = getScalarValue(text, event);
          value = event.style === SCALAR_STYLE.PLAIN ? plainValue(source) : source;
        }
        add(parent, value);
        break;
      }
      case EVENT_ID.ALIAS:
        return undefined;
      case EVENT_ID.POP: {
        const done = stack.pop();
        if (done === undefined) break; // the document's end
        close[done.event] = i;
        const parent = stack[stack.length - 1];
        if (parent === undefined) root = done.container as Record<string, unknown>;
        else add(parent, done.container);
        break;
      }
    }
  }
  if (root === undefined || documents !== 1) return undefined;
  return { value: root, events, close, emptyAt };
}

function add(parent: Open, value: unknown): void {
  if (parent.map) {
    (parent.container as Record<string, unknown>)[parent.key as string] = value;
    parent.key = undefined;
  } else {
    (parent.container as unknown[]).push(value);
  }
}

/** A key on one line and short: the `yaml` library refuses multi-line implicit keys and keys over 1024 characters. */
function plainKey(text: string, event: ScalarEvent): boolean {
  if (event.valueEnd - event.valueStart > 1000) return false;
  const newline = text.indexOf('\n', event.valueStart);
  return newline === -1 || newline >= event.valueEnd;
}

/** Where the `yaml` library puts the empty value of "key:": after the colon and the spaces after it. */
function emptyOffset(text: string, key: ScalarEvent): number | undefined {
  let i = scalarSpan(key)[1];
  while (text[i] === ' ') i++;
  if (text[i] !== ':') return undefined;
  i++;
  while (text[i] === ' ') i++;
  return i;
}

function scalarSpan(event: ScalarEvent): readonly [number, number] {
  return event.style === SCALAR_STYLE.PLAIN ? [event.valueStart, event.valueEnd] : [event.valueStart - 1, event.valueEnd + 1];
}

/** The index of the event after the node that starts at event `i`. */
function after(parse: FastParse, i: number): number {
  const type = (parse.events[i] as Event).type;
  return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE ? (parse.close[i] as number) + 1 : i + 1;
}

/** The offset after the line end that closes a value in block context: spaces, one comment, one line break. */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  if (text[i] === '#') {
    const newline = text.indexOf('\n', i);
    i = newline === -1 ? text.length : newline;
  }
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\n') return i + 1;
  return i;
}

/**
 * The indentation of the first comment line between `from` and the next thing written (or the end of
 * the file), or -1 when no comment stands there.
 */
function commentIndent(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '#') return i - (text.lastIndexOf('\n', i - 1) + 1);
    if (c !== ' ' && c !== '\n' && c !== '\r') return -1;
  }
  return -1;
}

/** The column (0-based) of an offset. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The fast path's answers to a locator's walk: event indices of the node reached and of its key. */
export function walkFast(parse: FastParse, text: string, path: readonly (string | number)[]): { node: number; key: number } {
  const { events } = parse;
  let node = 1;
  let key = -1;
  for (const segment of path) {
    key = -1;
    const event = events[node] as Event;
    if (event.type === EVENT_ID.MAPPING) {
      const wanted = String(segment);
      const end = parse.close[node] as number;
      let found = -1;
      for (let j = node + 1; j < end; j = after(parse, j + 1)) {
        if (getScalarValue(text, events[j] as ScalarEvent) === wanted) {
          found = j;
          break;
        }
      }
      if (found < 0) break;
      key = found;
      node = found + 1;
    } else if (event.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      const end = parse.close[node] as number;
      let j = node + 1;
      for (let k = 0; k < segment && j < end; k++) j = after(parse, j);
      if (!Number.isInteger(segment) || segment < 0 || j >= end) break;
      node = j;
    } else {
      break;
    }
  }
  return { node, key };
}

/** The range [start, end) the `yaml` library gives the node at event `i`, or undefined when unsure. */
export function spanOf(parse: FastParse, text: string, i: number): Span {
  const event = parse.events[i] as Event;
  if (event.type === EVENT_ID.SCALAR) {
    if (event.valueStart === -1) {
      const at = parse.emptyAt.get(i) as number;
      return [at, at];
    }
    return scalarSpan(event);
  }
  if (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE) return undefined;
  const end = endOf(parse, text, i);
  return end === undefined ? undefined : [event.start, end];
}

/** The end (range[1]) of the collection at event `i`. */
function endOf(parse: FastParse, text: string, i: number): number | undefined {
  const event = parse.events[i] as Event & { style: number };
  const closing = parse.close[i] as number;
  if (event.style === 2) {
    // A flow collection ends after its bracket: past its last item, spaces, line breaks, comments, a comma.
    let at = (event as { start: number }).start + 1;
    if (closing > i + 1) {
      const last = lastChild(parse, i);
      const span = spanOf(parse, text, last);
      if (span === undefined) return undefined;
      at = span[1];
    }
    const bracket = event.type === EVENT_ID.MAPPING ? '}' : ']';
    for (; at < text.length; at++) {
      const c = text[at];
      if (c === bracket) return at + 1;
      if (c === '#') {
        const newline = text.indexOf('\n', at);
        if (newline === -1) return undefined;
        at = newline;
      } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== ',') {
        return undefined;
      }
    }
    return undefined;
  }
  // A block collection ends where its last item's node ends (the line end after it).
  return nodeEnd(parse, text, lastChild(parse, i), columnOf(text, (event as { start: number }).start));
}

/**
 * The end of the node at event `i`, the last item of a block collection indented by `indent`, as that
 * collection's end (the node's range[2]). Comment lines after it belong to the node when they are
 * indented more than the collection (a scalar) or at least as much as itself (a block collection); the
 * `yaml` library decides the rest, so those are left to it (undefined).
 */
function nodeEnd(parse: FastParse, text: string, i: number, indent: number): number | undefined {
  const event = parse.events[i] as Event;
  if (event.type === EVENT_ID.SCALAR && event.valueStart === -1) {
    const at = parse.emptyAt.get(i) as number;
    return commentIndent(text, at) === -1 ? at : undefined;
  }
  const span = spanOf(parse, text, i);
  if (span === undefined) return undefined;
  if ((event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) && event.style !== 2) {
    const comment = commentIndent(text, span[1]);
    return comment === -1 || comment < columnOf(text, event.start) ? span[1] : undefined;
  }
  const end = lineEnd(text, span[1]);
  const comment = commentIndent(text, end);
  return comment === -1 || comment <= indent ? end : undefined;
}

/** The event index of the last item (the last value, for a map) of the collection at event `i`. */
function lastChild(parse: FastParse, i: number): number {
  const end = parse.close[i] as number;
  let last = i + 1;
  for (let j = i + 1; j < end; j = after(parse, j)) last = j;
  return last;
}
