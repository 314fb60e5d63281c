// internet-exposure: a device of an input, processing or storage segment reachable from the internet;
// 4, +1 past end of support, each of WAF, IDS/IPS, patch management, scanning and EDR one off (not below 2). One risk per device.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/internet-exposure.js';
import { assess } from '../../src/engine.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io.js';
import { riskMatrix } from '../../src/score.js';
import { walk } from '../../src/walk.js';
import { el, ruleTable } from '../helpers/rule-table.js';

describe('internet-exposure', () => {
  ruleTable(rule, [
    {
      name: 'the app server reachable from the internet: likely, one risk across its input, processing and storage segments',
      edit: (w) => { el(w, 'devices', 'app-server')['exposure'] = 'internet'; },
      fires: ['internet-exposure@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]?.en).toBe('App server (Server room) is reachable from the internet');
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
        expect(r?.likelihood.reasons[1]?.en).toContain('end of support');
      },
    },
    {
      name: 'every control in place lowers it, but not below 2',
      edit: (w) => {
        Object.assign(el(w, 'devices', 'db'), { exposure: 'internet', controls: ['waf', 'ids-ips', 'patch-management', 'vulnerability-scan', 'edr'] });
      },
      fires: ['internet-exposure@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons.map((x) => x.en)).toEqual([
          'Database (Server room) is reachable from the internet',
          'control in place: WAF',
          'control in place: IDS/IPS',
        ]);
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
        expect(r?.likelihood.reasons.map((x) => x.en)).not.toContain('control in place: patch management');
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
      name: 'an exposed relay (the clinic router) is in no input, processing or storage segment',
      edit: (w) => { el(w, 'devices', 'router')['exposure'] = 'internet'; },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: no device is exposed, nothing raised', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    expect(assess(model, walk(model), [rule], riskMatrix(model.riskMatrix)).map((r) => r.id)).toEqual([]);
  });
});
