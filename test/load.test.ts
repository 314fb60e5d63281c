// The pure pipeline (src/load/files.ts -> src/load/resolve.ts through src/index.ts) on models held in memory:
// includes, the defaults of the resolved model, ids, source ranges, the content hash and the order of
// diagnostics. No disk: test/io.test.ts covers the disk host.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../models/diagnostic.js';
import { DEFAULT_ROLES } from '../models/vocabulary.js';
import { loadModel, type LoadResult, type Model } from '../src/index.js';
import { memoryHost } from './helpers/memory-host.js';

type Files = Record<string, string>;

const load = (root: string, files: Files): LoadResult => loadModel(root, memoryHost(files));
const codes = (r: LoadResult): string[] => r.diagnostics.map((d) => d.code);
const at = (d: Diagnostic | undefined): string => (d ? `${d.range.file}:${d.range.start.line}:${d.range.start.col}` : 'none');
const modelOf = (r: LoadResult): Model => {
  expect(r.diagnostics, 'expected a clean load').toEqual([]);
  expect(r.model).toBeDefined();
  return r.model as Model;
};
/** Line (1-based) and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, from = 0): { line: number; col: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not in the text`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}

const SYSTEM = 'system: {id: sys, title: T, forms: [application], phases: [development, operation]}\n';

/** A small valid model that states as little as possible, so the defaults show. It loads with no warnings. */
const BASE = `koseizu: 1
${SYSTEM}sites:
  - {id: dc, label: DC, owner: provider}
  - {id: clinic, label: Clinic, owner: institution}
locations:
  - {id: room, label: Room, site: dc}
  - {id: exam, label: Exam, site: clinic}
actors:
  - {id: doc, label: Doctor, org: institution}
data:
  - {id: rec, label: Records, class: medical, retention: 5y}
  - {id: logs, label: Logs, class: other, kind: log, retention: 6m}
  - {id: tmp, label: Temp, class: other, retention: 90d}
  - {id: ledger, label: Ledger, class: other, retention: permanent}
  - {id: misc, label: Misc, class: other}
devices:
  - {id: srv, label: Server, kind: server, at: room}
  - {id: term, label: Terminal, kind: terminal, at: exam, auth: none}
  - {id: tab, label: Tablet, kind: tablet, at: exam, count: 3, owner: third-party, roles: [display], exposure: internet, auth: [password, ic-card]}
  - {id: prn, label: Printer, kind: printer, at: exam, auth: password}
  - {id: gw, label: Gateway, kind: vpn-gateway, at: exam}
networks:
  - {id: net, label: Net, kind: lan, boundary: the clinic's router}
  - {id: vpn, label: VPN, kind: ipsec-vpn, boundary: the clinic's gateway}
links:
  - {from: term, to: srv, network: net, tls: 1.3}
  - {id: tab-link, from: tab, to: srv, network: net}
  - {from: prn, to: gw, network: net, tls: "1.2"}
  - {from: gw, to: srv, network: vpn, tls: 1.0}
  - {id: gw-srv-plain, from: gw, to: srv, network: vpn, encrypted: false}
media:
  - {id: tape, label: Tape, kind: tape, from: room, to: exam, carrier: doc, data: [rec]}
  - {id: disk, label: Disk, kind: external-hdd, from: room, to: exam, carrier: doc, data: [logs, tmp, ledger, misc], phases: [operation]}
flows:
  - {id: f1, label: F1, phase: operation, who: doc, which: term, what: [rec], how: [view], path: [term, srv]}
  - {id: f2, label: F2, phase: development, which: srv, what: [rec], how: [store]}
  - {id: f3, label: F3, phase: operation, which: prn, where: clinic, what: [rec], how: [print], path: [srv, gw, prn]}
`;

describe('includes', () => {
  const actor = (id: string): string => `actors:\n  - {id: ${id}, label: ${id}, org: provider}\n`;
  const root = (includes: string, body = ''): string => `koseizu: 1\ninclude: ${includes}\n${SYSTEM}${body}`;

  it('merges relative includes in order, depth first, after the root file', () => {
    const files = {
      'm/model.yaml': root('[a.yaml, sub/b.yaml]', actor('r')),
      'm/a.yaml': `koseizu: 1\ninclude: [c.yaml]\n${actor('a')}`,
      'm/c.yaml': `koseizu: 1\n${actor('c')}`,
      'm/sub/b.yaml': `koseizu: 1\ninclude: [d.yaml]\n${actor('b')}`,
      'm/sub/d.yaml': `koseizu: 1\n${actor('d')}`,
    };
    const result = load('m/model.yaml', files);
    // The actors are not used anywhere: only "never used" warnings, no errors.
    expect(new Set(codes(result))).toEqual(new Set(['KZ301']));
    const model = result.model as Model;
    expect(model.files).toEqual(['m/model.yaml', 'm/a.yaml', 'm/c.yaml', 'm/sub/b.yaml', 'm/sub/d.yaml']);
    expect(model.actors.map((a) => a.id)).toEqual(['r', 'a', 'c', 'b', 'd']);
    expect(model.file).toBe('m/model.yaml');
  });

  it('splits the cloud-EHR-like base model across files and gets the same model, elements from the included file in place', () => {
    const [head, rest] = BASE.split('networks:\n') as [string, string];
    const [networks, tail] = rest.split('links:\n') as [string, string];
    const files = {
      'model.yaml': `${head.replace('koseizu: 1\n', 'koseizu: 1\ninclude: [network.yaml]\n')}links:\n${tail}`,
      'network.yaml': `koseizu: 1\nnetworks:\n${networks}`,
    };
    const split = modelOf(load('model.yaml', files));
    const whole = modelOf(load('model.yaml', { 'model.yaml': BASE }));
    expect(split.networks.map((n) => n.id)).toEqual(whole.networks.map((n) => n.id));
    expect(split.networks.every((n) => n.source.file === 'network.yaml')).toBe(true);
    const withoutSource = ({ source: _source, ...rest }: { source: unknown }): unknown => rest;
    expect(split.links.map(withoutSource)).toEqual(whole.links.map(withoutSource));
    expect(split.devices.map(withoutSource)).toEqual(whole.devices.map(withoutSource));
    expect(split.files).toEqual(['model.yaml', 'network.yaml']);
  });

  it('merges a file reached through two paths once', () => {
    const files = {
      'm/model.yaml': root('[a.yaml, sub/../a.yaml, ./a.yaml, sub/b.yaml]', 'actors:\n  - {id: r, label: R, org: provider}\n'),
      'm/a.yaml': `koseizu: 1\n${actor('a')}`,
      'm/sub/b.yaml': `koseizu: 1\ninclude: [../a.yaml]\n${actor('b')}`,
    };
    const result = load('m/model.yaml', files);
    expect(codes(result).filter((c) => c !== 'KZ301')).toEqual([]);
    expect(result.model?.files).toEqual(['m/model.yaml', 'm/a.yaml', 'm/sub/b.yaml']);
    expect(result.model?.actors.map((a) => a.id)).toEqual(['r', 'a', 'b']);
  });

  it('a diamond (two files including the same third) merges the third once', () => {
    const files = {
      'model.yaml': root('[a.yaml, b.yaml]'),
      'a.yaml': 'koseizu: 1\ninclude: [c.yaml]\n',
      'b.yaml': 'koseizu: 1\ninclude: [c.yaml]\n',
      'c.yaml': `koseizu: 1\n${actor('c')}`,
    };
    const result = load('model.yaml', files);
    expect(codes(result)).toEqual(['KZ301']);
    expect(result.model?.files).toEqual(['model.yaml', 'a.yaml', 'c.yaml', 'b.yaml']);
  });

  it('a cycle a -> b -> a is KZ011 at the include entry that closes it', () => {
    const files = {
      'model.yaml': root('[a.yaml]'),
      'a.yaml': 'koseizu: 1\ninclude: [b.yaml]\n',
      'b.yaml': 'koseizu: 1\n# back to a\ninclude: [x.yaml, a.yaml]\nx-note: 1\n',
      'x.yaml': 'koseizu: 1\n',
    };
    const result = load('model.yaml', files);
    expect(codes(result)).toEqual(['KZ011']);
    const d = result.diagnostics[0];
    expect(at(d)).toBe(`b.yaml:${positionOf(files['b.yaml'], 'a.yaml').line}:${positionOf(files['b.yaml'], 'a.yaml').col}`);
    expect(d?.args['cycle']).toEqual(['a.yaml', 'b.yaml', 'a.yaml']);
    expect(result.model).toBeUndefined();
  });

  it('a file including itself, or the root, is a cycle too', () => {
    const self = load('model.yaml', { 'model.yaml': root('[model.yaml]') });
    expect(codes(self)).toEqual(['KZ011']);
    expect(at(self.diagnostics[0])).toBe('model.yaml:2:11');
    const back = load('model.yaml', { 'model.yaml': root('[a.yaml]'), 'a.yaml': 'koseizu: 1\ninclude: [model.yaml]\n' });
    expect(codes(back)).toEqual(['KZ011']);
    expect(at(back.diagnostics[0])).toBe('a.yaml:2:11');
  });

  it('a path out of the model\'s folder (../) or absolute is KZ010 at the entry, and is not read', () => {
    const read: string[] = [];
    const files: Files = {
      'm/model.yaml': root('[../x.yaml, sub/../../x.yaml, /etc/x.yaml, /m/x.yaml, "C:/x.yaml"]'),
      'x.yaml': 'koseizu: 1\n', '/etc/x.yaml': 'koseizu: 1\n', '/m/x.yaml': 'koseizu: 1\n', 'C:/x.yaml': 'koseizu: 1\n',
    };
    const host = memoryHost(files);
    const result = loadModel('m/model.yaml', { read: (path, within) => { read.push(path); return host.read(path, within); } });
    expect(codes(result)).toEqual(['KZ010', 'KZ010', 'KZ010', 'KZ010', 'KZ010']);
    const text = files['m/model.yaml'] as string;
    expect(result.diagnostics.map(at)).toEqual(
      ['../x.yaml', 'sub/../../x.yaml', '/etc/x.yaml', '/m/x.yaml', '"C:/x.yaml"'].map((e) => `m/model.yaml:${positionOf(text, e).line}:${positionOf(text, e).col}`),
    );
    expect(read).toEqual(['m/model.yaml']);
  });

  it('an include from a subfolder may go up as long as it stays inside the root\'s folder', () => {
    const files = {
      'm/model.yaml': root('[sub/a.yaml]'),
      'm/sub/a.yaml': 'koseizu: 1\ninclude: [../b.yaml]\n',
      'm/b.yaml': `koseizu: 1\n${actor('b')}`,
    };
    const result = load('m/model.yaml', files);
    expect(codes(result)).toEqual(['KZ301']);
    expect(result.model?.files).toEqual(['m/model.yaml', 'm/sub/a.yaml', 'm/b.yaml']);
  });

  it('a missing include is KZ006 at the include entry, with its position', () => {
    const text = `koseizu: 1\ninclude:\n  - here.yaml\n  - missing.yaml\n${SYSTEM}`;
    const result = load('m/model.yaml', { 'm/model.yaml': text, 'm/here.yaml': 'koseizu: 1\n' });
    expect(codes(result)).toEqual(['KZ006']);
    const d = result.diagnostics[0] as Diagnostic;
    expect(d.range.file).toBe('m/model.yaml');
    expect(d.range.start).toEqual({ line: 4, col: 5 });
    expect(d.range.end).toEqual({ line: 4, col: 17 });
    expect(d.args['file']).toBe('m/missing.yaml');
  });

  it('a missing root file is KZ006 at 1:1 of that file, and nothing else', () => {
    const result = load('nope/model.yaml', {});
    expect(codes(result)).toEqual(['KZ006']);
    expect(at(result.diagnostics[0])).toBe('nope/model.yaml:1:1');
    expect(result.model).toBeUndefined();
  });

  it('an include with "system" is KZ110 at its system key', () => {
    const result = load('model.yaml', { 'model.yaml': root('[a.yaml]'), 'a.yaml': `koseizu: 1\n${SYSTEM}` });
    expect(codes(result)).toEqual(['KZ110']);
    expect(at(result.diagnostics[0])).toBe('a.yaml:2:1');
  });

  it('an include nested too deep is KZ012 at the entry that goes too far', () => {
    const files: Files = { 'model.yaml': root('[i0.yaml]') };
    for (let i = 0; i < 30; i++) files[`i${i}.yaml`] = `koseizu: 1\ninclude: [i${i + 1}.yaml]\n`;
    files['i30.yaml'] = 'koseizu: 1\n';
    const result = load('model.yaml', files);
    expect(codes(result)).toEqual(['KZ012']);
    expect(result.diagnostics[0]?.range.start).toEqual({ line: 2, col: 11 });
  });

  it('an include of a file with a syntax error reports it in that file and gives no model', () => {
    const result = load('model.yaml', { 'model.yaml': root('[a.yaml]'), 'a.yaml': 'koseizu: 1\nactors: [\n' });
    expect(codes(result)).toEqual(['KZ001']);
    expect(result.diagnostics[0]?.range.file).toBe('a.yaml');
    expect(result.model).toBeUndefined();
  });

  // BUG (src/load/files.ts): the root path is used as given, so "a//model.yaml" and the "a/model.yaml" an include
  // resolves to look like two files: a cycle back to the root reads the root a second time (KZ110 "an included
  // file has a system section", in a file the user never named) instead of reporting the cycle once.
  it('a cycle back to a root given as "a//model.yaml" is one KZ011', () => {
    const files = { 'a//model.yaml': root('[n.yaml]'), 'a/model.yaml': root('[n.yaml]'), 'a/n.yaml': 'koseizu: 1\ninclude: [model.yaml]\n' };
    const result = load('a//model.yaml', files);
    expect(codes(result)).toEqual(['KZ011']);
    expect(result.diagnostics[0]?.range.file).toBe('a/n.yaml');
  });

  it('a root given as "x/../a/model.yaml" that includes itself is one KZ011 in the root', () => {
    const files = { 'x/../a/model.yaml': root('[model.yaml]'), 'a/model.yaml': root('[model.yaml]') };
    const result = load('x/../a/model.yaml', files);
    expect(codes(result)).toEqual(['KZ011']);
  });
});

describe('defaults in the resolved model', () => {
  const model = modelOf(load('model.yaml', { 'model.yaml': BASE }));
  const device = (id: string) => model.devices.find((d) => d.id === id);
  const link = (id: string) => model.links.find((l) => l.id === id);
  const flow = (id: string) => model.flows.find((f) => f.id === id);
  const data = (id: string) => model.data.find((d) => d.id === id);

  it('device count defaults to 1', () => {
    expect(device('srv')?.count).toBe(1);
    expect(device('tab')?.count).toBe(3);
  });

  it('device owner defaults to the owner of its site', () => {
    expect(device('srv')?.owner).toBe('provider');
    expect(device('term')?.owner).toBe('institution');
    expect(device('tab')?.owner).toBe('third-party');
  });

  it('device roles default by kind (DEFAULT_ROLES)', () => {
    expect(device('srv')?.roles).toEqual(DEFAULT_ROLES.server);
    expect(device('term')?.roles).toEqual(DEFAULT_ROLES.terminal);
    expect(device('prn')?.roles).toEqual(DEFAULT_ROLES.printer);
    expect(device('gw')?.roles).toEqual(DEFAULT_ROLES['vpn-gateway']);
    expect(device('tab')?.roles).toEqual(['display']);
  });

  it('exposure defaults to internal; env null; eol false; controls []', () => {
    expect(device('srv')?.exposure).toBe('internal');
    expect(device('tab')?.exposure).toBe('internet');
    expect(device('srv')?.env).toBeNull();
    expect(device('srv')?.eol).toBe(false);
    expect(device('srv')?.controls).toEqual([]);
  });

  it('auth: null when unstated, [] for "none", a one-item list for a single factor, the list as given', () => {
    expect(device('srv')?.auth).toBeNull();
    expect(device('term')?.auth).toEqual([]);
    expect(device('prn')?.auth).toEqual(['password']);
    expect(device('tab')?.auth).toEqual(['password', 'ic-card']);
  });

  it('a link without id is "<from>--<to>"', () => {
    expect(model.links.map((l) => l.id)).toEqual(['term--srv', 'tab-link', 'prn--gw', 'gw--srv', 'gw-srv-plain']);
    expect(link('term--srv')?.label).toBeNull();
  });

  it('tls: a YAML number is normalised to its version string; a quoted one kept', () => {
    expect(link('term--srv')?.tls).toBe('1.3');
    expect(link('prn--gw')?.tls).toBe('1.2');
    expect(link('gw--srv')?.tls).toBe('1.0');
    expect(link('tab-link')?.tls).toBeNull();
  });

  it('a link is encrypted when it states so, when tls is given, or when its network encrypts', () => {
    expect(link('term--srv')?.encrypted).toBe(true); // tls on a plain LAN
    expect(link('tab-link')?.encrypted).toBe(false); // plain LAN, no tls
    expect(link('gw--srv')?.encrypted).toBe(true);
    expect(link('gw-srv-plain')?.encrypted).toBe(false); // stated, over a VPN
    expect(model.networks.find((n) => n.id === 'vpn')?.encrypted).toBe(true);
    expect(model.networks.find((n) => n.id === 'net')?.encrypted).toBe(false);
  });

  it('a flow\'s form defaults to the system\'s single form', () => {
    expect(model.flows.map((f) => f.form)).toEqual(['application', 'application', 'application']);
  });

  it('a flow\'s where defaults to the location of its which device; as written otherwise', () => {
    expect(flow('f1')?.where).toBe('exam');
    expect(flow('f2')?.where).toBe('room');
    expect(flow('f3')?.where).toBe('clinic');
  });

  it('a flow\'s path defaults to [which]; who defaults to null', () => {
    expect(flow('f2')?.path).toEqual(['srv']);
    expect(flow('f1')?.path).toEqual(['term', 'srv']);
    expect(flow('f2')?.who).toBeNull();
    expect(flow('f2')?.volume).toBeNull();
  });

  it('media phases default to the system\'s phases', () => {
    expect(model.media.find((m) => m.id === 'tape')?.phases).toEqual(['development', 'operation']);
    expect(model.media.find((m) => m.id === 'disk')?.phases).toEqual(['operation']);
    expect(model.media.find((m) => m.id === 'tape')?.encrypted).toBe(false);
  });

  it('retention in days: 5y -> 1825, 6m -> 180, 90d -> 90, permanent, none -> null', () => {
    expect(data('rec')?.retentionDays).toBe(1825);
    expect(data('rec')?.retention).toBe('5y');
    expect(data('logs')?.retentionDays).toBe(180);
    expect(data('tmp')?.retentionDays).toBe(90);
    expect(data('ledger')?.retentionDays).toBe('permanent');
    expect(data('misc')?.retentionDays).toBeNull();
    expect(data('misc')?.retention).toBeNull();
    expect(data('misc')?.legalRecord).toBe(false);
    expect(data('misc')?.kind).toBeNull();
  });

  it('optional text is null, not undefined or missing', () => {
    expect(model.system.description).toBeNull();
    expect(model.system.provider).toBeNull();
    expect(model.system.lang).toBe('ja');
    expect(model.sites[0]?.country).toBeNull();
    expect(model.locations[0]?.public).toBe(false);
    expect(model.responses).toEqual([]);
  });

  it('with several forms a flow must say its form (KZ205), and the model is not built', () => {
    const text = BASE.replace('forms: [application]', 'forms: [application, platform]');
    const result = load('model.yaml', { 'model.yaml': text });
    expect(codes(result)).toEqual(['KZ205', 'KZ205', 'KZ205']);
    expect(result.model).toBeUndefined();
  });
});

describe('ids', () => {
  it('are unique across kinds: a location named like a device is KZ106 at the later one', () => {
    const text = BASE.replace('  - {id: exam, label: Exam, site: clinic}\n', '  - {id: exam, label: Exam, site: clinic}\n  - {id: srv, label: Dup, site: dc}\n');
    const result = load('model.yaml', { 'model.yaml': text });
    const dup = result.diagnostics.filter((d) => d.code === 'KZ106');
    expect(dup).toHaveLength(1);
    // Locations come before devices in merge order, so the device is the later declaration.
    const deviceLine = positionOf(text, '{id: srv, label: Server').line;
    expect(dup[0]?.range.start.line).toBe(deviceLine);
    expect(dup[0]?.args).toMatchObject({ id: 'srv', kind: 'device', firstKind: 'location' });
    expect(result.model).toBeUndefined();
  });

  it('a site and an actor sharing an id is KZ106', () => {
    const text = BASE.replace('{id: doc, label: Doctor', '{id: clinic, label: Doctor').replace(/carrier: doc/g, 'carrier: clinic').replace('who: doc', 'who: clinic');
    const result = load('model.yaml', { 'model.yaml': text });
    expect(codes(result)).toContain('KZ106');
    expect(result.diagnostics.find((d) => d.code === 'KZ106')?.args).toMatchObject({ id: 'clinic', kind: 'actor', firstKind: 'site' });
  });

  it('two links between the same devices without ids clash on their default id (KZ106, implicit)', () => {
    const text = BASE.replace('  - {id: tab-link, from: tab, to: srv, network: net}\n', '  - {id: tab-link, from: tab, to: srv, network: net}\n  - {from: term, to: srv, network: vpn}\n');
    const result = load('model.yaml', { 'model.yaml': text });
    const dup = result.diagnostics.filter((d) => d.code === 'KZ106');
    expect(dup).toHaveLength(1);
    expect(dup[0]?.args).toMatchObject({ id: 'term--srv', implicit: 'link' });
    expect(dup[0]?.range.start.line).toBe(positionOf(text, '{from: term, to: srv, network: vpn}').line);
  });

  it('an id declared in the root and again in an include is KZ106 in the include, pointing back at the first', () => {
    const text = BASE.replace('koseizu: 1\n', 'koseizu: 1\ninclude: [more.yaml]\n');
    const more = 'koseizu: 1\nactors:\n  - {id: doc, label: Again, org: provider}\n';
    const result = load('model.yaml', { 'model.yaml': text, 'more.yaml': more });
    expect(codes(result)).toEqual(['KZ106']);
    expect(at(result.diagnostics[0])).toBe('more.yaml:3:10');
    const first = positionOf(text, 'doc, label: Doctor');
    expect(result.diagnostics[0]?.args['first']).toBe(`model.yaml:${first.line}:${first.col}`);
  });
});

describe('source ranges', () => {
  it('each element\'s source points at its entry (file and line), in the root and in includes', () => {
    const [head, rest] = BASE.split('networks:\n') as [string, string];
    const [networks, tail] = rest.split('links:\n') as [string, string];
    const files = {
      'm/model.yaml': `${head.replace('koseizu: 1\n', 'koseizu: 1\ninclude: [net/networks.yaml]\n')}links:\n${tail}`,
      'm/net/networks.yaml': `# networks\nkoseizu: 1\n\nnetworks:\n${networks}`,
    };
    const model = modelOf(load('m/model.yaml', files));
    const rootText = files['m/model.yaml'];
    const netText = files['m/net/networks.yaml'];
    const expectAt = (source: { file: string; start: { line: number; col: number } }, file: string, text: string, needle: string): void => {
      const p = positionOf(text, needle);
      expect({ file: source.file, line: source.start.line }).toEqual({ file, line: p.line });
      // A flow-style entry starts at its "{".
      expect(source.start.col).toBe(p.col);
    };
    for (const list of [model.sites, model.locations, model.actors, model.data, model.devices, model.media, model.flows]) {
      for (const e of list) expectAt(e.source, 'm/model.yaml', rootText, `{id: ${e.id},`);
    }
    for (const n of model.networks) expectAt(n.source, 'm/net/networks.yaml', netText, `{id: ${n.id},`);
    for (const l of model.links) {
      const needle = l.id.includes('--') ? `{from: ${l.from}, to: ${l.to},` : `{id: ${l.id},`;
      expectAt(l.source, 'm/model.yaml', rootText, needle);
    }
    expect(model.system.source.file).toBe('m/model.yaml');
    expect(model.system.source.start.line).toBe(positionOf(rootText, 'system:').line);
  });

  it('a block-style entry\'s source starts at its first key; its end is after its start', () => {
    const text = `koseizu: 1\n${SYSTEM}sites:\n  - id: s1\n    label: S\n    owner: provider\nlocations:\n  - {id: l1, label: L, site: s1}\n`;
    const result = load('model.yaml', { 'model.yaml': text });
    const site = result.model?.sites[0];
    expect(site?.source).toMatchObject({ file: 'model.yaml', start: { line: 4, col: 5 } });
    expect((site?.source.end.line ?? 0) >= 6).toBe(true);
  });
});

describe('content hash', () => {
  const files = (prefix: string, model = BASE.replace('koseizu: 1\n', 'koseizu: 1\ninclude: [extra.yaml]\n'), extra = 'koseizu: 1\n# nothing else\n'): Files => ({
    [`${prefix}model.yaml`]: model,
    [`${prefix}extra.yaml`]: extra,
  });
  const hashOf = (root: string, f: Files): string => {
    const result = load(root, f);
    expect(result.diagnostics).toEqual([]);
    return (result.model as Model).contentHash;
  };

  it('is a sha256 in hex, the same on every load', () => {
    const h = hashOf('a/model.yaml', files('a/'));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf('a/model.yaml', files('a/'))).toBe(h);
  });

  it('does not depend on where the model folder is', () => {
    const h = hashOf('a/model.yaml', files('a/'));
    expect(hashOf('b/c/model.yaml', files('b/c/'))).toBe(h);
    expect(hashOf('model.yaml', files(''))).toBe(h);
    expect(hashOf('/abs/path/model.yaml', files('/abs/path/'))).toBe(h);
  });

  it('changes when one byte of the root or of an included file changes', () => {
    const h = hashOf('a/model.yaml', files('a/'));
    expect(hashOf('a/model.yaml', files('a/', BASE.replace('koseizu: 1\n', 'koseizu: 1\ninclude: [extra.yaml]\n').replace('label: Server', 'label: Servex')))).not.toBe(h);
    expect(hashOf('a/model.yaml', files('a/', undefined, 'koseizu: 1\n# nothing elsf\n'))).not.toBe(h);
  });

  // BUG (same root cause as the "a//model.yaml" include bug): the hash strips the root path's folder as given,
  // so a root written "a//model.yaml" keeps the included file's folder in the hash.
  it('is the same for a root path written with a doubled slash', () => {
    expect(hashOf('a//model.yaml', { ...files('a/'), 'a//model.yaml': files('a/')['a/model.yaml'] as string })).toBe(hashOf('a/model.yaml', files('a/')));
  });
});

describe('order of diagnostics', () => {
  it('sorted by file in load order, then line, then column', () => {
    // Errors placed out of order: schema errors, reference errors and warnings in both files.
    const text = `koseizu: 1
include: [a-first.yaml]
${SYSTEM}devices:
  - {id: d1, label: D, kind: sever, at: nowhere}
  - {id: d2, label: D, kind: server, at: nowhere, bogus: 1}
flows:
  - {id: f, label: F, phase: operation, which: d3, what: [x], how: [view]}
sites:
  - {id: s, label: S, owner: someone}
`;
    const inc = 'koseizu: 1\nactors:\n  - {id: a, label: A, org: nobody}\n  - {id: b, label: B, org: provider, extra: 1}\n';
    const result = load('model.yaml', { 'model.yaml': text, 'a-first.yaml': inc });
    expect(result.diagnostics.length).toBeGreaterThan(5);
    const fileRank = (d: Diagnostic): number => ['model.yaml', 'a-first.yaml'].indexOf(d.range.file);
    const sorted = [...result.diagnostics].sort((a, b) =>
      fileRank(a) - fileRank(b) || a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col);
    expect(result.diagnostics.map(at)).toEqual(sorted.map(at));
    expect(new Set(result.diagnostics.map((d) => d.range.file))).toEqual(new Set(['model.yaml', 'a-first.yaml']));
    // Errors before warnings at the same position.
    for (let i = 1; i < result.diagnostics.length; i++) {
      const a = result.diagnostics[i - 1] as Diagnostic;
      const b = result.diagnostics[i] as Diagnostic;
      if (at(a) === at(b) && a.severity === 'warning') expect(b.severity).toBe('warning');
    }
  });

  it('every problem is reported at once, not only the first', () => {
    const text = BASE
      .replace('kind: server, at: room', 'kind: sever, at: room')
      .replace('which: term, what: [rec]', 'which: trem, what: [rec]')
      .replace('{id: clinic, label: Clinic, owner: institution}', '{id: clinic, label: Clinic, owner: institution, colour: red}');
    const result = load('model.yaml', { 'model.yaml': text });
    expect(codes(result)).toEqual(expect.arrayContaining(['KZ101', 'KZ103', 'KZ104']));
    const typo = result.diagnostics.find((d) => d.code === 'KZ104');
    expect(typo?.suggestions).toEqual(['term']);
  });
});

describe('devices without links', () => {
  it('warns (KZ302) about a device with no link, unless it is declared isolated', async () => {
    const { stringify } = await import('yaml');
    const { baseWorld } = await import('./helpers/rule-table.js');
    const codes = (exposure?: string) => {
      const w = baseWorld();
      w.devices.push({ id: 'stand-alone', label: 'Stand-alone PC', kind: 'terminal', at: 'reception', ...(exposure ? { exposure } : {}) });
      return loadModel('world.yaml', memoryHost({ 'world.yaml': stringify({ koseizu: 1, ...w }) })).diagnostics.map((d) => d.code);
    };
    expect(codes()).toContain('KZ302');
    expect(codes('isolated')).not.toContain('KZ302');
  });
});

describe('who runs it, what it keeps, where responsibility passes', () => {
  const MODEL = `koseizu: 1
${SYSTEM}parties:
  - {id: clinic-corp, label: Clinic corp, kind: institution}
  - {id: lab-co, label: Lab Co, kind: third-party, agreement: maintenance contract, country: JP, foreign-law: false, certifications: [isms, pmark]}
  - {id: telco, label: Telco, kind: carrier, agreement: SLA}
sites:
  - {id: dc, label: DC, owner: provider}
  - {id: clinic, label: Clinic, owner: institution}
  - {id: lab, label: Lab, owner: third-party, operator: lab-co}
locations:
  - {id: room, label: Room, site: dc}
  - {id: exam, label: Exam, site: clinic}
  - {id: bench, label: Bench, site: lab}
actors:
  - {id: doc, label: Doctor, org: institution, party: clinic-corp}
data:
  - {id: rec, label: Records, class: medical}
  - {id: img, label: Images, class: medical}
devices:
  - {id: srv, label: Server, kind: server, at: room, roles: [process, store], stores: [rec, {data: [img], as: copy, retention: 30d, backup-to: [nas], of: lab-sys}]}
  - {id: nas, label: NAS, kind: storage, at: room, roles: [backup]}
  - {id: phone, label: Phone, kind: smartphone, at: exam, owner: staff}
  - {id: term, label: Terminal, kind: terminal, at: exam}
  - {id: lab-sys, label: Lab system, kind: external-system, at: bench}
  - {id: web, label: Web, kind: server, at: room}
networks:
  - {id: lan, label: LAN, kind: lan}
  - {id: dc-lan, label: DC LAN, kind: lan}
  - {id: line, label: Line, kind: closed-network, operator: telco, boundary: the clinic's router}
  - {id: net, label: Internet, kind: internet}
links:
  - {from: phone, to: term, network: lan}
  - {from: term, to: srv, network: line}
  - {from: lab-sys, to: srv, network: line}
  - {from: srv, to: nas, network: dc-lan}
  - {from: web, to: srv, network: dc-lan}
  - {from: web, to: term, network: net, boundary: the terminal's browser}
flows:
  - {id: f1, label: F1, phase: operation, who: doc, which: term, what: [rec], how: [view], path: [term, srv]}
  - {id: f2, label: F2, phase: operation, which: lab-sys, what: [img], how: [transfer], path: [lab-sys, srv, nas]}
  - {id: f3, label: F3, phase: operation, which: web, what: [rec], how: [view], path: [web, term]}
`;
  const result = load('model.yaml', { 'model.yaml': MODEL });
  const model = result.model as Model;
  const device = (id: string) => model.devices.find((d) => d.id === id);

  it('loads, with only the warnings it means to raise', () => {
    expect(codes(result)).toEqual([]);
    expect(model).toBeDefined();
  });

  it('keeps parties as written', () => {
    expect(model.parties.map((p) => [p.id, p.kind, p.agreement, p.foreignLaw, p.certifications])).toEqual([
      ['clinic-corp', 'institution', null, null, []],
      ['lab-co', 'third-party', 'maintenance contract', false, ['isms', 'pmark']],
      ['telco', 'carrier', 'SLA', null, []],
    ]);
    expect(model.actors[0]?.party).toBe('clinic-corp');
  });

  it('takes a device\'s operator from its owner when stated, else from its site\'s operator', () => {
    expect(model.sites.map((s) => [s.id, s.operator])).toEqual([['dc', 'provider'], ['clinic', 'institution'], ['lab', 'lab-co']]);
    expect(device('lab-sys')?.operator).toBe('lab-co');
    expect(device('phone')?.owner).toBe('staff');
    expect(device('phone')?.operator).toBe('staff');
    expect(device('term')?.operator).toBe('institution');
  });

  it('reads the one institution party for "institution" at a link\'s ends, and a network\'s operator from its ends when unstated', () => {
    const link = (id: string) => model.links.find((l) => l.id === id);
    expect(link('term--srv')?.ends).toEqual(['clinic-corp', 'provider']);
    expect(link('lab-sys--srv')?.ends).toEqual(['lab-co', 'provider']);
    expect(link('phone--term')?.ends).toEqual(['staff', 'clinic-corp']);
    expect(model.networks.find((n) => n.id === 'dc-lan')?.operator).toBe('provider');
    expect(model.networks.find((n) => n.id === 'line')?.operator).toBe('telco');
    expect(model.networks.find((n) => n.id === 'lan')?.operator).toBeNull(); // staff and the clinic
  });

  it('reads stores: a bare id is the record; an entry says how, for how long and where its backups go', () => {
    const kept = device('srv')?.stores?.map((k) => ({ data: k.data, as: k.as, retention: k.retention, days: k.retentionDays, backupTo: k.backupTo, of: k.of }));
    expect(kept).toEqual([
      { data: ['rec'], as: 'record', retention: null, days: null, backupTo: [], of: null },
      { data: ['img'], as: 'copy', retention: '30d', days: 30, backupTo: ['nas'], of: 'lab-sys' },
    ]);
    expect(device('nas')?.stores).toBeNull();
  });

  it('infers exposure from links over the internet for a device that answers connections, not for a terminal', () => {
    expect(device('web')?.exposure).toBe('internet');
    expect(device('web')?.exposureStated).toBe(false);
    expect(device('term')?.exposure).toBe('internal');
  });

  it('warns when a link between organisations states no boundary, and when a carrier\'s network has no agreement', () => {
    const broken = MODEL.replace('operator: telco, boundary: the clinic\'s router', 'operator: lab-co').replace(', agreement: maintenance contract', '');
    const r = load('model.yaml', { 'model.yaml': broken });
    expect(codes(r)).toEqual(['KZ314', 'KZ313', 'KZ313']);
    expect(r.diagnostics.filter((d) => d.code === 'KZ313').map((d) => d.args['link'])).toEqual(['term--srv', 'lab-sys--srv']);
    expect(r.diagnostics[0]?.args).toMatchObject({ network: 'line', operator: 'lab-co', agreement: 'none' });
  });

  it('refuses an unknown party, with the ones there are', () => {
    const r = load('model.yaml', { 'model.yaml': MODEL.replace('operator: lab-co}', 'operator: lab-c}') });
    expect(codes(r)).toEqual(['KZ104']);
    expect(r.diagnostics[0]?.suggestions).toEqual(['lab-co']);
  });
});

describe('positions of syntax errors, whatever the line ends', () => {
  const first = (text: string): Diagnostic | undefined => loadModel('m.yaml', memoryHost({ 'm.yaml': text })).diagnostics[0];

  it('a syntax error after a blank line is reported where the offending text is, not at the blank line', () => {
    const d = first('koseizu: 1\nsystem:\n  id: x\n\n title: X\n');
    expect(d?.code).toBe('KZ001');
    expect(d?.range.start).toEqual({ line: 5, col: 2 });
    const list = first('koseizu: 1\nsites:\n  - id: a\n\n    - b\n');
    expect(list?.range.start).toEqual({ line: 5, col: 5 });
  });

  it('a file with CR-only line ends reads as its lines, with their positions', () => {
    const lf = 'koseizu: 1\nsystem:\n  id: x\n  title: X\n  kind: nope\n';
    const cr = lf.replace(/\n/g, '\r');
    const crlf = lf.replace(/\n/g, '\r\n');
    const codes = (text: string): string[] => loadModel('m.yaml', memoryHost({ 'm.yaml': text })).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.col}`);
    expect(codes(cr)).toEqual(codes(lf));
    expect(codes(crlf)).toEqual(codes(lf));
    expect(codes(lf).some((c) => c.startsWith('KZ101@5:3'))).toBe(true);
  });
});
