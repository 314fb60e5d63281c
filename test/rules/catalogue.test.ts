// The rule catalogue as a whole: every rule file registered once, in id order, with complete metadata in
// both languages and its own table test; every one of the guideline's eleven representative threats
// reached on the cloud-EHR example; and the seed's segment example (イメージ1) found on its flows.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_REASONS } from '../../models/grades.js';
import { CIA, THREATS, type Threat } from '../../models/vocabulary.js';
import { assessModel, loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { BUILTIN_RULES } from '../../threat-rules/index.js';

const RULE_DIR = new URL('../../threat-rules/', import.meta.url);
const TEST_DIR = new URL('./', import.meta.url);
const NOT_RULES = new Set(['index.ts', 'predicates.ts']);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const example = () => {
  const result = loadModel('examples/cloud-ehr/model.yaml', diskHost);
  if (!result.model) throw new Error('the example does not load');
  return assessModel(result.model).risks;
};

describe('the registry', () => {
  const ids = BUILTIN_RULES.map((r) => r.id);

  it('registers every rule file once, in id order', () => {
    const files = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).map((f) => f.slice(0, -3)).sort();
    expect(ids).toEqual(files);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every rule its own table test', () => {
    const tests = new Set(readdirSync(TEST_DIR).filter((f) => f.endsWith('.test.ts')).map((f) => f.slice(0, -'.test.ts'.length)));
    for (const id of ids) expect(tests.has(id), `test/rules/${id}.test.ts`).toBe(true);
    for (const id of ids) {
      const text = readFileSync(new URL(`${id}.test.ts`, TEST_DIR), 'utf8');
      expect(text, `${id}.test.ts runs a table of cases`).toMatch(/ruleTable\(/);
      expect(text, `${id}.test.ts has a case that must not fire`).toMatch(/fires: \[\]/);
    }
  });
});

describe.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has a kebab-case id and a known threat', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(Object.keys(THREATS)).toContain(rule.threat);
    expect(rule.origin).toBe('builtin');
  });

  it('says its title and assumed risk in Japanese and English', () => {
    for (const term of [rule.title, rule.risk]) {
      expect(term.ja).toMatch(JAPANESE);
      expect(term.en.length).toBeGreaterThan(0);
      expect(term.en).not.toMatch(JAPANESE);
    }
  });

  it('declares its messages as ESLint does: camelCase ids apart from the shared reasons, the same placeholders in both languages', () => {
    const ids = Object.keys(rule.messages);
    expect(ids.length).toBeGreaterThan(0);
    const placeholders = (t: string): string[] => [...new Set([...t.matchAll(/\{([A-Za-z][\w-]*)\}/g)].map((m) => m[1] as string))].sort();
    for (const id of ids) {
      expect(id, 'a camelCase id (shared reasons are kebab-case)').toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(Object.keys(SHARED_REASONS)).not.toContain(id);
      const m = rule.messages[id] as { ja: string; en: string };
      expect(placeholders(m.ja), `${id}: the placeholders of ja and en`).toEqual(placeholders(m.en));
      expect(m.ja.replace(/\{[^}]*\}/g, ''), `${id}: ja`).toMatch(JAPANESE);
      expect(m.en, `${id}: en`).not.toMatch(JAPANESE);
    }
  });

  it('names the properties at stake in C, I, A order, and where it applies', () => {
    const order = Object.keys(CIA);
    expect(rule.cia.length).toBeGreaterThan(0);
    expect([...rule.cia].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(rule.cia);
    expect(rule.segments.length).toBeGreaterThan(0);
    expect(rule.phases.length).toBeGreaterThan(0);
  });

  it('asks for countermeasures in each of the three categories, and cites the guideline', () => {
    for (const category of ['human', 'physical', 'technical'] as const) {
      expect(rule.countermeasures[category].length, category).toBeGreaterThan(0);
      for (const m of rule.countermeasures[category]) {
        expect(m.ja).toMatch(JAPANESE);
        expect(m.en.length).toBeGreaterThan(0);
      }
    }
    expect(rule.references.length).toBeGreaterThan(0);
    for (const r of rule.references) expect(r.ja).toMatch(JAPANESE);
  });
});

describe('the catalogue on the guideline\'s example', () => {
  const risks = example();

  it('reaches each of the eleven representative threats with at least one risk', () => {
    const reached = new Set(risks.map((r) => r.threat));
    const missing = (Object.keys(THREATS) as Threat[]).filter((t) => !reached.has(t));
    expect(missing).toEqual([]);
  });

  it('finds the seed\'s segment example (イメージ1) on the doctor\'s flow and the logging flow', () => {
    const on = (prefix: string) => risks.filter((r) => r.id.includes(prefix));
    // ① A->B input: spoofing, illegitimate requests / SQLi; C and I.
    const input = on('@exam-records/ehr-terminal>ehr-server').filter((r) => r.segment === 'input');
    expect(input.map((r) => r.rule).sort()).toEqual(expect.arrayContaining(['input-injection', 'input-spoofing']));
    for (const r of input) expect(r.cia).toEqual(expect.arrayContaining(['C', 'I']));
    // ② B processing: privilege bugs, insider misuse, logic flaws; I.
    const processing = on('@exam-records/ehr-server').filter((r) => r.rule === 'processing-integrity');
    expect(processing.map((r) => r.cia)).toEqual([['I']]);
    // ③ B->C storage: unauthorised writes, loss, ransomware; I and A.
    const storage = risks.filter((r) => r.segment === 'storage' && r.flows.includes('exam-records'));
    expect(storage.map((r) => r.rule)).toEqual(expect.arrayContaining(['storage-integrity', 'ransomware']));
    for (const r of storage.filter((x) => x.rule === 'storage-integrity' || x.rule === 'ransomware')) expect(r.cia).toEqual(expect.arrayContaining(['I', 'A']));
    // ④ C->D logging: personal data leaking through logs; C.
    const logging = risks.filter((r) => r.rule === 'log-leak');
    expect(logging.map((r) => r.id)).toEqual(['log-leak@app-logging/ehr-server>log-server']);
    expect(logging[0]?.cia).toEqual(['C']);
  });

  it('asks for the seed\'s countermeasures on those segments: authentication, authorisation, validation; permissions, separation of duties, review; encryption, backup, IAM; masking, access control', () => {
    const measures = (rule: string) => BUILTIN_RULES.find((r) => r.id === rule)?.countermeasures;
    const all = (rule: string) => Object.values(measures(rule) ?? {}).flat().map((t) => t.ja).join(' ');
    expect(all('input-spoofing')).toMatch(/多要素認証/);
    expect(all('input-spoofing')).toMatch(/認可/);
    expect(all('input-injection')).toMatch(/入力検証/);
    expect(all('processing-integrity')).toMatch(/権限設計/);
    expect(all('processing-integrity')).toMatch(/職務分離/);
    expect(all('processing-integrity')).toMatch(/レビュー/);
    expect(all('storage-integrity')).toMatch(/暗号化/);
    expect(all('storage-integrity')).toMatch(/バックアップ/);
    expect(all('storage-integrity')).toMatch(/IAM/);
    expect(all('log-leak')).toMatch(/マスキング/);
    expect(all('log-leak')).toMatch(/アクセス制御/);
  });

  it('explains every grade: each risk has reasons, and the last reason\'s grade is the grade', () => {
    for (const r of risks) {
      expect(r.impact.reasons.at(-1)?.value).toBe(r.impact.value);
      expect(r.likelihood.reasons.at(-1)?.value).toBe(r.likelihood.value);
      expect(r.impact.reasons[0]?.delta).toBeNull();
    }
  });
});
