// Risk ids are built from the rule id and model ids only. Property: whatever labels the elements carry,
// whatever order the sections' elements and each element's keys come in, and however the YAML is laid
// out, the cloud-EHR example gives the same risks with the same ids and scores. And ids are unique.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assessModel, loadModel } from '../src/index.js';
import { memoryHost } from './helpers/memory-host.js';

const MODEL = 'examples/cloud-ehr/model.yaml';
const NETWORK = 'examples/cloud-ehr/network.yaml';
const texts = {
  [MODEL]: readFileSync(new URL(`../${MODEL}`, import.meta.url), 'utf8'),
  [NETWORK]: readFileSync(new URL(`../${NETWORK}`, import.meta.url), 'utf8'),
};
const SEED = Number(process.env['KOSEIZU_FUZZ_SEED'] ?? '42');
const SCALE = Number(process.env['KOSEIZU_FUZZ_RUNS'] ?? '1') || 1;

type Doc = Record<string, unknown>;
const SECTIONS = ['sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media', 'flows'];

/** What must not move: each risk's id with its grades and rank. */
function fingerprint(files: Record<string, string>): string[] {
  const result = loadModel(MODEL, memoryHost(files));
  if (!result.model) throw new Error('the transformed model does not load');
  return assessModel(result.model).risks.map((r) => `${r.id} ${r.impact.value}x${r.likelihood.value} ${r.rank}`);
}

const baseline = fingerprint(texts);

interface Change {
  readonly labelSeed: number;
  readonly orderSeed: number;
  readonly flowStyle: boolean;
  readonly indent: number;
}

/** A deterministic shuffle driven by a seed (a small LCG), so fast-check's shrinking stays meaningful. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function transform(text: string, change: Change): string {
  const doc = parse(text) as Doc;
  let n = 0;
  for (const section of SECTIONS) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    const changed = list.map((e: Doc) => {
      const copy: Doc = { ...e };
      if (typeof copy['label'] === 'string') copy['label'] = `名前${change.labelSeed}-${n++}`;
      return Object.fromEntries(shuffle(Object.entries(copy), change.orderSeed + n));
    });
    doc[section] = shuffle(changed, change.orderSeed + section.length);
  }
  const reordered = Object.fromEntries(shuffle(Object.entries(doc).filter(([k]) => k !== 'koseizu'), change.orderSeed));
  return stringify({ koseizu: 1, ...reordered }, { indent: change.indent, collectionStyle: change.flowStyle ? 'flow' : 'block', lineWidth: 0 });
}

describe('risk ids', () => {
  it('are unique, and made of the rule id and model ids only', () => {
    const result = loadModel(MODEL, memoryHost(texts));
    const model = result.model;
    if (!model) throw new Error('example does not load');
    const { risks } = assessModel(model);
    expect(risks.length).toBeGreaterThan(0);
    expect(new Set(risks.map((r) => r.id)).size).toBe(risks.length);
    const ids = new Set([...model.sites, ...model.locations, ...model.actors, ...model.data, ...model.devices, ...model.networks, ...model.links, ...model.media, ...model.flows].map((e) => e.id));
    for (const r of risks) {
      const [rule, rest] = r.id.split('@') as [string, string];
      expect(rule).toBe(r.rule);
      for (const part of rest.split(/[/>]/)) expect(ids.has(part), `${part} in ${r.id}`).toBe(true);
    }
  });

  it('do not move when labels are renamed, elements and keys reordered, or the YAML laid out differently', () => {
    fc.assert(
      fc.property(
        fc.record({ labelSeed: fc.nat(1000), orderSeed: fc.nat(100000), flowStyle: fc.boolean(), indent: fc.integer({ min: 2, max: 4 }) }),
        (change) => {
          const files = { [MODEL]: transform(texts[MODEL], change), [NETWORK]: transform(texts[NETWORK], change) };
          expect(fingerprint(files)).toEqual(baseline);
        },
      ),
      { seed: SEED, numRuns: 25 * SCALE },
    );
  });

  it('do move when an id is renamed (the property above is not vacuous)', () => {
    const renamed = texts[MODEL].replace(/\bexam-records\b/g, 'doctor-records');
    const after = fingerprint({ ...texts, [MODEL]: renamed });
    expect(after.some((f) => f.includes('@doctor-records/'))).toBe(true);
    expect(after.some((f) => f.includes('@exam-records/'))).toBe(false);
  });
});
