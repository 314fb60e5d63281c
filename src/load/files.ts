// Reads a model and the files it includes, through a host that does the reading (src/io/disk.ts on disk,
// a map in tests), so this stage stays pure. Includes are relative, stay inside the root model's
// folder, are read once each, and may not form a cycle.
import { posix } from 'node:path';
import type { Diagnostic } from '../../models/diagnostic.js';
import type { SourceRange } from '../../models/source.js';
import { MAX_FILE_BYTES, diagnostic, parseYaml, pointRange, type ParsedFile } from './parse.js';
import { checkStructure } from './structure.js';

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'unreadable' | 'too-large' | 'binary' | 'outside'; readonly detail?: string; readonly size?: number };

export type ListResult =
  | { readonly ok: true; readonly files: readonly string[] }
  | { readonly ok: false; readonly reason: 'not-found' | 'not-a-folder' | 'unreadable' | 'outside' | 'too-many'; readonly detail?: string };

/** A folder holding more entries than this is refused whole (a rules folder holds a handful of files). */
export const MAX_LISTED_ENTRIES = 1000;

/**
 * Reads one model file. Paths use "/" and are relative to the working directory or absolute.
 * `within` is the root model's folder for an included file (the host refuses files outside it,
 * symbolic links included), and null for the root file itself.
 */
export interface SourceHost {
  read(path: string, within: string | null): ReadResult;
  /**
   * The names of the files directly in a folder (not in its sub-folders), sorted by code unit: 'not-a-folder'
   * for a file, 'too-many' past MAX_LISTED_ENTRIES entries. `within` as for `read`: a folder outside it is
   * refused. Optional: a host without it can only name rule files one by one.
   */
  list?(dir: string, within: string | null): ListResult;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A model file's bytes as koseizu reads them, whatever host read them: at most MAX_FILE_BYTES, strict
 * UTF-8 with no NUL (else 'binary'), one leading byte order mark dropped.
 */
export function decodeModelBytes(bytes: Uint8Array): ReadResult {
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

export const MAX_INCLUDED_FILES = 100;
export const MAX_INCLUDE_DEPTH = 16;

export interface LoadedFiles {
  /** Files read, root first, then includes in depth-first order: the order sections are merged in. */
  readonly files: readonly ParsedFile[];
  /** Text of each file by path, for the content hash. */
  readonly texts: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadFiles(rootPath: string, host: SourceHost): LoadedFiles {
  const root = toSlashes(rootPath);
  const rootDir = posix.dirname(root);
  const files: ParsedFile[] = [];
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];

  const readInto = (path: string, from: SourceRange | undefined, chain: readonly string[]): void => {
    const result = host.read(path, from === undefined ? null : rootDir);
    const at = from ?? pointRange(path);
    if (!result.ok) {
      switch (result.reason) {
        case 'too-large': diagnostics.push(diagnostic('KZ003', at, { file: path, size: result.size ?? 0, limit: MAX_FILE_BYTES })); break;
        case 'binary': diagnostics.push(diagnostic('KZ004', at, { file: path })); break;
        case 'outside': diagnostics.push(diagnostic('KZ010', at, { include: path })); break;
        default: diagnostics.push(diagnostic('KZ006', at, { file: path, detail: result.detail ?? result.reason }));
      }
      return;
    }
    texts.set(path, result.text);
    const parsed = parseYaml({ path, text: result.text });
    files.push(parsed);
    // One by one: a spread of a hundred thousand diagnostics (duplicate keys) overflows the stack.
    for (const d of parsed.diagnostics) diagnostics.push(d);
    for (const d of checkStructure(parsed)) diagnostics.push(d);
    const includes = (parsed.value as { include?: unknown } | undefined)?.include;
    if (!Array.isArray(includes)) return;
    includes.forEach((entry, index) => {
      if (typeof entry !== 'string') return; // the schema check reports it
      const range = parsed.locator.range(['include', index]);
      if (posix.isAbsolute(entry) || /^[a-zA-Z]:[\\/]/.test(entry) || entry.includes('\\')) {
        diagnostics.push(diagnostic('KZ010', range, { include: entry }));
        return;
      }
      const target = posix.normalize(posix.join(posix.dirname(path), entry));
      const inside = posix.relative(rootDir, target);
      if (inside.startsWith('..') || posix.isAbsolute(inside)) {
        diagnostics.push(diagnostic('KZ010', range, { include: entry }));
        return;
      }
      if (target === path || chain.includes(target)) {
        const trail = [...chain, path];
        diagnostics.push(diagnostic('KZ011', range, { include: entry, cycle: [...trail.slice(trail.indexOf(target)), target] }));
        return;
      }
      if (texts.has(target)) return; // already read through another include: merged once
      if (chain.length + 1 >= MAX_INCLUDE_DEPTH || files.length >= MAX_INCLUDED_FILES) {
        diagnostics.push(diagnostic('KZ012', range, { limit: files.length >= MAX_INCLUDED_FILES ? MAX_INCLUDED_FILES : MAX_INCLUDE_DEPTH }));
        return;
      }
      readInto(target, range, [...chain, path]);
    });
  };

  readInto(root, undefined, []);
  return { files, texts, diagnostics };
}

/** A path with "/" separators, normalised ("a//b", "x/../a" and "./a" name one file one way). */
export function toSlashes(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/'));
}
