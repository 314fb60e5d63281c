// elkjs's V8 code cache, made on this machine by the first layout and used by the next runs (src/io/elk.ts).
// Driven through the CLI in child processes, as a user runs it: V8 only says whether it took a cache when
// the script is compiled fresh, and the CLI runs with its own V8 flags (bin/koseizu.js), which a cache
// must match. A run that finds the cache refused writes a new one, so "the file is the same file after
// the second run" fails when V8 rejects what the first run saved.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, elkCacheFile } from '../src/io/index.js';

const ROOT = join(import.meta.dirname, '..');
const MODEL = join(ROOT, 'examples', 'minimal', 'model.yaml');
const work = mkdtempSync(join(tmpdir(), 'koseizu-elk-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function diagram(cacheDir: string, out: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'koseizu.js'), 'diagram', MODEL, '-o', out], {
    env: { ...process.env, KOSEIZU_CACHE_DIR: cacheDir },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

function identity(file: string): string {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}:${s.size}`;
}

describe('the code cache of elkjs', () => {
  it('is written by the first diagram and taken by V8 in the next run, with the same drawing', () => {
    const cache = join(work, 'taken');
    const first = diagram(cache, join(work, 'taken-1.svg'));
    const files = readdirSync(cache);
    expect(files).toEqual([`elk-${JSON.parse(readFileSync(join(ROOT, 'node_modules', 'elkjs', 'package.json'), 'utf8')).version}-node${process.versions.node}-v8-${process.versions.v8}-${process.arch}.code-cache`]);
    const file = join(cache, files[0] ?? '');
    expect(statSync(file).size).toBeGreaterThan(100_000);
    const made = identity(file);
    const second = diagram(cache, join(work, 'taken-2.svg'));
    expect(identity(file), 'the second run wrote a new cache: V8 refused the one the first run saved').toBe(made);
    expect(second).toBe(first);
    expect(diagram('', join(work, 'off.svg'))).toBe(first);
  });

  it('replaces a damaged cache with a good one and draws the same', () => {
    const cache = join(work, 'damaged');
    const good = diagram(cache, join(work, 'damaged-0.svg'));
    const file = join(cache, readdirSync(cache)[0] ?? '');
    writeFileSync(file, 'not a V8 code cache');
    expect(diagram(cache, join(work, 'damaged-1.svg'))).toBe(good);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    const replaced = identity(file);
    diagram(cache, join(work, 'damaged-2.svg'));
    expect(identity(file)).toBe(replaced);
  });

  it('is left alone when its folder cannot be made, and the diagram is drawn all the same', () => {
    const blocked = join(work, 'a-file');
    writeFileSync(blocked, 'in the way\n');
    const svg = diagram(join(blocked, 'cache'), join(work, 'blocked.svg'));
    expect(svg).toContain('<svg');
    expect(readFileSync(blocked, 'utf8')).toBe('in the way\n');
  });

  it('lives in node_modules/.cache/koseizu unless KOSEIZU_CACHE_DIR says otherwise (empty: off)', () => {
    expect(cacheFolder({})).toBe(join(ROOT, 'node_modules', '.cache', 'koseizu'));
    expect(cacheFolder({ KOSEIZU_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheFolder({ KOSEIZU_CACHE_DIR: '' })).toBeNull();
    expect(elkCacheFile({ KOSEIZU_CACHE_DIR: '' })).toBeNull();
    expect(elkCacheFile({ KOSEIZU_CACHE_DIR: '/c' })).toMatch(new RegExp(`^/c/elk-[0-9.]+-node${process.versions.node.replace(/\./g, '\\.')}-`));
  });
});
