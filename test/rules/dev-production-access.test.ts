// dev-production-access: a development-phase flow, or an operation-phase flow that maintains (remote
// maintenance), that reaches a production device; 3, +1 without multi-factor at the entry, audit log and
// access control on production lower it.
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/dev-production-access.js';
import { el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

function exampleIds(): string[] {
  const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(model, [rule]).risks.map((r) => r.id);
}

/** The developer maintains the production app server from the dev terminal. */
function maintain(w: World): void {
  w.links.push({ from: 'dev-terminal', to: 'app-server', network: 'dc-lan', protocol: 'ssh' });
  w.flows.push({ id: 'maint', label: 'The developer maintains production', phase: 'development', who: 'developer', which: 'dev-terminal', what: ['code'], how: ['maintain'], path: ['dev-terminal', 'app-server'] });
}

describe('dev-production-access', () => {
  ruleTable(rule, [
    {
      name: 'maintenance from a multi-factor terminal: on the input only, impact of the production data',
      edit: maintain,
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.impact.value).toBe(4);
        expect(r?.impact.reasons.at(-1)).toMatchObject({ code: 'productionMedical', data: { target: { at: 'app-server' } } });
        expect(r?.cia).toEqual(['C', 'I']);
        expect(r?.messageId).toBe('maintainedInDevelopment');
        expect(r?.data).toEqual({ entry: { at: 'dev-terminal' }, target: { at: 'app-server' }, actor: { ref: 'developer' } });
      },
    },
    {
      name: 'remote maintenance of production in the operation phase: the same risk, said of operation',
      edit: (w) => { maintain(w); el(w, 'flows', 'maint')['phase'] = 'operation'; },
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.phases).toEqual(['operation']);
        expect(r?.messageId).toBe('maintainedInOperation');
      },
    },
    {
      name: 'a vendor\'s remote maintenance from a single-factor terminal in operation, maintaining among other work',
      edit: (w) => {
        maintain(w);
        Object.assign(el(w, 'flows', 'maint'), { phase: 'operation', how: ['view', 'maintain'] });
        el(w, 'devices', 'dev-terminal')['auth'] = 'password';
      },
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]).toMatchObject({
          code: 'entrySingleFactor',
          data: { entry: { at: 'dev-terminal' }, factors: { list: [{ term: 'authFactor', key: 'password' }] } },
        });
      },
    },
    {
      name: 'a single-factor entry raises it',
      edit: (w) => { maintain(w); el(w, 'devices', 'dev-terminal')['auth'] = 'password'; },
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]?.code).toBe('entrySingleFactor');
      },
    },
    {
      name: 'an entry with no authentication raises it',
      edit: (w) => { maintain(w); el(w, 'devices', 'dev-terminal')['auth'] = 'none'; },
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'entryNoAuth', data: { entry: { at: 'dev-terminal' } } });
      },
    },
    {
      name: 'audit log and access control on production lower it to 1',
      edit: (w) => { maintain(w); el(w, 'devices', 'app-server')['controls'] = ['audit-log', 'access-control']; },
      fires: ['dev-production-access@maint/dev-terminal>app-server'],
      check: ([r]) => expect(r?.likelihood.value).toBe(1),
    },
    {
      name: 'an automated deployment nobody enters: on the production processing, entry authentication unstated',
      edit: (w) => {
        w.links.push({ from: 'dev-server', to: 'app-server', network: 'dc-lan', protocol: 'sftp' });
        w.flows.push({ id: 'deploy', label: 'Deployment', phase: 'development', which: 'dev-server', what: ['code'], how: ['transfer'], path: ['dev-server', 'app-server'] });
      },
      fires: ['dev-production-access@deploy/app-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[1]).toMatchObject({ code: 'entryAuthUnstated', data: { entry: { at: 'dev-server' } } });
        expect(r?.messageId).toBe('jobInDevelopment');
      },
    },
    {
      name: 'an automated maintenance job nobody enters, in the operation phase: said of operation, with no one named',
      edit: (w) => {
        w.links.push({ from: 'dev-server', to: 'app-server', network: 'dc-lan', protocol: 'sftp' });
        w.flows.push({ id: 'patch', label: 'Automated patching', phase: 'operation', which: 'dev-server', what: ['code'], how: ['maintain'], path: ['dev-server', 'app-server'] });
      },
      fires: ['dev-production-access@patch/app-server'],
      check: ([r]) => {
        expect(r?.phases).toEqual(['operation']);
        expect(r?.messageId).toBe('jobInOperation');
        expect(r?.data).toEqual({ entry: { at: 'dev-server' }, target: { at: 'app-server' } });
      },
    },
    {
      name: 'development that stays on the development server',
      fires: [],
    },
    {
      name: 'the same access in the operation phase, for ordinary work rather than maintenance',
      edit: (w) => { maintain(w); Object.assign(el(w, 'flows', 'maint'), { phase: 'operation', how: ['operate'] }); },
      fires: [],
    },
  ]);

  it('raises the production maintenance flow on the cloud-EHR example', () => {
    expect(exampleIds()).toEqual(['dev-production-access@production-maintenance/dev-terminal>ehr-server']);
  });
});
