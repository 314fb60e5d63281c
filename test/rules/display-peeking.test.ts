// display-peeking: every screen that shows medical information (development and operation) can be read
// over a shoulder or left signed in: 3, +1 in a public place, -1 per privacy filter, screen lock, auto-logout.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/display-peeking.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('display-peeking', () => {
  ruleTable(rule, [
    {
      name: 'the doctor\'s terminal shows medical records, with no screen controls',
      fires: ['display-peeking@view/terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.cia).toEqual(['C']);
        expect(r?.messageId).toBe('peeked');
        expect(r?.data).toEqual({ screen: { at: 'terminal' }, data: { list: [{ ref: 'records' }] } });
        expect(codes(r!.likelihood)).toEqual(['screensSeen']);
      },
    },
    {
      name: 'a screen in a place open to the public is more likely to be read',
      edit: (w) => { el(w, 'locations', 'exam-room')['public'] = true; },
      fires: ['display-peeking@view/terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'public', data: { location: { ref: 'exam-room' } }, delta: 1 });
      },
    },
    {
      name: 'privacy filter and screen lock bring it to 1, and auto-logout has nothing left to take',
      edit: (w) => { el(w, 'devices', 'terminal')['controls'] = ['auto-logout', 'screen-lock', 'privacy-filter']; },
      fires: ['display-peeking@view/terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(codes(r!.likelihood)).toEqual(['screensSeen', 'control-in-place', 'control-in-place']);
        expect(r?.likelihood.reasons.slice(1).map((x) => x.data)).toEqual([
          { control: { term: 'control', key: 'privacy-filter' } },
          { control: { term: 'control', key: 'screen-lock' } },
        ]);
      },
    },
    {
      name: 'a development-phase screen showing medical information',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'flows', 'dev')['what'] = ['records'];
      },
      fires: ['display-peeking@dev/dev-terminal'],
      check: ([r]) => expect(r?.phases).toEqual(['development']),
    },
    {
      name: 'the developer\'s screen shows only code (other information)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'printing, logging and erasing put nothing on a screen',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] !== 'view' && f['id'] !== 'dev'); },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: the five screens showing medical information (the lab system included)', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([
      'display-peeking@billing-reception/billing-terminal',
      'display-peeking@exam-records/ehr-terminal',
      'display-peeking@intake/intake-tablet',
      'display-peeking@lab-orders/lab-system',
      'display-peeking@production-maintenance/dev-terminal',
    ]);
  });
});
