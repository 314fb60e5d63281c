// A fuzz run: the baseline (every example unmutated), then cases 0..N-1 (or the ones asked for) on a
// pool of workers, each outcome tallied and each case with a finding saved for reproduction.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { makeCase, type FuzzCase } from './cases.js';
import { FAILING } from './classify.js';
import type { Example } from './corpus.js';
import type { Content } from './host.js';
import { runPool, type PoolStats } from './pool.js';
import type { Injection } from './protocol.js';
import type { CaseOutcome, Shares } from './run-case.js';
import { Tally } from './summary.js';

export interface RunOptions {
  readonly corpus: readonly Example[];
  readonly seed: number;
  /** Cases 0..cases-1, unless `only` names the cases to run. */
  readonly cases: number;
  readonly only: readonly number[] | null;
  readonly baseline: boolean;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly slowMs: number;
  readonly maxHeapMb: number;
  readonly stackMb: number;
  readonly shares: Shares;
  readonly inject: Readonly<Record<number, Injection>>;
  /** Draw the heavy mutators too (default true; false is `--light`, the test suite's set). */
  readonly heavy?: boolean;
  /** Warm each worker up on the largest example first (default true). */
  readonly warmUp?: boolean;
  /** Where to save the cases with a finding (none when null). */
  readonly out: string | null;
  readonly workerUrl: URL;
  /** The command that runs one case again, but for the case number ("... --case="). */
  readonly reproduce: string;
  onOutcome?(outcome: CaseOutcome, done: number, total: number, tally: Tally): void;
}

export interface RunResult {
  readonly tally: Tally;
  readonly pool: PoolStats;
  readonly wallMs: number;
  readonly saved: ReadonlyMap<number, string>;
  readonly outcomes: readonly CaseOutcome[];
}

/** A saved case's files, by their path inside its folder: the example's folder taken off ("model.yaml", "network.yaml"). */
export function savedName(path: string, root: string): string {
  const dir = posix.dirname(root);
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path.replace(/^(\.\.\/)+/, '').replace(/^\//, '');
}

/** Writes a case's files (byte for byte) and case.json (what it is, what was found, every file exactly: bytes as base64, strings as JSON). */
export function saveCase(out: string, seed: number, outcome: CaseOutcome, root: string, files: Readonly<Record<string, Content>>, reproduce: string): string {
  const dir = join(out, outcome.index < 0 ? `seed-${seed}-baseline-${-outcome.index}` : `seed-${seed}-case-${outcome.index}`);
  mkdirSync(dir, { recursive: true });
  const exact: Record<string, { base64: string } | { text: string }> = {};
  for (const [path, content] of Object.entries(files)) {
    const name = savedName(path, root);
    mkdirSync(join(dir, posix.dirname(name)), { recursive: true });
    writeFileSync(join(dir, name), content);
    exact[path] = typeof content === 'string' ? { text: content } : { base64: Buffer.from(content).toString('base64') };
  }
  const meta = {
    seed, case: outcome.index, example: outcome.example, root, host: outcome.host, target: outcome.target, mutations: outcome.mutations,
    findings: outcome.findings, ms: Math.round(outcome.ms), reproduce: `${reproduce}${outcome.index}`,
    replay: `node dist/scripts/fuzz.js --replay ${dir}`, files: exact,
  };
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return dir;
}

/** Reads a saved case back (case.json), exactly as it ran. */
export function caseFromSaved(meta: { seed: number; case: number; example: string; root: string; host: FuzzCase['host']; target: string | null; mutations: string[]; files: Record<string, { base64: string } | { text: string }> }): FuzzCase {
  const files: Record<string, Content> = {};
  for (const [path, f] of Object.entries(meta.files)) files[path] = 'text' in f ? f.text : new Uint8Array(Buffer.from(f.base64, 'base64'));
  return { seed: meta.seed, index: meta.case, example: meta.example, root: meta.root, host: meta.host, target: meta.target, mutations: meta.mutations, files };
}

export async function runFuzz(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const tally = new Tally();
  const saved = new Map<number, string>();
  const outcomes: CaseOutcome[] = [];
  const baseline = options.baseline ? options.corpus.map((_, i) => -(i + 1)) : [];
  const cases = options.only ?? Array.from({ length: options.cases }, (_, i) => i);
  const indices = [...baseline, ...cases];
  let done = 0;
  const pool = await runPool(indices, {
    workers: options.workers,
    timeoutMs: options.timeoutMs,
    maxHeapMb: options.maxHeapMb,
    stackMb: options.stackMb,
    workerUrl: options.workerUrl,
    init: { corpus: options.corpus, seed: options.seed, slowMs: options.slowMs, shares: options.shares, inject: options.inject, heavy: options.heavy ?? true, warmUp: options.warmUp ?? true },
    describe: (index) => makeCase(options.corpus, options.seed, index, { heavy: options.heavy ?? true }),
    onOutcome(outcome, files) {
      done++;
      tally.add(outcome);
      if (options.only) outcomes.push(outcome);
      const worth = outcome.findings.some((f) => FAILING.has(f.class) || f.class === 'slow');
      if (worth && files && options.out !== null) {
        const root = options.corpus.find((e) => e.name === outcome.example)?.root ?? Object.keys(files)[0] ?? 'model.yaml';
        saved.set(outcome.index, saveCase(options.out, options.seed, outcome, root, files, options.reproduce));
      }
      options.onOutcome?.(outcome, done, indices.length, tally);
    },
  });
  return { tally, pool, wallMs: performance.now() - started, saved, outcomes: outcomes.sort((a, b) => a.index - b.index) };
}
