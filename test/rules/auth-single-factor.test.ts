// auth-single-factor: the guideline's multi-factor requirement on each device people sign in to for
// medical information (one risk per device): none 5, single-factor 4, unstated 4 (taken as single-factor);
// +1 when reachable from the internet, -1 when the device is isolated; nothing else moves it.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/auth-single-factor.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

describe('auth-single-factor', () => {
  ruleTable(rule, [
    {
      name: 'a password-only terminal for medical records: likely, one risk for its input and display',
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({
          code: 'singleFactor',
          data: { entry: { at: 'terminal' }, factors: { list: [{ term: 'authFactor', key: 'password' }] } },
        });
        expect(r?.segments).toEqual(['view/terminal', 'view/terminal>app-server']);
        expect(r?.messageId).toBe('spoofedSingleFactor');
        expect(r?.threat).toBe('unauthorised-access');
        expect(r?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'no authentication: very likely',
      edit: (w) => { el(w, 'devices', 'terminal')['auth'] = 'none'; },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['noAuth']);
        expect(r?.messageId).toBe('spoofedNoAuth');
      },
    },
    {
      name: 'authentication not stated: taken as single-factor, likely, and says so',
      edit: (w) => { delete el(w, 'devices', 'terminal')['auth']; },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'authUnstated', data: { entry: { at: 'terminal' } } });
        expect(r?.messageId).toBe('spoofedUnstated');
      },
    },
    {
      name: 'reachable from the internet (the VPN replaced by the internet): one higher',
      edit: (w) => {
        w.networks = w.networks.map((n) => (n['id'] === 'vpn' ? { id: 'vpn', label: 'Internet', kind: 'internet', encrypted: true } : n));
      },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons.map((x) => [x.delta, x.code])).toEqual([
          [null, 'singleFactor'],
          [1, 'internet-reachable'],
        ]);
      },
    },
    {
      name: 'unstated authentication on a terminal exposed to the internet: very likely',
      edit: (w) => {
        const terminal = el(w, 'devices', 'terminal');
        delete terminal['auth'];
        terminal['exposure'] = 'internet';
      },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['authUnstated', 'internet-reachable']);
      },
    },
    {
      name: 'an isolated stand-alone terminal with a password: one lower',
      edit: (w) => {
        w.devices.push({ id: 'standalone', label: 'Stand-alone PC', kind: 'terminal', at: 'exam-room', auth: 'password', exposure: 'isolated' });
        w.flows = [{ id: 'local', label: 'The doctor writes records on a stand-alone PC', phase: 'operation', who: 'doctor', which: 'standalone', what: ['records'], how: ['view', 'edit'], path: ['standalone'] }];
      },
      fires: ['auth-single-factor@standalone'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[1]?.delta).toBe(-1);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'isolated', data: { entry: { at: 'standalone' } } });
      },
    },
    {
      name: 'two possession factors are still one factor type; a public room adds nothing here',
      edit: (w) => {
        el(w, 'devices', 'terminal')['auth'] = ['ic-card', 'certificate'];
        el(w, 'locations', 'exam-room')['public'] = true;
      },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
      },
    },
    {
      name: 'multi-factor authentication (password and IC card)',
      edit: (w) => { el(w, 'devices', 'terminal')['auth'] = ['password', 'ic-card']; },
      fires: [],
    },
    {
      name: 'a password-only terminal used for other information only (the developer\'s code)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'devices', 'dev-terminal')['auth'] = 'password';
      },
      fires: [],
    },
    {
      name: 'a flow nobody signs in to (the app server\'s logs)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'logs'); },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: the intake tablets (no authentication), the billing terminals and the lab system (password)', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    const risks = analyse(model, [rule]).risks;
    expect(risks.map((r) => [r.id, r.likelihood.value])).toEqual([
      ['auth-single-factor@billing-terminal', 4],
      ['auth-single-factor@intake-tablet', 5],
      ['auth-single-factor@lab-system', 4],
    ]);
  });
});
