// The Mermaid diagrams as a reader of a pull request sees them: rendered by Mermaid's own browser bundle
// (node_modules/mermaid/dist/mermaid.min.js, offline) in Debian chromium through playwright-core, at the
// width of GitHub's Markdown body (900 px, the SVG at `max-width: 100%` as GitHub shows it), in Mermaid's
// light (`default`) and `dark` themes on GitHub's light (#ffffff) and dark (#0d1117) page. For the report
// diagram (report.md) of every example and for the diagram of a pull-request comment (koseizu diff
// --format md) it measures:
//   - the text: every label's font size after the scaling, in CSS px, at least 10;
//   - the links' labels: each label's box nearer to its own line than to any other line (distances to the
//     paths sampled with getPointAtLength);
//   - the sites: one below the other, in the same order in the old version's diagram and in the diff's,
//     the order of the text;
//   - the colours: every line at least 2 px wide and of a contrast of at least 3:1 (WCAG, for graphics)
//     against both pages and every box it can cross; every box's outline or fill 3:1 against what is
//     behind it; the text in boxes 4.5:1 against them, the links' labels (the theme's colours) 4:1;
//     nothing transparent.
// Screenshots of every render go to /tmp/mermaid-render-shots/ for a human to look at.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { reportMarkdown } from '../renderers/markdown/report.js';
import { renderMermaid } from '../renderers/mermaid/diagram.js';
import { diagramGraph } from '../src/diagram/graph.js';
import { buildReport, diff, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = '/tmp/mermaid-render-shots';
const MERMAID = 'node_modules/mermaid/dist/mermaid.min.js';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`mermaid-render browser test skipped: ${CHROMIUM} is absent (apt-get install --no-install-recommends chromium)`);

/** GitHub's Markdown body is about this wide; Mermaid's SVG is `width: 100%` with its natural width as `max-width`. */
const WIDTH = 900;
const THEMES = { default: '#ffffff', dark: '#0d1117' } as const;
type Theme = keyof typeof THEMES;
const EXAMPLES = ['cloud-ehr', 'minimal', 'onprem-hospital', 'regional-network', 'medical-hosting'] as const;

// ---- Colours (WCAG 2.x relative luminance and contrast ratio) ----

type Rgba = readonly [number, number, number, number];

/** A computed CSS colour ("rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)", "#abc", "#aabbcc") as RGBA, or null ("none"). */
function parseColour(css: string): Rgba | null {
  const text = css.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16), 1];
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(text)?.[1];
  if (!fn) return null;
  const parts = fn.split(/[\s,/]+/).filter((p) => p.length > 0).map(Number);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return a === 0 ? null : [r, g, b, a];
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('contrast ratio (WCAG)', () => {
  it('is 21 for black on white, 1 for a colour on itself, and matches known pairs', () => {
    const c = (a: string, b: string): number => contrast(parseColour(a) as Rgba, parseColour(b) as Rgba);
    expect(c('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(c('#777777', '#777777')).toBe(1);
    expect(c('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(c('rgb(51, 51, 51)', '#0d1117')).toBeLessThan(2);
    expect(over(parseColour('rgba(0, 0, 0, 0.5)') as Rgba, [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1]);
    expect(parseColour('none')).toBeNull();
  });
});

// ---- The diagrams ----

function load(path: string): Model {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
}

const mermaidBlock = (markdown: string): string => {
  const block = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
  if (block === undefined) throw new Error('no mermaid block');
  return block;
};

/** The report diagram of each example, as report.md has it. */
async function reportDiagrams(): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const name of EXAMPLES) {
    const model = load(`examples/${name}/model.yaml`);
    const { view } = await buildReport(model, { lang: model.system.lang });
    out.push({ name, text: mermaidBlock(reportMarkdown(view)) });
  }
  return out;
}

/** The cloud-EHR example with one device more (a portal in the server room) and its link. */
function withOneDevice(root: string): string {
  const dir = join(root, 'one-device');
  cpSync('examples/cloud-ehr', dir, { recursive: true });
  const model = readFileSync(join(dir, 'model.yaml'), 'utf8');
  const device = '  - {id: patient-portal, label: 患者向けポータル, kind: server, at: server-room, exposure: internet, auth: password, env: production}\n';
  const link = '  - {from: patient-portal, to: dc-gateway, network: dc-internal, protocol: https, tls: "1.3"}\n';
  if (!model.includes('  # 対象事業者DC\n') || !model.includes('  # DCの中\n')) throw new Error('the example changed: update withOneDevice');
  writeFileSync(join(dir, 'model.yaml'), model.replace('  # 対象事業者DC\n', `  # 対象事業者DC\n${device}`).replace('  # DCの中\n', `  # DCの中\n${link}`));
  return join(dir, 'model.yaml');
}

// ---- Measuring in the page ----

interface Measure {
  readonly natural: { readonly width: number; readonly height: number };
  readonly shown: { readonly width: number; readonly height: number };
  /** Every label: its font size after the scaling, and the height of its shortest line box (CSS px). */
  readonly text: readonly { readonly kind: 'node' | 'box' | 'edge'; readonly text: string; readonly fontPx: number; readonly linePx: number }[];
  /** Each edge label: its distance to its own line and to the nearest other line (px). */
  readonly nearness: readonly { readonly text: string; readonly own: number; readonly other: number; readonly otherId: string }[];
  readonly lines: readonly { readonly id: string; readonly stroke: string; readonly width: number; readonly opacity: number }[];
  /** Boxes (sites, rooms) and nodes: their fill, outline and text colours, and the fill behind them. */
  readonly boxes: readonly { readonly id: string; readonly fill: string; readonly stroke: string; readonly color: string; readonly behind: string; readonly opacity: number }[];
  readonly edgeLabels: readonly { readonly text: string; readonly color: string; readonly layers: readonly string[]; readonly behind: string }[];
  /** Sites top to bottom: their Mermaid ids and their boxes. */
  readonly sites: readonly { readonly id: string; readonly top: number; readonly bottom: number; readonly left: number }[];
}

/** Renders one diagram into the 900 px wide body and measures it (runs in the page). */
async function measure(page: import('playwright-core').Page, text: string, theme: Theme, id: string): Promise<Measure> {
  return page.evaluate(async ({ text, theme, id, page: background }) => {
    const m = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
    m.initialize({ startOnLoad: false, theme, securityLevel: 'strict' });
    document.body.style.background = background;
    const host = document.getElementById('body') as HTMLElement;
    host.innerHTML = (await m.render(id, text)).svg;
    const svg = host.querySelector('svg') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const natural = svg.viewBox.baseVal;
    const scale = box.width / natural.width;
    const style = (e: Element): CSSStyleDeclaration => getComputedStyle(e);
    const opacity = (e: Element | null): number => {
      let o = 1;
      for (let x = e; x && x !== document.body; x = x.parentElement) o *= Number(style(x).opacity || '1');
      return o;
    };
    const shortestLine = (e: Element): number => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      return rects.length > 0 ? Math.min(...rects.map((r) => r.height)) : 0;
    };
    const textOf = (e: Element): { text: string; fontPx: number; linePx: number } => ({
      text: (e.textContent ?? '').trim(), fontPx: parseFloat(style(e).fontSize) * scale, linePx: shortestLine(e),
    });
    const labels = [
      ...[...svg.querySelectorAll('.nodes .node .nodeLabel')].map((e) => ({ kind: 'node' as const, ...textOf(e) })),
      ...[...svg.querySelectorAll('.cluster-label .nodeLabel')].map((e) => ({ kind: 'box' as const, ...textOf(e) })),
      ...[...svg.querySelectorAll('.edgeLabels .label')].filter((e) => (e.textContent ?? '').trim()).map((e) => ({ kind: 'edge' as const, ...textOf(e.querySelector('p') ?? e) })),
    ];

    // Lines: the visible edges, their geometry sampled every 3 px in page coordinates.
    const paths = [...svg.querySelectorAll<SVGPathElement>('.edgePaths path.flowchart-link')].filter((p) => (p.getAttribute('d') ?? '').trim() !== '');
    const samples = paths.map((p) => {
      const ctm = p.getScreenCTM() as DOMMatrix;
      const length = p.getTotalLength();
      const n = Math.max(20, Math.ceil(length / 3));
      const points: { x: number; y: number }[] = [];
      for (let i = 0; i <= n; i++) {
        const q = p.getPointAtLength((length * i) / n);
        points.push({ x: ctm.a * q.x + ctm.c * q.y + ctm.e, y: ctm.b * q.x + ctm.d * q.y + ctm.f });
      }
      return { id: p.dataset['id'] ?? p.id, points };
    });
    const distance = (r: DOMRect, points: readonly { x: number; y: number }[]): number =>
      Math.min(...points.map((q) => Math.hypot(Math.max(r.left - q.x, 0, q.x - r.right), Math.max(r.top - q.y, 0, q.y - r.bottom))));
    const nearness = [...svg.querySelectorAll<SVGGElement>('.edgeLabels .label')].filter((g) => (g.textContent ?? '').trim()).map((g) => {
      const r = g.getBoundingClientRect();
      const own = samples.find((s) => s.id === g.dataset['id']);
      let other = Infinity;
      let otherId = '';
      for (const s of samples) {
        if (s === own) continue;
        const d = distance(r, s.points);
        if (d < other) { other = d; otherId = s.id; }
      }
      return { text: (g.textContent ?? '').trim(), own: own ? distance(r, own.points) : Infinity, other, otherId };
    });
    const lines = paths.map((p) => ({ id: p.dataset['id'] ?? p.id, stroke: style(p).stroke, width: parseFloat(style(p).strokeWidth), opacity: opacity(p) }));

    // Boxes and nodes, and the fill behind each: the smallest cluster around its centre, else the page.
    const clusters = [...svg.querySelectorAll('.clusters .cluster')].map((c) => ({ c, rect: (c.querySelector('rect') as SVGRectElement).getBoundingClientRect(), fill: style(c.querySelector('rect') as Element).fill }));
    const behind = (r: DOMRect, self: Element | null): string => {
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const around = clusters.filter((k) => k.c !== self && k.rect.left <= r.left + 0.5 && k.rect.right >= r.right - 0.5 && k.rect.top <= r.top + 0.5 && k.rect.bottom >= r.bottom - 0.5
        && k.rect.left <= x && k.rect.right >= x && k.rect.top <= y && k.rect.bottom >= y);
      around.sort((a, b) => a.rect.width * a.rect.height - b.rect.width * b.rect.height);
      return around[0]?.fill ?? background;
    };
    const boxes = [
      ...clusters.map((k) => ({
        id: k.c.id, fill: k.fill, stroke: style(k.c.querySelector('rect') as Element).stroke,
        color: style(k.c.querySelector('.cluster-label .nodeLabel') ?? k.c).color, behind: behind(k.rect, k.c), opacity: opacity(k.c.querySelector('rect')),
      })),
      ...[...svg.querySelectorAll('.nodes .node')].map((n) => {
        const shape = n.querySelector('rect, path, polygon') as Element;
        return {
          id: n.id, fill: style(shape).fill, stroke: style(shape).stroke, color: style(n.querySelector('.nodeLabel') ?? n).color,
          behind: behind(n.getBoundingClientRect(), null), opacity: opacity(shape),
        };
      }),
    ];
    // An edge label's text over its own backgrounds (the label's box, its paragraph), over what is behind it.
    const edgeLabels = [...svg.querySelectorAll('.edgeLabels .label')].filter((g) => (g.textContent ?? '').trim()).map((g) => {
      const p = g.querySelector('p') ?? g;
      const layers = [g.querySelector('.labelBkg'), g.querySelector('span.edgeLabel'), p].filter((e): e is Element => e !== null).map((e) => style(e).backgroundColor);
      return { text: (g.textContent ?? '').trim(), color: style(p).color, layers, behind: behind(g.getBoundingClientRect(), null) };
    });
    const sites = clusters.filter((k) => /-site_/.test(k.c.id)).map((k) => ({ id: k.c.id.replace(/^.*-(site_)/, '$1'), top: k.rect.top, bottom: k.rect.bottom, left: k.rect.left }))
      .sort((a, b) => a.top - b.top || a.left - b.left);
    return { natural: { width: natural.width, height: natural.height }, shown: { width: box.width, height: box.height }, text: labels, nearness, lines, boxes, edgeLabels, sites };
  }, { text, theme, id, page: THEMES[theme] });
}

describe.skipIf(!haveChromium)(`Mermaid in Chromium (${CHROMIUM}), at GitHub's ${WIDTH} px`, () => {
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  let root = '';
  let reports: { name: string; text: string }[] = [];
  let oldDiagram = '';
  let diffDiagram = '';
  const measured = new Map<string, Measure>();

  beforeAll(async () => {
    reports = await reportDiagrams();
    root = mkdtempSync(join(tmpdir(), 'koseizu-mermaid-render-'));
    const next = withOneDevice(root);
    const old = 'examples/cloud-ehr/model.yaml';
    oldDiagram = renderMermaid(diagramGraph(load(old), { lang: 'ja' })).text;
    const result = await diff({ path: old, host: diskHost, label: 'main' }, { path: next, host: diskHost, label: 'feature' }, { format: 'md' });
    if (result.status === 'invalid') throw new Error('the diff does not load');
    diffDiagram = mermaidBlock(result.output);
    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: WIDTH + 40, height: 900 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') || route.request().url() === 'about:blank' ? route.continue() : route.abort()));
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;padding:20px">
      <div id="body" style="width:${WIDTH}px"></div></body></html>`);
    await page.addScriptTag({ path: MERMAID });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Renders (once per diagram and theme), keeps a screenshot, and returns what was measured. */
  async function rendered(name: string, text: string, theme: Theme): Promise<Measure> {
    const key = `${name}.${theme}`;
    const known = measured.get(key);
    if (known) return known;
    const m = await measure(page, text, theme, `m${measured.size}`);
    await page.setViewportSize({ width: WIDTH + 40, height: Math.ceil(m.shown.height) + 40 });
    await page.screenshot({ path: join(SHOTS, `${key}.png`), fullPage: true });
    measured.set(key, m);
    return m;
  }

  const all = (): { name: string; text: string }[] => [...reports, { name: 'diff', text: diffDiagram }];

  for (const theme of Object.keys(THEMES) as Theme[]) {
    describe(`theme ${theme}`, () => {
      it('every label is at least 10 px high at 900 px, and the diagram no wider than it needs', async () => {
        const report: string[] = [];
        for (const { name, text } of all()) {
          const m = await rendered(name, text, theme);
          expect(m.shown.width, name).toBeCloseTo(Math.min(WIDTH, m.natural.width), 0);
          expect(m.text.length, name).toBeGreaterThan(0);
          const small = m.text.filter((t) => t.fontPx < 10 || t.linePx < 10);
          expect(small, name).toEqual([]);
          const min = (kind: string): string => Math.min(...m.text.filter((t) => t.kind === kind).map((t) => t.fontPx)).toFixed(1);
          report.push(`${name}: natural ${m.natural.width.toFixed(0)}×${m.natural.height.toFixed(0)} px, text ≥ ${min('node')} px (nodes), ${min('box')} px (boxes), ${min('edge')} px (links)`);
          // What GitHub shrinks: kept near the comment's width (before this plan, 1254 to 3793 px).
          expect(m.natural.width, name).toBeLessThan(1300);
        }
        console.info(`Mermaid at ${WIDTH} px (${theme}):\n  ${report.join('\n  ')}`);
      }, 120_000);

      it('each link\'s label is on its own line, nearer to it than to any other', async () => {
        for (const { name, text } of all()) {
          const m = await rendered(name, text, theme);
          expect(m.nearness.length, name).toBeGreaterThan(0);
          const astray = m.nearness.filter((n) => !(n.own < n.other) || n.own > 2);
          expect(astray, name).toEqual([]);
        }
      }, 120_000);

      it('lines, boxes and text stand out against the page and what is behind them', async () => {
        const page = parseColour(THEMES[theme]) as Rgba;
        const light = parseColour(THEMES.default) as Rgba;
        const dark = parseColour(THEMES.dark) as Rgba;
        const least = { line: Infinity, box: Infinity, boxText: Infinity, linkText: Infinity };
        for (const { name, text } of all()) {
          const m = await rendered(name, text, theme);
          const fills = [...new Set(m.boxes.map((b) => b.fill))].map(parseColour).filter((c): c is Rgba => c !== null);
          expect(m.lines.length, name).toBeGreaterThan(0);
          for (const line of m.lines) {
            const stroke = parseColour(line.stroke) as Rgba;
            expect([line.id, line.width >= 2, line.opacity], name).toEqual([line.id, true, 1]);
            // Both pages (a line's colour is the same in both themes) and every fill a line may cross.
            const worst = Math.min(...[light, dark, ...fills].map((f) => contrast(stroke, f)));
            least.line = Math.min(least.line, worst);
            expect([line.id, line.stroke, worst >= 3], name).toEqual([line.id, line.stroke, true]);
          }
          for (const b of m.boxes) {
            const fill = parseColour(b.fill);
            const stroke = parseColour(b.stroke);
            const back = parseColour(b.behind) ?? page;
            const edge = Math.max(fill ? contrast(over(fill, back), back) : 1, stroke ? contrast(over(stroke, back), back) : 1);
            const textOn = contrast(parseColour(b.color) as Rgba, fill ? over(fill, back) : back);
            least.box = Math.min(least.box, edge);
            least.boxText = Math.min(least.boxText, textOn);
            expect([b.id, edge >= 3, textOn >= 4.5, b.opacity], name).toEqual([b.id, true, true, 1]);
          }
          // A link's label has the theme's own colours (text and background, which a linkStyle cannot both
          // reach: no one text colour reads on the light theme's light grey and the dark theme's dark grey).
          // Mermaid's dark theme gives #ccc on #585858, 4.42:1: held to 4:1 here, not to 4.5.
          for (const l of m.edgeLabels) {
            const back = l.layers.map(parseColour).filter((c): c is Rgba => c !== null).reduce((under, layer) => over(layer, under), parseColour(l.behind) ?? page);
            const ratio = contrast(parseColour(l.color) as Rgba, back);
            least.linkText = Math.min(least.linkText, ratio);
            expect([l.text, ratio >= 4], `${name}: ${l.color} on ${l.layers.join(' + ')} over ${l.behind}`).toEqual([l.text, true]);
          }
        }
        console.info(`Contrast (${theme}): lines ≥ ${least.line.toFixed(2)}, box outlines ≥ ${least.box.toFixed(2)}, box text ≥ ${least.boxText.toFixed(2)}, link labels ≥ ${least.linkText.toFixed(2)}`);
      }, 120_000);

      it('the diff keeps the sites where they were: one below the other, in the old version\'s order', async () => {
        const order = (text: string): string[] => [...text.matchAll(/^\s*subgraph (site_\w+)\[/gm)].map((x) => x[1] as string);
        const before = await rendered('cloud-ehr.old', oldDiagram, theme);
        const after = await rendered('diff', diffDiagram, theme);
        const model = load('examples/cloud-ehr/model.yaml').sites.map((s) => `site_${s.id.replace(/-/g, '_')}`);
        expect(order(oldDiagram)).toEqual(model);
        expect(order(diffDiagram)).toEqual(model);
        expect(before.sites.map((s) => s.id)).toEqual(model);
        expect(after.sites.map((s) => s.id)).toEqual(model);
        for (const m of [before, after]) m.sites.slice(1).forEach((s, i) => expect(s.top).toBeGreaterThan((m.sites[i] as { bottom: number }).bottom));
      }, 120_000);
    });
  }

  it('the report diagram is the one report.md carries, and the diff\'s the one of the comment', () => {
    const model = load('examples/cloud-ehr/model.yaml');
    expect(reports.find((r) => r.name === 'cloud-ehr')?.text).toBe(renderMermaid(diagramGraph(model, { lang: 'ja' })).text);
    expect(diffDiagram).toContain('+ 患者向けポータル');
    writeFileSync(join(SHOTS, 'diff.mmd'), diffDiagram);
  });
});
