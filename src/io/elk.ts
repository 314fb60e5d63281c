// elkjs with a V8 code cache kept on this machine (see below), for the CLI and the workshop server.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { basename, dirname, join } from 'node:path';
import { packageRoot } from './package.js';

const requireHere = createRequire(import.meta.url);

// elk.bundled.js is 7 MB of generated JavaScript: compiling it costs ~50-90 ms and its first layout more in
// lazy compilation, on every run. V8 can save what it compiled (a code cache) and start from it next time,
// but a cache is valid only for the Node.js version, the CPU architecture and the V8 flags that made it
// (bin/koseizu.js runs with --liftoff-only), so it cannot ship in the package: one built by `npm run build`
// is refused by every CLI run. koseizu makes its own instead, on the machine that uses it: the first
// layout of a run without a usable cache saves V8's cache for elk (the functions the layout compiled
// included) to a file named for the Node version, architecture and elkjs version, and later runs start
// from it. When the cache is missing, refused or cannot be written, elk compiles as usual: slower, never
// wrong. Where: $KOSEIZU_CACHE_DIR when set (empty turns the cache off), else node_modules/.cache/koseizu
// of the project koseizu is installed in (the folder other tools keep their caches in), else nothing.

export type ElkCacheState = 'accepted' | 'rejected' | 'absent' | 'off';

/** What the last loadElkWithCodeCache found: the cache file (null when off) and whether V8 took it. */
export interface ElkCacheStatus {
  readonly file: string | null;
  readonly state: ElkCacheState;
}

let lastStatus: ElkCacheStatus = { file: null, state: 'off' };

export function elkCacheStatus(): ElkCacheStatus {
  return lastStatus;
}

function elkPath(): string {
  return requireHere.resolve('elkjs/lib/elk.bundled.js');
}

/** The elkjs script as koseizu compiles it: the same text and file name whenever it is compiled. */
export function elkScript(cachedData?: Buffer): Script {
  const path = elkPath();
  const source = readFileSync(path, 'utf8');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
}

/** Runs the elkjs script as a CommonJS module and returns its ELK constructor. */
export function runElkScript<T>(script: Script): T {
  const path = elkPath();
  const module = { exports: {} as { default?: T } };
  (script.runInThisContext() as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void)(module.exports, requireHere, module, path, dirname(path));
  return (module.exports.default ?? module.exports) as T;
}

/** The folder of koseizu's caches, or null when there is none to use. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env['KOSEIZU_CACHE_DIR'];
  if (chosen !== undefined) return chosen === '' ? null : chosen;
  const root = packageRoot();
  if (root === null) return null;
  // Installed: <project>/node_modules/koseizu (or node_modules/@scope/koseizu); in its own repository: <repo>.
  let modules = dirname(root);
  if (basename(modules).startsWith('@')) modules = dirname(modules);
  if (basename(modules) !== 'node_modules') modules = join(root, 'node_modules');
  return join(modules, '.cache', 'koseizu');
}

function elkVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(dirname(elkPath()), '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The cache file for this Node.js, architecture and elkjs, or null when caching is off. */
export function elkCacheFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const folder = cacheFolder(env);
  return folder === null ? null : join(folder, `elk-${elkVersion()}-node${process.versions.node}-v8-${process.versions.v8}-${process.arch}.code-cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all (a temporary file renamed over it); any failure leaves no cache. */
function saveCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}

type ElkClass = new (...args: never[]) => { layout(...args: never[]): Promise<unknown> };

/**
 * The ELK constructor, compiled from this machine's code cache when it has a usable one. Without one, the
 * first layout of the returned class saves the cache for the next run.
 */
export function loadElkWithCodeCache<T>(env: NodeJS.ProcessEnv = process.env): T {
  const file = elkCacheFile(env);
  const cachedData = file === null ? undefined : readCache(file);
  const script = elkScript(cachedData);
  const state: ElkCacheState = file === null ? 'off' : cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  lastStatus = { file, state };
  const ELK = runElkScript<ElkClass>(script);
  if (file === null || state === 'accepted') return ELK as T;
  let saved = false;
  const save = (): void => {
    if (saved) return;
    saved = true;
    saveCache(file, script.createCachedData());
  };
  // A subclass whose layout saves the cache once it has run: the cache then holds the layout's functions too.
  const Caching = class extends ELK {
    override layout(...args: never[]): Promise<unknown> {
      return super.layout(...args).then((laid) => {
        save();
        return laid;
      });
    }
  };
  return Caching as T;
}
