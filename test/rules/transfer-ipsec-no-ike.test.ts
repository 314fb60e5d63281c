// transfer-ipsec-no-ike: a hop over an IPsec VPN without IKE (static keys: 3), or whose use of IKE the
// model does not state (2, saying so); one risk per hop.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-ipsec-no-ike.js';
import { assess } from '../../src/engine.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io.js';
import { riskMatrix } from '../../src/score.js';
import { walk } from '../../src/walk.js';
import { el, ruleTable } from '../helpers/rule-table.js';

describe('transfer-ipsec-no-ike', () => {
  ruleTable(rule, [
    {
      name: 'IPsec with static keys (ike: false): moderate, on each hop over it',
      edit: (w) => { el(w, 'networks', 'vpn')['ike'] = false; },
      fires: ['transfer-ipsec-no-ike@print/gateway>router', 'transfer-ipsec-no-ike@view/router>gateway'],
      check: (risks) => {
        for (const r of risks) {
          expect(r.likelihood.value).toBe(3);
          expect(r.likelihood.reasons[0]?.en).toContain('static keys');
          expect(r.cia).toEqual(['C', 'I']);
        }
      },
    },
    {
      name: 'IKE not stated: low, and the reason says the model does not state it',
      edit: (w) => { delete el(w, 'networks', 'vpn')['ike']; },
      fires: ['transfer-ipsec-no-ike@print/gateway>router', 'transfer-ipsec-no-ike@view/router>gateway'],
      check: (risks) => {
        for (const r of risks) {
          expect(r.likelihood.value).toBe(2);
          expect(r.likelihood.reasons[0]?.en).toContain('does not state');
          expect(r.message.en).toContain('not stated');
        }
      },
    },
    {
      name: 'only the doctor\'s flow over static-key IPsec: its one hop',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'networks', 'vpn')['ike'] = false;
      },
      fires: ['transfer-ipsec-no-ike@view/router>gateway'],
      check: ([r]) => expect(r?.message.en).toContain('Router (Reception) → Gateway (Server room) (VPN)'),
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
    expect(assess(model, walk(model), [rule], riskMatrix(model.riskMatrix)).map((r) => r.id)).toEqual([]);
  });
});
