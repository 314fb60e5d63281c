// transfer-ssl-vpn-clientless: a hop over a clientless SSL-VPN, which the guideline rules out (client type
// only): likely (4), one lower with multi-factor authentication to join. One risk per VPN.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-ssl-vpn-clientless.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The clinic-DC VPN becomes an SSL-VPN of the given kind (ike applies to IPsec only). */
const sslVpn = (kind: string, extra: Record<string, unknown> = {}) => (w: World): void => {
  w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'SSL-VPN', kind, ...extra } : n));
};

describe('transfer-ssl-vpn-clientless', () => {
  ruleTable(rule, [
    {
      name: 'the clinic reaches the data centre over a clientless SSL-VPN: likely',
      edit: sslVpn('ssl-vpn-clientless'),
      fires: ['transfer-ssl-vpn-clientless@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.cia).toEqual(['C', 'I']);
        expect(r?.segments).toEqual(['print/gateway>router', 'view/router>gateway']);
        // Equal scores: the risk speaks of the first segment, the print flow's (its claims).
        expect(r?.messageId).toBe('exposed');
        expect(r?.data).toEqual({ network: { ref: 'vpn' }, data: { list: [{ ref: 'claims' }] } });
        expect(codes(r!.likelihood)).toEqual(['clientless']);
      },
    },
    {
      name: 'multi-factor authentication to join the clientless SSL-VPN: one lower',
      edit: sslVpn('ssl-vpn-clientless', { auth: ['password', 'otp'] }),
      fires: ['transfer-ssl-vpn-clientless@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[1]).toMatchObject({
          code: 'multiFactor',
          delta: -1,
          data: { network: { ref: 'vpn' }, factors: { list: [{ term: 'authFactor', key: 'password' }, { term: 'authFactor', key: 'otp' }] } },
        });
      },
    },
    {
      name: 'a single factor to join does not lower it',
      edit: sslVpn('ssl-vpn-clientless', { auth: 'password' }),
      fires: ['transfer-ssl-vpn-clientless@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
      },
    },
    {
      name: 'a client-type SSL-VPN, which the guideline allows where unavoidable',
      edit: sslVpn('ssl-vpn-client'),
      fires: [],
    },
    {
      name: 'an IPsec VPN (the base world)',
      fires: [],
    },
    {
      name: 'only other information crosses the clientless SSL-VPN (the developer\'s code)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'networks', 'dc-lan')['kind'] = 'ssl-vpn-clientless';
      },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: no SSL-VPN, nothing raised', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    expect(analyse(model, [rule]).risks.map((r) => r.id)).toEqual([]);
  });
});
