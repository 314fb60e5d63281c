// media-loss: every transport of a medium holding medical information can be lost or stolen (any phase):
// 3, -1 per locked case, tracking, hand-over record, tamper-evident down to 2; encryption takes one more off
// (to 1 at best); the impact is the information's, however it is carried.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/media-loss.js';
import { el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('media-loss', () => {
  ruleTable(rule, [
    {
      name: 'the encrypted backup tape to the vault, by an outside courier: 3, less 1 for encryption',
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons.map((x) => x.code)).toEqual(['inTransitOutsourced', 'encrypted']);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'inTransitOutsourced', data: { carrier: { ref: 'courier' } } });
        expect(r?.impact.value).toBe(4);
        expect(r?.impact.reasons.map((x) => x.code)).toEqual(['impact-medical']);
        expect(r?.cia).toEqual(['C', 'A']);
        expect(r?.messageId).toBe('lostBy');
        expect(r?.data).toEqual({
          carrier: { ref: 'courier' }, from: { ref: 'server-room' }, fromSite: { ref: 'dc' }, to: { ref: 'vault-room' }, toSite: { ref: 'vault' },
          media: { ref: 'tape' }, data: { list: [{ ref: 'backup' }] },
        });
      },
    },
    {
      name: 'an unencrypted tape: the likelihood of a readable medium going astray, the same impact',
      edit: (w) => { el(w, 'media', 'tape')['encrypted'] = false; },
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons).toHaveLength(1);
        expect(r?.impact.value).toBe(4);
      },
    },
    {
      name: 'an unencrypted disc with every handling control stays at 2: handling alone never makes a readable medium safe',
      edit: (w) => {
        Object.assign(el(w, 'media', 'tape'), { encrypted: false, controls: ['tracking', 'locked-case', 'handover-record', 'tamper-evident'] });
      },
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons.slice(1).map((x) => x.data['control'])).toEqual([{ term: 'control', key: 'locked-case' }]);
      },
    },
    {
      name: 'encrypted and handled: locked case and tracking take it to 2, encryption to 1',
      edit: (w) => {
        Object.assign(el(w, 'media', 'tape'), { carrier: 'operator', controls: ['tamper-evident', 'handover-record', 'tracking', 'locked-case'] });
      },
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.likelihood.reasons[0]?.code).toBe('inTransit');
        expect(r?.messageId).toBe('lostBy');
        expect(r?.data['carrier']).toEqual({ ref: 'operator' });
        expect(r?.likelihood.reasons.slice(1).map((x) => ({ code: x.code, data: x.data }))).toEqual([
          { code: 'control-in-place', data: { control: { term: 'control', key: 'locked-case' } } },
          { code: 'encrypted', data: {} },
        ]);
      },
    },
    {
      name: 'legal records on a tape raise the impact (preservation), encrypted or not',
      edit: (w) => { el(w, 'media', 'tape')['data'] = ['records']; },
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => {
        expect(r?.impact.value).toBe(5);
        expect(r?.impact.reasons.map((x) => x.code)).toEqual(['impact-medical', 'legal-record']);
      },
    },
    {
      name: 'carried in operation and at contract termination: one risk over both phases',
      edit: (w) => { el(w, 'media', 'tape')['phases'] = ['operation', 'termination']; },
      fires: ['media-loss@tape/server-room>vault-room'],
      check: ([r]) => expect(r?.phases).toEqual(['operation', 'termination']),
    },
    {
      name: 'a medium carrying only other information (code)',
      edit: (w) => { el(w, 'media', 'tape')['data'] = ['code']; },
      fires: [],
    },
    {
      name: 'no media transport at all',
      edit: (w) => { w.media = []; },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: the backup tape, the return disk and the tapes going to destruction', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([
      'media-loss@backup-tape/server-room>vault-room',
      'media-loss@return-disk/server-room>back-office',
      'media-loss@tape-disposal/vault-room>disposal-facility',
    ]);
  });
});
