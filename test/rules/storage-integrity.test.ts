// storage-integrity: the seed example's storage segment (③), unauthorised writes and loss; access
// control and encryption at rest lower it, no backup raises it.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/storage-integrity.js';
import { el, ruleTable } from '../helpers/rule-table.js';

describe('storage-integrity', () => {
  ruleTable(rule, [
    {
      name: 'records written to the database with no backup recorded',
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons.at(-1)?.en).toContain('no backup');
        expect(r?.cia).toEqual(['I', 'A']);
      },
    },
    {
      name: 'access control, encryption at rest and a backup',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['access-control', 'encryption-at-rest', 'backup']; },
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => expect(r?.likelihood.value).toBe(1),
    },
    {
      name: 'legal records at stake raise the impact',
      fires: ['storage-integrity@view/app-server>db'],
      check: ([r]) => expect(r?.impact.reasons.map((x) => x.en)).toContain('includes records the law requires to be kept (authenticity, preservation)'),
    },
    {
      name: 'a view-only flow stores nothing',
      edit: (w) => { el(w, 'flows', 'view')['how'] = ['view']; },
      fires: [],
    },
    {
      name: 'storing only other information (code on the dev server)',
      edit: (w) => {
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
  ]);
});
