// The JSON Schemas as editors see them: the real YAML language server (the one VS Code's YAML extension,
// Neovim and JetBrains run) is started over stdio and asked, as an editor asks, for completion, hover and
// diagnostics on model and rule files that name the schema in their `# yaml-language-server: $schema=`
// line. Completion of a value must show that value's meaning in Japanese and English, not the property's
// whole text. Skipped, with a message, when the server cannot start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FACTORS, COMMON_PROTOCOLS, DEVICE_KINDS, ORGS, THREATS } from '../models/vocabulary.js';

const SERVER = resolve('node_modules/yaml-language-server/bin/yaml-language-server');
/** Each request and each wait for diagnostics gives up after this long, so a stuck server fails the test instead of hanging it. */
const REPLY_MS = 15_000;

interface Position { readonly line: number; readonly character: number }
interface MarkupContent { readonly kind: string; readonly value: string }
interface CompletionItem { readonly label: string; readonly documentation?: string | MarkupContent }
interface Hover { readonly contents: MarkupContent }
interface Diagnostic { readonly range: { readonly start: Position; readonly end: Position }; readonly message: string; readonly severity?: number }

/** Resolves with `promise`, or rejects after `ms` naming what was awaited. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => { reject(new Error(`no answer to ${what} within ${ms} ms`)); }, ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One language server, the connection to it, and who waits for which document's diagnostics. */
interface Server {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly waiting: Map<string, (d: Diagnostic[]) => void>;
}

async function start(): Promise<Server> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => { stderr.push(chunk.toString('utf8')); });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => { reject(new Error(`the server exited (code ${String(code)}): ${stderr.join('').slice(0, 500)}`)); });
  });
  if (!child.stdout || !child.stdin) throw new Error('no stdio');
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const server: Server = { child, connection, waiting: new Map() };
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    server.waiting.get(params.uri)?.(params.diagnostics);
  });
  // Requests the server may send an editor (registering capabilities, asking for settings): answered plainly.
  connection.onRequest(() => null);
  connection.listen();
  try {
    await initialize(connection, exited);
  } catch (error) {
    child.kill('SIGKILL');
    connection.dispose();
    throw error;
  }
  return server;
}

async function initialize(connection: MessageConnection, exited: Promise<never>): Promise<void> {
  await within(REPLY_MS, 'initialize', Promise.race([exited, connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(resolve('.')).href,
    capabilities: {
      textDocument: {
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: {},
      },
      workspace: { configuration: false },
    },
  })]));
  await connection.sendNotification('initialized', {});
  // The schema comes from each file's own `$schema` line; the catalogue on the network is not consulted.
  await connection.sendNotification('workspace/didChangeConfiguration', {
    settings: { yaml: { validate: true, hover: true, completion: true, schemas: {}, schemaStore: { enable: false } } },
  });
}

async function stop(server: Server): Promise<void> {
  try {
    await within(5000, 'shutdown', server.connection.sendRequest('shutdown'));
    await server.connection.sendNotification('exit');
  } catch {
    // Killed below either way.
  }
  const gone = new Promise<void>((done) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) done();
    else server.child.once('exit', () => { done(); });
  });
  const timer = setTimeout(() => { server.child.kill('SIGKILL'); }, 3000);
  await gone;
  clearTimeout(timer);
  server.connection.dispose();
}

/** Opens a document and resolves with its first diagnostics. */
async function open(server: Server, path: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = pathToFileURL(resolve(path)).href;
  const published = new Promise<Diagnostic[]>((done) => { server.waiting.set(uri, done); });
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await within(REPLY_MS, `diagnostics of ${path}`, published);
  return { uri, diagnostics };
}

/** Where `marker` ends (plus `offset`) on the first line that holds it. */
function at(text: string, marker: string, offset = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  if (line < 0) throw new Error(`marker not found: ${marker}`);
  return { line, character: (lines[line] as string).indexOf(marker) + marker.length + offset };
}

const docText = (d: CompletionItem['documentation']): string => (typeof d === 'string' ? d : d?.value ?? '');

// A model that names the schema as the examples do, relative to where the file sits.
const MODEL_DIR = 'examples/minimal';
const PROBE = `# yaml-language-server: $schema=../../models/koseizu.schema.json
koseizu: 1
system: {id: probe, title: 試験用, forms: [application], phases: [operation]}
sites:
  - id: clinic
    label: 診療所
    owner: institution
    operator: provider
locations:
  - {id: exam-room, label: 診察室, site: clinic}
devices:
  - id: ehr-server
    label: 電子カルテサーバ
    at: exam-room
    controls: [backup]
    kind: 
networks:
  - {id: lan, label: 院内LAN, kind: lan}
links:
  - from: ehr-server
    to: ehr-server
    network: lan
    protocol: 
`;
const WRONG = `# yaml-language-server: $schema=../../models/koseizu.schema.json
koseizu: 1
system: {id: probe, title: 試験用, forms: [application], phases: [operation]}
sites:
  - {id: clinic, label: 診療所, owner: institution}
locations:
  - {id: exam-room, label: 診察室, site: clinic}
devices:
  - id: ehr-server
    label: 電子カルテサーバ
    at: exam-room
    kind: servr
`;
const RULES = `# yaml-language-server: $schema=../../models/koseizu-rules.schema.json
koseizu-rules: 1
rules:
  - id: probe-rule
    threat: 
`;

const present = existsSync(SERVER);
if (!present) console.warn(`schema-lsp test skipped: ${SERVER} is absent (npm install installs the yaml-language-server devDependency)`);

describe.skipIf(!present)('the schemas in the YAML language server', () => {
  let server: Server | undefined;
  let failure = '';

  beforeAll(async () => {
    try {
      server = await start();
    } catch (error) {
      failure = (error as Error).message;
      console.warn(`schema-lsp test skipped: the YAML language server did not start: ${failure}`);
    }
  }, 30_000);

  afterAll(async () => {
    if (server) await stop(server);
  }, 15_000);

  /** The running server, or a skip saying why there is none. */
  const lsp = (skip: (note?: string) => never): Server => server ?? skip(`the YAML language server did not start: ${failure}`);

  it('accepts the minimal example as it is on disk, through its relative $schema line', async ({ skip }) => {
    const s = lsp(skip);
    const { diagnostics } = await open(s, `${MODEL_DIR}/model.yaml`, readFileSync(`${MODEL_DIR}/model.yaml`, 'utf8'));
    expect(diagnostics).toEqual([]);
  });

  it('offers each device kind at `kind: ` with that kind\'s names and meaning, not the property\'s whole text', async ({ skip }) => {
    const s = lsp(skip);
    const { uri } = await open(s, `${MODEL_DIR}/probe.yaml`, PROBE);
    const result = await within(REPLY_MS, 'completion', s.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri }, position: at(PROBE, '    kind: '),
    }));
    const items = Array.isArray(result) ? result : result.items;
    expect(items.map((i) => i.label).sort()).toEqual(Object.keys(DEVICE_KINDS).sort());
    const server = items.find((i) => i.label === 'server');
    const doc = docText(server?.documentation);
    expect(typeof server?.documentation === 'object' && server.documentation.kind).toBe('markdown');
    expect(doc).toBe(`**サーバ** / server — ${DEVICE_KINDS.server.means.ja} ${DEVICE_KINDS.server.means.en}`);
    expect(doc).not.toContain('Kind of device'); // the property's own text
    expect(doc).not.toContain(DEVICE_KINDS.database.ja); // nor any other value's
    // Every kind has its own text.
    expect(new Set(items.map((i) => docText(i.documentation))).size).toBe(items.length);
  });

  it('offers the words of `operator:` (beside party ids) and common protocols, each with its meaning', async ({ skip }) => {
    const s = lsp(skip);
    const { uri } = await open(s, `${MODEL_DIR}/probe-words.yaml`, PROBE);
    const complete = async (marker: string): Promise<CompletionItem[]> => {
      const r = await within(REPLY_MS, `completion at ${marker}`, s.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', {
        textDocument: { uri }, position: at(PROBE, marker),
      }));
      return Array.isArray(r) ? r : r.items;
    };
    const operators = await complete('    operator: ');
    const provider = docText(operators.find((i) => i.label === 'provider')?.documentation);
    expect(provider).toContain(ORGS.provider.ja);
    expect(provider).toContain(ORGS.provider.means.en);
    const protocols = await complete('    protocol: ');
    expect(protocols.map((i) => i.label)).toEqual(expect.arrayContaining(['https', 'dicom-tls']));
    expect(docText(protocols.find((i) => i.label === 'https')?.documentation)).toContain(COMMON_PROTOCOLS.https.means.ja);
  });

  it('hovers a property key in Japanese then English, and an enum value with its own meaning first', async ({ skip }) => {
    const s = lsp(skip);
    const text = readFileSync(`${MODEL_DIR}/model.yaml`, 'utf8');
    const { uri } = await open(s, `${MODEL_DIR}/probe-hover.yaml`, text);
    const hover = async (position: Position): Promise<string> => {
      const h = await within(REPLY_MS, 'hover', s.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
      return h?.contents.value ?? '';
    };
    // `auth: [password, ic-card]` on the reception PC: the key, then a value.
    const key = await hover(at(text, 'auth: [', -4));
    const ja = key.indexOf('利用者認証');
    const en = key.indexOf('Authentication of users');
    expect(ja).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(ja);
    const value = await hover(at(text, 'kind: terminal', -3));
    expect(value).toContain('機器の種類');
    expect(value).toContain('Kind of device');
    // The hovered value's line comes first among the allowed values.
    const first = value.split('\n').find((l) => l.startsWith('* `'));
    expect(first).toBe(`* \`terminal\`: **端末** / terminal — ${DEVICE_KINDS.terminal.means.ja} ${DEVICE_KINDS.terminal.means.en}`);
    const factor = await hover(at(text, '[password, ic-card]', -4));
    expect(factor).toContain(AUTH_FACTORS['ic-card'].means.ja);
  });

  it('reports a wrong enum value where it stands, naming the valid values', async ({ skip }) => {
    const s = lsp(skip);
    const { diagnostics } = await open(s, `${MODEL_DIR}/probe-wrong.yaml`, WRONG);
    const where = at(WRONG, 'kind: ');
    expect(diagnostics.map((d) => ({ line: d.range.start.line, character: d.range.start.character, severity: d.severity }))).toEqual([
      { line: where.line, character: where.character, severity: 1 },
    ]);
    expect(diagnostics[0]?.message).toContain('"server"');
  });

  it('offers the threats of a rule file with their meanings, from the rule schema', async ({ skip }) => {
    const s = lsp(skip);
    const { uri } = await open(s, `${MODEL_DIR}/probe-rules.yaml`, RULES);
    const r = await within(REPLY_MS, 'completion', s.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri }, position: at(RULES, '    threat: '),
    }));
    const items = Array.isArray(r) ? r : r.items;
    expect(items.map((i) => i.label).sort()).toEqual(Object.keys(THREATS).sort());
    expect(docText(items.find((i) => i.label === 'ransomware')?.documentation)).toContain(THREATS.ransomware.means.en);
  });
});
