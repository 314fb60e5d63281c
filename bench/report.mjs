// npm run bench: what `koseizu report` costs on a large realistic model, against `node -e` running yaml.parse
// of the same file (the peer: reading the model and nothing else), measured in the same run, and against the
// issue's targets (10 s and 1 GB). The model is bench/threats.mjs's generator (imported, not copied) at
// 3,000 devices and 3,000 flows (BENCH_DEVICES, BENCH_FLOWS change them), written to a temporary folder
// that is removed. Each command runs in a fresh process, as users run it; its peak resident memory is read
// from the process itself when it exits (process.resourceUsage().maxRSS). Also measured, to tell the
// report's own share from the diagram's: `koseizu diagram` of the same model (SVG), which the report draws
// too. Prints the size of every file the report writes. The run fails only when a command fails; the
// targets print PASS or MISS.
//
// Environment: BENCH_RUNS (runs of each command, default 3; medians), BENCH_KEEP=1 (keep the temporary folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failure, mb, median, ms, ratio, section, table, targets } from './lib.mjs';
import { generateModel } from './threats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/koseizu.js');
const DEVICES = Number.parseInt(process.env.BENCH_DEVICES ?? '', 10) || 3000;
const FLOWS = Number.parseInt(process.env.BENCH_FLOWS ?? '', 10) || 3000;
const SEED = 3000;
const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 3;
const TARGET_MS = 10_000;
const TARGET_KB = 1024 * 1024;

if (!existsSync(join(root, 'dist', 'src', 'index.js'))) {
  console.error('koseizu is not built: run `npm run build` first');
  process.exit(1);
}
const { OPERATIONS } = await import(pathToFileURL(join(root, 'dist/models/vocabulary.js')).href);
const dir = mkdtempSync(join(tmpdir(), 'koseizu-bench-report-'));

/** Runs `node args` `RUNS` times in fresh processes: the median wall time and the median peak RSS. */
function measure(what, args, probe) {
  const walls = [];
  const peaks = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    walls.push(performance.now() - start);
    const kb = Number(/KOSEIZU_MAXRSS_KB (\d+)/.exec(r.stderr ?? '')?.[1]);
    if (r.status === null || r.status > 1 || !Number.isFinite(kb)) throw new Error(failure(what, r));
    peaks.push(kb);
  }
  return { wall: median(walls), kb: median(peaks) };
}

try {
  const { text, counts } = generateModel(DEVICES, FLOWS, SEED, OPERATIONS);
  const model = join(dir, 'bench-report.yaml');
  writeFileSync(model, text);
  const probe = join(dir, 'rss-probe.mjs');
  writeFileSync(probe, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => { writeSync(2, `\\nKOSEIZU_MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`); });\n");
  const check = spawnSync(process.execPath, [bin, 'validate', model], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(failure('the generated model does not validate: a bug in bench/threats.mjs or in koseizu', check));

  const out = join(dir, 'report');
  const peer = measure('node -e yaml.parse', ['--input-type=module', '-e', `import { readFileSync } from 'node:fs'; import { parse } from 'yaml'; parse(readFileSync(${JSON.stringify(model)}, 'utf8'));`], probe);
  const diagram = measure('koseizu diagram', [bin, 'diagram', model, '-o', join(dir, 'diagram.svg')], probe);
  const report = measure('koseizu report', [bin, 'report', model, '-o', out, '--force'], probe);

  section(`koseizu report on a generated model (seed ${SEED}; ${counts.devices} devices, ${FLOWS} flows; ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB), median of ${RUNS} fresh processes`);
  table(['command', 'wall ms', 'peak RSS', 'x peer (wall)', 'x peer (peak)'], [
    ['node -e: yaml.parse of the file (the peer)', ms(peer.wall), `${mb(peer.kb)} MB`, '1.0x', '1.0x'],
    ['koseizu diagram (SVG): the diagram\'s share', ms(diagram.wall), `${mb(diagram.kb)} MB`, ratio(diagram.wall, peer.wall), ratio(diagram.kb, peer.kb)],
    ['koseizu report', ms(report.wall), `${mb(report.kb)} MB`, ratio(report.wall, peer.wall), ratio(report.kb, peer.kb)],
  ], ['l']);
  console.log(`\nThe report lays out and draws the diagram as \`koseizu diagram\` does: without it, about ${ms(Math.max(0, report.wall - diagram.wall))} ms.`);

  section('The files the report writes');
  const files = readdirSync(out).filter((f) => !f.startsWith('.')).sort();
  table(['file', 'bytes', 'MB'], files.map((f) => {
    const size = statSync(join(out, f)).size;
    return [f, String(size), (size / 1e6).toFixed(1)];
  }), ['l']);

  targets('report', [
    { figure: `koseizu report, ${counts.devices} devices / ${FLOWS} flows, wall`, value: report.wall, unit: 'ms', peer: { name: 'node -e yaml.parse', value: peer.wall }, limit: TARGET_MS, pass: report.wall < TARGET_MS },
    { figure: `koseizu report, ${counts.devices} devices / ${FLOWS} flows, peak memory`, value: report.kb / 1024, unit: 'MB', peer: { name: 'node -e yaml.parse', value: peer.kb / 1024 }, limit: TARGET_KB / 1024, pass: report.kb <= TARGET_KB },
  ]);
} finally {
  if (process.env.BENCH_KEEP === '1') console.log(`\nkept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
