// input-spoofing: the seed example's input segment (①). Fires on every input of medical information;
// authentication sets the likelihood.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/input-spoofing.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('input-spoofing', () => {
  ruleTable(rule, [
    {
      name: 'a single-factor terminal entering medical records',
      fires: ['input-spoofing@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['singleFactor']);
        expect(r?.messageId).toBe('spoofed');
        expect(r?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'no authentication in a public waiting room: very likely',
      edit: (w) => {
        el(w, 'devices', 'terminal')['auth'] = 'none';
        el(w, 'locations', 'exam-room')['public'] = true;
      },
      fires: ['input-spoofing@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(codes(r!.likelihood)).toEqual(['noAuth', 'public']);
      },
    },
    {
      name: 'multi-factor authentication lowers the likelihood to 2, and access control does not go below it',
      edit: (w) => {
        el(w, 'devices', 'terminal')['auth'] = ['password', 'ic-card'];
        el(w, 'devices', 'app-server')['controls'] = ['access-control'];
      },
      fires: ['input-spoofing@view/terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['multiFactor']);
      },
    },
    {
      name: 'unstated authentication is taken as single-factor, and says so',
      edit: (w) => { delete el(w, 'devices', 'terminal')['auth']; },
      fires: ['input-spoofing@view/terminal>app-server'],
      check: ([r]) => expect(codes(r!.likelihood)).toEqual(['authUnstated']),
    },
    {
      name: 'only other information is entered (the developer\'s code)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'a flow nobody handles has no input',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'logs'); },
      fires: [],
    },
  ]);
});
