// log-retention-short: logs kept for less than the longest legal retention of the model's legal records
// (4), or with no retention stated (3); impact 3 for logs that may contain medical information, 4 with legal records.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/log-retention-short.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';
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
        expect(r?.messageId).toBe('tooShort');
        expect(r?.data).toEqual({
          store: { at: 'log-server' }, log: { ref: 'app-log' }, kept: { retention: '1y', days: 365 },
          record: { ref: 'records' }, legal: { retention: '5y', days: 1825 },
        });
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'keptLess', data: { kept: { retention: '1y' }, legal: { retention: '5y' } } });
        expect(codes(r!.impact)).toEqual(['mayHoldMedical', 'evidence']);
        expect(r?.impact.reasons[1]?.data).toEqual({ record: { ref: 'records' } });
        expect(r?.cia).toEqual(['I']);
      },
    },
    {
      name: 'log retention not stated',
      edit: (w) => { delete el(w, 'data', 'app-log')['retention']; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'unstated', data: { log: { ref: 'app-log' } } });
        expect(r?.messageId).toBe('retentionUnstated');
        expect(r?.data).toEqual({ store: { at: 'log-server' }, log: { ref: 'app-log' } });
      },
    },
    {
      name: 'records kept permanently outlast logs kept 10 years',
      edit: (w) => {
        el(w, 'data', 'records')['retention'] = 'permanent';
        el(w, 'data', 'app-log')['retention'] = '10y';
      },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.messageId).toBe('tooShort');
        expect(r?.data['legal']).toEqual({ retention: 'permanent', days: 'permanent' });
      },
    },
    {
      name: 'retention not stated and no legal records: impact 3',
      edit: (w) => { noLegalRecords(w); delete el(w, 'data', 'app-log')['retention']; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.impact.value).toBe(3);
        expect(codes(r!.impact)).toEqual(['mayHoldMedical']);
      },
    },
    {
      name: 'logs that hold medical information kept 1 year: impact 4 from the start',
      edit: (w) => { Object.assign(el(w, 'data', 'app-log'), { class: 'medical', retention: '1y' }); },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.impact.value).toBe(4);
        expect(codes(r!.impact)).toEqual(['holdsMedical']);
        expect(r?.messageId).toBe('tooShort');
      },
    },
    {
      name: 'records with no retention stated are taken as 5 years, and logs kept 1 year fall short of it',
      edit: (w) => { delete el(w, 'data', 'records')['retention']; el(w, 'data', 'app-log')['retention'] = '1y'; },
      fires: ['log-retention-short@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.messageId).toBe('tooShortAssumed');
        expect(r?.data).toEqual({ store: { at: 'log-server' }, log: { ref: 'app-log' }, kept: { retention: '1y', days: 365 }, record: { ref: 'records' } });
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'keptLessAssumed', data: { kept: { retention: '1y' } } });
      },
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
