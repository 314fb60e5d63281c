// The report as one self-contained HTML file (renderers/html/report.ts): a golden for the cloud-EHR
// example, byte-identical output, well-formed structure, escaping of hostile labels, no network reference,
// and a browser test (Debian chromium through playwright-core) that opens the file with every request
// outside the file blocked and recorded, checks what a reader sees, takes screenshots (screen and print;
// copies in /tmp/report-shots/ for a human to look at) and prints it to an A4 PDF; and, in its print layout,
// that no short word of a table breaks across lines.
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
import { reportHtml, riskAnchor } from '../renderers/html/report.js';
import { buildReport, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { expectGolden } from './helpers/golden.js';
import { baseWorld, el, loadWorld } from './helpers/rule-table.js';

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
      expect(document.querySelectorAll('svg')).toHaveLength(1);
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
      // Every risk of the list has its row, its rank in words, and its reasons and countermeasures.
      const rows = document.querySelectorAll('table.threats tbody.risk');
      expect(rows).toHaveLength(view.threats.rows.length);
      for (const [i, r] of view.threats.rows.entries()) {
        const group = rows[i];
        expect(group?.querySelector('tr.row')?.id).toBe(riskAnchor(r.id));
        expect(group?.querySelector('.rank')?.textContent).toBe(r.rank);
        expect(group?.querySelector(`.rank-${r.rank}`)).not.toBeNull();
        const details = group?.querySelector('details')?.textContent ?? '';
        for (const line of [...r.reasons.impact, ...r.reasons.likelihood, ...r.countermeasures.technical]) expect(details).toContain(line);
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
    expect(document.querySelectorAll('svg')).toHaveLength(1);
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

// ---- Printed on A4: Chromium's print layout ----

const REGIONAL = 'examples/regional-network/model.yaml';
const PRINTED: readonly (readonly [string, Lang])[] = [[CLOUD_EHR, 'ja'], [REGIONAL, 'ja'], [MINIMAL, 'en']];
const PX_PER_MM = 96 / 25.4;

describe.skipIf(!haveChromium)('printed on A4', () => {
  let browser: import('playwright-core').Browser;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koseizu-print-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The example's report open in a page (a file, as a user opens it), and the file. */
  async function open(path: string, lang: Lang): Promise<{ page: import('playwright-core').Page; view: ReportView }> {
    const view = await viewOf(path, lang);
    const html = reportHtml(view);
    const file = join(dir, `${path.split('/')[1] ?? 'report'}-${lang}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, view };
  }

  for (const [path, lang] of PRINTED) {
    const name = path.split('/')[1] ?? path;

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
              for (const row of table.querySelectorAll('tbody > tr:not(.details)')) {
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
