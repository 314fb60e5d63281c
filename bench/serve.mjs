// npm run bench (after bench/threats.mjs): how fast `koseizu serve` follows a save, on the cloud-EHR example and
// on a generated model of 500 devices (bench/diagram.mjs's generator: 5 sites, 25 locations).
//   start-up                 `node bin/koseizu.js serve <copy> --port 0` until it prints its URL (first load and
//                            the first diagram drawn before it listens)
//   save -> SSE event        a label rewritten in the model file, until the `update` event reaches a client of
//                            /events (debounce 40 ms + load + assess + threat list + ELK layout + SVG)
//   save -> view.json        the same, until the page's fetch of /view.json that follows the event has its body
//   save -> page redrawn     with Debian's Chromium (skipped without it): the workshop page at 1920x1080, until
//                            it has applied the new view (diagram, filters, risk list) and painted a frame
// over BENCH_SAVES saves (default 20 on the example, 8 on 500 devices; 2 more untimed first), each after the
// previous update has arrived. Each save renames one room (the example) or one device (500 devices), so one
// site changes and the server lays out that site again (when a size changed) and reuses the others' layouts. The server runs as its own process, as a workshop runs it; the
// models are copied or written to a temporary folder that is removed. Targets: on the example, save -> SSE
// event within 300 ms (median and p90) and the page redrawn within 400 ms; on 500 devices, both within 1 s.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModel } from './diagram.mjs';
import { median, ms, section, table, targets } from './lib.mjs';

const CHROMIUM = '/usr/bin/chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'koseizu.js');
const SAVES_OVERRIDE = Number.parseInt(process.env.BENCH_SAVES ?? '', 10);
const WARM = 2;
const TARGET_MS = 300;
/** What the README promises a workshop: the page redrawn "within a few hundred milliseconds" of a save. */
const PAGE_TARGET_MS = 400;
/** Issue 15: on 500 devices, the update and the redrawn page within a second. */
const BIG_TARGET_MS = 1000;

/** save -> the page in Chromium has applied the update and painted, per save; null when Chromium is absent. */
async function pageRedraws(url, model, original, edit, saves) {
  if (!existsSync(CHROMIUM)) return { skip: `${CHROMIUM} not found (apt-get install --no-install-recommends chromium)` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(url);
    await page.waitForSelector('#risk-list li.risk');
    const samples = [];
    let version = Number(await page.getAttribute('body', 'data-version'));
    for (let i = 0; i < WARM + saves; i++) {
      await new Promise((r) => setTimeout(r, 120));
      // The page stamps the version it has drawn on <body>; a frame painted after it is the redraw seen.
      const drawn = page.evaluate((v) => new Promise((done) => {
        const seen = () => {
          if (Number(document.body.getAttribute('data-version')) <= v) return false;
          requestAnimationFrame(() => requestAnimationFrame(() => done(Date.now())));
          return true;
        };
        if (seen()) return;
        const watcher = new MutationObserver(() => { if (seen()) watcher.disconnect(); });
        watcher.observe(document.body, { attributes: true, attributeFilter: ['data-version'] });
      }), version);
      const saved = Date.now();
      writeFileSync(model, edit.apply(original, `p${i + 1}`));
      const painted = await drawn;
      version = Number(await page.getAttribute('body', 'data-version'));
      if (!(await page.locator('#diagram-body svg').textContent()).includes(edit.shown(`p${i + 1}`))) throw new Error(`the page does not show save ${i + 1}`);
      if (i >= WARM) samples.push(painted - saved);
    }
    return { samples };
  } finally {
    await browser.close();
  }
}

const percentile = (samples, p) => {
  const s = [...samples].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Starts the server; resolves with its URL, the child and the start-up time. */
function startServer(model) {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--lang', 'en', 'serve', model, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => { child.kill('SIGTERM'); fail(new Error(`koseizu serve did not start in 60 s\n${stderr}`)); }, 60_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        done({ child, url: m[1], startMs: performance.now() - started, stderr: () => stderr });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`koseizu serve exited (${code})\n${stderr}`)); });
  });
}

/** An /events client: `next(after)` resolves at the first update above version `after`, with its arrival time. */
async function events(url) {
  const controller = new AbortController();
  const res = await fetch(new URL('/events', url), { signal: controller.signal });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let latest = { version: 0, ok: false, at: 0 };
  let waiter = null;
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^event: update\ndata: (.*)$/m.exec(block)?.[1];
          if (data === undefined) continue;
          latest = { ...JSON.parse(data), at };
          if (waiter && latest.version > waiter.after) {
            waiter.done(latest);
            waiter = null;
          }
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return {
    next(after, timeoutMs = 10_000) {
      if (latest.version > after) return Promise.resolve(latest);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no update after version ${after} in ${timeoutMs} ms`)), timeoutMs);
        waiter = { after, done: (u) => { clearTimeout(timer); done(u); } };
      });
    },
    current: () => latest,
    close: () => controller.abort(),
  };
}

/** One model: the server started on it, `saves` saves timed to the SSE event and /view.json, then the page in Chromium. */
async function benchModel(c) {
  const { model, original, edit, saves } = c;
  let server = null;
  let client = null;
  try {
    server = await startServer(model);
    client = await events(server.url);
    let version = (await client.next(0)).version;
    const eventMs = [];
    const viewMs = [];
    let okAll = true;
    for (let i = 0; i < WARM + saves; i++) {
      await new Promise((r) => setTimeout(r, 120)); // apart from the previous save, as a person saves
      const saved = performance.now();
      writeFileSync(model, edit.apply(original, String(i + 1)));
      const update = await client.next(version, 60_000);
      version = update.version;
      okAll &&= update.ok;
      const res = await fetch(new URL('/view.json', server.url));
      const body = await res.json();
      const viewed = performance.now();
      if (!body.ok || !body.view?.svg.includes(edit.shown(String(i + 1)))) throw new Error(`${c.name}: view ${version} does not show save ${i + 1}`);
      if (i >= WARM) {
        eventMs.push(update.at - saved);
        viewMs.push(viewed - saved);
      }
    }
    const redraw = await pageRedraws(server.url, model, original, edit, saves);
    if (!okAll) throw new Error(`${c.name}: an update of the workshop was not valid`);
    return { startMs: server.startMs, eventMs, viewMs, pageMs: redraw.samples ?? [], skip: redraw.skip };
  } finally {
    client?.close();
    if (server) {
      const exited = new Promise((r) => server.child.once('exit', (code) => r(code)));
      server.child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
      if (code !== 0) {
        console.error(`koseizu serve did not exit 0 on SIGINT (${code})\n${server.stderr().slice(-2000)}`);
        process.exitCode = 1;
      }
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'koseizu-bench-serve-'));
try {
  if (!existsSync(join(root, 'dist', 'koseizu.mjs'))) throw new Error('koseizu is not built: run `npm run build` first');
  for (const name of ['model.yaml', 'network.yaml']) copyFileSync(join(root, 'examples', 'cloud-ehr', name), join(dir, name));
  const model = join(dir, 'model.yaml');
  const original = readFileSync(model, 'utf8');
  if (!original.includes('label: 待合室')) throw new Error('the example no longer has "label: 待合室" to rewrite');
  const big = join(dir, 'bench-500.yaml');
  const bigText = generateModel(500, 25, 5, 5000).text;
  writeFileSync(big, bigText);
  // The hospital's gateway, its first device (bench/diagram.mjs): a longer label widens its box, so its site
  // is laid out again (a room's new name alone often changes no size, and then no layout at all).
  const bigDevice = 'label: "拠点間VPN装置-1"';
  if (!bigText.includes(bigDevice)) throw new Error(`the generated model no longer has '${bigDevice}' to rewrite`);

  const cases = [
    { name: 'cloud-EHR example', model, original, saves: SAVES_OVERRIDE > 0 ? SAVES_OVERRIDE : 20, eventTarget: TARGET_MS, pageTarget: PAGE_TARGET_MS,
      edit: { apply: (text, n) => text.replace('label: 待合室', `label: 待合室 ${n}`), shown: (n) => `待合室 ${n}` } },
    { name: 'generated, 500 devices', model: big, original: bigText, saves: SAVES_OVERRIDE > 0 ? Math.min(SAVES_OVERRIDE, 8) : 8, eventTarget: BIG_TARGET_MS, pageTarget: BIG_TARGET_MS,
      edit: { apply: (text, n) => text.replace(bigDevice, `label: "拠点間VPN装置-1（更新 ${n}）"`), shown: (n) => `拠点間VPN装置-1（更新 ${n}）` } },
  ];

  console.log('# koseizu serve benchmark\n');
  table(['machine', ''], [
    ['node', process.version],
    ['CPU', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`],
    ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['kernel', `${process.platform} ${release()}`],
  ], ['l', 'l']);

  const rows = [];
  for (const c of cases) {
    const r = await benchModel(c);
    section(`${c.name}, ${c.saves} saves (after ${WARM} untimed)`);
    table(['measure', 'median ms', 'p90 ms', 'min ms', 'max ms'], [
      ['start-up to listening (first load + diagram)', ms(r.startMs), '-', '-', '-'],
      ['save -> SSE update event', ms(median(r.eventMs)), ms(percentile(r.eventMs, 90)), ms(Math.min(...r.eventMs)), ms(Math.max(...r.eventMs))],
      ['save -> /view.json body', ms(median(r.viewMs)), ms(percentile(r.viewMs, 90)), ms(Math.min(...r.viewMs)), ms(Math.max(...r.viewMs))],
      ...(r.pageMs.length ? [['save -> page redrawn in Chromium (1920x1080, painted)', ms(median(r.pageMs)), ms(percentile(r.pageMs, 90)), ms(Math.min(...r.pageMs)), ms(Math.max(...r.pageMs))]] : []),
    ], ['l']);
    if (r.skip) console.log(`\nsave -> page redrawn: skipped, ${r.skip}`);
    const e = median(r.eventMs);
    const e90 = percentile(r.eventMs, 90);
    rows.push(
      { figure: `workshop, ${c.name}: save -> SSE update event, median`, value: e, unit: 'ms', peer: { name: 'save -> /view.json body', value: median(r.viewMs) }, limit: c.eventTarget, pass: e <= c.eventTarget },
      { figure: `workshop, ${c.name}: save -> SSE update event, p90`, value: e90, unit: 'ms', peer: null, limit: c.eventTarget, pass: e90 <= c.eventTarget },
      ...(r.pageMs.length ? [
        { figure: `workshop, ${c.name}: save -> page redrawn in Chromium, median`, value: median(r.pageMs), unit: 'ms', peer: { name: 'save -> SSE event', value: e }, limit: c.pageTarget, pass: median(r.pageMs) <= c.pageTarget },
        { figure: `workshop, ${c.name}: save -> page redrawn in Chromium, p90`, value: percentile(r.pageMs, 90), unit: 'ms', peer: null, limit: c.pageTarget, pass: percentile(r.pageMs, 90) <= c.pageTarget },
      ] : []),
    );
  }
  console.log('\nThe event goes out once the view in the model\'s language is drawn (the 40 ms debounce included), so');
  console.log('the fetch that follows it is served from the cache; the other language is drawn on its first request.');
  console.log('A save renames one room or device: the server lays out its site again when a size changed, and reuses the other sites\' layouts.');
  targets('serve', rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
