// legal-record-authenticity: legal records stored on a device lacking electronic signatures, timestamps or
// audit logs (3, less one for each in place); the message names the missing ones. One risk per device.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/legal-record-authenticity.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('legal-record-authenticity', () => {
  ruleTable(rule, [
    {
      name: 'records in the database with none of the three',
      fires: ['legal-record-authenticity@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.messageId).toBe('lacking');
        expect(r?.data).toEqual({
          store: { at: 'db' },
          records: { list: [{ ref: 'records' }] },
          missing: { list: [{ term: 'control', key: 'electronic-signature' }, { term: 'control', key: 'timestamp' }, { term: 'control', key: 'audit-log' }] },
        });
        expect(codes(r!.likelihood)).toEqual(['undetectable']);
        expect(r?.impact.value).toBe(5);
        expect(r?.cia).toEqual(['I', 'A']);
      },
    },
    {
      name: 'signatures and timestamps in place, audit log missing',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['electronic-signature', 'timestamp']; },
      fires: ['legal-record-authenticity@db'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.messageId).toBe('lacking');
        expect(r?.data['missing']).toEqual({ list: [{ term: 'control', key: 'audit-log' }] });
        expect(codes(r!.likelihood)).toEqual(['undetectable', 'control-in-place', 'control-in-place']);
      },
    },
    {
      name: 'all three in place',
      edit: (w) => { el(w, 'devices', 'db')['controls'] = ['electronic-signature', 'timestamp', 'audit-log']; },
      fires: [],
    },
    {
      name: 'a backup device holding copies of the records (their signatures travel with them)',
      edit: (w) => { el(w, 'devices', 'db')['roles'] = ['backup', 'store']; },
      fires: [],
    },
    {
      name: 'the records stored are not legal records',
      edit: (w) => { delete el(w, 'data', 'records')['legal-record']; },
      fires: [],
    },
    {
      name: 'legal records stored only in development',
      edit: (w) => {
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        el(w, 'flows', 'dev')['what'] = ['records'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
    {
      name: 'a cache of legal records on a server: the record is elsewhere',
      edit: (w) => { el(w, 'devices', 'db')['stores'] = [{ data: ['records', 'claims'], as: 'cache' }]; },
      fires: [],
    },
    {
      name: 'an infrastructure provider does not look inside the data: e-document authenticity is not its to give',
      edit: (w) => {
        w.system['forms'] = ['infrastructure'];
        for (const d of w.data) if (d['class'] === 'medical') d['class'] = 'may-contain-medical';
      },
      fires: [],
    },
  ]);

  it('raises the backup device and the billing server on the cloud-EHR example', () => {
    expect(exampleIds()).toEqual(['legal-record-authenticity@billing-server']);
  });
});
