// disposal-no-evidence: at contract termination, an erase or dispose flow whose device has no erasure
// certificate (3, +1 without secure erasure), a medium disposed of without one (+1 without physical
// destruction or secure erasure), or a medium returned to the institution without a hand-over record.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/disposal-no-evidence.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('disposal-no-evidence', () => {
  ruleTable(rule, [
    {
      name: 'the operator erases the database with neither erasure certificate nor secure erasure',
      fires: ['disposal-no-evidence@erase/db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['noCertificate', 'noSecureErase']);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'noSecureErase', data: { device: { at: 'db' } } });
        expect(r?.messageId).toBe('erased');
        expect(r?.cia).toEqual(['C']);
        expect(r?.phases).toEqual(['termination']);
      },
    },
    {
      name: 'secure erasure without a certificate: 3',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['secure-erase']; },
      fires: ['disposal-no-evidence@erase/db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['noCertificate']);
      },
    },
    {
      name: 'an erasure certificate is the evidence',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['erasure-certificate']; },
      fires: [],
    },
    {
      name: 'a flow that returns the data without erasing it is not a disposal',
      edit: (w) => { el(w, 'flows', 'erase')['how'] = ['export', 'return']; },
      fires: [],
    },
    {
      name: 'erasing only other information (code)',
      edit: (w) => { el(w, 'flows', 'erase')['what'] = ['code']; },
      fires: [],
    },
    {
      name: 'the tape, disposed of at a third party at termination, with no certificate and no destruction',
      edit: (w) => {
        el(w, 'devices', 'db')['controls'] = ['erasure-certificate'];
        el(w, 'media', 'tape')['phases'] = ['termination'];
      },
      fires: ['disposal-no-evidence@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['mediumNoCertificate', 'mediumNoDestruction']);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'mediumNoDestruction', data: { medium: { ref: 'tape' } } });
        expect(r?.messageId).toBe('disposed');
      },
    },
    {
      name: 'the tape physically destroyed, but no certificate: 3',
      edit: (w) => {
        el(w, 'devices', 'db')['controls'] = ['erasure-certificate'];
        Object.assign(el(w, 'media', 'tape'), { phases: ['termination'], controls: ['physical-destruction'] });
      },
      fires: ['disposal-no-evidence@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['mediumNoCertificate']);
      },
    },
    {
      name: 'the tape destroyed with a certificate',
      edit: (w) => {
        el(w, 'devices', 'db')['controls'] = ['erasure-certificate'];
        Object.assign(el(w, 'media', 'tape'), { phases: ['termination'], controls: ['physical-destruction', 'erasure-certificate'] });
      },
      fires: [],
    },
    {
      name: 'a medium handed back to the clinic without a hand-over record',
      edit: (w) => {
        el(w, 'devices', 'db')['controls'] = ['erasure-certificate'];
        Object.assign(el(w, 'media', 'tape'), { to: 'reception', phases: ['termination'], controls: ['erasure-certificate'] });
      },
      fires: ['disposal-no-evidence@tape/server-room>reception'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]).toMatchObject({
          code: 'noHandover', data: { medium: { ref: 'tape' }, location: { ref: 'reception' }, site: { ref: 'clinic' } },
        });
        expect(r?.messageId).toBe('returned');
      },
    },
    {
      name: 'a medium handed back to the clinic with a hand-over record (no erasure certificate is asked of a return)',
      edit: (w) => {
        el(w, 'devices', 'db')['controls'] = ['erasure-certificate'];
        Object.assign(el(w, 'media', 'tape'), { to: 'reception', phases: ['termination'], controls: ['handover-record'] });
      },
      fires: [],
    },
    {
      name: 'the institution erases its own terminal at termination: its own evidence, not the provider\'s',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] !== 'erase');
        el(w, 'devices', 'terminal')['stores'] = ['records'];
        w.flows.push({ id: 'wipe', label: 'The clinic wipes its terminal', phase: 'termination', who: 'doctor', which: 'terminal', what: ['records'], how: ['erase'], path: ['terminal'] });
        w.media = w.media.filter((m) => m['id'] !== 'tape');
      },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: the four erasures record no certificate; the destroyed tapes and the returned disk have their evidence', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([
      'disposal-no-evidence@billing-erasure/billing-server',
      'disposal-no-evidence@data-erasure/backup-storage',
      'disposal-no-evidence@data-erasure/ehr-server',
      'disposal-no-evidence@log-erasure/log-server',
    ]);
  });
});
