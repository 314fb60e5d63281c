// An in-memory SourceHost, so tests exercise the pure pipeline without touching the disk.
import type { ReadResult, SourceHost } from '../../src/load.js';

export function memoryHost(files: Readonly<Record<string, string>>): SourceHost {
  return {
    read(path: string): ReadResult {
      const text = files[path];
      return text === undefined ? { ok: false, reason: 'not-found', detail: 'not-found' } : { ok: true, text };
    },
  };
}
