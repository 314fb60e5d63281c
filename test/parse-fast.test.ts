// The fast path of parsing (src/load/parse-fast.ts) against the `yaml` library's path (parseYaml with { fast: false }):
// over every YAML file of the repository, the fuzzer's mutations of the examples, a large model copied
// from an example, hand-written tricky cases and random documents, both give the same value, the same
// diagnostics, and for every path in the value the same range and key range. A plain file must take the
// fast path; a file with an anchor, a tag, a second document or a syntax error must not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { makeCase } from '../scripts/fuzz/cases.js';
import { readCorpus } from '../scripts/fuzz/corpus.js';
import { parseYaml, parserPathOf, type ParsedFile, type ParserPath, type PathSegment } from '../src/load/parse.js';
import { plainValue } from '../src/load/parse-fast.js';

const root = resolve(import.meta.dirname, '..');

/** Every path in a value: the root, each container, each leaf (keys of maps, indices of lists). */
function pathsOf(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** Both parsers on one text: the same value, diagnostics and locator answers. Returns the path the text took. */
function sameAnswers(text: string, file = 'model.yaml'): ParserPath {
  // Called side by side, at the same depth of the stack: where the `yaml` library runs out of stack
  // on absurd nesting (a "nesting too deep" diagnostic's position) depends on it.
  const full = parseYaml({ path: file, text }, { fast: false });
  const auto = parseYaml({ path: file, text });
  expect(auto.value, `${file}: value`).toEqual(full.value);
  // Where the `yaml` library runs out of stack on absurd nesting moves between two calls of the same
  // path in one process (the parser's frames shrink once it is compiled: so it did before the fast
  // path): a "nesting too deep" diagnostic is compared without its position.
  const comparable = (d: ParsedFile['diagnostics']) => d.map((x) => (x.args['yaml'] === 'NESTING' ? { ...x, range: 'wherever the stack ran out' } : x));
  expect(comparable(auto.diagnostics), `${file}: diagnostics`).toEqual(comparable(full.diagnostics));
  const probe = (parsed: ParsedFile, path: PathSegment[]): string => JSON.stringify([parsed.locator.range(path), parsed.locator.keyRange(path)]);
  const differ: string[] = [];
  let asked = 0;
  for (const path of pathsOf(full.value)) {
    // The paths in the value, and beside them a key and an index that are not there.
    for (const p of [path, [...path, 'no-such-key'], [...path, 99999], [...path, 0, 'id']]) {
      asked += 1;
      const [a, b] = [probe(auto, p), probe(full, p)];
      if (a !== b && differ.length < 5) differ.push(`${JSON.stringify(p)}: fast ${a}, yaml ${b}`);
    }
  }
  expect(differ, `${file}: locator answers`).toEqual([]);
  expect(asked).toBeGreaterThan(0);
  return parserPathOf(auto);
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('the fast path answers as the yaml path does', () => {
  const files = [...yamlFilesUnder(join(root, 'examples')), ...yamlFilesUnder(join(root, 'test'))];

  it('on every YAML file under examples/ and test/', () => {
    expect(files.length).toBeGreaterThan(100);
    const taken = { fast: 0, yaml: 0 };
    for (const path of files) {
      const took = sameAnswers(readFileSync(path, 'utf8'), relative(root, path));
      taken[took] += 1;
    }
    // Most fixtures are broken on purpose, yet most of the files are plain YAML: the fast path must read them.
    expect(taken.fast).toBeGreaterThan(files.length / 2);
  });

  it('on the fuzzer\'s mutations of the examples', () => {
    const corpus = readCorpus(root);
    const taken = { fast: 0, yaml: 0 };
    for (let index = 0; index < 300; index++) {
      const c = makeCase(corpus, 20251208, index, { heavy: false });
      for (const [path, content] of Object.entries(c.files)) {
        if (typeof content !== 'string') continue;
        taken[sameAnswers(content, `case ${index} (${c.mutations.join(' + ')}) ${path}`) ] += 1;
      }
    }
    expect(taken.fast).toBeGreaterThan(50);
    expect(taken.yaml).toBeGreaterThan(50);
  }, 180_000);

  it('on a large model copied from an example, one flow map per line and in block style', { timeout: 120_000 }, () => {
    const text = readFileSync(join(root, 'examples/cloud-ehr/model.yaml'), 'utf8');
    const model = parseYaml({ path: 'm.yaml', text }, { fast: false }).value as Record<string, unknown>;
    const copies = 16;
    const grown: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(model)) {
      grown[key] = Array.isArray(value)
        ? Array.from({ length: copies }, (_, n) => value.map((item: unknown) => (item !== null && typeof item === 'object' && 'id' in item ? { ...item, id: `${String(item.id)}-${n}` } : item))).flat()
        : value;
    }
    const lines = ['# a large model, copied from the cloud-ehr example', 'koseizu: 1'];
    for (const [key, value] of Object.entries(grown)) {
      if (key === 'koseizu') continue;
      if (!Array.isArray(value)) {
        lines.push(`${key}: ${stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd()}`);
        continue;
      }
      lines.push(`${key}:  # ${value.length} items`);
      for (const item of value) lines.push(`  - ${stringify(item, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd()}`);
    }
    const flow = `${lines.join('\n')}\n`;
    expect(flow.length).toBeGreaterThan(200_000);
    expect(sameAnswers(flow, 'flow.yaml')).toBe('fast');
    expect(sameAnswers(stringify(grown, { aliasDuplicateObjects: false }), 'block.yaml')).toBe('fast');
    expect(sameAnswers(flow.replace(/\n/g, '\r\n'), 'crlf.yaml')).toBe('fast');
  });
});

/** Hand-written cases: the scalar types of the core schema, empty values, comments, line ends, what only one parser accepts. */
const TRICKY: readonly string[] = [
  'a: yes\nb: no\nc: on\nd: off\ne: y\n',
  'a: 0o12\nb: 012\nc: 0x1F\nd: 0xg\ne: 0b101\nf: 1_000\ng: +12\nh: -0\ni: 00\n',
  'a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: .Nan\nh: inf\n',
  'a: 1.5\nb: 1.\nc: .5\nd: 1e3\ne: 1E-3\nf: -1.5e+3\ng: 1.0\nh: 6.02e23\ni: 1e\nj: 1.2.3\n',
  'a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf:\ng: ""\nh: \'\'\n',
  'a: true\nb: True\nc: TRUE\nd: tRUE\ne: false\nf: False\ng: FALSE\n',
  'a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: 12:30:00\nd: 1:30\n',
  '1: one\n2.5: x\n',
  'true: x\n',
  'null: x\n',
  '~: x\n',
  '"1": quoted\n\'2\': single\n',
  'a: 12345678901234567890\nb: 0x7fffffffffffffffff\n',
  'at:\nnext: 1\n',
  'at:   \nnext: 1\n',
  'at:   # nothing\nnext: 1\n',
  'at:\n  # nothing\nnext: 1\n',
  'list:\n  - a\n  -\n  - c\n',
  'last:',
  'last:\n',
  'a: b # c\nd:\n  - x\n  - "q"\n  - \'r\'\ne: {f: 1, g: [2, 3] }\n',
  'a:\n  - x\n  # c\nb: 1\n',
  'a:\n- x\n# c\nb: 1\n',
  'a:\n  b:\n    - x\n  # c\n\n# d\n',
  'a:\n  - x\n\n\n  # c\n  # e\n\nb: 1',
  'a: b\n\n# c\nc: d\n',
  'a: b #c\n  # d\n',
  'a: b #c\n  # d\ne: f\n',
  '# head\na: b\n# tail\n',
  'system:\n  id: x\n  lang: ja\n\n# section\n# more\nparties:\n  - id: p\n    label: q\n\n# next\nsites:\n  - {id: s}\n  # inside\n  - {id: t}\n# end\n',
  'a:\n  - id: 1\n    b: 2\n   # three\n  - id: 2\n    c:\n      - x\n     # five\n    # four\n  # two\n # one\nz: 1\n',
  'a:\n  b:\n    c: d\n      # deeper\n    # same\n  # parent\ne: f\n',
  'a:\n  b: [x,\n    y]\n  # after flow\nc: 1\n',
  'a:\n  b: "q"  # same line\n    # deeper\nc: 1\n',
  '---\na: b\n',
  '--- # doc\na: b\n',
  'a: b\n...\n',
  '%YAML 1.2\n---\na: b\n',
  'a: b\n---\nc: d\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: !custom 1\n',
  '<<: {a: 1}\nb: 2\n',
  '? a\n: b\n',
  '? [a, b]\n: c\n',
  '[a, b]: c\n',
  '{a: 1}: c\n',
  'a: {b}\n',
  'a: {b: }\n',
  'a: [b: c]\n',
  'a: [b, , c]\n',
  'a: [b,]\nc: {d: 1,}\n',
  'a: [\n  b,\n  c\n  ]\n',
  'a: [\nb]\n',
  'a:\n  - [\n  b]\n',
  'x: {a: 1,\n  b: [2, 3],\n  c: {d: e}}\n',
  'x: {a: 1, # c\n  b: 2}\n',
  'x: [a, # c\n  b]\n',
  'x: [a\n  # c\n  , b]\n',
  'a: plain\n  multi line\n  value\nb: 1\n',
  'a: plain\n\n  with blank\nb: 1\n',
  'a: "double\n  quoted"\nb: \'single\n\n  quoted\'\n',
  'a: "esc \\t \\n \\u00e9 \\x41 \\\\ \\" \\/ \\0 \\e \\N \\_ \\L \\P"\n',
  'a: "bad \\q escape"\n',
  'a: \'it\'\'s\'\n',
  'a: "x"#c\n',
  'a: \'x\'#c\n',
  'a: x#c\n',
  'a: x #c\n',
  'a: "x" # c\n',
  'a: |\n  literal\n  text\n\nb: 1\n',
  'a: >-\n  folded\n  text\nb: 1\n',
  'a: |+\n  keep\n\n',
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a:\n\tb: 1\n',
  'a: "tab\tinside"\n',
  '- a\n- b\n',
  'just a string\n',
  '42\n',
  '',
  '# only a comment\n',
  'a: 1\na: 2\n',
  'a: 1\n"a": 2\n',
  '1: a\n"1": b\n',
  '__proto__: x\n',
  'a: {__proto__: x}\n',
  'constructor: x\ntoString: y\n',
  'a: @b\n',
  'a: `b\n',
  'a: %b\n',
  'a: -b\nc: - d\n',
  'a: :b\nc: ?d\n',
  'a: b:c\nd: e :f\n',
  'a: [b:c, d]\n',
  'a: {b:c}\n',
  'a: {"b":c}\n',
  'a: {"b": c}\n',
  'a: b\r\nc:\r\n  - d\r\n  - "e\r\n    f"\r\n',
  'a: b\rc: d\r',
  '\ufeffa: b\n',
  'a: b\u0085c\n',
  'a: b\u2028c\n',
  'a: "\u00a0"\nb: \u00a0x\n',
  `${'k'.repeat(1100)}: long key\n`,
  `k: ${'v'.repeat(5000)}\n`,
  `${'[a, '.repeat(150)}${']'.repeat(150)}\n`,
  `a:${'\n  b:'.repeat(1)} 1\n`,
  Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  'a:\n    - b\n    - c\nd:\n        e: f\n',
  '- - - a\n    - b\n  - c\n- d\n',
  'a:\n  -\n    b: 1\n  - c: 2\n    d: 3\n',
  'a: - b\n',
  'a:\n- b\n- c\nd: e\n',
  'a: b\n  c: d\n',
  'a:\n  "quoted key": 1\n  \'single key\': 2\n  "": 3\n',
  'a: "multi\n\n\n  blank"\n',
  'a: plain   \n  trailing   \n',
  'a: b   # comment after spaces   \n',
  'ids: [a-b, c_d, "e f", \'g\', 1, 2.5, true, null, ~, ""]\n',
  'x: {a: [], b: {}, c: [[]], d: [{}]}\n',
  'x: []\ny: {}\n',
  'x:\n  []\ny:\n  {}\n',
  'x:\n  - []\n  - {}\n',
  '"a\\nb": 1\n',
  'a: 診察室\nb: "電子カルテ"\nラベル: 値\n',
  'a: 😀\n"😀": b\n',
];

describe('tricky cases', () => {
  it.each(TRICKY.map((t, i) => [i, t] as const))('case %i: %j', (_i, text) => {
    sameAnswers(text);
  });
});

describe('which path a file takes', () => {
  it('a plain file takes the fast path: every example model', () => {
    for (const path of ['examples/cloud-ehr/model.yaml', 'examples/minimal/model.yaml', 'examples/onprem-hospital/model.yaml']) {
      const parsed = parseYaml({ path, text: readFileSync(join(root, path), 'utf8') });
      expect(parsed.diagnostics, path).toEqual([]);
      expect(parserPathOf(parsed), path).toBe('fast');
    }
  });

  it('a file with an anchor, a tag, a second document, a merge key or a syntax error takes the yaml path', () => {
    const text = readFileSync(join(root, 'examples/minimal/model.yaml'), 'utf8');
    for (const changed of [
      `${text}\nanchored: &a {x: 1}\nalias: *a\n`,
      `${text}\nanchored: &a {x: 1}\n`,
      `${text}\ntagged: !!str 1\n`,
      `${text}\n---\nsecond: 1\n`,
      `${text}\n<<: {x: 1}\n`,
      `${text}\nbroken: [\n`,
      `${text}\nkoseizu: 2\n`,
    ]) {
      const parsed = parseYaml({ path: 'model.yaml', text: changed });
      expect(parserPathOf(parsed)).toBe('yaml');
      expect(sameAnswers(changed)).toBe('yaml');
    }
  });

  it('the yaml path is always the yaml path', () => {
    expect(parserPathOf(parseYaml({ path: 'a.yaml', text: 'a: 1\n' }, { fast: false }))).toBe('yaml');
  });
});

describe('plain scalars resolve as the yaml library\'s core schema does', () => {
  it.each(['yes', '0o12', '012', '0x1F', '.inf', '-.inf', '.NaN', '~', '', '1_000', '2001-12-14', '1e3', '1.', '.5', '+1', '-0', 'True', 'tRUE', 'Null'])('%j', (source) => {
    const viaYaml = (parseYaml({ path: 'a.yaml', text: `a: ${source}\n` }, { fast: false }).value as { a: unknown }).a;
    expect(plainValue(source)).toEqual(viaYaml);
    expect(Object.is(plainValue(source), viaYaml) || typeof viaYaml === 'object' || Number.isNaN(viaYaml)).toBe(true);
  });
});

// Random documents: maps and lists of tricky scalars, written in block or flow style, plain or quoted,
// with comments and blank lines in random places and random indentation. Some are not valid YAML (a
// plain scalar that needs quotes): both paths must still agree, and a good share must take the fast path.
const SCALARS = ['a', 'id-1', 'yes', 'no', '0o12', '012', '0x1F', '.inf', '-.5', '~', 'null', 'true', 'False', '1_000', '2001-12-14', '1e3', '12', '-0', '+7', '診察室', 'a b', 'a:b', 'a #b', '#c', 'x,y', '[z]', '{w}', '-', '- q', '?', ': r', "it's", 'say "hi"', '', ' pad ', 'tab\there', 'line\nbreak', '\\', '@at', '`tick', '%pc', '&amp', '*star', '!bang', '|pipe', '>gt'];
const KEYS = ['id', 'label', 'a', 'b', 'at', 'kind', 'yes', '1', 'true', 'null', '~', 'a b', 'a:b', '<<', '__proto__', '診察', '', '-k', 'k#', 'k #c'];

type Tree = string | Tree[] | { [key: string]: Tree };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
  ),
})).node;

interface Style { indent: number; flowAt: number; quote: number; comments: boolean; blank: boolean; crlf: boolean; seed: number }
const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  flowAt: fc.integer({ min: 0, max: 4 }),
  quote: fc.integer({ min: 0, max: 3 }),
  comments: fc.boolean(),
  blank: fc.boolean(),
  crlf: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

function render(value: Record<string, Tree>, s: Style): string {
  let r = s.seed;
  const next = (n: number): number => { r = (r * 1103515245 + 12345) % 2147483648; return r % n; };
  const scalar = (v: string): string => {
    const q = (s.quote + next(3)) % 4;
    if (q === 1) return `'${v.replace(/'/g, "''")}'`;
    if (q === 2) return JSON.stringify(v);
    return v;
  };
  const comment = (): string => (s.comments && next(3) === 0 ? `  # c${next(9)}` : '');
  const lines: string[] = [];
  const extra = (indent: number): void => {
    if (s.blank && next(5) === 0) lines.push('');
    if (s.comments && next(5) === 0) lines.push(`${' '.repeat(next(indent + 3))}# note`);
  };
  const flow = (v: Tree): string => {
    if (typeof v === 'string') return scalar(v);
    if (Array.isArray(v)) return `[${v.map(flow).join(next(4) === 0 ? ',\n    ' : ', ')}]`;
    return `{${Object.entries(v).map(([k, x]) => `${scalar(k)}: ${flow(x)}`).join(', ')}}`;
  };
  const block = (v: Tree, indent: number, depth: number, lead: string): void => {
    const pad = ' '.repeat(indent);
    if (typeof v === 'string' || depth >= s.flowAt || (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)) {
      lines.push(`${lead}${flow(v)}${comment()}`);
      return;
    }
    if (lead !== '') lines.push(lead.trimEnd() + comment());
    const entries: [string | undefined, Tree][] = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      extra(indent);
      block(x, indent + s.indent, depth + 1, k === undefined ? `${pad}- ` : `${pad}${scalar(k)}: `);
    }
  };
  block(value, 0, 0, '');
  const text = `${lines.join('\n')}\n`;
  return s.crlf ? text.replace(/\n/g, '\r\n') : text;
}

describe('random plain documents', () => {
  it('both paths agree, and a good share of the documents take the fast path', () => {
    const taken = { fast: 0, yaml: 0 };
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), tree, { minKeys: 1, maxKeys: 6 }), style, (value, s) => {
        const text = render(value, s);
        taken[sameAnswers(text) ] += 1;
      }),
      { numRuns: 1500, seed: 20251208 },
    );
    // 195 of the 1,500 with this seed: the rest hold a scalar or key the fast path leaves to the yaml one.
    expect(taken.fast).toBeGreaterThan(150);
  }, 180_000);
});
