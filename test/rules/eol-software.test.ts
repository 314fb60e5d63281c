// eol-software: a device past its end of support in an operation-phase input, processing or storage
// (4, +1 from the internet, -1 when isolated; patches do not lower it); one risk per device.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/eol-software.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('eol-software', () => {
  ruleTable(rule, [
    {
      name: 'an end-of-support app server, patched or not: one risk whatever flows reach it',
      edit: (w) => { Object.assign(el(w, 'devices', 'app-server'), { eol: true, controls: ['patch-management'] }); },
      fires: ['eol-software@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'noPatches', data: { device: { at: 'app-server' } } });
        expect(codes(r!.likelihood)).toEqual(['noPatches']);
        expect(r?.messageId).toBe('exploited');
        expect(r?.flows).toEqual(['print', 'view']);
        expect(r?.cia).toEqual(['C', 'I', 'A']);
      },
    },
    {
      name: 'an end-of-support terminal reachable from the internet',
      edit: (w) => { Object.assign(el(w, 'devices', 'terminal'), { eol: true, exposure: 'internet' }); },
      fires: ['eol-software@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['noPatches', 'internet-reachable']);
      },
    },
    {
      name: 'an isolated end-of-support database',
      edit: (w) => { Object.assign(el(w, 'devices', 'db'), { eol: true, exposure: 'isolated' }); },
      fires: ['eol-software@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'isolated', data: { device: { at: 'db' } }, delta: -1 });
      },
    },
    {
      name: 'nothing past its end of support',
      fires: [],
    },
    {
      name: 'an end-of-support development server, used only in development',
      edit: (w) => { el(w, 'devices', 'dev-server')['eol'] = true; },
      fires: [],
    },
    {
      name: 'an end-of-support printer (print is not a segment the rule reads)',
      edit: (w) => { el(w, 'devices', 'printer')['eol'] = true; },
      fires: [],
    },
    {
      name: 'a database past its end of support behind an exposed app server: the app server is reached, the database is not',
      edit: (w) => {
        el(w, 'devices', 'db')['eol'] = true;
        el(w, 'devices', 'app-server')['exposure'] = 'internet';
      },
      fires: ['eol-software@db'],
      check: ([r]) => expect(codes(r!.likelihood)).toEqual(['noPatches']),
    },
  ]);

  it('raises nothing on the cloud-EHR example (no device is past its end of support)', () => {
    expect(exampleIds()).toEqual([]);
  });
});
