// The one module besides the CLI that touches the file system.
import { closeSync, existsSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadResult, SourceHost } from './load.js';
import { MAX_FILE_BYTES } from './parse.js';

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
      bytes = readFileSync(path);
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error' };
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, reason: 'binary' };
    }
    if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  },
};

/** Writes a new file; never replaces an existing one. Returns false when the file exists. */
export function writeNewFile(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The JSON Schema file shipped with koseizu (beside src/ in the repo, two levels up from dist/src/). */
export function schemaFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '..', 'models', 'koseizu.schema.json'), resolve(here, '..', '..', 'models', 'koseizu.schema.json')];
  return candidates.find((c) => existsSync(c)) ?? (candidates[1] as string);
}
