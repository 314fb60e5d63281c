// storage-outside-japan: medical information stored at a site outside Japan (3), or at a site whose
// country is not stated (2); one risk per site.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/storage-outside-japan.js';
import { addStaffPhone, codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('storage-outside-japan', () => {
  ruleTable(rule, [
    {
      name: 'the data centre is in the United States',
      edit: (w) => { el(w, 'sites', 'dc')['country'] = 'US'; },
      fires: ['storage-outside-japan@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.messageId).toBe('storedAbroad');
        expect(r?.data).toMatchObject({ country: 'US', site: { ref: 'dc' }, store: { at: 'db' } });
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'foreignLaw', data: { site: { ref: 'dc' }, country: 'US' } });
        expect(r?.cia).toEqual(['C']);
      },
    },
    {
      name: 'the data centre\'s country is not stated',
      edit: (w) => { delete el(w, 'sites', 'dc')['country']; },
      fires: ['storage-outside-japan@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['countryUnstated']);
        expect(r?.messageId).toBe('countryUnknown');
      },
    },
    {
      name: 'production records stored abroad in development',
      edit: (w) => {
        el(w, 'sites', 'dc')['country'] = 'SG';
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        el(w, 'flows', 'dev')['what'] = ['records'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: ['storage-outside-japan@dc'],
      check: ([r]) => expect(r?.phases).toEqual(['development']),
    },
    {
      name: 'every site in Japan',
      fires: [],
    },
    {
      name: 'only the vault abroad, which holds media, not a store',
      edit: (w) => { el(w, 'sites', 'vault')['country'] = 'US'; },
      fires: [],
    },
    {
      name: 'only program code stored abroad',
      edit: (w) => {
        el(w, 'sites', 'dc')['country'] = 'US';
        el(w, 'devices', 'dev-server')['roles'] = ['process', 'store'];
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
      },
      fires: [],
    },
    {
      name: 'a staff member\'s own phone, wherever it is, is not storage placed in a country',
      edit: (w) => {
        addStaffPhone(w);
      },
      fires: [],
    },
  ]);

  it('raises nothing on the cloud-EHR example (every site is in Japan)', () => {
    expect(exampleIds()).toEqual([]);
  });
});
