// Property tests of the whole load pipeline (YAML -> structure -> meaning) through an in-memory host:
// whatever the text, loadModel returns (never throws), and every diagnostic it returns is well formed:
// a known code with its severity, a position inside one of the files given, and a message that renders
// in both languages. A model that loads is deeply frozen, JSON-serialisable and the same on every load.
// Seeds are fixed so CI is deterministic; search harder locally with KOSEIZU_FUZZ_RUNS=10 (runs x10) and
// KOSEIZU_FUZZ_SEED=<n> (another seed).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../models/diagnostic.js';
import { formatDiagnostics, loadModel, type LoadResult } from '../src/index.js';
import { starterModel } from '../src/cli/starter.js';
import { memoryHost } from './helpers/memory-host.js';

const MODEL = 'examples/cloud-ehr/model.yaml';
const NETWORK = 'examples/cloud-ehr/network.yaml';
const modelText = readFileSync(new URL(`../${MODEL}`, import.meta.url), 'utf8');
const networkText = readFileSync(new URL(`../${NETWORK}`, import.meta.url), 'utf8');

const SEED = Number(process.env['KOSEIZU_FUZZ_SEED'] ?? '42');
const SCALE = Number(process.env['KOSEIZU_FUZZ_RUNS'] ?? '1') || 1;
const runs = (n: number): { seed: number; numRuns: number } => ({ seed: SEED, numRuns: n * SCALE });

type Files = Readonly<Record<string, string>>;

const load = (files: Files, root = MODEL): LoadResult => loadModel(root, memoryHost(files));

const before = (a: { line: number; col: number }, b: { line: number; col: number }): boolean =>
  a.line < b.line || (a.line === b.line && a.col <= b.col);

/** Throws with `message` when `ok` is false: plain checks, as vitest's expect is too slow for thousands of runs. */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** Asserts everything a caller may rely on in a result, whatever the input. */
function expectWellFormed(result: LoadResult, files: Files, order: readonly string[] = [MODEL, NETWORK]): void {
  check(Array.isArray(result.diagnostics), () => 'diagnostics is not an array');
  const anyUndefinedInInput = Object.values(files).some((t) => t.includes('undefined'));
  for (const d of result.diagnostics) {
    const where = (): string => JSON.stringify(d);
    check(Object.hasOwn(DIAGNOSTIC_CODES, d.code), () => `unknown code: ${where()}`);
    check(d.severity === DIAGNOSTIC_CODES[d.code], () => `wrong severity: ${where()}`);
    check(Object.hasOwn(files, d.range.file), () => `file not among those given: ${where()}`);
    const lines = (files[d.range.file] ?? '').split('\n').length;
    for (const p of [d.range.start, d.range.end]) {
      check(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, () => `line out of the file: ${where()}`);
      check(Number.isInteger(p.col) && p.col >= 1, () => `column below 1: ${where()}`);
    }
    check(before(d.range.start, d.range.end), () => `range ends before it starts: ${where()}`);
    for (const lang of ['ja', 'en'] as const) {
      const text = formatDiagnostics([d], lang);
      const head = `${d.range.file}:${d.range.start.line}:${d.range.start.col}: ${d.severity} ${d.code} `;
      check(text.startsWith(head), () => `badly formatted (${lang}): ${text}`);
      check(anyUndefinedInInput || !text.includes('undefined'), () => `"undefined" in the ${lang} message: ${text}`);
    }
  }
  // Sorted by file (in load order), then line, then column.
  const rank = (d: Diagnostic): number => Math.max(0, order.indexOf(d.range.file));
  for (let i = 1; i < result.diagnostics.length; i++) {
    const a = result.diagnostics[i - 1] as Diagnostic;
    const b = result.diagnostics[i] as Diagnostic;
    const sorted = rank(a) < rank(b) || (rank(a) === rank(b) && before(a.range.start, b.range.start));
    check(sorted, () => `not sorted: ${JSON.stringify(a)} before ${JSON.stringify(b)}`);
  }
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  check((result.model === undefined) === errors, () => 'a model must come exactly when there is no error');
  if (result.model) expectPlainFrozen(result.model);
}

/** Deeply frozen, and made only of JSON values (no undefined, NaN, functions, Maps or class instances). */
function expectPlainFrozen(value: unknown, path = 'model'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    check(Number.isFinite(value), () => `${path} is not a finite number`);
    return;
  }
  check(typeof value === 'object', () => `${path} is a ${typeof value}`);
  check(Object.isFrozen(value), () => `${path} is not frozen`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectPlainFrozen(v, `${path}[${i}]`));
    return;
  }
  check(Object.getPrototypeOf(value) === Object.prototype, () => `${path} is not a plain object`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    check(v !== undefined, () => `${path}.${k} is undefined`);
    expectPlainFrozen(v, `${path}.${k}`);
  }
}

// --- Text mutations ----------------------------------------------------------------------------------

/** Characters that mean something to YAML, plus control characters and a few that are merely unusual. */
const SPECIAL = [
  ':', '-', '[', ']', '{', '}', '&', '*', '!', '"', "'", '\t', '\n', '\r\n', '\r', '\u0000', ' ', '#', '|', '>', '%',
  '@', '`', ',', '?', '\\', '<<', '---', '...', '\uFEFF', '\u2028', '\u00a0', 'あ', '𠮷', '!!binary ', '&a ', '*a',
];
const fragment = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }));

type Edit = { op: 'delete' | 'insert' | 'replace'; at: number; length: number; text: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('delete', 'insert', 'replace'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 24 }),
  text: fragment,
}) as fc.Arbitrary<Edit>;

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const i = e.at % (out.length + 1);
    if (e.op === 'delete') out = out.slice(0, i) + out.slice(i + e.length);
    else if (e.op === 'insert') out = out.slice(0, i) + e.text + out.slice(i);
    else out = out.slice(0, i) + e.text + out.slice(i + 1);
  }
  return out;
}

type LineOp = { op: 'swap' | 'duplicate' | 'delete' | 'indent' | 'dedent' | 'move'; i: number; j: number };
const lineOpArb: fc.Arbitrary<LineOp> = fc.record({
  op: fc.constantFrom('swap', 'duplicate', 'delete', 'indent', 'dedent', 'move'),
  i: fc.nat(),
  j: fc.nat(),
}) as fc.Arbitrary<LineOp>;

function applyLineOps(text: string, ops: readonly LineOp[]): string {
  const lines = text.split('\n');
  for (const o of ops) {
    if (lines.length === 0) lines.push('');
    const i = o.i % lines.length;
    const j = o.j % lines.length;
    const line = lines[i] as string;
    switch (o.op) {
      case 'swap': lines[i] = lines[j] as string; lines[j] = line; break;
      case 'duplicate': lines.splice(j, 0, line); break;
      case 'delete': lines.splice(i, 1); break;
      case 'indent': lines[i] = `  ${line}`; break;
      case 'dedent': lines[i] = line.replace(/^ {1,2}/, ''); break;
      case 'move': lines.splice(i, 1); lines.splice(j % (lines.length + 1), 0, line); break;
    }
  }
  return lines.join('\n');
}

describe('loadModel on a damaged cloud-EHR example', () => {
  it('the example itself loads cleanly (the base the properties mutate)', () => {
    const result = load({ [MODEL]: modelText, [NETWORK]: networkText });
    expect(result.diagnostics).toEqual([]);
    expectWellFormed(result, { [MODEL]: modelText, [NETWORK]: networkText });
  });

  it('(a) truncated at any offset', () => {
    fc.assert(fc.property(fc.nat({ max: modelText.length }), fc.boolean(), (cut, inNetwork) => {
      const files = inNetwork
        ? { [MODEL]: modelText, [NETWORK]: networkText.slice(0, cut % (networkText.length + 1)) }
        : { [MODEL]: modelText.slice(0, cut), [NETWORK]: networkText };
      expectWellFormed(load(files), files);
    }), runs(120));
  });

  it('(a) truncated at every 4th line end and at every 401st offset', () => {
    const cuts = new Set<number>([modelText.length]);
    for (let i = 0; i <= modelText.length; i += 401) cuts.add(i);
    for (let i = modelText.indexOf('\n'), n = 0; i >= 0; i = modelText.indexOf('\n', i + 1), n++) if (n % 4 === 0) cuts.add(i);
    for (const cut of cuts) {
      const files = { [MODEL]: modelText.slice(0, cut), [NETWORK]: networkText };
      expectWellFormed(load(files), files);
    }
  });

  it('(b) random character deletions, insertions and replacements', () => {
    fc.assert(fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, inNetwork) => {
      const files = inNetwork
        ? { [MODEL]: modelText, [NETWORK]: applyEdits(networkText, edits) }
        : { [MODEL]: applyEdits(modelText, edits), [NETWORK]: networkText };
      expectWellFormed(load(files), files);
    }), runs(250));
  });

  it('(c) random line swaps, duplications, deletions, moves and re-indentation', () => {
    fc.assert(fc.property(fc.array(lineOpArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (ops, inNetwork) => {
      const files = inNetwork
        ? { [MODEL]: modelText, [NETWORK]: applyLineOps(networkText, ops) }
        : { [MODEL]: applyLineOps(modelText, ops), [NETWORK]: networkText };
      expectWellFormed(load(files), files);
    }), runs(150));
  });

  it('loading the same damaged text twice gives deep-equal results (determinism)', () => {
    fc.assert(fc.property(fc.array(editArb, { maxLength: 3 }), fc.array(lineOpArb, { maxLength: 3 }), (edits, ops) => {
      const files = { [MODEL]: applyLineOps(applyEdits(modelText, edits), ops), [NETWORK]: networkText };
      const first = load(files);
      const second = load({ ...files });
      expect(second).toStrictEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }), runs(50));
  });
});

// --- Random values --------------------------------------------------------------------------------------

/** Random keys, with the ones that once crashed the schema stage ("toString", "valueOf") drawn often. */
const safeKey = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('toString', 'valueOf'));

const DSL_KEYS = [
  'koseizu', 'include', 'system', 'sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media',
  'flows', 'responses', 'id', 'label', 'description', 'title', 'forms', 'phases', 'lang', 'provider', 'owner', 'country',
  'region', 'controls', 'site', 'public', 'org', 'class', 'kind', 'legal-record', 'retention', 'at', 'count', 'auth',
  'exposure', 'roles', 'env', 'eol', 'encrypted', 'ike', 'wlan-security', 'ieee8021x', 'mac-filter', 'from', 'to',
  'network', 'protocol', 'tls', 'carrier', 'phase', 'form', 'who', 'where', 'which', 'what', 'how', 'path', 'volume',
  'risk', 'decision', 'measures', 'residual', 'rationale', 'agreed-with', 'date', 'category', 'text', 'impact',
  'likelihood', 'x-anchor', '__proto__', 'constructor', 'hasOwnProperty', 'prototype',
];
/** Words of the DSL's vocabularies and ids of the example, so references sometimes resolve. */
const DSL_WORDS = [
  'operation', 'development', 'termination', 'application', 'platform', 'infrastructure', 'server', 'terminal',
  'tablet', 'lan', 'wireless-lan', 'ipsec-vpn', 'none', 'password', 'ic-card', 'medical', 'other', 'institution',
  'provider', 'third-party', 'public', 'internet', 'internal', '1.2', '1.3', '5y', '3m', 'permanent', 'reduce',
  'accept', 'view', 'store', 'JP', 'https', 'ehr-server', 'clinic', 'exam-room', 'doctor', 'records', 'clinic-lan',
  'a', 'b', 'a-b', 'x-custom', 'network.yaml', '../x.yaml', '/etc/x.yaml', 'model.yaml',
];
const scalar = fc.oneof(
  fc.constantFrom(...DSL_WORDS),
  fc.constantFrom(1, 0, -1, 1.3, 1.25, 100001, true, false, null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const { dslValue } = fc.letrec<{ dslValue: unknown }>((tie) => ({
  dslValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('dslValue'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...DSL_KEYS), tie('dslValue'), { maxKeys: 6 }),
  ),
}));
/** A document built from the DSL's own top-level keys, each holding something random. */
const dslDocument = fc.record(
  {
    koseizu: fc.oneof(fc.constant(1), scalar),
    include: fc.oneof(fc.constant(['network.yaml']), dslValue),
    system: fc.oneof(
      fc.constant({ id: 's', title: 'T', forms: ['application'], phases: ['operation'] }),
      fc.dictionary(fc.constantFrom('id', 'title', 'forms', 'phases', 'lang', 'provider', 'description'), dslValue, { maxKeys: 6 }),
      dslValue,
    ),
    sites: dslValue, locations: dslValue, actors: dslValue, data: dslValue, devices: dslValue, networks: dslValue,
    links: dslValue, media: dslValue, flows: dslValue, responses: dslValue,
    'x-extra': dslValue,
  },
  { requiredKeys: [] },
);
/** A list of elements of one section, each built from the DSL's keys. */
const dslSection = fc.record({
  section: fc.constantFrom('sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media', 'flows', 'responses'),
  items: fc.array(fc.dictionary(fc.constantFrom(...DSL_KEYS), dslValue, { maxKeys: 8 }), { maxLength: 4 }),
});

/** YAML text of a random value; undefined when the yaml library cannot write it (not our concern). */
function toYaml(value: unknown): string | undefined {
  try {
    const text = stringify(value);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function expectLoadsWellFormed(rootText: string, includedText = 'koseizu: 1\n'): void {
  const files = { 'm/model.yaml': rootText, 'm/network.yaml': includedText };
  const result = loadModel('m/model.yaml', memoryHost(files));
  expectWellFormed(result, files, ['m/model.yaml', 'm/network.yaml']);
}

describe('loadModel on random values serialised as YAML', () => {
  it('(d) fc.jsonValue()', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      const text = toYaml(value);
      fc.pre(text !== undefined);
      expectLoadsWellFormed(text as string);
    }), runs(300));
  });

  it('(d) fc.anything(), with "toString" and "valueOf" keys drawn often', () => {
    const anything = fc.anything({ maxDepth: 3, key: safeKey, withNullPrototype: true, withBoxedValues: true, withSparseArray: true });
    fc.assert(fc.property(anything, (value) => {
      const text = toYaml(value);
      fc.pre(text !== undefined);
      expectLoadsWellFormed(text as string);
    }), runs(300));
  });

  it('(d) documents with the DSL\'s top-level keys holding random values, in the root and in an include', () => {
    fc.assert(fc.property(dslDocument, dslDocument, (root, included) => {
      const rootText = toYaml(root);
      const includedText = toYaml(included);
      fc.pre(rootText !== undefined && includedText !== undefined);
      expectLoadsWellFormed(rootText as string, includedText as string);
    }), runs(300));
  });

  it('(d) a valid system with one section of random elements built from the DSL\'s keys', () => {
    fc.assert(fc.property(dslSection, dslSection, ({ section, items }, other) => {
      const doc = {
        koseizu: 1,
        system: { id: 's', title: 'T', forms: ['application'], phases: ['operation', 'termination'] },
        [section]: items,
        [other.section]: other.items,
      };
      const text = toYaml(doc);
      fc.pre(text !== undefined);
      expectLoadsWellFormed(text as string);
    }), runs(300));
  });

  it('(d) the example with one element replaced by random DSL keys and values', () => {
    const sections = ['sites', 'locations', 'actors', 'data', 'devices', 'links', 'media', 'flows'];
    fc.assert(fc.property(
      fc.constantFrom(...sections), fc.nat(), fc.dictionary(fc.constantFrom(...DSL_KEYS), dslValue, { maxKeys: 8 }),
      (section, index, element) => {
        // Replace one flow-style element line ("  - {id: ...}") of the section with the random element.
        const lines = modelText.split('\n');
        const start = lines.indexOf(`${section}:`);
        const candidates = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > start && l.startsWith('  - {') && l.endsWith('}'));
        fc.pre(start >= 0 && candidates.length > 0);
        const target = candidates[index % candidates.length] as { i: number };
        const flow = stringify(element, { collectionStyle: 'flow', lineWidth: 0 }).trim();
        lines[target.i] = `  - ${flow}`;
        const files = { [MODEL]: lines.join('\n'), [NETWORK]: networkText };
        expectWellFormed(load(files), files);
      },
    ), runs(100));
  });
});

// --- Models that load ------------------------------------------------------------------------------------

describe('a model that loads', () => {
  it('is deeply frozen and JSON-serialisable, and loads the same twice (example and starters)', () => {
    const cases: Files[] = [
      { [MODEL]: modelText, [NETWORK]: networkText },
      { [MODEL]: starterModel('ja', '../../models/koseizu.schema.json') },
      { [MODEL]: starterModel('en', '../../models/koseizu.schema.json') },
    ];
    for (const files of cases) {
      const first = load(files);
      expect(first.model).toBeDefined();
      expectPlainFrozen(first.model);
      expect(JSON.parse(JSON.stringify(first.model))).toStrictEqual(first.model);
      expect(load({ ...files })).toStrictEqual(first);
      // Frozen for real: writes fail in strict mode (ES modules are strict).
      const model = first.model as NonNullable<typeof first.model>;
      expect(() => { (model.devices as unknown as unknown[]).push({}); }).toThrow(TypeError);
      expect(() => { (model.system as unknown as Record<string, unknown>)['title'] = 'x'; }).toThrow(TypeError);
      expect(() => { ((model.devices[0] as unknown as { controls: unknown[] }).controls).push('x'); }).toThrow(TypeError);
    }
  });

  it('labels, descriptions and counts with random text still load, frozen and deterministic', () => {
    // A quoted label or description can hold any text: each must come back as written, and the model stays valid.
    const text = fc.string({ minLength: 1, maxLength: 15, unit: 'grapheme' });
    fc.assert(fc.property(text, text, fc.integer({ min: 1, max: 100_000 }), (label, description, count) => {
      const edited = modelText
        .replace('label: 電子カルテ端末,', `label: ${JSON.stringify(label)},`)
        .replace(/^ {2}description: 診療所向けに.*$/m, `  description: ${JSON.stringify(description)}`)
        .replace('count: 5,', `count: ${count},`);
      expect(edited).not.toBe(modelText);
      const fixed = { [MODEL]: edited, [NETWORK]: networkText };
      const first = load(fixed);
      expectWellFormed(first, fixed);
      expect(first.diagnostics).toEqual([]);
      const terminal = first.model?.devices.find((d) => d.id === 'ehr-terminal');
      expect(terminal?.label).toBe(label);
      expect(terminal?.count).toBe(count);
      expect(first.model?.system.description).toBe(description);
      expect(load({ ...fixed })).toStrictEqual(first);
    }), runs(40));
  });
});

// --- Regressions found by these properties (each was a src bug, fixed) ----------------------------------

describe('regressions found by fuzzing', () => {
  const host = (text: string): Files => ({ 'm.yaml': text });

  it('a mapping with a "toString" key where a vocabulary word is expected is a diagnostic, not a crash', () => {
    const files = host('koseizu: 1\ndata:\n  - {id: a, label: A, class: {toString: x}}\n');
    let result: LoadResult | undefined;
    expect(() => { result = loadModel('m.yaml', memoryHost(files)); }).not.toThrow();
    expectWellFormed(result as LoadResult, files, ['m.yaml']);
    expect(result?.diagnostics.map((d) => d.code)).toContain('KZ102');
  });

  it('a mapping with a "toString" key as the DSL version is a diagnostic, not a crash', () => {
    const files = host('koseizu: {toString: 1}\n');
    expect(() => loadModel('m.yaml', memoryHost(files))).not.toThrow();
  });

  it('positions after a multi-line syntax error are still on the right line', () => {
    const text = 'koseizu: 1\nx-a: {at} server-room,\n     c: 1}\nx-b: 1\nx-b: 2\n';
    const result = loadModel('m.yaml', memoryHost(host(text)));
    const duplicate = result.diagnostics.find((d) => d.code === 'KZ002');
    expect(duplicate?.range.start).toEqual({ line: 5, col: 1 });
  });

  it('no diagnostic ends past the end of its line', () => {
    const text = 'koseizu: 1\nx-a: {at} server-room,\n     c: 1}\n';
    const lines = text.split('\n');
    const result = loadModel('m.yaml', memoryHost(host(text)));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      for (const p of [d.range.start, d.range.end]) expect(p.col).toBeLessThanOrEqual((lines[p.line - 1] ?? '').length + 1);
    }
  });

  it('a mapping where a vocabulary word is expected is reported once, without "[object Object]"', () => {
    const text = 'koseizu: 1\ndata:\n  - {id: a, label: A, class: {a: x}}\n';
    const result = loadModel('m.yaml', memoryHost(host(text)));
    const at = result.diagnostics.filter((d) => d.range.start.line === 3 && d.range.start.col === 30);
    expect(at.map((d) => d.code)).toEqual(['KZ102']);
    expect(formatDiagnostics(result.diagnostics, 'en')).not.toContain('[object Object]');
  });

  it('a phase named like an Object.prototype member gets only the schema\'s diagnostic', () => {
    const text = [
      'koseizu: 1',
      'system: {id: s, title: t, forms: [application], phases: [operation]}',
      'sites: [{id: s1, label: S, owner: provider}]',
      'locations: [{id: l, label: L, site: s1}]',
      'devices: [{id: d, label: D, kind: server, at: l}]',
      'data: [{id: x, label: X, class: other}]',
      'flows: [{id: f, label: F, phase: constructor, which: d, what: [x], how: [view]}]',
      '',
    ].join('\n');
    const codes = loadModel('m.yaml', memoryHost(host(text))).diagnostics.filter((d) => d.range.start.line === 7).map((d) => d.code);
    expect(codes).toEqual(['KZ103']);
  });

  it('a collection used as a key is reported at the key, with no process warning', async () => {
    const warnings: string[] = [];
    const listener = (w: Error): void => { warnings.push(w.message); };
    process.on('warning', listener);
    try {
      const result = loadModel('m.yaml', memoryHost(host('koseizu: 1\n[a, b]: c\n')));
      // process.emitWarning delivers on a later tick.
      await new Promise((resolve) => { setImmediate(resolve); });
      expect(result.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.col])).toEqual([['KZ001', 2, 1]]);
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });
});
