// koseizu serve: the page and its headers, the view, live updates over SSE (a label changed, the model
// broken and mended), the paths that must never reach a file, the methods refused, the loopback bind.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type WorkshopStateJson } from '../src/io/serve.js';

let dir: string;
let model: string;
let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'koseizu-serve-'));
  for (const name of ['model.yaml', 'network.yaml']) copyFileSync(join('examples', 'cloud-ehr', name), join(dir, name));
  model = join(dir, 'model.yaml');
  server = await startServer({ model, port: 0, log: (text) => { logs.push(text); } });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request: the path is sent exactly as written (fetch would normalise "/../"). */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }); });
    });
    req.on('error', fail);
    req.end();
  });
}

async function view(lang?: 'ja' | 'en'): Promise<WorkshopStateJson> {
  const res = await fetch(new URL(lang ? `/view.json?lang=${lang}` : '/view.json', server.url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await res.json()) as WorkshopStateJson;
}

/** Listens to /events and resolves with the first update whose version is above `after`. */
async function nextUpdate(after: number, timeoutMs = 10_000): Promise<{ version: number; ok: boolean }> {
  const controller = new AbortController();
  const timer = setTimeout(() => { controller.abort(); }, timeoutMs);
  try {
    const res = await fetch(new URL('/events', server.url), { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: update\ndata: (.*)$/m.exec(block) ? /^data: (.*)$/m.exec(block)?.[1] : undefined;
        if (data === undefined) continue;
        const update = JSON.parse(data) as { version: number; ok: boolean };
        if (update.version > after) {
          controller.abort();
          return update;
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

describe('koseizu serve', () => {
  it('listens on 127.0.0.1 by default and says where', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(logs.join('')).toContain(server.url);
  });

  it('serves the page with its security headers', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src 'self'; connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toMatch(/<html/i);
    const head = await raw('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves the bundled fonts', async () => {
    for (const name of ['regular', 'bold']) {
      const res = await fetch(new URL(`/fonts/${name}.ttf`, server.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/ttf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]); // a TrueType font
    }
  });

  it('gives the view of the cloud-EHR example in both languages', async () => {
    const ja = await view();
    expect(ja.ok).toBe(true);
    expect(ja.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(ja.view?.lang).toBe('ja');
    expect(ja.view?.title).toBe('クラウド型電子カルテ・医事会計サービス');
    expect(ja.view?.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(ja.view?.risks.length).toBeGreaterThan(0);
    expect(ja.view?.counts.risks).toBe(ja.view?.risks.length);
    const segment = ja.view?.segments.find((s) => s.key.startsWith('exam-records/ehr-terminal>ehr-server'));
    expect(segment?.elements).toEqual(expect.arrayContaining(['ehr-terminal', 'ehr-server', 'exam-records']));
    expect(ja.view?.words.phases.operation).toBe('運用');
    const en = await view('en');
    expect(en.version).toBe(ja.version);
    expect(en.view?.lang).toBe('en');
    expect(en.view?.words.phases.operation).toBe('operation');
    expect(en.view?.risks.map((r) => r.id)).toEqual(ja.view?.risks.map((r) => r.id));
  });

  it('follows the file: a label changed, the model broken (last good view kept), then mended', async () => {
    const before = await view();
    const original = readFileSync(model, 'utf8');
    expect(original).toContain('label: 待合室');

    const changed = nextUpdate(before.version);
    await new Promise((r) => setTimeout(r, 50)); // the event stream is open before the save
    writeFileSync(model, original.replace('label: 待合室', 'label: 待合ロビー'));
    const first = await changed;
    expect(first.ok).toBe(true);
    const relabelled = await view();
    expect(relabelled.version).toBe(first.version);
    expect(relabelled.view?.svg).toContain('待合ロビー');

    const broken = nextUpdate(first.version);
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(model, original.replace('label: 待合室', 'label: 待合ロビー').replace('site: clinic, public: true', 'site: clinik, public: true'));
    const second = await broken;
    expect(second.ok).toBe(false);
    const bad = await view('en');
    expect(bad.ok).toBe(false);
    const error = bad.errors.find((e) => e.code === 'KZ104');
    expect(error).toMatchObject({ severity: 'error', file: expect.stringMatching(/model\.yaml$/) as unknown });
    expect(error?.line).toBeGreaterThan(0);
    expect(error?.message).toContain('clinik');
    expect(bad.view?.title).toBe(relabelled.view?.title); // the last good view, in the language asked for
    expect(bad.view?.lang).toBe('en');
    const badJa = await view();
    expect(badJa.view?.svg).toContain('待合ロビー');

    const mended = nextUpdate(second.version);
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(model, original);
    const third = await mended;
    expect(third.ok).toBe(true);
    const good = await view();
    expect(good.ok).toBe(true);
    expect(good.view?.svg).toContain('待合室');
  }, 30_000);

  it('follows an include replaced by rename (an editor saving)', async () => {
    const before = server.version();
    const update = nextUpdate(before);
    await new Promise((r) => setTimeout(r, 50));
    const network = join(dir, 'network.yaml');
    writeFileSync(`${network}.tmp`, `${readFileSync(network, 'utf8')}\n# saved\n`);
    const { renameSync } = await import('node:fs');
    renameSync(`${network}.tmp`, network);
    expect((await update).version).toBeGreaterThan(before);
  }, 15_000);

  it('never serves a file named by the URL', async () => {
    const probes = [
      '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/fonts/../../package.json', '//etc/passwd', '/view.json/../model.yaml',
      '/fonts/..%2f..%2fpackage.json', '/fonts/%2e%2e/%2e%2e/package.json', '/model.yaml', '/network.yaml', '/fonts/', '/fonts',
      '/etc/passwd', '/C:/Windows/win.ini', '/fonts/regular.ttf/..', '/view.json%00', '/package.json', '/%2fetc%2fpasswd',
    ];
    for (const probe of probes) {
      const res = await raw(probe);
      expect(res.status, probe).toBe(404);
      expect(res.body, probe).not.toMatch(/root:|koseizu:|"name"|\[extensions\]/);
    }
  });

  it('refuses other methods with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await raw('/', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    expect((await raw('/view.json', 'POST')).status).toBe(405);
  });

  it('answers only loopback Host names while bound to loopback (DNS rebinding)', async () => {
    expect((await raw('/view.json', 'GET', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await raw('/', 'GET', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('binds to 127.0.0.1 even when asked for nothing else, and warns for another host', async () => {
    const messages: string[] = [];
    const other = await startServer({ model, port: 0, host: '0.0.0.0', lang: 'en', log: (text) => { messages.push(text); } });
    try {
      expect(messages.join('')).toMatch(/others on the network can read the model/);
    } finally {
      await other.close();
    }
    expect(logs.join('')).not.toMatch(/注意|warning/);
  }, 30_000);
});
