// Runs cases on worker threads, each with a memory limit and a per-case timeout, so a runaway case costs
// its worker and not the run: a worker that dies (out of memory, a native crash, an exit) or overruns the
// timeout is reported as a finding of that case, terminated, and replaced by a fresh one.
import { Worker } from 'node:worker_threads';
import type { Finding } from './classify.js';
import type { FuzzCase } from './cases.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import type { CaseOutcome } from './run-case.js';

export interface PoolOptions {
  readonly workers: number;
  readonly timeoutMs: number;
  /** V8's old generation limit per worker. */
  readonly maxHeapMb: number;
  /** Each worker's stack (the main thread's V8 limit is about 984 KB; a worker keeps 192 KB of its stack in reserve). */
  readonly stackMb: number;
  readonly init: WorkerInit;
  /** The compiled worker (dist/scripts/fuzz/worker.js). */
  readonly workerUrl: URL;
  /** What a case is, for a case whose worker died before it could say (the main thread rebuilds it). */
  describe(index: number): Pick<FuzzCase, 'example' | 'host' | 'target' | 'mutations' | 'files'>;
  onOutcome(outcome: CaseOutcome, files: FuzzCase['files'] | null): void;
}

export interface PoolStats {
  /** Workers started in place of one that died or timed out. */
  readonly replaced: number;
  /** The process's peak resident set (every worker's heap is in it), sampled every 200 ms, and the cases running then. */
  readonly peakRss: { readonly bytes: number; readonly running: readonly number[] };
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  current: { readonly index: number; readonly started: number; readonly timer: NodeJS.Timeout } | null;
  timedOut: boolean;
  error: Error | null;
  retired: boolean;
}

export function runPool(indices: readonly number[], options: PoolOptions): Promise<PoolStats> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let replaced = 0;
    let failedStarts = 0;
    let settled = false;
    const slots = new Set<Slot>();
    const peak = { bytes: 0, running: [] as number[] };
    const sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss > peak.bytes) {
        peak.bytes = rss;
        peak.running = [...slots].flatMap((s) => (s.current ? [s.current.index] : []));
      }
    }, 200);
    sampler.unref();

    const finish = (): void => {
      if (settled || done < indices.length) return;
      settled = true;
      clearInterval(sampler);
      for (const s of slots) {
        s.retired = true;
        void s.worker.terminate();
      }
      resolve({ replaced, peakRss: peak });
    };

    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearInterval(sampler);
      for (const s of slots) {
        s.retired = true;
        if (s.current) clearTimeout(s.current.timer);
        void s.worker.terminate();
      }
      reject(error);
    };

    const dispatch = (slot: Slot): void => {
      if (next >= indices.length) {
        slot.retired = true;
        void slot.worker.terminate();
        finish();
        return;
      }
      const index = indices[next++] as number;
      const timer = setTimeout(() => {
        slot.timedOut = true;
        void slot.worker.terminate();
      }, options.timeoutMs);
      slot.current = { index, started: performance.now(), timer };
      slot.worker.postMessage({ type: 'run', index } satisfies ToWorker);
    };

    const record = (outcome: CaseOutcome, files: FuzzCase['files'] | null): void => {
      done++;
      options.onOutcome(outcome, files);
    };

    const spawn = (): void => {
      const worker = new Worker(options.workerUrl, {
        workerData: options.init,
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, stackSizeMb: options.stackMb },
      });
      const slot: Slot = { worker, ready: false, current: null, timedOut: false, error: null, retired: false };
      slots.add(slot);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          slot.ready = true;
          failedStarts = 0;
          dispatch(slot);
          return;
        }
        if (!slot.current || message.outcome.index !== slot.current.index) return;
        clearTimeout(slot.current.timer);
        slot.current = null;
        record(message.outcome, message.files);
        dispatch(slot);
      });
      worker.on('error', (error) => {
        slot.error = error;
      });
      worker.on('exit', (code) => {
        slots.delete(slot);
        if (slot.current) {
          const { index, started, timer } = slot.current;
          clearTimeout(timer);
          slot.current = null;
          const ms = performance.now() - started;
          const err = slot.error as (Error & { code?: string }) | null;
          const finding: Finding = slot.timedOut
            ? { class: 'timeout', stage: 'worker', detail: `no result after ${options.timeoutMs} ms; the worker was terminated` }
            : { class: 'died', stage: 'worker', detail: err ? `${err.code ?? err.name}: ${err.message.split('\n')[0] ?? ''}` : `the worker exited with code ${code}` };
          const c = options.describe(index);
          record({
            index, example: c.example, host: c.host, target: c.target, mutations: c.mutations, loaded: false, twice: false,
            ms, stages: {}, rss: 0, heapUsed: 0, findings: [finding], codes: [],
          }, c.files);
        } else if (!slot.ready && !slot.retired && !settled) {
          failedStarts++;
          if (failedStarts >= 3) {
            fail(new Error(`fuzz: a worker could not start (${slot.error?.message ?? `exit code ${code}`})`));
            return;
          }
        }
        if (settled) return;
        if (done >= indices.length) {
          finish();
          return;
        }
        if (!slot.retired && next < indices.length) {
          replaced++;
          spawn();
        } else finish();
      });
    };

    const count = Math.max(1, Math.min(options.workers, indices.length));
    if (indices.length === 0) {
      finish();
      return;
    }
    for (let i = 0; i < count; i++) spawn();
  });
}
