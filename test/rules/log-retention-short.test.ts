// log-retention-short: logs kept for less than the longest legal retention of the model's legal records
// (4), or with no retention stated (3); impact 3 for logs that may contain medical information, 4 with legal records.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/log-retention-short.js';
import { el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

const noLegalRecords = (w: World): void => {
  for (const d of w.data) delete d['legal-record'];
};

describe('log-retention-short', () => {
  ruleTable(rule, [
    {
      name: 'logs kept 1 year, records 5 years',
      edit: (w) => { el(w, 'data', 'app-log')['retention'] = '1y'; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.impact.value).toBe(4);
        expect(r?.message.en).toContain('kept for 1 year, less than the legal retention of Records (5 years)');
        expect(r?.cia).toEqual(['I']);
      },
    },
    {
      name: 'log retention not stated',
      edit: (w) => { delete el(w, 'data', 'app-log')['retention']; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]?.en).toContain('not stated');
      },
    },
    {
      name: 'records kept permanently outlast logs kept 10 years',
      edit: (w) => {
        el(w, 'data', 'records')['retention'] = 'permanent';
        el(w, 'data', 'app-log')['retention'] = '10y';
      },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => expect(r?.message.ja).toContain('永年'),
    },
    {
      name: 'retention not stated and no legal records: impact 3',
      edit: (w) => { noLegalRecords(w); delete el(w, 'data', 'app-log')['retention']; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => expect(r?.impact.value).toBe(3),
    },
    {
      name: 'logs kept as long as the records (5 years each)',
      fires: [],
    },
    {
      name: 'logs kept permanently',
      edit: (w) => {
        el(w, 'data', 'records')['retention'] = 'permanent';
        el(w, 'data', 'app-log')['retention'] = 'permanent';
      },
      fires: [],
    },
    {
      name: 'a short retention with no legal records to outlast',
      edit: (w) => { noLegalRecords(w); el(w, 'data', 'app-log')['retention'] = '1y'; },
      fires: [],
    },
    {
      name: 'logging only in the development phase',
      edit: (w) => { Object.assign(el(w, 'data', 'app-log'), { retention: '1y' }); el(w, 'flows', 'logs')['phase'] = 'development'; },
      fires: [],
    },
  ]);

  it('raises nothing on the cloud-EHR example (logs kept 5 years, as long as the records)', () => {
    expect(exampleIds()).toEqual([]);
  });
});
