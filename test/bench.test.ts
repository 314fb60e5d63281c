// The benchmarks are not run by the tests (timings belong in `npm run bench`), but they must stay runnable:
// each script compiles, and the runner knows every one of them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = join(import.meta.dirname, '..', 'bench');
const scripts = readdirSync(BENCH).filter((f) => f.endsWith('.mjs')).sort();

describe('bench/', () => {
  it.each(scripts)('%s compiles', (file) => {
    const r = spawnSync(process.execPath, ['--check', join(BENCH, file)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('run.mjs runs every benchmark (all but itself and the helpers)', () => {
    const runner = readFileSync(join(BENCH, 'run.mjs'), 'utf8');
    const listed = JSON.parse(/const BENCHES = (\[[^\]]*\])/.exec(runner)?.[1]?.replace(/'/g, '"') ?? '[]') as string[];
    expect([...listed].sort()).toEqual(scripts.filter((f) => f !== 'run.mjs' && f !== 'lib.mjs'));
  });
});
