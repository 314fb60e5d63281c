// The Mermaid renderer: goldens for the examples, and every diagram we emit checked by Mermaid's own
// parser (under jsdom: mermaid.parse needs a DOM for DOMPurify), including hostile labels, the layout plan
// (rows, the links' direction, the invisible edges that hold it) and the per-site split of a diagram over
// GitHub's 500-edge limit. How the diagrams look in a browser: test/mermaid-render.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagramDevice, DiagramGraph, DiagramLink, DiagramSite, LinkStyle } from '../models/diagram.js';
import type { Model } from '../models/model.js';
import type { Lang, Phase } from '../models/vocabulary.js';
import { mermaidText } from '../renderers/escape.js';
import { renderMermaidMarkdown } from '../renderers/markdown/diagram.js';
import { GITHUB_MAX_EDGES, renderMermaid, renderMermaidBySite } from '../renderers/mermaid/diagram.js';
import { diagramGraph, diagramWords } from '../src/diagram/graph.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { expectGolden } from './helpers/golden.js';
import { memoryHost } from './helpers/memory-host.js';
import { loadMermaid, type Mermaid } from './helpers/mermaid.js';


/** What the flowchart parser made of a text (the parts of its FlowDB we look at). */
interface Parsed {
  readonly vertices: Map<string, { readonly text: string; readonly type?: string | undefined }>;
  /** The visible edges, in the order written. */
  readonly edges: readonly { readonly start: string; readonly end: string; readonly text: string; readonly style?: readonly string[] | undefined }[];
  /** The invisible edges (`~~~`) that hold the layout. */
  readonly invisible: readonly { readonly start: string; readonly end: string; readonly length: number }[];
  readonly subgraphs: readonly { readonly id: string; readonly title: string; readonly nodes: readonly string[]; readonly classes: readonly string[] }[];
}

let mermaid: Mermaid;

beforeAll(async () => {
  mermaid = await loadMermaid();
}, 60_000);

/** Parses with mermaid.parse (rejects on any error), then reads the flowchart's database. */
async function parse(text: string): Promise<Parsed> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as {
    getVertices(): Parsed['vertices'];
    getEdges(): (Parsed['edges'][number] & { readonly stroke: string; readonly length: number })[];
    getSubGraphs(): Parsed['subgraphs'];
  };
  const edges = db.getEdges();
  return {
    vertices: db.getVertices(),
    edges: edges.filter((e) => e.stroke !== 'invisible'),
    invisible: edges.filter((e) => e.stroke === 'invisible').map((e) => ({ start: e.start, end: e.end, length: e.length })),
    subgraphs: db.getSubGraphs(),
  };
}

/** Mermaid keeps entity codes as placeholders until the SVG is written: turn them into the characters. */
function decode(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
  return text
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (m, name: string) => named[name] ?? m);
}

/** A label as Mermaid read it, its lines (split at the `<br/>` we write) decoded and joined. */
const unwrap = (text: string): string => text.split(/<br\s*\/?>/).map(decode).join('');
/**
 * A label with the spaces dropped (a line break replaces one) and the " / " between parts (each part of a
 * link's or a media transport's label starts a line): what must survive the wrapping.
 */
const squash = (text: string): string => text.replace(/\s+/g, '');
const squashParts = (text: string): string => squash(text.replace(/ \/ /g, ''));
/** An edge as "a>b", and the same edge either way round (a link is written in the direction of the layout). */
const pair = (a: string, b: string): string => [a, b].sort().join('~');

function load(path: string): Model {
  const result = loadModel(path, diskHost);
  expect(result.diagnostics).toEqual([]);
  if (!result.model) throw new Error(`${path} did not load`);
  return result.model;
}

const devicesOf = (g: DiagramGraph): DiagramDevice[] => g.sites.flatMap((s) => s.locations.flatMap((l) => l.devices));
const locationsOf = (g: DiagramGraph) => g.sites.flatMap((s) => s.locations);
const mid = (prefix: string, id: string): string => `${prefix}_${id.replace(/-/g, '_')}`;

/** The parsed diagram has exactly the graph's nodes, boxes and edges, each in its place. */
async function expectStructure(graph: DiagramGraph, text: string): Promise<Parsed> {
  const parsed = await parse(text);
  const devices = devicesOf(graph);
  // An edge to a subgraph (a media transport) also registers its id as a vertex; Mermaid draws the box only.
  const boxes = new Set(parsed.subgraphs.map((s) => s.id));
  expect([...parsed.vertices.keys()].filter((id) => !boxes.has(id)).sort())
    .toEqual([...devices.map((d) => mid('dev', d.id)), ...graph.media.map((m) => mid('media', m.id))].sort());
  expect(parsed.subgraphs.map((s) => s.id).sort()).toEqual(
    [...graph.sites.map((s) => mid('site', s.id)), ...locationsOf(graph).map((l) => mid('loc', l.id))].sort());
  for (const site of graph.sites) {
    const box = parsed.subgraphs.find((s) => s.id === mid('site', site.id));
    // A media transport with both ends in the site has its node in the site's box.
    const inside = new Set(site.locations.map((l) => l.id));
    const media = graph.media.filter((m) => inside.has(m.from) && inside.has(m.to)).map((m) => mid('media', m.id));
    expect([...(box?.nodes ?? [])].sort()).toEqual([...site.locations.map((l) => mid('loc', l.id)), ...media].sort());
    expect(box?.classes).toContain(`owner-${site.owner}`);
    for (const location of site.locations) {
      const inner = parsed.subgraphs.find((s) => s.id === mid('loc', location.id));
      expect([...(inner?.nodes ?? [])].sort()).toEqual(location.devices.map((d) => mid('dev', d.id)).sort());
      expect(inner?.classes).toEqual(location.public ? ['location', 'public-area'] : ['location']);
    }
  }
  // Links in model order, each either way round; then each media transport's two edges, the second always
  // from its node to its destination (where the arrow is).
  expect(parsed.edges.map((e) => pair(e.start, e.end))).toEqual([
    ...graph.links.map((l) => pair(mid('dev', l.from), mid('dev', l.to))),
    ...graph.media.flatMap((m) => [pair(mid('loc', m.from), mid('media', m.id)), pair(mid('media', m.id), mid('loc', m.to))]),
  ]);
  const second = parsed.edges.slice(graph.links.length).filter((_, i) => i % 2 === 1);
  expect(second.map((e) => `${e.start}>${e.end}`)).toEqual(graph.media.map((m) => `${mid('media', m.id)}>${mid('loc', m.to)}`));
  for (const m of graph.media) expect(squashParts(unwrap(parsed.vertices.get(mid('media', m.id))?.text ?? ''))).toBe(squashParts(m.label));
  // Invisible edges only between things the diagram has, and only after the visible ones (linkStyle counts them all).
  const known = new Set([...parsed.vertices.keys(), ...boxes]);
  for (const e of parsed.invisible) expect([known.has(e.start), known.has(e.end), e.length >= 1]).toEqual([true, true, true]);
  const lines = text.split('\n');
  const visible = lines.flatMap((l, i) => (/^\s+\w+ (-{3,}|-\.+->?)[ |]/.test(l) ? [i] : []));
  const hidden = lines.flatMap((l, i) => (/^\s+\w+ ~{3,} \w+$/.test(l) ? [i] : []));
  expect(hidden).toHaveLength(parsed.invisible.length);
  if (hidden.length > 0) expect(Math.min(...hidden)).toBeGreaterThan(Math.max(...visible));
  return parsed;
}

const EXAMPLES: readonly { name: string; path: string; lang: Lang; phase?: Phase }[] = [
  { name: 'cloud-ehr.ja', path: 'examples/cloud-ehr/model.yaml', lang: 'ja' },
  { name: 'cloud-ehr.ja.operation', path: 'examples/cloud-ehr/model.yaml', lang: 'ja', phase: 'operation' },
  { name: 'cloud-ehr.ja.development', path: 'examples/cloud-ehr/model.yaml', lang: 'ja', phase: 'development' },
  { name: 'cloud-ehr.ja.termination', path: 'examples/cloud-ehr/model.yaml', lang: 'ja', phase: 'termination' },
  { name: 'minimal.ja', path: 'examples/minimal/model.yaml', lang: 'ja' },
  { name: 'minimal.en', path: 'examples/minimal/model.yaml', lang: 'en' },
];

describe('examples', () => {
  for (const example of EXAMPLES) {
    describe(example.name, () => {
      const graph = (): DiagramGraph => diagramGraph(load(example.path), { lang: example.lang, phase: example.phase });

      it('matches the golden .mmd and .md', async () => {
        const g = graph();
        const mmd = renderMermaid(g);
        const md = renderMermaidMarkdown(g);
        expect(mmd.warnings).toEqual([]);
        expect(md.warnings).toEqual([]);
        const parsed = await parse(mmd.text);
        expect(parsed.edges).toHaveLength(g.links.length + 2 * g.media.length);
        expect(mmd.edges).toBe(g.links.length + 2 * g.media.length + parsed.invisible.length);
        expectGolden(`test/golden/mermaid/${example.name}.mmd`, mmd.text);
        expectGolden(`test/golden/mermaid/${example.name}.md`, md.text);
      });

      it('parses, with every device, box and edge of the graph in its place', async () => {
        const g = graph();
        await expectStructure(g, renderMermaid(g).text);
      });

      it('the Markdown holds the same diagram in one mermaid fence', async () => {
        const g = graph();
        const md = renderMermaidMarkdown(g).text;
        const blocks = [...md.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
        expect(blocks).toEqual([renderMermaid(g).text]);
        expect(md.split('\n')[0]).toBe(`## ${g.title}`);
        expect(md).toContain(g.hash);
      });

      it('splits per site into diagrams that parse', async () => {
        const g = graph();
        const parts = renderMermaidBySite(g);
        expect(parts.map((p) => p.site)).toEqual(g.sites.map((s) => s.id));
        for (const part of parts) {
          const parsed = await parse(part.text);
          expect(parsed.edges.length + parsed.invisible.length).toBe(part.edges);
        }
      });
    });
  }

  it('is deterministic: LF only, one trailing newline, no trailing spaces', () => {
    for (const example of EXAMPLES) {
      const g = diagramGraph(load(example.path), { lang: example.lang, phase: example.phase });
      for (const text of [renderMermaid(g).text, renderMermaidMarkdown(g).text, ...renderMermaidBySite(g).map((p) => p.text)]) {
        expect(text).not.toMatch(/\r/);
        expect(text).toMatch(/[^\n]\n$/);
        expect(text).not.toMatch(/[ \t]$/m);
        expect(renderMermaid(g).text).toBe(renderMermaid(diagramGraph(load(example.path), { lang: example.lang, phase: example.phase })).text);
      }
    }
  });

  it('styles each edge by its network kind and media transport', async () => {
    const g = diagramGraph(load('examples/cloud-ehr/model.yaml'), { lang: 'ja' });
    const parsed = await parse(renderMermaid(g).text);
    const stroke = (style: readonly string[] | undefined): string | undefined => style?.find((s) => s.startsWith('stroke:'));
    const expected: Record<LinkStyle | 'media', string> = {
      internet: 'stroke:#d62728', vpn: 'stroke:#2f6fd6', closed: 'stroke:#8e55c9', lan: 'stroke:#7f7f7f',
      wireless: 'stroke:#138a8a', cloud: 'stroke:#cc6a00', media: 'stroke:#c0398a',
    };
    const styles = [...g.links.map((l) => l.style), ...g.media.flatMap(() => ['media', 'media'] as const)];
    expect(parsed.edges.map((e) => stroke(e.style))).toEqual(styles.map((s) => expected[s]));
    expect(new Set(styles)).toEqual(new Set(['wireless', 'lan', 'vpn', 'media']));
  });

  it('runs top to bottom by default and left to right when asked', async () => {
    const g = diagramGraph(load('examples/cloud-ehr/model.yaml'), { lang: 'ja' });
    const lr = renderMermaid(g, { direction: 'LR' }).text;
    const tb = renderMermaid(g).text;
    expect(lr.split('\n')[1]).toBe('flowchart LR');
    expect(tb.split('\n')[1]).toBe('flowchart TB');
    // The same plan either way: only the direction words differ (and the curve, monotone along the flow).
    expect(tb.replace('flowchart TB', 'flowchart LR').replace(/direction TB/g, 'direction LR').replace(/monotoneY/g, 'monotoneX')).toBe(lr);
    expect(tb).toContain('interpolate monotoneY');
    await expectStructure(g, lr);
    for (const part of renderMermaidBySite(g, { direction: 'LR' })) expect(part.text.split('\n')[1]).toBe('flowchart LR');
    expect(renderMermaidMarkdown(g, { direction: 'LR' }).text).toContain('\nflowchart LR\n');
  });

  it('splits cloud-ehr: the clinic sees the DC gateway as a stub, the vault both media ends', async () => {
    const g = diagramGraph(load('examples/cloud-ehr/model.yaml'), { lang: 'ja' });
    const parts = new Map(renderMermaidBySite(g).map((p) => [p.site, p]));
    const clinic = await parse(parts.get('clinic')?.text ?? '');
    expect(clinic.vertices.has('dev_dc_gateway')).toBe(true);
    expect(clinic.vertices.has('dev_ehr_server')).toBe(false);
    expect(clinic.subgraphs.find((s) => s.id === 'site_provider_dc')?.nodes.slice().sort()).toEqual(['dev_dc_gateway', 'loc_server_room']);
    expect(clinic.subgraphs.find((s) => s.id === 'elsewhere')?.nodes).toEqual(['site_provider_dc']);
    const vault = await parse(parts.get('offsite-vault')?.text ?? '');
    // The vault's own box is on top; the tape comes up to it from the DC below (its arrow still at the vault).
    expect(vault.edges.map((e) => `${e.start}>${e.end}`)).toEqual([
      'media_backup_tape>loc_server_room', 'media_backup_tape>loc_vault_room',
      'loc_vault_room>media_tape_disposal', 'media_tape_disposal>loc_disposal_facility',
    ]);
    expect(decode(vault.vertices.get('loc_server_room')?.text ?? '')).toBe('サーバ室');
  });
});

describe('escaping', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"quotes"',
    "'single'",
    '&amp; &',
    '[brackets] {braces} (parens) |pipes|',
    '`code` ```fence```',
    '#hash; #35; #quot;',
    '%% comment',
    '%%{init: {"theme": "dark"}}%%',
    'end',
    'line one\nline two\r\nthree\ttab',
    '  padded  ',
    '救急外来 😷 👩‍⚕️',
    'style: #f00; classDef x fill:#f00;',
    'a --> b --- c -.-> d ==> e',
    'back\\slash; semi; colon: ~tilde* _under_ **bold**',
    '<img src=x onerror=alert(1)>',
  ];

  it('writes the entity codes', () => {
    expect(mermaidText('"#%&<>`:[]{}()|')).toBe('#quot;#35;#37;#38;#60;#62;#96;#58;#91;#93;#123;#125;#40;#41;#124;');
    expect(mermaidText('a\nb\r\nc\u2028d\u0000e')).toBe('a b c d e');
    expect(mermaidText('  x  ')).toBe('x');
    expect(mermaidText(' \n ', 'fallback-id')).toBe('fallback-id');
    expect(mermaidText('医療機関（診療所）／ICU')).toBe('医療機関（診療所）／ICU');
  });

  it('hostile labels from a model parse, come back intact, and carry no markup', async () => {
    const q = (s: string): string => JSON.stringify(s);
    const yaml = [
      'koseizu: 1',
      'system: {id: hostile, title: "<b>Hostile</b> `title` # | [x]", forms: [application], phases: [operation], lang: ja}',
      `sites: [{id: end, label: ${q(HOSTILE[0] as string)}, owner: institution}, {id: graph, label: ${q(HOSTILE[9] as string)}, owner: provider}]`,
      'locations:',
      ...HOSTILE.map((label, i) => `  - {id: room-${i}, label: ${q(label)}, site: ${i % 2 === 0 ? 'end' : 'graph'}}`),
      'devices:',
      ...HOSTILE.map((label, i) => `  - {id: dev-${i}, label: ${q(label)}, kind: ${['server', 'terminal', 'router', 'database', 'printer', 'external-system', 'medical-device', 'storage'][i % 8]}, at: room-${i}${i % 3 === 0 ? ', count: 3' : ''}}`),
      '  - {id: subgraph, label: click, kind: server, at: room-0}',
      'networks: [{id: net, label: net, kind: internet}, {id: lan, label: lan, kind: lan}]',
      'links:',
      ...HOSTILE.map((label, i) => `  - {from: dev-${i}, to: dev-${(i + 1) % HOSTILE.length}, network: ${i % 2 ? 'net' : 'lan'}, label: ${q(label)}}`),
      '  - {from: subgraph, to: dev-1, network: net, protocol: https, tls: "1.3"}',
      'actors: [{id: style, label: ' + q(HOSTILE[4] as string) + ', org: third-party}]',
      'data: [{id: d, label: d, class: medical}]',
      'media:',
      `  - {id: m1, label: ${q(HOSTILE[0] as string)}, kind: paper, from: room-0, to: room-1, carrier: style, encrypted: false, data: [d]}`,
      `  - {id: m2, label: ${q(HOSTILE[7] as string)}, kind: usb-memory, from: room-2, to: room-3, carrier: style, encrypted: true, data: [d]}`,
    ].join('\n');
    const result = loadModel('model.yaml', memoryHost({ 'model.yaml': yaml }));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!result.model) throw new Error('no model');
    for (const lang of ['ja', 'en'] as const) {
      const g = diagramGraph(result.model, { lang });
      expect(devicesOf(g)).toHaveLength(HOSTILE.length + 1);
      const out = renderMermaid(g);
      expect(out.edges).toBe(HOSTILE.length + 1 + 2 * 2 + (out.text.match(/ ~{3,} /g) ?? []).length);
      const md = renderMermaidMarkdown(g).text;
      for (const text of [out.text, md]) {
        expect(text).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/i);
        expect(text).not.toContain('%%{');
        expect(text).not.toMatch(/^\s*%%(?! koseizu)/m);
      }
      expect(out.text).not.toContain('`');
      expect(md.match(/```/g)).toHaveLength(2);
      const parsed = await expectStructure(g, out.text);
      const flat = (s: string): string => s.replace(/[\u0000-\u001f\u2028\u2029]+/g, ' ').trim();
      for (const d of devicesOf(g)) {
        const want = d.count > 1 ? `${flat(d.label)} ×${d.count}` : flat(d.label);
        expect(squash(unwrap(parsed.vertices.get(mid('dev', d.id))?.text ?? ''))).toBe(squash(want));
      }
      for (const l of locationsOf(g)) expect(decode(parsed.subgraphs.find((s) => s.id === mid('loc', l.id))?.title ?? '')).toBe(flat(l.label));
      expect(parsed.edges.slice(0, g.links.length).map((e) => squashParts(unwrap(e.text)))).toEqual(g.links.map((l) => squashParts(flat(l.label ?? ''))));
      for (const part of renderMermaidBySite(g)) await parse(part.text);
    }
  });

  it('any label survives the round trip through Mermaid\'s parser (property)', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
    await fc.assert(fc.asyncProperty(text, text, text, async (node, edge, box) => {
      const g = graphOf([{ id: 'a', label: box, locations: [{ id: 'l', label: box, devices: [{ id: 'x', label: node }, { id: 'y', label: edge }] }] }],
        [{ from: 'x', to: 'y', label: edge }]);
      const parsed = await parse(renderMermaid(g).text);
      const flat = (s: string, fallback: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim() || fallback;
      // Wrapped into lines: every character but the spaces at the breaks (and a link's " / " between parts) survives.
      expect(squash(unwrap(parsed.vertices.get('dev_x')?.text ?? ''))).toBe(squash(flat(node, 'x')));
      expect(squashParts(unwrap(parsed.edges[0]?.text ?? ''))).toBe(squashParts(flat(edge, '')));
      expect(decode(parsed.subgraphs.find((s) => s.id === 'loc_l')?.title ?? '')).toBe(flat(box, 'l'));
    }), { numRuns: 150, seed: 20260101 });
  });

  it('ids outside the schema still make distinct Mermaid ids; edges to missing ends are left out with a warning', async () => {
    const g = graphOf([{ id: 'a b', label: 'A', locations: [{ id: 'end', label: '', devices: [{ id: 'x.y', label: 'one' }, { id: 'x-y', label: 'two' }, { id: 'x_y', label: 'three' }] }] }],
      [{ from: 'x.y', to: 'x-y', label: null }, { from: 'x_y', to: 'nowhere', label: null }]);
    const out = renderMermaid(g);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain('nowhere');
    const parsed = await parse(out.text);
    expect([...parsed.vertices.keys()].sort()).toEqual(['dev_x_y', 'dev_x_y_2', 'dev_x_y_3']);
    expect(parsed.edges.map((e) => `${e.start}>${e.end}`)).toEqual(['dev_x_y>dev_x_y_2']);
    expect(decode(parsed.subgraphs.find((s) => s.id === 'loc_end')?.title ?? '')).toBe('end');
  });

  it('a broken text is rejected (the parser is really checking)', async () => {
    await expect(mermaid.parse('flowchart LR\n  a["x" --- b\n')).rejects.toThrow();
    await expect(mermaid.parse('flowchart LR\n  subgraph s["x"]\n  a --- b\n')).rejects.toThrow();
    await expect(mermaid.parse('flowchart LR\n  a[""] --- b\n')).rejects.toThrow();
  });
});

describe('over GitHub\'s 500 edges', () => {
  // Three sites of 171 devices in a chain (169 links each) and three links between the sites: 510 links.
  const big = (): DiagramGraph => {
    const sites = ['a', 'b', 'c'].map((s) => ({
      id: `site-${s}`,
      label: `Site ${s}`,
      locations: [{ id: `room-${s}`, label: `Room ${s}`, devices: Array.from({ length: 171 }, (_, i) => ({ id: `${s}-${i}`, label: `${s}${i}` })) }],
    }));
    const links = [
      ...['a', 'b', 'c'].flatMap((s) => Array.from({ length: 169 }, (_, i) => ({ from: `${s}-${i}`, to: `${s}-${i + 1}`, label: null }))),
      { from: 'a-0', to: 'b-0', label: 'HTTPS' }, { from: 'b-0', to: 'c-0', label: null }, { from: 'c-0', to: 'a-0', label: null },
    ];
    return graphOf(sites, links, [{ from: 'room-a', to: 'room-c', label: 'tape' }]);
  };

  it('warns, and the single diagram is one Mermaid itself refuses', async () => {
    const g = big();
    expect(g.links).toHaveLength(510);
    const out = renderMermaid(g);
    // 510 links and the tape's two edges, and the invisible edges that hold the layout: Mermaid counts them all.
    const hidden = (out.text.match(/ ~{3,} /g) ?? []).length;
    expect(out.edges).toBe(512 + hidden);
    expect(out.warnings).toEqual([expect.stringContaining(String(512 + hidden))]);
    await expect(mermaid.parse(out.text)).rejects.toThrow(/Edge limit exceeded/);
  });

  it('splits per site into parts that parse, each within the limit, with far ends as stubs', async () => {
    const g = big();
    const parts = renderMermaidBySite(g);
    expect(parts.map((p) => p.site)).toEqual(['site-a', 'site-b', 'site-c']);
    for (const part of parts) {
      expect(part.edges).toBeLessThanOrEqual(GITHUB_MAX_EDGES);
      expect(part.warnings).toEqual([]);
      const parsed = await parse(part.text);
      expect(parsed.edges.length + parsed.invisible.length).toBe(part.edges);
    }
    // Site a: its 169 chain links, the two cross links that touch it, the tape to room c (two edges).
    const a = await parse(parts[0]?.text ?? '');
    expect(a.edges).toHaveLength(173);
    // Its devices, stubs b-0 and c-0, the stub of room c, the tape's node, and room a (an edge's end, so also a vertex).
    expect(a.vertices.size).toBe(171 + 2 + 1 + 1 + 1);
    expect(a.subgraphs.find((s) => s.id === 'elsewhere')?.nodes.slice().sort()).toEqual(['site_site_b', 'site_site_c']);
    expect(a.subgraphs.find((s) => s.id === 'site_site_c')?.nodes.slice().sort()).toEqual(['dev_c_0', 'loc_room_c']);
  });

  it('the Markdown is split into one fenced diagram per site', async () => {
    const g = big();
    const md = renderMermaidMarkdown(g);
    expect(md.warnings.length).toBeGreaterThan(0);
    const blocks = [...md.text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(3);
    for (const block of blocks) await parse(block);
    expect(md.text).toContain('### Site a');
  });

  it('a single site over the limit is reported in its part', () => {
    const g = graphOf([{ id: 's', label: 'S', locations: [{ id: 'r', label: 'R', devices: Array.from({ length: 502 }, (_, i) => ({ id: `d-${i}`, label: `${i}` })) }] }],
      Array.from({ length: 501 }, (_, i) => ({ from: `d-${i}`, to: `d-${i + 1}`, label: null })));
    const [part] = renderMermaidBySite(g);
    expect(part?.edges).toBe(501);
    expect(part?.warnings).toHaveLength(1);
  });
});

// ---- A DiagramGraph literal, for what the schema would not let a model say ----

interface SiteSpec {
  id: string;
  label: string;
  locations: { id: string; label: string; devices: { id: string; label: string }[] }[];
}

function graphOf(
  sites: SiteSpec[],
  links: { from: string; to: string; label: string | null }[],
  media: { from: string; to: string; label: string }[] = [],
): DiagramGraph {
  const owners = ['institution', 'provider', 'third-party'] as const;
  const styles: LinkStyle[] = ['internet', 'vpn', 'closed', 'lan', 'wireless', 'cloud'];
  return {
    lang: 'en',
    title: 'Generated',
    subtitle: 'Configuration diagram',
    hash: '0123456789ab',
    phase: null,
    sites: sites.map((s, i): DiagramSite => ({
      id: s.id,
      label: s.label,
      owner: owners[i % 3] ?? 'institution',
      ownerLabel: owners[i % 3] ?? 'institution',
      caption: `${s.label} (${owners[i % 3] ?? 'institution'})`,
      locations: s.locations.map((l) => ({
        id: l.id, label: l.label, public: false,
        devices: l.devices.map((d) => ({ id: d.id, label: d.label, kind: 'server', kindLabel: 'server', count: 1 })),
      })),
    })),
    links: links.map((l, i): DiagramLink => ({
      id: `link-${i}`, from: l.from, to: l.to, style: styles[i % styles.length] ?? 'lan', network: 'n', networkLabel: 'n', label: l.label,
    })),
    media: media.map((m, i) => ({ id: `media-${i}`, from: m.from, to: m.to, kind: 'tape', encrypted: true, label: m.label })),
    legend: [],
    words: diagramWords('en'),
  };
}
