// media-unencrypted: a medium carrying medical information without encryption (any phase, not paper): 4.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/media-unencrypted.js';
import { el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('media-unencrypted', () => {
  ruleTable(rule, [
    {
      name: 'the backup tape is encrypted',
      fires: [],
    },
    {
      name: 'an unencrypted backup tape',
      edit: (w) => { el(w, 'media', 'tape')['encrypted'] = false; },
      fires: ['media-unencrypted@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'notEncrypted', data: { media: { ref: 'tape' } } });
        expect(r?.messageId).toBe('readable');
        expect(r?.data).toEqual({ media: { ref: 'tape' }, data: { list: [{ ref: 'backup' }] } });
        expect(r?.impact.value).toBe(4);
        expect(r?.cia).toEqual(['C']);
      },
    },
    {
      name: 'encryption left unsaid counts as unencrypted, at contract termination too',
      edit: (w) => {
        const tape = el(w, 'media', 'tape');
        delete tape['encrypted'];
        tape['phases'] = ['termination'];
      },
      fires: ['media-unencrypted@tape/server-room>vault-room'],
      check: ([r]) => expect(r?.phases).toEqual(['termination']),
    },
    {
      name: 'paper cannot be encrypted: left to media-loss and paper-disposal',
      edit: (w) => { Object.assign(el(w, 'media', 'tape'), { kind: 'paper', encrypted: false }); },
      fires: [],
    },
    {
      name: 'an unencrypted medium with only other information (code)',
      edit: (w) => { Object.assign(el(w, 'media', 'tape'), { encrypted: false, data: ['code'] }); },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: every medium is encrypted', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([]);
  });
});
