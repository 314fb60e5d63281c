// The diff diagram (src/diff/graph.ts): the union of two versions of the cloud-EHR example, each element
// marked added, removed or changed; goldens of its SVG and Mermaid; the Mermaid parses; the layout keeps
// what did not change where it was.
import { JSDOM } from 'jsdom';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagramGraph, DiagramState } from '../models/diagram.js';
import type { Model } from '../models/model.js';
import { charactersOf, subsetFonts } from '../renderers/font/index.js';
import { renderMermaid, renderMermaidBySite } from '../renderers/mermaid/diagram.js';
import { renderMermaidMarkdown } from '../renderers/markdown/diagram.js';
import { renderPng } from '../renderers/png/index.js';
import { diffGraph, unionModel } from '../src/diff/graph.js';
import { loadModel, renderDiagramSvg, renderGraphSvg, type RenderedDiagram } from '../src/index.js';
import { diskHost, readDiagramFonts, withTempFiles } from '../src/io/index.js';
import { expectGolden } from './helpers/golden.js';

const GOLDEN = join(import.meta.dirname, 'golden', 'diff');
const root = mkdtempSync(join(tmpdir(), 'koseizu-diff-diagram-'));
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

const must = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`the example no longer contains ${from}`);
  return text.replace(from, to);
};

/**
 * The example, changed: an internet-facing portal (in a new DMZ room) linked to the DC gateway; the
 * printer, its link and its flow gone; the clinic-DC VPN now the internet; the disposal contractor (its
 * site, room and the tape going there) gone; the development room renamed.
 */
function variant(): string {
  const dir = join(root, 'next');
  cpSync('examples/cloud-ehr', dir, { recursive: true });
  let model = readFileSync('examples/cloud-ehr/model.yaml', 'utf8');
  model = must(model, '  - {id: printer, label: プリンタ, kind: printer, at: reception}\n', '');
  model = must(model, '  - {from: printer, to: clinic-router, network: clinic-lan, protocol: ipp}\n', '');
  model = model.replace(/  - \{id: claims-print,[^}]*\}\n/, '');
  model = must(model, '  - {id: dev-room, label: 開発・保守室,', '  - {id: dmz, label: DMZ, site: provider-dc, controls: [locked, entry-control]}\n  - {id: dev-room, label: 開発・保守ルーム,');
  model = must(model, '  # 対象事業者DC\n', '  # 対象事業者DC\n  - {id: patient-portal, label: 患者向けポータル, kind: server, at: dmz, exposure: internet, auth: password, env: production}\n');
  model = must(model, '  # DCの中\n', '  # DCの中\n  - {from: patient-portal, to: dc-gateway, network: dc-internal, protocol: https, tls: "1.3"}\n');
  model = must(model, '  - {id: disposal-contractor, label: 廃棄事業者, owner: third-party, operator: disposal-co, country: JP}\n', '');
  model = must(model, '  - {id: disposal-facility, label: 破砕施設, site: disposal-contractor, controls: [entry-control, cctv]}\n', '');
  model = model.replace(/  - id: tape-disposal\n(    .*\n)+/, '');
  writeFileSync(join(dir, 'model.yaml'), model);
  const network = must(readFileSync('examples/cloud-ehr/network.yaml', 'utf8'),
    '{id: dc-line, label: 医療機関-DC間 IPsec-VPN, kind: ipsec-vpn, ike: true, auth: certificate,',
    '{id: dc-line, label: 医療機関-DC間 IPsec-VPN, kind: internet,');
  writeFileSync(join(dir, 'network.yaml'), network);
  return join(dir, 'model.yaml');
}

function load(path: string): Model {
  const result = loadModel(path, diskHost);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!result.model) throw new Error(`${path} did not load`);
  return result.model;
}

let old: Model;
let next: Model;
let graph: DiagramGraph;
let rendered: Promise<RenderedDiagram>;
const request = { lang: 'ja', labels: { old: 'main', new: 'feature' } } as const;
beforeAll(() => {
  old = load('examples/cloud-ehr/model.yaml');
  next = load(variant());
  graph = diffGraph(old, next, request);
  rendered = renderGraphSvg(graph);
});

const devicesOf = (g: DiagramGraph) => g.sites.flatMap((s) => s.locations.flatMap((l) => l.devices));
const locationsOf = (g: DiagramGraph) => g.sites.flatMap((s) => s.locations);
/** Every element id with its state ("-" for none), by kind. */
function states(g: DiagramGraph): Record<string, string> {
  const of = (prefix: string, e: { id: string; state?: DiagramState }): [string, string] => [`${prefix}:${e.id}`, e.state ?? '-'];
  return Object.fromEntries([
    ...g.sites.map((s) => of('site', s)), ...locationsOf(g).map((l) => of('location', l)), ...devicesOf(g).map((d) => of('device', d)),
    ...g.links.map((l) => of('link', l)), ...g.media.map((m) => of('media', m)),
  ]);
}

describe('the union', () => {
  it('holds every element of both versions once, removed ones where they were', () => {
    const union = unionModel(old, next);
    for (const section of ['sites', 'locations', 'devices', 'links', 'media'] as const) {
      const ids = union[section].map((e) => e.id);
      expect(new Set(ids).size, section).toBe(ids.length);
      expect(new Set(ids), section).toEqual(new Set([...old[section], ...next[section]].map((e) => e.id)));
    }
    // The printer comes back between the billing terminal and the EHR terminal, as in the old version.
    const order = union.devices.map((d) => d.id);
    expect(order.indexOf('printer')).toBe(order.indexOf('billing-terminal') + 1);
    const g = diffGraph(old, next, { lang: 'ja' });
    expect(devicesOf(g).map((d) => d.id).sort()).toEqual([...new Set([...old.devices, ...next.devices].map((d) => d.id))].sort());
    expect(locationsOf(g).find((l) => l.id === 'reception')?.devices.map((d) => d.id)).toContain('printer');
    expect(g.sites.find((s) => s.id === 'disposal-contractor')?.locations.map((l) => l.id)).toEqual(['disposal-facility']);
  });

  it('marks each element added, removed or changed (a rename counts as changed), and leaves the rest unmarked', () => {
    const s = states(graph);
    expect(s).toMatchObject({
      'device:patient-portal': 'added',
      'location:dmz': 'added',
      'link:patient-portal--dc-gateway': 'added',
      'device:printer': 'removed',
      'link:printer--clinic-router': 'removed',
      'site:disposal-contractor': 'removed',
      'location:disposal-facility': 'removed',
      'media:tape-disposal': 'removed',
      'location:dev-room': 'changed',
      // The link itself is the same; its network is now the internet.
      'link:clinic-router--dc-gateway': 'changed',
      'device:ehr-server': '-',
      'site:provider-dc': '-',
      'media:backup-tape': '-',
    });
    expect(graph.links.find((l) => l.id === 'clinic-router--dc-gateway')?.style).toBe('internet');
    expect(Object.entries(s).filter(([, v]) => v !== '-').map(([k]) => k).sort()).toEqual([
      'device:patient-portal', 'device:printer', 'link:clinic-router--dc-gateway', 'link:patient-portal--dc-gateway',
      'link:printer--clinic-router', 'location:dev-room', 'location:disposal-facility', 'location:dmz', 'media:tape-disposal',
      'site:disposal-contractor',
    ]);
  });

  it('a device that moved is changed and drawn where it is now', () => {
    const moved = { ...next, devices: next.devices.map((d) => (d.id === 'log-server' ? { ...d, at: 'dev-room' } : d)) };
    const g = diffGraph(old, moved, { lang: 'en' });
    const devRoom = locationsOf(g).find((l) => l.id === 'dev-room');
    expect(devRoom?.devices.find((d) => d.id === 'log-server')?.state).toBe('changed');
    expect(devicesOf(g).filter((d) => d.id === 'log-server')).toHaveLength(1);
    expect(g.title).toBe(`Diff: ${old.contentHash.slice(0, 12)} → ${next.contentHash.slice(0, 12)}`);
  });

  it('says it is a diff, and lists the states it uses first in the legend', () => {
    expect(graph.title).toBe('差分: main → feature');
    expect(graph.subtitle).toBe(`${next.system.title} — 全体構成図`);
    expect(graph.legend.slice(0, 3)).toEqual([
      { key: 'state:added', label: '+ 追加' }, { key: 'state:removed', label: '\u2212 削除' }, { key: 'state:changed', label: '~ 変更' },
    ]);
  });

  it('two identical versions give the plain diagram: no state, no state in the legend', () => {
    const g = diffGraph(old, old, { lang: 'ja' });
    expect(Object.values(states(g)).every((v) => v === '-')).toBe(true);
    expect(g.legend.some((e) => e.key.startsWith('state:'))).toBe(false);
    expect(renderMermaid(g).text).not.toMatch(/classDef (added|removed|changed)/);
  });
});

describe('drawn', () => {
  it('SVG golden, with every node of both versions drawn once', async () => {
    const { svg, layout } = await rendered;
    expectGolden(join(GOLDEN, 'diagram.cloud-ehr.ja.svg'), svg);
    const doc = new (new JSDOM('').window.DOMParser)().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id') ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of devicesOf(graph)) expect(ids, d.id).toContain(`dev-${d.id}`);
    expect(layout.devices.map((d) => d.id).sort()).toEqual(devicesOf(graph).map((d) => d.id).sort());
    expect(doc.getElementById('dev-printer')?.getAttribute('opacity')).toBe('0.4');
    expect(doc.getElementById('dev-patient-portal')?.getAttribute('class')).toBe('device server state-added');
    expect(doc.querySelectorAll('#states .state-sign')).toHaveLength(10);
    expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
  });

  it('renders to a PNG (the fonts cut down to the diff graph\'s characters)', async () => {
    const r = await rendered;
    const subset = await subsetFonts(readDiagramFonts(), charactersOf(r.graph));
    const bytes = await withTempFiles({ 'regular.ttf': subset.regular, 'bold.ttf': subset.bold }, (paths) =>
      renderPng(r.svg, [paths['regular.ttf'] ?? '', paths['bold.ttf'] ?? ''], 1));
    expect(Buffer.from(bytes).readUInt32BE(16)).toBe(r.layout.width);
    if (process.env['KOSEIZU_DIFF_PNG']) writeFileSync(process.env['KOSEIZU_DIFF_PNG'], bytes);
  });

  it('keeps what did not change in place: devices keep their order within their site as in the new version\'s own layout', async () => {
    const [plain, diff] = await Promise.all([renderDiagramSvg(next, { lang: 'ja' }), rendered]);
    const order = (r: RenderedDiagram, site: string): string[] => {
      const box = r.layout.containers.find((c) => c.id === site);
      if (!box) return [];
      const ids = new Set(next.devices.filter((d) => next.locations.find((l) => l.id === d.at)?.site === site).map((d) => d.id));
      return r.layout.devices.filter((d) => ids.has(d.id))
        .map((d) => ({ id: d.id, row: Math.round((d.y - box.y) / 40), x: d.x - box.x }))
        .sort((a, b) => a.row - b.row || a.x - b.x).map((d) => d.id);
    };
    expect(order(diff, 'provider-dc').length).toBeGreaterThan(0);
    expect(order(diff, 'clinic')).toEqual(order(plain, 'clinic'));
  });

  it('Mermaid golden: classDefs and classes for the states, linkStyles for the edges; it parses', async () => {
    const mmd = renderMermaid(graph);
    const md = renderMermaidMarkdown(graph);
    expect(mmd.warnings).toEqual([]);
    expectGolden(join(GOLDEN, 'diagram.cloud-ehr.ja.mmd'), mmd.text);
    expectGolden(join(GOLDEN, 'diagram.cloud-ehr.ja.md'), md.text);
    expect(mmd.text).toContain('classDef added ');
    expect(mmd.text).toMatch(/^ {2}class [\w,]*\bdev_printer\b[\w,]* removed$/m);
    expect(mmd.text).toMatch(/^ {2}linkStyle \d+ interpolate monotoneY stroke:#b07800/m);
    expect(mmd.text).toMatch(/dev_printer>"− プリンタ"\]/);

    const dom = new JSDOM('');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false });
    await mermaid.parse(mmd.text);
    for (const part of renderMermaidBySite(graph)) await mermaid.parse(part.text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(mmd.text);
    const db = diagram.db as unknown as {
      getEdges(): { start: string; end: string; style?: string[] }[];
      getVertices(): Map<string, { classes: string[] }>;
    };
    const edges = db.getEdges();
    const vpn = edges.find((e) => e.start === 'dev_clinic_router' && e.end === 'dev_dc_gateway');
    expect(vpn?.style?.join(';')).toContain('stroke:#b07800');
    expect(db.getVertices().get('dev_patient_portal')?.classes).toContain('added');
  }, 60_000);
});
