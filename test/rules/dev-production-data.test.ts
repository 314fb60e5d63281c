// dev-production-data: medical information processed or stored on a development, test or staging device in
// the development phase (4, data masking lowers it to no less than 2); one risk per device.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/dev-production-data.js';
import { el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('dev-production-data', () => {
  ruleTable(rule, [
    {
      name: 'production records copied onto the development server',
      edit: (w) => { el(w, 'flows', 'dev')['what'] = ['code', 'records']; },
      fires: ['dev-production-data@dev-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({
          code: 'looserControls',
          data: { device: { at: 'dev-server' }, environment: { term: 'environment', key: 'development' } },
        });
        expect(r?.impact.value).toBe(4);
        expect(r?.cia).toEqual(['C']);
        expect(r?.messageId).toBe('leaks');
        expect(r?.data).toMatchObject({ device: { at: 'dev-server' }, data: { list: [{ ref: 'code' }, { ref: 'records' }] } });
      },
    },
    {
      name: 'a staging server that also stores them: one risk for the device, not one per segment',
      edit: (w) => {
        el(w, 'flows', 'dev')['what'] = ['records'];
        Object.assign(el(w, 'devices', 'dev-server'), { env: 'staging', roles: ['process', 'store'] });
      },
      fires: ['dev-production-data@dev-server'],
      check: ([r]) => {
        expect(r?.segments).toEqual(['dev/dev-server', 'dev/dev-terminal>dev-server']);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'looserControls', data: { environment: { term: 'environment', key: 'staging' } } });
      },
    },
    {
      name: 'masked data lowers the likelihood',
      edit: (w) => {
        el(w, 'flows', 'dev')['what'] = ['records'];
        el(w, 'devices', 'dev-server')['controls'] = ['data-masking'];
      },
      fires: ['dev-production-data@dev-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'control-in-place', data: { control: { term: 'control', key: 'data-masking' } } });
      },
    },
    {
      name: 'only program code in development (dummy data)',
      fires: [],
    },
    {
      name: 'the device is production, not a development environment',
      edit: (w) => {
        el(w, 'flows', 'dev')['what'] = ['records'];
        el(w, 'devices', 'dev-server')['env'] = 'production';
      },
      fires: [],
    },
    {
      name: 'the environment is not stated',
      edit: (w) => {
        el(w, 'flows', 'dev')['what'] = ['records'];
        delete el(w, 'devices', 'dev-server')['env'];
      },
      fires: [],
    },
    {
      name: 'the same flow in the operation phase',
      edit: (w) => { Object.assign(el(w, 'flows', 'dev'), { what: ['records'], phase: 'operation' }); },
      fires: [],
    },
  ]);

  it('raises nothing on the cloud-EHR example (its test environment uses dummy data)', () => {
    expect(exampleIds()).toEqual([]);
  });
});
