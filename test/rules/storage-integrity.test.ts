// storage-integrity: the seed example's storage segment (③), unauthorised writes and loss; access
// control and encryption at rest lower it, no backup raises it.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/storage-integrity.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('storage-integrity', () => {
  ruleTable(rule, [
    {
      name: 'records written to the database with no backup recorded',
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['commonWrites', 'noBackup']);
        expect(r?.likelihood.reasons.at(-1)).toMatchObject({ code: 'noBackup', data: { store: { at: 'db' } } });
        expect(r?.messageId).toBe('alteredOrLost');
        expect(r?.data).toMatchObject({ store: { at: 'db' }, data: { list: [{ ref: 'records' }] } });
        expect(r?.cia).toEqual(['I', 'A']);
      },
    },
    {
      name: 'access control, encryption at rest and a backup',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['access-control', 'encryption-at-rest', 'backup']; },
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => expect(r?.likelihood.value).toBe(1),
    },
    {
      // A backup device on the store's path is a backup, as ransomware and the checklist read it.
      name: 'backed up to a backup device on its path: no raise for a missing backup',
      edit: (w) => {
        w.devices.push({ id: 'nas', label: 'NAS', kind: 'storage', at: 'server-room', roles: ['backup'] });
        w.links.push({ from: 'db', to: 'nas', network: 'dc-lan' });
        w.flows.push({ id: 'replicate', label: 'Replication', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'nas'] });
      },
      // The backup flow reads the database and writes the NAS: the database is its source, not a store it writes.
      fires: ['storage-integrity@replicate/db>nas', 'storage-integrity@view/app-server>db'],
      check: (risks) => {
        const db = risks.find((r) => r.id === 'storage-integrity@view/app-server>db');
        expect(db?.likelihood.value).toBe(3);
        expect(codes(db!.likelihood)).not.toContain('noBackup');
      },
    },
    {
      name: 'legal records at stake raise the impact',
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => expect(codes(r!.impact)).toContain('legal-record'),
    },
    {
      name: 'a view-only flow stores nothing',
      edit: (w) => { el(w, 'flows', 'view')['how'] = ['view']; },
      fires: [],
    },
    {
      name: 'storing only other information (code on the dev server)',
      edit: (w) => {
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
    {
      name: 'a cache is rebuilt from its source: not the store\'s integrity',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'cache' }]; },
      fires: [],
    },
    {
      name: 'a temporary copy is guarded, but asks for no backup',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'temporary', retention: '7d' }]; },
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => expect(codes(r!.likelihood)).not.toContain('noBackup'),
    },
    {
      name: 'an immutable store takes one off',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['immutable-backup', 'backup']; },
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons[1]?.data).toEqual({ control: { term: 'control', key: 'immutable-backup' } });
      },
    },
  ]);
});
