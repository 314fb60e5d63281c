// Stage 3: meaning. Merges the sections of every file, checks ids and references, flows against links,
// phases and forms against the system, and, when nothing is wrong, builds the resolved Model with
// every default applied. Checks read the raw values defensively, so one malformed element does not
// hide the problems of the others: every problem is reported at once.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from '../../models/diagnostic.js';
import type {
  Actor, Auth, Data, Device, ElementKind, Flow, Kept, Link, Location, Media, Model, Network, Party, Response, RiskMatrixSpec, RuleSource, Site, System,
} from '../../models/model.js';
import type { SourceRange } from '../../models/source.js';
import {
  DEFAULT_NETWORK_ENCRYPTED, DEFAULT_ROLES, ENCRYPTING_PROTOCOLS, FORMS, OPERATORS, ORGS, PHASES, RANKS,
  type AuthFactor, type Certification, type KeptAs, type ResponseNeed, type DeviceKind, type Form, type NetworkKind, type Phase, type TlsVersion,
} from '../../models/vocabulary.js';
import type { LoadedFiles } from './files.js';
import { diagnostic, pointRange, type ParsedFile, type PathSegment } from './parse.js';
import { SECTION_ELEMENT } from './structure.js';
import { suggest } from './suggest.js';

type Raw = Record<string, unknown>;

/** One element as written: where it is and its raw value. */
interface Entry {
  readonly file: ParsedFile;
  readonly section: string;
  readonly index: number;
  readonly raw: Raw;
}

/** Distinct "did you mean" lookups per model; past this, unknown references get no suggestion. */
const MAX_SUGGESTION_LOOKUPS = 200;

const SECTIONS = ['parties', 'sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media', 'flows', 'responses'] as const;
type Section = (typeof SECTIONS)[number];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Sets of ids by key, growing on demand: ordered pairs of ids without a string per pair (a large model checks tens
 * of thousands), and the groups the facts stage gathers (src/analysis/facts.ts).
 */
export class SetMap {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, value: string): this {
    const set = this.map.get(key);
    if (set) set.add(value);
    else this.map.set(key, new Set([value]));
    return this;
  }
  has(key: string, value: string): boolean {
    return this.map.get(key)?.has(value) ?? false;
  }
  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? new Set<string>();
  }
}

export interface Resolved {
  readonly model: Model | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The largest model koseizu reads: each command on a model at these limits stays under 1 GB of memory
 * (bench/limits.mjs measures it). Identical devices in one place are one device with `count:`.
 */
export const MODEL_LIMITS = Object.freeze({
  parties: 200,
  sites: 500,
  locations: 1000,
  actors: 500,
  data: 500,
  devices: 3000,
  networks: 500,
  links: 7500,
  media: 500,
  flows: 3000,
  responses: 5000,
  /** Data items one flow or medium carries (what, data). */
  carried: 32,
  /** Devices on one flow's path. */
  path: 32,
  /** Devices on all flows' paths together: what the threat walk's segments grow with. */
  steps: 15000,
});

type Limited = keyof typeof MODEL_LIMITS;

function overLimit(entries: Readonly<Record<Section, readonly Entry[]>>): { readonly what: Limited; readonly count: number; readonly limit: number; readonly entry: Entry; readonly key?: string } | null {
  for (const what of ['parties', 'sites', 'locations', 'actors', 'data', 'devices', 'networks', 'links', 'media', 'flows', 'responses'] as const) {
    const list = entries[what];
    const beyond = list[MODEL_LIMITS[what]];
    if (beyond) return { what, count: list.length, limit: MODEL_LIMITS[what], entry: beyond };
  }
  for (const [section, key] of [['flows', 'what'], ['media', 'data']] as const) {
    for (const entry of entries[section]) {
      const carried = entry.raw[key];
      if (Array.isArray(carried) && carried.length > MODEL_LIMITS.carried) return { what: 'carried', count: carried.length, limit: MODEL_LIMITS.carried, entry, key };
    }
  }
  let steps = 0;
  for (const entry of entries.flows) {
    const path = entry.raw['path'];
    const length = Array.isArray(path) ? path.length : 1;
    if (length > MODEL_LIMITS.path) return { what: 'path', count: length, limit: MODEL_LIMITS.path, entry, key: 'path' };
    steps += length;
    if (steps > MODEL_LIMITS.steps) {
      const total = entries.flows.reduce((n, e) => n + (Array.isArray(e.raw['path']) ? (e.raw['path'] as unknown[]).length : 1), 0);
      return { what: 'steps', count: total, limit: MODEL_LIMITS.steps, entry, key: 'path' };
    }
  }
  return null;
}

export function resolveModel(loaded: LoadedFiles): Resolved {
  const diagnostics: Diagnostic[] = [];
  const root = loaded.files[0];
  if (!root || root.value === undefined) return { model: undefined, diagnostics };
  const report = (code: DiagnosticCode, range: SourceRange, args: DiagnosticArgs = {}, suggestions?: readonly string[]): void => {
    diagnostics.push(diagnostic(code, range, args, suggestions));
  };
  const at = (entry: Entry, ...path: PathSegment[]): SourceRange => entry.file.locator.range([entry.section, entry.index, ...path]);

  // Sections of all files, in merge order.
  const entries = Object.fromEntries(SECTIONS.map((s) => [s, [] as Entry[]])) as Record<Section, Entry[]>;
  // A section or element that could not be read may hold the references that would use an element:
  // then "never used" warnings would be wrong, so they are left out.
  // So does a file that could not be read or parsed (KZ0xx).
  let incomplete = loaded.diagnostics.some((d) => d.severity === 'error' && d.code < 'KZ100');
  for (const file of loaded.files) {
    const value = file.value as Raw | undefined;
    if (!value) continue;
    if (file !== root) {
      for (const section of ['system', 'risk-matrix', 'rules']) {
        if (section in value) report('KZ110', file.locator.keyRange([section]), { where: 'include', section });
      }
    }
    for (const section of SECTIONS) {
      const items = value[section];
      if (items === undefined || items === null) continue;
      if (!Array.isArray(items)) { incomplete = true; continue; }
      items.forEach((raw, index) => {
        if (isRaw(raw)) entries[section].push({ file, section, index, raw });
        else incomplete = true;
      });
    }
  }

  // The largest model koseizu reads (docs/dsl.md, "Limits"): past these, a command would need more than
  // 1 GB of memory. Refused here, before any work, at the first element past the limit.
  const over = overLimit(entries);
  if (over) {
    const key = over.key !== undefined && over.key in over.entry.raw ? over.key : undefined;
    report('KZ014', key ? over.entry.file.locator.keyRange([over.entry.section, over.entry.index, key]) : at(over.entry), { what: over.what, count: over.count, limit: over.limit });
    return { model: undefined, diagnostics };
  }

  // The system, and what it declares.
  const rawSystem = (root.value as Raw)['system'];
  if (rawSystem === undefined) report('KZ110', pointRange(root.file), { where: 'root' });
  const system = isRaw(rawSystem) ? rawSystem : {};
  const declaredPhases = strings(system['phases']).filter((p): p is Phase => Object.hasOwn(PHASES, p));
  const declaredForms = strings(system['forms']).filter((f): f is Form => Object.hasOwn(FORMS, f));
  const phases = declaredPhases.length > 0 ? declaredPhases : (Object.keys(PHASES) as Phase[]);
  const forms = declaredForms.length > 0 ? declaredForms : (Object.keys(FORMS) as Form[]);

  // Ids: unique across the whole model, whatever the kind. A duplicate is reported once, at its
  // declaration; references to it are taken as meant for any kind it was declared with.
  const ids = new Map<string, { kind: ElementKind; entry: Entry }>();
  const kindsOf = new Map<string, Set<ElementKind>>();
  const idOf = (entry: Entry): string | undefined =>
    entry.section === 'links' ? (str(entry.raw['id']) ?? linkDefaultId(entry.raw)) : str(entry.raw['id']);
  for (const section of SECTIONS) {
    if (section === 'responses') continue;
    const kind = SECTION_ELEMENT[section] as ElementKind;
    for (const entry of entries[section]) {
      const id = idOf(entry);
      if (id === undefined) continue;
      kindsOf.set(id, (kindsOf.get(id) ?? new Set<ElementKind>()).add(kind));
      const first = ids.get(id);
      if (first) {
        const range = 'id' in entry.raw ? at(entry, 'id') : at(entry);
        const firstRange = 'id' in first.entry.raw ? at(first.entry, 'id') : at(first.entry);
        report('KZ106', range, { id, kind, firstKind: first.kind, first: `${firstRange.file}:${firstRange.start.line}:${firstRange.start.col}`, implicit: 'id' in entry.raw ? '' : 'link' });
      } else {
        ids.set(id, { kind, entry });
      }
    }
  }
  // "Did you mean": the ids of the kinds asked for, computed once per lookup key; after a budget of
  // lookups no more suggestions are made, so a model with thousands of bad references stays fast.
  const suggestions = new Map<string, string[]>();
  const suggestFor = (value: string, kinds: readonly ElementKind[]): string[] => {
    const key = `${kinds.join('|')}\u0000${value}`;
    const known = suggestions.get(key);
    if (known) return known;
    if (suggestions.size >= MAX_SUGGESTION_LOOKUPS) return [];
    const candidates = [...kindsOf.entries()].filter(([, declared]) => kinds.some((k) => declared.has(k))).map(([id]) => id);
    const found = suggest(value, candidates);
    suggestions.set(key, found);
    return found;
  };

  // References.
  const used = new Set<string>();
  /** Checks that `value` names an element of one of `kinds`; returns the id when it does. */
  const reference = (entry: Entry, path: PathSegment[], value: unknown, kinds: readonly ElementKind[]): string | undefined => {
    if (typeof value !== 'string') return undefined;
    const declared = kindsOf.get(value);
    if (!declared || !kinds.some((k) => declared.has(k))) {
      // Only a reference that does not resolve needs its place in the file.
      const range = at(entry, ...path);
      const kindName = kinds.join('|');
      const meant = suggestFor(value, kinds);
      if (declared) report('KZ208', range, { id: value, kind: kindName, found: [...declared][0] ?? '' }, meant);
      else report('KZ104', range, { kind: kindName, id: value }, meant);
      // The element probably meant is not "never used": it is misspelt here.
      for (const id of meant) used.add(id);
      return undefined;
    }
    used.add(value);
    return value;
  };
  const referenceList = (entry: Entry, key: string, kinds: readonly ElementKind[]): void => {
    const list = entry.raw[key];
    if (Array.isArray(list)) list.forEach((v, i) => reference(entry, [key, i], v, kinds));
  };
  const declared = <T extends string>(entry: Entry, path: PathSegment[], value: unknown, allowed: readonly T[], all: Readonly<Record<T, unknown>>, code: 'KZ203' | 'KZ204'): void => {
    if (typeof value === 'string' && Object.hasOwn(all, value) && !allowed.includes(value as T)) {
      report(code, at(entry, ...path), { value, declared: [...allowed] });
    }
  };

  // Operators: a word of the vocabulary, or the id of a party of the model.
  const operatorRef = (entry: Entry, key: 'operator' | 'supplier', words: Readonly<Record<string, unknown>>): void => {
    const value = entry.raw[key];
    if (typeof value !== 'string' || Object.hasOwn(words, value)) return;
    if (Object.hasOwn(OPERATORS, value)) report('KZ211', at(entry, key), { value, kind: SECTION_ELEMENT[entry.section] ?? entry.section });
    else reference(entry, [key], value, ['party']);
  };
  for (const e of entries.sites) operatorRef(e, 'operator', ORGS);
  for (const e of entries.devices) operatorRef(e, 'operator', OPERATORS);
  for (const e of entries.devices) operatorRef(e, 'supplier', ORGS);
  for (const e of entries.networks) operatorRef(e, 'operator', ORGS);
  for (const e of entries.actors) reference(e, ['party'], e.raw['party'], ['party']);
  // What devices keep: data, and where its backups go.
  for (const e of entries.devices) {
    const list = e.raw['stores'];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (typeof item === 'string') { reference(e, ['stores', i], item, ['data']); return; }
      if (!isRaw(item)) return;
      const data = item['data'];
      if (typeof data === 'string') reference(e, ['stores', i, 'data'], data, ['data']);
      else if (Array.isArray(data)) data.forEach((v, j) => reference(e, ['stores', i, 'data', j], v, ['data']));
      const to = item['backup-to'];
      if (Array.isArray(to)) to.forEach((v, j) => reference(e, ['stores', i, 'backup-to', j], v, ['device', 'media']));
      reference(e, ['stores', i, 'of'], item['of'], ['device']);
    });
  }

  const locationOf = new Map<string, string>(); // device -> location
  const siteOf = new Map<string, string>(); // location -> site
  for (const e of entries.locations) {
    const site = reference(e, ['site'], e.raw['site'], ['site']);
    const id = str(e.raw['id']);
    if (id && site) siteOf.set(id, site);
  }
  for (const e of entries.devices) {
    const loc = reference(e, ['at'], e.raw['at'], ['location']);
    const id = str(e.raw['id']);
    if (id && loc) locationOf.set(id, loc);
  }

  const linked = new Set<string>();
  const adjacency = new SetMap();
  for (const e of entries.links) {
    const from = reference(e, ['from'], e.raw['from'], ['device']);
    const to = reference(e, ['to'], e.raw['to'], ['device']);
    reference(e, ['network'], e.raw['network'], ['network']);
    const id = idOf(e);
    if (id && 'id' in e.raw) used.add(id);
    if (from && to && from === to) report('KZ207', at(e, 'to'), { device: from });
    if (from) linked.add(from);
    if (to) linked.add(to);
    if (from && to) adjacency.add(from, to).add(to, from);
  }

  for (const e of entries.networks) {
    const kind = str(e.raw['kind']);
    const facts: [string, boolean][] = [
      ['ike', kind === 'ipsec-vpn'],
      ['wlan-security', kind === 'wireless-lan'],
      ['ieee8021x', kind === 'wireless-lan'],
      ['mac-filter', kind === 'wireless-lan'],
    ];
    if (kind) for (const [key, applies] of facts) if (key in e.raw && !applies) report('KZ303', e.file.locator.keyRange([e.section, e.index, key]), { key, kind });
  }

  for (const e of entries.media) {
    const from = reference(e, ['from'], e.raw['from'], ['location']);
    const to = reference(e, ['to'], e.raw['to'], ['location']);
    if (from && to && from === to) report('KZ209', at(e, 'to'), { location: from });
    reference(e, ['carrier'], e.raw['carrier'], ['actor']);
    referenceList(e, 'data', ['data']);
    const list = e.raw['phases'];
    if (Array.isArray(list)) list.forEach((p, i) => declared(e, ['phases', i], p, phases, PHASES, 'KZ203'));
  }

  for (const e of entries.flows) {
    declared(e, ['phase'], e.raw['phase'], phases, PHASES, 'KZ203');
    if ('form' in e.raw) declared(e, ['form'], e.raw['form'], forms, FORMS, 'KZ204');
    else if (declaredForms.length > 1) report('KZ205', at(e), { forms: declaredForms });
    reference(e, ['who'], e.raw['who'], ['actor']);
    const which = reference(e, ['which'], e.raw['which'], ['device']);
    const where = reference(e, ['where'], e.raw['where'], ['location', 'site']);
    if (which && where) {
      const loc = locationOf.get(which);
      const site = loc ? siteOf.get(loc) : undefined;
      if (loc && where !== loc && where !== site) {
        report('KZ202', at(e, 'where'), { where, which, location: loc, site: site ?? '' });
      }
    }
    referenceList(e, 'what', ['data']);
    const path = e.raw['path'];
    if (Array.isArray(path)) {
      const hops = path.map((v, i) => reference(e, ['path', i], v, ['device']));
      for (let i = 1; i < hops.length; i++) {
        const a = hops[i - 1];
        const b = hops[i];
        if (!a || !b) continue;
        if (a === b) report('KZ304', at(e, 'path', i), { device: b });
        else if (!adjacency.has(a, b)) report('KZ201', at(e, 'path', i), { from: a, to: b }, []);
      }
      if (which && !path.includes(which)) report('KZ206', at(e, 'which'), { which });
    }
  }

  for (const e of entries.responses) {
    if (str(e.raw['decision']) === 'reduce' && !(Array.isArray(e.raw['measures']) && e.raw['measures'].length > 0)) {
      report('KZ305', at(e, 'decision'), { risk: str(e.raw['risk']) ?? '' });
    }
  }

  // Warnings: declared but never used (left out when part of the model could not be read).
  if (!incomplete) {
    for (const section of ['sites', 'locations', 'actors', 'data', 'networks'] as const) {
      for (const e of entries[section]) {
        const id = str(e.raw['id']);
        if (id && !used.has(id) && ids.get(id)?.entry === e) report('KZ301', at(e, 'id'), { kind: SECTION_ELEMENT[section] ?? section, id });
      }
    }
    for (const e of entries.devices) {
      const id = str(e.raw['id']);
      // A device declared isolated (外部接続なし) is meant to have no link.
      if (id && !linked.has(id) && ids.get(id)?.entry === e && e.raw['exposure'] !== 'isolated') report('KZ302', at(e, 'id'), { id });
    }
  }

  // The root's own risk matrix: levels should not fall as impact or likelihood rises.
  const matrix = (root.value as Raw)['risk-matrix'];
  const levels = isRaw(matrix) ? matrixLevels(matrix['levels']) : null;
  if (levels) {
    for (let i = 0; i < 5; i++) {
      for (let l = 0; l < 5; l++) {
        const level = levels[i]?.[l] ?? 0;
        const lower = Math.max(i > 0 ? levels[i - 1]?.[l] ?? 0 : 0, l > 0 ? levels[i]?.[l - 1] ?? 0 : 0);
        if (level < lower) {
          report('KZ210', root.locator.range(['risk-matrix', 'levels', `impact-${i + 1}`, l]), { impact: i + 1, likelihood: l + 1, level, lower });
        }
      }
    }
  }
  // Rule files: relative, and inside the root model's folder, like includes.
  const rules = (root.value as Raw)['rules'];
  if (Array.isArray(rules)) {
    rules.forEach((entry, index) => {
      if (typeof entry === 'string' && rulePath(root.file, entry) === null) report('KZ412', root.locator.range(['rules', index]), { file: entry });
    });
  }

  if (diagnostics.some((d) => d.severity === 'error') || loaded.diagnostics.some((d) => d.severity === 'error')) {
    return { model: undefined, diagnostics };
  }
  const model = build(loaded, entries, system, root, at);
  for (const d of meaningWarnings(model, entries, at)) diagnostics.push(d);
  return { model: deepFreeze(model), diagnostics };
}

/** Kinds of network a carrier runs for its customers: medical information over one passes through the carrier's hands. */
const CARRIER_NETWORKS: ReadonlySet<NetworkKind> = new Set(['closed-network', 'leased-line', 'direct-connect']);
/** Device kinds people carry or sit at: what they keep is a copy for the work at hand unless the model says otherwise. */
const END_USER_KINDS: ReadonlySet<DeviceKind> = new Set(['terminal', 'tablet', 'smartphone']);

/**
 * Warnings about what the model leaves unsaid, found once it is built: an end-user device that stores
 * without saying what, a stated exposure its links contradict, medical information classed by a provider
 * that does not look inside the data, and gaps in who answers for a link or a carrier's network.
 */
function meaningWarnings(model: Model, entries: Record<Section, Entry[]>, at: (entry: Entry, ...path: PathSegment[]) => SourceRange): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each section's entries by id, made once per section asked (the first of an id wins, as a search would).
  const byId = new Map<Section, Map<string, Entry>>();
  const entryOf = (section: Section, id: string): Entry | undefined => {
    let map = byId.get(section);
    if (!map) {
      map = new Map();
      for (const e of entries[section]) {
        const key = section === 'links' ? (str(e.raw['id']) ?? linkDefaultId(e.raw)) : str(e.raw['id']);
        if (key !== undefined && !map.has(key)) map.set(key, e);
      }
      byId.set(section, map);
    }
    return map.get(id);
  };
  const onInternet = devicesOnInternet(model.links, model.networks);
  const keyRange = (entry: Entry, key: string): SourceRange => (key in entry.raw ? entry.file.locator.keyRange([entry.section, entry.index, key]) : at(entry));
  for (const d of model.devices) {
    const entry = entryOf('devices', d.id);
    if (!entry) continue;
    if (d.stores === null && d.roles.includes('store') && END_USER_KINDS.has(d.kind)) {
      out.push(diagnostic('KZ310', keyRange(entry, 'roles'), { device: d.id, kind: d.kind }));
    }
    if (d.exposureStated && d.exposure !== 'internet' && internetFacing(d, onInternet)) {
      out.push(diagnostic('KZ311', keyRange(entry, 'exposure'), { device: d.id, exposure: d.exposure }));
    }
  }
  const deepForms = new Set<Form>(['platform', 'infrastructure']);
  // The flows that carry each data item, in model order, gathered in one pass over the flows.
  const carrying = new Map<string, Flow[]>();
  for (const f of model.flows) {
    for (const id of new Set(f.what)) {
      const list = carrying.get(id);
      if (list) list.push(f);
      else carrying.set(id, [f]);
    }
  }
  for (const data of model.data) {
    if (data.class !== 'medical') continue;
    const flows = carrying.get(data.id) ?? [];
    if (flows.length > 0 && flows.every((f) => deepForms.has(f.form))) {
      const entry = entryOf('data', data.id);
      if (entry) out.push(diagnostic('KZ312', keyRange(entry, 'class'), { data: data.id, forms: [...new Set(flows.map((f) => f.form))] }));
    }
  }
  const used = new SetMap();
  for (const f of model.flows) for (let i = 1; i < f.path.length; i++) used.add(f.path[i - 1] as string, f.path[i] as string);
  const networks = new Map(model.networks.map((n) => [n.id, n]));
  for (const link of model.links) {
    const network = networks.get(link.network);
    const crossed = used.has(link.from, link.to) || used.has(link.to, link.from);
    if (!network || !crossed || link.ends[0] === link.ends[1] || link.ends.some((o) => o === 'patient' || o === 'staff')) continue;
    if (link.boundary === null && network.boundary === null) {
      const entry = entryOf('links', link.id);
      if (entry) out.push(diagnostic('KZ313', at(entry), { link: link.id, a: link.ends[0], b: link.ends[1] }));
    }
  }
  const parties = new Map(model.parties.map((p) => [p.id, p]));
  const linkedNetworks = new Set(model.links.map((l) => l.network));
  for (const n of model.networks) {
    if (!CARRIER_NETWORKS.has(n.kind) || !linkedNetworks.has(n.id)) continue;
    const entry = entryOf('networks', n.id);
    if (!entry) continue;
    const party = n.operator === null ? undefined : parties.get(n.operator);
    if (n.operator === null || !model.parties.some((p) => p.id === n.operator)) {
      out.push(diagnostic('KZ314', keyRange(entry, 'operator'), { network: n.id, kind: n.kind, operator: n.operator ?? '' }));
    } else if (party && party.agreement === null) {
      out.push(diagnostic('KZ314', keyRange(entry, 'operator'), { network: n.id, kind: n.kind, operator: party.id, agreement: 'none' }));
    }
  }
  return out;
}

/** The devices at either end of a link over a network of kind internet. */
function devicesOnInternet(links: readonly { readonly from: string; readonly to: string; readonly network: string }[], networks: readonly { readonly id: string; readonly kind: NetworkKind }[]): Set<string> {
  const internet = new Set(networks.filter((n) => n.kind === 'internet').map((n) => n.id));
  const on = new Set<string>();
  for (const l of links) if (internet.has(l.network)) on.add(l.from).add(l.to);
  return on;
}

/** A device that answers connections (anything but a terminal, a printer or a screen) on a link over the internet. */
function internetFacing(d: { readonly id: string; readonly roles: readonly string[] }, onInternet: ReadonlySet<string>): boolean {
  if (!d.roles.some((r) => r !== 'input' && r !== 'display' && r !== 'print')) return false;
  return onInternet.has(d.id);
}

/** The five rows of a risk matrix's levels, when all five are lists of numbers (the schema checks the rest). */
function matrixLevels(value: unknown): number[][] | null {
  if (!isRaw(value)) return null;
  const rows = [1, 2, 3, 4, 5].map((i) => value[`impact-${i}`]);
  if (!rows.every((r) => Array.isArray(r) && r.length === 5 && r.every((x) => typeof x === 'number'))) return null;
  return rows as number[][];
}

/** A rule file's path joined to the root model's folder, or null when it is absolute or leaves the folder. */
function rulePath(rootFile: string, entry: string): string | null {
  if (posix.isAbsolute(entry) || /^[a-zA-Z]:[\\/]/.test(entry) || entry.includes('\\')) return null;
  const rootDir = posix.dirname(rootFile);
  const target = posix.normalize(posix.join(rootDir, entry));
  const inside = posix.relative(rootDir, target);
  return inside.startsWith('..') || posix.isAbsolute(inside) ? null : target;
}

function linkDefaultId(raw: Raw): string | undefined {
  const from = str(raw['from']);
  const to = str(raw['to']);
  return from && to ? `${from}--${to}` : undefined;
}

/** Builds the model from entries already checked: every value has its schema type here. */
function build(loaded: LoadedFiles, entries: Record<Section, Entry[]>, rawSystem: Raw, root: ParsedFile, at: (entry: Entry, ...path: PathSegment[]) => SourceRange): Model {
  const opt = (v: unknown): string | null => str(v) ?? null;
  const common = (e: Entry) => ({ id: str(e.raw['id']) as string, label: str(e.raw['label']) as string, description: opt(e.raw['description']), source: at(e) });
  const controls = <T>(e: Entry): T[] => strings(e.raw['controls']) as T[];

  const system: System = {
    id: str(rawSystem['id']) as string,
    title: str(rawSystem['title']) as string,
    description: opt(rawSystem['description']),
    provider: opt(rawSystem['provider']),
    forms: strings(rawSystem['forms']) as Form[],
    phases: strings(rawSystem['phases']) as Phase[],
    lang: str(rawSystem['lang']) === 'en' ? 'en' : 'ja',
    source: root.locator.range(['system']),
  };

  const parties: Party[] = entries.parties.map((e) => ({
    ...common(e),
    kind: e.raw['kind'] as Party['kind'],
    agreement: opt(e.raw['agreement']),
    country: opt(e.raw['country']),
    foreignLaw: bool(e.raw['foreign-law']) ?? null,
    certifications: strings(e.raw['certifications']) as Certification[],
    engagedBy: (opt(e.raw['engaged-by']) as Party['engagedBy']) ?? null,
  }));
  // "institution" and "provider" name the one party of that kind, when the model names exactly one.
  const single = (kind: Party['kind']): string | undefined => {
    const of = parties.filter((p) => p.kind === kind);
    return of.length === 1 ? of[0]?.id : undefined;
  };
  const aliases = new Map<string, string>([['institution', single('institution')], ['provider', single('provider')]]
    .filter((pair): pair is [string, string] => pair[1] !== undefined));
  const organisation = (operator: string): string => aliases.get(operator) ?? operator;
  const sites: Site[] = entries.sites.map((e) => ({
    ...common(e),
    owner: e.raw['owner'] as Site['owner'],
    operator: opt(e.raw['operator']) ?? (e.raw['owner'] as Site['owner']),
    organisation: organisation(opt(e.raw['operator']) ?? (e.raw['owner'] as Site['owner'])),
    country: opt(e.raw['country']),
    region: opt(e.raw['region']),
    controls: controls(e),
  }));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const locations: Location[] = entries.locations.map((e) => ({
    ...common(e),
    site: str(e.raw['site']) as string,
    public: bool(e.raw['public']) ?? false,
    controls: controls(e),
  }));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const actors: Actor[] = entries.actors.map((e) => ({ ...common(e), org: e.raw['org'] as Actor['org'], party: opt(e.raw['party']) }));
  const data: Data[] = entries.data.map((e) => {
    const retention = opt(e.raw['retention']);
    return {
      ...common(e),
      class: e.raw['class'] as Data['class'],
      kind: (opt(e.raw['kind']) as Data['kind']) ?? null,
      legalRecord: bool(e.raw['legal-record']) ?? false,
      retention,
      retentionDays: retentionDays(retention),
    };
  });
  const networkBase = entries.networks.map((e) => {
    const kind = e.raw['kind'] as NetworkKind;
    const wlan = opt(e.raw['wlan-security']);
    return {
      ...common(e),
      kind,
      // WPA2 and WPA3 encrypt the radio link; an open or WEP wireless LAN does not (WEP is broken).
      encrypted: bool(e.raw['encrypted']) ?? (kind === 'wireless-lan' && wlan !== null ? wlan.startsWith('wpa') : DEFAULT_NETWORK_ENCRYPTED[kind]),
      ike: bool(e.raw['ike']) ?? null,
      auth: auth(e.raw['auth']),
      wlanSecurity: (opt(e.raw['wlan-security']) as Network['wlanSecurity']) ?? null,
      ieee8021x: bool(e.raw['ieee8021x']) ?? null,
      macFilter: bool(e.raw['mac-filter']) ?? null,
      boundary: opt(e.raw['boundary']),
    };
  });
  const networkById = new Map(networkBase.map((n) => [n.id, n]));
  const linkBase = entries.links.map((e) => {
    const tls = tlsVersion(e.raw['tls']);
    const network = str(e.raw['network']) as string;
    return {
      id: str(e.raw['id']) ?? (linkDefaultId(e.raw) as string),
      label: str(e.raw['label']) ?? null,
      description: opt(e.raw['description']),
      source: at(e),
      from: str(e.raw['from']) as string,
      to: str(e.raw['to']) as string,
      network,
      protocol: opt(e.raw['protocol']),
      tls,
      encrypted: bool(e.raw['encrypted'])
        ?? (tls !== null || ENCRYPTING_PROTOCOLS.includes(str(e.raw['protocol']) ?? '') || (networkById.get(network)?.encrypted ?? false)),
      boundary: opt(e.raw['boundary']),
    };
  });
  const internetDevices = devicesOnInternet(linkBase, networkBase);
  const devices: Device[] = entries.devices.map((e) => {
    const kind = e.raw['kind'] as DeviceKind;
    const at_ = str(e.raw['at']) as string;
    const site = siteById.get(locationById.get(at_)?.site ?? '');
    const roles = strings(e.raw['roles']);
    const id = str(e.raw['id']) as string;
    const resolvedRoles = roles.length > 0 ? (roles as Device['roles'][number][]) : [...DEFAULT_ROLES[kind]];
    const owner = (opt(e.raw['owner']) as Device['owner'] | null) ?? site?.owner ?? 'provider';
    const stated = opt(e.raw['exposure']) as Device['exposure'] | null;
    const onInternet = internetDevices.has(id);
    // A device that answers connections on a link over the internet is reachable from it, unless the model says otherwise (KZ311).
    const facing = onInternet && resolvedRoles.some((r) => r !== 'input' && r !== 'display' && r !== 'print');
    const operator = opt(e.raw['operator']) ?? (opt(e.raw['owner']) ?? site?.operator ?? owner);
    return {
      ...common(e),
      kind,
      at: at_,
      count: typeof e.raw['count'] === 'number' ? e.raw['count'] : 1,
      owner,
      operator,
      organisation: organisation(operator),
      supplier: opt(e.raw['supplier']) === null ? null : organisation(opt(e.raw['supplier']) as string),
      auth: auth(e.raw['auth']),
      exposure: stated ?? (facing ? 'internet' : 'internal'),
      exposureStated: stated !== null,
      stores: keptList(e, at),
      roles: resolvedRoles,
      env: (opt(e.raw['env']) as Device['env']) ?? null,
      eol: bool(e.raw['eol']) ?? false,
      controls: controls(e),
    };
  });
  const deviceOrganisation = new Map(devices.map((d) => [d.id, d.organisation]));
  // The organisations at the ends of each network's links, in link order, gathered in one pass over the links.
  const endsOf = new Map<string, Set<string>>();
  for (const l of linkBase) {
    let ends = endsOf.get(l.network);
    if (!ends) {
      ends = new Set();
      endsOf.set(l.network, ends);
    }
    ends.add(deviceOrganisation.get(l.from) ?? '').add(deviceOrganisation.get(l.to) ?? '');
  }
  const networks: Network[] = networkBase.map((n, i) => {
    const stated = opt((entries.networks[i] as Entry).raw['operator']);
    const ends = endsOf.get(n.id) ?? new Set<string>();
    const operator = stated ?? (ends.size === 1 ? [...ends][0] ?? null : null);
    return { ...n, operator, organisation: operator === null ? null : organisation(operator) };
  });
  const links: Link[] = linkBase.map((l) => ({
    ...l,
    ends: [deviceOrganisation.get(l.from) ?? '', deviceOrganisation.get(l.to) ?? ''] as const,
  }));
  const media: Media[] = entries.media.map((e) => ({
    ...common(e),
    kind: e.raw['kind'] as Media['kind'],
    from: str(e.raw['from']) as string,
    to: str(e.raw['to']) as string,
    carrier: str(e.raw['carrier']) as string,
    encrypted: bool(e.raw['encrypted']) ?? false,
    data: strings(e.raw['data']),
    phases: Array.isArray(e.raw['phases']) ? (strings(e.raw['phases']) as Phase[]) : [...system.phases],
    controls: controls(e),
  }));
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const flows: Flow[] = entries.flows.map((e) => {
    const which = str(e.raw['which']) as string;
    return {
      ...common(e),
      phase: e.raw['phase'] as Phase,
      form: (opt(e.raw['form']) as Form | null) ?? (system.forms[0] as Form),
      who: opt(e.raw['who']),
      where: opt(e.raw['where']) ?? (deviceById.get(which)?.at as string),
      which,
      what: strings(e.raw['what']),
      how: strings(e.raw['how']) as Flow['how'][number][],
      path: Array.isArray(e.raw['path']) ? strings(e.raw['path']) : [which],
      volume: (opt(e.raw['volume']) as Flow['volume']) ?? null,
    };
  });
  const responses: Response[] = entries.responses.map((e) => {
    const residual = isRaw(e.raw['residual']) ? e.raw['residual'] : undefined;
    const measures = Array.isArray(e.raw['measures']) ? e.raw['measures'].filter(isRaw) : [];
    return {
      risk: str(e.raw['risk']) as string,
      decision: e.raw['decision'] as Response['decision'],
      measures: measures.map((m) => ({ category: m['category'], owner: m['owner'], text: m['text'] }) as Response['measures'][number]),
      residual: residual ? { impact: residual['impact'] as number, likelihood: residual['likelihood'] as number } : null,
      rationale: opt(e.raw['rationale']),
      agreedWith: opt(e.raw['agreed-with']),
      date: opt(e.raw['date']),
      source: at(e),
    };
  });

  const rawMatrix = (root.value as Raw)['risk-matrix'];
  const riskMatrix: RiskMatrixSpec | null = isRaw(rawMatrix)
    ? {
        levels: matrixLevels(rawMatrix['levels']),
        ranks: Object.fromEntries(RANKS.flatMap((r) => {
          const spec = isRaw(rawMatrix['ranks']) ? rawMatrix['ranks'][r] : undefined;
          return isRaw(spec) ? [[r, { need: (opt(spec['response']) as ResponseNeed | null), criteria: opt(spec['criteria']) }]] : [];
        })),
        source: root.locator.range(['risk-matrix']),
      }
    : null;
  const rawRules = (root.value as Raw)['rules'];
  const rules: RuleSource[] = (Array.isArray(rawRules) ? rawRules : []).flatMap((entry, index) => {
    const path = typeof entry === 'string' ? rulePath(root.file, entry) : null;
    return path === null ? [] : [{ path, source: root.locator.range(['rules', index]) }];
  });

  return {
    version: 1,
    file: root.file,
    files: loaded.files.map((f) => f.file),
    contentHash: contentHash(loaded, root.file),
    system, parties, sites, locations, actors, data, devices, networks, links, media, flows, responses, riskMatrix, rules,
  };
}

/** A device's `stores`, as entries: a bare data id is kept as the record. */
function keptList(e: Entry, at: (entry: Entry, ...path: PathSegment[]) => SourceRange): Kept[] | null {
  const list = e.raw['stores'];
  if (!Array.isArray(list)) return null;
  return list.flatMap((item, i): Kept[] => {
    if (typeof item === 'string') return [{ data: [item], as: 'record', retention: null, retentionDays: null, backupTo: [], of: null, source: at(e, 'stores', i) }];
    if (!isRaw(item)) return [];
    const retention = str(item['retention']) ?? null;
    const data = item['data'];
    return [{
      data: typeof data === 'string' ? [data] : strings(data),
      as: (str(item['as']) as KeptAs | undefined) ?? 'record',
      retention,
      retentionDays: retentionDays(retention),
      backupTo: strings(item['backup-to']),
      of: str(item['of']) ?? null,
      source: at(e, 'stores', i),
    }];
  });
}

function auth(value: unknown): Auth {
  if (value === undefined) return null;
  if (value === 'none') return [];
  if (typeof value === 'string') return [value as AuthFactor];
  return strings(value) as AuthFactor[];
}

function tlsVersion(value: unknown): TlsVersion | null {
  if (value === undefined) return null;
  const text = typeof value === 'number' ? value.toFixed(1) : String(value);
  return text as TlsVersion;
}

export function retentionDays(retention: string | null): number | 'permanent' | null {
  if (retention === null) return null;
  if (retention === 'permanent') return 'permanent';
  const match = /^(\d+)([ymd])$/.exec(retention);
  if (!match) return null;
  const n = Number(match[1]);
  return match[2] === 'y' ? n * 365 : match[2] === 'm' ? n * 30 : n;
}

/** sha256 over each file's path (relative to the root's folder) and text, so it does not depend on the working directory. */
function contentHash(loaded: LoadedFiles, rootFile: string): string {
  const hash = createHash('sha256');
  const rootDir = rootFile.includes('/') ? rootFile.slice(0, rootFile.lastIndexOf('/') + 1) : '';
  for (const file of loaded.files) {
    const name = file.file.startsWith(rootDir) ? file.file.slice(rootDir.length) : file.file;
    hash.update(`${name}\u0000${loaded.texts.get(file.file) ?? ''}\u0000`);
  }
  return hash.digest('hex');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === 'object') deepFreeze(child);
    } else {
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        if (child && typeof child === 'object') deepFreeze(child);
      }
    }
  }
  return value;
}
