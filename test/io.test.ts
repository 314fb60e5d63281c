// The disk host (src/io/disk.ts) on real files in a temporary folder: what it refuses (too large, binary,
// outside the model's folder, directories), what it cleans up (a BOM), that line ends do not move
// positions, and that writeNewFile never replaces a file.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../models/diagnostic.js';
import { loadModel, type LoadResult } from '../src/index.js';
import { diskHost, elkScript, loadElkWithCodeCache, runElkScript, writeNewFile } from '../src/io/index.js';
import { MAX_FILE_BYTES } from '../src/load/parse.js';

// openSync is watched (and still does its work) so a test can tell whether a file was opened to be read at all.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const openSync = vi.fn(actual.openSync);
  return { ...actual, openSync, default: { ...actual, openSync } };
});

const FIXTURES = join(import.meta.dirname, 'fixtures', 'io');
const EXAMPLE = join(import.meta.dirname, '..', 'examples', 'cloud-ehr');
const SYSTEM = 'system: {id: s, title: T, forms: [application], phases: [operation]}\n';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'koseizu-io-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** A fresh sub-folder of the temp dir for one test. Paths are given to koseizu with "/" as it expects. */
let counter = 0;
function folder(name: string): string {
  const path = join(dir, `${counter++}-${name}`);
  mkdirSync(path, { recursive: true });
  return path;
}
const slash = (p: string): string => p.replace(/\\/g, '/');
const load = (path: string): LoadResult => loadModel(slash(path), diskHost);
const codes = (r: LoadResult): string[] => r.diagnostics.map((d) => d.code);
const where = (d: Diagnostic | undefined): string => (d ? `${d.range.start.line}:${d.range.start.col}` : 'none');

describe('size limit', () => {
  it('refuses a 50 MB file with KZ003 without reading it', () => {
    const path = join(folder('large'), 'model.yaml');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const read = vi.mocked(fs.openSync);
    read.mockClear();
    const result = load(path);
    expect(codes(result)).toEqual(['KZ003']);
    expect(result.diagnostics[0]?.args).toMatchObject({ size: 50 * 1024 * 1024, limit: MAX_FILE_BYTES });
    expect(result.diagnostics[0]?.range).toMatchObject({ file: slash(path), start: { line: 1, col: 1 } });
    expect(result.model).toBeUndefined();
    expect(read.mock.calls.filter(([p]) => String(p) === path || String(p) === slash(path))).toEqual([]);
    // The watch works: a small file beside it is read.
    const small = join(dirname(path), 'small.yaml');
    writeFileSync(small, 'koseizu: 1\n');
    load(small);
    expect(read.mock.calls.map(([p]) => String(p))).toContain(slash(small));
  });

  it('refuses an include over the limit with KZ003 at its include entry', () => {
    const d = folder('large-include');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude: [big.yaml]\n${SYSTEM}`);
    writeFileSync(join(d, 'big.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x23));
    const result = load(join(d, 'model.yaml'));
    expect(codes(result)).toEqual(['KZ003']);
    expect(result.diagnostics[0]?.range.file).toBe(slash(join(d, 'model.yaml')));
    expect(where(result.diagnostics[0])).toBe('2:11');
  });

  it('reads a file of exactly the limit (no off-by-one refusal)', () => {
    const path = join(folder('at-limit'), 'model.yaml');
    const head = `koseizu: 1\n${SYSTEM}`;
    writeFileSync(path, head + '#'.repeat(MAX_FILE_BYTES - Buffer.byteLength(head) - 1) + '\n');
    const result = load(path);
    expect(codes(result)).toEqual([]);
  });
});

describe('binary files', () => {
  const cases: [string, Buffer][] = [
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['invalid UTF-8', Buffer.concat([Buffer.from('koseizu: 1\nx-a: '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\n')])],
    ['NUL bytes in UTF-8 text', Buffer.from('koseizu: 1\nx-a: "a\u0000b"\n', 'utf8')],
    ['Shift_JIS Japanese', Buffer.from([0x6b, 0x6f, 0x73, 0x65, 0x69, 0x7a, 0x75, 0x3a, 0x20, 0x31, 0x0a, 0x78, 0x2d, 0x61, 0x3a, 0x20, 0x83, 0x54, 0x81, 0x5b, 0x83, 0x6f, 0x0a])],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('koseizu: 1\n', 'utf16le')])],
  ];
  for (const [name, bytes] of cases) {
    it(`refuses ${name} with KZ004`, () => {
      const path = join(folder('binary'), 'model.yaml');
      writeFileSync(path, bytes);
      const result = load(path);
      expect(codes(result)).toEqual(['KZ004']);
      expect(result.diagnostics[0]?.range).toMatchObject({ file: slash(path), start: { line: 1, col: 1 } });
    });
  }

  it('refuses a binary include with KZ004 at its include entry', () => {
    const d = folder('binary-include');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude:\n  - ok.yaml\n  - logo.yaml\n${SYSTEM}`);
    writeFileSync(join(d, 'ok.yaml'), 'koseizu: 1\n');
    writeFileSync(join(d, 'logo.yaml'), (cases[0] as [string, Buffer])[1]);
    const result = load(join(d, 'model.yaml'));
    expect(codes(result)).toEqual(['KZ004']);
    expect(where(result.diagnostics[0])).toBe('4:5');
  });
});

describe('text encoding and line ends', () => {
  it('strips a UTF-8 BOM: the example with a BOM on both files loads cleanly', () => {
    const d = folder('bom');
    for (const name of ['model.yaml', 'network.yaml']) {
      writeFileSync(join(d, name), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(EXAMPLE, name))]));
    }
    const result = load(join(d, 'model.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.networks).toHaveLength(5);
  });

  it('a BOM does not shift the columns of line 1', () => {
    const d = folder('bom-col');
    const text = 'koseizu: 2\n';
    writeFileSync(join(d, 'plain.yaml'), text);
    writeFileSync(join(d, 'bom.yaml'), `\uFEFF${text}`);
    const plain = load(join(d, 'plain.yaml'));
    const bom = load(join(d, 'bom.yaml'));
    expect(codes(plain)).toContain('KZ100');
    expect(bom.diagnostics.map((x) => `${x.code}@${where(x)}`)).toEqual(plain.diagnostics.map((x) => `${x.code}@${where(x)}`));
  });

  it('the content hash does not see the BOM', () => {
    const [plain, bom] = [folder('hash-plain'), folder('hash-bom')];
    const text = `koseizu: 1\n${SYSTEM}`;
    writeFileSync(join(plain, 'model.yaml'), text);
    writeFileSync(join(bom, 'model.yaml'), `\uFEFF${text}`);
    const hash = load(join(plain, 'model.yaml')).model?.contentHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(load(join(bom, 'model.yaml')).model?.contentHash).toBe(hash);
  });

  const positions = (r: LoadResult): string[] =>
    r.diagnostics.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.col}-${x.range.end.line}:${x.range.end.col} ${JSON.stringify(x.args)}`);

  for (const fixture of ['several-errors.yaml', 'syntax-error.yaml']) {
    it(`CRLF line ends give the same diagnostics and positions as LF (${fixture})`, () => {
      const d = folder('crlf');
      const lf = readFileSync(join(FIXTURES, fixture), 'utf8').replace(/\r\n/g, '\n');
      writeFileSync(join(d, 'lf.yaml'), lf);
      writeFileSync(join(d, 'crlf.yaml'), lf.replace(/\n/g, '\r\n'));
      const a = load(join(d, 'lf.yaml'));
      const b = load(join(d, 'crlf.yaml'));
      expect(a.diagnostics.length).toBeGreaterThan(0);
      expect(positions(b)).toEqual(positions(a));
    });
  }

  it('the example with CRLF line ends loads cleanly, with the same model apart from the hash', () => {
    const d = folder('crlf-example');
    for (const name of ['model.yaml', 'network.yaml']) {
      writeFileSync(join(d, name), readFileSync(join(EXAMPLE, name), 'utf8').replace(/\r?\n/g, '\r\n'));
    }
    const lf = folder('lf-example');
    for (const name of ['model.yaml', 'network.yaml']) writeFileSync(join(lf, name), readFileSync(join(EXAMPLE, name), 'utf8'));
    const a = load(join(lf, 'model.yaml'));
    const b = load(join(d, 'model.yaml'));
    expect(b.diagnostics).toEqual([]);
    const strip = (r: LoadResult): string =>
      JSON.stringify({ ...r.model, file: '', files: [], contentHash: '' }).replaceAll(slash(d), '').replaceAll(slash(lf), '');
    expect(strip(b)).toBe(strip(a));
  });
});

describe('alias bomb', () => {
  it('nine levels of "billion laughs" are refused with KZ005 at the first alias', () => {
    const d = folder('bomb');
    writeFileSync(join(d, 'model.yaml'), readFileSync(join(FIXTURES, 'alias-bomb.yaml')));
    const result = load(join(d, 'model.yaml'));
    expect(codes(result)).toEqual(['KZ005']);
    expect(where(result.diagnostics[0])).toBe('4:10');
    expect(result.model).toBeUndefined();
  });

  it('a handful of aliases is fine', () => {
    const d = folder('aliases');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\nx-phases: &p [operation]\nsystem: {id: s, title: T, forms: [application], phases: *p}\n`);
    const result = load(join(d, 'model.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.system.phases).toEqual(['operation']);
  });
});

describe('includes and the file system', () => {
  const posix = process.platform !== 'win32';

  it.runIf(posix)('an include that is a symbolic link to a file outside the model folder is refused (KZ010), and not read', () => {
    const outside = join(folder('outside'), 'secret.yaml');
    writeFileSync(outside, 'koseizu: 1\nactors: [{id: spy, label: Spy, org: public}]\n');
    const d = folder('symlink');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude: [net.yaml]\n${SYSTEM}`);
    symlinkSync(outside, join(d, 'net.yaml'));
    const read = vi.mocked(fs.openSync);
    read.mockClear();
    const result = load(join(d, 'model.yaml'));
    expect(codes(result)).toEqual(['KZ010']);
    expect(result.diagnostics[0]?.range.file).toBe(slash(join(d, 'model.yaml')));
    expect(where(result.diagnostics[0])).toBe('2:11');
    expect(read.mock.calls.map(([p]) => String(p))).not.toContain(slash(join(d, 'net.yaml')));
  });

  it.runIf(posix)('an include through a symbolically linked folder pointing outside is refused (KZ010)', () => {
    const outside = folder('outside-dir');
    writeFileSync(join(outside, 'net.yaml'), 'koseizu: 1\n');
    const d = folder('symlink-dir');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude: [shared/net.yaml]\n${SYSTEM}`);
    symlinkSync(outside, join(d, 'shared'));
    expect(codes(load(join(d, 'model.yaml')))).toEqual(['KZ010']);
  });

  it.runIf(posix)('a symbolic link that stays inside the model folder is followed', () => {
    const d = folder('symlink-inside');
    mkdirSync(join(d, 'parts'));
    writeFileSync(join(d, 'parts', 'real.yaml'), 'koseizu: 1\n');
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude: [alias.yaml]\n${SYSTEM}`);
    symlinkSync(join(d, 'parts', 'real.yaml'), join(d, 'alias.yaml'));
    const result = load(join(d, 'model.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.files).toEqual([slash(join(d, 'model.yaml')), slash(join(d, 'alias.yaml'))]);
  });

  it('a directory given as the model is KZ006', () => {
    const d = folder('dir-root');
    const result = load(d);
    expect(codes(result)).toEqual(['KZ006']);
    expect(result.diagnostics[0]?.range).toMatchObject({ file: slash(d), start: { line: 1, col: 1 } });
  });

  it('a directory named as an include is KZ006 at the include entry', () => {
    const d = folder('dir-include');
    mkdirSync(join(d, 'sub.yaml'));
    writeFileSync(join(d, 'model.yaml'), `koseizu: 1\ninclude: [sub.yaml]\n${SYSTEM}`);
    const result = load(join(d, 'model.yaml'));
    expect(codes(result)).toEqual(['KZ006']);
    expect(where(result.diagnostics[0])).toBe('2:11');
  });

  it('a missing file is KZ006; a path through a file (ENOTDIR) too', () => {
    const d = folder('missing');
    writeFileSync(join(d, 'file.yaml'), 'koseizu: 1\n');
    expect(codes(load(join(d, 'nope.yaml')))).toEqual(['KZ006']);
    expect(codes(load(join(d, 'file.yaml', 'model.yaml')))).toEqual(['KZ006']);
  });

  it('the cloud-EHR example copied to a temp folder loads cleanly from an absolute path', () => {
    const d = folder('example');
    for (const name of ['model.yaml', 'network.yaml']) writeFileSync(join(d, name), readFileSync(join(EXAMPLE, name)));
    const result = load(join(d, 'model.yaml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.files).toEqual([slash(join(d, 'model.yaml')), slash(join(d, 'network.yaml'))]);
  });

  // A FIFO (or /dev/zero, a socket...) has no size to check: the host reads it to its end before the length
  // check in parse.ts. With /dev/zero that never ends and memory grows without bound
  // (`koseizu validate /dev/zero`). Here a writer offers 64 MB through a FIFO: a host that stops reading at
  // the limit makes the writer fail with EPIPE before it is done.
  it.runIf(posix)('a stream longer than the limit is not read past the limit', async () => {
    const d = folder('fifo');
    const fifo = join(d, 'model.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    const writer = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      const fd = fs.openSync(process.argv[1], 'w');
      const chunk = Buffer.alloc(1 << 20, 0x23);
      let n = 0;
      try { for (; n < 64; n++) fs.writeSync(fd, chunk); } catch (e) { process.stdout.write('stopped ' + n); process.exit(0); }
      process.stdout.write('all ' + n);
    `, fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '';
    writer.stdout.on('data', (b: Buffer) => { said += b.toString(); });
    const exited = new Promise<void>((resolve) => { writer.on('exit', () => { resolve(); }); });
    const result = load(fifo);
    await Promise.race([exited, new Promise((resolve) => { setTimeout(resolve, 3000); })]);
    writer.kill();
    expect(['KZ003', 'KZ006']).toContain(result.diagnostics[0]?.code);
    expect(said).not.toMatch(/^all/);
  });
});

describe('writeNewFile', () => {
  it('writes a new file and says so', () => {
    const path = join(folder('write'), 'new.yaml');
    expect(writeNewFile(path, 'koseizu: 1\n')).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe('koseizu: 1\n');
  });

  it('never overwrites an existing file: says it exists and leaves it unchanged', () => {
    const path = join(folder('no-overwrite'), 'model.yaml');
    writeFileSync(path, 'precious\n');
    expect(writeNewFile(path, 'koseizu: 1\n')).toBe('exists');
    expect(writeNewFile(path, '')).toBe('exists');
    expect(readFileSync(path, 'utf8')).toBe('precious\n');
  });

  it.runIf(process.platform !== 'win32')('does not write through a symbolic link, even a dangling one', () => {
    const d = folder('no-follow');
    const target = join(d, 'target.yaml');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(d, 'link.yaml'));
    expect(writeNewFile(join(d, 'link.yaml'), 'koseizu: 1\n')).toBe('exists');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    symlinkSync(join(d, 'nowhere.yaml'), join(d, 'dangling.yaml'));
    expect(writeNewFile(join(d, 'dangling.yaml'), 'koseizu: 1\n')).toBe('exists');
    expect(fs.existsSync(join(d, 'nowhere.yaml'))).toBe(false);
  });

  it('reports the error (rather than throwing) when the folder does not exist', () => {
    const path = join(dir, 'no', 'such', 'folder', 'x.yaml');
    expect(writeNewFile(path, 'x')).toEqual({ error: 'ENOENT' });
    expect(fs.existsSync(path)).toBe(false);
  });
});

describe('elkjs with a code cache (test/elk-cache.test.ts runs the CLI with it)', () => {
  const tiny = { id: 'r', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] };
  type Elk = new () => { layout(graph: unknown): Promise<{ children?: { x?: number }[] }> };

  it('loads a working ELK with the cache off, and one that saves a cache after its first layout', async () => {
    const ELK = loadElkWithCodeCache<Elk>({ KOSEIZU_CACHE_DIR: '' });
    const laid = await new ELK().layout(tiny);
    expect(laid.children?.map((c) => typeof c.x)).toEqual(['number', 'number']);
  });

  it('ignores a cache V8 refuses (another Node version, a damaged file) and compiles elk as usual', async () => {
    // (V8 reports the refusal only when the source is not already compiled in this process, so the test
    // checks what matters: elk still works.)
    const ELK = runElkScript<Elk>(elkScript(Buffer.from('not a V8 code cache')));
    expect((await new ELK().layout(tiny)).children).toHaveLength(2);
  });
});
