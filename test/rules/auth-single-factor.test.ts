// auth-single-factor: the guideline's multi-factor requirement on each device people sign in to for
// medical information (one risk per device): none 5, single-factor 4, unstated 3; nothing else moves it.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/auth-single-factor.js';
import { assess } from '../../src/engine.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io.js';
import { riskMatrix } from '../../src/score.js';
import { walk } from '../../src/walk.js';
import { el, ruleTable } from '../helpers/rule-table.js';

describe('auth-single-factor', () => {
  ruleTable(rule, [
    {
      name: 'a password-only terminal for medical records: likely, one risk for its input and display',
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons[0]?.en).toBe('Terminal (Exam room) uses single-factor authentication (password)');
        expect(r?.segments).toEqual(['view/terminal', 'view/terminal>app-server']);
        expect(r?.title.ja).toContain('多要素認証');
        expect(r?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'no authentication: very likely',
      edit: (w) => { el(w, 'devices', 'terminal')['auth'] = 'none'; },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => expect(r?.likelihood.value).toBe(5),
    },
    {
      name: 'authentication not stated: moderate, and says so',
      edit: (w) => { delete el(w, 'devices', 'terminal')['auth']; },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]?.en).toContain('does not state');
      },
    },
    {
      name: 'two possession factors are still one factor type; a public room adds nothing here',
      edit: (w) => {
        el(w, 'devices', 'terminal')['auth'] = ['ic-card', 'certificate'];
        el(w, 'locations', 'exam-room')['public'] = true;
      },
      fires: ['auth-single-factor@terminal'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(r?.likelihood.reasons).toHaveLength(1);
      },
    },
    {
      name: 'multi-factor authentication (password and IC card)',
      edit: (w) => { el(w, 'devices', 'terminal')['auth'] = ['password', 'ic-card']; },
      fires: [],
    },
    {
      name: 'a password-only terminal used for other information only (the developer\'s code)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        el(w, 'devices', 'dev-terminal')['auth'] = 'password';
      },
      fires: [],
    },
    {
      name: 'a flow nobody signs in to (the app server\'s logs)',
      edit: (w) => { w.flows = w.flows.filter((f) => f['id'] === 'logs'); },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: the intake tablets (no authentication), the billing terminals and the lab system (password)', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    const risks = assess(model, walk(model), [rule], riskMatrix(model.riskMatrix));
    expect(risks.map((r) => [r.id, r.likelihood.value])).toEqual([
      ['auth-single-factor@billing-terminal', 4],
      ['auth-single-factor@intake-tablet', 5],
      ['auth-single-factor@lab-system', 4],
    ]);
  });
});
