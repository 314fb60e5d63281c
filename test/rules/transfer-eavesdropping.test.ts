// transfer-eavesdropping: a hop carrying medical information that neither the link nor the network
// encrypts; the network's kind sets the likelihood (internet 5, wireless 4 or 5 when open/WEP, LAN 2 in one
// site / 3 across, secure networks 2). One risk per link, whatever flows cross it; a WPA2/WPA3 wireless LAN
// is encrypted unless the model says otherwise.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-eavesdropping.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** Only the doctor's flow, with every hop but the one under test encrypted. */
function onlyView(w: World): void {
  w.flows = w.flows.filter((f) => f['id'] === 'view');
  el(w, 'links', 'app-server--db')['tls'] = '1.2';
}

describe('transfer-eavesdropping', () => {
  ruleTable(rule, [
    {
      name: 'an SSH hop is encrypted by its protocol, though neither the link nor the network says so',
      edit: (w) => {
        onlyView(w);
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'ssh';
      },
      fires: [],
    },
    {
      name: 'cleartext hops inside one site (database, printer, log server): low',
      fires: [
        'transfer-eavesdropping@app-server--db',
        'transfer-eavesdropping@app-server--log-server',
        'transfer-eavesdropping@printer--router',
      ],
      check: (risks) => {
        for (const r of risks) {
          expect(r.likelihood.value).toBe(2);
          expect(r.likelihood.reasons[0]?.code).toBe('insideSite');
          expect(r.messageId).toBe('cleartext');
        }
        expect(risks[0]?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'the VPN replaced by the internet in the clear: very likely',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Internet', kind: 'internet' } : n));
      },
      fires: ['transfer-eavesdropping@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['internet']);
        expect(r?.data).toMatchObject({ from: { at: 'router' }, to: { at: 'gateway' }, network: { ref: 'vpn' } });
      },
    },
    {
      name: 'a wireless LAN in the clear: likely',
      edit: (w) => {
        onlyView(w);
        el(w, 'networks', 'lan')['kind'] = 'wireless-lan';
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: ['transfer-eavesdropping@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['wlan']);
      },
    },
    {
      name: 'an open wireless LAN: very likely',
      edit: (w) => {
        onlyView(w);
        Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', 'wlan-security': 'open' });
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: ['transfer-eavesdropping@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['wlanOpen']);
      },
    },
    {
      name: 'a WEP wireless LAN is as good as open: very likely',
      edit: (w) => {
        onlyView(w);
        Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', 'wlan-security': 'wep' });
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: ['transfer-eavesdropping@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['wlanWep']);
      },
    },
    {
      name: 'a WPA2 wireless LAN stated as unencrypted: likely',
      edit: (w) => {
        onlyView(w);
        Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', 'wlan-security': 'wpa2-enterprise', encrypted: false });
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: ['transfer-eavesdropping@terminal--router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['wlan']);
      },
    },
    {
      name: 'two flows over the same cleartext link: one risk for the link',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view' || f['id'] === 'print');
        el(w, 'links', 'app-server--db')['tls'] = '1.2';
        el(w, 'links', 'printer--router')['tls'] = '1.2';
        el(w, 'networks', 'vpn')['encrypted'] = false;
      },
      fires: ['transfer-eavesdropping@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['vpnUnencrypted']);
        expect(r?.segments).toEqual(['print/gateway>router', 'view/router>gateway']);
        expect(r?.flows).toEqual(['print', 'view']);
      },
    },
    {
      name: 'a LAN stretched between the clinic and the data centre: moderate',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Extended LAN', kind: 'lan' } : n));
      },
      fires: ['transfer-eavesdropping@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'betweenSites', data: { network: { ref: 'vpn' }, kind: { term: 'networkKind', key: 'lan' }, from: { ref: 'clinic' }, to: { ref: 'dc' } } });
      },
    },
    {
      name: 'a closed network is a secure network in the guideline\'s sense: low',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Closed network', kind: 'closed-network' } : n));
      },
      fires: ['transfer-eavesdropping@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'secureNetwork', data: { kind: { term: 'networkKind', key: 'closed-network' } } });
      },
    },
    {
      name: 'a VPN stated as unencrypted is a misconfiguration: moderate',
      edit: (w) => {
        onlyView(w);
        el(w, 'networks', 'vpn')['encrypted'] = false;
      },
      fires: ['transfer-eavesdropping@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'vpnUnencrypted', data: { network: { ref: 'vpn' }, kind: { term: 'networkKind', key: 'ipsec-vpn' } } });
      },
    },
    {
      name: 'a termination-phase hand-over in the clear',
      edit: (w) => {
        w.flows = [{ id: 'handover', label: 'Hand over', phase: 'termination', who: 'operator', which: 'db', what: ['records'], how: ['migrate'], path: ['db', 'app-server'] }];
      },
      // The hop runs db → app-server, against the link's declared direction: the id is the link's.
      fires: ['transfer-eavesdropping@app-server--db'],
      check: ([r]) => expect(r?.phases).toEqual(['termination']),
    },
    {
      name: 'a WPA2 wireless LAN encrypts the radio link, though the link itself is cleartext',
      edit: (w) => {
        onlyView(w);
        Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', 'wlan-security': 'wpa2-personal' });
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: [],
    },
    {
      name: 'a WPA3 wireless LAN likewise',
      edit: (w) => {
        onlyView(w);
        Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', 'wlan-security': 'wpa3-personal' });
        const link = el(w, 'links', 'terminal--router');
        delete link['tls'];
        link['protocol'] = 'http';
      },
      fires: [],
    },
    {
      name: 'every hop encrypted by TLS or the VPN',
      edit: onlyView,
      fires: [],
    },
    {
      name: 'an internet hop the network itself encrypts',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Internet', kind: 'internet', encrypted: true } : n));
      },
      fires: [],
    },
    {
      name: 'a link stated as encrypted without a TLS version',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'links', 'app-server--db')['encrypted'] = true;
      },
      fires: [],
    },
    {
      name: 'only other information in the clear (the developer\'s code over telnet)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'links', 'dev-terminal--dev-server')['protocol'] = 'telnet';
      },
      fires: [],
    },
  ]);

  // The example's cleartext links all stay inside one site (2), one risk per link named as declared
  // (printer → clinic-router, though the print flow runs the other way). The maintenance hop is SSH, which
  // encrypts on its own, so it does not fire.
  it('on the cloud-EHR example: the cleartext LAN links inside the clinic and the data centre, all low', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    const risks = analyse(model, [rule]).risks;
    expect(risks.map((r) => r.id)).toEqual([
      'transfer-eavesdropping@ehr-server--backup-storage',
      'transfer-eavesdropping@ehr-server--log-server',
      'transfer-eavesdropping@lab-system--clinic-router',
      'transfer-eavesdropping@printer--clinic-router',
      'transfer-eavesdropping@wireless-ap--clinic-router',
    ]);
    expect(risks.every((r) => r.likelihood.value === 2)).toBe(true);
  });
});
