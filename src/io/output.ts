// Outputs written so that they cannot destroy what koseizu read or what the user keeps: never over an
// input (the model, an include, a rule file: compared by the file's identity, through symbolic links and
// hard links, not by how its path is spelt), never over anything but a regular file, whole or not at all
// (a temporary file beside it, renamed over it), and a report folder as one set (written aside, then moved
// in; a folder holding files koseizu did not write is refused unless forced).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { SourceHost } from '../load/files.js';

/** What a path is, when it is not a regular file koseizu may replace. */
export type NotAFile = 'directory' | 'symlink' | 'fifo' | 'device' | 'socket' | 'other';

export type TargetProblem =
  /** The path is one of the files koseizu read for this run. */
  | { readonly kind: 'input'; readonly path: string; readonly input: string }
  | { readonly kind: 'not-a-file'; readonly path: string; readonly what: NotAFile }
  | { readonly kind: 'error'; readonly path: string; readonly code: string };

export type FolderProblem =
  | TargetProblem
  /** The folder holds files koseizu did not write there (or that were changed since): their names. */
  | { readonly kind: 'foreign'; readonly path: string; readonly names: readonly string[] };

/** A source host that records every file and folder it is asked to read: the inputs a run must never write over. */
export function recordingHost(host: SourceHost): { readonly host: SourceHost; readonly inputs: () => readonly string[] } {
  const seen = new Set<string>();
  const recorded: SourceHost = {
    read(path, within) {
      seen.add(path);
      return host.read(path, within);
    },
    ...(host.list ? {
      list(dir: string, within: string | null) {
        const listed = (host.list as NonNullable<SourceHost['list']>)(dir, within);
        if (listed.ok) for (const f of listed.files) seen.add(join(dir, f));
        return listed;
      },
    } : {}),
  };
  return { host: recorded, inputs: () => [...seen] };
}

function whatIs(stat: Stats): NotAFile | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'directory';
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  return 'other';
}

/** A file's identity (device and inode, symbolic links followed), or null when there is none to be had. */
function identity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * Why `path` may not be written, or null when it may: absent, or a regular file that is none of the
 * inputs. A symbolic link is refused as it is (writing would replace the link, not its target).
 */
export function targetProblem(path: string, inputs: readonly string[]): TargetProblem | null {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? null : { kind: 'error', path, code };
  }
  const what = whatIs(stat);
  if (what !== null) return { kind: 'not-a-file', path, what };
  const id = `${stat.dev}:${stat.ino}`;
  const input = inputs.find((f) => identity(f) === id);
  return input === undefined ? null : { kind: 'input', path, input };
}

const TEMP = /^\.(.+)\.koseizu-(\d+)-[0-9a-f]{8}\.(tmp|set|old)$/;

/** A temporary name beside `path`, hidden, naming this process so that a later run can tell a leftover. */
function tempBeside(path: string, kind: 'tmp' | 'set' | 'old'): string {
  return join(dirname(path), `.${basename(path)}.koseizu-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what a run that was killed left beside `path` (its temporary files and folders), never another live run's. */
function removeLeftovers(path: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && m[1] === basename(path) && Number(m[2]) !== process.pid && !alive(Number(m[2]))) rmSync(join(dirname(path), name), { recursive: true, force: true });
  }
}

/** Writes bytes to a new file and flushes them to the disk before it is renamed into place. */
/** Characters of a text encoded and written at a time: a report of hundreds of MB is never copied whole into bytes. */
const CHUNK_CHARS = 1 << 20;

/** Writes all of `bytes` (writeSync may write less than it is given). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A text in slices of at most CHUNK_CHARS, never cutting a surrogate pair: their UTF-8 bytes are the text's. */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

function writeText(fd: number, text: string): void {
  for (const slice of slices(text)) writeAll(fd, Buffer.from(slice, 'utf8'));
}

function writeNew(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    if (typeof data === 'string') writeText(fd, data);
    else writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes an output file whole or not at all: refused over an input or anything but a regular file; else
 * written to a hidden temporary file beside it, then renamed over it. Creates its folder. Throws the
 * system's error when the disk refuses (the temporary file is removed).
 */
export function writeOutputFile(path: string, data: string | Uint8Array, inputs: readonly string[]): TargetProblem | null {
  const problem = targetProblem(path, inputs);
  if (problem) return problem;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  removeLeftovers(path);
  const temp = tempBeside(path, 'tmp');
  try {
    writeNew(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return null;
}

/** The list of what koseizu wrote into a report folder, and each file's hash: how it knows its own files next time. */
export const MANIFEST = '.koseizu-report.json';

/** The SHA-256 of a text's UTF-8 bytes or of bytes, the text hashed in slices (as it is written). */
function sha256(data: string | Uint8Array): string {
  const hash = createHash('sha256');
  if (typeof data !== 'string') return hash.update(data).digest('hex');
  for (const slice of slices(data)) hash.update(slice, 'utf8');
  return hash.digest('hex');
}

/** The SHA-256 of a file, read a slice at a time. */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function manifestOf(files: readonly { readonly name: string; readonly data: string | Uint8Array }[]): string {
  const entries = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => [f.name, sha256(f.data)]);
  return `${JSON.stringify({ koseizu: 1, files: Object.fromEntries(entries) }, null, 2)}\n`;
}

/** The names in a folder that koseizu did not write there, or that changed since it did: by its manifest. */
function foreignFiles(dir: string): string[] {
  let own: Record<string, string> = {};
  try {
    const parsed = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    if (parsed.files && typeof parsed.files === 'object') own = parsed.files as Record<string, string>;
  } catch {
    own = {};
  }
  const foreign: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === MANIFEST) continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    const hash = own[name];
    if (!stat.isFile() || typeof hash !== 'string' || fileSha256(path) !== hash) foreign.push(name);
  }
  return foreign;
}

/**
 * Writes a report's files into `dir` as one set. A new folder: written aside and renamed into place. A
 * folder that holds only what koseizu wrote there before (its manifest says so, and nothing changed): the
 * new set moved in, the old one moved out and removed, so a reader never sees old and new files mixed. A
 * folder holding anything else is refused, naming the files, unless `force`: then each file is replaced on
 * its own, whole, and the others are left as they are. Never writes over an input.
 */
export function writeReportFolder(
  dir: string,
  files: readonly { readonly name: string; readonly data: string | Uint8Array }[],
  inputs: readonly string[],
  options: { readonly force?: boolean } = {},
): FolderProblem | null {
  let existing: Stats | null = null;
  try {
    existing = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'ENOENT') return { kind: 'error', path: dir, code };
  }
  if (existing && !existing.isDirectory()) return { kind: 'not-a-file', path: dir, what: whatIs(existing) ?? 'other' };
  // A folder reached through a symbolic link is written where it really is; the link stays.
  const target = existing ? realpathSync(dir) : resolve(dir);
  for (const f of files) {
    const problem = targetProblem(join(target, f.name), inputs);
    if (problem) return problem;
  }
  const foreign = existing ? foreignFiles(target) : [];
  if (foreign.length > 0 && !options.force) return { kind: 'foreign', path: dir, names: foreign };
  mkdirSync(dirname(target), { recursive: true });
  removeLeftovers(target);
  const all = [...files, { name: MANIFEST, data: manifestOf(files) }];
  // The working folder (or one holding it) is never moved away from under the user: file by file there too.
  const cwd = process.cwd();
  const holdsCwd = existing !== null && (cwd === target || cwd.startsWith(`${target}${sep}`));
  if (foreign.length > 0 || holdsCwd) {
    // Forced into a folder of the user's: file by file, each whole, the manifest last.
    for (const f of all) {
      const problem = writeOutputFile(join(target, f.name), f.data, inputs);
      if (problem) return problem;
    }
    return null;
  }
  const staged = tempBeside(target, 'set');
  try {
    mkdirSync(staged);
    for (const f of all) writeNew(join(staged, f.name), f.data);
    if (!existing) {
      renameSync(staged, target);
      return null;
    }
    const old = tempBeside(target, 'old');
    renameSync(target, old);
    try {
      renameSync(staged, target);
    } catch (error) {
      renameSync(old, target);
      throw error;
    }
    rmSync(old, { recursive: true, force: true });
    return null;
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}
