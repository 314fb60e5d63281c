// What the fuzzer's main thread and its workers say to each other.
import type { FuzzCase } from './cases.js';
import type { Example } from './corpus.js';
import type { CaseOutcome, Shares } from './run-case.js';

/** The harness's self-test: make one case crash, hang, run out of memory or end its worker. */
export type Injection = 'crash' | 'hang' | 'oom' | 'exit';

export interface WorkerInit {
  readonly corpus: readonly Example[];
  readonly seed: number;
  readonly slowMs: number;
  readonly shares: Shares;
  /** Case number -> what to inject there. */
  readonly inject: Readonly<Record<number, Injection>>;
  /** Draw the heavy mutators too (false: the light set of the test suite, `--light`). */
  readonly heavy: boolean;
  /** Run the largest example once before the first case (so no case pays for compiling elkjs and the renderers). */
  readonly warmUp: boolean;
}

export type ToWorker = { readonly type: 'run'; readonly index: number };

export type FromWorker =
  | { readonly type: 'ready' }
  /** A case's outcome, with its files when it has a finding worth saving. */
  | { readonly type: 'done'; readonly outcome: CaseOutcome; readonly files: FuzzCase['files'] | null };
