// An in-memory SourceHost, so tests exercise the pure pipeline without touching the disk.
// Folders are implied by the paths: "rules/a.yaml" makes a folder "rules" that lists "a.yaml".
// Like the disk host, it refuses a path outside `within` (here by its text: a map has no symbolic links).
import { posix } from 'node:path';
import { MAX_LISTED_ENTRIES, type ListResult, type ReadResult, type SourceHost } from '../../src/load/files.js';

const outside = (path: string, within: string | null): boolean => {
  if (within === null) return false;
  const rel = posix.relative(posix.normalize(within), posix.normalize(path));
  return rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel);
};

export function memoryHost(files: Readonly<Record<string, string>>): SourceHost {
  return {
    read(path: string, within: string | null): ReadResult {
      if (outside(path, within)) return { ok: false, reason: 'outside' };
      const text = files[path];
      return text === undefined ? { ok: false, reason: 'not-found', detail: 'not-found' } : { ok: true, text };
    },
    list(dir: string, within: string | null): ListResult {
      if (files[dir] !== undefined) return { ok: false, reason: 'not-a-folder' };
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
