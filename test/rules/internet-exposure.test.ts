// internet-exposure: a device of an input, processing or storage segment, or network equipment a hop
// relays through, reachable from the internet; 4, +1 past end of support, +1 when its own sign-in is none
// or single-factor (unstated adds nothing), each of WAF, IDS/IPS, patch management, scanning and EDR one
// off (not below 3: grade 2 needs a device that is not exposed). One risk per device.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/internet-exposure.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

describe('internet-exposure', () => {
  ruleTable(rule, [
    {
      name: 'the app server reachable from the internet: likely, one risk across its input, processing and storage segments',
      edit: (w) => { el(w, 'devices', 'app-server')['exposure'] = 'internet'; },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        // Its authentication is not stated: that adds nothing.
        expect(r?.likelihood.reasons.map((x) => [x.code, x.data])).toEqual([['exposed', { device: { at: 'app-server' } }]]);
        expect(r?.messageId).toBe('brokenInto');
        expect(r?.cia).toEqual(['C', 'I', 'A']);
        expect(r?.segments).toEqual(['print/app-server', 'view/app-server', 'view/app-server>db', 'view/terminal>app-server']);
      },
    },
    {
      name: 'exposed and past end of support: very likely',
      edit: (w) => { Object.assign(el(w, 'devices', 'app-server'), { exposure: 'internet', eol: true }); },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'eol', data: { device: { at: 'app-server' } }, delta: 1 });
      },
    },
    {
      name: 'every control in place lowers it, but not below 3 (grade 2 needs a device that is not exposed)',
      edit: (w) => {
        Object.assign(el(w, 'devices', 'db'), { exposure: 'internet', controls: ['waf', 'ids-ips', 'patch-management', 'vulnerability-scan', 'edr'] });
      },
      fires: ['internet-exposure@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons.map((x) => [x.code, x.data])).toEqual([
          ['exposed', { device: { at: 'db' } }],
          ['control-in-place', { control: { term: 'control', key: 'waf' } }],
        ]);
      },
    },
    {
      name: 'an exposed terminal with single-factor sign-in: very likely',
      edit: (w) => { el(w, 'devices', 'terminal')['exposure'] = 'internet'; },
      fires: ['internet-exposure@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[1]).toMatchObject({
          code: 'singleFactor', data: { device: { at: 'terminal' }, factors: { list: [{ term: 'authFactor', key: 'password' }] } },
        });
      },
    },
    {
      name: 'an exposed server with no authentication: very likely',
      edit: (w) => { Object.assign(el(w, 'devices', 'app-server'), { exposure: 'internet', auth: 'none' }); },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'noAuth', data: { device: { at: 'app-server' } } });
      },
    },
    {
      name: 'multi-factor sign-in on the exposed device adds nothing',
      edit: (w) => { Object.assign(el(w, 'devices', 'terminal'), { exposure: 'internet', auth: ['password', 'otp'] }); },
      fires: ['internet-exposure@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
      },
    },
    {
      name: 'past end of support and single-factor: held at 5, and the controls still stop at 3',
      edit: (w) => {
        Object.assign(el(w, 'devices', 'app-server'), {
          exposure: 'internet', eol: true, auth: 'password', controls: ['waf', 'ids-ips', 'patch-management', 'vulnerability-scan', 'edr'],
        });
      },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons.map((x) => [x.delta, x.value])).toEqual([[null, 4], [1, 5], [1, 5], [-1, 4], [-1, 3]]);
        expect(codes(r!.likelihood)).toEqual(['exposed', 'eol', 'singleFactor', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'patch management does not count past end of support',
      edit: (w) => {
        Object.assign(el(w, 'devices', 'app-server'), { exposure: 'internet', eol: true, controls: ['patch-management', 'edr'] });
      },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons.map((x) => x.data)).not.toContainEqual({ control: { term: 'control', key: 'patch-management' } });
        expect(r?.likelihood.reasons.map((x) => x.data)).toContainEqual({ control: { term: 'control', key: 'edr' } });
      },
    },
    {
      name: 'an exposed development server with only other information: the system itself is the target',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'devices', 'dev-server')['exposure'] = 'internet';
      },
      fires: ['internet-exposure@dev-server'],
      check: ([r]) => {
        expect(r?.phases).toEqual(['development']);
        expect(r?.impact.value).toBe(2);
      },
    },
    {
      name: 'nothing exposed (the base world)',
      fires: [],
    },
    {
      name: 'an exposed database reached only at contract termination',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'erase');
        el(w, 'devices', 'db')['exposure'] = 'internet';
      },
      fires: [],
    },
    {
      name: 'an exposed relay (the clinic VPN gateway) is read on the hops it relays: one risk for the device',
      edit: (w) => { el(w, 'devices', 'router')['exposure'] = 'internet'; },
      fires: ['internet-exposure@router'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons.map((x) => [x.code, x.data])).toEqual([['exposed', { device: { at: 'router' } }]]);
        expect(r?.segment).toBe('transfer');
        expect(r?.segments).toEqual(['print/gateway>router', 'print/router>printer', 'view/router>gateway', 'view/terminal>router']);
      },
    },
    {
      name: 'an exposed firewall with single-factor administration: very likely',
      edit: (w) => { Object.assign(el(w, 'devices', 'gateway'), { exposure: 'internet', auth: 'password' }); },
      fires: ['internet-exposure@gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[1]).toMatchObject({
          code: 'singleFactor', data: { device: { at: 'gateway' }, factors: { list: [{ term: 'authFactor', key: 'password' }] } },
        });
      },
    },
    {
      name: 'a relay stated as internal',
      edit: (w) => {
        el(w, 'devices', 'router')['exposure'] = 'internal';
        el(w, 'devices', 'gateway')['exposure'] = 'internal';
      },
      fires: [],
    },
    {
      name: 'an exposed relay whose hops carry development work only is still read (the system itself is the target)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        w.devices.push({ id: 'dev-fw', label: 'Dev firewall', kind: 'firewall', at: 'dev-room', exposure: 'internet' });
        w.links = w.links.filter((l) => l['from'] !== 'dev-terminal');
        w.links.push({ from: 'dev-terminal', to: 'dev-fw', network: 'dc-lan', protocol: 'ssh' }, { from: 'dev-fw', to: 'dev-server', network: 'dc-lan', protocol: 'ssh' });
        el(w, 'flows', 'dev')['path'] = ['dev-terminal', 'dev-fw', 'dev-server'];
      },
      fires: ['internet-exposure@dev-fw'],
      check: ([r]) => {
        expect(r?.phases).toEqual(['development']);
        expect(r?.impact.value).toBe(2);
      },
    },
  ]);

  it('on the cloud-EHR example: no device is exposed, nothing raised', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    expect(analyse(model, [rule]).risks.map((r) => r.id)).toEqual([]);
  });
});
