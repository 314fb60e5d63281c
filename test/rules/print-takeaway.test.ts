// print-takeaway: every print of medical information in operation can be left at or taken from the
// printer: 3, +1 when the printer stands in a public place, -1 each for secure print, print log, clean desk.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/print-takeaway.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('print-takeaway', () => {
  ruleTable(rule, [
    {
      name: 'the clerk prints claims at the reception printer',
      fires: ['print-takeaway@print/printer'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.impact.value).toBe(4);
        expect(r?.cia).toEqual(['C']);
        expect(codes(r!.likelihood)).toEqual(['leftAtPrinter']);
        expect(r?.messageId).toBe('leftOrTaken');
        expect(r?.data).toMatchObject({ printer: { at: 'printer' } });
      },
    },
    {
      name: 'a printer in a place open to the public',
      edit: (w) => { el(w, 'locations', 'reception')['public'] = true; },
      fires: ['print-takeaway@print/printer'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['leftAtPrinter', 'public']);
        expect(r?.likelihood.reasons[1]?.data).toEqual({ location: { ref: 'reception' } });
      },
    },
    {
      name: 'secure print, print log and a clean desk: down to 1, and no lower',
      edit: (w) => {
        el(w, 'devices', 'printer')['controls'] = ['print-log', 'secure-print'];
        el(w, 'locations', 'reception')['controls'] = ['clean-desk'];
      },
      fires: ['print-takeaway@print/printer'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.likelihood.reasons.slice(1).map((x) => [x.code, x.data])).toEqual([
          ['control-in-place', { control: { term: 'control', key: 'secure-print' } }],
          ['control-in-place', { control: { term: 'control', key: 'print-log' } }],
        ]);
      },
    },
    {
      name: 'a clean desk alone where the printer stands',
      edit: (w) => { el(w, 'locations', 'reception')['controls'] = ['clean-desk']; },
      fires: ['print-takeaway@print/printer'],
      check: ([r]) => expect(r?.likelihood.value).toBe(2),
    },
    {
      name: 'printing other information (code)',
      edit: (w) => { el(w, 'flows', 'print')['what'] = ['code']; },
      fires: [],
    },
    {
      name: 'printing in the development phase',
      edit: (w) => { el(w, 'flows', 'print')['phase'] = 'development'; },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: the claims printed at reception', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual(['print-takeaway@claims-print/printer']);
  });
});
