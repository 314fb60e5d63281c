// A fuzz worker: builds each case it is sent from the seed and the case number, runs it, and reports the
// outcome. Heavy parts (elkjs, the PNG rasteriser) are made once; a warm-up case runs before the first
// real one, so start-up costs no case its time. The main thread replaces a worker that dies or hangs.
import { parentPort, workerData } from 'node:worker_threads';
import { nodeResources } from '../../src/io/index.js';
import { makeCase } from './cases.js';
import { crashFinding } from './classify.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { runCase, type Engine } from './run-case.js';

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('fuzz: worker.js runs as a worker thread of fuzz.js');

const resources = nodeResources();
const engine: Engine = { loadElk: resources.loadElk, rasteriser: () => resources.rasteriser };
const byName = new Map(init.corpus.map((e) => [e.name, e]));

function inject(index: number): void {
  const what = init.inject[index];
  if (what === 'hang') for (;;) { /* a case that never ends */ }
  if (what === 'oom') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1e6).fill(hoard.length + 0.5));
  }
  if (what === 'exit') process.exit(70);
}

async function run(index: number): Promise<FromWorker> {
  inject(index);
  const c = makeCase(init.corpus, init.seed, index, { heavy: init.heavy });
  const outcome = await runCase(c, byName.get(c.example), { slowMs: init.slowMs, shares: init.shares, engine, injectCrash: init.inject[index] === 'crash' });
  const keep = outcome.findings.length > 0;
  return { type: 'done', outcome, files: keep ? c.files : null };
}

// Warm up on the largest example with every stage on (so the first cases are not slow for compiling
// elkjs and the renderers), then take cases one at a time.
const largest = [...init.corpus].sort((a, b) => Object.values(b.files).join('').length - Object.values(a.files).join('').length)[0];
if (largest && init.warmUp) {
  const warm = makeCase([largest], init.seed, -1);
  await runCase(warm, largest, { slowMs: Infinity, shares: { svg: 1, report: 1, png: 0, diff: 1, workshop: 1, twice: 0 }, engine });
}
port.on('message', (message: ToWorker) => {
  if (message.type !== 'run') return;
  void run(message.index).then((reply) => port.postMessage(reply), (error: unknown) => {
    // The harness's own failure (a mutator that threw): reported as a crash of the "harness" stage.
    const outcome = {
      index: message.index, example: '?', host: 'disk' as const, target: null, mutations: [], loaded: false, twice: false, ms: 0, stages: {},
      rss: 0, heapUsed: 0, findings: [crashFinding('harness', error)], codes: [],
    };
    port.postMessage({ type: 'done', outcome, files: null } satisfies FromWorker);
  });
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
