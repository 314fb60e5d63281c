// portable-cache: medical information kept on a tablet or smartphone, or on a person's own device: 3
// carried, 4 a staff member's own (BYOD), 3 a patient's own (impact one lower: their own information only);
// encryption at rest, MDM and remote wipe each take one off; a cache kept a day at most one more.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/portable-cache.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** A device at the exam room that the doctor reads records on, keeping them as `stores` says. */
function reader(w: World, device: Record<string, unknown>): void {
  w.devices.push({ id: 'pad', label: 'Rounds tablet', kind: 'tablet', at: 'exam-room', auth: ['password', 'biometric'], ...device });
  w.links.push({ from: 'pad', to: 'router', network: 'lan', protocol: 'https', tls: '1.3' });
  w.flows.push({ id: 'rounds', label: 'Rounds', phase: 'operation', who: 'doctor', which: 'pad', what: ['records'], how: ['view'], path: ['pad', 'router', 'gateway', 'app-server', 'db'] });
}

describe('portable-cache', () => {
  ruleTable(rule, [
    {
      name: 'the base world: no carried or personal device keeps anything',
      fires: [],
    },
    {
      name: 'a tablet that caches the records it shows: carried, 3',
      edit: (w) => reader(w, { stores: [{ data: 'records', as: 'cache' }] }),
      fires: ['portable-cache@pad'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['carried']);
        expect(r?.impact.value).toBe(4);
        expect(r?.messageId).toBe('goesWith');
        expect(r?.cia).toEqual(['C']);
        expect(r?.responsibility.parties).toEqual(['institution']);
      },
    },
    {
      name: 'encrypted, managed and wipeable: down to 1, each control once',
      edit: (w) => reader(w, { stores: [{ data: 'records', as: 'cache' }], controls: ['encryption-at-rest', 'mdm', 'remote-wipe'] }),
      fires: ['portable-cache@pad'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(codes(r!.likelihood)).toEqual(['carried', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'a cache kept a day at most takes one off',
      edit: (w) => reader(w, { stores: [{ data: 'records', as: 'cache', retention: '1d' }] }),
      fires: ['portable-cache@pad'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['carried', 'brief']);
      },
    },
    {
      name: 'a staff member\'s own phone (BYOD): 4, and the institution answers for it',
      edit: (w) => reader(w, { kind: 'smartphone', owner: 'staff', stores: [{ data: 'records', as: 'temporary' }] }),
      fires: ['portable-cache@pad'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['personal']);
        expect(r?.responsibility).toMatchObject({ who: 'institution', parties: ['institution'], basis: [{ element: 'pad', operator: 'staff' }] });
      },
    },
    {
      name: 'a patient\'s own phone: 3, the patient\'s own information only (impact 3), both answer',
      edit: (w) => reader(w, { kind: 'smartphone', owner: 'patient', stores: [{ data: 'records', as: 'cache' }] }),
      fires: ['portable-cache@pad'],
      check: ([r]) => {
        expect(codes(r!.likelihood)).toEqual(['patients']);
        expect(r?.impact.value).toBe(3);
        expect(codes(r!.impact)).toEqual(['impact-medical', 'ownOnly']);
        expect(r?.responsibility.who).toBe('both');
      },
    },
    {
      name: 'a tablet that only displays: it keeps nothing',
      edit: (w) => reader(w, {}),
      fires: [],
    },
    {
      name: 'a desk terminal of the institution that caches: not carried, not personal',
      edit: (w) => { el(w, 'devices', 'terminal')['stores'] = [{ data: 'records', as: 'cache' }]; },
      fires: [],
    },
    {
      name: 'a tablet that caches only other information',
      edit: (w) => {
        reader(w, { stores: [{ data: 'code', as: 'cache' }] });
        el(w, 'flows', 'rounds')['what'] = ['code'];
      },
      fires: [],
    },
  ]);
});
