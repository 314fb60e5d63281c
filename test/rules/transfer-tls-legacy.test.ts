// transfer-tls-legacy: a hop protected by TLS 1.0/1.1 where the guideline asks for 1.3/1.2; 4 when the
// flow crosses the internet, 3 otherwise, one lower (not below 2) inside a VPN. One risk per link.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-tls-legacy.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

const internetForVpn = (w: World): void => {
  w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Internet', kind: 'internet' } : n));
};

describe('transfer-tls-legacy', () => {
  ruleTable(rule, [
    {
      name: 'TLS 1.1 on the clinic LAN, the path staying off the internet: moderate',
      edit: (w) => { el(w, 'links', 'terminal--router')['tls'] = '1.1'; },
      fires: ['transfer-tls-legacy@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['knownWeaknesses']);
        expect(r?.messageId).toBe('legacyTls');
        expect(r?.data).toMatchObject({ tls: '1.1', from: { at: 'terminal' }, to: { at: 'router' }, network: { ref: 'lan' } });
        expect(r?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'TLS 1.0 on a LAN hop of a flow that crosses the internet: likely',
      edit: (w) => {
        internetForVpn(w);
        el(w, 'links', 'terminal--router')['tls'] = '1.0';
      },
      fires: ['transfer-tls-legacy@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'overInternet', data: { tls: '1.0' } });
      },
    },
    {
      name: 'TLS 1.0 on the internet hop itself: likely, one risk for the link both flows cross',
      edit: (w) => {
        internetForVpn(w);
        el(w, 'links', 'router--gateway')['tls'] = '1.0';
      },
      fires: ['transfer-tls-legacy@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.segments).toEqual(['print/gateway>router', 'view/router>gateway']);
      },
    },
    {
      name: 'TLS 1.1 inside the IPsec VPN: one lower, to low',
      edit: (w) => { el(w, 'links', 'router--gateway')['tls'] = '1.1'; },
      fires: ['transfer-tls-legacy@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['knownWeaknesses', 'tunnel']);
        expect(r?.likelihood.reasons[1]?.data).toEqual({ network: { ref: 'vpn' } });
      },
    },
    {
      name: 'TLS 1.3 and 1.2 only (the base world)',
      fires: [],
    },
    {
      name: 'TLS 1.2 over the internet',
      edit: (w) => {
        internetForVpn(w);
        el(w, 'links', 'router--gateway')['tls'] = '1.2';
      },
      fires: [],
    },
    {
      name: 'TLS 1.0 carrying only other information (the developer\'s code)',
      edit: (w) => { el(w, 'links', 'dev-terminal--dev-server')['tls'] = '1.0'; },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: every TLS is 1.3 or 1.2, nothing raised', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    expect(analyse(model, [rule]).risks.map((r) => r.id)).toEqual([]);
  });
});
