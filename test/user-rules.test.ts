// User rules as YAML (src/load/user-rules.ts, models/rule-schema.ts, docs/rules.md): each operator and combinator on
// the rule-table world, any-semantics over a segment's devices and what some-device changes, scores with their
// reasons, placeholders, `at`, folders (sorted, not recursive), every kind of error with its position and words,
// determinism, the disk host's folder listing, the generated schema files, the docs, and one end-to-end run
// on examples/cloud-ehr.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../models/diagnostic.js';
import type { Risk } from '../models/risk.js';
import type { Rule } from '../models/rule.js';
import { COMBINATOR_NAMES, FACTS, FACT_NAMES, OPERATOR_NAMES, OPERATORS_BY_TYPE, PLACEHOLDERS, ruleSchema } from '../models/rule-schema.js';
import { EDITOR_KEYWORDS } from '../models/schema.js';
import { RULE_SCHEMA_JSON_PATH, RULE_VALIDATOR_PATH, ruleSchemaJson, ruleValidatorSource } from '../scripts/schema-codegen.js';
import { formatDiagnostics, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { MAX_LISTED_ENTRIES } from '../src/load/files.js';
import { MESSAGES } from '../src/words/diagnostics.js';
import { loadUserRules, modelRulePaths, type LoadedUserRules, type UserRulePath } from '../src/load/user-rules.js';
import { BUILTIN_RULES } from '../threat-rules/index.js';
import { memoryHost } from './helpers/memory-host.js';
import { baseWorld, el, loadWorld, risksOf, type World } from './helpers/rule-table.js';
import { analyse } from '../src/analysis/analyse.js';
import { wording } from '../src/words/wording.js';
import type { Model } from '../models/model.js';

type Json = Record<string, unknown>;
const BUILTIN_IDS = BUILTIN_RULES.map((r) => r.id);

/** A complete rule; cases override what they test. */
function ruleJson(over: Json = {}): Json {
  return {
    id: 'x',
    threat: 'theft-leak',
    title: { ja: 'テスト', en: 'Test' },
    risk: { ja: '情報が漏えいする', en: 'information leaks' },
    cia: ['C'],
    segments: ['transfer'],
    likelihood: { base: 3 },
    countermeasures: { technical: [{ ja: '暗号化', en: 'encryption' }] },
    ...over,
  };
}

const fileOf = (...rules: Json[]): string => stringify({ 'koseizu-rules': 1, rules });
const loadText = (files: Record<string, string>, paths: readonly UserRulePath[] = [{ path: 'r.yaml', source: null }], builtin: readonly string[] = BUILTIN_IDS): LoadedUserRules =>
  loadUserRules(paths, memoryHost(files), builtin);
const en = (result: LoadedUserRules): string => formatDiagnostics(result.diagnostics, 'en');

/** Compiles one rule; the rule must load cleanly. */
/** A risk with its message and reasons in both languages, as the view builders say them: the user rule's words are what these tests are about. */
interface Worded {
  readonly risk: Risk;
  readonly message: { readonly ja: string; readonly en: string };
  readonly impact: { readonly value: number; readonly reasons: readonly { ja: string; en: string; delta: number | null; value: number }[] };
  readonly likelihood: { readonly value: number; readonly reasons: readonly { ja: string; en: string; delta: number | null; value: number }[] };
}

function worded(risk: Risk, rules: readonly Rule[], model: Model): Worded {
  const ja = wording(model, rules, 'ja');
  const en = wording(model, rules, 'en');
  const score = (s: Risk['impact']) => ({
    value: s.value,
    reasons: s.reasons.map((r) => ({ ja: ja.reason(risk.rule, r), en: en.reason(risk.rule, r), delta: r.delta, value: r.value })),
  });
  return {
    risk,
    message: { ja: ja.message(risk.rule, risk.messageId, risk.data), en: en.message(risk.rule, risk.messageId, risk.data) },
    impact: score(risk.impact),
    likelihood: score(risk.likelihood),
  };
}

function compile(over: Json = {}): Rule {
  const result = loadText({ 'r.yaml': fileOf(ruleJson(over)) });
  expect(en(result)).toBe('');
  expect(result.rules).toHaveLength(1);
  return result.rules[0] as Rule;
}

/** The risk ids a rule with these `when` conditions (and other overrides) raises on the world. */
function fired(over: Json, edit?: (w: World) => void): string[] {
  const world = baseWorld();
  edit?.(world);
  return risksOf(compile(over), world).map((r) => r.id);
}

// The base world's hops, in the direction of travel (see test/helpers/rule-table.ts).
const VIEW_HOPS = ['x@view/terminal>router', 'x@view/router>gateway', 'x@view/gateway>app-server', 'x@view/app-server>db'];
const PRINT_HOPS = ['x@print/app-server>gateway', 'x@print/gateway>router', 'x@print/router>printer'];

describe('operators', () => {
  it('is: one value of an enum fact', () => {
    expect(fired({ when: [{ fact: 'network.kind', is: 'ipsec-vpn' }] })).toEqual(['x@print/gateway>router', 'x@view/router>gateway']);
  });

  it('is: booleans, ids and numbers', () => {
    expect(fired({ segments: ['storage'], when: [{ fact: 'data.legal-record', is: true }] })).toEqual(['x@view/app-server>db']);
    expect(fired({ when: [{ fact: 'device.id', is: 'printer' }] })).toEqual(['x@print/router>printer']);
    expect(fired({ segments: ['input'], when: [{ fact: 'device.count', is: 12 }] }, (w) => { el(w, 'devices', 'terminal')['count'] = 12; }))
      .toEqual(['x@view/terminal>app-server']);
  });

  it('in: any of a list', () => {
    expect(fired({ segments: ['print', 'display'], when: [{ fact: 'device.kind', in: ['printer', 'tablet'] }] })).toEqual(['x@print/printer']);
    expect(fired({ when: [{ fact: 'link.protocol', in: ['sql', 'syslog'] }] })).toEqual(['x@logs/app-server>log-server', 'x@view/app-server>db']);
  });

  it('has, has-any, has-all: list facts, custom controls included', () => {
    const edit = (w: World): void => {
      el(w, 'devices', 'app-server')['roles'] = ['process', 'store'];
      el(w, 'devices', 'terminal')['controls'] = ['screen-lock', 'x-badge-reader'];
    };
    expect(fired({ segments: ['input'], when: [{ fact: 'device.controls', has: 'x-badge-reader' }] }, edit)).toEqual(['x@view/terminal>app-server']);
    expect(fired({ segments: ['display'], when: [{ fact: 'device.controls', 'has-any': ['privacy-filter', 'screen-lock'] }] }, edit)).toEqual(['x@view/terminal']);
    expect(fired({ segments: ['display'], when: [{ fact: 'device.controls', 'has-all': ['privacy-filter', 'screen-lock'] }] }, edit)).toEqual([]);
    expect(fired({ segments: ['processing'], when: [{ fact: 'device.roles', 'has-all': ['process', 'store'] }] }, edit)).toEqual(['x@print/app-server', 'x@view/app-server']);
    expect(fired({ segments: ['processing'], when: [{ fact: 'flow.how', has: 'print' }] })).toEqual(['x@print/app-server']);
  });

  it('gte and lte: numbers and ordered values (TLS versions as text or numbers, volume, class)', () => {
    const big = (w: World): void => { el(w, 'devices', 'terminal')['count'] = 12; };
    expect(fired({ segments: ['input'], when: [{ fact: 'device.count', gte: 10 }] }, big)).toEqual(['x@view/terminal>app-server']);
    // Any device of the segment: the app server behind the terminals counts 1.
    expect(fired({ segments: ['input'], when: [{ fact: 'device.count', lte: 10 }] }, big)).toEqual(['x@dev/dev-terminal>dev-server', 'x@view/terminal>app-server']);
    expect(fired({ segments: ['input'], when: [{ 'some-device': [{ fact: 'device.kind', is: 'terminal' }, { fact: 'device.count', lte: 10 }] }] }, big))
      .toEqual(['x@dev/dev-terminal>dev-server']);
    expect(fired({ when: [{ fact: 'link.tls', lte: '1.2' }] })).toEqual(['x@print/app-server>gateway', 'x@view/gateway>app-server']);
    expect(fired({ when: [{ fact: 'link.tls', lte: 1.2 }] })).toEqual(['x@print/app-server>gateway', 'x@view/gateway>app-server']);
    expect(fired({ when: [{ fact: 'link.tls', gte: '1.3' }] })).toEqual(['x@view/terminal>router']);
    expect(fired({ segments: ['input'], when: [{ fact: 'flow.volume', gte: 'medium' }] })).toEqual(['x@view/terminal>app-server']);
    expect(fired({ segments: ['logging'], when: [{ fact: 'data.class', gte: 'may-contain-medical' }] })).toEqual(['x@logs/app-server>log-server']);
    expect(fired({ segments: ['logging'], when: [{ fact: 'data.class', gte: 'medical' }] })).toEqual([]);
  });

  it('exists: a value stated, or not; a fact with no value satisfies nothing else', () => {
    expect(fired({ when: [{ fact: 'link.protocol', exists: false }] })).toEqual(['x@print/gateway>router', 'x@print/router>printer', 'x@view/router>gateway']);
    expect(fired({ segments: ['processing'], when: [{ fact: 'device.env', exists: true }] })).toEqual(['x@dev/dev-server', 'x@print/app-server', 'x@view/app-server']);
    // A processing segment has no hop: network facts have no value there.
    expect(fired({ segments: ['processing'], when: [{ fact: 'network.kind', exists: false }] })).toHaveLength(3);
    expect(fired({ segments: ['processing'], when: [{ not: { fact: 'network.kind', is: 'lan' } }] })).toHaveLength(3);
    expect(fired({ segments: ['media'], when: [{ fact: 'flow.id', exists: false }, { fact: 'media.id', is: 'tape' }] })).toEqual(['x@tape/server-room>vault-room']);
  });

  it('device.auth, device.mfa and device.auth-stated tell none, unstated, single and multi-factor apart', () => {
    const input = { segments: ['input'] };
    // The dev terminal uses MFA, but the dev server behind it states nothing: any-semantics.
    expect(fired({ ...input, when: [{ fact: 'device.mfa', is: false }] })).toEqual(['x@dev/dev-terminal>dev-server', 'x@view/terminal>app-server']);
    expect(fired({ ...input, when: [{ 'some-device': [{ fact: 'device.auth-stated', is: true }, { fact: 'device.mfa', is: false }] }] })).toEqual(['x@view/terminal>app-server']);
    expect(fired({ ...input, when: [{ fact: 'device.auth', has: 'password' }] })).toEqual(['x@dev/dev-terminal>dev-server', 'x@view/terminal>app-server']);
    expect(fired({ ...input, when: [{ fact: 'device.auth', 'has-all': ['password', 'otp'] }] })).toEqual(['x@dev/dev-terminal>dev-server']);
    expect(fired({ ...input, when: [{ fact: 'device.auth', exists: false }] }, (w) => { el(w, 'devices', 'terminal')['auth'] = 'none'; })).toEqual(['x@view/terminal>app-server']);
    // The app server at the other end states nothing: any-semantics over the segment's devices.
    expect(fired({ ...input, when: [{ fact: 'device.auth-stated', is: false }] })).toEqual(['x@dev/dev-terminal>dev-server', 'x@view/terminal>app-server']);
    expect(fired({ segments: ['input', 'display'], phases: ['development'], when: [{ fact: 'device.mfa', is: true }] })).toEqual(['x@dev/dev-terminal', 'x@dev/dev-terminal>dev-server']);
  });

  it('path.internet: an exposed device or a hop over the internet anywhere on the path', () => {
    expect(fired({ segments: ['processing'], when: [{ fact: 'path.internet', is: true }] })).toEqual([]);
    expect(fired({ segments: ['processing'], when: [{ fact: 'path.internet', is: true }] }, (w) => { el(w, 'devices', 'gateway')['exposure'] = 'internet'; }))
      .toEqual(['x@print/app-server', 'x@view/app-server']);
  });

  it('location and site facts read the devices\' places, and the ends of a media transport', () => {
    expect(fired({ segments: ['media'], when: [{ fact: 'site.owner', is: 'third-party' }] })).toEqual(['x@tape/server-room>vault-room']);
    expect(fired({ when: [{ fact: 'location.controls', has: 'locked' }, { fact: 'site.id', is: 'clinic' }] })).toEqual(['x@print/gateway>router', 'x@view/router>gateway']);
    expect(fired({ when: [{ fact: 'site.country', is: 'JP' }, { fact: 'actor.org', is: 'provider' }] })).toEqual(['x@dev/dev-terminal>dev-server']);
    expect(fired({ when: [{ fact: 'site.country', in: ['US', 'SG'] }] })).toEqual([]);
  });
});

describe('combinators', () => {
  it('when: every condition must hold', () => {
    expect(fired({ when: [{ fact: 'network.kind', is: 'lan' }, { fact: 'flow.id', is: 'view' }, { fact: 'link.protocol', is: 'https' }] }))
      .toEqual(['x@view/gateway>app-server', 'x@view/terminal>router']);
  });

  it('not, any, all', () => {
    expect(fired({ when: [{ not: { fact: 'network.kind', is: 'lan' } }] })).toEqual(['x@print/gateway>router', 'x@view/router>gateway']);
    expect(fired({ when: [{ any: [{ fact: 'link.protocol', is: 'sql' }, { fact: 'network.kind', is: 'ipsec-vpn' }] }] }))
      .toEqual(['x@print/gateway>router', 'x@view/app-server>db', 'x@view/router>gateway']);
    expect(fired({ when: [{ all: [{ fact: 'flow.id', is: 'print' }, { not: { fact: 'network.kind', is: 'lan' } }] }] })).toEqual(['x@print/gateway>router']);
  });

  it('without when, a rule fires on every segment of its kinds and phases', () => {
    expect(fired({})).toEqual([...VIEW_HOPS, ...PRINT_HOPS, 'x@dev/dev-terminal>dev-server', 'x@logs/app-server>log-server'].sort());
    expect(fired({ phases: ['development'] })).toEqual(['x@dev/dev-terminal>dev-server']);
  });

  it('device facts hold for any device of the segment; some-device asks one and the same device', () => {
    const both = [{ fact: 'device.kind', is: 'terminal' }, { fact: 'device.kind', is: 'vpn-gateway' }];
    expect(fired({ when: both })).toEqual(['x@view/terminal>router']);
    expect(fired({ when: [{ 'some-device': both }] })).toEqual([]);
    // Kind of one device, control of the other: only any-semantics sees both.
    const mixed = [{ fact: 'device.kind', is: 'firewall' }, { fact: 'location.controls', has: 'locked' }];
    expect(fired({ when: mixed })).toEqual(['x@print/gateway>router', 'x@view/router>gateway', 'x@print/app-server>gateway', 'x@view/gateway>app-server'].sort());
    expect(fired({ when: [{ 'some-device': mixed }] })).toEqual(['x@print/app-server>gateway', 'x@print/gateway>router', 'x@view/gateway>app-server', 'x@view/router>gateway']);
    expect(fired({ when: [{ 'some-device': [{ fact: 'device.kind', is: 'vpn-gateway' }, { fact: 'location.controls', has: 'locked' }] }] })).toEqual([]);
    // "not" of a device fact: no device of the segment has it.
    expect(fired({ when: [{ not: { fact: 'device.kind', is: 'vpn-gateway' } }, { fact: 'flow.id', is: 'view' }] }))
      .toEqual(['x@view/app-server>db', 'x@view/gateway>app-server']);
  });
});

describe('scores, messages and at', () => {
  const view = (over: Json, edit?: (w: World) => void): Worded => {
    const world = baseWorld();
    edit?.(world);
    const rule = compile({ when: [{ fact: 'flow.id', is: 'view' }, { fact: 'network.kind', is: 'ipsec-vpn' }], ...over });
    const risks = risksOf(rule, world);
    expect(risks).toHaveLength(1);
    return worded(risks[0] as Risk, [rule], loadWorld(world));
  };

  it('impact: the shared impact of the information without base; a base with its reason; every step with its reason', () => {
    const shared = view({});
    expect(shared.impact.value).toBe(4);
    expect(shared.impact.reasons[0]?.en).toMatch(/^medical information \(Records\)/);
    const based = view({ impact: { base: 2, reason: { ja: '仮名加工済み', en: 'pseudonymised' }, adjust: [{ when: { fact: 'data.legal-record', is: true }, by: 1, reason: { ja: '法定保存文書', en: 'legal records' } }] } });
    expect(based.impact.value).toBe(3);
    expect(based.impact.reasons.map((r) => [r.en, r.delta, r.value])).toEqual([['pseudonymised', null, 2], ['legal records', 1, 3]]);
  });

  it('likelihood: base, steps in order when they apply, kept within 1..5; controls lower it down to the floor', () => {
    const risk = view({
      likelihood: {
        base: 4,
        adjust: [
          { when: { fact: 'network.ike', is: true }, by: -1, reason: { ja: 'IKE を併用', en: 'IKE in use' } },
          { when: { fact: 'network.ike', is: false }, by: 3, reason: { ja: 'IKE なし', en: 'no IKE' } },
          { when: { fact: 'path.internet', is: false }, by: 4, reason: { ja: '閉じた経路', en: 'closed path' } },
        ],
        mitigate: { controls: ['hardening', 'locked', 'x-night-watch', 'ids-ips'], floor: 3 },
      },
    }, (w) => {
      el(w, 'devices', 'router')['controls'] = ['hardening', 'ids-ips'];
      el(w, 'sites', 'clinic')['controls'] = ['x-night-watch'];
    });
    expect(risk.likelihood.reasons.map((r) => [r.en, r.delta, r.value])).toEqual([
      ['as rule "Test" assumes: high', null, 4],
      ['IKE in use', -1, 3],
      ['closed path', 4, 5],
      ['control in place: hardening', -1, 4],
      ['control in place: locked', -1, 3],
    ]);
    expect(risk.likelihood.reasons[0]?.ja).toBe('ルール「テスト」の想定: 高い');
  });

  it('message: placeholders filled with labels; a missing element reads "(none)"; without message, the place and the risk', () => {
    const risk = view({
      message: {
        ja: '{flow}/{device}/{devices}/{location}/{site}/{network}/{actor}/{data}/{phase}/{segment}/{media}/{unknown-but-braced text}',
        en: '{flow}|{device}|{devices}|{location}|{site}|{network}|{actor}|{data}|{phase}|{segment}|{media}',
      },
    });
    expect(risk.message.en).toBe('The doctor views records|Router (Reception)|Router (Reception) → Gateway (Server room)|Reception, Server room|Clinic, Data centre|VPN|Doctor|Records|operation|transfer|(none)');
    expect(risk.message.ja).toBe('The doctor views records/Router（Reception）/Router（Reception）→Gateway（Server room）/Reception・Server room/Clinic・Data centre/VPN/Doctor/Records/運用/移送（通信）/（なし）/{unknown-but-braced text}');
    expect(view({}).message).toEqual({ ja: 'Router（Reception）→Gateway（Server room）：情報が漏えいする', en: 'Router (Reception) → Gateway (Server room): information leaks' });
    const tapeRule = compile({ segments: ['media'] });
    const tape = worded(risksOf(tapeRule, baseWorld())[0] as Risk, [tapeRule], loadWorld(baseWorld()));
    expect(tape.message.en).toBe('Backup tape (Server room → Vault room): information leaks');
  });

  it('at: keys risks by the element, merging flows; a segment without it keeps its own key', () => {
    expect(fired({ at: 'network', when: [{ fact: 'network.kind', is: 'ipsec-vpn' }] })).toEqual(['x@vpn']);
    expect(fired({ at: 'device', when: [{ fact: 'network.kind', is: 'ipsec-vpn' }] })).toEqual(['x@gateway', 'x@router']);
    expect(fired({ at: 'site', when: [{ fact: 'network.kind', is: 'ipsec-vpn' }] })).toEqual(['x@clinic', 'x@dc']);
    expect(fired({ at: 'link', when: [{ fact: 'network.kind', is: 'ipsec-vpn' }] })).toEqual(['x@router--gateway']);
    expect(fired({ at: 'location', segments: ['media'] })).toEqual(['x@server-room']);
    expect(fired({ at: 'media', segments: ['media'] })).toEqual(['x@tape']);
    expect(fired({ at: 'network', segments: ['processing'], phases: ['development'] })).toEqual(['x@dev/dev-server']);
  });

  it('the rule carries its metadata: C, I, A order, kinds and phases in vocabulary order, all phases by default, origin', () => {
    const rule = compile({ cia: ['A', 'C'], segments: ['transfer', 'input'], references: [{ ja: '参照', en: 'ref' }] });
    expect(rule.cia).toEqual(['C', 'A']);
    expect(rule.segments).toEqual(['input', 'transfer']);
    expect(rule.phases).toEqual(['development', 'operation', 'termination']);
    expect(rule.countermeasures).toEqual({ human: [], physical: [], technical: [{ ja: '暗号化', en: 'encryption' }] });
    expect(rule.references).toEqual([{ ja: '参照', en: 'ref' }]);
    expect(rule.origin).toEqual({ file: 'r.yaml', range: { file: 'r.yaml', start: { line: 3, col: 5 }, end: expect.anything() as unknown } });
    expect(Object.isFrozen(rule)).toBe(true);
  });
});

describe('reading rule files and folders', () => {
  it('reads a folder\'s *.yaml and *.yml files in name order, not its other files nor sub-folders; rules sorted by id', () => {
    const result = loadUserRules([{ path: 'test/fixtures/rules/folder', source: null }], diskHost, BUILTIN_IDS);
    expect(en(result)).toBe('');
    expect(result.files).toEqual(['test/fixtures/rules/folder/a-terminal.yml', 'test/fixtures/rules/folder/b-printer.yaml']);
    expect(result.rules.map((r) => r.id)).toEqual(['org-display-public', 'org-printer-unattended', 'org-terminal-no-screen-lock']);
    const memory = loadText({ 'rs/b.yaml': fileOf(ruleJson({ id: 'b' })), 'rs/a.yml': fileOf(ruleJson({ id: 'a' })), 'rs/sub/c.yaml': fileOf(ruleJson({ id: 'c' })), 'rs/readme.md': '#' }, [{ path: 'rs', source: null }]);
    expect(memory.files).toEqual(['rs/a.yml', 'rs/b.yaml']);
    expect(memory.rules.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('reads the model\'s rules: inside its folder, and a file named twice once', () => {
    const files = {
      'm/model.yaml': 'koseizu: 1\nrules: [rules, rules/a.yaml]\nsystem: {id: s, title: T, forms: [application], phases: [operation]}\n',
      'm/rules/a.yaml': fileOf(ruleJson({ id: 'a' })),
    };
    const model = loadModel('m/model.yaml', memoryHost(files)).model;
    expect(model).toBeDefined();
    const paths = modelRulePaths(model!);
    expect(paths).toEqual([
      { path: 'm/rules', source: expect.objectContaining({ file: 'm/model.yaml' }) as unknown, within: 'm' },
      { path: 'm/rules/a.yaml', source: expect.objectContaining({ file: 'm/model.yaml' }) as unknown, within: 'm' },
    ]);
    const result = loadUserRules(paths, memoryHost(files), BUILTIN_IDS);
    expect(en(result)).toBe('');
    expect(result.files).toEqual(['m/rules/a.yaml']);
  });

  it('is deterministic: the same rules, findings and words whatever the order of the paths', () => {
    const files = {
      'a.yaml': fileOf(ruleJson({ id: 'z-last', at: 'network' }), ruleJson({ id: 'a-first', message: { ja: '{devices}', en: '{devices}' } })),
      'b.yaml': fileOf(ruleJson({ id: 'm-middle', segments: ['input', 'display'], when: [{ fact: 'device.mfa', is: false }] })),
    };
    const one = loadText(files, [{ path: 'a.yaml', source: null }, { path: 'b.yaml', source: null }]);
    const two = loadText(files, [{ path: 'b.yaml', source: null }, { path: 'a.yaml', source: null }]);
    expect(one.rules.map((r) => r.id)).toEqual(['a-first', 'm-middle', 'z-last']);
    expect(two.rules.map((r) => r.id)).toEqual(one.rules.map((r) => r.id));
    const model = loadWorld(baseWorld());
    const risks = (rules: readonly Rule[]): string => JSON.stringify(analyse(model, rules).risks);
    expect(risks(two.rules)).toBe(risks(one.rules));
    expect(JSON.parse(risks(one.rules))).toHaveLength(9 + 3 + 3); // a-first on every hop, z-last per network, m-middle on three segments
    // The same input gives the same output, byte for byte.
    expect(JSON.stringify(loadText(files))).toBe(JSON.stringify(loadText(files)));
  });
});

describe('errors, with positions and words', () => {
  const rulesFile = (body: string): Record<string, string> => ({ 'r.yaml': `koseizu-rules: 1\nrules:\n${body}` });
  const RULE = '  - id: x\n    threat: theft-leak\n    title: {ja: t, en: t}\n    risk: {ja: r, en: r}\n    cia: [C]\n    segments: [transfer]\n    likelihood: {base: 3}\n    countermeasures: {human: [{ja: h, en: h}]}\n';
  const withWhen = (...conditions: string[]): Record<string, string> => rulesFile(`${RULE}    when:\n${conditions.map((c) => `      - ${c}\n`).join('')}`);
  const codes = (r: LoadedUserRules): DiagnosticCode[] => r.diagnostics.map((d) => d.code);

  it('an unknown fact, with did-you-mean and the facts of its family', () => {
    const r = loadText(withWhen('{fact: device.exposed, is: internet}'));
    expect(en(r)).toBe(
      'r.yaml:12:16: error KZ406 unknown fact "device.exposed" (did you mean "device.exposure"?)\n'
      + '  hint: facts of device: device.id, device.kind, device.owner, device.env, device.exposure, device.eol, device.count, device.roles, device.controls, device.auth, device.mfa, device.auth-stated\n',
    );
    expect(r.rules).toEqual([]);
  });

  it('an operator that does not fit the fact, several operators, none, an unknown one', () => {
    const r = loadText(withWhen('{fact: device.controls, is: waf}', '{fact: data.class, is: medical, in: [other]}', '{fact: data.class}', '{fact: data.class, equals: medical}', '{}', '{not: {fact: phase, is: operation}, fact: phase}'));
    expect(en(r)).toBe([
      'r.yaml:12:33: error KZ407 operator "is" does not apply to fact "device.controls", which holds a list of values (did you mean "has"?)',
      '  hint: operators for this fact: has, has-any, has-all, exists',
      'r.yaml:13:41: error KZ407 a condition with several operators (is, in)',
      '  hint: split it into several conditions under all: [...]',
      'r.yaml:14:9: error KZ407 the condition on fact "data.class" has no operator',
      '  hint: operators for this fact: is, in, gte, lte, exists',
      'r.yaml:15:28: error KZ401 unknown key "equals" in a condition',
      '  hint: known keys: fact, is, in, has, has-any, has-all, gte, lte, exists, not, any, all, some-device',
      'r.yaml:16:9: error KZ407 empty condition',
      '  hint: write {fact: <fact>, <operator>: <value>}, or not:, any:, all: or some-device:',
      'r.yaml:17:9: error KZ407 a condition mixes a fact test with not',
      '  hint: split it into several conditions under all: [...]',
      '',
    ].join('\n'));
  });

  it('values that do not fit their fact: wrong type, not in its vocabulary, badly formed; custom controls allowed', () => {
    const r = loadText(withWhen(
      '{fact: data.class, is: medicl}',
      '{fact: network.kind, is: [internet, lan]}',
      '{fact: device.count, gte: many}',
      '{fact: device.controls, has-any: x-ok}',
      '{fact: device.controls, has-any: [x-ok, wafx]}',
      '{fact: site.country, is: Japan}',
      '{fact: device.id, in: [EhrServer]}',
      '{fact: location.public, exists: yes}',
      '{fact: data.class, gte: []}',
      '{fact: device.roles, has-all: []}',
    ));
    expect(codes(r)).toEqual(['KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ408', 'KZ405']);
    expect(en(r)).toBe([
      'r.yaml:12:32: error KZ408 "medicl" is not a value of fact "data.class" (did you mean "medical"?)',
      '  hint: allowed: "other", "may-contain-medical", "medical"',
      'r.yaml:13:34: error KZ408 is on fact "network.kind" takes one value, not a list',
      '  hint: for any of several values use in',
      'r.yaml:14:35: error KZ408 gte on fact "device.count" takes an integer, not a string',
      '  hint: write a whole number, 0 or more',
      'r.yaml:15:42: error KZ408 has-any on fact "device.controls" takes a list, not a string',
      '  hint: use is / has for one value, in / has-any / has-all for several',
      'r.yaml:16:49: error KZ408 "wafx" is not a value of fact "device.controls" (did you mean "waf"?)',
      '  hint: allowed: "access-control", "least-privilege", "separation-of-duties", "input-validation", "code-review", "vulnerability-scan", "patch-management", "antivirus", "edr", "waf", "ids-ips", "encryption-at-rest" and 29 more (custom controls start with "x-")',
      'r.yaml:17:34: error KZ408 "Japan" is not a valid value of fact "site.country": must be a two-letter ISO 3166-1 country code such as JP',
      'r.yaml:18:32: error KZ408 "EhrServer" is not a valid value of fact "device.id": must be kebab-case (a-z, 0-9 and "-")',
      'r.yaml:19:41: error KZ408 exists on fact "location.public" takes true or false, not a string',
      '  hint: write true or false',
      'r.yaml:20:33: error KZ408 gte on fact "data.class" takes one value, not a list',
      'r.yaml:21:39: error KZ405 "when[9].has-all" is empty',
      '  hint: give at least one',
      '',
    ].join('\n'));
  });

  it('rule-level schema errors: unknown key, wrong type, bad value, missing key, bad format', () => {
    const r = loadText(rulesFile([
      '  - id: OrgFax',
      '    threat: theft-leek',
      '    title: 漏えい',
      '    risk: {ja: r, en: r, fr: r}',
      '    cia: [C, C]',
      '    segments: [transfr]',
      '    likelihood: {base: 6, adjust: [{when: {fact: phase, is: operation}, by: 0, reason: {ja: x, en: x}}]}',
      '    referneces: []',
      '',
    ].join('\n')));
    expect(en(r)).toBe([
      'r.yaml:3:5: error KZ404 a rule is missing required key "countermeasures"',
      '  hint: see the example in docs/rules.md',
      'r.yaml:3:9: error KZ405 id "OrgFax" is not kebab-case (lower-case letters, digits and "-") (did you mean "org-fax"?)',
      '  hint: use a-z, 0-9 and "-" in rule ids; put Japanese in the title',
      'r.yaml:4:13: error KZ403 invalid threat "theft-leek" (did you mean "theft-leak"?)',
      '  hint: allowed: "unauthorised-access", "eavesdropping-spoofing", "advanced-attack", "ransomware", "theft-leak", "tampering-destruction", "outage", "vulnerability", "loss-theft-taken-out", "physical-intrusion", "disaster"',
      'r.yaml:5:12: error KZ402 "title" must be a mapping, not a string',
      '  hint: write it as {ja: ..., en: ...}',
      'r.yaml:6:26: error KZ401 unknown key "fr" in a text (ja/en)',
      '  hint: known keys: ja, en',
      'r.yaml:7:14: error KZ405 "C" appears twice in cia',
      '  hint: remove the repeated item',
      'r.yaml:8:16: error KZ403 invalid segments[0] "transfr" (did you mean "transfer"?)',
      '  hint: allowed: "input", "processing", "storage", "logging", "transfer", "display", "print", "media", "disposal"',
      'r.yaml:9:24: error KZ405 invalid likelihood.base "6": must be at most 5',
      '  hint: grades run from 1 (very low / very small) to 5 (very high / very large)',
      'r.yaml:9:77: error KZ405 invalid likelihood.adjust[0].by "0": must be other than 0',
      'r.yaml:10:5: error KZ401 unknown key "referneces" in a rule (did you mean "references"?)',
      '  hint: known keys: id, threat, title, risk, message, cia, segments, phases, when, impact, likelihood, at, countermeasures, references',
      '',
    ].join('\n'));
  });

  it('placeholders a message does not know, and controls mitigate does not know', () => {
    const r = loadText(rulesFile(`${RULE}    message: {ja: "{devcie}で漏えい", en: "leak at {device}"}\n    at: devices\n`));
    expect(en(r)).toBe([
      'r.yaml:11:19: error KZ409 unknown placeholder {devcie} in message.ja (did you mean "{device}" or "{devices}"?)',
      '  hint: placeholders: {device}, {devices}, {location}, {site}, {network}, {actor}, {flow}, {media}, {data}, {phase}, {segment}',
      'r.yaml:12:9: error KZ403 invalid at "devices" (did you mean "device"?)',
      '  hint: allowed: "device", "location", "site", "network", "link", "media"',
      '',
    ].join('\n'));
    const m = loadText(rulesFile(RULE.replace('{base: 3}', '{base: 3, mitigate: {controls: [wafx, x-mine, locked]}}')));
    expect(codes(m)).toEqual(['KZ403']);
    expect(m.diagnostics[0]?.suggestions).toEqual(['waf']);
  });

  it('a rule id taken by a built-in rule, or declared twice across files', () => {
    const files = { 'a.yaml': fileOf(ruleJson({ id: 'input-spoofing' }), ruleJson({ id: 'mine' })), 'b.yaml': fileOf(ruleJson({ id: 'other' }), ruleJson({ id: 'mine' })) };
    const r = loadText(files, [{ path: 'a.yaml', source: null }, { path: 'b.yaml', source: null }], ['input-spoofing']);
    expect(en(r)).toBe([
      'a.yaml:3:9: error KZ410 rule id "input-spoofing" is taken by a built-in rule',
      '  hint: choose another id; a prefix such as your organisation\'s name avoids clashes (e.g. org-input-spoofing)',
      'b.yaml:21:9: error KZ411 duplicate rule id "mine" (first declared at a.yaml:21:9)',
      '  hint: rule ids must be unique across every rule file',
      '',
    ].join('\n'));
    // The valid rules still come back (the caller stops on errors anyway): neither clashing one.
    expect(r.rules.map((x) => x.id)).toEqual(['mine', 'other']);
    expect(loadText({ 'a.yaml': files['a.yaml'] }, [{ path: 'a.yaml', source: null }], []).diagnostics).toEqual([]);
  });

  const named = { file: 'm/model.yaml', start: { line: 2, col: 9 }, end: { line: 2, col: 20 } };

  it('a path outside the model\'s folder, a missing file, an empty folder', () => {
    const files = { 'm/model.yaml': '', 'elsewhere/r.yaml': fileOf(ruleJson()), 'm/empty/notes.txt': '' };
    const r = loadText(files, [
      { path: 'elsewhere/r.yaml', source: named },
      { path: 'm/../elsewhere/r.yaml', source: named, within: 'm' },
      { path: 'm/missing.yaml', source: named },
      { path: 'm/empty', source: named },
      { path: 'no-such-file.yaml', source: null },
    ]);
    expect(en(r)).toBe([
      'm/model.yaml:2:9: error KZ412 rule file "elsewhere/r.yaml" lies outside the model\'s folder',
      '  hint: keep it inside the model\'s folder (a symbolic link may not point out of it either); give rules from elsewhere with --rules',
      'm/model.yaml:2:9: error KZ412 rule file "elsewhere/r.yaml" lies outside the model\'s folder',
      '  hint: keep it inside the model\'s folder (a symbolic link may not point out of it either); give rules from elsewhere with --rules',
      'm/model.yaml:2:9: error KZ006 cannot read file "m/missing.yaml": no such file',
      '  hint: check the path and the file\'s permissions',
      'm/model.yaml:2:9: warning KZ413 rules folder "m/empty" holds no rule file (.yaml or .yml)',
      '  hint: put rule files in it, or take it out of rules:',
      'no-such-file.yaml:1:1: error KZ006 cannot read file "no-such-file.yaml": no such file',
      '  hint: check the path and the file\'s permissions',
      '',
    ].join('\n'));
    // From the command line (no source), a path may be anywhere.
    expect(loadText(files, [{ path: 'elsewhere/r.yaml', source: null }]).diagnostics).toEqual([]);
  });

  it('not a rule file: a model, no version, another version, a list; YAML errors as for models', () => {
    const r = loadText({
      'model.yaml': 'koseizu: 1\nsystem: {id: s, title: T, forms: [application], phases: [operation]}\n',
      'plain.yaml': 'rules: []\n',
      'v2.yaml': 'koseizu-rules: 2\nrules: []\n',
      'list.yaml': '- id: x\n',
      'empty.yaml': '',
      'broken.yaml': 'koseizu-rules: 1\nrules: [\n',
      'bomb.yaml': `koseizu-rules: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(20)}*a]\nc: &c [${'*b, '.repeat(20)}*b]\nrules: []\n`,
    }, ['model.yaml', 'plain.yaml', 'v2.yaml', 'list.yaml', 'empty.yaml', 'broken.yaml', 'bomb.yaml'].map((path) => ({ path, source: null })));
    expect(en(r).split('\n').filter((l) => !l.startsWith('  hint'))).toEqual([
      'model.yaml:1:1: error KZ400 this is a koseizu model, not a rule file',
      'plain.yaml:1:1: error KZ400 not a koseizu rule file: "koseizu-rules: 1" is missing',
      'v2.yaml:1:16: error KZ400 unsupported rule file version "2"',
      'list.yaml:1:1: error KZ400 a rule file must be a mapping (key: value), not a list',
      'empty.yaml:1:1: error KZ400 not a koseizu rule file: "koseizu-rules: 1" is missing',
      'broken.yaml:2:8: error KZ001 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'bomb.yaml:3:8: error KZ005 too many aliases (limit 200): YAML that expands this much is refused',
      '',
    ]);
    expect(r.diagnostics[0]?.code).toBe('KZ400');
    expect(formatDiagnostics(r.diagnostics.slice(0, 1), 'en')).toMatch(/hint: name rule files \(or folders of them\) in rules:; a model is split with include:/);
  });

  it('control characters in texts, and conditions nested past the limit', () => {
    const r = loadText(rulesFile(RULE.replace('title: {ja: t, en: t}', 'title: {ja: "t\\u0007", en: t}')));
    expect(en(r)).toMatch(/^r\.yaml:5:17: error KZ112 "title\.ja" contains the control character U\+0007\n/);
    let deep = '{fact: phase, is: operation}';
    for (let i = 0; i < 40; i++) deep = `{not: ${deep}}`;
    const d = loadText(withWhen(deep));
    expect(codes(d)).toEqual(['KZ405']);
    expect(en(d)).toMatch(/error KZ405 invalid when\[0\](\.not){16} "\{\.\.\.\}": must be nested at most 16 deep/);
  });

  it('every rule-file code has words in both languages, and a hint', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('KZ4')) as DiagnosticCode[]) {
      expect(MESSAGES[code].hint, code).toBeDefined();
    }
  });
});

describe('the disk host lists folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'koseizu-user-rules-'));
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });
  const slash = (p: string): string => p.replace(/\\/g, '/');

  it('names the files only, sorted; says when a path is a file, missing, outside, or too big a folder', () => {
    const model = join(root, 'model');
    mkdirSync(join(model, 'rules', 'sub'), { recursive: true });
    for (const name of ['b.yaml', 'a.yaml', 'C.yml', 'sub/d.yaml']) writeFileSync(join(model, 'rules', name), '');
    writeFileSync(join(root, 'outside.yaml'), fileOf(ruleJson()));
    symlinkSync(join(root, 'outside.yaml'), join(model, 'rules', 'link.yaml'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(model, 'away'));

    expect(diskHost.list?.(slash(join(model, 'rules')), null)).toEqual({ ok: true, files: ['C.yml', 'a.yaml', 'b.yaml', 'link.yaml'] });
    expect(diskHost.list?.(slash(join(model, 'rules', 'a.yaml')), null)).toEqual({ ok: false, reason: 'not-a-folder' });
    expect(diskHost.list?.(slash(join(model, 'nothing')), null)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(diskHost.list?.(slash(join(model, 'away')), slash(model))).toEqual({ ok: false, reason: 'outside' });

    const big = join(root, 'big');
    mkdirSync(big);
    for (let i = 0; i <= MAX_LISTED_ENTRIES; i++) writeFileSync(join(big, `${i}.txt`), '');
    expect(diskHost.list?.(slash(big), null)).toMatchObject({ ok: false, reason: 'too-many' });

    // Through the loader: the symbolic link out of the model's folder is refused where it is.
    const result = loadUserRules([{ path: slash(join(model, 'rules')), source: null, within: slash(model) }], diskHost, BUILTIN_IDS);
    expect(result.diagnostics.filter((d) => d.code === 'KZ412').map((d) => d.range.file)).toEqual([slash(join(model, 'rules', 'link.yaml'))]);
    const many = loadUserRules([{ path: slash(big), source: null }], diskHost, BUILTIN_IDS);
    expect(formatDiagnostics(many.diagnostics, 'en')).toMatch(/error KZ006 cannot read file ".*\/big": the folder holds too many entries/);
  });
});

describe('end to end: examples/cloud-ehr with a rule file', () => {
  it('fires once, on the wireless LAN of the intake tablets, with every reason', () => {
    const model = loadModel('examples/cloud-ehr/model.yaml', diskHost).model;
    expect(model).toBeDefined();
    const loaded = loadUserRules([{ path: 'test/fixtures/rules/wlan-shared-key.yaml', source: null }], diskHost, BUILTIN_IDS);
    expect(formatDiagnostics(loaded.diagnostics, 'en')).toBe('');
    const risks = analyse(model!, [...BUILTIN_RULES, ...loaded.rules]).risks;
    const mine = risks.filter((r) => r.rule === 'org-wlan-shared-key');
    expect(mine.map((r) => r.id)).toEqual(['org-wlan-shared-key@clinic-wlan']);
    const risk = worded(mine[0] as Risk, [...BUILTIN_RULES, ...loaded.rules], model!);
    expect(risk.risk.segments).toEqual(['intake/intake-tablet>wireless-ap']);
    expect(risk.message.ja).toBe('問診用無線LAN（問診用タブレット（待合室）→無線アクセスポイント（事務室））に第三者の端末が接続し、患者情報等の通信が盗聴される、または正規の端末になりすまされる');
    expect(risk.likelihood.reasons.map((r) => [r.ja, r.value])).toEqual([
      ['事前共有鍵は利用者の間で共有され、漏えいしても気付きにくい', 3],
      ['不特定多数が立ち入る場所の携帯端末が接続している', 4],
      ['既存の管理策「MDM」', 3],
    ]);
    expect(risk.impact.value).toBe(4);
    expect([risk.risk.level, risk.risk.rank]).toEqual([3, 'B']);
    expect(risk.risk.threat).toBe('eavesdropping-spoofing');
  });

  it('stays silent with IEEE 802.1X and WPA2-Enterprise, and scores an open network higher (as docs/rules.md says)', () => {
    const dir = 'examples/cloud-ehr';
    const variant = (from: string, to: string): readonly Risk[] => {
      const network = readFileSync(`${dir}/network.yaml`, 'utf8');
      expect(network).toContain(from);
      const host = memoryHost({ [`${dir}/model.yaml`]: readFileSync(`${dir}/model.yaml`, 'utf8'), [`${dir}/network.yaml`]: network.replace(from, to) });
      const model = loadModel(`${dir}/model.yaml`, host).model;
      expect(model).toBeDefined();
      const loaded = loadUserRules([{ path: 'test/fixtures/rules/wlan-shared-key.yaml', source: null }], diskHost, BUILTIN_IDS);
      return analyse(model!, loaded.rules).risks;
    };
    expect(variant('wlan-security: wpa2-personal, mac-filter: true,\n     ieee8021x: false', 'wlan-security: wpa2-enterprise, mac-filter: true,\n     ieee8021x: true')).toEqual([]);
    const open = variant('wlan-security: wpa2-personal', 'wlan-security: open');
    expect(open.map((r) => r.likelihood.reasons.map((x) => x.value))).toEqual([[3, 5, 5, 4]]);
  });
});

describe('the rule schema and its documentation', () => {
  it(`${RULE_SCHEMA_JSON_PATH} and ${RULE_VALIDATOR_PATH} are what the generator writes (run npm run gen)`, () => {
    expect(readFileSync(RULE_SCHEMA_JSON_PATH, 'utf8')).toBe(ruleSchemaJson());
    expect(readFileSync(RULE_VALIDATOR_PATH, 'utf8')).toBe(ruleValidatorSource());
  });

  it('compiles strictly, accepts the sample rule files, and describes every property with its Japanese term', () => {
    const validate = new Ajv({ allErrors: true, strict: true, keywords: [...EDITOR_KEYWORDS] }).compile(JSON.parse(readFileSync(RULE_SCHEMA_JSON_PATH, 'utf8')) as object);
    for (const file of ['wlan-shared-key.yaml', 'folder/a-terminal.yml', 'folder/b-printer.yaml']) {
      const result = loadUserRules([{ path: `test/fixtures/rules/${file}`, source: null }], diskHost, []);
      expect(result.diagnostics, file).toEqual([]);
    }
    expect(validate({ 'koseizu-rules': 1, rules: [ruleJson()] })).toBe(true);
    const missing: string[] = [];
    const walkSchema = (node: unknown, at: string): void => {
      if (Array.isArray(node)) { node.forEach((n, i) => { walkSchema(n, `${at}/${i}`); }); return; }
      if (node === null || typeof node !== 'object') return;
      const properties = (node as Json)['properties'];
      if (properties && typeof properties === 'object') {
        for (const [key, value] of Object.entries(properties as Record<string, Json>)) {
          const description = value['description'];
          if (typeof description !== 'string' || !/[\u3040-\u9fff]/.test(description)) missing.push(`${at}/${key}`);
        }
      }
      for (const [key, child] of Object.entries(node)) walkSchema(child, `${at}/${key}`);
    };
    walkSchema(ruleSchema, '#');
    expect(missing).toEqual([]);
  });

  it('facts: every type has operators; every fact is documented in docs/rules.md with its type, and so is every operator, combinator, placeholder and code', () => {
    const doc = readFileSync('docs/rules.md', 'utf8');
    for (const name of FACT_NAMES) {
      expect(OPERATORS_BY_TYPE[FACTS[name].type].length, name).toBeGreaterThan(0);
      expect(doc, name).toContain(`| \`${name}\` | ${FACTS[name].type}`);
    }
    for (const op of [...OPERATOR_NAMES, ...COMBINATOR_NAMES]) expect(doc, op).toContain(`\`${op}\``);
    for (const p of Object.keys(PLACEHOLDERS)) expect(doc, p).toContain(`\`{${p}}\``);
    for (const code of Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('KZ4'))) expect(doc, code).toContain(code);
  });
});
