// transfer-eavesdropping: a hop carrying medical information that neither the link nor the network
// encrypts; the network's kind sets the likelihood (internet 5, wireless 4, LAN 2 in one site / 3 across, secure networks 2).
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/transfer-eavesdropping.js';
import { assess } from '../../src/engine.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io.js';
import { riskMatrix } from '../../src/score.js';
import { walk } from '../../src/walk.js';
import { el, ruleTable, type World } from '../helpers/rule-table.js';

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
        'transfer-eavesdropping@logs/app-server>log-server',
        'transfer-eavesdropping@print/router>printer',
        'transfer-eavesdropping@view/app-server>db',
      ],
      check: (risks) => {
        for (const r of risks) {
          expect(r.likelihood.value).toBe(2);
          expect(r.likelihood.reasons[0]?.en).toContain('stays inside');
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
      fires: ['transfer-eavesdropping@view/router>gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.message.en).toContain('Router (Reception) → Gateway (Server room) (Internet)');
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
      fires: ['transfer-eavesdropping@view/terminal>router'],
      check: ([r]) => expect(r?.likelihood.value).toBe(4),
    },
    {
      name: 'a LAN stretched between the clinic and the data centre: moderate',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Extended LAN', kind: 'lan' } : n));
      },
      fires: ['transfer-eavesdropping@view/router>gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]?.en).toContain('between Clinic and Data centre');
      },
    },
    {
      name: 'a closed network is a secure network in the guideline\'s sense: low',
      edit: (w) => {
        onlyView(w);
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Closed network', kind: 'closed-network' } : n));
      },
      fires: ['transfer-eavesdropping@view/router>gateway'],
      check: ([r]) => expect(r?.likelihood.value).toBe(2),
    },
    {
      name: 'a VPN stated as unencrypted is a misconfiguration: moderate',
      edit: (w) => {
        onlyView(w);
        el(w, 'networks', 'vpn')['encrypted'] = false;
      },
      fires: ['transfer-eavesdropping@view/router>gateway'],
      check: ([r]) => expect(r?.likelihood.value).toBe(3),
    },
    {
      name: 'a termination-phase hand-over in the clear',
      edit: (w) => {
        w.flows = [{ id: 'handover', label: 'Hand over', phase: 'termination', who: 'operator', which: 'db', what: ['records'], how: ['migrate'], path: ['db', 'app-server'] }];
      },
      fires: ['transfer-eavesdropping@handover/db>app-server'],
      check: ([r]) => expect(r?.phases).toEqual(['termination']),
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

  // The example's cleartext hops all stay inside one site (2). The maintenance hop is SSH, which encrypts
  // on its own, so it does not fire.
  it('on the cloud-EHR example: the cleartext LAN hops inside the clinic and the data centre, all low', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    const risks = assess(model, walk(model), [rule], riskMatrix(model.riskMatrix));
    expect(risks.map((r) => r.id)).toEqual([
      'transfer-eavesdropping@app-logging/ehr-server>log-server',
      'transfer-eavesdropping@claims-print/clinic-router>printer',
      'transfer-eavesdropping@ehr-storage/ehr-server>backup-storage',
      'transfer-eavesdropping@intake/wireless-ap>clinic-router',
      'transfer-eavesdropping@lab-orders/lab-system>clinic-router',
    ]);
    expect(risks.every((r) => r.likelihood.value === 2)).toBe(true);
  });
});
