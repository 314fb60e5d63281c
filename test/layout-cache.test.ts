// Each site is laid out on its own and the layouts can be kept by their input (memoizedElk, as the workshop
// server keeps them): a save that changes one site lays out that site (and at most the sites' row) again, and
// the drawing is byte-identical to one drawn from nothing, whether its sites came from the store or not.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { ELK_MODULE, memoizedElk, type ElkLoader } from '../src/diagram/elk.js';
import { loadModel, renderDiagramSvg } from '../src/index.js';
import { memoryHost } from './helpers/memory-host.js';

const plainElk = (createRequire(import.meta.url)(ELK_MODULE) as { default: ReturnType<ElkLoader> }).default;
const CLOUD = 'examples/cloud-ehr';

function cloud(edit: (model: string) => string = (m) => m): Model {
  const files = { 'model.yaml': edit(readFileSync(`${CLOUD}/model.yaml`, 'utf8')), 'network.yaml': readFileSync(`${CLOUD}/network.yaml`, 'utf8') };
  const result = loadModel('model.yaml', memoryHost(files));
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}

const relabel = (label: string) => (m: string): string => {
  if (!m.includes('label: 待合室')) throw new Error('the example no longer has "label: 待合室"');
  return m.replace('label: 待合室', `label: ${label}`);
};

describe('site layouts kept by their content', () => {
  it('a save that renames a room lays out only its site again, and draws what a fresh layout draws, byte for byte', async () => {
    const memo = memoizedElk(plainElk);
    const kept: ElkLoader = () => memo.ELK;
    const first = cloud();
    const sites = first.sites.length;
    expect(sites).toBeGreaterThan(2);

    const a = await renderDiagramSvg(first, { lang: 'ja' }, kept);
    // One layout per site, and one of the sites' row.
    expect(memo.stats()).toEqual({ hits: 0, misses: sites + 1, kept: sites + 1 });

    // The waiting room is in the clinic: the clinic is laid out again, every other site comes from the store.
    const second = cloud(relabel('待合室（改装後の新しい名前）'));
    const fromStore = await renderDiagramSvg(second, { lang: 'ja' }, kept);
    const after = memo.stats();
    expect(after.hits).toBeGreaterThanOrEqual(sites - 1);
    expect(after.misses - (sites + 1)).toBeGreaterThanOrEqual(1);
    expect(after.misses - (sites + 1)).toBeLessThanOrEqual(2); // the clinic, and the row if the clinic's size changed
    expect(fromStore.svg).toContain('待合室（改装後の新しい名前）');

    const fresh = await renderDiagramSvg(second, { lang: 'ja' }, () => plainElk);
    expect(fromStore.svg).toBe(fresh.svg);
    expect(JSON.stringify(fromStore.layout)).toBe(JSON.stringify(fresh.layout));
    expect(fromStore.svg).not.toBe(a.svg);

    // Back to the first version: every layout comes from the store, and the drawing is the first one again.
    const misses = memo.stats().misses;
    const again = await renderDiagramSvg(first, { lang: 'ja' }, kept);
    expect(memo.stats().misses).toBe(misses);
    expect(again.svg).toBe(a.svg);
  });

  it('the other direction and language are other layouts, each the same from the store as fresh', async () => {
    const memo = memoizedElk(plainElk);
    const model = cloud();
    for (const [lang, direction] of [['ja', 'right'], ['en', 'down'], ['en', 'right']] as const) {
      const stored = await renderDiagramSvg(model, { lang, direction }, () => memo.ELK);
      const { misses } = memo.stats();
      const fromStore = await renderDiagramSvg(model, { lang, direction }, () => memo.ELK);
      expect(memo.stats().misses, `${lang} ${direction}: the second drawing lays nothing out`).toBe(misses);
      const fresh = await renderDiagramSvg(model, { lang, direction }, () => plainElk);
      expect(fromStore.svg).toBe(fresh.svg);
      expect(stored.svg).toBe(fresh.svg);
    }
    // A site whose title, rooms and devices read the same in both languages is the same graph, laid out once.
    expect(memo.stats().misses).toBeLessThanOrEqual(3 * (model.sites.length + 1));
    expect(memo.stats().misses).toBeGreaterThanOrEqual(2 * (model.sites.length + 1));
  });

  it('keeps no more graphs than it is allowed, and forgets the least recently used first', async () => {
    const memo = memoizedElk(plainElk, 3);
    const model = cloud();
    await renderDiagramSvg(model, { lang: 'ja' }, () => memo.ELK);
    expect(memo.stats().kept).toBe(3);
    const { misses } = memo.stats();
    // The last three used (the last sites and the row) are kept; drawing again lays out the first ones anew.
    await renderDiagramSvg(model, { lang: 'ja' }, () => memo.ELK);
    expect(memo.stats().misses).toBeGreaterThan(misses);
    expect(memo.stats().kept).toBe(3);
  });
});
