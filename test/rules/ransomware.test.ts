// ransomware: each store of medical information is encrypted for ransom (3, +1 from the internet, +1 past
// end of support, -1 isolated, EDR -1, backups kept apart -1, no backup at all +1); one risk per store. A
// backup device at another site reached online counts as kept apart only when it is offline or immutable.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/ransomware.js';
import { el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

const noTape = (w: World): void => { w.media = []; };
/** The database records a backup of its own, so a backup tape leaving its site counts as its copy. */
const backedUp = (w: World): void => { el(w, 'devices', 'db')['controls'] = ['backup']; };

/** The database replicates its backups online to a NAS at the vault, with the given controls on the NAS. */
function vaultNas(w: World, controls: string[] = []): void {
  w.devices.push({ id: 'vault-nas', label: 'Vault NAS', kind: 'storage', at: 'vault-room', roles: ['backup'], controls });
  w.networks.push({ id: 'wan', label: 'WAN', kind: 'ipsec-vpn', ike: true });
  w.links.push({ from: 'db', to: 'vault-nas', network: 'wan' });
  w.flows.push({ id: 'replicate', label: 'Replication', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'vault-nas'] });
}

describe('ransomware', () => {
  ruleTable(rule, [
    {
      name: 'the database, backed up, with backup tapes carried to the vault',
      edit: backedUp,
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'apartMedia', data: { media: { ref: 'tape' }, site: { ref: 'vault' } } });
        expect(r?.messageId).toBe('infects');
        expect(r?.cia).toEqual(['I', 'A']);
      },
    },
    {
      // A tape leaving the site does not say whose backup it holds: it is not the database's when the database records none.
      name: 'backup tapes carried to the vault, but the database records no backup of its own: no backup at all',
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]?.code).toBe('noBackup');
      },
    },
    {
      name: 'no backup at all raises it',
      edit: noTape,
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]?.code).toBe('noBackup');
      },
    },
    {
      name: 'an online backup at the same place neither lowers nor raises it',
      edit: (w) => { noTape(w); el(w, 'devices', 'db')['controls'] = ['backup']; },
      fires: ['ransomware@db'],
      check: ([r]) => expect(r?.likelihood.value).toBe(3),
    },
    {
      name: 'an offline backup is kept apart',
      edit: (w) => { noTape(w); el(w, 'devices', 'db')['controls'] = ['offline-backup']; },
      fires: ['ransomware@db'],
      check: ([r]) => expect(r?.likelihood.value).toBe(2),
    },
    {
      name: 'from the internet, with EDR',
      edit: (w) => {
        el(w, 'devices', 'gateway')['exposure'] = 'internet';
        el(w, 'devices', 'db')['controls'] = ['edr', 'backup'];
      },
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons.map((x) => x.delta)).toEqual([null, 1, -1, -1]);
      },
    },
    {
      name: 'past end of support on the store: one higher',
      edit: (w) => { backedUp(w); el(w, 'devices', 'db')['eol'] = true; },
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons.map((x) => x.delta)).toEqual([null, 1, -1]);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'eol', data: { store: { at: 'db' } } });
      },
    },
    {
      name: 'an isolated store: one lower',
      edit: (w) => { backedUp(w); el(w, 'devices', 'db')['exposure'] = 'isolated'; },
      fires: ['ransomware@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.likelihood.reasons.map((x) => x.delta)).toEqual([null, -1, -1]);
        expect(r?.likelihood.reasons[1]?.code).toBe('isolated');
      },
    },
    {
      name: 'an online backup device at another site is encrypted along with its source: not kept apart, but a store itself',
      edit: (w) => { noTape(w); vaultNas(w); },
      fires: ['ransomware@db', 'ransomware@vault-nas'],
      check: (risks) => {
        // The database has a backup (no +1), but nothing keeps it apart (no -1).
        expect(risks.map((r) => r.likelihood.value)).toEqual([3, 3]);
        expect(risks[0]?.likelihood.reasons).toHaveLength(1);
        // The backup data are named as they are, not as "the backups of Backup".
        expect(risks[1]?.messageId).toBe('infectsBackupData');
      },
    },
    {
      name: 'an immutable backup device at another site keeps the database\'s copies apart',
      edit: (w) => { noTape(w); vaultNas(w, ['immutable-backup']); },
      fires: ['ransomware@db', 'ransomware@vault-nas'],
      check: (risks) => {
        expect(risks.map((r) => r.likelihood.value)).toEqual([2, 2]);
        expect(risks[0]?.likelihood.reasons[1]).toMatchObject({ code: 'apartRemote', data: { device: { at: 'vault-nas' }, site: { ref: 'vault' } } });
        expect(risks[1]?.likelihood.reasons[1]).toMatchObject({ code: 'apartControl', data: { store: { at: 'vault-nas' }, control: { term: 'control', key: 'immutable-backup' } } });
      },
    },
    {
      name: 'a backup device that keeps copies of the records themselves: their backups are lost',
      edit: (w) => { noTape(w); vaultNas(w, ['immutable-backup']); el(w, 'flows', 'replicate')['what'] = ['records']; },
      fires: ['ransomware@db', 'ransomware@vault-nas'],
      check: (risks) => expect(risks.map((r) => r.messageId)).toEqual(['infects', 'infectsBackups']),
    },
    {
      name: 'an offline backup device at another site counts too',
      edit: (w) => { noTape(w); vaultNas(w, ['offline-backup']); },
      fires: ['ransomware@db', 'ransomware@vault-nas'],
      check: (risks) => expect(risks[0]?.likelihood.value).toBe(2),
    },
    {
      name: 'a development store is not in the operation phase',
      edit: (w) => {
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        el(w, 'flows', 'dev')['what'] = ['records'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
    {
      name: 'only other information is stored',
      edit: (w) => { el(w, 'flows', 'view')['what'] = ['code']; },
      fires: [],
    },
    {
      name: 'a cache of records on the app server is not what care depends on',
      edit: (w) => {
        el(w, 'devices', 'db')['stores'] = ['claims'];
        el(w, 'devices', 'app-server')['stores'] = [{ data: 'records', as: 'cache' }];
      },
      fires: [],
    },
    {
      name: 'a backup device that says it keeps backups: its backups are encrypted, and no backup of it is asked for',
      edit: (w) => {
        w.devices.push({ id: 'nas', label: 'NAS', kind: 'storage', at: 'server-room', stores: [{ data: ['records'], as: 'backup', of: 'db' }] });
        w.links.push({ from: 'db', to: 'nas', network: 'dc-lan' });
        w.flows.push({ id: 'backup-job', label: 'Backups', phase: 'operation', which: 'db', what: ['records'], how: ['backup'], path: ['db', 'nas'] });
      },
      fires: ['ransomware@db', 'ransomware@nas'],
      check: (risks) => {
        const nas = risks.find((r) => r.id === 'ransomware@nas');
        expect(nas?.messageId).toBe('infectsBackups');
        expect(nas?.likelihood.reasons.map((x) => x.code)).not.toContain('noBackup');
        // The NAS keeps a backup of the database: the database is backed up.
        expect(risks.find((r) => r.id === 'ransomware@db')?.likelihood.reasons.map((x) => x.code)).not.toContain('noBackup');
      },
    },
    {
      name: 'an immutable backup NAS in the same room keeps copies apart from ransomware (not from a disaster)',
      edit: (w) => {
        noTape(w);
        w.devices.push({ id: 'nas', label: 'NAS', kind: 'storage', at: 'server-room', stores: [{ data: ['records'], as: 'backup', of: 'db' }], controls: ['immutable-backup'] });
        w.links.push({ from: 'db', to: 'nas', network: 'dc-lan' });
        el(w, 'devices', 'db')['stores'] = [{ data: ['records'], as: 'record', 'backup-to': ['nas'] }];
        w.flows.push({ id: 'backup-job', label: 'Backups', phase: 'operation', which: 'db', what: ['records'], how: ['backup'], path: ['db', 'nas'] });
      },
      fires: ['ransomware@db', 'ransomware@nas'],
      check: (risks) => {
        const db = risks.find((r) => r.id === 'ransomware@db');
        expect(db?.likelihood.reasons.map((x) => x.code)).toEqual(['sector', 'apartDevice']);
        expect(db?.likelihood.value).toBe(2);
      },
    },
  ]);

  it('raises each store of medical information on the cloud-EHR example', () => {
    expect(exampleIds()).toEqual(['ransomware@backup-storage', 'ransomware@billing-server', 'ransomware@ehr-server']);
  });
});
