// npm run bench: every benchmark in turn (each prints its own tables), then one table of all their targets:
// each figure, the peer measured in the same run, the ratio, the target and PASS or MISS. A benchmark that
// fails (a crash, or limits.mjs finding a command past the memory budget) fails the run; a MISS does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { section, table } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES = ['validate.mjs', 'diagram.mjs', 'threats.mjs', 'report.mjs', 'serve.mjs', 'limits.mjs'];
const dir = mkdtempSync(join(tmpdir(), 'koseizu-bench-summary-'));
const summary = join(dir, 'targets.jsonl');
const failed = [];
try {
  for (const bench of BENCHES) {
    console.log(`\n# bench/${bench}\n`);
    const r = spawnSync(process.execPath, [join(here, bench)], { stdio: 'inherit', env: { ...process.env, BENCH_SUMMARY: summary } });
    if (r.status !== 0) failed.push(`${bench} (${r.signal ?? `exit ${r.status}`})`);
  }
  let lines = [];
  try {
    lines = readFileSync(summary, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
  } catch {
    lines = [];
  }
  section('Summary: every target of this run');
  table(['bench', 'figure', 'measured', 'peer (same run)', 'x peer', 'target', 'result'], lines.map((l) => [l.bench, ...l.cells]), ['l', 'l', 'r', 'l', 'r', 'r', 'l']);
  const missed = lines.filter((l) => l.cells[5] === 'MISS').length;
  console.log(`\n${lines.length - missed} of ${lines.length} targets met${failed.length ? `; failed: ${failed.join(', ')}` : ''}.`);
  if (failed.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
