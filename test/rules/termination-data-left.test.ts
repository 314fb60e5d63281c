// termination-data-left: a device that stores or logs medical information in operation, but that no
// contract-termination flow returns, hands over, erases or disposes of: 4, once per device.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../models/risk.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { rule } from '../../threat-rules/termination-data-left.js';
import { el, ruleTable } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The rule's risks on the guideline's worked example (examples/cloud-ehr). */
function exampleRisks(): readonly Risk[] {
  const result = loadModel(fileURLToPath(new URL('../../examples/cloud-ehr/model.yaml', import.meta.url)), diskHost);
  if (!result.model) throw new Error('examples/cloud-ehr/model.yaml does not load');
  return analyse(result.model, [rule]).risks;
}

describe('termination-data-left', () => {
  ruleTable(rule, [
    {
      name: 'the database is erased at termination, the log server is forgotten',
      fires: ['termination-data-left@log-server'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'notEnded', data: { store: { at: 'log-server' } } });
        expect(r?.messageId).toBe('leftBehind');
        expect(r?.elements).toContain('log-server');
        expect(r?.cia).toEqual(['C']);
      },
    },
    {
      name: 'no termination flow at all: the database and the log server, each listed once',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] !== 'erase');
        w.flows.push({ id: 'edit', label: 'The doctor edits again', phase: 'operation', who: 'doctor', which: 'terminal', what: ['records'], how: ['edit'], path: ['terminal', 'router', 'gateway', 'app-server', 'db'] });
      },
      fires: ['termination-data-left@db', 'termination-data-left@log-server'],
      check: (risks) => expect(risks.find((r) => r.id === 'termination-data-left@db')?.flows).toEqual(['edit', 'view']),
    },
    {
      name: 'the log server erased too',
      edit: (w) => {
        w.flows.push({ id: 'erase-logs', label: 'The operator erases the logs', phase: 'termination', who: 'operator', which: 'log-server', what: ['app-log'], how: ['erase'], path: ['log-server'] });
      },
      fires: [],
    },
    {
      name: 'the database returned instead of erased still counts as ended; the logs handed over too',
      edit: (w) => {
        el(w, 'flows', 'erase')['how'] = ['export', 'return'];
        w.flows.push({ id: 'hand-over-logs', label: 'The operator hands over the logs', phase: 'termination', who: 'operator', which: 'log-server', what: ['app-log'], how: ['migrate'], path: ['log-server'] });
      },
      fires: [],
    },
    {
      name: 'exporting the logs at termination only copies them: still left behind',
      edit: (w) => {
        w.flows.push({ id: 'export-logs', label: 'The operator exports the logs', phase: 'termination', who: 'operator', which: 'log-server', what: ['app-log'], how: ['export'], path: ['log-server'] });
      },
      fires: ['termination-data-left@log-server'],
    },
    {
      name: 'a store of other information only (code) is not asked about',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] !== 'erase' && f['id'] !== 'logs');
        el(w, 'flows', 'view')['what'] = ['code'];
      },
      fires: [],
    },
    {
      name: 'a system that does not cover contract termination',
      edit: (w) => {
        w.system['phases'] = ['development', 'operation'];
        w.flows = w.flows.filter((f) => f['id'] !== 'erase');
      },
      fires: [],
    },
    {
      name: 'the institution runs the log server: its own, not the provider\'s to return or erase',
      edit: (w) => { el(w, 'devices', 'log-server')['operator'] = 'institution'; },
      fires: [],
    },
    {
      name: 'a third party the institution engaged runs it: not the provider\'s either',
      edit: (w) => {
        (w as unknown as { parties: unknown[] }).parties = [{ id: 'log-co', label: 'Log Co', kind: 'third-party', 'engaged-by': 'institution' }];
        el(w, 'devices', 'log-server')['operator'] = 'log-co';
      },
      fires: [],
    },
    {
      name: 'a third party the provider engaged runs it: the provider\'s to end',
      edit: (w) => {
        (w as unknown as { parties: unknown[] }).parties = [{ id: 'log-co', label: 'Log Co', kind: 'third-party', 'engaged-by': 'provider' }];
        el(w, 'devices', 'log-server')['operator'] = 'log-co';
      },
      fires: ['termination-data-left@log-server'],
    },
    {
      name: 'a cache on the provider\'s server is left behind too, in whatever form it is kept',
      edit: (w) => {
        el(w, 'devices', 'app-server')['stores'] = [{ data: 'records', as: 'cache' }];
        w.flows.push({ id: 'erase-logs', label: 'The operator erases the logs', phase: 'termination', who: 'operator', which: 'log-server', what: ['app-log'], how: ['erase'], path: ['log-server'] });
      },
      fires: ['termination-data-left@app-server'],
    },
  ]);

  it('on the cloud-ehr example: every store is returned or erased at termination', () => {
    expect(exampleRisks().map((r) => r.id)).toEqual([]);
  });
});
