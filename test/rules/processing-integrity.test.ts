// processing-integrity: the seed example's processing segment (②), privilege bugs, insider misuse and
// logic flaws; least privilege, separation of duties, review and access control lower it.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/processing-integrity.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('processing-integrity', () => {
  ruleTable(rule, [
    {
      name: 'the application server processing records and claims, with nothing in place',
      fires: ['processing-integrity@print/app-server', 'processing-integrity@view/app-server'],
      check: (risks) => {
        for (const r of risks) {
          expect(r.likelihood.value).toBe(3);
          expect(codes(r.likelihood)).toEqual(['laxPrivileges']);
          expect(r.messageId).toBe('changed');
          expect(r.data).toMatchObject({ device: { at: 'app-server' } });
          expect(r.cia).toEqual(['I']);
        }
      },
    },
    {
      name: 'each control in place takes one off, down to 1',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'devices', 'app-server')['controls'] = ['least-privilege', 'separation-of-duties', 'code-review', 'access-control'];
      },
      fires: ['processing-integrity@view/app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.likelihood.reasons).toHaveLength(3);
        expect(codes(r!.likelihood)).toEqual(['laxPrivileges', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'a low-volume flow has less impact',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'view');
        el(w, 'flows', 'view')['volume'] = 'low';
      },
      fires: ['processing-integrity@view/app-server'],
      check: ([r]) => expect(codes(r!.impact)).toContain('volume-low'),
    },
    {
      name: 'processing only other information (the developer\'s code)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'a flow of logs is not processed at the server that writes them',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'logs'); },
      fires: [],
    },
    {
      name: 'an infrastructure provider is not asked about the application\'s logic',
      edit: (w) => {
        w.system['forms'] = ['infrastructure'];
        for (const d of w.data) if (d['class'] === 'medical') d['class'] = 'may-contain-medical';
      },
      fires: [],
    },
  ]);
});
