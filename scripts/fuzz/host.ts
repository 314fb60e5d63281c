// The in-memory SourceHost a fuzz case is read through, so a mutated include is read as its model would
// read it. Two kinds, as koseizu is used:
//   'disk'     the files are bytes, decoded as src/io/disk.ts decodes them (size limit, strict UTF-8, NUL
//              refused, one byte order mark dropped): what the CLI sees;
//   'library'  the files are strings handed over as they are (NUL, lone surrogates and all): what a
//              program calling the library with its own host may pass.
// It keeps the text each read returned, so a diagnostic's position can be checked against that text.
import { decodeModelBytes, type ReadResult, type SourceHost } from '../../src/load/files.js';
import { memoryHost } from '../../src/load/memory.js';

export type HostKind = 'disk' | 'library';
export type Content = string | Uint8Array;

export interface FuzzHost extends SourceHost {
  /** The text each successful read returned, by path (what diagnostics' positions refer to). */
  readonly texts: ReadonlyMap<string, string>;
}

export function fuzzHost(files: Readonly<Record<string, Content>>, kind: HostKind): FuzzHost {
  const texts = new Map<string, string>();
  const encoder = new TextEncoder();
  const decode = (content: Content): ReadResult => (kind === 'library'
    ? { ok: true, text: typeof content === 'string' ? content : new TextDecoder().decode(content) }
    : decodeModelBytes(typeof content === 'string' ? encoder.encode(content) : content));
  const inner = memoryHost(files, decode);
  return {
    texts,
    read(path: string, within: string | null): ReadResult {
      const result = inner.read(path, within);
      if (result.ok) texts.set(path, result.text);
      return result;
    },
    list: inner.list as NonNullable<SourceHost['list']>,
  };
}
