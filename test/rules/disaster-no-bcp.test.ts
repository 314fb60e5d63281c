// disaster-no-bcp: a site that processes or stores medical information with neither a business continuity
// plan nor a disaster recovery site (3; seismic design lowers it to 2); one risk per site.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/disaster-no-bcp.js';
import { addStaffPhone, codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

describe('disaster-no-bcp', () => {
  ruleTable(rule, [
    {
      name: 'the data centre, processing and storing records',
      fires: ['disaster-no-bcp@dc'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['disastersStrike']);
        expect(r?.messageId).toBe('workStops');
        expect(r?.elements).toContain('dc');
        expect(r?.cia).toEqual(['A']);
      },
    },
    {
      name: 'seismic design lowers it',
      edit: (w) => { el(w, 'sites', 'dc')['controls'] = ['seismic-design']; },
      fires: ['disaster-no-bcp@dc'],
      check: ([r]) => expect(r?.likelihood.value).toBe(2),
    },
    {
      name: 'a clinic system processing records too',
      edit: (w) => {
        w.devices.push({ id: 'lab', label: 'Lab system', kind: 'external-system', at: 'exam-room' });
        w.links.push({ from: 'lab', to: 'router', network: 'lan' });
        w.flows.push({ id: 'lab-work', label: 'Lab work', phase: 'operation', who: 'doctor', which: 'lab', what: ['records'], how: ['process'], path: ['lab'] });
      },
      fires: ['disaster-no-bcp@clinic', 'disaster-no-bcp@dc'],
    },
    {
      name: 'the data centre has a business continuity plan',
      edit: (w) => { el(w, 'sites', 'dc')['controls'] = ['bcp']; },
      fires: [],
    },
    {
      name: 'the data centre has a disaster recovery site',
      edit: (w) => { el(w, 'sites', 'dc')['controls'] = ['disaster-recovery-site']; },
      fires: [],
    },
    {
      name: 'only logs and development (no processing or storage of medical information in operation)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'logs' || f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'a staging server and a staff member\'s own phone keep no care running: no continuity plan asked of their places',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        addStaffPhone(w);
        el(w, 'devices', 'app-server')['env'] = 'staging';
        w.media = [];
      },
      fires: [],
    },
    {
      name: 'a site that keeps only backups: the originals are elsewhere, care does not stop with it',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        w.devices.push({ id: 'vault-nas', label: 'Vault NAS', kind: 'storage', at: 'vault-room', stores: [{ data: ['backup'], as: 'backup', of: 'db' }] });
        w.links.push({ from: 'db', to: 'vault-nas', network: 'vpn' });
        w.flows.push({ id: 'offsite', label: 'Off-site backups', phase: 'operation', which: 'db', what: ['backup'], how: ['backup'], path: ['db', 'vault-nas'] });
        w.media = [];
      },
      fires: [],
    },
  ]);

  it('raises the clinic and the provider DC on the cloud-EHR example (neither states a BCP)', () => {
    expect(exampleIds()).toEqual(['disaster-no-bcp@clinic', 'disaster-no-bcp@provider-dc']);
  });
});
