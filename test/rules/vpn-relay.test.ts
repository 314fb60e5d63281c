// vpn-relay: a device that terminates VPNs with two or more other organisations, without routing control (3).
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/vpn-relay.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** A vendor reaches the data centre's gateway over a VPN of its own, for the records. */
function vendor(w: World): void {
  (w as unknown as { parties: unknown[] }).parties = [{ id: 'vendor-co', label: 'Vendor Co', kind: 'third-party', agreement: 'support contract' }];
  w.sites.push({ id: 'vendor', label: 'Vendor office', owner: 'third-party', operator: 'vendor-co', country: 'JP' });
  w.locations.push({ id: 'vendor-room', label: 'Vendor room', site: 'vendor' });
  w.devices.push({ id: 'vendor-gw', label: 'Vendor gateway', kind: 'vpn-gateway', at: 'vendor-room' });
  w.networks.push({ id: 'vendor-vpn', label: 'Vendor VPN', kind: 'ipsec-vpn', ike: true, boundary: 'the vendor gateway' });
  w.links.push({ from: 'vendor-gw', to: 'gateway', network: 'vendor-vpn' });
  w.flows.push({ id: 'vendor-read', label: 'The vendor reads records', phase: 'operation', which: 'app-server', what: ['records'], how: ['transfer'], path: ['app-server', 'gateway', 'vendor-gw'] });
}

describe('vpn-relay', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the gateway has one VPN, with the clinic',
      fires: [],
    },
    {
      name: 'the gateway also ends a vendor\'s VPN: two organisations meet there',
      edit: vendor,
      fires: ['vpn-relay@gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['hub']);
        expect(r?.likelihood.reasons[0]?.data).toMatchObject({ count: 2, parties: { list: [{ term: 'operator', key: 'institution' }, { ref: 'vendor-co' }] } });
        expect(r?.responsibility.parties).toEqual(['provider']);
      },
    },
    {
      name: 'routing is controlled per VPN',
      edit: (w) => {
        vendor(w);
        el(w, 'devices', 'gateway')['controls'] = ['vpn-routing-control'];
      },
      fires: [],
    },
  ]);
});
