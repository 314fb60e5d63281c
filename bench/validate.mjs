// npm run bench: cold-start cost of `koseizu validate`, against peers measured in the same run.
//   node -e 0                     the floor: starting Node itself
//   yaml parse                    Node + the yaml library parsing the example (the cost of parsing)
//   koseizu validate              the whole CLI on the cloud-EHR example
// and how fast hostile input is refused (a 50 MB file, an alias bomb).
// Prints medians over repeated runs and its target (validate within 1.5x of node + yaml parse); no assertion.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const node = process.execPath;
const example = 'examples/cloud-ehr/model.yaml';

function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, args, { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= 2) samples.push(ms); // two warm-up runs fill the OS file cache
    if (r.error) throw r.error;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

const dir = mkdtempSync(join(tmpdir(), 'koseizu-bench-'));
try {
  const big = join(dir, 'big.yaml');
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
  const bomb = join(dir, 'bomb.yaml');
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  writeFileSync(bomb, `koseizu: 1\nx-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);

  const parseOnly = `import('yaml').then(({ parseDocument, LineCounter }) => { const t = require('node:fs').readFileSync(${JSON.stringify(example)}, 'utf8'); parseDocument(t, { lineCounter: new LineCounter() }).toJS(); })`;
  const rows = [
    ['node -e 0', time(['-e', '0'])],
    ['node + yaml parse of the example', time(['-e', parseOnly])],
    ['koseizu validate (cloud-EHR example)', time(['bin/koseizu.js', 'validate', example])],
    ['koseizu validate (50 MB file, refused)', time(['bin/koseizu.js', 'validate', big])],
    ['koseizu validate (alias bomb, refused)', time(['bin/koseizu.js', 'validate', bomb])],
  ];
  const floor = rows[0][1].median;
  const parse = rows[1][1].median;
  console.log(`cold start, median of ${RUNS} runs (ms)`);
  console.log('| case | median | min | x node -e 0 | x (node + parse) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, t] of rows) {
    console.log(`| ${name} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${(t.median / floor).toFixed(2)} | ${(t.median / parse).toFixed(2)} |`);
  }
  const validate = rows[2][1].median;
  targets('validate', [
    { figure: 'koseizu validate of the example, cold', value: validate, unit: 'ms', peer: { name: 'node + yaml parse of it', value: parse }, limit: 1.5 * parse, pass: validate <= 1.5 * parse },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
