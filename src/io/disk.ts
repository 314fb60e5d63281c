// The disk: model and rule files read from it (diskHost, bounded, refusing what is not a regular file of
// UTF-8 text), and new files written (init); outputs are written by ./output.ts. With the CLI, the one
// part of koseizu that touches files.
import { closeSync, constants, fstatSync, mkdtempSync, opendirSync, openSync, readSync, realpathSync, rmSync, statSync, writeFileSync, writeSync, type Dir } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { decodeModelBytes, MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from '../load/files.js';
import { MAX_FILE_BYTES } from '../load/parse.js';

/** Reads model files from disk: refuses large files before reading them and anything that is not UTF-8 text. */
export const diskHost: SourceHost = {
  read(path: string, within: string | null): ReadResult {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) return { ok: false, reason: 'unreadable', detail: 'directory' };
      // A named pipe would block the read until someone writes to it, a device may never end: refused at once.
      if (!stat.isFile()) return { ok: false, reason: 'unreadable', detail: 'not-a-file' };
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
      const inside = isInside(path, within);
      if (inside !== true) return inside;
    }
    let bytes: Buffer;
    try {
      bytes = readAtMost(path, MAX_FILE_BYTES + 1);
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error' };
    }
    // A file that grew since it was measured: the read itself stops one byte past the limit.
    return decodeModelBytes(bytes);
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

/**
 * Reads up to `limit` bytes, whatever the file claims its size is. Opened without blocking and checked
 * again once open, so a file swapped for a named pipe after the first look is refused, not waited on.
 */
function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not-a-file' });
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
