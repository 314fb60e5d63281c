// A SourceHost over files held in memory, for tests, the fuzzer and programs that keep models elsewhere.
// Folders are implied by the paths: "rules/a.yaml" makes a folder "rules" that lists "a.yaml". Like the
// disk host, it refuses a path outside `within` (here by its text: a map has no symbolic links). Each
// file's content is turned into text by `read` (as is, by default; decodeModelBytes reads bytes as the
// disk host does).
import { posix } from 'node:path';
import { MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from './files.js';

const outside = (path: string, within: string | null): boolean => {
  if (within === null) return false;
  const rel = posix.relative(posix.normalize(within), posix.normalize(path));
  return rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel);
};

export function memoryHost<C = string>(
  files: Readonly<Record<string, C>>,
  read: (content: C) => ReadResult = (content) => ({ ok: true, text: String(content) }),
): SourceHost {
  return {
    read(path: string, within: string | null): ReadResult {
      if (outside(path, within)) return { ok: false, reason: 'outside' };
      return Object.hasOwn(files, path) ? read(files[path] as C) : { ok: false, reason: 'not-found', detail: 'not-found' };
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
