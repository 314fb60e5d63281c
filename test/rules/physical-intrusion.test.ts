// physical-intrusion: the location of every device that processes, stores or logs medical information,
// once per location: 3, +1 in a public place, -1 per lock, entry control, CCTV, staffing, entry log, guards.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/physical-intrusion.js';
import { addStaffPhone, codes, el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('physical-intrusion', () => {
  ruleTable(rule, [
    {
      name: 'the locked server room holding the app server, the database and the log server',
      fires: ['physical-intrusion@server-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'noEntryControl', data: { location: { ref: 'server-room' }, site: { ref: 'dc' } } });
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'control-in-place', data: { control: { term: 'control', key: 'locked' } } });
        expect(r?.messageId).toBe('intrudes');
        expect(r?.impact.value).toBe(5);
        expect(r?.cia).toEqual(['C', 'I', 'A']);
        expect(r?.flows).toEqual(['logs', 'print', 'view']);
      },
    },
    {
      name: 'entry control and the site\'s guards bring it to 1, and no lower',
      edit: (w) => {
        el(w, 'locations', 'server-room')['controls'] = ['locked', 'entry-control', 'cctv'];
        el(w, 'sites', 'dc')['controls'] = ['security-guard'];
      },
      fires: ['physical-intrusion@server-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(1);
        expect(r?.likelihood.reasons).toHaveLength(3);
      },
    },
    {
      name: 'an unlocked room open to the public',
      edit: (w) => { Object.assign(el(w, 'locations', 'server-room'), { public: true, controls: [] }); },
      fires: ['physical-intrusion@server-room'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['noEntryControl', 'public']);
        expect(r?.likelihood.reasons[1]?.data).toEqual({ location: { ref: 'server-room' } });
      },
    },
    {
      name: 'the database in a room of its own: one risk per location',
      edit: (w) => {
        w.locations.push({ id: 'db-room', label: 'DB room', site: 'dc', controls: ['staffed-always', 'entry-log'] });
        el(w, 'devices', 'db')['at'] = 'db-room';
      },
      fires: ['physical-intrusion@db-room', 'physical-intrusion@server-room'],
      check: (risks) => expect(risks.find((r) => r.id === 'physical-intrusion@db-room')?.likelihood.value).toBe(1),
    },
    {
      name: 'only other information (code) is processed and stored',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'dev'); },
      fires: [],
    },
    {
      name: 'erasing at termination processes and stores nothing',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'erase'); },
      fires: [],
    },
    {
      name: 'a staff member\'s own phone at home is not in a facility anyone guards',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        addStaffPhone(w);
        el(w, 'devices', 'app-server')['roles'] = ['relay'];
        w.media = [];
      },
      fires: [],
    },
    {
      name: 'the clinic\'s own tablet, carried on rounds: its loss is portable-cache\'s, not the room\'s',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        w.devices.push({ id: 'pad', label: 'Tablet', kind: 'tablet', at: 'reception', auth: ['password', 'biometric'], stores: [{ data: 'records', as: 'cache' }] });
        w.links.push({ from: 'pad', to: 'router', network: 'lan', protocol: 'https', tls: '1.3' });
        w.flows.push({ id: 'rounds', label: 'Rounds', phase: 'operation', who: 'doctor', which: 'pad', what: ['records'], how: ['view'], path: ['pad', 'router'] });
        w.media = [];
      },
      fires: [],
    },
  ]);

  it('on the cloud-ehr example: the DC server room and the treatment room with the lab system', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual(['physical-intrusion@server-room', 'physical-intrusion@treatment-room']);
  });
});
