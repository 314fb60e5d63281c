// disaster-backup-same-site: medical information stored at a site with no copy at another (no off-site
// backup control, no backup device elsewhere on a flow, no backups of it carried away): 3; one risk per site.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/disaster-backup-same-site.js';
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

/** A backup device at `location`, replicated to from the database. */
function replicateTo(w: World, location: string): void {
  w.devices.push({ id: 'nas', label: 'NAS', kind: 'storage', at: location, roles: ['backup'] });
  w.networks.push({ id: 'wan', label: 'WAN', kind: 'ipsec-vpn', ike: true });
  w.links.push({ from: 'db', to: 'nas', network: 'wan' });
  w.flows.push({ id: 'replicate', label: 'Replication', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'nas'] });
}

describe('disaster-backup-same-site', () => {
  ruleTable(rule, [
    {
      name: 'no backup tape to the vault',
      edit: noTape,
      fires: ['disaster-backup-same-site@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.messageId).toBe('lostTogether');
        expect(r?.data).toMatchObject({ store: { at: 'db' }, site: { ref: 'dc' } });
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'noCopyElsewhere', data: { store: { at: 'db' }, site: { ref: 'dc' } } });
        expect(r?.cia).toEqual(['A']);
      },
    },
    {
      name: 'the tape goes to the vault only at contract termination',
      edit: (w) => { backedUp(w); (w.media[0] as Record<string, unknown>)['phases'] = ['termination']; },
      fires: ['disaster-backup-same-site@dc'],
    },
    {
      name: 'the tape carries records, not backups',
      edit: (w) => { backedUp(w); (w.media[0] as Record<string, unknown>)['data'] = ['records']; },
      fires: ['disaster-backup-same-site@dc'],
    },
    {
      name: 'a backup device at the same site is no copy elsewhere',
      edit: (w) => { noTape(w); replicateTo(w, 'dev-room'); },
      fires: ['disaster-backup-same-site@dc'],
    },
    {
      name: 'backup tapes carried to the vault, for a database backed up',
      edit: backedUp,
      fires: [],
    },
    {
      // A tape leaving the site does not say whose backup it holds: a store with no backup of its own has no copy on it.
      name: 'backup tapes carried to the vault, but the database records no backup of its own',
      fires: ['disaster-backup-same-site@dc'],
    },
    {
      name: 'an off-site backup control on the database',
      edit: (w) => { noTape(w); el(w, 'devices', 'db')['controls'] = ['offsite-backup']; },
      fires: [],
    },
    {
      name: 'replication to a backup device in the vault (which is itself the off-site copy)',
      edit: (w) => { noTape(w); replicateTo(w, 'vault-room'); },
      fires: [],
    },
    {
      name: 'a copy whose original is at another site is itself the copy elsewhere',
      edit: (w) => {
        w.devices.push({ id: 'replica', label: 'Replica', kind: 'database', at: 'vault-room', stores: [{ data: 'records', as: 'copy', of: 'db' }] });
        w.links.push({ from: 'db', to: 'replica', network: 'vpn' });
        w.flows.push({ id: 'sync', label: 'Sync', phase: 'operation', which: 'db', what: ['records'], how: ['transfer'], path: ['db', 'replica'] });
      },
      fires: [],
    },
    {
      name: 'a cache or a backup has its original elsewhere',
      edit: (w) => {
        noTape(w);
        el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'cache' }];
      },
      fires: [],
    },
  ]);

  it('raises nothing on the cloud-EHR example (backup tapes go to the off-site vault)', () => {
    expect(exampleIds()).toEqual([]);
  });
});
