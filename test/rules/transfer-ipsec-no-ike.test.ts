// transfer-ipsec-no-ike: a hop over an IPsec VPN without IKE (static keys: 3), or whose use of IKE the
// model does not state (2, saying so); one risk per VPN, whatever hops and flows cross it.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-ipsec-no-ike.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

describe('transfer-ipsec-no-ike', () => {
  ruleTable(rule, [
    {
      name: 'IPsec with static keys (ike: false): moderate, one risk for the VPN across both flows',
      edit: (w) => { el(w, 'networks', 'vpn')['ike'] = false; },
      fires: ['transfer-ipsec-no-ike@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['noIke']);
        expect(r?.cia).toEqual(['C', 'I']);
        expect(r?.segments).toEqual(['print/gateway>router', 'view/router>gateway']);
      },
    },
    {
      name: 'IKE not stated: low, and the reason says the model does not state it',
      edit: (w) => { delete el(w, 'networks', 'vpn')['ike']; },
      fires: ['transfer-ipsec-no-ike@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['ikeUnstated']);
        expect(r?.messageId).toBe('ikeUnconfirmed');
      },
    },
    {
      name: 'only the doctor\'s flow over static-key IPsec: its one hop',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'networks', 'vpn')['ike'] = false;
      },
      fires: ['transfer-ipsec-no-ike@vpn'],
      check: ([r]) => {
        expect(r?.messageId).toBe('staticKeysExposed');
        expect(r?.data).toEqual({ network: { ref: 'vpn' }, data: { list: [{ ref: 'records' }] } });
        expect(r?.segments).toEqual(['view/router>gateway']);
      },
    },
    {
      name: 'two links over the same static-key VPN: still one risk, for the network',
      edit: (w) => {
        el(w, 'networks', 'vpn')['ike'] = false;
        w.devices.push({ id: 'vault-nas', label: 'Vault NAS', kind: 'storage', at: 'vault-room', roles: ['backup'] });
        w.links.push({ from: 'db', to: 'vault-nas', network: 'vpn' });
        w.flows.push({ id: 'replicate', label: 'Replication', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'vault-nas'] });
      },
      fires: ['transfer-ipsec-no-ike@vpn'],
      check: ([r]) => expect(r?.segments).toEqual(['print/gateway>router', 'replicate/db>vault-nas', 'view/router>gateway']),
    },
    {
      name: 'IPsec with IKE (the base world)',
      fires: [],
    },
    {
      name: 'a closed network instead of IPsec (ike does not apply)',
      edit: (w) => {
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Closed network', kind: 'closed-network' } : n));
      },
      fires: [],
    },
    {
      name: 'only other information over static-key IPsec (the developer\'s code)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        w.networks = w.networks.map((n) => (n['id'] === 'dc-lan' ? { id: 'dc-lan', label: 'DC VPN', kind: 'ipsec-vpn', ike: false } : n));
      },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: the clinic-DC IPsec VPN uses IKE, nothing raised', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    expect(analyse(model, [rule]).risks.map((r) => r.id)).toEqual([]);
  });
});
