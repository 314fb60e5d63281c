// How the Mermaid renderer lays a diagram out for GitHub's comment width, checked on the text it writes:
// the labels' line breaks (renderers/mermaid/wrap.ts); the plan (renderers/mermaid/plan.ts) read back from
// the edges as Mermaid's parser sees them: every edge exactly as long as the ranks it joins, every node
// held from above, sites one below the other in the model's order, linked rooms never side by side, media
// arrows where their destinations are; and the colours of every line and box against GitHub's light and
// dark pages. The rendered result, in a browser: test/mermaid-render.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiagramGraph, DiagramLink, DiagramSite, DiagramState, LinkStyle } from '../models/diagram.js';
import type { Model } from '../models/model.js';
import { GITHUB_MAX_EDGES, renderMermaid, renderMermaidBySite } from '../renderers/mermaid/diagram.js';
import { LINE_BREAK, mermaidLabel, textWidth, wrapText } from '../renderers/mermaid/wrap.js';
import { diagramGraph, diagramWords } from '../src/diagram/graph.js';
import { diffGraph } from '../src/diff/graph.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { loadMermaid, type Mermaid } from './helpers/mermaid.js';

let mermaid: Mermaid;

beforeAll(async () => {
  mermaid = await loadMermaid();
}, 60_000);

function load(path: string): Model {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
}

const EXAMPLES = ['cloud-ehr', 'minimal', 'onprem-hospital', 'regional-network', 'medical-hosting'] as const;

describe('line breaks', () => {
  it('break Japanese labels where a reader would: after a particle, before a bracket, at a space', () => {
    expect(wrapText('電子カルテシステムと連携する他社が提供するシステム', 160)).toEqual(['電子カルテシステムと', '連携する他社が', '提供するシステム']);
    expect(wrapText('電子カルテサーバ（本番環境）', 160)).toEqual(['電子カルテサーバ', '（本番環境）']);
    expect(wrapText('病棟回診用タブレット ×30', 160)).toEqual(['病棟回診用タブレット', '×30']);
    expect(wrapText('医師個人のスマートフォン（当直時の閲覧）', 160)).toEqual(['医師個人の', 'スマートフォン', '（当直時の閲覧）']);
    expect(wrapText('訪問看護ステーション向けIPsec-VPN', 160)).toEqual(['訪問看護ステーション', '向けIPsec-VPN']);
  });

  it('keep a short label whole, a word whole, and a character or two on the line rather than alone', () => {
    expect(wrapText('サーバ室', 160)).toEqual(['サーバ室']);
    expect(wrapText('Appointment server', 100)).toEqual(['Appointment', 'server']);
    expect(wrapText('Supercalifragilisticexpialidocious', 100)).toEqual(['Supercalifragilisticexpialidocious']);
    // 11 wide characters at 160 px: the eleventh stays rather than make a line of its own.
    expect(wrapText('無線アクセスポイント局', 160)).toEqual(['無線アクセスポイント局']);
    // Never a closing bracket, a small kana or a prolonged sound mark at the start of a line.
    for (const line of wrapText('バックアップテープ（テープ）ファイアウォールサーバー', 120).slice(1)) expect(line).not.toMatch(/^[）ーァィゥェォッャュョ]/);
  });

  it('drop only the spaces they break at, and keep every line within the width where a break allows', () => {
    const text = fc.stringMatching(/^[a-zA-Z あいうかきくアイウカキク漢字（）/・、0-9]{1,60}$/);
    fc.assert(fc.property(text, fc.integer({ min: 40, max: 240 }), (t, max) => {
      const lines = wrapText(t.trim() || 'x', max);
      expect(lines.join('').replace(/ /g, '')).toBe((t.trim() || 'x').replace(/ /g, ''));
      for (const line of lines) {
        expect(line).toBe(line.trim());
        // Well over the width only where nothing may break (a word, a run the line-breaking rules hold together):
        // never across a space, where a line may always break.
        if (textWidth(line) > max * 1.2) expect(line).not.toContain(' ');
      }
    }), { numRuns: 300, seed: 20260314 });
  });

  it('escape each line for Mermaid and join them with <br/>', () => {
    const label = mermaidLabel('<script>alert(1)</script> "quoted" #35; %% end', 80);
    expect(label.text.split(LINE_BREAK).length).toBe(label.lines);
    expect(label.lines).toBeGreaterThan(1);
    expect(label.text.replaceAll(LINE_BREAK, '')).not.toMatch(/[<>"%#](?![0-9a-z]+;)/);
    expect(mermaidLabel(' \n ', 100, 'fallback').text).toBe('fallback');
  });
});

// ---- The plan, read back from the text ----

interface Edge { readonly start: string; readonly end: string; readonly length: number; readonly stroke: string; readonly type: string }
interface Read {
  readonly edges: readonly Edge[];
  readonly subgraphs: readonly { readonly id: string; readonly nodes: readonly string[] }[];
  readonly vertices: readonly string[];
}

async function read(text: string): Promise<Read> {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as { getEdges(): Edge[]; getSubGraphs(): { id: string; nodes: string[] }[]; getVertices(): Map<string, unknown> };
  return { edges: db.getEdges(), subgraphs: db.getSubGraphs(), vertices: [...db.getVertices().keys()] };
}

/**
 * The ranks the text's edges give, as dagre ranks them: an edge to a box goes to the box's first node
 * (Mermaid's anchor), and a visible edge that an invisible one doubles the other way is reversed (the
 * cycle dagre breaks at the visible one). Throws if two edges disagree: then no layout has every edge
 * as long as it says.
 */
function ranks(r: Read): { rank: Map<string, number>; held: Set<string>; constraints: [string, string, number][] } {
  const children = new Map(r.subgraphs.map((s) => [s.id, s.nodes]));
  const anchor = (id: string): string => {
    let x = id;
    for (let kids = children.get(x); kids && kids.length > 0; kids = children.get(x)) x = kids[0] as string;
    return x;
  };
  const hidden = new Set(r.edges.filter((e) => e.stroke === 'invisible').map((e) => `${anchor(e.start)}>${anchor(e.end)}`));
  const constraints: [string, string, number][] = r.edges.map((e) => {
    const [a, b] = [anchor(e.start), anchor(e.end)];
    return e.stroke !== 'invisible' && hidden.has(`${b}>${a}`) ? [b, a, e.length] : [a, b, e.length];
  });
  const rank = new Map<string, number>();
  const nodes = [...new Set(constraints.flatMap(([a, b]) => [a, b]))];
  // Solve r(b) = r(a) + length over the connected edges, from each part's first node.
  for (const start of nodes) {
    if (rank.has(start)) continue;
    rank.set(start, 0);
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift() as string;
      for (const [a, b, n] of constraints) {
        if (a === v && !rank.has(b)) { rank.set(b, (rank.get(a) as number) + n); queue.push(b); }
        if (b === v && !rank.has(a)) { rank.set(a, (rank.get(b) as number) - n); queue.push(a); }
      }
    }
  }
  for (const [a, b, n] of constraints) if ((rank.get(b) as number) - (rank.get(a) as number) !== n) throw new Error(`edge ${a} → ${b} is not ${n} ranks long`);
  const held = new Set(constraints.map(([, b]) => b));
  return { rank, held, constraints };
}

describe('the layout plan, as Mermaid reads it', () => {
  const cases = (): { name: string; graph: DiagramGraph }[] => [
    ...EXAMPLES.map((name) => {
      const model = load(`examples/${name}/model.yaml`);
      return { name, graph: diagramGraph(model, { lang: model.system.lang }) };
    }),
    { name: 'cloud-ehr in English', graph: diagramGraph(load('examples/cloud-ehr/model.yaml'), { lang: 'en' }) },
  ];

  it('every edge is exactly as long as the ranks it joins, and every node but the top ones is held from above', async () => {
    for (const { name, graph } of cases()) {
      const r = await read(renderMermaid(graph).text);
      const { rank, held } = ranks(r);
      const top = Math.min(...rank.values());
      const loose = [...rank.entries()].filter(([id, n]) => n > top && !held.has(id)).map(([id]) => id);
      expect(loose, name).toEqual([]);
      expect(Math.min(...rank.values()), name).toBe(top);
    }
  });

  it('sites one below the other in the model\'s order; linked rooms never side by side', async () => {
    for (const { name, graph } of cases()) {
      const r = await read(renderMermaid(graph).text);
      const { rank } = ranks(r);
      const children = new Map(r.subgraphs.map((s) => [s.id, s.nodes]));
      const leaves = (id: string): string[] => (children.get(id) ?? [id]).flatMap((c) => (children.has(c) && (children.get(c) ?? []).length > 0 ? leaves(c) : [c]));
      const span = (id: string): [number, number] => {
        const rs = leaves(id).map((l) => rank.get(l)).filter((n): n is number => n !== undefined);
        return [Math.min(...rs), Math.max(...rs)];
      };
      const sites = graph.sites.map((s) => `site_${s.id.replace(/-/g, '_')}`);
      const order = r.subgraphs.filter((s) => s.id.startsWith('site_')).map((s) => s.id);
      expect(order.slice().sort(), name).toEqual(sites.slice().sort());
      // Mermaid lists subgraphs innermost first, in the order they end: the text's order of sites.
      expect([...renderMermaid(graph).text.matchAll(/^ {2}subgraph (site_\w+)\[/gm)].map((m) => m[1]), name).toEqual(sites);
      const withNodes = sites.filter((s) => leaves(s).some((l) => rank.has(l)));
      withNodes.slice(1).forEach((s, i) => expect(span(s)[0], `${name}: ${s} below ${withNodes[i]}`).toBeGreaterThan(span(withNodes[i] as string)[1]));
      // Rooms linked to each other (a link between their devices) sit in different rows: their ranks do not overlap.
      const roomOf = new Map(graph.sites.flatMap((s) => s.locations.flatMap((l) => l.devices.map((d) => [d.id, l.id] as const))));
      for (const link of graph.links) {
        const [a, b] = [roomOf.get(link.from), roomOf.get(link.to)];
        if (a === undefined || b === undefined || a === b) continue;
        const [sa, sb] = [span(`loc_${a.replace(/-/g, '_')}`), span(`loc_${b.replace(/-/g, '_')}`)];
        expect(sa[1] < sb[0] || sb[1] < sa[0], `${name}: ${a} and ${b}`).toBe(true);
      }
    }
  });

  it('a media transport\'s arrow ends at its destination, from a node between its two ends', async () => {
    for (const { name, graph } of cases()) {
      const r = await read(renderMermaid(graph).text);
      const { rank } = ranks(r);
      const children = new Map(r.subgraphs.map((s) => [s.id, s.nodes]));
      const anchor = (id: string): string => (children.get(id)?.[0] !== undefined ? anchor(children.get(id)?.[0] as string) : id);
      for (const m of graph.media) {
        const node = `media_${m.id.replace(/-/g, '_')}`;
        const [from, to] = [`loc_${m.from.replace(/-/g, '_')}`, `loc_${m.to.replace(/-/g, '_')}`];
        const arrows = r.edges.filter((e) => e.type === 'arrow_point');
        expect(arrows.filter((e) => e.start === node).map((e) => e.end), name).toEqual([to]);
        const [rf, rn, rt] = [rank.get(anchor(from)), rank.get(node), rank.get(anchor(to))] as number[];
        expect((rf as number) < (rn as number) !== (rt as number) < (rn as number) || from === to, `${name}: ${m.id} between its ends`).toBe(true);
      }
    }
  });

  it('the diff diagram of two versions draws the sites in the old version\'s order', async () => {
    const old = load('examples/cloud-ehr/model.yaml');
    // The new version lists its sites in another order and adds one: the old order stays, the new site after its neighbour.
    const next: Model = {
      ...old,
      sites: [...old.sites.slice(1), { ...(old.sites[0] as Model['sites'][number]), id: 'branch', label: '分院' }, old.sites[0] as Model['sites'][number]],
    };
    const g = diffGraph(old, next, { lang: 'ja' });
    expect(g.sites.map((s) => s.id)).toEqual([...old.sites.map((s) => s.id), 'branch']);
    const text = renderMermaid(g).text;
    expect([...text.matchAll(/^ {2}subgraph (site_\w+)\[/gm)].map((m) => m[1])).toEqual(g.sites.map((s) => `site_${s.id.replace(/-/g, '_')}`));
  });

  it('a crowded room puts its devices on levels about 600 px wide, unless holding them would cost GitHub\'s edge limit', async () => {
    const room = (n: number): DiagramGraph => ({
      lang: 'en', title: 'Crowded', subtitle: 'Configuration diagram', hash: '0123456789ab', phase: null,
      sites: [{ id: 's', label: 'Site', owner: 'institution', ownerLabel: 'institution', caption: 'Site', locations: [
        { id: 'hub', label: 'Hub', public: false, devices: [{ id: 'switch', label: 'Switch', kind: 'router', kindLabel: 'router', count: 1 }] },
        { id: 'room', label: 'Room', public: false, devices: Array.from({ length: n }, (_, i) => ({ id: `pc-${i}`, label: `PC ${i}`, kind: 'terminal' as const, kindLabel: 'terminal', count: 1 })) },
      ] }],
      links: [{ id: 'up', from: 'pc-0', to: 'switch', style: 'lan', network: 'n', networkLabel: 'n', label: null }],
      media: [], legend: [], words: diagramWords('en'),
    });
    // 12 devices of about 75 px: levels of five. Below the first level each is held by an invisible edge; on
    // it only pc-0 (linked) has an edge, the four others are held by the room's box alone.
    const twelve = renderMermaid(room(12));
    const r = await read(twelve.text);
    const { rank } = ranks(r);
    const levels = new Map<number, number>();
    for (let i = 0; i < 12; i++) {
      const n = rank.get(`dev_pc_${i}`);
      if (n !== undefined) levels.set(n, (levels.get(n) ?? 0) + 1);
    }
    expect([...levels.values()]).toEqual([1, 5, 2]);
    expect(r.edges.filter((e) => e.stroke === 'invisible')).toHaveLength(7);
    expect(levels.size).toBeGreaterThanOrEqual(3);
    expect(twelve.edges).toBeLessThan(12);
    // 600 devices: holding them on levels would take the text over 500 edges; they stay side by side instead.
    const many = renderMermaid(room(600));
    expect(many.edges).toBeLessThanOrEqual(GITHUB_MAX_EDGES);
    expect(many.warnings).toEqual([]);
  });

  it('each part of a diagram split per site holds together too', async () => {
    for (const { name, graph } of cases()) {
      for (const part of renderMermaidBySite(graph)) {
        const { rank, held } = ranks(await read(part.text));
        const top = Math.min(...rank.values());
        expect([...rank.entries()].filter(([id, n]) => n > top && !held.has(id)).map(([id]) => id), `${name}/${part.site}`).toEqual([]);
      }
    }
  });
});

// ---- Colours ----

const hex = (h: string): [number, number, number] => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = hex(c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** A graph that uses every link style, owner, room kind and diff state, so its text has every colour. */
function everything(): DiagramGraph {
  const styles: LinkStyle[] = ['internet', 'vpn', 'closed', 'lan', 'wireless', 'cloud'];
  const owners = ['institution', 'provider', 'third-party'] as const;
  const states = [undefined, 'added', 'removed', 'changed'] as const;
  const stateOf = (n: number): { state?: DiagramState } => {
    const state = states[n % 4];
    return state ? { state } : {};
  };
  const sites = owners.map((owner, i): DiagramSite => ({
    id: `s${i}`, label: `Site ${i}`, owner, ownerLabel: owner, caption: `Site ${i} (${owner})`, ...(i === 1 ? { state: 'changed' as const } : {}),
    locations: [0, 1].map((j) => ({
      id: `l${i}${j}`, label: `Room ${i}${j}`, public: j === 1,
      devices: [0, 1].map((k) => ({ id: `d${i}${j}${k}`, label: `Device ${i}${j}${k}`, kind: 'server' as const, kindLabel: 'server', count: 1, ...stateOf(i + j + k) })),
    })),
  }));
  const devices = sites.flatMap((s) => s.locations.flatMap((l) => l.devices.map((d) => d.id)));
  const links = devices.slice(1).map((d, i): DiagramLink => ({
    id: `k${i}`, from: devices[i] as string, to: d, style: styles[i % styles.length] as LinkStyle, network: 'n', networkLabel: 'n', label: 'HTTPS / TLS 1.3',
    ...stateOf(i),
  }));
  return {
    lang: 'en', title: 'All', subtitle: 'Configuration diagram', hash: '0123456789ab', phase: null, sites, links,
    media: [{ id: 'm0', from: 'l00', to: 'l21', kind: 'tape', encrypted: true, label: 'Tape / courier / encrypted' },
      { id: 'm1', from: 'l21', to: 'l10', kind: 'tape', encrypted: true, label: 'Disk / staff / encrypted', state: 'removed' }],
    legend: [], words: diagramWords('en'),
  };
}

describe('colours against GitHub\'s light (#ffffff) and dark (#0d1117) pages', () => {
  const texts = (): string[] => [renderMermaid(everything()).text, ...renderMermaidBySite(everything()).map((p) => p.text)];
  const classDefs = (text: string): Map<string, Record<string, string>> => new Map([...text.matchAll(/^\s*classDef (\S+) (\S+)$/gm)].map((m) => [
    m[1] as string, Object.fromEntries((m[2] as string).split(',').map((p) => p.split(':') as [string, string])),
  ]));

  it('every line: at least 2 px wide, opaque, 3:1 against both pages and against every box it may cross', () => {
    let least = Infinity;
    for (const text of texts()) {
      const fills = [...classDefs(text).values()].map((d) => d['fill']).filter((f): f is string => f !== undefined && f.startsWith('#'));
      const styles = [...text.matchAll(/^\s*linkStyle [\d,]+ interpolate \w+ (.+)$/gm)].map((m) => m[1] as string);
      expect(styles.length).toBeGreaterThan(0);
      for (const style of styles) {
        const stroke = /stroke:(#[0-9a-f]{6})/.exec(style)?.[1] as string;
        expect(parseFloat(/stroke-width:([\d.]+)px/.exec(style)?.[1] ?? '0'), style).toBeGreaterThanOrEqual(2);
        expect(style).not.toMatch(/opacity/);
        for (const back of ['#ffffff', '#0d1117', ...fills]) {
          least = Math.min(least, contrast(stroke, back));
          expect(contrast(stroke, back), `${style} on ${back}`).toBeGreaterThanOrEqual(3);
        }
      }
    }
    expect(least).toBeGreaterThan(3.3);
  });

  it('every box: its outline 3:1 against the light page and the boxes around it, its fill against the dark page, its text 4.5:1 on its fill', () => {
    for (const text of texts()) {
      const defs = classDefs(text);
      const fills = [...defs.values()].map((d) => d['fill']).filter((f): f is string => f !== undefined && f.startsWith('#'));
      for (const [name, d] of defs) {
        const [fill, stroke, color] = [d['fill'] as string, d['stroke'] as string, d['color'] as string];
        expect(d['opacity'], name).toBeUndefined();
        for (const back of ['#ffffff', ...fills]) expect(contrast(stroke, back), `${name} outline on ${back}`).toBeGreaterThanOrEqual(3);
        expect(contrast(fill, '#0d1117'), `${name} fill on the dark page`).toBeGreaterThanOrEqual(3);
        expect(contrast(color, fill), `${name} text`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
