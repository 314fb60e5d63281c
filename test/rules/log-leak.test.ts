// log-leak: the seed example's logging segment (④), personal data leaking through logs; masking (at the
// source or the log server) and access control lower it.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/log-leak.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('log-leak', () => {
  ruleTable(rule, [
    {
      name: 'application logs that may contain medical information, sent to the log server',
      fires: ['log-leak@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.impact.value).toBe(3);
        expect(r?.cia).toEqual(['C']);
        expect(r?.messageId).toBe('leaks');
        expect(r?.data).toEqual({ logs: { at: 'log-server' }, data: { list: [{ ref: 'app-log' }] } });
        expect(codes(r!.likelihood)).toEqual(['widelyRead']);
      },
    },
    {
      name: 'masking at the source and access control on the log server',
      edit: (w) => {
        el(w, 'devices', 'app-server')['controls'] = ['log-masking'];
        el(w, 'devices', 'log-server')['controls'] = ['access-control'];
      },
      fires: ['log-leak@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(codes(r!.likelihood)).toEqual(['widelyRead', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'logs that hold medical information have more impact',
      edit: (w) => { el(w, 'data', 'app-log')['class'] = 'medical'; },
      fires: ['log-leak@logs/app-server>log-server'],
      check: ([r]) => expect(r?.impact.value).toBe(4),
    },
    {
      name: 'logs of other information only (device settings)',
      edit: (w) => { el(w, 'data', 'app-log')['class'] = 'other'; },
      fires: [],
    },
    {
      name: 'no log device on any path',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] !== 'logs'); },
      fires: [],
    },
    {
      name: 'log masking on the writer and on the log server counts once',
      edit: (w) => {
        el(w, 'devices', 'app-server')['controls'] = ['log-masking'];
        el(w, 'devices', 'log-server')['controls'] = ['log-masking'];
      },
      fires: ['log-leak@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['widelyRead', 'control-in-place']);
      },
    },
    {
      name: 'who acts: what goes into a log is decided where it is written, so the writer answers with the log server',
      edit: (w) => {
        (w as unknown as { parties: unknown[] }).parties = [{ id: 'vendor', label: 'Vendor', kind: 'provider' }];
        el(w, 'devices', 'app-server')['supplier'] = 'vendor';
        el(w, 'devices', 'app-server')['operator'] = 'institution';
        el(w, 'devices', 'log-server')['operator'] = 'institution';
      },
      fires: ['log-leak@logs/app-server>log-server'],
      check: ([r]) => {
        expect(r?.responsibility.parties).toEqual(['vendor', 'institution']);
        expect(r?.responsibility.basis).toContainEqual({ element: 'app-server', operator: 'vendor', role: 'supplies' });
      },
    },
  ]);
});
