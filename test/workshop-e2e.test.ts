// The workshop page end to end: `startServer` on a copy of examples/cloud-ehr, Debian chromium through
// playwright-core. The page must load with nothing fetched from elsewhere and nothing logged as an error,
// follow edits of the model without a reload (the time from write to DOM change is printed), show the
// errors of a broken model over the last good view, open the side panel for a device, filter, page risks
// in projector mode and switch language. Screenshots go to /tmp/workshop-shots/ for a human look.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = '/tmp/workshop-shots';
const EXAMPLE = join(import.meta.dirname, '..', 'examples', 'cloud-ehr');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`workshop e2e test skipped: ${CHROMIUM} is absent (apt-get install --no-install-recommends chromium)`);

const EHR_LABEL = 'label: 電子カルテサーバ（本番環境）';
const NEW_LABEL = '新カルテ機';

describe.skipIf(!haveChromium)(`workshop page in Chromium (${CHROMIUM})`, () => {
  let dir = '';
  let model = '';
  let original = '';
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: import('playwright-core').Browser | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koseizu-workshop-'));
    for (const f of ['model.yaml', 'network.yaml']) copyFileSync(join(EXAMPLE, f), join(dir, f));
    model = join(dir, 'model.yaml');
    original = readFileSync(model, 'utf8');
    expect(original).toContain(EHR_LABEL);
    const { startServer } = await import('../src/io/serve.js');
    server = await startServer({ model, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('follows the model live, shows errors, panel, filters, projector and language', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const origin = new URL(server.url).origin;
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).origin !== origin) foreign.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    await page.goto(server.url);
    await page.waitForSelector('#diagram-body svg #dev-ehr-server');
    await page.waitForSelector('#risk-list li.risk');
    const body = await page.locator('body').innerText();
    expect(body).toContain('リスク一覧');
    expect(body).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(await page.locator('#diagram-body').textContent()).toContain('電子カルテサーバ');
    const total = await page.locator('#risk-list li.risk').count();
    expect(total).toBeGreaterThan(3);
    await page.screenshot({ path: join(SHOTS, 'normal.png') });

    // ---- A change shows without a reload ----
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    await page.locator('#list').evaluate((el) => { el.scrollTop = 200; });
    const started = performance.now();
    writeFileSync(model, original.replace(EHR_LABEL, `label: ${NEW_LABEL}`));
    await page.waitForFunction((label) => document.getElementById('diagram-body')?.textContent?.includes(label), NEW_LABEL, { timeout: 2_000, polling: 10 });
    const ms = performance.now() - started;
    console.log(`workshop: model write -> diagram updated in ${ms.toFixed(0)} ms`);
    const eventToDom = Number(await page.locator('body').getAttribute('data-update-ms'));
    console.log(`workshop: SSE event -> page drawn in ${eventToDom} ms`);
    expect(ms).toBeLessThan(2_000);
    expect(eventToDom).toBeLessThan(300);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator('#list').evaluate((el) => el.scrollTop)).toBe(200);

    // ---- Broken: the banner with positions, the last good diagram stays ----
    const broken = original.replace(EHR_LABEL, `label: ${NEW_LABEL}`).replace('to: ehr-server, network: dc-internal, protocol: https, tls: "1.3"', 'to: no-such-server, network: dc-internal, protocol: https, tls: "1.3"');
    expect(broken).toContain('no-such-server');
    writeFileSync(model, broken);
    await page.waitForSelector('#banner:not([hidden])', { timeout: 2_000 });
    const banner = await page.locator('#banner').innerText();
    expect(banner).toMatch(/model\.yaml:\d+:\d+/);
    expect(banner).toContain('no-such-server');
    expect(await page.locator('#diagram-body svg #dev-ehr-server').count()).toBe(1);
    expect(await page.locator('#diagram-body').textContent()).toContain(NEW_LABEL);
    await page.screenshot({ path: join(SHOTS, 'error.png') });

    // ---- Fixed: the banner goes ----
    writeFileSync(model, original.replace(EHR_LABEL, `label: ${NEW_LABEL}`));
    await page.waitForSelector('#banner', { state: 'hidden', timeout: 2_000 });

    // ---- A device's panel: its segments and risks, the flows highlighted ----
    await page.locator('#dev-ehr-server').click();
    await page.waitForSelector('#panel:not([hidden])');
    const ids = await page.locator('#panel li.risk').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.some((id) => id.includes('ehr-server'))).toBe(true);
    expect(await page.locator('#panel ul.segs li').count()).toBeGreaterThan(0);
    expect(await page.locator('#diagram-body #dev-ehr-server.sel').count()).toBe(1);
    expect(await page.locator('#diagram-body .hl[id^="link-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#diagram-body g.hl[id^="dev-"]').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(SHOTS, 'panel.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#panel', { state: 'hidden' });
    expect(await page.locator('#diagram-body .hl, #diagram-body .sel').count()).toBe(0);

    // ---- Filters reduce the list ----
    const threat = await page.locator('#f-threat option').nth(1).getAttribute('value');
    await page.selectOption('#f-threat', threat ?? '');
    const byThreat = await page.locator('#risk-list li.risk').count();
    expect(byThreat).toBeGreaterThan(0);
    expect(byThreat).toBeLessThan(total);
    await page.selectOption('#f-threat', '');
    await page.selectOption('#f-rank', 'B');
    const byRank = await page.locator('#risk-list li.risk').count();
    expect(byRank).toBeLessThan(total);
    const ranks = await page.locator('#risk-list li.risk .badge').allTextContents();
    expect(ranks.every((r) => ['S', 'A', 'B'].includes(r))).toBe(true);
    await page.selectOption('#f-rank', '');
    expect(await page.locator('#risk-list li.risk').count()).toBe(total);

    // ---- Projector: one risk at a time, paged (its type and diagram: the next test) ----
    await page.locator('#list').focus();
    await page.keyboard.press('p');
    await page.waitForSelector('#projector:not([hidden])');
    expect(await page.locator('#projector .card[data-id]').count()).toBe(1);
    const first = await page.locator('#projector .card').getAttribute('data-id');
    await page.screenshot({ path: join(SHOTS, 'projector.png') });
    await page.keyboard.press('ArrowRight');
    const second = await page.locator('#projector .card').getAttribute('data-id');
    expect(second).not.toBe(first);
    expect(await page.locator('#proj-pos').textContent()).toBe(`2 / ${total}`);
    await page.keyboard.press('PageUp');
    expect(await page.locator('#projector .card').getAttribute('data-id')).toBe(first);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#projector', { state: 'hidden' });

    // ---- Zoom: + enlarges the diagram, 0 fits it again ----
    await page.keyboard.press('0');
    const fitted = await page.locator('#diagram-body svg').evaluate((el) => el.getBoundingClientRect().width);
    await page.keyboard.press('+');
    expect(await page.locator('#diagram-body svg').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(fitted * 1.2);
    await page.keyboard.press('0');
    expect(await page.locator('#diagram-body svg').evaluate((el) => el.getBoundingClientRect().width)).toBeCloseTo(fitted, 0);

    // ---- Language ----
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('h-risks')?.textContent === 'Risk list');
    await page.waitForFunction(() => document.getElementById('title')?.textContent?.includes('Workshop'));
    expect(await page.locator('#live').textContent()).toBe('Live');
    expect(await page.locator('#h-diagram').textContent()).toBe('Configuration diagram');
    await page.waitForSelector('#risk-list li.risk');
    await page.screenshot({ path: join(SHOTS, 'english.png') });

    await page.close();
    await context.close();
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('projects each risk beside the diagram zoomed to where it is, with its countermeasures, in type that grows with the screen', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const view = (await (await fetch(new URL('/view.json', server.url))).json()) as {
      view: { risks: { id: string; elements: string[]; countermeasures: Record<'human' | 'physical' | 'technical', string[]> }[] };
    };
    const measured: Record<string, { text: number; base: number; measures: number }> = {};
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.waitForSelector('#risk-list li.risk');
      await page.keyboard.press('p');
      await page.waitForSelector('#projector:not([hidden])');
      for (let step = 0; step < 4; step++) {
        const id = await page.locator('#projector .card').getAttribute('data-id');
        const risk = view.view.risks.find((r) => r.id === id);
        if (!risk) throw new Error(`the projector shows ${String(id)}, which /view.json does not list`);
        // Its countermeasures, every one, in the card.
        const shown = await page.locator('#projector .measures li').allTextContents();
        expect(shown).toEqual([...risk.countermeasures.human, ...risk.countermeasures.physical, ...risk.countermeasures.technical]);
        expect(shown.length).toBeGreaterThan(0);
        // The diagram beside it: zoomed to the risk's devices and links, those outlined, inside the crop.
        const figure = await page.locator('#proj-view svg').evaluate((svg: SVGSVGElement) => {
          const vb = svg.viewBox.baseVal;
          const outlined = [...svg.querySelectorAll('.hl')].map((el) => (el as SVGGraphicsElement).getBBox());
          const inside = outlined.every((b) => b.x >= vb.x - 1 && b.y >= vb.y - 1 && b.x + b.width <= vb.x + vb.width + 1 && b.y + b.height <= vb.y + vb.height + 1);
          const box = svg.getBoundingClientRect();
          return { zoom: svg.getAttribute('data-zoom'), outlined: outlined.length, inside, ids: svg.querySelectorAll('[id]:not(defs *)').length, shown: box.width > 200 && box.height > 200 };
        });
        expect(figure).toMatchObject({ zoom: 'risk', inside: true, ids: 0, shown: true });
        expect(figure.outlined).toBeGreaterThan(0);
        await page.keyboard.press('ArrowRight');
      }
      measured[`${width}`] = await page.evaluate(() => ({
        text: parseFloat(getComputedStyle(document.querySelector('#projector .text') as Element).fontSize),
        measures: parseFloat(getComputedStyle(document.querySelector('#projector .measures') as Element).fontSize),
        base: parseFloat(getComputedStyle(document.documentElement).fontSize),
      }));
      await page.screenshot({ path: join(SHOTS, `projector-${width}x${height}.png`) });
      // The card fits beside the diagram: nothing of the page scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    }
    const small = measured['1280'];
    const large = measured['1920'];
    if (!small || !large) throw new Error('not measured');
    // Read across a room on a 1920x1080 projector: the risk's text about 30 px, its measures about 26 px.
    expect(large.text).toBeGreaterThanOrEqual(28);
    expect(large.measures).toBeGreaterThanOrEqual(24);
    // And all of it grows with the screen, the page's own text too.
    expect(large.text / small.text).toBeGreaterThan(1.3);
    expect(large.base).toBeGreaterThan(small.base);
    expect(small.measures).toBeGreaterThanOrEqual(16);
  }, 60_000);
});
