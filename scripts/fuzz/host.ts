// The in-memory SourceHost a fuzz case is read through, so a mutated include is read as its model would
// read it. Two kinds, as koseizu is used:
//   'disk'     the files are bytes, decoded as src/io/disk.ts decodes them (size limit, strict UTF-8, NUL
//              refused, one byte order mark dropped): what the CLI sees;
//   'library'  the files are strings handed over as they are (NUL, lone surrogates and all): what a
//              program calling the library with its own host may pass.
// It keeps the text each read returned, so a diagnostic's position can be checked against that text.
import { posix } from 'node:path';
import { MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from '../../src/load/files.js';
import { MAX_FILE_BYTES } from '../../src/load/parse.js';

export type HostKind = 'disk' | 'library';
export type Content = string | Uint8Array;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of bytes as the disk host reads them, or why it refuses them. */
export function decodeAsDisk(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', size: bytes.length };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'binary' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

const outside = (path: string, within: string | null): boolean => {
  if (within === null) return false;
  const rel = posix.relative(posix.normalize(within), posix.normalize(path));
  return rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel);
};

export interface FuzzHost extends SourceHost {
  /** The text each successful read returned, by path (what diagnostics' positions refer to). */
  readonly texts: ReadonlyMap<string, string>;
}

export function fuzzHost(files: Readonly<Record<string, Content>>, kind: HostKind): FuzzHost {
  const texts = new Map<string, string>();
  const encoder = new TextEncoder();
  return {
    texts,
    read(path: string, within: string | null): ReadResult {
      if (outside(path, within)) return { ok: false, reason: 'outside' };
      if (!Object.hasOwn(files, path)) return { ok: false, reason: 'not-found', detail: 'not-found' };
      const content = files[path] as Content;
      const result: ReadResult = kind === 'library'
        ? { ok: true, text: typeof content === 'string' ? content : new TextDecoder().decode(content) }
        : decodeAsDisk(typeof content === 'string' ? encoder.encode(content) : content);
      if (result.ok) texts.set(path, result.text);
      return result;
    },
    list(dir: string, within: string | null): ListResult {
      if (Object.hasOwn(files, dir)) return { ok: false, reason: 'not-a-folder' };
      const prefix = dir === '.' ? '' : `${dir.replace(/\/+$/, '')}/`;
      const inside = Object.keys(files).filter((p) => p.startsWith(prefix));
      if (inside.length === 0) return { ok: false, reason: 'not-found', detail: 'not-found' };
      if (outside(dir, within)) return { ok: false, reason: 'outside' };
      const names = [...new Set(inside.map((p) => p.slice(prefix.length)).filter((rest) => !rest.includes('/')))];
      if (names.length > MAX_LISTED_ENTRIES) return { ok: false, reason: 'too-many', detail: 'too-many' };
      return { ok: true, files: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
    },
  };
}
