// input-injection: the seed example's input segment (①), illegitimate requests and SQL injection at the
// hop into processing; input validation and a WAF on the processing side lower it.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/input-injection.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('input-injection', () => {
  ruleTable(rule, [
    {
      name: 'a terminal sending medical records to an application server with no validation recorded',
      fires: ['input-injection@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.cia).toEqual(['C', 'I']);
        expect(r?.threat).toBe('tampering-destruction');
        expect(r?.messageId).toBe('crafted');
        expect(r?.data).toEqual({ entry: { at: 'terminal' }, target: { at: 'app-server' }, data: { list: [{ ref: 'records' }] } });
        expect(codes(r!.likelihood)).toEqual(['commonAttack']);
      },
    },
    {
      name: 'reachable from the internet: one more',
      edit: (w) => { el(w, 'devices', 'app-server')['exposure'] = 'internet'; },
      fires: ['input-injection@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toContain('internet-reachable');
      },
    },
    {
      name: 'input validation and a WAF on the server lower it to 1',
      edit: (w) => { el(w, 'devices', 'app-server')['controls'] = ['input-validation', 'waf']; },
      fires: ['input-injection@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(codes(r!.likelihood)).toEqual(['commonAttack', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'the controls on the terminal, not the server, change nothing',
      edit: (w) => { el(w, 'devices', 'terminal')['controls'] = ['input-validation']; },
      fires: ['input-injection@view/terminal>app-server'],
      check: ([r]) => expect(r?.likelihood.value).toBe(3),
    },
    {
      name: 'no device processes on the path: nothing receives requests',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'flows', 'view')['path'] = ['terminal'];
      },
      fires: [],
    },
    {
      name: 'only other information entered (the developer\'s code)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'who acts: the side that takes the input validates it',
      fires: ['input-injection@view/terminal>app-server'],
      check: ([r]) => expect(r?.responsibility.parties).toEqual(['provider']),
    },
    {
      name: 'an infrastructure provider is not asked for the application\'s input validation',
      edit: (w) => {
        w.system['forms'] = ['infrastructure'];
        for (const d of w.data) if (d['class'] === 'medical') d['class'] = 'may-contain-medical';
      },
      fires: [],
    },
  ]);
});
