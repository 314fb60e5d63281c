// The fuzzer (npm run fuzz, scripts/fuzz/): its cases are rebuilt from the seed and the case number alone,
// its classifier catches what it must (a crash, a range without a position or past its text, a malformed
// diagnostic, an unsafe output), a runaway case costs only its worker, and a fast subset of seeded cases
// runs here in process: none may crash, give a diagnostic without a position, or fail any other check.
// The subset draws the light set of mutators (`--light`): the heavy ones, whose cases take seconds (a
// hundred thousand diagnostics in one file), are left to `npm run fuzz`. Search harder locally with KOSEIZU_FUZZ_RUNS=10 (cases x10) and KOSEIZU_FUZZ_SEED=<n> (another seed);
// `npm run fuzz` runs 10,000 cases on worker threads.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../models/diagnostic.js';
import { makeCase, type FuzzCase } from '../scripts/fuzz/cases.js';
import { checkDiagnostics, checkOutput, checkRanges, FAILING, rangeProblem, type Finding } from '../scripts/fuzz/classify.js';
import { readCorpus, type Example } from '../scripts/fuzz/corpus.js';
import { MUTATORS } from '../scripts/fuzz/mutators.js';
import { Random } from '../scripts/fuzz/random.js';
import { runFuzz } from '../scripts/fuzz/run.js';
import { runCase, type CaseOptions, type Shares } from '../scripts/fuzz/run-case.js';

const SEED = Number(process.env['KOSEIZU_FUZZ_SEED'] ?? '20250613');
const SCALE = Number(process.env['KOSEIZU_FUZZ_RUNS'] ?? '1') || 1;
const corpus = readCorpus();
const byName = new Map(corpus.map((e) => [e.name, e]));
/** Light shares: the layout (ELK) is the slow part, so it runs on a few cases here and on a quarter in `npm run fuzz`. */
const LIGHT: Shares = { svg: 0.05, report: 0.04, png: 0, diff: 0.05, workshop: 0.02, twice: 0.1 };
const options: CaseOptions = { slowMs: Number.POSITIVE_INFINITY, shares: LIGHT, engine: {} };

const contentKey = (c: FuzzCase): string => Object.entries(c.files).map(([p, v]) => `${p}\u0000${typeof v === 'string' ? `s${v}` : `b${Buffer.from(v).toString('base64')}`}`).join('\u0001');

/** The failing findings of cases `indices`, each as "case N: class in stage: detail". */
async function failingFindings(indices: readonly number[], opts: CaseOptions = options): Promise<{ failing: string[]; loaded: number }> {
  const failing: string[] = [];
  let loaded = 0;
  for (const index of indices) {
    const c = makeCase(corpus, SEED, index, { heavy: false });
    const outcome = await runCase(c, byName.get(c.example), opts);
    if (outcome.loaded) loaded++;
    for (const f of outcome.findings) {
      if (FAILING.has(f.class)) failing.push(`case ${index} (${c.mutations.join(' + ')}): ${f.class} in ${f.stage}: ${f.detail}`);
    }
  }
  return { failing, loaded };
}

describe('the case generator', () => {
  it('reads every example with its includes', () => {
    expect(corpus.map((e) => e.name)).toContain('cloud-ehr');
    expect(Object.keys(byName.get('cloud-ehr')?.files ?? {})).toEqual(['examples/cloud-ehr/model.yaml', 'examples/cloud-ehr/network.yaml']);
  });

  it('rebuilds a case from the seed and its number alone, in any order', () => {
    const forward = Array.from({ length: 40 }, (_, i) => contentKey(makeCase(corpus, SEED, i)));
    const backward = Array.from({ length: 40 }, (_, i) => contentKey(makeCase(corpus, SEED, 39 - i))).reverse();
    expect(backward).toEqual(forward);
    expect(makeCase(corpus, SEED, 7).mutations).toEqual(makeCase(corpus, SEED, 7).mutations);
  });

  it('changes the example, differently from case to case and from seed to seed', () => {
    const cases = Array.from({ length: 60 }, (_, i) => makeCase(corpus, SEED, i));
    const changed = cases.filter((c) => c.target !== null && c.files[c.target] !== byName.get(c.example)?.files[c.target]);
    expect(changed.length).toBeGreaterThanOrEqual(57);
    expect(new Set(cases.map(contentKey)).size).toBeGreaterThanOrEqual(57);
    expect(cases.some((c) => c.target === 'examples/cloud-ehr/network.yaml')).toBe(true);
    expect(cases.some((c) => c.host === 'library')).toBe(true);
    expect(contentKey(makeCase(corpus, SEED + 1, 3))).not.toBe(contentKey(makeCase(corpus, SEED, 3)));
  });

  it('has the baseline: the examples as they are', () => {
    const base = makeCase(corpus, SEED, -1);
    expect(base.mutations).toEqual([]);
    expect(base.files).toEqual((corpus[0] as Example).files);
  });

  it('draws on every mutator, each applying to some example without throwing', () => {
    const encoder = new TextEncoder();
    for (const m of MUTATORS) {
      let applied = 0;
      for (const e of corpus) {
        for (let s = 0; s < 4 && applied === 0; s++) {
          const rng = new Random(s * 7919 + 1);
          const text = e.files[e.root] as string;
          const done = m.kind === 'bytes' ? m.apply(encoder.encode(text), rng) : m.apply(text, rng, { path: e.root, isRoot: true, host: m.only ?? 'disk', corpus });
          if (done !== null) applied++;
        }
      }
      expect(applied, m.id).toBeGreaterThan(0);
    }
  });
});

describe('the classifier', () => {
  const file = 'm.yaml';
  const texts = new Map([[file, 'koseizu: 1\nsystem: x\n'], ['cr.yaml', 'a: 1\rb: 2\r']]);
  const files = new Set([file, 'cr.yaml', 'unread.yaml']);
  const range = (line: unknown, col: unknown, endLine = line, endCol = col, f: unknown = file) => ({ file: f, start: { line, col }, end: { line: endLine, col: endCol } });

  it.each([
    ['a range inside the text', range(1, 1, 2, 10), null],
    ['the end of the last line', range(3, 1), null],
    ['the end of a line', range(1, 11), null],
    ['no range', undefined, 'unpositioned'],
    ['no file', range(1, 1, 1, 1, ''), 'unpositioned'],
    ['line 0', range(0, 1), 'unpositioned'],
    ['column 0', range(1, 0), 'unpositioned'],
    ['a NaN column', range(1, Number.NaN), 'unpositioned'],
    ['a fractional line', range(1.5, 1), 'unpositioned'],
    ['no start', { file, end: { line: 1, col: 1 } }, 'unpositioned'],
    ['a line past the file', range(4, 1), 'outside-text'],
    ['a column past the line', range(1, 12), 'outside-text'],
    ['an end before the start', range(2, 3, 1, 1), 'outside-text'],
    ['a file the model does not have', range(1, 1, 1, 1, 'other.yaml'), 'outside-text'],
    ['past the first position of a file that was not read', range(2, 1, 2, 1, 'unread.yaml'), 'outside-text'],
    ['the first position of a file that was not read', range(1, 1, 1, 1, 'unread.yaml'), null],
    ['line 2 of a file with CR line ends', range(2, 1, 2, 5, 'cr.yaml'), null],
    ['line 4 of a file with CR line ends', range(4, 1, 4, 1, 'cr.yaml'), 'outside-text'],
  ] as const)('%s', (_name, r, expected) => {
    expect(rangeProblem(r, texts, files)?.class ?? null).toBe(expected);
  });

  it('finds a bad range anywhere in a result, and checks diagnostics\' codes and severities', () => {
    const deep = { risks: [{ id: 'a', source: range(1, 1) }, { id: 'b', segments: [{ source: range(9, 1) }] }] };
    expect(checkRanges('threats', deep, texts, files).map((f) => `${f.class} ${f.detail.split(':')[0]}`)).toEqual(['outside-text risks[1].segments[0].source']);
    const ok = { code: 'KZ104', severity: 'error', range: range(1, 1), args: { ref: 'x', kind: 'site' } };
    expect(DIAGNOSTIC_CODES.KZ104).toBe('error');
    expect(checkDiagnostics('validate', [ok], texts, files, '')).toEqual([]);
    const classes = (d: object): string[] => checkDiagnostics('validate', [d], texts, files, '').map((f) => f.class);
    expect(classes({ ...ok, code: 'KZ999' })).toContain('malformed');
    expect(classes({ ...ok, severity: 'warning' })).toContain('malformed');
    expect(classes({ ...ok, range: range(0, 0) })).toContain('unpositioned');
  });

  it.each([
    ['terminal', 'file:1:1: error\n\ttab kept\n', null],
    ['terminal', 'an \u001b[31mESC\u001b[0m sequence', 'U+001B'],
    ['terminal', 'a bidi override \u202E', 'U+202E'],
    ['terminal', 'an 8-bit CSI \u009B', 'U+009B'],
    ['stdout', '| a | b |\r\n', null],
    ['stdout', 'an OSC 8 link \u001b]8;;x\u0007', 'U+001B'],
    ['xml', '<svg><text>ok あ 𠮷</text></svg>', null],
    ['xml', '<svg><text>\u0000</text></svg>', 'U+0000'],
    ['xml', '<svg><text>a lone \uD800 surrogate</text></svg>', 'U+D800'],
    ['html', '<p>\u0085</p>', 'U+0085'],
    ['json', '{"a":1}', null],
    ['json', '{"a":1', 'not JSON'],
  ] as const)('%s output %j', (kind, data, expected) => {
    const found = checkOutput('stage', 'out', kind, data);
    if (expected === null) expect(found).toEqual([]);
    else expect(found[0]?.detail).toContain(expected);
  });

  it('checks binary outputs by their magic numbers', () => {
    expect(checkOutput('report', 'risks.xlsx', 'zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual([]);
    expect(checkOutput('report', 'risks.xlsx', 'zip', new Uint8Array([0, 0]))[0]?.class).toBe('unsafe-output');
    expect(checkOutput('report', 'diagram.png', 'png', new Uint8Array(0))).toEqual([]);
  });
});

describe('a crash anywhere in the pipeline', () => {
  it('is a finding, with the stage and the error', async () => {
    const c = makeCase(corpus, SEED, 2);
    const outcome = await runCase(c, undefined, { ...options, injectCrash: true });
    expect(outcome.findings.filter((f) => f.class === 'crash').map((f) => `${f.stage}: ${f.detail.split(' at ')[0] ?? ''}`))
      .toEqual(['validate: Error: injected crash (fuzz harness self-test)']);
  });

  it('thrown from inside the library (here by the host reading the model) is caught as one too', async () => {
    const c = makeCase(corpus, SEED, 2);
    const files = new Proxy({ ...c.files }, { get(target, key) {
      if (key === c.root) throw new TypeError('the disk caught fire');
      return Reflect.get(target, key);
    } });
    const outcome = await runCase({ ...c, files }, undefined, options);
    expect(outcome.findings.map((f) => [f.class, f.stage, f.detail.split(' at ')[0]])).toEqual([['crash', 'validate', 'TypeError: the disk caught fire']]);
  });

  it('fails the subset: the same loop the subset runs reports an injected crash', async () => {
    const { failing } = await failingFindings([0, 1], { ...options, injectCrash: true });
    expect(failing.length).toBe(2);
    expect(failing[0]).toMatch(/^case 0 .*: crash in validate: Error: injected crash/);
  });
});

describe('a fast subset of seeded cases', () => {
  const cases = Array.from({ length: 200 * SCALE }, (_, i) => i);

  it(`${cases.length} cases, seed ${SEED}: no crash, no diagnostic without a position, no other failing finding`, async () => {
    const { failing, loaded } = await failingFindings(cases);
    expect(failing, `reproduce: npm run fuzz -- --light --seed ${SEED} --case <n>`).toEqual([]);
    // The subset reaches past validation: enough mutated models load for every renderer to run.
    expect(loaded).toBeGreaterThanOrEqual(cases.length / 10);
  }, 120_000);
});

const WORKER = new URL('../dist/scripts/fuzz/worker.js', import.meta.url);

describe('the worker pool', () => {
  it.skipIf(!existsSync(WORKER))('reports a crash, a dead worker, a hang and running out of memory by case number, and runs every other case', async () => {
    const minimal = byName.get('minimal') as Example;
    const none: Shares = { svg: 0, report: 0, png: 0, diff: 0, workshop: 0, twice: 0 };
    const result = await runFuzz({
      corpus: [minimal], seed: SEED, cases: 0, only: [0, 1, 2, 3, 4, 5], baseline: false, workers: 2, timeoutMs: 4000, slowMs: Number.POSITIVE_INFINITY,
      maxHeapMb: 192, stackMb: 1.15, shares: none, inject: { 1: 'crash', 2: 'exit', 3: 'hang', 4: 'oom' }, out: null, workerUrl: WORKER,
      reproduce: 'fuzz --case=', warmUp: false,
    });
    const classes = (index: number): string[] => (result.outcomes.find((o) => o.index === index)?.findings ?? []).map((f: Finding) => f.class);
    expect(result.outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(classes(1)).toContain('crash');
    expect(classes(2)).toEqual(['died']);
    expect(classes(3)).toEqual(['timeout']);
    expect(classes(4)).toEqual(['died']);
    expect(result.outcomes.find((o) => o.index === 4)?.findings[0]?.detail).toMatch(/out of memory|OUT_OF_MEMORY/i);
    for (const i of [0, 5]) expect(classes(i).filter((c) => c === 'died' || c === 'timeout')).toEqual([]);
    expect(result.pool.replaced).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
