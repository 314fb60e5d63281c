// A fuzz case: one example with one of its files mutated, rebuilt from the run's seed and the case's
// number alone. Negative numbers are the baseline: example -n-1 as it is (a run checks that the unmutated
// examples give no finding before it trusts the mutated ones).
import type { Example } from './corpus.js';
import type { Content, HostKind } from './host.js';
import { mutatorsFor, type Mutator } from './mutators.js';
import { caseSeed, Random } from './random.js';

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly example: string;
  /** The root model's path, as the CLI would be given it. */
  readonly root: string;
  readonly host: HostKind;
  /** The file that was mutated (null for a baseline case). */
  readonly target: string | null;
  /** What was done, in order: "tree:hostile-text: label = ...". */
  readonly mutations: readonly string[];
  /** Every file of the model, the target mutated. */
  readonly files: Readonly<Record<string, Content>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface CaseOptions {
  /** Draw the heavy mutators too (those whose cases take seconds); the test suite's light run does not. */
  readonly heavy?: boolean;
}

/** Case `index` of a run seeded with `seed`: the same case on every machine and in every run (of the same weight). */
export function makeCase(corpus: readonly Example[], seed: number, index: number, options: CaseOptions = {}): FuzzCase {
  if (corpus.length === 0) throw new Error('fuzz: no examples to mutate');
  if (index < 0) {
    const example = corpus[(-index - 1) % corpus.length] as Example;
    return { seed, index, example: example.name, root: example.root, host: 'disk', target: null, mutations: [], files: example.files };
  }
  const rng = new Random(caseSeed(seed, index));
  const example = corpus[index % corpus.length] as Example;
  const host: HostKind = rng.chance(0.1) ? 'library' : 'disk';
  const paths = Object.keys(example.files);
  const includes = paths.filter((p) => p !== example.root);
  const target = includes.length > 0 && rng.chance(0.3) ? rng.pick(includes) : example.root;
  const ctx = { path: target, isRoot: target === example.root, host, corpus };
  const mutators = mutatorsFor(host, options.heavy ?? true);
  const wanted = rng.count();
  let text = example.files[target] as string;
  const mutations: string[] = [];
  const byteOps: Mutator[] = [];
  // Byte mutations go last, so no later text mutation decodes their invalid UTF-8 away.
  for (let tries = 0; mutations.length + byteOps.length < wanted && tries < wanted * 8; tries++) {
    const m = rng.weighted(mutators);
    if (m.kind === 'bytes') {
      byteOps.push(m);
      continue;
    }
    const done = m.apply(text, rng, ctx);
    if (done === null) continue;
    text = done.text;
    mutations.push(`${m.id}: ${done.note}`);
  }
  let content: Content = text;
  if (byteOps.length > 0) {
    let bytes: Uint8Array = encoder.encode(text);
    for (const m of byteOps) {
      if (m.kind !== 'bytes') continue;
      const done = m.apply(bytes, rng);
      if (done === null) continue;
      bytes = done.bytes;
      mutations.push(`${m.id}: ${done.note}`);
    }
    content = host === 'disk' ? bytes : decoder.decode(bytes);
  }
  return { seed, index, example: example.name, root: example.root, host, target, mutations, files: { ...example.files, [target]: content } };
}
