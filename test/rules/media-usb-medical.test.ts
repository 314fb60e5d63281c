// media-usb-medical: a USB memory or SD card holding medical information (special consideration ⑤): 4,
// encrypted or not (whether it is encrypted is media-unencrypted's to score).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/media-usb-medical.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('media-usb-medical', () => {
  ruleTable(rule, [
    {
      name: 'an encrypted USB memory with the backup',
      edit: (w) => { el(w, 'media', 'tape')['kind'] = 'usb-memory'; },
      fires: ['media-usb-medical@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
        expect(r?.messageId).toBe('leaks');
        expect(r?.data).toEqual({ media: { ref: 'tape' }, kind: { term: 'mediaKind', key: 'usb-memory' }, data: { list: [{ ref: 'backup' }] } });
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'small', data: { media: { ref: 'tape' }, kind: { term: 'mediaKind', key: 'usb-memory' } } });
      },
    },
    {
      name: 'an unencrypted SD card: likely all the same (media-unencrypted scores the encryption)',
      edit: (w) => { Object.assign(el(w, 'media', 'tape'), { kind: 'sd-card', encrypted: false }); },
      fires: ['media-usb-medical@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
        expect(codes(r!.likelihood)).toEqual(['small']);
        expect(r?.messageId).toBe('leaks');
        expect(r?.data['kind']).toEqual({ term: 'mediaKind', key: 'sd-card' });
      },
    },
    {
      name: 'the base world\'s tape is not a small medium',
      fires: [],
    },
    {
      name: 'an unencrypted external disk is not a small medium either',
      edit: (w) => { Object.assign(el(w, 'media', 'tape'), { kind: 'external-hdd', encrypted: false }); },
      fires: [],
    },
    {
      name: 'a USB memory with only other information (code)',
      edit: (w) => { Object.assign(el(w, 'media', 'tape'), { kind: 'usb-memory', data: ['code'] }); },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: no USB memory or SD card', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([]);
  });
});
