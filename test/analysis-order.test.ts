// The analysis stages' orders and caches: the walk's segments in (key, kind, phase) order, risks and each
// risk's lists in code-unit order, and the values the engine, who-must-act and the rules work out once
// (per model, per facts, per segment) never leaking from one model or assessment into another.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Model } from '../models/model.js';
import type { Segment } from '../models/segment.js';
import { analyse } from '../src/analysis/analyse.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { memoryHost } from './helpers/memory-host.js';

const EXAMPLES = ['cloud-ehr', 'medical-hosting', 'minimal', 'onprem-hospital', 'regional-network'];
const KIND_ORDER = ['input', 'display', 'print', 'processing', 'storage', 'logging', 'transfer', 'media', 'disposal'];
const PHASE_ORDER = ['development', 'operation', 'termination'];
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function load(path: string): Model {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
}

/** Whether `ids` are in strictly ascending order, compared by UTF-16 code units. */
const ascending = (ids: readonly string[]): boolean => ids.every((id, i) => i === 0 || compare(ids[i - 1] as string, id) < 0);

describe('orders', () => {
  for (const name of EXAMPLES) {
    it(`${name}: segments by key, kind, phase; risks and their lists in code-unit order`, () => {
      const { segments, risks } = analyse(load(`examples/${name}/model.yaml`), BUILTIN_RULES);
      expect(segments.length).toBeGreaterThan(0);
      const byComparator = [...segments].sort((a: Segment, b: Segment) => compare(a.key, b.key)
        || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
        || PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase));
      expect(segments.map((s) => `${s.key} ${s.kind} ${s.phase}`)).toEqual(byComparator.map((s) => `${s.key} ${s.kind} ${s.phase}`));
      expect(risks.length).toBeGreaterThan(0);
      expect(ascending(risks.map((r) => r.id))).toBe(true);
      for (const r of risks) {
        expect(ascending(r.segments), r.id).toBe(true);
        expect(ascending(r.flows), r.id).toBe(true);
        expect(ascending(r.elements), r.id).toBe(true);
      }
    });
  }

  it('orders ids by code units where a prefix or a number would sort otherwise by length or value', () => {
    // "f-10/hub" < "f-10/hub>a-b" (a prefix first), "dev-10" < "dev-9" (code units, not numbers).
    const text = [
      'koseizu: 1',
      'system: {id: s, title: S, forms: [application], phases: [operation]}',
      'sites: [{id: dc, label: DC, owner: provider}]',
      'locations: [{id: room, label: Room, site: dc}]',
      'actors: [{id: doctor, label: Doctor, org: institution}]',
      'data: [{id: records, label: Records, class: medical}]',
      'devices:',
      '  - {id: dev-9, label: T9, kind: terminal, at: room}',
      '  - {id: dev-10, label: T10, kind: terminal, at: room}',
      '  - {id: hub, label: Hub, kind: server, at: room}',
      '  - {id: a-b, label: AB, kind: server, at: room}',
      'networks: [{id: lan, label: LAN, kind: lan}]',
      'links:',
      '  - {from: dev-9, to: hub, network: lan}',
      '  - {from: dev-10, to: hub, network: lan}',
      '  - {from: hub, to: a-b, network: lan}',
      'flows:',
      '  - {id: f-9, phase: operation, who: doctor, which: dev-9, label: F9, what: [records], how: [input], path: [dev-9, hub, a-b]}',
      '  - {id: f-10, phase: operation, who: doctor, which: dev-10, label: F10, what: [records], how: [input], path: [dev-10, hub, a-b]}',
      '',
    ].join('\n');
    const result = loadModel('m.yaml', memoryHost({ 'm.yaml': text }));
    if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
    const { segments, risks } = analyse(result.model, BUILTIN_RULES);
    const keys = segments.map((s) => s.key);
    expect(keys).toContain('f-10/hub');
    expect(keys).toContain('f-10/hub>a-b');
    expect(keys.indexOf('f-10/hub')).toBeLessThan(keys.indexOf('f-10/hub>a-b'));
    expect(keys.lastIndexOf('f-10/hub>a-b')).toBeLessThan(keys.indexOf('f-9/a-b'));
    expect(ascending(risks.map((r) => r.id))).toBe(true);
    // The room's one risk merges both flows' segments: its lists in code-unit order, "f-10" before "f-9".
    const room = risks.find((r) => r.id === 'physical-intrusion@room');
    expect(room?.flows).toEqual(['f-10', 'f-9']);
    expect(room?.elements).toEqual(['a-b', 'dc', 'doctor', 'f-10', 'f-9', 'hub', 'records', 'room']);
    expect(room?.segments).toEqual(['f-10/a-b', 'f-10/hub', 'f-9/a-b', 'f-9/hub']);
  });
});

describe('caches', () => {
  it('the same model assessed twice gives byte-identical risks', () => {
    const model = load('examples/cloud-ehr/model.yaml');
    const first = JSON.stringify(analyse(model, BUILTIN_RULES).risks);
    expect(JSON.stringify(analyse(model, BUILTIN_RULES).risks)).toBe(first);
  });

  it('a model with the same ids but other facts is not answered from what the first one cached', async () => {
    // The same file with every control and authentication taken away: likelihoods change, every id stays.
    const original = readFileSync('examples/onprem-hospital/model.yaml', 'utf8');
    const stripped = original.replace(/controls: \[[^\]]*\]/g, 'controls: []').replace(/auth: \[[^\]]*\]/g, 'auth: none');
    expect(stripped).not.toBe(original);
    const strippedModel = (host: ReturnType<typeof memoryHost>, load_: typeof loadModel): Model => {
      const result = load_('model.yaml', host);
      if (!result.model) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
      return result.model;
    };
    const files = (text: string): ReturnType<typeof memoryHost> => memoryHost({ 'model.yaml': text });
    // After the original was assessed in this module instance...
    analyse(strippedModel(files(original), loadModel), BUILTIN_RULES);
    const after = JSON.stringify(analyse(strippedModel(files(stripped), loadModel), BUILTIN_RULES).risks);
    // ...and in fresh module instances that never saw the original.
    vi.resetModules();
    const fresh = await import('../src/analysis/analyse.js');
    const freshRules = (await import('../threat-rules/index.js')).BUILTIN_RULES;
    const freshLoad = (await import('../src/index.js')).loadModel;
    const alone = JSON.stringify(fresh.analyse(strippedModel(files(stripped), freshLoad), freshRules).risks);
    expect(after).toBe(alone);
    expect(after).not.toBe(JSON.stringify(analyse(strippedModel(files(original), loadModel), BUILTIN_RULES).risks));
  });
});
