// remote-maintenance: maintenance of a device from another organisation's device: 3, -1 when access opens
// only when needed, +1 each without prior approval and without a work record. One risk per device maintained.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/remote-maintenance.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** A vendor's engineer maintains the app server from the vendor's PC over the vendor's VPN. */
function vendorMaintains(w: World): void {
  w.sites.push({ id: 'vendor', label: 'Vendor office', owner: 'third-party', country: 'JP' });
  w.locations.push({ id: 'vendor-room', label: 'Vendor room', site: 'vendor' });
  w.actors.push({ id: 'engineer', label: 'Engineer', org: 'third-party' });
  w.devices.push({ id: 'vendor-pc', label: 'Vendor PC', kind: 'terminal', at: 'vendor-room', auth: ['password', 'otp'] });
  w.networks.push({ id: 'vendor-vpn', label: 'Vendor VPN', kind: 'ipsec-vpn', ike: true, boundary: 'the DC gateway' });
  w.links.push({ from: 'vendor-pc', to: 'gateway', network: 'vendor-vpn' });
  w.flows.push({ id: 'upkeep', label: 'Maintenance', phase: 'operation', who: 'engineer', which: 'vendor-pc', what: ['records'], how: ['maintain'], path: ['vendor-pc', 'gateway', 'app-server'] });
}

describe('remote-maintenance', () => {
  ruleTable(rule, [
    {
      name: 'the base world: nobody maintains anything',
      fires: [],
    },
    {
      name: 'a vendor maintains the app server, always open, with neither approval nor record: 5',
      edit: vendorMaintains,
      fires: ['remote-maintenance@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['standing', 'noApproval', 'noRecord']);
        expect(r?.messageId).toBe('abused');
        expect(r?.responsibility.who).toBe('shared');
        expect(r?.responsibility.parties).toEqual(['provider', 'third-party']);
      },
    },
    {
      name: 'opened only when needed, approved beforehand and recorded: 2',
      edit: (w) => {
        vendorMaintains(w);
        el(w, 'devices', 'app-server')['controls'] = ['access-on-demand', 'maintenance-approval', 'maintenance-record'];
      },
      fires: ['remote-maintenance@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['standing', 'onDemand']);
      },
    },
    {
      name: 'the provider maintains its own server from its own terminal',
      edit: (w) => {
        w.links.push({ from: 'dev-terminal', to: 'app-server', network: 'dc-lan', protocol: 'ssh' });
        w.flows.push({ id: 'own', label: 'Own upkeep', phase: 'operation', who: 'developer', which: 'dev-terminal', what: ['records'], how: ['maintain'], path: ['dev-terminal', 'app-server'] });
      },
      fires: [],
    },
  ]);
});
