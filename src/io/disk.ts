// The one module besides the CLI that touches the file system.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, opendirSync, openSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Dir } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from '../load/files.js';
import { MAX_FILE_BYTES } from '../load/parse.js';
import type { Lang } from '../../models/vocabulary.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads model files from disk: refuses large files before reading them and anything that is not UTF-8 text. */
export const diskHost: SourceHost = {
  read(path: string, within: string | null): ReadResult {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) return { ok: false, reason: 'unreadable', detail: 'directory' };
      size = stat.size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? { ok: false, reason: 'not-found', detail: 'not-found' }
        : { ok: false, reason: 'unreadable', detail: code ?? 'error' };
    }
    if (size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', size };
    if (within !== null) {
      // An include may not reach outside the model's folder through a symbolic link either.
      try {
        const inside = relative(realpathSync(within), realpathSync(path));
        if (inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside) return { ok: false, reason: 'outside' };
      } catch {
        return { ok: false, reason: 'unreadable', detail: 'unresolvable' };
      }
    }
    let bytes: Buffer;
    try {
      bytes = readAtMost(path, MAX_FILE_BYTES + 1);
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error' };
    }
    // A pipe or device reports no size: the read itself stops one byte past the limit.
    if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', size: bytes.length };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, reason: 'binary' };
    }
    if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  },

  /** Lists a folder for rule files: bounded, and refusing a folder outside `within` as `read` does. */
  list(dir: string, within: string | null): ListResult {
    try {
      if (!statSync(dir).isDirectory()) return { ok: false, reason: 'not-a-folder' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? { ok: false, reason: 'not-found', detail: 'not-found' }
        : { ok: false, reason: 'unreadable', detail: code ?? 'error' };
    }
    if (within !== null) {
      const inside = isInside(dir, within);
      if (inside !== true) return inside;
    }
    // Read entry by entry, so a folder of a million files costs no more than MAX_LISTED_ENTRIES of them.
    let handle: Dir | undefined;
    const files: string[] = [];
    try {
      handle = opendirSync(dir);
      let seen = 0;
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
        if (++seen > MAX_LISTED_ENTRIES) return { ok: false, reason: 'too-many', detail: 'too-many' };
        if (entry.isFile()) files.push(entry.name);
        else if (entry.isSymbolicLink() && isFile(join(dir, entry.name))) files.push(entry.name);
      }
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error' };
    } finally {
      handle?.closeSync();
    }
    return { ok: true, files: files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  },
};

/** Whether `path` lies inside `within` once symbolic links are followed (as `read` checks), else why not. */
function isInside(path: string, within: string): true | { readonly ok: false; readonly reason: 'outside' | 'unreadable'; readonly detail?: string } {
  try {
    const inside = relative(realpathSync(within), realpathSync(path));
    return inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside ? { ok: false, reason: 'outside' } : true;
  } catch {
    return { ok: false, reason: 'unreadable', detail: 'unresolvable' };
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads up to `limit` bytes, whatever the file claims its size is. */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

export type WriteResult = 'written' | 'exists' | { readonly error: string };

/** Writes a new file; never replaces an existing one. */
export function writeNewFile(path: string, text: string): WriteResult {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'EEXIST' ? 'exists' : { error: code };
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return 'written';
}

/**
 * koseizu's own folder: the nearest one above this module holding koseizu's package.json. The module runs
 * from dist/koseizu.mjs (the CLI's bundle) or from dist/src/io/ (the library), in the repository or installed.
 */
function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown }).name === 'koseizu') return dir;
      } catch {
        // not ours: keep looking above
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** koseizu's version, from its package.json (read only when asked for). */
export function packageVersion(): string {
  const root = packageRoot();
  return root === null ? 'unknown' : (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The JSON Schema file shipped with koseizu (models/koseizu.schema.json in its folder). */
export function schemaFile(): string {
  return join(packageRoot() ?? process.cwd(), 'models', 'koseizu.schema.json');
}

const requireHere = createRequire(import.meta.url);

/** The bundled Noto Sans JP files (regular and bold), from the npm package. */
export function diagramFontFiles(): { readonly regular: string; readonly bold: string } {
  return {
    regular: requireHere.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  };
}

export function readDiagramFonts(): { readonly regular: Uint8Array; readonly bold: Uint8Array } {
  const files = diagramFontFiles();
  return { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
}

/** Runs `use` with the given files written to a fresh temporary folder, which is removed afterwards. */
export async function withTempFiles<T>(files: Readonly<Record<string, Uint8Array>>, use: (paths: Readonly<Record<string, string>>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-'));
  try {
    const paths: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(files)) {
      paths[name] = join(dir, name);
      writeFileSync(paths[name], bytes);
    }
    return await use(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes an output file whole or not at all: to a temporary name beside it, then renamed over it. Creates its folder. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temp = `${path}.koseizu-${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

// ---- elkjs with a V8 code cache ----
// elk.bundled.js is 7 MB of generated JavaScript: compiling it costs ~90 ms and its first layout another
// ~80 ms of lazy compilation on every run. `npm run build` runs one layout and saves V8's code cache for it
// (dist/elk.code-cache, scripts/elk-cache.mjs); this loader compiles elk with that cache. When the cache is
// missing or V8 refuses it (another Node version), elk compiles as usual: slower, never wrong.

export const ELK_CODE_CACHE = 'elk.code-cache';

/** The elkjs script as koseizu compiles it: the same text and file name at build time and at run time. */
export function elkScript(cachedData?: Buffer): Script {
  const path = requireHere.resolve('elkjs/lib/elk.bundled.js');
  const source = readFileSync(path, 'utf8');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
}

/** Runs the elkjs script as a CommonJS module and returns its ELK constructor. */
export function runElkScript<T>(script: Script): T {
  const path = requireHere.resolve('elkjs/lib/elk.bundled.js');
  const module = { exports: {} as { default?: T } };
  (script.runInThisContext() as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void)(module.exports, requireHere, module, path, dirname(path));
  return (module.exports.default ?? module.exports) as T;
}

/** The ELK constructor, compiled with the build's code cache when there is one. */
export function loadElkWithCodeCache<T>(): T {
  const root = packageRoot();
  const cacheFile = root === null ? undefined : [join(root, 'dist', ELK_CODE_CACHE)].find((c) => existsSync(c));
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  return runElkScript<T>(elkScript(cachedData));
}

// ---- Model files as they are at a git revision (`koseizu diff --base <ref>`) ----
// Each look-up runs git itself: spawnSync with the arguments as an array (no shell), output bounded by
// maxBuffer, messages in English (LC_ALL=C) and pathspecs taken literally. Paths given to `read` and `list`
// are relative to the working directory (or absolute), as for diskHost, and are turned into paths inside
// the repository, so koseizu works from a sub-folder. The ref is resolved to a commit once: every read sees
// one tree. Symbolic links at the ref are blobs of mode 120000 holding their target: they are followed
// (up to GIT_SYMLINK_HOPS) while the target stays inside the repository and, for an include, inside the
// root model's folder, as diskHost does on disk; a link pointing elsewhere is refused as 'outside'. A link
// to a folder in the middle of a path is not followed (git's tree has no such path): that file is not found.

/** Why the files at a ref cannot be read at all; gitErrorText puts it into words (ja, en). */
export type GitError =
  | { readonly code: 'git-missing' }
  | { readonly code: 'not-a-repository'; readonly dir: string }
  | { readonly code: 'unknown-ref'; readonly ref: string; readonly shallow: boolean }
  | { readonly code: 'missing-file'; readonly ref: string; readonly path: string }
  | { readonly code: 'git-failed'; readonly detail: string };

export interface GitHost extends SourceHost {
  /** The ref as given, and the commit it named when the host was made. */
  readonly ref: string;
  readonly commit: string;
  list(dir: string, within: string | null): ListResult;
}

export interface GitHostOptions {
  /** The working directory paths are relative to (default: the process's). */
  readonly cwd?: string;
  /** The root model: when given, a model absent at the ref is the 'missing-file' error, not a KZ006 diagnostic later. */
  readonly model?: string;
}

const GIT_SYMLINK_HOPS = 8;
/** Bound on `git ls-tree` of one folder: MAX_LISTED_ENTRIES entries with long names; more is 'too-many'. */
const GIT_LIST_BYTES = MAX_LISTED_ENTRIES * 4200;

type GitRun =
  | { readonly ok: true; readonly stdout: Buffer }
  | { readonly ok: false; readonly kind: 'missing' | 'too-large' | 'failed'; readonly detail: string };

function runGit(cwd: string, args: readonly string[], maxBuffer = 1 << 20): GitRun {
  const result = spawnSync('git', args, {
    cwd,
    maxBuffer,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_LITERAL_PATHSPECS: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', detail: 'git not found' };
    if (code === 'ENOBUFS') return { ok: false, kind: 'too-large', detail: 'output too large' };
    return { ok: false, kind: 'failed', detail: code ?? result.error.message };
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString('utf8').trim();
    return { ok: false, kind: 'failed', detail: stderr.split('\n')[0] ?? `exit ${result.status ?? result.signal ?? '?'}` };
  }
  return { ok: true, stdout: result.stdout };
}

/** One entry of a git tree: mode 100644/100755 file, 120000 symbolic link, 040000 folder, 160000 submodule. */
interface TreeEntry { readonly mode: string; readonly type: string; readonly oid: string; readonly size: number | null }

/** Parses `git ls-tree -l -z` output: `<mode> <type> <oid> <size>\t<name>` records ended by NUL. */
function treeEntries(stdout: Buffer): Array<TreeEntry & { readonly name: string }> {
  const entries: Array<TreeEntry & { readonly name: string }> = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]*)$/.exec(record);
    if (m) entries.push({ mode: m[1] as string, type: m[2] as string, oid: m[3] as string, size: m[4] === '-' ? null : Number(m[4]), name: m[5] as string });
  }
  return entries;
}

/** Whether repository path `path` is `dir` or lies under it ('' is the repository's top). */
function underRepoDir(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

type Resolved = { readonly path: string; readonly entry: TreeEntry } | { readonly ok: false; readonly reason: 'not-found' | 'outside' | 'unreadable'; readonly detail?: string };

/**
 * A host reading the files as they are at `ref` (a branch, tag, commit, `origin/main`, `HEAD~1`), or why
 * it cannot: git not installed, not in a repository, no such ref, the model absent at the ref.
 */
export function gitHost(ref: string, options: GitHostOptions = {}): { readonly host: GitHost } | { readonly error: GitError } {
  const cwd = resolve(options.cwd ?? process.cwd());
  try {
    if (!statSync(cwd).isDirectory()) return { error: { code: 'not-a-repository', dir: cwd } };
  } catch {
    return { error: { code: 'not-a-repository', dir: cwd } };
  }
  const where = runGit(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (!where.ok) {
    if (where.kind === 'missing') return { error: { code: 'git-missing' } };
    if (/not a git repository/i.test(where.detail)) return { error: { code: 'not-a-repository', dir: cwd } };
    return { error: { code: 'git-failed', detail: where.detail } };
  }
  const [top = '', prefix = ''] = where.stdout.toString('utf8').split('\n');
  if (top === '') return { error: { code: 'not-a-repository', dir: cwd } }; // inside .git, or a bare repository
  // A ref starting with "-" would be read as an option; git refuses such branch names anyway.
  const resolved = ref === '' || ref.startsWith('-') ? undefined : runGit(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!resolved?.ok) {
    if (resolved && resolved.kind === 'missing') return { error: { code: 'git-missing' } };
    const shallow = runGit(top, ['rev-parse', '--is-shallow-repository']);
    return { error: { code: 'unknown-ref', ref, shallow: shallow.ok && shallow.stdout.toString('utf8').trim() === 'true' } };
  }
  const commit = resolved.stdout.toString('utf8').trim();

  /** The path inside the repository ('' for its top), or null outside it. */
  const inRepo = (path: string): string | null => {
    const fromCwd = (isAbsolute(path) ? relative(cwd, path) : path).replace(/\\/g, '/');
    if (posix.isAbsolute(fromCwd) || /^[a-zA-Z]:/.test(fromCwd)) return null; // another drive
    const normal = posix.normalize(`${prefix}${fromCwd}`).replace(/\/+$/, '');
    if (normal === '..' || normal.startsWith('../')) return null;
    return normal === '.' ? '' : normal;
  };

  const entryAt = (path: string): TreeEntry | null | { readonly failed: string } => {
    if (path === '') return { mode: '040000', type: 'tree', oid: `${commit}^{tree}`, size: null };
    const listed = runGit(top, ['ls-tree', '-l', '-z', commit, '--', path]);
    if (!listed.ok) return { failed: listed.detail };
    return treeEntries(listed.stdout).find((e) => e.name === path) ?? null;
  };

  /** Follows symbolic links at the ref while they stay inside the repository and `within` (a repository path). */
  const resolveAt = (path: string, within: string | null): Resolved => {
    let current = path;
    for (let hops = 0; ; hops++) {
      if (within !== null && !underRepoDir(current, within)) return { ok: false, reason: 'outside' };
      const entry = entryAt(current);
      if (entry === null) return { ok: false, reason: 'not-found', detail: 'not-found' };
      if ('failed' in entry) return { ok: false, reason: 'unreadable', detail: entry.failed };
      if (entry.mode !== '120000') return { path: current, entry };
      if (hops >= GIT_SYMLINK_HOPS) return { ok: false, reason: 'unreadable', detail: 'symbolic-link-loop' };
      const link = runGit(top, ['cat-file', 'blob', entry.oid], 4096);
      if (!link.ok) return { ok: false, reason: 'unreadable', detail: link.detail };
      const target = link.stdout.toString('utf8');
      if (posix.isAbsolute(target) || /^[a-zA-Z]:/.test(target)) return { ok: false, reason: 'outside' };
      const next = posix.normalize(posix.join(posix.dirname(current), target)).replace(/\/+$/, '');
      if (next === '..' || next.startsWith('../')) return { ok: false, reason: 'outside' };
      current = next === '.' ? '' : next;
    }
  };

  const withinRepo = (within: string | null): string | null | undefined => (within === null ? null : inRepo(within) ?? undefined);

  const host: GitHost = {
    ref,
    commit,
    read(path: string, within: string | null): ReadResult {
      const inside = withinRepo(within);
      if (inside === undefined) return { ok: false, reason: 'outside' };
      const at = inRepo(path);
      if (at === null) return inside === null ? { ok: false, reason: 'not-found', detail: 'not-in-repository' } : { ok: false, reason: 'outside' };
      const found = resolveAt(at, inside);
      if (!('entry' in found)) return found;
      const { entry } = found;
      if (entry.type === 'tree') return { ok: false, reason: 'unreadable', detail: 'directory' };
      if (entry.type !== 'blob') return { ok: false, reason: 'unreadable', detail: entry.type };
      if (entry.size !== null && entry.size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', size: entry.size };
      const blob = runGit(top, ['cat-file', 'blob', entry.oid], MAX_FILE_BYTES + 1);
      if (!blob.ok) {
        return blob.kind === 'too-large'
          ? { ok: false, reason: 'too-large', size: entry.size ?? MAX_FILE_BYTES + 1 }
          : { ok: false, reason: 'unreadable', detail: blob.detail };
      }
      if (blob.stdout.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', size: blob.stdout.length };
      let text: string;
      try {
        text = decoder.decode(blob.stdout);
      } catch {
        return { ok: false, reason: 'binary' };
      }
      if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
      return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
    },

    list(dir: string, within: string | null): ListResult {
      const inside = withinRepo(within);
      if (inside === undefined) return { ok: false, reason: 'outside' };
      const at = inRepo(dir);
      if (at === null) return inside === null ? { ok: false, reason: 'not-found', detail: 'not-in-repository' } : { ok: false, reason: 'outside' };
      const found = resolveAt(at, inside);
      if (!('entry' in found)) return found;
      if (found.entry.type !== 'tree') return { ok: false, reason: 'not-a-folder' };
      const listed = runGit(top, ['ls-tree', '-l', '-z', found.entry.oid], GIT_LIST_BYTES);
      if (!listed.ok) return listed.kind === 'too-large' ? { ok: false, reason: 'too-many', detail: 'too-many' } : { ok: false, reason: 'unreadable', detail: listed.detail };
      const entries = treeEntries(listed.stdout);
      if (entries.length > MAX_LISTED_ENTRIES) return { ok: false, reason: 'too-many', detail: 'too-many' };
      const files = entries.filter((e) => {
        if (e.type === 'blob' && e.mode !== '120000') return true;
        if (e.mode !== '120000') return false;
        const target = resolveAt(found.path === '' ? e.name : `${found.path}/${e.name}`, inside);
        return 'entry' in target && target.entry.type === 'blob';
      }).map((e) => e.name);
      return { ok: true, files: files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
    },
  };

  if (options.model !== undefined) {
    const at = inRepo(options.model);
    const found = at === null ? undefined : resolveAt(at, null);
    if (found === undefined || (!('entry' in found) && found.reason === 'not-found')) {
      return { error: { code: 'missing-file', ref, path: options.model } };
    }
  }
  return { host };
}

/** Whether `ref` names a commit in the repository at `cwd` (false when git or the repository is missing). */
export function gitRefExists(ref: string, cwd?: string): boolean {
  if (ref === '' || ref.startsWith('-')) return false;
  return runGit(resolve(cwd ?? process.cwd()), ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok;
}

// The words for GitError, for the CLI to print as it prints its other messages: a line saying what is wrong,
// then a hint line. They sit here, beside the errors they describe, until the CLI's message tables take them.
const GIT_TEXT = {
  ja: {
    'git-missing': () => 'git が見つかりません（--base で旧版を読むには git が必要です）\nヒント: git をインストールし、PATH に含めてください\n',
    'not-a-repository': (e: { dir: string }) => `${e.dir}: git リポジトリの中ではありません\nヒント: --base はモデルを管理している git リポジトリの中で実行してください\n`,
    'unknown-ref': (e: { ref: string; shallow: boolean }) => `${e.ref}: そのようなコミット・ブランチ・タグはありません${e.shallow ? '（浅いクローンのため履歴がありません）' : ''}\n`
      + `ヒント: ${fetchHint(e.ref)} で取得してください。GitHub Actions では actions/checkout に fetch-depth: 0 を指定してください\n`,
    'missing-file': (e: { ref: string; path: string }) => `${e.path}: ${e.ref} の時点ではこのファイルはありません\n`
      + 'ヒント: この変更で追加したモデルなら比べる旧版がありません（空のモデルとの差分は出せません）。移動・改名したなら、旧版のパスを指定してください\n',
    'git-failed': (e: { detail: string }) => `git が失敗しました: ${e.detail}\nヒント: 同じフォルダで git status を実行して確かめてください（CI のコンテナでは git config --global --add safe.directory "$PWD" が必要なことがあります）\n`,
  },
  en: {
    'git-missing': () => 'git was not found (--base needs it to read the old version)\nhint: install git and make sure it is on PATH\n',
    'not-a-repository': (e: { dir: string }) => `${e.dir}: not inside a git repository\nhint: run --base inside the git repository that holds the model\n`,
    'unknown-ref': (e: { ref: string; shallow: boolean }) => `${e.ref}: no such commit, branch or tag${e.shallow ? ' (this is a shallow clone, without history)' : ''}\n`
      + `hint: fetch it with ${fetchHint(e.ref)}; on GitHub Actions give actions/checkout fetch-depth: 0\n`,
    'missing-file': (e: { ref: string; path: string }) => `${e.path}: this file does not exist at ${e.ref}\n`
      + 'hint: if the model was added in this change, there is no old version to compare with (a diff against an empty model is not possible); if it was moved or renamed, give its old path\n',
    'git-failed': (e: { detail: string }) => `git failed: ${e.detail}\nhint: run git status in the same folder to see why (in a CI container, git config --global --add safe.directory "$PWD" may be needed)\n`,
  },
} as const satisfies Record<Lang, Record<GitError['code'], (e: never) => string>>;

/** `git fetch` for a ref: `origin/main` -> `git fetch --depth=1 origin main`. */
function fetchHint(ref: string): string {
  const remote = /^(?:refs\/remotes\/)?([\w.-]+)\/(.+)$/.exec(ref);
  return remote && remote[1] === 'origin' ? `git fetch --depth=1 origin ${remote[2] as string}` : `git fetch origin ${ref}`;
}

/** A GitError in words: the problem, then a hint line; ends with a newline. */
export function gitErrorText(error: GitError, lang: Lang): string {
  const t = GIT_TEXT[lang];
  switch (error.code) {
    case 'git-missing': return t['git-missing']();
    case 'not-a-repository': return t['not-a-repository'](error);
    case 'unknown-ref': return t['unknown-ref'](error);
    case 'missing-file': return t['missing-file'](error);
    case 'git-failed': return t['git-failed'](error);
  }
}
