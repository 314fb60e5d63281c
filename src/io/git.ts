// Model files as they are at a git revision, for `koseizu diff --base <ref>`: a SourceHost that reads
// through git itself.
import { spawnSync } from 'node:child_process';
import { isAbsolute, posix, relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from '../load/files.js';
import { MAX_FILE_BYTES } from '../load/parse.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

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

