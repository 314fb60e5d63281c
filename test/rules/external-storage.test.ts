// external-storage: medical information kept (record, copy, backup) at a site the institution does not run:
// 1, and one more for each selection fact left open (foreign law +2 when it may reach the holder, +1 when
// unstated; no certification +1; no backup kept apart from malware +1). One risk per site.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/external-storage.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** The data centre run by a named provider that states its selection facts. */
function selected(w: World, party: Record<string, unknown> = {}): void {
  (w as unknown as { parties: unknown[] }).parties = [{ id: 'dc-co', label: 'DC Co', kind: 'provider', 'foreign-law': false, certifications: ['isms'], ...party }];
  el(w, 'sites', 'dc')['operator'] = 'dc-co';
  el(w, 'devices', 'db')['controls'] = ['offline-backup'];
}

describe('external-storage', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the provider\'s database, nothing stated: 1 + 3',
      fires: ['external-storage@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['kept', 'foreignLawUnstated', 'noCertification', 'noMalwareBackup']);
        expect(r?.messageId).toBe('unconfirmed');
        expect(r?.data['open']).toEqual({ list: [{ message: { messageId: 'lawClause', data: {} } }, { message: { messageId: 'certificationClause', data: {} } }, { message: { messageId: 'backupClause', data: {} } }], join: 'items' });
        expect(r?.responsibility.parties).toEqual(['provider']);
      },
    },
    {
      name: 'every selection fact stated: nothing to confirm',
      edit: (w) => selected(w),
      fires: [],
    },
    {
      name: 'a foreign law may reach the holder: +2',
      edit: (w) => selected(w, { 'foreign-law': true, country: 'US' }),
      fires: ['external-storage@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['kept', 'foreignLaw']);
      },
    },
    {
      name: 'a certification on the site counts as on the party',
      edit: (w) => {
        selected(w, { certifications: [] });
        el(w, 'sites', 'dc')['controls'] = ['third-party-certification'];
      },
      fires: [],
    },
    {
      name: 'the institution\'s own site keeps it: not external storage',
      edit: (w) => { el(w, 'sites', 'dc')['owner'] = 'institution'; },
      fires: [],
    },
    {
      name: 'a cache on the provider\'s server is not external storage of the record',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'cache' }]; },
      fires: [],
    },
  ]);
});
