// How a model on disk is named in what koseizu writes: relative to the repository that holds it (the
// folder with .git, as code scanning and pull requests name files), or to the model's own folder outside
// one. Never absolute and never as it was typed, so the same model gives the same bytes however its path
// was spelt, and no home folder reaches a document the institution receives. Reads go through a host that
// takes those names, and records every file it read: the inputs a run must never write over.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SourceHost } from '../load/files.js';
import { toSlashes } from '../load/files.js';
import { diskHost } from './disk.js';
import { recordingHost } from './output.js';

/** The folder outputs name files from: the nearest one above the model holding `.git`, else the model's own. */
export function outputRoot(model: string): string {
  const start = dirname(resolve(model));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** A host that reads names relative to `root` (and absolute ones as they are) through `host`. */
export function rootedHost(root: string, host: SourceHost): SourceHost {
  const at = (path: string): string => (isAbsolute(path) ? path : join(root, path));
  return {
    read: (path, within) => host.read(at(path), within === null ? null : at(within)),
    ...(host.list ? { list: (dir: string, within: string | null) => (host.list as NonNullable<SourceHost['list']>)(at(dir), within === null ? null : at(within)) } : {}),
  };
}

export interface OpenedModel {
  /** The root model's name from `root`, as outputs show it. */
  readonly path: string;
  readonly host: SourceHost;
  /** Rule files and folders given on the command line, named from `root` (absolute when outside it). */
  readonly rules: readonly string[];
  /** The folder names are relative to. */
  readonly root: string;
  /** Every file read so far (absolute paths). */
  readonly inputs: () => readonly string[];
  /** A name from `root` as the user's terminal can open it: relative to the working folder, or absolute if the model was given so. */
  readonly shown: (name: string) => string;
}

/** The deepest folder holding all of `folders` (absolute paths). */
export function commonFolder(folders: readonly string[]): string {
  const parts = folders.map((f) => resolve(f).split(sep));
  const first = parts[0] ?? [];
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

/**
 * A model given on the command line (relative to `cwd` or absolute), ready for the library. `root` names
 * its files from another folder than outputRoot's (two models compared, each in a folder of its own).
 */
export function openModel(file: string, rules: readonly string[], cwd: string = process.cwd(), root: string = outputRoot(resolve(cwd, file))): OpenedModel {
  const name = (path: string): string => {
    const inside = relative(root, resolve(cwd, path));
    return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? toSlashes(resolve(cwd, path)) : toSlashes(inside);
  };
  const recorded = recordingHost(diskHost);
  return {
    path: name(file),
    host: rootedHost(root, recorded.host),
    rules: rules.map(name),
    root,
    inputs: recorded.inputs,
    shown: (shownName) => {
      const full = isAbsolute(shownName) ? shownName : join(root, shownName);
      return isAbsolute(file) ? toSlashes(full) : toSlashes(relative(cwd, full)) || '.';
    },
  };
}
