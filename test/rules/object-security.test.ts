// object-security: records or documents sent (transfer) from one organisation's device to another's, where
// they are kept, without an electronic signature (3) or a timestamp (2) at the sender.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/object-security.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** The provider's database sends records to a hospital's system, which keeps them. */
function referral(w: World): void {
  w.sites.push({ id: 'hospital', label: 'Hospital', owner: 'third-party', country: 'JP' });
  w.locations.push({ id: 'ward', label: 'Ward', site: 'hospital' });
  w.devices.push({ id: 'his', label: 'Hospital system', kind: 'external-system', at: 'ward', stores: ['records'] });
  w.networks.push({ id: 'regional', label: 'Regional network', kind: 'ipsec-vpn', ike: true, boundary: 'the hospital router' });
  w.links.push({ from: 'gateway', to: 'his', network: 'regional' });
  w.flows.push({ id: 'refer', label: 'A referral', phase: 'operation', which: 'db', what: ['records'], how: ['transfer'], path: ['db', 'app-server', 'gateway', 'his'] });
}

describe('object-security', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the doctor edits records on the provider\'s service; nothing is exchanged',
      fires: [],
    },
    {
      name: 'records sent to a hospital, unsigned: 3',
      edit: referral,
      fires: ['object-security@refer/app-server>his'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['unsigned']);
        expect(r?.messageId).toBe('unverifiable');
        expect(r?.cia).toEqual(['I']);
        expect(r?.responsibility.parties).toEqual(['provider', 'third-party']);
      },
    },
    {
      name: 'signed, not time-stamped: 2',
      edit: (w) => {
        referral(w);
        el(w, 'devices', 'db')['controls'] = ['electronic-signature'];
      },
      fires: ['object-security@refer/app-server>his'],
      check: ([r]) => expect(codes(r!.likelihood)).toEqual(['noTimestamp']),
    },
    {
      name: 'signed and time-stamped',
      edit: (w) => {
        referral(w);
        el(w, 'devices', 'db')['controls'] = ['electronic-signature', 'timestamp'];
      },
      fires: [],
    },
    {
      name: 'sent within one organisation',
      edit: (w) => {
        referral(w);
        el(w, 'devices', 'his')['operator'] = 'provider';
      },
      fires: [],
    },
    {
      name: 'what is sent is not a record or document (logs)',
      edit: (w) => {
        referral(w);
        el(w, 'devices', 'his')['stores'] = ['app-log'];
        el(w, 'flows', 'refer')['what'] = ['app-log'];
      },
      fires: [],
    },
  ]);
});
