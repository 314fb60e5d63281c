// The facts stage (src/analysis/facts.ts): golden facts for both examples, and what makes them one set of
// facts: frozen, plain data, the same on every run, and read alike by the rules and the checklist.
import { describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { deriveFacts } from '../src/analysis/facts.js';
import { walk } from '../src/analysis/walk.js';
import { analyse } from '../src/analysis/analyse.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { regulatoryChecklist } from '../src/report/checklist.js';
import { rule as ransomware } from '../threat-rules/ransomware.js';
import { expectGolden } from './helpers/golden.js';
import { baseWorld, el, loadWorld, type World } from './helpers/rule-table.js';

function example(name: string): Model {
  const { model } = loadModel(`examples/${name}/model.yaml`, diskHost);
  if (!model) throw new Error(`examples/${name}/model.yaml does not load`);
  return model;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe('facts', () => {
  for (const name of ['cloud-ehr', 'minimal', 'onprem-hospital', 'regional-network', 'medical-hosting']) {
    it(`of the ${name} example match their golden`, () => {
      const model = example(name);
      expectGolden(`test/golden/facts/${name}.json`, `${JSON.stringify(deriveFacts(model, walk(model)), null, 2)}\n`);
    });
  }

  it('are frozen, plain data (they survive a JSON round trip unchanged) and the same on every run', () => {
    const model = example('cloud-ehr');
    const facts = deriveFacts(model, walk(model));
    expect(isDeepFrozen(facts)).toBe(true);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(JSON.stringify(deriveFacts(model, walk(model)))).toBe(JSON.stringify(facts));
  });

  it('cover every device, flow, site, network, link, medium and data item of the model, in model order', () => {
    const model = example('cloud-ehr');
    const facts = deriveFacts(model, walk(model));
    expect(Object.keys(facts.devices)).toEqual(model.devices.map((d) => d.id));
    expect(Object.keys(facts.flows)).toEqual(model.flows.map((f) => f.id));
    expect(Object.keys(facts.sites)).toEqual(model.sites.map((s) => s.id));
    expect(Object.keys(facts.networks)).toEqual(model.networks.map((n) => n.id));
    expect(Object.keys(facts.links)).toEqual(model.links.map((l) => l.id));
    expect(Object.keys(facts.media)).toEqual(model.media.map((m) => m.id));
    expect(Object.keys(facts.data)).toEqual(model.data.map((d) => d.id));
  });

  // The ransomware rule and the checklist's backup row once read backups each their own way and disagreed;
  // now both read backups.apart, so for every store one says "kept apart" exactly when the other does.
  const worlds: readonly [string, (w: World) => void][] = [
    ['the base world (a tape leaves the site; the database records no backup)', () => undefined],
    ['the database is backed up and a tape leaves the site', (w) => { el(w, 'devices', 'db')['controls'] = ['backup']; }],
    ['an offline backup on the database', (w) => { el(w, 'devices', 'db')['controls'] = ['offline-backup']; }],
    ['an online backup only, no tape', (w) => { w.media = []; el(w, 'devices', 'db')['controls'] = ['backup']; }],
    ['an area that may contain medical information', (w) => { el(w, 'data', 'records')['class'] = 'may-contain-medical'; }],
  ];
  for (const [name, edit] of worlds) {
    it(`are read alike by ransomware and the checklist's backup row: ${name}`, () => {
      const world = baseWorld();
      edit(world);
      const model = loadWorld(world);
      const { risks, facts } = analyse(model, [ransomware]);
      const row = regulatoryChecklist(model, facts, 'en').items.find((i) => i.id === 'backups-apart');
      expect(risks.length).toBeGreaterThan(0);
      for (const risk of risks) {
        const store = risk.id.slice(risk.id.indexOf('@') + 1);
        const apartByRule = risk.likelihood.reasons.some((r) => ['apartControl', 'apartMedia', 'apartRemote'].includes(r.code));
        expect(apartByRule).toBe(facts.devices[store]?.backups.apart !== null);
        const line = row?.lines.find((l) => l.ids[0] === store);
        expect(line, `the checklist names ${store}`).toBeDefined();
        expect(['notApart', 'noBackup'].includes(line?.messageId ?? '')).toBe(!apartByRule);
        expect(line?.ok).toBe(apartByRule);
      }
    });
  }
});
