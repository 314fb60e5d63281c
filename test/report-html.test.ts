// The report as one self-contained HTML file (renderers/html/report.ts): a golden for the cloud-EHR
// example, byte-identical output, well-formed structure, escaping of hostile labels, no network reference,
// and a browser test (Debian chromium through playwright-core) that opens the file with every request
// outside the file blocked and recorded, checks what a reader sees, takes screenshots (screen and print;
// copies in /tmp/report-shots/ for a human to look at) and prints it to an A4 PDF. How the diagram is cut
// into printed parts is tested without a browser; the printed reports of three examples are measured in
// Chromium's PDF with pdftotext (text sizes on the diagram's pages, page numbers, headings at the foot of a
// page, repeated column headings) and in its print layout (no short word of a table broken across lines).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import type { ReportView } from '../models/report.js';
import type { Lang } from '../models/vocabulary.js';
import { escapeHtml } from '../renderers/escape.js';
import { MAX_PRINT_PARTS, MIN_PRINT_PT, printedDiagram, reportHtml, riskAnchor, type PrintedDiagram } from '../renderers/html/report.js';
import { renderSvg } from '../renderers/svg/diagram.js';
import type { Box, DiagramDrawing, Point } from '../models/diagram.js';
import { buildReport, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { expectGolden } from './helpers/golden.js';
import { baseWorld, el, loadWorld } from './helpers/rule-table.js';
import { JAPANESE_FONT_HINT, japaneseFonts } from './helpers/fonts.js';

const load = (path: string): Model => {
  const result = loadModel(path, diskHost);
  if (!result.model) throw new Error(`${path} does not load`);
  return result.model;
};

const views = new Map<string, Promise<ReportView>>();
/** Each example's view is built once per file (the layout is the slow part). */
function viewOf(path: string, lang: Lang): Promise<ReportView> {
  const key = `${path}:${lang}`;
  let view = views.get(key);
  if (!view) {
    view = buildReport(load(path), { lang }).then((r) => r.view);
    views.set(key, view);
  }
  return view;
}

const CLOUD_EHR = 'examples/cloud-ehr/model.yaml';
const MINIMAL = 'examples/minimal/model.yaml';

/** Attributes that make a browser fetch something, pointing anywhere but inside the document. */
const NETWORK_REFERENCE = /\b(?:src|href|xlink:href|action|formaction|poster|data|srcset|background|cite|ping|manifest)\s*=\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:|\b(?:src|href|xlink:href|srcset)\s*=\s*["']?\s*\/\//i;

function structure(html: string): Document {
  const { document } = new JSDOM(html).window;
  return document;
}

describe('the report as HTML', () => {
  it('cloud-ehr: golden', async () => {
    expectGolden('test/golden/report/cloud-ehr.html', reportHtml(await viewOf(CLOUD_EHR, 'ja')));
  }, 60_000);

  it('is byte-identical for the same view and for a second build of the same model', async () => {
    const view = await viewOf(CLOUD_EHR, 'ja');
    const again = (await buildReport(load(CLOUD_EHR), { lang: 'ja' })).view;
    expect(reportHtml(view)).toBe(reportHtml(view));
    expect(reportHtml(again)).toBe(reportHtml(view));
  }, 60_000);

  it('states what a group of risks shares once, and splits a long group over tables that link back to its heading', async () => {
    const view = await viewOf(CLOUD_EHR, 'ja');
    const base = view.threats.rows[0];
    if (!base) throw new Error('the example has no risk');
    // 450 risks of one rule and rank, their reasons all alike: one group, in tables of at most 200 risks.
    const rows = Array.from({ length: 450 }, (_, i) => ({ ...base, id: `${base.rule}@d${String(i).padStart(3, '0')}` }));
    const html = reportHtml({ ...view, threats: { ...view.threats, rows }, open: [], agree: [] });
    const document = structure(html);
    const tables = [...document.querySelectorAll('#threats div.risk-group table.threats')];
    expect(tables.map((t) => t.querySelectorAll('tbody.risk').length)).toEqual([200, 200, 50]);
    expect(tables.map((t) => t.querySelector('tbody.group')?.classList.contains('continued'))).toEqual([false, true, true]);
    const heading = tables[0]?.querySelector('tbody.group');
    for (const t of tables.slice(1)) expect(t.querySelector('tbody.group a')?.getAttribute('href')).toBe(`#${heading?.id ?? '-'}`);
    // The rule's countermeasures and the shared reasons are written once, under the group's heading.
    const measure = base.countermeasures.technical[0] ?? base.countermeasures.human[0] ?? '';
    expect(measure).not.toBe('');
    expect(html.split(escapeHtml(measure)).length - 1).toBe(1);
    for (const line of base.reasons.impact) expect(html.split(escapeHtml(line)).length - 1).toBe(1);
    expect(document.querySelectorAll('#threats p.common')).toHaveLength(450 * 3);
  }, 60_000);

  for (const [path, lang] of [[CLOUD_EHR, 'ja'], [MINIMAL, 'en']] as const) {
    it(`${path} (${lang}): one well-formed, self-contained document`, async () => {
      const view = await viewOf(path, lang);
      const html = reportHtml(view);
      expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html.endsWith('</html>\n')).toBe(true);
      expect(html).not.toContain('\r');
      // One style block, no script, no external stylesheet, font or image, nothing fetched.
      expect(html.match(/<style[\s>]/g)).toHaveLength(1);
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|@font-face|url\(\s*["']?(?!#)/i);
      expect(html).not.toMatch(NETWORK_REFERENCE);
      expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*https?:/i);
      // The only "http" is the SVG namespace, which is a name, not a request.
      expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
      expect(html).toContain('font-family: "Noto Sans JP"');
      expect(html).toMatch(/@page \{ size: A4;/);

      const document = structure(html);
      expect(document.documentElement.lang).toBe(lang);
      expect(document.title).toBe(view.title);
      // The drawing once; the printed parts show crops of it (a <use> of it each), drawing nothing twice.
      expect(document.querySelectorAll('figure.diagram > svg#diagram-drawing')).toHaveLength(1);
      const printed = [...document.querySelectorAll('figure.diagram-part')];
      expect(printed.length).toBeGreaterThan(0);
      expect(document.querySelectorAll('svg')).toHaveLength(1 + 2 * printed.length);
      for (const part of printed) {
        expect([...part.querySelectorAll('use')].map((u) => u.getAttribute('href'))).toEqual(['#diagram-drawing']);
        expect(part.querySelectorAll('[id], path[class], g')).toHaveLength(0);
      }
      // Ids are unique (the diagram's own ids included) and every anchor in the table of contents and the
      // lists points at something.
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      expect(ids.length).toBe(new Set(ids).size);
      const targets = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
      expect(targets.length).toBeGreaterThan(8);
      for (const t of targets) {
        expect(t.startsWith('#'), t).toBe(true);
        expect(document.getElementById(t.slice(1)), t).not.toBeNull();
      }
      // Every part is there, in the order the institution reads them, each in the table of contents.
      const parts = ['diagram', 'flows', 'threats', 'responses', 'requests', 'checklist', 'open', 'orphaned'];
      expect([...document.querySelectorAll('main > section')].map((s) => s.id)).toEqual(parts);
      for (const p of parts) expect(document.querySelector(`nav.toc a[href="#${p}"]`)).not.toBeNull();
      // Every risk of the list has its row, its rank in words, and its reasons; what the risks of one rank and
      // one rule share (title, countermeasures, the reasons most of them share) is stated once, in the heading
      // of their group, and a row whose reasons are those says so instead of repeating them.
      const rows = document.querySelectorAll('table.threats tbody.risk');
      expect(rows).toHaveLength(view.threats.rows.length);
      const runs = view.threats.rows.filter((r, i, all) => i === 0 || all[i - 1]?.rule !== r.rule || all[i - 1]?.rank !== r.rank);
      expect(document.querySelectorAll('table.threats tbody.group:not(.continued)')).toHaveLength(runs.length);
      const asCommon = view.threats.headings.asCommon;
      for (const [i, r] of view.threats.rows.entries()) {
        const group = rows[i];
        expect(group?.querySelector('tr.row')?.id).toBe(riskAnchor(r.id));
        expect(group?.querySelector('.rank')?.textContent).toBe(r.rank);
        expect(group?.querySelector(`.rank-${r.rank}`)).not.toBeNull();
        let head = group?.previousElementSibling ?? null;
        while (head && !head.matches('tbody.group')) head = head.previousElementSibling;
        // A long group goes on in more tables, each with a heading row that links to the group's own.
        if (head?.matches('.continued')) head = document.getElementById(head.querySelector('a')?.getAttribute('href')?.slice(1) ?? '');
        const shared = head?.textContent ?? '';
        expect(shared).toContain(r.cells.title);
        for (const line of r.countermeasures.technical) expect(shared).toContain(line);
        const details = group?.querySelector('details')?.textContent ?? '';
        expect(details).not.toContain(r.countermeasures.technical[0] ?? '\u0000');
        for (const line of [...r.reasons.impact, ...r.reasons.likelihood, ...r.reasons.who]) {
          expect(details.includes(line) || (details.includes(asCommon) && shared.includes(line)), line).toBe(true);
        }
      }
      // The checklist: each item's status with its marker, its evidence lines and reference.
      const items = document.querySelectorAll('table.checklist tbody tr');
      expect(items).toHaveLength(view.checklist.items.length);
      for (const [i, item] of view.checklist.items.entries()) {
        const row = items[i];
        const marker = { met: '○', 'not-met': '×', 'not-applicable': '－' }[item.status];
        expect(row?.querySelector(`.status-${item.status}`)?.textContent).toBe(`${marker} ${item.cells.status}`);
        for (const line of item.cells.evidence) expect(row?.textContent).toContain(line);
        expect(row?.textContent).toContain(item.cells.reference);
      }
      expect(document.querySelectorAll('table.responses tbody tr')).toHaveLength(view.responses.rows.length);
      expect(document.querySelectorAll('table.open tbody tr')).toHaveLength(view.open.length);
      expect(document.querySelectorAll('table.orphaned tbody tr')).toHaveLength(view.responses.orphaned.length);
      expect(document.querySelectorAll('table.requests tbody tr')).toHaveLength(view.requests.reduce((n, g) => n + g.items.length, 0));
    }, 60_000);
  }

  it('gives every risk id its own plain anchor', () => {
    const ids = ['a@b/c>d', 'a@b/c-d', 'a@b_c', 'x-y@z', '*@flow/*'];
    const anchors = ids.map(riskAnchor);
    expect(new Set(anchors).size).toBe(ids.length);
    for (const a of anchors) expect(a).toMatch(/^risk-[A-Za-z0-9_-]+$/);
    expect(riskAnchor('input-spoofing@exam/ehr-terminal>ehr-server')).toBe('risk-input-spoofing_40_exam_2f_ehr-terminal_3e_ehr-server');
  });

  it('escapes markup, ampersands, quotes and characters HTML cannot hold', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    expect(escapeHtml('a\u0000b\u0007c\u0085d\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(escapeHtml('改行\nと\tタブ 😀')).toBe('改行\nと\tタブ 😀');
  });
});

describe('hostile labels', () => {
  const HOSTILE = {
    title: `<script>alert("title")</script> & 'co'`,
    provider: '<img src=x onerror=alert(1)>',
    description: '</style><script>alert(2)</script>',
    device: `<b onmouseover="alert(3)">Terminal</b> "A&B"`,
    actor: `Dr. <iframe src="https://evil.example/">`,
    data: `Records & <svg onload=alert(4)>`,
    location: `Exam room ' onclick='alert(5)`,
    rationale: `<a href="https://evil.example/">see</a> & "agree"`,
    measure: '<style>body{display:none}</style> enforce MFA',
    agreed: '<link rel=stylesheet href=https://evil.example/x.css>',
  };

  let html = '';
  let view: ReportView;
  beforeAll(async () => {
    const world = baseWorld();
    world.system['title'] = HOSTILE.title;
    world.system['provider'] = HOSTILE.provider;
    world.system['description'] = HOSTILE.description;
    el(world, 'devices', 'terminal')['label'] = HOSTILE.device;
    el(world, 'actors', 'doctor')['label'] = HOSTILE.actor;
    el(world, 'data', 'records')['label'] = HOSTILE.data;
    el(world, 'locations', 'exam-room')['label'] = HOSTILE.location;
    world['responses'] = [
      {
        risk: '*@view/*', decision: 'reduce',
        measures: [{ category: 'technical', owner: 'institution', text: HOSTILE.measure }, { category: 'human', owner: 'both', text: HOSTILE.rationale }],
        residual: { impact: 3, likelihood: 1 }, rationale: HOSTILE.rationale, 'agreed-with': HOSTILE.agreed, date: '2026-11-01',
      },
      { risk: 'no-such-rule@nowhere', decision: 'accept', measures: [], rationale: HOSTILE.rationale },
    ];
    view = (await buildReport(loadWorld(world), { lang: 'en' })).view;
    html = reportHtml(view);
  }, 60_000);

  it('the view carries the hostile words in every part the test aims at', () => {
    expect(view.responses.rows.length).toBeGreaterThan(0);
    expect(view.responses.orphaned).toHaveLength(1);
    expect(view.requests.length).toBeGreaterThan(0);
    expect(view.flows.sections.some((s) => s.rows.some((r) => r.cells.who.includes(HOSTILE.actor)))).toBe(true);
  });

  it('no label becomes markup', () => {
    expect(html).not.toMatch(/<(?:script|img|iframe|link|b\s|svg\s+onload)|<a\s+href="(?!#)/i);
    expect(html).not.toMatch(/<style[\s>][\s\S]*<style[\s>]/);
    // The hostile words hold "src=" and "onerror=" as text; what matters is that no element carries them.
    const document = structure(html);
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.getAttributeNames()) {
        expect(a.startsWith('on'), `${e.tagName} ${a}`).toBe(false);
        if (['src', 'href', 'xlink:href', 'action', 'poster', 'srcset'].includes(a)) expect(e.getAttribute(a), `${e.tagName} ${a}`).toMatch(/^#/);
      }
    }
    expect(document.querySelectorAll('script, img, iframe, link, b, a:not([href^="#"])')).toHaveLength(0);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelectorAll('figure.diagram > svg')).toHaveLength(1);
    expect(document.querySelectorAll('svg:not(figure.diagram > svg, figure.diagram-part svg)')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]')).toHaveLength(0);
  });

  it('every hostile label reads back as the text it was', () => {
    const document = structure(html);
    expect(document.title).toBe(view.title);
    expect(document.querySelector('h1')?.textContent).toBe(view.title);
    const text = document.body.textContent ?? '';
    for (const value of Object.values(HOSTILE)) expect(text, value).toContain(value);
    expect(document.querySelector('.description')?.textContent).toBe(HOSTILE.description);
  });
});

// ---- The diagram on paper: how it is cut into parts (no browser) ----

/** What an A4 page holds inside the report's margins (14, 12, 16, 12 mm), in CSS px. */
const PAGE_PX = { portrait: { width: 186 * 96 / 25.4, height: 267 * 96 / 25.4 }, landscape: { width: 273 * 96 / 25.4, height: 180 * 96 / 25.4 } };
const within = (outer: Box, inner: Box): boolean => inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6
  && inner.x + inner.width <= outer.x + outer.width + 1e-6 && inner.y + inner.height <= outer.y + outer.height + 1e-6;
const holds = (b: Box, p: Point): boolean => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
const middle = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** The invariants of any printed diagram: legible, on its pages, every site whole or tiled, every line that leaves a part marked at both ends. */
function checkPrinted(drawing: DiagramDrawing, svg: string, printed: PrintedDiagram, label: string): void {
  const fonts = [...svg.matchAll(/\sfont-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(printed.minFontPx, label).toBe(Math.min(11, ...fonts));
  const legible = MIN_PRINT_PT / (printed.minFontPx * 0.75);
  const total = printed.parts.length;
  for (const [i, part] of printed.parts.entries()) {
    expect(part.scale, `${label} part ${i + 1}`).toBeGreaterThanOrEqual(legible - 1e-9);
    expect(part.scale, `${label} part ${i + 1}`).toBeLessThanOrEqual(1);
    // Its drawing (with the room for the marks) fits its page, across and down.
    const pad = part.lines.length > 0 ? 44 : 0;
    expect((part.crop.width + pad) * part.scale, `${label} part ${i + 1} width`).toBeLessThanOrEqual(PAGE_PX[part.orientation].width);
    expect((part.crop.height + pad) * part.scale, `${label} part ${i + 1} height`).toBeLessThanOrEqual(PAGE_PX[part.orientation].height);
    if (total > 1) expect(part.caption, label).toContain(`${i + 1}/${total}`);
  }
  const partOf = (p: Point): number => printed.parts.findIndex((part) => holds(part.crop, p));
  // Every device on a part; every site whole on one, or cut in tiles that together hold all of it.
  for (const d of drawing.layout.devices) expect(partOf(middle(d)), `${label} device ${d.id}`).toBeGreaterThanOrEqual(0);
  for (const site of drawing.layout.containers.filter((c) => c.kind === 'site')) {
    if (printed.parts.some((part) => within(part.crop, site))) continue;
    for (let fx = 0; fx <= 1; fx += 0.125) {
      for (let fy = 0; fy <= 1; fy += 0.125) {
        expect(partOf({ x: site.x + fx * site.width, y: site.y + fy * site.height }), `${label} site ${site.id} at ${fx},${fy}`).toBeGreaterThanOrEqual(0);
      }
    }
  }
  // Every line that crosses a part's edge is listed on it, once, with the part of each end not on it; one
  // mark per line, the same on every part. Crossing is found by walking the line in half-pixel steps.
  const ends = new Map<string, Box>([...drawing.layout.devices.map((d) => [d.id, d] as const), ...drawing.layout.containers.map((c) => [c.id, c] as const)]);
  const home = (b: Box): number => {
    const whole = printed.parts.findIndex((part) => within(part.crop, b));
    return whole >= 0 ? whole : partOf(middle(b));
  };
  const marks = new Map<string, string>();
  let between = 0;
  for (const edge of drawing.layout.edges) {
    const key = `${edge.kind}:${edge.id}`;
    const item = edge.kind === 'link' ? drawing.graph.links.find((l) => l.id === edge.id) : drawing.graph.media.find((m) => m.id === edge.id);
    const from = ends.get(item?.from ?? '');
    const to = ends.get(item?.to ?? '');
    if (!from || !to) continue;
    const walk = edge.points.slice(1).flatMap((b, i) => {
      const a = edge.points[i] as Point;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2));
      return Array.from({ length: steps + 1 }, (_, k) => ({ x: a.x + (b.x - a.x) * k / steps, y: a.y + (b.y - a.y) * k / steps }));
    });
    if (home(from) !== home(to)) between++;
    for (const [i, part] of printed.parts.entries()) {
      const inside = walk.map((p) => holds(part.crop, p));
      const listed = part.lines.filter((l) => l.line === key);
      const crosses = inside.some(Boolean) && !inside.every(Boolean);
      expect(listed.length, `${label} part ${i + 1}: ${key} ${crosses ? 'crosses its edge' : 'does not cross'}`).toBe(crosses ? 1 : 0);
      for (const l of listed) {
        expect(marks.get(key) ?? l.mark, `${label} ${key}: one mark`).toBe(l.mark);
        marks.set(key, l.mark);
        for (const end of [from, to]) if (!holds(part.crop, middle(end))) expect(l.text, `${label} part ${i + 1}: ${key}`).toContain(`${home(end) + 1}/${total}`);
      }
    }
  }
  expect(new Set(marks.values()).size, `${label}: a mark per line`).toBe(marks.size);
  if (total > 1) expect(between, `${label}: lines between parts`).toBeGreaterThan(0);
}

/** A drawing made `k` times larger: the same sites, devices and lines, too big for any page. */
function enlarged(drawing: DiagramDrawing, k: number): DiagramDrawing {
  const box = <B extends Box>(b: B): B => ({ ...b, x: b.x * k, y: b.y * k, width: b.width * k, height: b.height * k });
  const point = <P extends Point>(p: P): P => ({ ...p, x: p.x * k, y: p.y * k });
  const l = drawing.layout;
  return {
    graph: drawing.graph,
    layout: {
      ...l, width: l.width * k, height: l.height * k, containers: l.containers.map(box), devices: l.devices.map(box),
      edges: l.edges.map((e) => ({ ...e, points: e.points.map(point), label: e.label ? box(e.label) : null, callout: e.callout ? point(e.callout) : null })),
      titleBlock: box(l.titleBlock), legend: l.legend.map(box), legendBox: box(l.legendBox), captions: l.captions.map(point), captionBox: l.captionBox ? box(l.captionBox) : null,
    },
  };
}

describe('the diagram on paper', () => {
  const EXAMPLES = ['cloud-ehr', 'onprem-hospital', 'regional-network', 'medical-hosting', 'minimal'] as const;
  for (const name of EXAMPLES) {
    it(`${name}: parts that fit A4 at 7 pt or more, every site on one, every line between two marked on both`, async () => {
      const view = await viewOf(`examples/${name}/model.yaml`, name === 'minimal' ? 'en' : 'ja');
      const svg = renderSvg(view.diagram);
      const printed = printedDiagram(view.diagram, svg, view.words);
      expect(printedDiagram(view.diagram, svg, view.words)).toEqual(printed);
      checkPrinted(view.diagram, svg, printed, name);
      // The worked example cannot print whole at 7 pt (935 x 2329 px); the minimal one can.
      if (name === 'cloud-ehr') expect(printed.parts.length).toBeGreaterThan(1);
      if (name === 'minimal') expect(printed.parts).toHaveLength(1);
      const html = reportHtml(view);
      expect(html.match(/<figure class="diagram-part /g)).toHaveLength(printed.parts.length);
    }, 60_000);
  }

  it('cuts a site larger than a page into tiles, "continued", that together hold all of it', async () => {
    const view = await viewOf(CLOUD_EHR, 'ja');
    const svg = renderSvg(view.diagram);
    const big = enlarged(view.diagram, 3);
    const printed = printedDiagram(big, svg, view.words);
    checkPrinted(big, svg, printed, 'cloud-ehr x3');
    const continued = printed.parts.filter((p) => p.caption?.includes('（続き）'));
    expect(continued.length).toBeGreaterThan(2);
    expect(printed.parts.every((p) => p.scale === printed.scale)).toBe(true);
    expect(printed.tooLarge).toBeNull();
  }, 60_000);

  it(`prints a diagram that would take more than ${MAX_PRINT_PARTS} pages whole, small, saying how many it would take`, async () => {
    const view = await viewOf(CLOUD_EHR, 'ja');
    const svg = renderSvg(view.diagram);
    const huge = enlarged(view.diagram, 16);
    const printed = printedDiagram(huge, svg, view.words);
    expect(printed.tooLarge).toBeGreaterThan(MAX_PRINT_PARTS);
    expect(printed.parts).toHaveLength(1);
    expect(printed.parts[0]?.crop).toMatchObject({ width: huge.layout.width, height: huge.layout.height });
    const html = reportHtml({ ...view, diagram: { ...view.diagram, ...huge } });
    expect(html.match(/<figure class="diagram-part /g)).toHaveLength(1);
    expect(html).toContain(`読める大きさで印刷すると ${printed.tooLarge ?? 0} ページになるため`);
  }, 60_000);
});

// ---- In a browser: Debian chromium, offline ----

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = '/tmp/report-shots';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`report-html browser test skipped: ${CHROMIUM} is absent (apt-get install --no-install-recommends chromium)`);

describe.skipIf(!haveChromium)(`in Chromium (${CHROMIUM})`, () => {
  let dir = '';
  let file = '';
  let view: ReportView;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    view = await viewOf(CLOUD_EHR, 'ja');
    dir = mkdtempSync(join(tmpdir(), 'koseizu-report-'));
    file = join(dir, 'index.html');
    writeFileSync(file, reportHtml(view));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline and reads well on screen and on A4', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const blocked: string[] = [];
    const requested: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));

    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });

    // Japanese headings, as a reader sees them.
    await expect(page.getByRole('heading', { name: /全体構成図/ }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: /リスクアセスメント結果一覧/ }).first().isVisible()).resolves.toBe(true);
    const bodyText = await page.locator('body').innerText();
    for (const word of ['リスクアセスメント結果一覧', '全体構成図', 'リスク対応一覧', '医療機関等へ対応を求める事項', '制度上の要求事項への対応', view.system.title]) {
      expect(bodyText).toContain(word);
    }

    // Legible: an 18 px base (16 px at least everywhere in the tables), no page-wide sideways scroll.
    const sizes = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      smallestCell: Math.min(...[...document.querySelectorAll('td')].map((td) => parseFloat(getComputedStyle(td).fontSize))),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(sizes.body).toBeGreaterThanOrEqual(16);
    expect(sizes.smallestCell).toBeGreaterThanOrEqual(16);
    expect(sizes.overflow).toBeLessThanOrEqual(0);

    // The diagram is drawn, and large: it fills the content width.
    const svg = page.locator('figure.diagram > svg');
    await expect(svg.count()).resolves.toBe(1);
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(900);
    expect(box?.height ?? 0).toBeGreaterThan(900);
    expect(await page.locator('figure.diagram svg text').count()).toBeGreaterThan(20);

    // The checklist statuses, with their markers.
    const statuses = await page.locator('table.checklist tbody .status').allInnerTexts();
    expect(statuses).toHaveLength(view.checklist.items.length);
    for (const [i, item] of view.checklist.items.entries()) expect(statuses[i]).toContain(item.cells.status);
    for (const s of ['met', 'not-met', 'not-applicable'] as const) {
      if (view.checklist.counts[s] > 0) await expect(page.locator(`table.checklist .status-${s}`).first().isVisible()).resolves.toBe(true);
    }

    // Ranks: a colour and a letter. S is red with white text.
    const s = await page.locator('table.threats .rank-S').first().evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color, e.textContent]);
    expect(s).toEqual(['rgb(185, 28, 28)', 'rgb(255, 255, 255)', 'S']);

    // A risk's reasons are one click away on screen, and printed without a click.
    const firstDetails = page.locator('table.threats details').first();
    await expect(firstDetails.locator('.risk-details').isVisible()).resolves.toBe(false);

    mkdirSync(SHOTS, { recursive: true });
    const shot = async (name: string): Promise<void> => {
      const path = join(dir, name);
      await page.screenshot({ path });
      copyFileSync(path, join(SHOTS, name));
    };
    await shot('screen-top.png');
    for (const id of ['diagram', 'threats', 'responses', 'checklist']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), id);
      await shot(`screen-${id}.png`);
    }
    await firstDetails.locator('summary').click();
    await expect(firstDetails.locator('.risk-details').isVisible()).resolves.toBe(true);
    await firstDetails.evaluate((e) => e.scrollIntoView());
    await shot('screen-details.png');
    await firstDetails.locator('summary').click();

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('table.threats details').nth(1).locator('.risk-details').isVisible()).resolves.toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('print-top.png');
    await page.evaluate(() => document.getElementById('threats')?.scrollIntoView());
    await shot('print-threats.png');
    await page.emulateMedia({ media: null });

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SHOTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);

    await context.close();
    expect(blocked, 'requests outside the file').toEqual([]);
    expect(requested.filter((r) => !r.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

// ---- Printed on A4: Chromium's PDF, measured with poppler's pdftotext ----
//
// Font size from a PDF: `pdftotext -bbox-layout` gives every word a box whose height is the font's
// ascent plus descent times the font size, so box height = K x size, K fixed for a typeface. K is measured,
// not assumed: a calibration page in the same Chromium prints the report's two font stacks (the drawing's
// and the page's) at 7, 10 and 14 pt, regular and bold, Latin and Japanese; every word there must give the
// same K (within 1 %), and the largest is used, so a size is never overestimated. The sizes on the diagram
// pages are then checked against what the page asked for (the part's scale x the drawing's smallest font),
// so a word in a typeface of another K could not pass unnoticed.

const REGIONAL = 'examples/regional-network/model.yaml';
const PRINTED: readonly (readonly [string, Lang])[] = [[CLOUD_EHR, 'ja'], [REGIONAL, 'ja'], [MINIMAL, 'en']];
const PX_PER_MM = 96 / 25.4;

function havePdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const PDFTOTEXT = havePdftotext();
if (haveChromium && !PDFTOTEXT) console.warn('report-html print measurements skipped: pdftotext (poppler-utils) is absent');
const JAPANESE = japaneseFonts().length > 0;
if (haveChromium && !JAPANESE) console.warn(`report-html printed pages skipped: ${JAPANESE_FONT_HINT}; the report uses the reader's own`);

interface PdfWord { readonly text: string; readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }
interface PdfPage { readonly width: number; readonly height: number; readonly words: readonly PdfWord[]; readonly lines: readonly (readonly PdfWord[])[] }

/** The pages of a PDF as pdftotext lays them out: every word with its box, in points, and the lines. */
function pdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const unescape = (t: string): string => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => {
    const lines = [...(p[3] ?? '').matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((l) => [...(l[1] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w): PdfWord => ({ x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: unescape(w[5] ?? '') })));
    return { width: Number(p[1]), height: Number(p[2]), words: lines.flat(), lines };
  });
}

const squash = (t: string): string => t.replace(/\s+/g, '');
const lineText = (line: readonly PdfWord[]): string => line.map((w) => w.text).join(' ');
/** A page's lines from top to bottom (by their first word). */
const topDown = (p: PdfPage): (readonly PdfWord[])[] => [...p.lines].filter((l) => l.length > 0).sort((a, b) => (a[0] as PdfWord).y0 - (b[0] as PdfWord).y0);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

describe.skipIf(!haveChromium || !JAPANESE)('printed on A4', () => {
  let browser: import('playwright-core').Browser;
  let dir = '';
  /** pdftotext's box height per pt of font size (see above); 0 without pdftotext. */
  let K = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koseizu-print-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    if (!PDFTOTEXT) return;
    // The calibration page: the report's own font stacks, read from a report.
    const html = reportHtml(await viewOf(MINIMAL, 'en'));
    const document = structure(html);
    const stacks = [document.querySelector('figure.diagram svg')?.getAttribute('font-family') ?? '', /body \{[^}]*font-family: ([^;]+);/.exec(html)?.[1] ?? ''];
    expect(stacks.every((s) => s.length > 0)).toBe(true);
    const samples = stacks.flatMap((stack, i) => [7, 10, 14].flatMap((pt) => [400, 700].map((weight) =>
      `<p style="font-family: ${escapeHtml(stack)}; font-size: ${pt}pt; font-weight: ${weight}">s${i}x${pt} 全体構成図 Ag</p>`)));
    const page = await browser.newPage();
    await page.setContent(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>@page { size: A4; margin: 10mm; }</style></head><body>${samples.join('')}</body></html>`);
    const file = join(dir, 'calibration.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const ratios: number[] = [];
    for (const line of pdfPages(file).flatMap((p) => p.lines)) {
      const size = Number(/^s\dx(\d+)$/.exec(line[0]?.text ?? '')?.[1]);
      expect(line.map((w) => w.text).slice(1), lineText(line)).toEqual(['全体構成図', 'Ag']);
      for (const w of line) ratios.push((w.y1 - w.y0) / size);
    }
    expect(ratios).toHaveLength(stacks.length * 3 * 2 * 3);
    K = Math.max(...ratios);
    expect(Math.min(...ratios) / K, `box height per pt: ${ratios.join(', ')}`).toBeGreaterThan(0.99);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The example's report open in a page (a file, as a user opens it), and the file. */
  async function open(path: string, lang: Lang): Promise<{ page: import('playwright-core').Page; view: ReportView; html: string }> {
    const view = await viewOf(path, lang);
    const html = reportHtml(view);
    const file = join(dir, `${path.split('/')[1] ?? 'report'}-${lang}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, view, html };
  }

  for (const [path, lang] of PRINTED) {
    const name = path.split('/')[1] ?? path;

    it.skipIf(!PDFTOTEXT)(`${name} (${lang}): the diagram prints on pages of its own with no text under 7 pt, every page numbered and none blank`, async () => {
      const { page, view, html } = await open(path, lang);
      const parts = await page.locator('figure.diagram-part').evaluateAll((figures) => figures.map((f) => {
        const svg = f.querySelector(':scope svg');
        const box = (svg?.getAttribute('viewBox') ?? '').split(' ').map(Number);
        return { landscape: f.classList.contains('landscape'), caption: f.querySelector('figcaption')?.textContent ?? null, scale: Number(svg?.getAttribute('width')) / (box[2] ?? Number.NaN) };
      }));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.close();
      const file = join(dir, `${name}-${lang}.pdf`);
      writeFileSync(file, pdf);
      mkdirSync(SHOTS, { recursive: true });
      copyFileSync(file, join(SHOTS, `print-${name}-${lang}.pdf`));
      const pages = pdfPages(file);
      const total = pages.length;

      // Every page numbered at its foot ("3 / 54"), and something on it besides.
      for (const [i, p] of pages.entries()) {
        const lines = topDown(p);
        const last = lines[lines.length - 1] ?? [];
        expect(lineText(last), `page ${i + 1}`).toBe(`${i + 1} / ${total}`);
        expect((last[0] as PdfWord).y0, `page ${i + 1}`).toBeGreaterThan(p.height - 16 / 25.4 * 72);
        expect(lines.length, `page ${i + 1} is blank`).toBeGreaterThan(1);
      }

      // The diagram's pages: from its heading to the next section's, one per printed part, each turned as its part is.
      const startsWith = (p: PdfPage, text: string): boolean => squash(lineText(topDown(p)[0] ?? [])).startsWith(squash(text));
      const first = pages.findIndex((p) => startsWith(p, `1. ${view.words.diagram}`));
      const next = pages.findIndex((p, i) => i > first && startsWith(p, `2. ${view.words.flows}`));
      expect(first).toBeGreaterThan(0);
      expect(next - first, 'one page per printed part').toBe(parts.length);
      const diagramPages = pages.slice(first, next);
      for (const [i, p] of diagramPages.entries()) {
        const part = parts[i];
        expect(p.width > p.height, `diagram page ${i + 1}: landscape`).toBe(part?.landscape);
        if (part?.caption) expect(squash(p.words.map((w) => w.text).join(''))).toContain(squash(part.caption));
      }
      // Everything of the drawing is on them: every site's and every device's label, line by line.
      const printedText = squash(diagramPages.flatMap((p) => p.words.map((w) => w.text)).join(''));
      const labels = [...view.diagram.layout.containers.filter((c) => c.kind === 'site'), ...view.diagram.layout.devices].flatMap((b) => b.label.lines);
      expect(labels.length).toBeGreaterThan(2);
      for (const line of labels) expect(printedText, line).toContain(squash(line));

      // Every word on them at 7 pt or more; the smallest as large as the page asked for.
      const sizes = diagramPages.flatMap((p) => p.words.map((w) => ({ pt: (w.y1 - w.y0) / K, text: w.text })));
      const small = sizes.filter((s) => s.pt < 7);
      expect(small, small.map((s) => `${s.text} ${s.pt.toFixed(2)} pt`).join(', ')).toEqual([]);
      const smallestFont = Math.min(...[...html.matchAll(/<svg id="diagram-drawing"[\s\S]*?<\/svg>\n<\/figure>/g)].flatMap((m) => [...m[0].matchAll(/\sfont-size="([\d.]+)"/g)].map((f) => Number(f[1]))));
      const asked = Math.min(...parts.map((p) => p.scale)) * smallestFont * 0.75;
      const smallest = Math.min(...sizes.map((s) => s.pt));
      expect(Math.abs(smallest - asked) / asked, `smallest ${smallest.toFixed(2)} pt, asked for ${asked.toFixed(2)} pt`).toBeLessThan(0.02);
      console.info(`${name} (${lang}) printed: ${total} pages, the diagram on ${parts.length} (${parts.filter((p) => p.landscape).length} landscape), its text ${smallest.toFixed(2)} pt at the smallest, ${median(sizes.map((s) => s.pt)).toFixed(2)} pt the median, ${sizes.length} words`);

      // No heading is the last thing on its page.
      const document = structure(html);
      const headings = new Set([...document.querySelectorAll('h2, h3, h4')].map((h) => squash(h.textContent ?? '')));
      for (const [i, p] of pages.entries()) {
        const lines = topDown(p);
        const lastContent = lines[lines.length - 2];
        if (lastContent) expect(headings.has(squash(lineText(lastContent))), `page ${i + 1} ends with the heading "${lineText(lastContent)}"`).toBe(false);
      }
      // The risk list's column headings at the top of every page it runs over.
      const h = view.threats.headings;
      const threatsFirst = pages.findIndex((p) => startsWith(p, `3. ${view.words.threats}`));
      const threatsNext = pages.findIndex((p, i) => i > threatsFirst && startsWith(p, `4. ${view.words.responses}`));
      let withRows = 0;
      for (let i = threatsFirst; i < threatsNext; i++) {
        const p = pages[i] as PdfPage;
        if (!p.words.some((w) => w.text.includes('@'))) continue;
        withRows++;
        const rank = p.words.filter((w) => w.text === h.rank.split(' ')[0]);
        const phase = p.words.filter((w) => w.text === h.phase.split(' ')[0]);
        expect(rank.some((r) => phase.some((f) => Math.abs(r.y0 - f.y0) < 2)), `page ${i + 1}: the table's headings`).toBe(true);
      }
      if (view.threats.rows.length > 0) expect(withRows).toBeGreaterThan(0);
    }, 180_000);

    it(`${name} (${lang}): no short word of a table breaks across lines when printed`, async () => {
      const { page, view } = await open(path, lang);
      await page.emulateMedia({ media: 'print' });
      // Each section is laid out at the width of its page: the named page's size and the margins of @page.
      const widths = await page.evaluate(() => {
        const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r): r is CSSPageRule => r instanceof CSSPageRule);
        const base = rules.find((r) => r.selectorText === '');
        const mm = (v: string | undefined): number => Number(/^([\d.]+)mm$/.exec(v ?? '')?.[1] ?? Number.NaN);
        return [...document.querySelectorAll('main > section')].map((s) => {
          const name = getComputedStyle(s).getPropertyValue('page');
          const size = rules.find((r) => r.selectorText === (name === 'auto' ? '' : name))?.style.getPropertyValue('size') ?? '';
          const paper = /landscape/.test(size) ? 297 : 210;
          return { id: s.id, mm: paper - mm(base?.style.marginLeft) - mm(base?.style.marginRight) };
        });
      });
      expect(widths.every((w) => w.mm > 100)).toBe(true);
      // The short words: every column heading's, and those of the cells under headings of short values.
      const t = view.threats.headings;
      const f = view.flows.headings;
      const w = view.words;
      const short = [t.rank, t.phase, t.segment, t.dataClass, t.threat, t.cia, t.impact, t.likelihood, t.level, t.need, t.who,
        w.decision, w.residual, w.agreedWith, w.date, w.status, w.owner, f.who, f.where, f.which, f.how, f.medium, f.carrier, f.from, f.to, f.encrypted];
      const checked = new Set<string>();
      const broken: string[] = [];
      for (const width of [...new Set(widths.map((x) => x.mm))]) {
        await page.setViewportSize({ width: Math.round(width * PX_PER_MM), height: 1000 });
        await page.emulateMedia({ media: 'print' });
        const result = await page.evaluate(({ sections, short }) => {
          const split = /[\s・、，,（）()／/：:。→×]+/u;
          const words: string[] = [];
          const bad: string[] = [];
          const look = (cell: Element): void => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
              let at = 0;
              for (const token of node.data.split(split)) {
                const start = node.data.indexOf(token, at);
                at = start + token.length;
                const n = [...token].length;
                if (n < 2 || n > 7 || /^[\d.]+$/.test(token)) continue;
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + token.length);
                const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
                const lines = tops.filter((top, i) => tops.findIndex((o) => Math.abs(o - top) < 2) === i).length;
                words.push(token);
                if (lines > 1) bad.push(`${token} (${cell.closest('table')?.className} ${cell.tagName.toLowerCase()})`);
              }
            }
          };
          for (const id of sections) {
            for (const table of document.querySelectorAll(`main > section#${id} table`)) {
              const heads = [...table.querySelectorAll('thead th')];
              heads.forEach(look);
              const columns = heads.map((th) => short.includes(th.textContent ?? ''));
              // A group's heading row spans the table: a heading, not a cell of a column.
              for (const row of table.querySelectorAll('tbody > tr:not(.details):not(.group)')) {
                [...row.children].forEach((cell, i) => { if (columns[i]) look(cell); });
              }
            }
          }
          return { words, bad };
        }, { sections: widths.filter((x) => x.mm === width).map((x) => x.id), short });
        for (const word of result.words) checked.add(word);
        broken.push(...result.bad);
      }
      await page.close();
      console.info(`${name} (${lang}): ${checked.size} short words checked in the tables, ${broken.length} broken`);
      if (path === CLOUD_EHR) expect([...checked]).toEqual(expect.arrayContaining(['ランク', 'リスクレベル', '極めて大きい', '対応主体', '機密性', 'フェーズ']));
      expect(checked.size).toBeGreaterThan(15);
      expect(broken).toEqual([]);
    }, 120_000);
  }
});
