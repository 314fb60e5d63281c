// `koseizu serve`: a local page for a workshop that follows the model as it is saved. I/O like src/io/disk.ts:
// it owns the HTTP server, the file watchers and the timers; the work itself is the library's (assess, then
// the pure workshop view of src/workshop/view.ts), cached here per version and language.
//
// The server answers five exact paths and nothing else: the URL is matched as sent, never decoded,
// normalised or joined to a folder, so no request can name a file ("/../", "%2e%2e", "//etc/passwd" are
// simply not among the five). GET and HEAD only. Bound to 127.0.0.1 unless --host says otherwise, and
// while bound to a loopback address it answers only requests whose Host is a loopback name, so a web page
// elsewhere cannot read the model through DNS rebinding.
//
// Watching: the folders holding the files the last load read (the model, its includes, its rule files,
// and files it looked for and did not find) are watched, not the files: an editor's rename-on-save
// replaces a file's inode, which a folder watch sees as one more event, with nothing to re-arm. Events
// for names outside that set are ignored. Bursts are debounced (40 ms), then the model is loaded again
// and, when it is valid, its view in the model's own language is drawn before the SSE event goes out, so
// a page that fetches /view.json on the event gets it at once; the other language is drawn when asked for.
// Each site's layout is kept by its content, so a save that changes one site lays out that site alone.
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../../models/diagnostic.js';
import type { Lang } from '../../models/vocabulary.js';
import type { WorkshopState, WorkshopView } from '../../models/workshop.js';
import { workshopJson } from '../../renderers/json/workshop.js';
import { assess, workshopState, workshopViewOf, type Assessed, type ElkLoader, type ListResult, type ReadResult, type SourceHost } from '../index.js';
import { toSlashes } from '../load/files.js';
import { diskHost } from './disk.js';
import { memoizedElk } from '../diagram/elk.js';
import { loadElkWithCodeCache } from './elk.js';
import { readDiagramFonts } from './package.js';

export type { WorkshopProblem, WorkshopSegment, WorkshopState, WorkshopStateJson, WorkshopView } from '../../models/workshop.js';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';
const DEBOUNCE_MS = 40;
const HEARTBEAT_MS = 15_000;
/** More open pages than this are refused (503): each holds a socket. */
const MAX_EVENT_CLIENTS = 64;

// ---- The server ----

export interface ServeOptions {
  /** The root model file. */
  readonly model: string;
  /** Default 4173; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Extra rule files or folders (as `--rules`). */
  readonly rules?: readonly string[];
  /** The language of the server's own messages (default ja). */
  readonly lang?: Lang;
  /** Where the server's messages go (default: standard error). */
  readonly log?: (text: string) => void;
  readonly debounceMs?: number;
  readonly heartbeatMs?: number;
  /** The page; by default renderers/html/workshop.ts, imported when the server starts. */
  readonly page?: (lang: Lang) => string;
  /** Called after each new result, with its version (benchmarks and tests). */
  readonly onUpdate?: (version: number, ok: boolean) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The current version (1 after the first load). */
  version(): number;
  /** The state /view.json gives, for `lang` (default: the model's language). */
  state(lang?: Lang): Promise<WorkshopState>;
  /** Stops watching, ends the event streams and closes the server. */
  close(): Promise<void>;
}

const TEXT = {
  ja: {
    listening: (url: string) => `koseizu serve: ${url} で表示しています（Ctrl-C で終了）\n`,
    exposed: (host: string) => `注意: ${host} で待ち受けています。同じネットワークの他の人もモデル（構成図とリスク）を読めます。手元だけで使うなら --host を外してください\n`,
    updated: (version: number, ok: boolean, ms: number) => `更新 ${version}: ${ok ? 'OK' : 'エラーあり'}（${ms.toFixed(0)} ms）\n`,
    internal: (msg: string) => `内部エラー: ${msg}`,
  },
  en: {
    listening: (url: string) => `koseizu serve: showing the model at ${url} (Ctrl-C to stop)\n`,
    exposed: (host: string) => `warning: listening on ${host}: others on the network can read the model (its diagram and risks); leave out --host to keep it on this machine\n`,
    updated: (version: number, ok: boolean, ms: number) => `update ${version}: ${ok ? 'ok' : 'errors'} (${ms.toFixed(0)} ms)\n`,
    internal: (msg: string) => `internal error: ${msg}`,
  },
} as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether `host` binds only this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

interface Result {
  readonly version: number;
  /** The load's diagnostics, then the responses'. */
  readonly diagnostics: readonly Diagnostic[];
  /** The model assessed, when it is valid. */
  readonly assessed: Assessed | undefined;
  /** Set when computing threw (our bug): shown as the one error. */
  readonly crash: string | null;
}

interface Good {
  readonly version: number;
  readonly assessed: Assessed;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export const PAGE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src 'self'; connect-src 'self'";

/** Starts the server: loads the model, begins watching, listens. Resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const lang: Lang = options.lang ?? 'ja';
  const t = TEXT[lang];
  const log = options.log ?? ((text: string) => { process.stderr.write(text); });
  const modelPath = toSlashes(options.model);
  const host = options.host ?? DEFAULT_HOST;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const page = options.page ?? (await import('../../renderers/html/workshop.js')).workshopPage;

  // elkjs compiled once (with this machine's code cache), then reused by every layout; the layouts are kept
  // by their input (src/diagram/elk.ts), so a save re-lays out only the sites whose content changed (and
  // the sites' row when a site's size or its lines to others did), and reuses the other sites' layouts.
  let elk: ReturnType<ElkLoader> | undefined;
  const loadElk: ElkLoader = () => (elk ??= memoizedElk(loadElkWithCodeCache<ReturnType<ElkLoader>>()).ELK);
  let fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array } | undefined;

  let version = 0;
  let result: Result;
  let good: Good | undefined;
  /** Views drawn, by `${version}:${lang}`; only the last good version's are kept. */
  const views = new Map<string, Promise<WorkshopView>>();

  // -- Loading, with a host that records every path it is asked for (what to watch).
  const compute = (): { result: Result; read: Set<string> } => {
    const read = new Set<string>([resolve(modelPath)]);
    const host: SourceHost = {
      read(path: string, within: string | null): ReadResult {
        read.add(resolve(path));
        return diskHost.read(path, within);
      },
      list(dir: string, within: string | null): ListResult {
        read.add(resolve(dir));
        return diskHost.list?.(dir, within) ?? { ok: false, reason: 'not-a-folder' };
      },
    };
    const next = version + 1;
    try {
      const assessed = assess({ path: modelPath, host, rules: options.rules ?? [] });
      if (assessed.status === 'invalid') return { result: { version: next, diagnostics: assessed.diagnostics, assessed: undefined, crash: null }, read };
      return { result: { version: next, diagnostics: [...assessed.diagnostics, ...assessed.responses.diagnostics], assessed, crash: null }, read };
    } catch (error) {
      return { result: { version: next, diagnostics: [], assessed: undefined, crash: error instanceof Error ? error.message : String(error) }, read };
    }
  };

  const viewOf = (g: Good, l: Lang): Promise<WorkshopView> => {
    const key = `${g.version}:${l}`;
    let view = views.get(key);
    if (!view) {
      view = workshopViewOf(g.assessed, l, { loadElk });
      views.set(key, view);
      view.catch(() => { views.delete(key); });
    }
    return view;
  };

  const stateFor = async (l: Lang | undefined): Promise<WorkshopState> => {
    const current = result;
    const words = l ?? good?.assessed.model.system.lang ?? lang;
    let view: WorkshopView | null = null;
    let crash = current.crash;
    if (good) {
      try {
        view = await viewOf(good, words);
      } catch (error) {
        crash ??= error instanceof Error ? error.message : String(error);
      }
    }
    return workshopState({ version: current.version, file: modelPath, diagnostics: current.diagnostics, valid: current.assessed !== undefined, view, crash }, words);
  };

  // -- Watching the folders of the files read.
  const watchers = new Map<string, FSWatcher>();
  /** Folder -> names in it that matter; a rule folder itself is '*' (any file in it). */
  let watched = new Map<string, Set<string>>();
  const track = (read: Set<string>): void => {
    const next = new Map<string, Set<string>>();
    const want = (dir: string, name: string): void => {
      const names = next.get(dir) ?? new Set<string>();
      names.add(name);
      next.set(dir, names);
    };
    for (const path of read) {
      want(dirname(path), basename(path));
      want(path, '*'); // a rule folder (watching fails quietly for a file, which needs none)
    }
    watched = next;
    for (const [dir, w] of watchers) {
      if (!next.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of next.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: false }, (_event, name) => {
          const names = watched.get(dir);
          if (!names) return;
          if (names.has('*') || name === null || names.has(String(name))) schedule();
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // Not a folder, or gone: the folder above watches for it.
      }
    }
  };

  // -- Recomputing: one at a time; a change during a run runs again after it.
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;
  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void recompute();
    }, debounceMs);
  };

  const clients = new Set<ServerResponse>();
  const send = (res: ServerResponse, text: string): void => {
    if (!res.writableEnded) res.write(text);
  };
  const updateEvent = (): string => `event: update\ndata: ${JSON.stringify({ version: result.version, ok: result.assessed !== undefined && result.crash === null })}\n\n`;

  const apply = (computed: { result: Result; read: Set<string> }): void => {
    result = computed.result;
    version = result.version;
    if (result.assessed) {
      good = { version: result.version, assessed: result.assessed };
      for (const key of views.keys()) if (!key.startsWith(`${good.version}:`)) views.delete(key);
    }
    track(computed.read);
  };

  const recompute = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const started = performance.now();
        apply(compute());
        // Draw the model's own language before telling the pages, so their fetch finds it ready.
        if (good && good.version === version) await viewOf(good, good.assessed.model.system.lang).catch(() => undefined);
        if (closed) return;
        const ok = result.assessed !== undefined && result.crash === null;
        const event = updateEvent();
        for (const c of clients) send(c, event);
        log(t.updated(version, ok, performance.now() - started));
        options.onUpdate?.(version, ok);
      } while (again && !closed);
    } finally {
      running = false;
    }
  };

  // The first result, drawn before the server listens.
  apply(compute());
  if (good) await viewOf(good, good.assessed.model.system.lang).catch(() => undefined);

  // -- HTTP.
  const reply = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(bytes.byteLength), ...extra });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse): void => reply(req, res, 404, 'text/plain; charset=utf-8', 'not found\n');

  let port = options.port ?? DEFAULT_PORT;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(req, res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    if (isLoopback(host) && !loopbackHostHeader(req.headers.host, port)) {
      reply(req, res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
      return;
    }
    // Matched as sent: no decoding, no normalising, no file system.
    const raw = req.url ?? '';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const asked = query.get('lang');
    const l: Lang | undefined = asked === 'ja' || asked === 'en' ? asked : undefined;
    switch (path) {
      case '/': {
        reply(req, res, 200, 'text/html; charset=utf-8', page(l ?? good?.assessed.model.system.lang ?? lang), { 'Content-Security-Policy': PAGE_CSP });
        return;
      }
      case '/view.json': {
        const state = await stateFor(l);
        reply(req, res, 200, 'application/json; charset=utf-8', workshopJson(state));
        return;
      }
      case '/fonts/regular.ttf':
      case '/fonts/bold.ttf': {
        fonts ??= readDiagramFonts();
        reply(req, res, 200, 'font/ttf', path === '/fonts/bold.ttf' ? fonts.bold : fonts.regular, { 'Cache-Control': 'max-age=86400' });
        return;
      }
      case '/events': {
        if (clients.size >= MAX_EVENT_CLIENTS) {
          reply(req, res, 503, 'text/plain; charset=utf-8', 'too many pages open\n');
          return;
        }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        res.write(`retry: 1000\n\n${updateEvent()}`);
        clients.add(res);
        req.socket.setTimeout(0);
        const drop = (): void => { clients.delete(res); };
        res.on('close', drop);
        return;
      }
      default:
        notFound(req, res);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(req, res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
      log(`${t.internal(error instanceof Error ? error.message : String(error))}\n`);
    });
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) send(c, ': heartbeat\n\n');
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  }).catch((error: unknown) => {
    clearInterval(heartbeat);
    for (const w of watchers.values()) w.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  if (!isLoopback(host)) log(t.exposed(host));
  log(t.listening(url));

  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    version: () => version,
    state: (l?: Lang) => stateFor(l),
    close(): Promise<void> {
      closing ??= new Promise<void>((done) => {
        closed = true;
        if (timer) clearTimeout(timer);
        clearInterval(heartbeat);
        for (const w of watchers.values()) w.close();
        watchers.clear();
        for (const c of clients) c.end();
        clients.clear();
        server.close(() => { done(); });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Whether a Host header names this machine on our port (localhost, 127.x, [::1]). */
function loopbackHostHeader(value: string | undefined, port: number): boolean {
  if (value === undefined) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value.toLowerCase());
  if (!m) return false;
  const name = (m[1] as string).replace(/^\[|\]$/g, '');
  const p = m[2] === undefined ? 80 : Number(m[2]);
  return p === port && (name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name));
}

/** Opens `url` in the desktop's browser when a opener is there; never fails. */
export async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [command, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
      : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is printed anyway.
  }
}
