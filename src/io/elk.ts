// elkjs with a V8 code cache (see below), for the CLI and the workshop server.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { dirname, join } from 'node:path';
import { packageRoot } from './package.js';

const requireHere = createRequire(import.meta.url);

// elk.bundled.js is 7 MB of generated JavaScript: compiling it costs ~90 ms and its first layout another
// ~80 ms of lazy compilation on every run. `npm run build` runs one layout and saves V8's code cache for it
// (dist/elk.code-cache, scripts/elk-cache.mjs); this loader compiles elk with that cache. When the cache is
// missing or V8 refuses it (another Node version), elk compiles as usual: slower, never wrong.

export const ELK_CODE_CACHE = 'elk.code-cache';

/** The elkjs script as koseizu compiles it: the same text and file name at build time and at run time. */
export function elkScript(cachedData?: Buffer): Script {
  const path = requireHere.resolve('elkjs/lib/elk.bundled.js');
  const source = readFileSync(path, 'utf8');
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
}

/** Runs the elkjs script as a CommonJS module and returns its ELK constructor. */
export function runElkScript<T>(script: Script): T {
  const path = requireHere.resolve('elkjs/lib/elk.bundled.js');
  const module = { exports: {} as { default?: T } };
  (script.runInThisContext() as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void)(module.exports, requireHere, module, path, dirname(path));
  return (module.exports.default ?? module.exports) as T;
}

/** The ELK constructor, compiled with the build's code cache when there is one. */
export function loadElkWithCodeCache<T>(): T {
  const root = packageRoot();
  const cacheFile = root === null ? undefined : [join(root, 'dist', ELK_CODE_CACHE)].find((c) => existsSync(c));
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  return runElkScript<T>(elkScript(cachedData));
}

