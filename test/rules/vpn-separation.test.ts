// vpn-separation: a device that terminates a VPN carrying medical information and also takes general
// internet traffic, without vpn-route-separation (3). One risk per device.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/vpn-separation.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** The clinic's VPN router also goes out to the internet for the clinic's web browsing. */
function browsing(w: World): void {
  w.networks.push({ id: 'net', label: 'Internet', kind: 'internet' });
  w.devices.push({ id: 'web', label: 'Web', kind: 'server', at: 'vault-room', exposure: 'internet' });
  w.links.push({ from: 'router', to: 'web', network: 'net', protocol: 'https', tls: '1.3' });
}

describe('vpn-separation', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the VPN router has no internet link',
      fires: [],
    },
    {
      name: 'the VPN router also carries general internet traffic',
      edit: browsing,
      fires: ['vpn-separation@router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['shared']);
        expect(r?.messageId).toBe('mixed');
        expect(r?.responsibility.parties).toEqual(['institution']);
      },
    },
    {
      name: 'the route and a VPN zone are separated',
      edit: (w) => {
        browsing(w);
        el(w, 'devices', 'router')['controls'] = ['vpn-route-separation'];
      },
      fires: [],
    },
    {
      name: 'a VPN carrying other information only',
      edit: (w) => {
        browsing(w);
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
  ]);
});
