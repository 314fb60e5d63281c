// outage-single-point: a production (or unstated) processing device without redundancy stops care when
// it fails (3; device monitoring and the site's redundant power and network lower it); one risk per device.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/outage-single-point.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('outage-single-point', () => {
  ruleTable(rule, [
    {
      name: 'the production app server, reached by the view and print flows',
      fires: ['outage-single-point@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['noRedundancy']);
        expect(r?.likelihood.reasons[0]).toMatchObject({ data: { device: { at: 'app-server' } } });
        expect(r?.messageId).toBe('stops');
        expect(r?.flows).toEqual(['print', 'view']);
        expect(r?.cia).toEqual(['A']);
      },
    },
    {
      name: 'monitoring and redundant power lower it to 1',
      edit: (w) => {
        el(w, 'devices', 'app-server')['controls'] = ['monitoring'];
        el(w, 'sites', 'dc')['controls'] = ['redundant-power', 'redundant-network'];
      },
      fires: ['outage-single-point@app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(codes(r!.likelihood)).toEqual(['noRedundancy', 'control-in-place', 'control-in-place']);
        expect(r?.likelihood.reasons[2]).toMatchObject({ code: 'control-in-place', data: { control: { term: 'control', key: 'redundant-power' } } });
      },
    },
    {
      name: 'an unstated environment counts as production',
      edit: (w) => { delete el(w, 'devices', 'app-server')['env']; },
      fires: ['outage-single-point@app-server'],
    },
    {
      name: 'a redundant app server is no single point',
      edit: (w) => { el(w, 'devices', 'app-server')['controls'] = ['redundancy']; },
      fires: [],
    },
    {
      name: 'a staging server is not production (and the dev server is only in development)',
      edit: (w) => { el(w, 'devices', 'app-server')['env'] = 'staging'; },
      fires: [],
    },
    {
      name: 'a production server that handles only other information (code) does not stop care',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'devices', 'dev-server')['env'] = 'production';
        w.system['phases'] = ['operation', 'development'];
        el(w, 'flows', 'dev')['phase'] = 'operation';
        w.media = [];
      },
      fires: [],
    },
  ]);

  it('raises the processing devices without redundancy on the cloud-EHR example', () => {
    expect(exampleIds()).toEqual(['outage-single-point@billing-server', 'outage-single-point@ehr-server', 'outage-single-point@lab-system']);
  });
});
