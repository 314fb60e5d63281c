// Table tests for threat rules, in the spirit of ESLint's RuleTester: a small base model (a clinic, a
// provider's data centre, an off-site vault), edited per case, loaded through the real pipeline, walked
// and frozen; one rule runs over it twice (the findings must be equal), every message id and placeholder
// it names is checked against its messages, and the test compares the risk ids it raised with those the
// case expects. Cases assert on ids, grades, message ids and reason codes, never on wording. Every case
// must load cleanly, so a case can never pass because its model was broken.
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SHARED_REASONS } from '../../models/grades.js';
import type { Arg, MessageData, MessageRef, Messages } from '../../models/message.js';
import type { Model } from '../../models/model.js';
import type { Risk } from '../../models/risk.js';
import type { Rule } from '../../models/rule.js';
import { assess } from '../../src/analysis/engine.js';
import { deriveFacts } from '../../src/analysis/facts.js';
import { riskMatrix } from '../../src/analysis/score.js';
import { walk } from '../../src/analysis/walk.js';
import { formatDiagnostics, loadModel } from '../../src/index.js';
import { memoryHost } from './memory-host.js';

type Json = Record<string, unknown>;
/** The base model as plain data; cases edit a fresh copy. */
export interface World extends Json {
  system: Json;
  sites: Json[];
  locations: Json[];
  actors: Json[];
  data: Json[];
  devices: Json[];
  networks: Json[];
  links: Json[];
  media: Json[];
  flows: Json[];
}

/**
 * The base world. Operation: a doctor views records at a terminal in the exam room, through the clinic
 * router and an IPsec VPN to the app server, which stores in the database and logs to the log server; a
 * clerk prints claims; a backup tape goes to the vault. Development: a developer works on the dev server.
 * Termination: an operator erases the database. Controls are few, so most rules have something to say.
 */
export function baseWorld(): World {
  return {
    system: { id: 'world', title: 'Rule test world', forms: ['application'], phases: ['development', 'operation', 'termination'], lang: 'en' },
    sites: [
      { id: 'clinic', label: 'Clinic', owner: 'institution', country: 'JP' },
      { id: 'dc', label: 'Data centre', owner: 'provider', country: 'JP' },
      { id: 'vault', label: 'Vault', owner: 'third-party', country: 'JP' },
    ],
    locations: [
      { id: 'exam-room', label: 'Exam room', site: 'clinic' },
      { id: 'reception', label: 'Reception', site: 'clinic' },
      { id: 'server-room', label: 'Server room', site: 'dc', controls: ['locked'] },
      { id: 'dev-room', label: 'Dev room', site: 'dc' },
      { id: 'vault-room', label: 'Vault room', site: 'vault' },
    ],
    actors: [
      { id: 'doctor', label: 'Doctor', org: 'institution' },
      { id: 'clerk', label: 'Clerk', org: 'institution' },
      { id: 'developer', label: 'Developer', org: 'provider' },
      { id: 'operator', label: 'Operator', org: 'provider' },
      { id: 'courier', label: 'Courier', org: 'third-party' },
    ],
    data: [
      { id: 'records', label: 'Records', class: 'medical', kind: 'record', 'legal-record': true, retention: '5y' },
      { id: 'claims', label: 'Claims', class: 'medical', kind: 'document', 'legal-record': true, retention: '3y' },
      { id: 'app-log', label: 'App log', class: 'may-contain-medical', kind: 'log', retention: '5y' },
      { id: 'backup', label: 'Backup', class: 'medical', kind: 'backup' },
      { id: 'code', label: 'Code', class: 'other', kind: 'code' },
    ],
    devices: [
      { id: 'terminal', label: 'Terminal', kind: 'terminal', at: 'exam-room', auth: 'password' },
      { id: 'printer', label: 'Printer', kind: 'printer', at: 'reception' },
      { id: 'router', label: 'Router', kind: 'vpn-gateway', at: 'reception' },
      { id: 'gateway', label: 'Gateway', kind: 'firewall', at: 'server-room' },
      { id: 'app-server', label: 'App server', kind: 'server', at: 'server-room', env: 'production' },
      { id: 'db', label: 'Database', kind: 'database', at: 'server-room', env: 'production' },
      { id: 'log-server', label: 'Log server', kind: 'log-server', at: 'server-room' },
      { id: 'dev-terminal', label: 'Dev terminal', kind: 'terminal', at: 'dev-room', auth: ['password', 'otp'] },
      { id: 'dev-server', label: 'Dev server', kind: 'server', at: 'server-room', env: 'development' },
    ],
    networks: [
      { id: 'lan', label: 'Clinic LAN', kind: 'lan' },
      { id: 'vpn', label: 'VPN', kind: 'ipsec-vpn', ike: true },
      { id: 'dc-lan', label: 'DC LAN', kind: 'lan' },
    ],
    links: [
      { from: 'terminal', to: 'router', network: 'lan', protocol: 'https', tls: '1.3' },
      { from: 'printer', to: 'router', network: 'lan' },
      { from: 'router', to: 'gateway', network: 'vpn' },
      { from: 'gateway', to: 'app-server', network: 'dc-lan', protocol: 'https', tls: '1.2' },
      { from: 'app-server', to: 'db', network: 'dc-lan', protocol: 'sql' },
      { from: 'app-server', to: 'log-server', network: 'dc-lan', protocol: 'syslog' },
      { from: 'dev-terminal', to: 'dev-server', network: 'dc-lan', protocol: 'ssh' },
    ],
    media: [
      { id: 'tape', label: 'Backup tape', kind: 'tape', from: 'server-room', to: 'vault-room', carrier: 'courier', encrypted: true, data: ['backup'], phases: ['operation'] },
    ],
    flows: [
      { id: 'view', label: 'The doctor views records', phase: 'operation', who: 'doctor', which: 'terminal', what: ['records'], how: ['view', 'edit'], path: ['terminal', 'router', 'gateway', 'app-server', 'db'], volume: 'medium' },
      { id: 'print', label: 'The clerk prints claims', phase: 'operation', who: 'clerk', which: 'printer', what: ['claims'], how: ['print'], path: ['app-server', 'gateway', 'router', 'printer'] },
      { id: 'logs', label: 'The app server logs', phase: 'operation', which: 'log-server', what: ['app-log'], how: ['store'], path: ['app-server', 'log-server'] },
      { id: 'dev', label: 'The developer develops', phase: 'development', who: 'developer', which: 'dev-terminal', what: ['code'], how: ['develop'], path: ['dev-terminal', 'dev-server'] },
      { id: 'erase', label: 'The operator erases the database', phase: 'termination', who: 'operator', which: 'db', what: ['records'], how: ['erase'], path: ['db'] },
    ],
  };
}

/**
 * Adds a staff member's own smartphone (BYOD) at home, caching records, and a doctor's on-call flow that
 * views records on it through the router to the app server: the world's personal, carried device.
 */
export function addStaffPhone(world: World): void {
  world.sites.push({ id: 'home', label: 'Home', owner: 'third-party' });
  world.locations.push({ id: 'home-room', label: 'At home', site: 'home' });
  world.devices.push({ id: 'phone', label: 'Own phone', kind: 'smartphone', at: 'home-room', owner: 'staff', auth: ['password', 'biometric'], roles: ['input', 'display', 'process'], stores: [{ data: 'records', as: 'cache' }] });
  world.links.push({ from: 'phone', to: 'router', network: 'lan', protocol: 'https', tls: '1.3' });
  world.flows.push({ id: 'on-call', label: 'On call', phase: 'operation', who: 'doctor', which: 'phone', what: ['records'], how: ['view'], path: ['phone', 'router', 'gateway', 'app-server'] });
}

/** Finds an element of the world by id in a section, to edit it. */
export function el(world: World, section: keyof World, id: string): Json {
  const list = world[section] as Json[];
  const found = list.find((e) => e['id'] === id || (section === 'links' && `${String(e['from'])}--${String(e['to'])}` === id));
  if (!found) throw new Error(`no ${String(section)} "${id}" in the test world`);
  return found;
}

export function loadWorld(world: World): Model {
  const text = stringify({ koseizu: 1, ...world });
  const result = loadModel('world.yaml', memoryHost({ 'world.yaml': text }));
  if (!result.model) throw new Error(`the case's model does not load:\n${formatDiagnostics(result.diagnostics, 'en')}`);
  return result.model;
}

/** Freezes a value and everything in it, so that a rule that changes its input throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{([A-Za-z][\w-]*)\}/g)].map((m) => m[1] as string);

/** The clauses (other messages of the table) an argument names, however deep in lists. */
function clausesOf(arg: Arg): MessageRef[] {
  if (typeof arg !== 'object') return [];
  if ('message' in arg) return [arg.message];
  if ('list' in arg) return arg.list.flatMap(clausesOf);
  return [];
}

/**
 * Problems with one message reference: an unknown id, or data that does not match the template's
 * placeholders; the clauses its data names are checked the same way, in the same table.
 */
export function messageProblems(where: string, table: Messages, id: string, data: MessageData): string[] {
  const message = table[id];
  if (!message) return [`${where}: unknown message "${id}"`];
  const wanted = new Set([...placeholdersOf(message.ja), ...placeholdersOf(message.en)]);
  const given = Object.keys(data);
  return [
    ...[...wanted].filter((p) => !given.includes(p)).map((p) => `${where}: message "${id}" is missing placeholder {${p}}`),
    ...given.filter((p) => !wanted.has(p)).map((p) => `${where}: message "${id}" is given {${p}}, which it does not use`),
    ...Object.values(data).flatMap(clausesOf).flatMap((c) => messageProblems(`${where}, clause of "${id}"`, table, c.messageId, c.data)),
  ];
}

/** An element a finding's `by` may name: a device, site, location, network, link or media transport. */
function knownElement(model: Model, id: string): boolean {
  return [model.devices, model.sites, model.locations, model.networks, model.links, model.media].some((list) => list.some((e) => e.id === id));
}

/** Message ids each rule's findings and reasons named, over every table run in this process. */
const named = new Map<string, Set<string>>();

/**
 * Runs one rule the way ESLint's RuleTester runs one: on frozen inputs, each applicable segment checked
 * twice (the findings must be equal), every message id and placeholder checked against the rule's
 * messages (reasons may name shared ones). Returns the risks the engine makes of it.
 */
export function runRule(rule: Rule, model: Model): readonly Risk[] {
  deepFreeze(model);
  const segments = deepFreeze(walk(model));
  const context = { model, facts: deriveFacts(model, segments) };
  const problems: string[] = [];
  const used = named.get(rule.id) ?? new Set<string>();
  named.set(rule.id, used);
  const reasons: Messages = { ...SHARED_REASONS, ...rule.messages };
  for (const segment of segments) {
    if (!rule.segments.includes(segment.kind) || !rule.phases.includes(segment.phase)) continue;
    const findings = rule.check(segment, context);
    expect(JSON.stringify(rule.check(segment, context)), `${rule.id} on ${segment.kind} ${segment.key}: the same input gave other findings`).toBe(JSON.stringify(findings));
    for (const f of findings) {
      const where = `${rule.id} on ${segment.kind} ${segment.key}`;
      problems.push(...messageProblems(where, rule.messages, f.messageId, f.data));
      const name = (id: string, data: MessageData): void => {
        if (Object.hasOwn(rule.messages, id)) used.add(id);
        for (const c of Object.values(data).flatMap(clausesOf)) name(c.messageId, c.data);
      };
      name(f.messageId, f.data);
      for (const r of [...f.impact.reasons, ...f.likelihood.reasons]) {
        problems.push(...messageProblems(`${where}, reason`, reasons, r.code, r.data));
        name(r.code, r.data);
      }
      // A control counts once per score, however many devices of the segment have it.
      for (const [which, score] of [['impact', f.impact], ['likelihood', f.likelihood]] as const) {
        const counted = score.reasons.map((r) => r.data['control']).filter((c) => typeof c === 'object' && 'term' in c && c.term === 'control').map((c) => JSON.stringify(c));
        const twice = counted.filter((c, i) => counted.indexOf(c) !== i);
        if (twice.length > 0) problems.push(`${where}: the ${which} counts ${twice.join(', ')} more than once`);
      }
      for (const id of f.by ?? []) {
        if (!knownElement(model, id)) problems.push(`${where}: by names "${id}", which is no element of the model`);
      }
    }
  }
  expect(problems).toEqual([]);
  return assess({ model, segments, facts: context.facts }, [rule], riskMatrix(model.riskMatrix));
}

/** The risks one rule raises on a world. */
export function risksOf(rule: Rule, world: World): readonly Risk[] {
  return runRule(rule, loadWorld(world));
}

/** The ids of a rule's messages that no case of this file has named yet. */
export function unnamedMessages(rule: Rule): string[] {
  const used = named.get(rule.id) ?? new Set<string>();
  return Object.keys(rule.messages).filter((id) => !used.has(id)).sort();
}

export interface RuleCase {
  readonly name: string;
  /** Edits the base world; leave it out for the base world itself. */
  readonly edit?: (world: World) => void;
  /** The risk ids the rule must raise, exactly (sorted); [] when it must not fire. */
  readonly fires: readonly string[];
  /** Further checks on the risks raised: ranks, grades, message ids and reason codes (never wording). */
  readonly check?: (risks: readonly Risk[]) => void;
}

/**
 * One `it` per case, then one that every message the rule declares was named by some case (put tests on
 * the examples, which go through runRule too, before the table when they are what names a message).
 */
export function ruleTable(rule: Rule, cases: readonly RuleCase[]): void {
  for (const c of cases) {
    it(`${c.fires.length > 0 ? 'fires' : 'does not fire'}: ${c.name}`, () => {
      const world = baseWorld();
      c.edit?.(world);
      const risks = risksOf(rule, world);
      expect(risks.map((r) => r.id)).toEqual([...c.fires].sort());
      for (const r of risks) {
        expect(r.rule).toBe(rule.id);
        expect(r.impact.reasons.length).toBeGreaterThan(0);
        expect(r.likelihood.reasons.length).toBeGreaterThan(0);
      }
      c.check?.(risks);
    });
  }
  it(`names every message it declares in some case (${Object.keys(rule.messages).length})`, () => {
    expect(unnamedMessages(rule)).toEqual([]);
  });
}

/** The codes of a score's reasons, in order. */
export const codes = (score: { readonly reasons: readonly { readonly code: string }[] }): string[] => score.reasons.map((r) => r.code);
