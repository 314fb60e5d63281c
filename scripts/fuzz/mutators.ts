// The mutation catalogue: each mutator is one named change to a model file's text (or bytes), drawn from
// the case's seeded stream. Four families:
//   bytes  flips, hostile bytes, invalid UTF-8, truncation mid-character (the file as the disk holds it)
//   text   deletions, duplications, swaps, truncation, hostile unicode, huge numbers, deep nesting, long strings
//   yaml   anchors and aliases, tags, duplicate keys, byte order marks, line ends, tabs, documents, includes
//   tree   parsed with the yaml package, the tree mutated (a key dropped, a reference dangling, an id
//          duplicated, a list where a scalar was...) and written back: models that get past the parser,
//          and many that load, so the later stages are reached too
// A mutator returns null when the text offers it nothing to work on; the case then draws another.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Example } from './corpus.js';
import type { HostKind } from './host.js';
import type { Random } from './random.js';

export type Family = 'bytes' | 'text' | 'yaml' | 'tree';

export interface Context {
  /** The path of the file being mutated, and whether it is the model's root file. */
  readonly path: string;
  readonly isRoot: boolean;
  readonly host: HostKind;
  /** Every example, for splicing a piece of one into another. */
  readonly corpus: readonly Example[];
}

export interface TextMutator {
  readonly id: string;
  readonly family: Exclude<Family, 'bytes'>;
  readonly kind: 'text';
  readonly weight: number;
  /** Only for this kind of host (a lone surrogate code unit cannot reach the disk host as text). */
  readonly only?: HostKind;
  /** Makes cases that take seconds (left out of the light set the test suite runs). */
  readonly heavy?: true;
  apply(text: string, rng: Random, ctx: Context): { readonly text: string; readonly note: string } | null;
}

export interface ByteMutator {
  readonly id: string;
  readonly family: 'bytes';
  readonly kind: 'bytes';
  readonly weight: number;
  readonly only: 'disk';
  readonly heavy?: true;
  apply(bytes: Uint8Array, rng: Random): { readonly bytes: Uint8Array; readonly note: string } | null;
}

export type Mutator = TextMutator | ByteMutator;

// ---- What mutations are made of -----------------------------------------------------------------------

/** A string shown in a note: non-printable and non-ASCII characters escaped, long ones cut, so no note can upset a terminal. */
export function show(s: string, max = 32): string {
  const cut = s.length > max ? `${s.slice(0, max)}…(${s.length})` : s;
  return cut.replace(/[^\x20-\x7e…]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Text that is hostile to terminals, markup, spreadsheets, fonts or line-breaking. */
export const HOSTILE: readonly string[] = [
  // bidirectional controls (Trojan Source), marks
  '\u202Egnp.exe', 'a\u2066b\u2069c', '\u202Aab\u202C', '\u202D\u202E\u202C', '\u2067\u2068', '\u200F\u200E', '\u061C',
  // terminal escapes: colour, OSC 8 hyperlink, window title, device control, 8-bit CSI, NEL
  '\u001b[31mred\u001b[0m', '\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007', '\u001b]0;owned\u0007', '\u001bP+q\u001b\\', '\u001b[2J\u001b[H',
  '\u009b31m', '\u0085', '\u009d0;t\u009c',
  // zero-width and invisible
  '\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u180E', '\u3164', '\u115F\u1160', '\u00AD', '\u034F',
  // lone surrogates and noncharacters
  '\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uDBFF', '\uFFFE', '\uFFFF', '\uFDD0', '\u{10FFFF}', '\u{1FFFE}',
  // NUL and C0 controls
  '\u0000', 'a\u0000b', '\u0007', '\u0008\u0008\u0008', '\u000B\u000C', '\u007F', '\r', 'a\rb', '\t', '\u2028', '\u2029',
  // combining marks and long grapheme clusters
  `e${'\u0301'.repeat(64)}`, `Z${'\u0336\u0334\u0337'.repeat(200)}`, `a${'\u0300'.repeat(5000)}`,
  `\u{1F468}${'\u200D\u{1F469}'.repeat(400)}`, '\u{1F1EF}\u{1F1F5}'.repeat(50), `\u{1F3F4}${'\u{E0067}\u{E0062}'.repeat(100)}\u{E007F}`,
  'ก'.repeat(3) + '\u0E49'.repeat(300),
  // wide, astral, odd spaces
  '𠮷野家', '\u{1F4A9}', 'Ａ　Ｂ', 'ｱｲｳ', '\u3000\u3000', '\u00A0', '\u2000\u200A',
  // markup, Mermaid, Markdown, CSV formulas, paths
  '<script>alert(1)</script>', '"><svg onload=alert(1)>', ']]>', '&#0;&lt;', '%%{init: {"theme":"dark"}}%%', '```', '|a|b|', '[x](javascript:alert(1))',
  '=cmd|\' /C calc\'!A1', '+1+1', '-2+3', '@SUM(1)', '\t=1', '../../etc/passwd', 'C:\\Windows', '${x}', '{{x}}', '\\', '\\u0000',
  // words a renderer might print for a missing value
  'undefined', 'null', 'NaN', 'true', '~', '', ' ', '-',
];

/** Numbers and number-like words at the edges of what YAML and JavaScript read. */
export const HUGE_NUMBERS: readonly string[] = [
  '1e308', '1.7976931348623157e308', '1e309', '-1e308', '5e-324', '1e-400', '-0', '-0.0', '0', '-1', '.nan', '.NaN', '.inf', '-.inf', '+.inf',
  'NaN', 'Infinity', '-Infinity', '9007199254740993', '-9007199254740993', '9007199254740992', '2147483648', '4294967296', '18446744073709551616',
  '123456789012345678901234567890', '0x7FFFFFFFFFFFFFFF', '0o777', '0b101', '1_000_000', '00001', '+12', '1.', '.5', '1e3', '3.0', '0.1e1',
  '"1e308"', "'NaN'", '1,000', '１２', '٣',
];

const VALUE_START = /[[{|>&*!'"]/;

interface Span {
  readonly start: number;
  readonly end: number;
  /** The key the value belongs to, or "[]" for an item of a flow list. */
  readonly key: string;
}

/** Plain scalar values written as `key: value` (block or flow) and items of flow lists, where they are in the text. */
function valueSpans(text: string, limit = 20_000): Span[] {
  const spans: Span[] = [];
  const pair = /(?:^|[\s{,])([A-Za-z][\w-]*):[ \t]+([^\n,{}[\]#]*[^\s,{}[\]#])/gm;
  for (let m = pair.exec(text); m !== null && spans.length < limit; m = pair.exec(text)) {
    const value = m[2] as string;
    if (VALUE_START.test(value[0] ?? '')) continue;
    const end = m.index + m[0].length;
    spans.push({ start: end - value.length, end, key: m[1] as string });
  }
  const item = /[[,][ \t]*([A-Za-z0-9][\w.-]*)[ \t]*(?=[,\]])/g;
  for (let m = item.exec(text); m !== null && spans.length < limit; m = item.exec(text)) {
    const value = m[1] as string;
    const start = m.index + m[0].indexOf(value, 1);
    spans.push({ start, end: start + value.length, key: '[]' });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
};

/** Where an offset is, as "line:col" for notes. */
function at(text: string, offset: number): string {
  const starts = lineStarts(text.slice(0, offset));
  return `${starts.length}:${offset - (starts[starts.length - 1] ?? 0) + 1}`;
}

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

/** Text as a YAML double-quoted scalar, every code unit outside printable ASCII written as \uXXXX (lone surrogates included). */
export function yamlQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) out += `\\${s[i]}`;
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** A long string: 100k characters of one kind (or a little more or less). */
function longString(rng: Random): { value: string; what: string } {
  // Now and then past the 5 MB a model file may have (2M x "あ" is 6 MB of UTF-8).
  if (rng.chance(0.03)) return { value: 'あ'.repeat(2_000_000), what: '2000000 x "あ" (6 MB)' };
  const n = rng.pick([1_000, 10_000, 100_000, 100_000, 300_000]);
  const kind = rng.below(7);
  switch (kind) {
    case 0: return { value: 'a'.repeat(n), what: `${n} x "a"` };
    case 1: return { value: 'あ'.repeat(n), what: `${n} x "あ"` };
    case 2: return { value: 'word '.repeat(n / 5).trim(), what: `${n / 5} words` };
    case 3: return { value: Array.from({ length: n / 2 }, () => 'a').join('-'), what: `kebab id of ${n} chars` };
    case 4: return { value: `a${'\u0301'.repeat(n)}`, what: `one grapheme of ${n} marks` };
    case 5: return { value: '𠮷'.repeat(n / 2), what: `${n / 2} astral characters` };
    default: return { value: `${'長い'.repeat(n / 4)}\n`.repeat(2), what: `${n} chars with a line break` };
  }
}

/** Nested flow collections (or block ones), `depth` deep, some of them never closed. */
function nested(rng: Random): { value: string; what: string } {
  const depth = rng.pick([16, 100, 500, 1_000, 3_000, 10_000, 50_000]);
  switch (rng.below(6)) {
    case 0: return { value: `${'['.repeat(depth)}x${']'.repeat(depth)}`, what: `[ x ${depth}` };
    case 1: return { value: `${'{a: '.repeat(depth)}x${'}'.repeat(depth)}`, what: `{a: x ${depth}` };
    case 2: return { value: `${'[{a: '.repeat(depth / 2)}x${'}]'.repeat(depth / 2)}`, what: `[{a: x ${depth / 2}` };
    case 3: return { value: '['.repeat(depth), what: `unclosed [ x ${depth}` };
    case 4: return { value: `${'- '.repeat(Math.min(depth, 5_000))}x`, what: `compact "- " x ${Math.min(depth, 5_000)}` };
    default: {
      const d = Math.min(depth, 400);
      return { value: `\n${Array.from({ length: d }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} x`, what: `block mapping ${d} deep` };
    }
  }
}

// ---- Bytes ----------------------------------------------------------------------------------------------

const INTERESTING_BYTES = [0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x7f,
  0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xe3, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xfe, 0xff];
const BYTE_SEQUENCES: readonly (readonly [string, readonly number[]])[] = [
  ['overlong "/"', [0xc0, 0xaf]], ['CESU-8 lone high surrogate', [0xed, 0xa0, 0x80]], ['CESU-8 lone low surrogate', [0xed, 0xbf, 0xbf]],
  ['CESU-8 surrogate pair', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]], ['truncated 3-byte', [0xe3, 0x81]], ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['0xFE', [0xfe]], ['0xFF 0xFE', [0xff, 0xfe]], ['BOM', [0xef, 0xbb, 0xbf]], ['NUL', [0x00]], ['C1 CSI', [0xc2, 0x9b]], ['ESC[2J', [0x1b, 0x5b, 0x32, 0x4a]],
  ['RLO', [0xe2, 0x80, 0xae]], ['U+FFFE', [0xef, 0xbf, 0xbe]], ['UTF-16LE "a"', [0x61, 0x00]], ['lone continuation', [0x80]],
];

const BYTE_MUTATORS: readonly ByteMutator[] = [
  {
    id: 'byte-flip', family: 'bytes', kind: 'bytes', only: 'disk', weight: 4,
    apply(bytes, rng) {
      if (bytes.length === 0) return null;
      const out = Uint8Array.from(bytes);
      const n = rng.chance(0.8) ? rng.int(1, 4) : rng.int(5, 64);
      const where: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = rng.below(out.length);
        out[p] = (out[p] as number) ^ (1 << rng.below(8));
        where.push(p);
      }
      return { bytes: out, note: `${n} bit(s) at byte ${where.slice(0, 4).join(',')}` };
    },
  },
  {
    id: 'byte-set', family: 'bytes', kind: 'bytes', only: 'disk', weight: 2,
    apply(bytes, rng) {
      if (bytes.length === 0) return null;
      const out = Uint8Array.from(bytes);
      const p = rng.below(out.length);
      const b = rng.pick(INTERESTING_BYTES);
      out[p] = b;
      return { bytes: out, note: `byte ${p} = 0x${b.toString(16)}` };
    },
  },
  {
    id: 'byte-insert', family: 'bytes', kind: 'bytes', only: 'disk', weight: 2,
    apply(bytes, rng) {
      const [name, seq] = rng.pick(BYTE_SEQUENCES);
      const p = rng.below(bytes.length + 1);
      const out = new Uint8Array(bytes.length + seq.length);
      out.set(bytes.subarray(0, p), 0);
      out.set(seq, p);
      out.set(bytes.subarray(p), p + seq.length);
      return { bytes: out, note: `${name} at byte ${p}` };
    },
  },
  {
    id: 'byte-truncate', family: 'bytes', kind: 'bytes', only: 'disk', weight: 1,
    apply(bytes, rng) {
      if (bytes.length === 0) return null;
      // Mostly inside a multi-byte character, where a cut leaves invalid UTF-8.
      const multi: number[] = [];
      for (let i = 0; i < bytes.length && multi.length < 2000; i++) if (((bytes[i] as number) & 0xc0) === 0x80) multi.push(i);
      const p = multi.length > 0 && rng.chance(0.7) ? rng.pick(multi) : rng.below(bytes.length);
      return { bytes: bytes.slice(0, p), note: `cut at byte ${p} of ${bytes.length}` };
    },
  },
];

// ---- Text -----------------------------------------------------------------------------------------------

const TEXT_MUTATORS: readonly TextMutator[] = [
  {
    id: 'delete-range', family: 'text', kind: 'text', weight: 3,
    apply(text, rng) {
      if (text.length === 0) return null;
      const start = rng.below(text.length);
      const length = rng.chance(0.8) ? rng.int(1, 16) : rng.int(17, 2000);
      return { text: splice(text, start, start + length, ''), note: `${length} chars at ${at(text, start)}` };
    },
  },
  {
    id: 'delete-lines', family: 'text', kind: 'text', weight: 3,
    apply(text, rng) {
      const lines = text.split('\n');
      if (lines.length < 2) return null;
      const i = rng.below(lines.length);
      const n = rng.chance(0.7) ? 1 : rng.int(2, 12);
      lines.splice(i, n);
      return { text: lines.join('\n'), note: `${n} line(s) from line ${i + 1}` };
    },
  },
  {
    id: 'duplicate-lines', family: 'text', kind: 'text', weight: 3,
    apply(text, rng) {
      const lines = text.split('\n');
      const i = rng.below(lines.length);
      const n = rng.chance(0.6) ? 1 : rng.int(2, 10);
      const block = lines.slice(i, i + n);
      const to = rng.chance(0.6) ? i + block.length : rng.below(lines.length + 1);
      const times = rng.chance(0.9) ? 1 : rng.int(2, 200);
      lines.splice(to, 0, ...Array.from({ length: times }, () => block).flat());
      return { text: lines.join('\n'), note: `lines ${i + 1}..${i + block.length} x${times} to line ${to + 1}` };
    },
  },
  {
    id: 'duplicate-item', family: 'text', kind: 'text', weight: 2,
    apply(text, rng) {
      // A list item written on one line or over several (its continuation lines are indented further).
      const lines = text.split('\n');
      const items = lines.flatMap((l, i) => (/^\s*- /.test(l) ? [i] : []));
      if (items.length === 0) return null;
      const i = rng.pick(items);
      const indent = (lines[i] as string).search(/\S/);
      let j = i + 1;
      while (j < lines.length && (lines[j] as string).trim() !== '' && (lines[j] as string).search(/\S/) > indent) j++;
      lines.splice(j, 0, ...lines.slice(i, j));
      return { text: lines.join('\n'), note: `item at line ${i + 1} (${j - i} lines)` };
    },
  },
  {
    id: 'swap-lines', family: 'text', kind: 'text', weight: 2,
    apply(text, rng) {
      const lines = text.split('\n');
      if (lines.length < 2) return null;
      const a = rng.below(lines.length);
      const b = rng.below(lines.length);
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return { text: lines.join('\n'), note: `lines ${a + 1} and ${b + 1}` };
    },
  },
  {
    id: 'truncate', family: 'text', kind: 'text', weight: 2,
    apply(text, rng) {
      if (text.length === 0) return null;
      const p = rng.chance(0.2) ? rng.below(Math.min(text.length, 40)) : rng.below(text.length);
      return { text: text.slice(0, p), note: `cut at ${at(text, p)} (${p} of ${text.length} chars)` };
    },
  },
  {
    id: 'swap-values', family: 'text', kind: 'text', weight: 4,
    apply(text, rng) {
      const spans = valueSpans(text);
      if (spans.length < 2) return null;
      const a = rng.pick(spans);
      // Mostly two values of the same key (two devices' "at"), else any two.
      const same = spans.filter((s) => s.key === a.key && s.start !== a.start);
      const b = same.length > 0 && rng.chance(0.7) ? rng.pick(same) : rng.pick(spans);
      if (a.start === b.start) return null;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      if (first.end > second.start) return null;
      const va = text.slice(first.start, first.end);
      const vb = text.slice(second.start, second.end);
      return {
        text: text.slice(0, first.start) + vb + text.slice(first.end, second.start) + va + text.slice(second.end),
        note: `${first.key}=${show(va, 16)} <-> ${second.key}=${show(vb, 16)}`,
      };
    },
  },
  {
    id: 'hostile-unicode', family: 'text', kind: 'text', weight: 5,
    apply(text, rng) {
      const hostile = rng.pick(HOSTILE);
      const spans = valueSpans(text);
      const mode = rng.below(4);
      if (mode === 0 || spans.length === 0) {
        // Raw, anywhere in the text.
        const p = rng.below(text.length + 1);
        return { text: splice(text, p, p, hostile), note: `raw ${show(hostile)} at ${at(text, p)}` };
      }
      const s = rng.pick(spans);
      const value = text.slice(s.start, s.end);
      if (mode === 1) return { text: splice(text, s.end, s.end, hostile), note: `raw ${show(hostile)} after ${s.key}=${show(value, 16)}` };
      // As a YAML escape in a double-quoted scalar: the characters the disk host would refuse (NUL, lone
      // surrogates) reach the model this way too.
      const quoted = yamlQuoted(mode === 2 ? `${value}${hostile}` : hostile);
      return { text: splice(text, s.start, s.end, quoted), note: `escaped ${show(hostile)} as ${s.key} at ${at(text, s.start)}` };
    },
  },
  {
    id: 'unit-flip', family: 'text', kind: 'text', weight: 2, only: 'library',
    apply(text, rng) {
      // The library host's bytes: a bit of one UTF-16 code unit flipped (which can leave a lone surrogate).
      if (text.length === 0) return null;
      const p = rng.below(text.length);
      const c = text.charCodeAt(p) ^ (1 << rng.below(16));
      return { text: splice(text, p, p + 1, String.fromCharCode(c)), note: `code unit ${p} = 0x${c.toString(16)}` };
    },
  },
  {
    id: 'huge-number', family: 'text', kind: 'text', weight: 3,
    apply(text, rng) {
      const spans = valueSpans(text);
      if (spans.length === 0) return null;
      const numeric = spans.filter((s) => /^[-+]?[\d.]/.test(text.slice(s.start, s.end)));
      const s = numeric.length > 0 && rng.chance(0.7) ? rng.pick(numeric) : rng.pick(spans);
      const n = rng.pick(HUGE_NUMBERS);
      return { text: splice(text, s.start, s.end, n), note: `${s.key}: ${n} at ${at(text, s.start)}` };
    },
  },
  {
    id: 'deep-nesting', family: 'text', kind: 'text', weight: 2,
    apply(text, rng) {
      const { value, what } = nested(rng);
      const spans = valueSpans(text);
      if (spans.length > 0 && rng.chance(0.6)) {
        const s = rng.pick(spans);
        return { text: splice(text, s.start, s.end, value), note: `${what} as ${s.key} at ${at(text, s.start)}` };
      }
      // An extension key holds anything: the whole pipeline reads past it.
      return { text: `${text.replace(/\n?$/, '\n')}x-deep: ${value}\n`, note: `${what} under x-deep` };
    },
  },
  {
    id: 'long-string', family: 'text', kind: 'text', weight: 2,
    apply(text, rng) {
      const { value, what } = longString(rng);
      const spans = valueSpans(text);
      const where = rng.below(4);
      if (where === 0 || spans.length === 0) return { text: `${text.replace(/\n?$/, '\n')}x-long: ${yamlQuoted(value)}\n`, note: `${what} under x-long` };
      if (where === 1) {
        const p = lineStarts(text);
        const line = rng.pick(p);
        return { text: splice(text, line, line, `# ${value.replace(/\n/g, ' ')}\n`), note: `comment of ${what} at line ${p.indexOf(line) + 1}` };
      }
      const s = rng.pick(spans);
      const written = where === 2 && !/\n/.test(value) ? value : yamlQuoted(value);
      return { text: splice(text, s.start, s.end, written), note: `${what} as ${s.key} at ${at(text, s.start)}` };
    },
  },
  {
    id: 'many-diagnostics', family: 'text', kind: 'text', weight: 0.5, heavy: true,
    apply(text, rng) {
      // Thousands of problems in one file: every list, sort and spread of diagnostics has to hold them.
      // The counts stop where a case would cost more than a few seconds on a sound pipeline; past them
      // the known quadratic costs (unknown keys, unknown list items) would only turn cases into timeouts.
      const end = text.replace(/\n?$/, '\n');
      switch (rng.below(4)) {
        case 0: {
          const n = rng.pick([1_000, 10_000, 30_000, 150_000]);
          return { text: `${end}${'x-a: 1\n'.repeat(n)}`, note: `${n} duplicate keys` };
        }
        case 1: {
          const n = rng.pick([1_000, 3_000, 10_000]);
          return { text: `${end}${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n`, note: `${n} unknown keys` };
        }
        case 2: {
          const n = rng.pick([1_000, 3_000, 3_000, 10_000]);
          const refs = Array.from({ length: n }, (_, i) => `no-such-${i}`).join(', ');
          const done = text.replace(/\b(what|path|auth|controls): \[/, (m) => `${m}${refs}, `);
          return done === text ? null : { text: done, note: `${n} unknown items in one list` };
        }
        default: {
          const n = rng.pick([1_000, 10_000, 30_000]);
          const at = text.search(/^devices:[ \t]*\n/m);
          if (at < 0) return null;
          const lineEnd = text.indexOf('\n', at) + 1;
          return { text: splice(text, lineEnd, lineEnd, '  - {id: dup, label: x, kind: server, at: nowhere}\n'.repeat(n)), note: `${n} devices with one id` };
        }
      }
    },
  },
  {
    id: 'splice-example', family: 'text', kind: 'text', weight: 1,
    apply(text, rng, ctx) {
      const other = rng.pick(ctx.corpus);
      const source = rng.pick(Object.values(other.files)).split('\n');
      const i = rng.below(source.length);
      const block = source.slice(i, i + rng.int(1, 20));
      const lines = text.split('\n');
      const to = rng.below(lines.length + 1);
      lines.splice(to, 0, ...block);
      return { text: lines.join('\n'), note: `${block.length} lines of ${other.name} at line ${to + 1}` };
    },
  },
];

// ---- YAML's own specials ------------------------------------------------------------------------------

const TAGS = ['!!binary ', '!custom ', '!!str ', '!!int ', '!!float ', '!!bool ', '!!null ', '!!map ', '!!seq ', '!!set ', '!!omap ', '!!pairs ',
  '!<tag:yaml.org,2002:str> ', '!<!> ', '!e!x ', '!!timestamp ', '!!merge ', '!!python/object/apply:os.system ', '!!js/function ', '! '];

const YAML_MUTATORS: readonly TextMutator[] = [
  {
    id: 'anchor-alias', family: 'yaml', kind: 'text', weight: 3,
    apply(text, rng) {
      const items = [...text.matchAll(/^(\s*- )\{/gm)];
      const kind = rng.below(7);
      if (kind === 0) {
        // An alias bomb: nine levels of nine.
        const levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
        for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
        return { text: `${text.replace(/\n?$/, '\n')}x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\n`, note: 'alias bomb 9^9' };
      }
      if (kind === 1) {
        const n = rng.pick([199, 200, 201, 1000]);
        return { text: `${text.replace(/\n?$/, '\n')}x-a: &many v\nx-b: [${Array(n).fill('*many').join(', ')}]\n`, note: `${n} aliases of one anchor` };
      }
      if (kind === 2) return { text: `${text.replace(/\n?$/, '\n')}x-self: &self [*self]\n`, note: 'an alias inside its own anchor' };
      if (kind === 3) {
        const spans = valueSpans(text);
        if (spans.length === 0) return null;
        const s = rng.pick(spans);
        return { text: splice(text, s.start, s.end, '*nowhere'), note: `undefined alias as ${s.key} at ${at(text, s.start)}` };
      }
      if (items.length === 0) return null;
      const m = rng.pick(items);
      const p = (m.index ?? 0) + (m[1] as string).length;
      const anchored = splice(text, p, p, '&fz ');
      const lineEnd = anchored.indexOf('\n', p);
      const end = lineEnd < 0 ? anchored.length : lineEnd + 1;
      const indent = m[1] as string;
      if (kind === 4) return { text: splice(anchored, end, end, `${indent}*fz\n`), note: `element at ${at(text, p)} anchored and aliased (duplicate)` };
      if (kind === 5) return { text: splice(anchored, end, end, `${indent}{<<: *fz, id: fz-merged}\n`), note: `merge key of the element at ${at(text, p)}` };
      const spans = valueSpans(anchored).filter((s) => s.start > end);
      if (spans.length === 0) return null;
      const s = rng.pick(spans);
      return { text: splice(anchored, s.start, s.end, '*fz'), note: `element at ${at(text, p)} aliased as ${s.key}` };
    },
  },
  {
    id: 'tag', family: 'yaml', kind: 'text', weight: 2,
    apply(text, rng) {
      const tag = rng.pick(TAGS);
      if (tag.startsWith('!e!')) return { text: `%TAG !e! tag:example.com,2000:\n---\n${text.replace(/^---\n/, '')}`.replace(/(koseizu:)/, `$1 ${tag}`), note: `%TAG directive and ${tag.trim()}` };
      const spans = valueSpans(text);
      if (spans.length === 0) return null;
      const s = rng.pick(spans);
      return { text: splice(text, s.start, s.start, tag), note: `${tag.trim()} on ${s.key} at ${at(text, s.start)}` };
    },
  },
  {
    id: 'duplicate-key', family: 'yaml', kind: 'text', weight: 2,
    apply(text, rng) {
      const spans = valueSpans(text).filter((s) => s.key !== '[]');
      if (spans.length === 0) return null;
      const s = rng.pick(spans);
      const keyStart = text.lastIndexOf(s.key, s.start);
      const pair = text.slice(keyStart, s.end);
      // In a flow mapping the copy goes right after it; in a block mapping, on its own line.
      const lineStart = text.lastIndexOf('\n', keyStart) + 1;
      const before = text.slice(lineStart, keyStart);
      const inFlow = /[{,]\s*$/.test(before);
      const copy = inFlow ? `, ${pair}` : `\n${before.replace(/- /, '  ').replace(/\S/g, ' ')}${pair}`;
      return { text: splice(text, s.end, s.end, copy), note: `${s.key} twice at ${at(text, keyStart)}` };
    },
  },
  {
    id: 'bom', family: 'yaml', kind: 'text', weight: 1,
    apply(text, rng) {
      const kind = rng.below(4);
      if (kind === 0) return { text: `\uFEFF${text}`, note: 'BOM at the start' };
      if (kind === 1) return { text: `\uFEFF\uFEFF${text}`, note: 'two BOMs at the start' };
      const starts = lineStarts(text);
      const p = kind === 2 ? rng.pick(starts) : rng.below(text.length + 1);
      return { text: splice(text, p, p, '\uFEFF'), note: `BOM at ${at(text, p)}` };
    },
  },
  {
    id: 'line-ends', family: 'yaml', kind: 'text', weight: 2,
    apply(text, rng) {
      switch (rng.below(7)) {
        case 0: return { text: text.replace(/\n/g, '\r\n'), note: 'CRLF' };
        case 1: return { text: text.replace(/\n/g, '\r'), note: 'CR only' };
        case 2: return { text: text.replace(/\n/g, () => rng.pick(['\n', '\r\n', '\r'])), note: 'mixed LF, CRLF, CR' };
        case 3: return { text: text.replace(/\n+$/, ''), note: 'no final line end' };
        case 4: return { text: text.replace(/\n/g, () => (rng.chance(0.1) ? ' \t \n' : '\n')), note: 'trailing blanks' };
        case 5: return { text: text.replace(/\n/g, () => (rng.chance(0.05) ? rng.pick(['\u2028', '\u2029', '\u0085']) : '\n')), note: 'U+2028/U+2029/NEL as line ends' };
        default: return { text: text.replace(/\n/g, '\n\n'), note: 'blank line after each' };
      }
    },
  },
  {
    id: 'tabs', family: 'yaml', kind: 'text', weight: 2,
    apply(text, rng) {
      switch (rng.below(3)) {
        case 0: return { text: text.replace(/^( {2})+/gm, (m) => (rng.chance(0.05) ? '\t'.repeat(m.length / 2) : m)), note: 'tabs as indentation' };
        case 1: return { text: text.replace(/: /g, () => (rng.chance(0.1) ? ':\t' : ': ')), note: 'tab after ":"' };
        default: {
          const starts = lineStarts(text);
          const p = rng.pick(starts);
          return { text: splice(text, p, p, '\t'), note: `tab at the start of line ${starts.indexOf(p) + 1}` };
        }
      }
    },
  },
  {
    id: 'document', family: 'yaml', kind: 'text', weight: 2,
    apply(text, rng) {
      const whole = ['', ' \n', '\n\n\n', '# a comment only\n', 'null\n', '~\n', '[]\n', '{}\n', '42\n', '"koseizu"\n', '---\n---\n', 'koseizu: 1\n', 'koseizu: 2\n', '- koseizu: 1\n', 'koseizu\n'];
      switch (rng.below(6)) {
        case 0: {
          const w = rng.pick(whole);
          return { text: w, note: `whole file ${show(w)}` };
        }
        case 1: {
          const d = rng.pick(['%YAML 1.1\n---\n', '%YAML 1.2\n---\n', '%YAML 2.0\n---\n', '---\n', '--- !!map\n', '%FOO bar\n---\n']);
          return { text: d + text, note: `prefixed ${show(d)}` };
        }
        case 2: return { text: `${text}\n---\nkoseizu: 1\n`, note: 'a second document' };
        case 3: return { text: `${text}\n...\n`, note: 'a document end marker' };
        case 4: return { text: `${text}\n...\ngarbage: [\n`, note: 'garbage after the document end' };
        default: {
          const spans = valueSpans(text);
          if (spans.length === 0) return null;
          const s = rng.pick(spans);
          const q = rng.pick(['"', "'", ' #', ': ', '? ', '|', '>', '%', '@', '`', ' - ']);
          return { text: splice(text, s.start, s.start, q), note: `${show(q)} before ${s.key} at ${at(text, s.start)}` };
        }
      }
    },
  },
  {
    id: 'include', family: 'yaml', kind: 'text', weight: 1,
    apply(text, rng, ctx) {
      // An included file may not declare the system (nor, followed back, include its includer: a cycle).
      if (!ctx.isRoot && rng.chance(0.3)) return { text: `${text.replace(/\n?$/, '\n')}system: {id: included-system, title: x}\n`, note: 'system in an included file' };
      const self = ctx.path.slice(ctx.path.lastIndexOf('/') + 1);
      const entries = [
        '[network.yaml, network.yaml]', `[${self}]`, '[../../package.json]', '[../minimal/model.yaml]', '[/etc/passwd]', '["C:\\\\x.yaml"]', '["..\\\\x.yaml"]',
        '[missing.yaml]', '[network.yaml/]', "['']", '[.]', '[./network.yaml]', '[sub/../network.yaml]', '[..]', 'network.yaml', '[[network.yaml]]', '{a: b}',
        `[${Array(120).fill('network.yaml').join(', ')}]`, '[model.yaml]', '[NETWORK.YAML]', '[network.yml]',
      ];
      const entry = rng.pick(entries);
      const replaced = text.replace(/^include:.*$/m, `include: ${entry}`);
      if (replaced !== text) return { text: replaced, note: `include: ${show(entry)}` };
      const p = text.search(/^koseizu:.*$/m);
      const lineEnd = p < 0 ? 0 : text.indexOf('\n', p) + 1;
      return { text: splice(text, lineEnd, lineEnd, `include: ${entry}\n`), note: `include: ${show(entry)} added` };
    },
  },
];

// ---- Structure-aware: the parsed tree mutated ---------------------------------------------------------
// Two ways, by what the mutation does. A value set (a reference made dangling, an id duplicated, a list
// where a scalar was, hostile text in a label) is written over that node's own source range, so the rest
// of the file keeps its bytes (and the document is read, never changed: parsed once per example and kept).
// A change of structure (a key or an element removed, duplicated, moved, a list shuffled) is made on a copy
// of the tree, which is then stringified whole.

/** Sections whose items are elements with an id, as the DSL has them. */
const SECTIONS = ['parties', 'sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media', 'flows', 'responses'];
/** Keys whose value is free text (labels and descriptions): changing them leaves the model valid. */
const TEXT_KEYS = new Set(['label', 'title', 'description', 'provider', 'boundary', 'agreement', 'rationale', 'notes', 'note', 'region', 'summary', 'owner-name', 'measure']);
const REQUIRED_KEYS = new Set(['id', 'label', 'kind', 'site', 'at', 'from', 'to', 'network', 'phase', 'who', 'where', 'which', 'what', 'how', 'path', 'koseizu', 'system', 'forms', 'phases', 'owner', 'org', 'class']);

interface Element {
  readonly section: string;
  readonly seq: YAMLSeq;
  readonly index: number;
  readonly map: YAMLMap;
}

interface Slot {
  /** The key the value is under ("key[]" for an item of that key's list). */
  readonly key: string;
  readonly node: Node;
  /** Replaces the value in the (copied) tree. */
  set(node: Node): void;
}

interface Tree {
  readonly doc: Document;
  readonly elements: readonly Element[];
  readonly slots: readonly Slot[];
  readonly ids: ReadonlySet<string>;
}

const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : '?');

/** Parsed examples, kept: most tree mutations read the unmutated text, and parsing is the expensive part. */
const parsed = new Map<string, Document | null>();

/** How deep flow brackets nest at most (a cheap upper bound of the tree's depth). */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return max;
}

function parseCached(text: string): Document | null {
  let doc = parsed.get(text);
  // A file of megabytes or nested thousands deep is left to the text mutators: parsing it only to fail costs seconds.
  if (doc === undefined && (text.length > 1_000_000 || bracketDepth(text) > 500)) doc = null;
  if (doc === undefined) {
    try {
      doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    } catch {
      doc = null;
    }
    if (doc && (doc.errors.length > 0 || !isMap(doc.contents))) doc = null;
    if (text.length < 200_000) {
      if (parsed.size >= 16) parsed.delete(parsed.keys().next().value as string);
      parsed.set(text, doc);
    }
  }
  return doc;
}

function treeOf(doc: Document): Tree {
  const elements: Element[] = [];
  const slots: Slot[] = [];
  const ids = new Set<string>();
  const walk = (node: unknown, key: string, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyOf(pair);
        if (pair.value && typeof pair.value === 'object') slots.push({ key: k, node: pair.value as Node, set: (n) => { pair.value = n; } });
        walk(pair.value, k, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (item && typeof item === 'object') slots.push({ key: `${key}[]`, node: item as Node, set: (n) => { node.items[i] = n; } });
        walk(item, `${key}[]`, depth + 1);
      });
    }
  };
  walk(doc.contents, '', 0);
  for (const pair of (doc.contents as YAMLMap).items) {
    const section = keyOf(pair);
    if (!SECTIONS.includes(section) || !isSeq(pair.value)) continue;
    const seq = pair.value;
    seq.items.forEach((item, index) => {
      if (!isMap(item)) return;
      elements.push({ section, seq, index, map: item });
      const id = item.get('id');
      if (typeof id === 'string') ids.add(id);
    });
  }
  return { doc, elements, slots, ids };
}

/** A value written as one line of flow YAML, which reads back as the same value in block and flow context. */
export function flowYaml(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') {
    const plain = /^[A-Za-z][\w./-]*( [\w./-]+)*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
    return plain ? value : yamlQuoted(value);
  }
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${flowYaml(k)}: ${flowYaml(v)}`).join(', ')}}`;
  return yamlQuoted(String(value));
}

const valueOf = (node: Node): unknown => (isScalar(node) ? node.value : node.toJSON());

/** A near miss of an id: a character changed, dropped, doubled or upper-cased, or a wholly unknown one. */
function typo(id: string, rng: Random): string {
  if (id.length === 0) return 'x';
  const p = rng.below(id.length);
  switch (rng.below(6)) {
    case 0: return splice(id, p, p + 1, String.fromCharCode(97 + rng.below(26)));
    case 1: return id.length > 1 ? splice(id, p, p + 1, '') : `${id}x`;
    case 2: return splice(id, p, p, id[p] ?? 'x');
    case 3: return id.toUpperCase();
    case 4: return `${id} `;
    default: return `no-such-${id}`;
  }
}

/** Text written over a node's source range. */
interface Edit {
  readonly node: Node;
  readonly text: string;
}

/** A value set: reads the tree (never changes it) and says what to write over which nodes. */
interface EditMutation {
  readonly id: string;
  readonly weight: number;
  readonly kind: 'edit';
  change(tree: Tree, rng: Random): { readonly note: string; readonly edits: readonly Edit[] } | null;
}

/** A change of structure, made on a copy of the tree; `raw` collects placeholders to write as YAML text. */
interface RewriteMutation {
  readonly id: string;
  readonly weight: number;
  readonly kind: 'rewrite';
  change(tree: Tree, rng: Random): string | null;
}

const pathOf = (e: Element): string => `${e.section}[${e.index}]`;
const ranged = (tree: Tree, pick: (s: Slot) => boolean): Slot[] => tree.slots.filter((s) => s.node.range && pick(s));

const EDIT_MUTATIONS: readonly EditMutation[] = [
  {
    id: 'dangling-reference', weight: 4, kind: 'edit',
    change(tree, rng) {
      const refs = ranged(tree, (s) => s.key !== 'id' && isScalar(s.node) && typeof s.node.value === 'string' && tree.ids.has(s.node.value));
      if (refs.length === 0) return null;
      const slot = rng.pick(refs);
      const old = String((slot.node as Scalar).value);
      // Another element's id (of the wrong kind, mostly), or a near miss.
      const next = rng.chance(0.3) ? rng.pick([...tree.ids]) : typo(old, rng);
      return { note: `${slot.key}: ${show(old, 20)} -> ${show(next, 20)}`, edits: [{ node: slot.node, text: flowYaml(next) }] };
    },
  },
  {
    id: 'duplicate-id', weight: 3, kind: 'edit',
    change(tree, rng) {
      const withId = tree.elements.filter((e) => isScalar(e.map.get('id', true)) && e.map.get('id', true)?.range);
      if (withId.length < 2) return null;
      const a = rng.pick(withId);
      const same = withId.filter((e) => e.section === a.section && e !== a);
      const b = same.length > 0 && rng.chance(0.5) ? rng.pick(same) : rng.pick(withId);
      if (a === b) return null;
      const id = String(b.map.get('id'));
      return { note: `${pathOf(a)}.id = ${show(id, 20)} (of ${pathOf(b)})`, edits: [{ node: a.map.get('id', true) as Node, text: flowYaml(id) }] };
    },
  },
  {
    id: 'swap-list-scalar', weight: 3, kind: 'edit',
    change(tree, rng) {
      const slots = ranged(tree, () => true);
      if (slots.length === 0) return null;
      const slot = rng.pick(slots);
      const node = slot.node;
      if (isSeq(node)) {
        const first = node.items[0];
        return { note: `${slot.key}: list -> scalar`, edits: [{ node, text: flowYaml(isScalar(first) ? first.value : 'x') }] };
      }
      if (isScalar(node)) {
        return rng.chance(0.5)
          ? { note: `${slot.key}: scalar -> list`, edits: [{ node, text: flowYaml([node.value]) }] }
          : { note: `${slot.key}: scalar -> mapping`, edits: [{ node, text: flowYaml({ [String(node.value)]: node.value }) }] };
      }
      if (isMap(node)) return { note: `${slot.key}: mapping -> list`, edits: [{ node, text: flowYaml(node.items.map((p) => (isScalar(p.value) ? p.value.value : keyOf(p)))) }] };
      return null;
    },
  },
  {
    id: 'wrong-type', weight: 3, kind: 'edit',
    change(tree, rng) {
      const slots = ranged(tree, () => true);
      if (slots.length === 0) return null;
      const slot = rng.pick(slots);
      const v = rng.pick<unknown>([null, true, false, 0, -1, 3.14, '', [], {}, '2024-01-01', 'yes', 'on', '0x1F', [[]], [null], { '': '' }]);
      const text = typeof v === 'string' && /^(2024-01-01|yes|on|0x1F)$/.test(v) ? v : flowYaml(v);
      return { note: `${slot.key} = ${show(text)}`, edits: [{ node: slot.node, text }] };
    },
  },
  {
    id: 'other-value', weight: 6, kind: 'edit',
    change(tree, rng) {
      // A value replaced by one the same key has elsewhere in the file: plausible models, many of which load.
      const byKey = new Map<string, unknown[]>();
      for (const s of tree.slots) {
        if (!isScalar(s.node) || s.key === 'id') continue;
        const list = byKey.get(s.key) ?? [];
        if (!list.includes(s.node.value)) list.push(s.node.value);
        byKey.set(s.key, list);
      }
      const candidates = ranged(tree, (s) => isScalar(s.node) && (byKey.get(s.key)?.length ?? 0) > 1);
      if (candidates.length === 0) return null;
      const slot = rng.pick(candidates);
      const old = (slot.node as Scalar).value;
      const choices = (byKey.get(slot.key) ?? []).filter((v) => v !== old);
      const next = rng.chance(0.85) ? rng.pick(choices) : typo(String(old), rng);
      return { note: `${slot.key}: ${show(String(old), 16)} -> ${show(String(next), 16)}`, edits: [{ node: slot.node, text: flowYaml(next) }] };
    },
  },
  {
    id: 'swap-same-key', weight: 3, kind: 'edit',
    change(tree, rng) {
      // Two values of one key exchanged (two devices' "at", two flows' "path"), each written as flow YAML.
      const slots = ranged(tree, () => true);
      if (slots.length < 2) return null;
      const a = rng.pick(slots);
      const same = slots.filter((s) => s.key === a.key && s !== a && !overlaps(s.node, a.node));
      if (same.length === 0) return null;
      const b = rng.pick(same);
      return { note: `two values of ${a.key}`, edits: [{ node: a.node, text: flowYaml(valueOf(b.node)) }, { node: b.node, text: flowYaml(valueOf(a.node)) }] };
    },
  },
  {
    id: 'hostile-text', weight: 6, kind: 'edit',
    change(tree, rng) {
      // Free text (a label, a description): the model still loads, so every renderer gets the text.
      const texts = ranged(tree, (s) => TEXT_KEYS.has(s.key) && isScalar(s.node));
      const pool = texts.length > 0 && rng.chance(0.85) ? texts : ranged(tree, (s) => isScalar(s.node));
      if (pool.length === 0) return null;
      const slot = rng.pick(pool);
      const old = String((slot.node as Scalar).value);
      const hostile = rng.pick(HOSTILE);
      const next = rng.pick([hostile, `${old}${hostile}`, `${hostile}${old}`, `${old.slice(0, 3)}${hostile}${old.slice(3)}`]);
      return { note: `${slot.key} = ${show(next)}`, edits: [{ node: slot.node, text: yamlQuoted(next) }] };
    },
  },
  {
    id: 'long-text', weight: 2, kind: 'edit',
    change(tree, rng) {
      const texts = ranged(tree, (s) => isScalar(s.node) && (TEXT_KEYS.has(s.key) || rng.chance(0.05)));
      if (texts.length === 0) return null;
      const slot = rng.pick(texts);
      const { value, what } = longString(rng);
      return { note: `${slot.key} = ${what}`, edits: [{ node: slot.node, text: /^[a-z][a-z -]*$/.test(value) ? value : yamlQuoted(value) }] };
    },
  },
  {
    id: 'huge-number', weight: 3, kind: 'edit',
    change(tree, rng) {
      const numbers = ranged(tree, (s) => isScalar(s.node) && typeof s.node.value === 'number');
      const pool = numbers.length > 0 && rng.chance(0.8) ? numbers : ranged(tree, (s) => isScalar(s.node));
      if (pool.length === 0) return null;
      const slot = rng.pick(pool);
      const n = rng.pick(HUGE_NUMBERS);
      return { note: `${slot.key} = ${n}`, edits: [{ node: slot.node, text: n }] };
    },
  },
  {
    id: 'deep-value', weight: 1, kind: 'edit',
    change(tree, rng) {
      const slots = ranged(tree, () => true);
      if (slots.length === 0) return null;
      const slot = rng.pick(slots);
      const { value, what } = nested(rng);
      if (value.startsWith('\n')) return null; // block nesting does not fit inside a flow collection
      return { note: `${slot.key} = ${what}`, edits: [{ node: slot.node, text: value }] };
    },
  },
];

const overlaps = (a: Node, b: Node): boolean => {
  const [a0, a1] = a.range ?? [0, 0];
  const [b0, b1] = b.range ?? [0, 0];
  return a0 < b1 && b0 < a1;
};

const REWRITE_MUTATIONS: readonly RewriteMutation[] = [
  {
    id: 'drop-key', weight: 4, kind: 'rewrite',
    change(tree, rng) {
      if (rng.chance(0.1)) {
        const top = tree.doc.contents as YAMLMap;
        const pair = rng.pick(top.items);
        top.items.splice(top.items.indexOf(pair), 1);
        return `top-level ${keyOf(pair)}`;
      }
      if (tree.elements.length === 0) return null;
      const e = rng.pick(tree.elements);
      if (e.map.items.length === 0) return null;
      const required = e.map.items.filter((p) => REQUIRED_KEYS.has(keyOf(p)));
      const pair = required.length > 0 && rng.chance(0.7) ? rng.pick(required) : rng.pick(e.map.items);
      e.map.items.splice(e.map.items.indexOf(pair), 1);
      return `${pathOf(e)}.${keyOf(pair)}`;
    },
  },
  {
    id: 'remove-element', weight: 2, kind: 'rewrite',
    change(tree, rng) {
      if (tree.elements.length === 0) return null;
      const e = rng.pick(tree.elements);
      e.seq.items.splice(e.seq.items.indexOf(e.map), 1);
      return `${pathOf(e)} (${show(String(e.map.get('id') ?? ''), 20)})`;
    },
  },
  {
    id: 'duplicate-element', weight: 3, kind: 'rewrite',
    change(tree, rng) {
      if (tree.elements.length === 0) return null;
      const e = rng.pick(tree.elements);
      const copy = e.map.clone() as YAMLMap;
      const fresh = rng.chance(0.6);
      if (fresh && typeof copy.get('id') === 'string') copy.set('id', `${String(copy.get('id'))}-copy`);
      e.seq.items.splice(e.seq.items.indexOf(e.map) + 1, 0, copy);
      return `${pathOf(e)}${fresh ? ' with a new id' : ' (same id)'}`;
    },
  },
  {
    id: 'move-element', weight: 1, kind: 'rewrite',
    change(tree, rng) {
      if (tree.elements.length === 0) return null;
      const e = rng.pick(tree.elements);
      const others = [...new Set(tree.elements.map((x) => x.seq))].filter((s) => s !== e.seq);
      if (others.length === 0) return null;
      const to = rng.pick(others);
      e.seq.items.splice(e.seq.items.indexOf(e.map), 1);
      to.items.push(e.map);
      return `${pathOf(e)} to ${tree.elements.find((x) => x.seq === to)?.section ?? '?'}`;
    },
  },
  {
    id: 'empty-section', weight: 1, kind: 'rewrite',
    change(tree, rng) {
      const top = tree.doc.contents as YAMLMap;
      const sections = top.items.filter((p) => SECTIONS.includes(keyOf(p)) || keyOf(p) === 'system');
      if (sections.length === 0) return null;
      const pair = rng.pick(sections);
      const v = rng.pick<unknown>([[], null, {}, '', [{}]]);
      pair.value = tree.doc.createNode(v);
      return `${keyOf(pair)} = ${JSON.stringify(v)}`;
    },
  },
  {
    id: 'shuffle', weight: 2, kind: 'rewrite',
    change(tree, rng) {
      const seqs = tree.slots.filter((s) => isSeq(s.node) && (s.node as YAMLSeq).items.length > 1);
      if (seqs.length === 0) return null;
      const slot = rng.pick(seqs);
      const items = (slot.node as YAMLSeq).items;
      if (rng.chance(0.5)) items.reverse();
      else {
        for (let i = items.length - 1; i > 0; i--) {
          const j = rng.below(i + 1);
          [items[i], items[j]] = [items[j], items[i]];
        }
      }
      return `${slot.key} (${items.length} items)`;
    },
  },
  {
    id: 'scale-up', weight: 1, kind: 'rewrite',
    change(tree, rng) {
      // Many copies of a section's elements under fresh ids: a bigger model that still mostly loads.
      const sections = [...new Set(tree.elements.map((e) => e.section))];
      if (sections.length === 0) return null;
      const section = rng.pick(sections);
      const own = tree.elements.filter((e) => e.section === section);
      const times = rng.pick([2, 5, 20, 100]);
      const seq = (own[0] as Element).seq;
      let added = 0;
      for (let t = 1; t < times && added < 3000; t++) {
        for (const e of own) {
          const copy = e.map.clone() as YAMLMap;
          if (typeof copy.get('id') === 'string') copy.set('id', `${String(copy.get('id'))}-x${t}`);
          seq.items.push(copy);
          added++;
        }
      }
      return `${section} x${times} (${added} added)`;
    },
  },
];

/** The edits applied to the text, last first (so earlier offsets stay where they are). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => (b.node.range?.[0] ?? 0) - (a.node.range?.[0] ?? 0))) {
    const [start, end] = e.node.range ?? [0, 0];
    out = splice(out, start, end, e.text);
  }
  return out;
}

const TREE_MUTATORS: readonly TextMutator[] = [
  ...EDIT_MUTATIONS.map((m): TextMutator => ({
    id: `tree:${m.id}`, family: 'tree', kind: 'text', weight: m.weight,
    apply(text: string, rng: Random) {
      const doc = parseCached(text);
      if (!doc) return null;
      const done = m.change(treeOf(doc), rng);
      return done === null ? null : { text: applyEdits(text, done.edits), note: done.note };
    },
  })),
  ...REWRITE_MUTATIONS.map((m): TextMutator => ({
    id: `tree:${m.id}`, family: 'tree', kind: 'text', weight: m.weight,
    apply(text: string, rng: Random) {
      const doc = parseCached(text);
      if (!doc) return null;
      const tree = treeOf(doc.clone());
      const note = m.change(tree, rng);
      if (note === null) return null;
      try {
        return { text: tree.doc.toString({ lineWidth: rng.chance(0.5) ? 0 : 80 }), note };
      } catch {
        return null; // an alias left without its anchor cannot be written
      }
    },
  })),
];

/** Every mutator, by family. */
export const MUTATORS: readonly Mutator[] = [...BYTE_MUTATORS, ...TEXT_MUTATORS, ...YAML_MUTATORS, ...TREE_MUTATORS];

/** The mutators a case on this kind of host may draw (without the heavy ones for a light run). */
export function mutatorsFor(host: HostKind, heavy = true): readonly Mutator[] {
  return MUTATORS.filter((m) => (m.only === undefined || m.only === host) && (heavy || m.heavy !== true));
}
