// `npm run fuzz`: mutates every example (and its includes) and runs each mutation through the library as
// the CLI would, on worker threads, reporting crashes, unpositioned diagnostics, positions outside the text,
// malformed diagnostics, unsafe outputs, nondeterminism, dead or hung workers, slow cases and peak memory.
// Deterministic: the seed (printed) and a case's number rebuild that case exactly.
//
//   node dist/scripts/fuzz.js [--cases 10000] [--seed S] [--workers 2] [--timeout 20000] [--slow 2000]
//                              [--out dir] [--case N[,M...]] [--replay dir|model.yaml] [--max-heap 1024]
//                              [--shares svg=0.5,report=0.5,png=0.01,diff=0.1,workshop=0.05,twice=0.05]
//                              [--inject crash@N,hang@N,oom@N,exit@N] [--light] [--no-baseline]
// Exit code: 0 no failing finding (slow cases do not fail), 1 a failing finding, 2 bad usage.
import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { FAILING } from './fuzz/classify.js';
import { readCorpus, type Example } from './fuzz/corpus.js';
import type { FuzzCase } from './fuzz/cases.js';
import type { Injection } from './fuzz/protocol.js';
import { caseFromSaved, runFuzz } from './fuzz/run.js';
import { DEFAULT_SHARES, runCase, type CaseOutcome, type Shares } from './fuzz/run-case.js';
import { summaryText } from './fuzz/summary.js';

const USAGE = `usage: node dist/scripts/fuzz.js [options]   (npm run fuzz -- [options])
  --cases N        mutated cases to run (default 10000)
  --seed S         the run's seed, 0..4294967295 (default: a random one, printed)
  --case N[,M]     run only these cases of the seed, and print each in full (--case=-1: the first example unmutated)
  --replay PATH    run a saved case again (a folder with case.json, or a model.yaml read from disk) in this process
  --out DIR        save every case with a finding (or slow) as DIR/seed-S-case-N/: its files and case.json
  --workers N      worker threads (default 2)
  --timeout MS     per-case timeout; the worker is replaced (default 20000: ten times the slow threshold)
  --slow MS        a case slower than this is reported as slow (default 2000)
  --max-heap MB    V8 old-generation limit per worker (default 1024)
  --stack MB       each worker's stack (default 1.15: about the main thread's 984 KB V8 limit)
  --shares LIST    share of loading cases per optional stage, e.g. svg=1,report=1 (default ${Object.entries(DEFAULT_SHARES).map(([k, v]) => `${k}=${v}`).join(',')})
  --inject LIST    the harness's self-test: crash@N, hang@N, oom@N or exit@N at case N
  --light          leave out the heavy mutators (cases that take seconds), as test/fuzz.test.ts does
  --no-baseline    skip the unmutated examples run first
exit code: 0 nothing failing (slow cases are reported only), 1 a failing finding, 2 bad usage`;

class Usage extends Error {}

const integer = (name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
  if (value !== undefined && value.trim() === '') throw new Usage(`--${name}: a number is needed`);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Usage(`--${name}: "${value}" is not an integer from ${min} to ${max}`);
  return n;
};

function sharesOf(value: string | undefined): Shares {
  const shares: Record<string, number> = { ...DEFAULT_SHARES };
  for (const part of (value ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (k === undefined || !Object.hasOwn(DEFAULT_SHARES, k) || !(n >= 0 && n <= 1)) throw new Usage(`--shares: "${part}" is not one of ${Object.keys(DEFAULT_SHARES).join(', ')} = 0..1`);
    shares[k] = n;
  }
  return shares as unknown as Shares;
}

function injectionsOf(value: string | undefined): Record<number, Injection> {
  const out: Record<number, Injection> = {};
  for (const part of (value ?? '').split(',').filter(Boolean)) {
    const m = /^(crash|hang|oom|exit)@(\d+)$/.exec(part);
    if (!m) throw new Usage(`--inject: "${part}" is not crash@N, hang@N, oom@N or exit@N`);
    out[Number(m[2])] = m[1] as Injection;
  }
  return out;
}

function describeOutcome(o: CaseOutcome, saved: string | undefined): string {
  const lines = [`case ${o.index} (${o.example}, ${o.host} host${o.target ? `, ${o.target} mutated` : ''}): ${o.loaded ? 'loaded' : 'invalid'}, ${Math.round(o.ms)} ms${o.twice ? ', run twice' : ''}`];
  for (const m of o.mutations) lines.push(`  mutation  ${m}`);
  lines.push(`  stages    ${Object.entries(o.stages).map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ') || '-'}`);
  lines.push(`  memory    rss ${Math.round(o.rss / 1048576)} MB, heap ${Math.round(o.heapUsed / 1048576)} MB; codes ${o.codes.join(' ') || '-'}`);
  for (const f of o.findings) lines.push(`  ${FAILING.has(f.class) ? 'FINDING' : 'note   '}   ${f.class} in ${f.stage}: ${f.detail}`);
  if (o.findings.length === 0) lines.push('  no finding');
  if (saved) lines.push(`  saved     ${saved}`);
  return lines.join('\n');
}

/** A saved case (folder with case.json), or a model file on disk with the .yaml files beside it. */
function replayCase(path: string): { c: FuzzCase; root: string } {
  if (statSync(path).isDirectory()) {
    const meta = JSON.parse(readFileSync(join(path, 'case.json'), 'utf8')) as Parameters<typeof caseFromSaved>[0];
    return { c: caseFromSaved(meta), root: meta.root };
  }
  const dir = dirname(path).split('\\').join('/');
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dirname(path)).filter((n) => /\.ya?ml$/.test(n)).sort()) files[`${dir}/${name}`] = new Uint8Array(readFileSync(join(dirname(path), name)));
  const root = `${dir}/${basename(path)}`;
  return { c: { seed: 0, index: 0, example: basename(dirname(path)), root, host: 'disk', target: null, mutations: ['(replayed from disk)'], files }, root };
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      cases: { type: 'string' }, seed: { type: 'string' }, case: { type: 'string' }, replay: { type: 'string' }, out: { type: 'string' },
      workers: { type: 'string' }, timeout: { type: 'string' }, slow: { type: 'string' }, 'max-heap': { type: 'string' }, stack: { type: 'string' },
      shares: { type: 'string' }, inject: { type: 'string' }, light: { type: 'boolean' }, 'no-baseline': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = integer('seed', values.seed, randomInt(0, 2 ** 32 - 1), 0, 2 ** 32 - 1);
  const slowMs = integer('slow', values.slow, 2000, 1);
  const shares = sharesOf(values.shares);
  const out = values.out ?? null;
  const corpus: Example[] = readCorpus();

  if (values.replay !== undefined) {
    if (!existsSync(values.replay)) throw new Usage(`--replay: ${values.replay} does not exist`);
    const { nodeResources } = await import('../src/io/index.js');
    const resources = nodeResources();
    const { c } = replayCase(values.replay);
    const original = corpus.find((e) => e.name === c.example);
    // Every stage, twice, with a real PNG: a replay is for finding out what is wrong.
    const all: Shares = { svg: 1, report: 1, png: 1, diff: 1, workshop: 1, twice: 1 };
    const outcome = await runCase(c, original, { slowMs, shares: all, engine: { loadElk: resources.loadElk, rasteriser: () => resources.rasteriser } });
    process.stdout.write(`${describeOutcome(outcome, undefined)}\n`);
    return outcome.findings.some((f) => FAILING.has(f.class)) ? 1 : 0;
  }

  // Negative numbers are the baseline (--case=-1: the first example unmutated).
  const only = values.case === undefined ? null : values.case.split(',').map((v) => integer('case', v, 0, -corpus.length));
  const cases = integer('cases', values.cases, 10_000);
  const workers = integer('workers', values.workers, 2, 1, 64);
  const timeoutMs = integer('timeout', values.timeout, 20_000, 100);
  const maxHeapMb = integer('max-heap', values['max-heap'], 1024, 64);
  // About the main thread's stack (V8's 984 KB): a worker keeps 192 KB of its stack in reserve.
  const stackMb = values.stack === undefined ? 1.15 : Number(values.stack);
  if (!(stackMb >= 0.5 && stackMb <= 64)) throw new Usage(`--stack: "${values.stack ?? ''}" is not a size from 0.5 to 64 (MB)`);
  const heavy = values.light !== true;
  const reproduce = `node dist/scripts/fuzz.js${heavy ? '' : ' --light'} --seed ${seed} --case=`;
  const total = (only?.length ?? cases) + (values['no-baseline'] || only ? 0 : corpus.length);
  process.stderr.write(`koseizu fuzz: seed ${seed}, ${only ? `case(s) ${only.join(',')}` : `${cases} cases (${total} runs with the baseline)`} over ${corpus.length} examples (${corpus.map((e) => e.name).join(', ')}), `
    + `${workers} worker(s), timeout ${timeoutMs} ms, slow > ${slowMs} ms, heap limit ${maxHeapMb} MB\n`);
  let lastReport = performance.now();
  const result = await runFuzz({
    corpus, seed, cases, only, baseline: !values['no-baseline'] && !only, workers, timeoutMs, slowMs, maxHeapMb, stackMb, shares,
    inject: injectionsOf(values.inject), heavy, out, workerUrl: new URL('./fuzz/worker.js', import.meta.url), reproduce,
    onOutcome(outcome, done, all, tally) {
      const now = performance.now();
      if (now - lastReport > 15_000 || done === all) {
        lastReport = now;
        process.stderr.write(`  ${done}/${all} cases, ${tally.failing()} failing, ${tally.casesByClass.get('slow') ?? 0} slow (last: case ${outcome.index})\n`);
      }
    },
  });
  if (only) for (const o of result.outcomes) process.stdout.write(`${describeOutcome(o, result.saved.get(o.index))}\n`);
  process.stdout.write(summaryText(result.tally, {
    seed, workers, timeoutMs, slowMs, maxHeapMb, wallMs: result.wallMs, replaced: result.pool.replaced, peakRss: result.pool.peakRss, saved: result.saved, reproduce,
  }));
  if (out !== null && result.saved.size > 0) process.stdout.write(`  saved             ${result.saved.size} case(s) under ${out}\n`);
  return result.tally.failing() > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof Usage || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`fuzz: internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
});
