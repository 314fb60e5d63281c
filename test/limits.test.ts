// The bounds that keep every command under its memory budget: lists in sentences cut to their first items,
// the flows a risk lists cut the same way (the JSON keeps them all), and the model limits of KZ014.
import { describe, expect, it } from 'vitest';
import { argText, MAX_LISTED_ITEMS, type Names } from '../src/words/messages.js';
import { MODEL_LIMITS } from '../src/load/resolve.js';
import { loadModel, threatList, assessModel } from '../src/index.js';
import { wording } from '../src/words/wording.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { baseWorld, loadWorld } from './helpers/rule-table.js';
import { memoryHost } from './helpers/memory-host.js';
import { stringify } from 'yaml';

const names: Names = { label: (id) => id.toUpperCase(), locationOf: () => undefined };
const refs = (n: number) => ({ list: Array.from({ length: n }, (_, i) => ({ ref: `d${i}` })) });

describe('lists in sentences', () => {
  it('up to the limit, every item; past it, the first ones and how many more', () => {
    expect(argText(refs(MAX_LISTED_ITEMS), 'en', names).split(', ')).toHaveLength(MAX_LISTED_ITEMS);
    expect(argText(refs(20), 'en', names)).toBe('D0, D1, D2, D3, D4, D5, D6, and 13 more');
    expect(argText(refs(20), 'ja', names)).toBe('D0・D1・D2・D3・D4・D5・D6・ほか13件');
  });

  it('a path (steps) is never cut', () => {
    expect(argText({ ...refs(12), join: 'steps' }, 'en', names).split(' → ')).toHaveLength(12);
  });
});

describe('the flows a risk lists', () => {
  it('an element risk reached by many flows prints the first few and a count; the row keeps every id', () => {
    const w = baseWorld();
    const view = w.flows.find((f) => f['id'] === 'view') as Record<string, unknown>;
    for (let i = 0; i < 12; i++) w.flows.push({ ...view, id: `view-${i}` });
    const model = loadWorld(w);
    const { risks, matrix } = assessModel(model);
    const rows = threatList(model, risks, matrix, wording(model, BUILTIN_RULES, 'en')).rows;
    const many = rows.find((r) => r.flows.length > MAX_LISTED_ITEMS);
    expect(many).toBeDefined();
    if (!many) return;
    expect(many.flowsShown).toHaveLength(MAX_LISTED_ITEMS - 1);
    expect(many.cells.flowsMore).toBe(`and ${many.flows.length - (MAX_LISTED_ITEMS - 1)} more`);
    expect(many.cells.flows.endsWith(many.cells.flowsMore)).toBe(true);
    const few = rows.find((r) => r.flows.length <= MAX_LISTED_ITEMS && r.flows.length > 0);
    expect(few?.cells.flowsMore).toBe('');
    expect(few?.flowsShown).toEqual(few?.flows);
  });
});

describe('model limits (KZ014)', () => {
  const load = (edit: (w: ReturnType<typeof baseWorld>) => void) => {
    const w = baseWorld();
    edit(w);
    return loadModel('m.yaml', memoryHost({ 'm.yaml': stringify({ koseizu: 1, ...w }, { aliasDuplicateObjects: false }) }));
  };

  it('at the limit a model loads; one past it, one error at the first element beyond, and no model', () => {
    // Copies of the first flow on its first device only, so that the paths stay within their own limit.
    const copies = (w: ReturnType<typeof baseWorld>, n: number): void => {
      const first = w.flows[0] as Record<string, unknown>;
      while (w.flows.length < n) w.flows.push({ ...first, id: `copy-${w.flows.length}`, path: [first['which']] });
    };
    const at = load((w) => copies(w, MODEL_LIMITS.flows));
    expect(at.diagnostics.filter((d) => d.code === 'KZ014')).toEqual([]);
    expect(at.model).toBeDefined();
    const over = load((w) => copies(w, MODEL_LIMITS.flows + 1));
    expect(over.model).toBeUndefined();
    expect(over.diagnostics.map((d) => d.code)).toEqual(['KZ014']);
    expect(over.diagnostics[0]?.args).toMatchObject({ what: 'flows', count: MODEL_LIMITS.flows + 1, limit: MODEL_LIMITS.flows });
  });

  it('a flow carrying more data items than the limit is refused at its what', () => {
    const over = load((w) => {
      for (let i = 0; i < MODEL_LIMITS.carried; i++) w.data.push({ id: `extra-${i}`, label: `Extra ${i}`, class: 'other' });
      (w.flows[0] as Record<string, unknown>)['what'] = w.data.map((d) => d['id']).slice(0, MODEL_LIMITS.carried + 1);
    });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['KZ014']);
    expect(over.diagnostics[0]?.args['what']).toBe('carried');
  });
});

describe('what the fuzzer found (npm run fuzz), kept as cases', () => {
  it('130,000 duplicate keys in a file under the size limit: diagnostics, not a stack overflow', () => {
    const text = `koseizu: 1\nx-a: 1\n${'x-a: 1\n'.repeat(130_000)}`;
    const result = loadModel('m.yaml', memoryHost({ 'm.yaml': text }));
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'KZ002').length).toBe(130_000);
  });

  it('thousands of unknown values in one list: the first schema errors are reported, not all of them', () => {
    const w = baseWorld();
    (w.devices[0] as Record<string, unknown>)['controls'] = Array.from({ length: 10_000 }, (_, i) => `nope-${i}`);
    const result = loadModel('m.yaml', memoryHost({ 'm.yaml': stringify({ koseizu: 1, ...w }, { aliasDuplicateObjects: false }) }));
    expect(result.model).toBeUndefined();
    const schema = result.diagnostics.filter((d) => d.code >= 'KZ100' && d.code < 'KZ200');
    expect(schema.length).toBeGreaterThan(100);
    expect(schema.length).toBeLessThanOrEqual(2000);
  });
});
