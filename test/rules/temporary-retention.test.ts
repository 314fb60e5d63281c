// temporary-retention: a temporary copy of medical information with no retention period (3); one risk per device.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/temporary-retention.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('temporary-retention', () => {
  ruleTable(rule, [
    {
      name: 'the database keeps the records it is sent temporarily, with no period',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'temporary' }]; },
      fires: ['temporary-retention@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['noPeriod']);
        expect(r?.messageId).toBe('outlives');
        expect(r?.data['data']).toEqual({ list: [{ ref: 'records' }] });
      },
    },
    {
      name: 'an agreed period: 30 days',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'temporary', retention: '30d' }]; },
      fires: [],
    },
    {
      name: 'a cache with no period is not a temporary copy (portable-cache and termination say what matters)',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: 'records', as: 'cache' }]; },
      fires: [],
    },
    {
      name: 'the record itself, with no retention on the device',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = ['records']; },
      fires: [],
    },
    {
      name: 'a temporary copy of other information only',
      edit: (w) => {
        el(w, 'devices', 'dev-server')['stores'] = [{ data: 'code', as: 'temporary' }];
      },
      fires: [],
    },
  ]);
});
