// paper-disposal: printouts, and the memos used to enter, edit or create medical information, thrown away
// improperly (operation): 3 on print segments, 2 on input segments of such flows (memos are occasional and
// small), -1 for a clean desk (not below 1).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/paper-disposal.js';
import { el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('paper-disposal', () => {
  ruleTable(rule, [
    {
      name: 'the printed claims, and the memos behind the doctor\'s edits',
      fires: ['paper-disposal@print/printer', 'paper-disposal@view/terminal>app-server'],
      check: (risks) => {
        const print = risks.find((r) => r.segment === 'print');
        const input = risks.find((r) => r.segment === 'input');
        expect(print?.likelihood.value).toBe(3);
        expect(input?.likelihood.value).toBe(2);
        expect(print?.likelihood.reasons[0]?.code).toBe('printoutsDiscarded');
        expect(print?.messageId).toBe('printoutsSeen');
        expect(print?.data).toMatchObject({ device: { at: 'printer' }, data: { list: [{ ref: 'claims' }] } });
        expect(input?.likelihood.reasons[0]?.code).toBe('memosDiscarded');
        expect(input?.messageId).toBe('memosSeen');
        expect(input?.data).toMatchObject({ device: { at: 'terminal' }, data: { list: [{ ref: 'records' }] } });
      },
    },
    {
      name: 'a doctor who only views writes no memos; the print still counts',
      edit: (w) => { el(w, 'flows', 'view')['how'] = ['view']; },
      fires: ['paper-disposal@print/printer'],
    },
    {
      name: 'creating records needs memos too',
      edit: (w) => { el(w, 'flows', 'view')['how'] = ['create']; },
      fires: ['paper-disposal@print/printer', 'paper-disposal@view/terminal>app-server'],
    },
    {
      name: 'a clean desk where the paper is used lowers each by one: printouts to 2, memos to 1',
      edit: (w) => {
        el(w, 'locations', 'reception')['controls'] = ['clean-desk'];
        el(w, 'locations', 'exam-room')['controls'] = ['clean-desk'];
      },
      fires: ['paper-disposal@print/printer', 'paper-disposal@view/terminal>app-server'],
      check: (risks) => {
        expect(risks.find((r) => r.segment === 'print')?.likelihood.value).toBe(2);
        expect(risks.find((r) => r.segment === 'input')?.likelihood.value).toBe(1);
        for (const r of risks) expect(r.likelihood.reasons[1]).toMatchObject({ code: 'control-in-place', data: { control: { term: 'control', key: 'clean-desk' } } });
      },
    },
    {
      name: 'printing and editing only other information (code)',
      edit: (w) => {
        el(w, 'flows', 'print')['what'] = ['code'];
        el(w, 'flows', 'view')['what'] = ['code'];
      },
      fires: [],
    },
    {
      name: 'editing medical information in the development phase',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        Object.assign(el(w, 'flows', 'dev'), { what: ['records'], how: ['edit'] });
      },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: only the printed claims (the example\'s users view and operate, writing no memos)', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual(['paper-disposal@claims-print/printer']);
  });
});
