// The walk: which segments each flow gives, in which order, with which facts; pure and deterministic.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadModel } from '../src/index.js';
import { memoryHost } from './helpers/memory-host.js';
import { diskHost } from '../src/io/disk.js';
import { walk } from '../src/analysis/walk.js';
import { baseWorld, el, loadWorld } from './helpers/rule-table.js';

const example = () => {
  const result = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!result.model) throw new Error('the example does not load');
  return result.model;
};

const of = (segments: ReturnType<typeof walk>, flow: string) =>
  segments.filter((s) => s.flow?.id === flow || s.media?.id === flow).map((s) => `${s.kind} ${s.key}`);

describe('the walk of the cloud-EHR example', () => {
  const segments = walk(example());

  it('cuts the doctor\'s flow into the guideline\'s segments: input, display, processing, storage, and each hop', () => {
    expect(of(segments, 'exam-records')).toEqual([
      'transfer exam-records/clinic-router>dc-gateway',
      'transfer exam-records/dc-gateway>ehr-server',
      'processing exam-records/ehr-server',
      'display exam-records/ehr-terminal',
      'transfer exam-records/ehr-terminal>clinic-router',
      'input exam-records/ehr-terminal>ehr-server',
      'storage exam-records/ehr-terminal>ehr-server',
    ]);
  });

  it('gives the input segment the actor, both ends and the first hop from the entry device', () => {
    const input = segments.find((s) => s.kind === 'input' && s.key === 'exam-records/ehr-terminal>ehr-server');
    expect(input?.actor?.id).toBe('doctor');
    expect(input?.devices.map((d) => [d.device.id, d.location.id, d.site.id])).toEqual([
      ['ehr-terminal', 'exam-room', 'clinic'], ['ehr-server', 'server-room', 'provider-dc'],
    ]);
    expect(input?.hop?.link.id).toBe('ehr-terminal--clinic-router');
    expect(input?.hop?.network.id).toBe('clinic-lan');
    expect(input?.dataClass).toBe('medical');
    expect(input?.pathHops.map((h) => h.network.kind)).toEqual(['lan', 'ipsec-vpn', 'lan']);
  });

  it('logs only at the log server: a flow of logs is not processed or stored at the server that writes them', () => {
    expect(of(segments, 'app-logging')).toEqual(['logging app-logging/ehr-server>log-server', 'transfer app-logging/ehr-server>log-server']);
  });

  it('prints at the printer, and stores nothing for a print-only flow', () => {
    expect(of(segments, 'claims-print').filter((s) => !s.startsWith('transfer'))).toEqual(['processing claims-print/billing-server', 'print claims-print/printer']);
  });

  it('gives contract-termination flows only their disposals (an erasure moves nothing over the network)', () => {
    expect(of(segments, 'data-erasure')).toEqual(['disposal data-erasure/backup-storage', 'disposal data-erasure/ehr-server']);
    expect(of(segments, 'data-return')).toEqual(['disposal data-return/ehr-server']);
  });

  it('gives a media transport a media segment per phase, and a disposal segment at contract termination', () => {
    expect(of(segments, 'backup-tape')).toEqual(['media backup-tape/server-room>vault-room']);
    expect(of(segments, 'tape-disposal')).toEqual(['media tape-disposal/vault-room>disposal-facility', 'disposal tape-disposal/vault-room>disposal-facility']);
    const media = segments.find((s) => s.key === 'backup-tape/server-room>vault-room');
    expect(media?.actor?.id).toBe('courier');
    expect(media?.places.map((p) => p.site.id)).toEqual(['provider-dc', 'offsite-vault']);
  });

  it('sorts by key, then kind in walk order, then phase, and never repeats a segment', () => {
    const keys = segments.map((s) => `${s.key}\u0000${s.kind}\u0000${s.phase}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byKey = segments.map((s) => s.key);
    expect(byKey).toEqual([...byKey].sort());
  });

  it('is deterministic and leaves the model as it was', () => {
    const model = example();
    const before = JSON.stringify(model);
    const first = walk(model).map((s) => `${s.kind} ${s.phase} ${s.key}`);
    expect(walk(model).map((s) => `${s.kind} ${s.phase} ${s.key}`)).toEqual(first);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('builds keys from ids only: no label appears in any key', () => {
    const model = example();
    const labels = [...model.devices, ...model.flows, ...model.locations, ...model.media].map((e) => e.label);
    for (const s of walk(model)) for (const label of labels) expect(s.key.includes(label)).toBe(false);
  });
});

describe('walk details', () => {
  it('walks an input backwards when the actor\'s device ends the path', () => {
    const w = baseWorld();
    el(w, 'flows', 'view')['path'] = ['db', 'app-server', 'gateway', 'router', 'terminal'];
    const segments = walk(loadWorld(w)).filter((s) => s.flow?.id === 'view');
    const input = segments.find((s) => s.kind === 'input');
    expect(input?.key).toBe('view/terminal>app-server');
    expect(input?.hop?.from.device.id).toBe('terminal');
    expect(input?.hop?.to.device.id).toBe('router');
  });

  it('gives no input or display when nobody acts, and no storage for a view-only flow', () => {
    const w = baseWorld();
    el(w, 'flows', 'view')['how'] = ['view'];
    const kinds = walk(loadWorld(w)).filter((s) => s.flow?.id === 'view').map((s) => s.kind);
    expect(kinds).toContain('input');
    expect(kinds).not.toContain('storage');
    const logs = walk(loadWorld(baseWorld())).filter((s) => s.flow?.id === 'logs').map((s) => s.kind);
    expect(logs).not.toContain('input');
    expect(logs).not.toContain('display');
  });

  it('takes the class of the most sensitive data of the flow', () => {
    const w = baseWorld();
    el(w, 'flows', 'dev')['what'] = ['code', 'app-log'];
    const dev = walk(loadWorld(w)).find((s) => s.flow?.id === 'dev');
    expect(dev?.dataClass).toBe('may-contain-medical');
  });
});

describe('where information rests: a device is a storage segment only where the flow writes to it', () => {
  const storage = (w: ReturnType<typeof baseWorld>, flow: string) =>
    walk(loadWorld(w)).filter((s) => s.flow?.id === flow && s.kind === 'storage')
      .map((s) => ({ key: s.key, data: s.data.map((d) => d.id), as: s.keeping?.as, stated: s.keeping?.stated }));

  /** The world with a hospital's system at reception that keeps what it is sent. */
  const withHospital = (): ReturnType<typeof baseWorld> => {
    const w = baseWorld();
    w.devices.push({ id: 'hospital', label: 'Hospital system', kind: 'external-system', at: 'reception', owner: 'third-party', roles: ['process', 'store'] });
    w.links.push({ from: 'router', to: 'hospital', network: 'lan' });
    w.flows.push({ id: 'referral', label: 'A referral is sent', phase: 'operation', which: 'db', what: ['records'], how: ['transfer'], path: ['db', 'app-server', 'gateway', 'router', 'hospital'] });
    return w;
  };

  it('a flow that sends writes where it arrives, not at its source', () => {
    expect(storage(withHospital(), 'referral')).toEqual([{ key: 'referral/app-server>hospital', data: ['records'], as: 'record', stated: false }]);
  });

  it('a flow that creates or stores writes at its source too', () => {
    const w = withHospital();
    el(w, 'flows', 'referral')['how'] = ['create', 'transfer'];
    expect(storage(w, 'referral').map((s) => s.key)).toEqual(['referral/app-server>hospital', 'referral/db']);
  });

  it('a device that lists what it keeps is written with that only, and not by flows of other information', () => {
    const w = baseWorld();
    el(w, 'devices', 'db')['stores'] = ['records'];
    el(w, 'flows', 'view')['what'] = ['records', 'claims'];
    expect(storage(w, 'view')).toEqual([{ key: 'view/app-server>db', data: ['records'], as: 'record', stated: true }]);
    el(w, 'flows', 'view')['what'] = ['claims'];
    expect(storage(w, 'view')).toEqual([]);
  });

  it('a cache fills as information is read through the device; a record does not', () => {
    const w = baseWorld();
    el(w, 'flows', 'view')['how'] = ['view'];
    el(w, 'devices', 'terminal')['stores'] = [{ data: 'records', as: 'cache', retention: '1d' }];
    expect(storage(w, 'view')).toEqual([{ key: 'view/terminal', data: ['records'], as: 'cache', stated: true }]);
    el(w, 'devices', 'terminal')['stores'] = [{ data: ['records'], as: 'record' }];
    expect(storage(w, 'view')).toEqual([]);
  });

  it('without stores: a backup device keeps backups, and an end-user device with the store role a cache (and a warning says so)', () => {
    const w = baseWorld();
    w.devices.push({ id: 'nas', label: 'NAS', kind: 'storage', at: 'server-room', roles: ['backup'] });
    w.links.push({ from: 'db', to: 'nas', network: 'dc-lan' });
    w.flows.push({ id: 'backup-job', label: 'Backups', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'nas'] });
    el(w, 'devices', 'terminal')['roles'] = ['input', 'display', 'store'];
    expect(storage(w, 'backup-job')).toEqual([{ key: 'backup-job/db>nas', data: ['backup'], as: 'backup', stated: false }]);
    expect(storage(w, 'view').find((s) => s.key === 'view/terminal')).toEqual({ key: 'view/terminal', data: ['records'], as: 'cache', stated: false });
    const loaded = loadModel('world.yaml', memoryHost({ 'world.yaml': stringify({ koseizu: 1, ...w }) }));
    expect(loaded.diagnostics.filter((d) => d.code === 'KZ310').map((d) => d.args['device'])).toEqual(['terminal']);
  });

  it('takes the strongest form when a device keeps the flow\'s data in several', () => {
    const w = baseWorld();
    el(w, 'flows', 'view')['what'] = ['records', 'claims'];
    el(w, 'devices', 'db')['stores'] = [{ data: 'claims', as: 'temporary' }, { data: 'records', as: 'record' }];
    expect(storage(w, 'view')).toEqual([{ key: 'view/app-server>db', data: ['records', 'claims'], as: 'record', stated: true }]);
  });
});
