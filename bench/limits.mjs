// npm run bench: the memory each command takes on the largest model koseizu reads (MODEL_LIMITS, docs/dsl.md
// "Limits"), against the same command on the cloud-EHR example measured in the same run, and against the
// 1 GB budget the limits are set for. The model is the example with terminals added up to the device limit
// (each with a view flow) and its flows copied up to the flow limit, within the limit on path steps; it goes
// to a temporary folder that is removed. Each command runs in a fresh process, as users run it; its peak
// resident memory is read from the process itself when it exits (process.resourceUsage().maxRSS).
// A command past the budget prints MISS and fails the run: the limits would then be wrong.
//
// Environment: BENCH_KEEP=1 keeps the temporary folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { failure, mb, ms, ratio, section, table, targets } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { MODEL_LIMITS } = await import(pathToFileURL(join(root, 'dist/src/load/resolve.js')).href);
const BUDGET_KB = 1024 * 1024;
const bin = join(root, 'bin/koseizu.js');
const dir = mkdtempSync(join(tmpdir(), 'koseizu-limits-'));

/**
 * The example grown to the limits. `wordy`: every label at its longest (100 characters) and every flow
 * carrying eight data items, the shape that makes every sentence of every risk longest.
 */
function largest(wordy) {
  const model = parse(readFileSync(join(root, 'examples/cloud-ehr/model.yaml'), 'utf8'));
  delete model.responses;
  if (wordy) {
    const long = (label) => `${label}${'長'.repeat(100)}`.slice(0, 100);
    for (const section of ['sites', 'locations', 'actors', 'data', 'devices', 'networks', 'media', 'flows']) for (const e of model[section] ?? []) if (e.label) e.label = long(e.label);
    const ids = model.data.map((d) => d.id).slice(0, 8);
    for (const f of model.flows) f.what = [...new Set([...f.what, ...ids])].slice(0, 8);
  }
  const base = model.flows.slice();
  const view = base.find((f) => f.id === 'exam-records');
  const steps = () => model.flows.reduce((n, f) => n + (f.path?.length ?? 1), 0);
  for (let i = 0; model.devices.length < MODEL_LIMITS.devices; i++) {
    model.devices.push({ id: `t${i}`, label: wordy ? `端末${i}${'長'.repeat(90)}` : `端末${i}`, kind: 'terminal', at: view.where, auth: 'password' });
    model.links.push({ from: `t${i}`, to: view.path[1], network: 'clinic-lan', protocol: 'https', tls: '1.3' });
    if (model.flows.length < MODEL_LIMITS.flows && steps() + view.path.length <= MODEL_LIMITS.steps) model.flows.push({ ...view, id: `f${i}`, which: `t${i}`, path: [`t${i}`, ...view.path.slice(1)] });
  }
  let total = steps();
  for (let i = 0; model.flows.length < MODEL_LIMITS.flows; i++) {
    for (const f of base) {
      const length = f.path?.length ?? 1;
      if (model.flows.length >= MODEL_LIMITS.flows) break;
      if (total + length > MODEL_LIMITS.steps) continue;
      model.flows.push({ ...f, id: `${f.id}-c${i}` });
      total += length;
    }
    if (total + Math.min(...base.map((f) => f.path?.length ?? 1)) > MODEL_LIMITS.steps) break;
  }
  return { text: stringify(model, { lineWidth: 0, aliasDuplicateObjects: false }), counts: { devices: model.devices.length, flows: model.flows.length, links: model.links.length, steps: total } };
}

const probe = join(dir, 'rss-probe.mjs');
writeFileSync(probe, "import { writeSync } from 'node:fs';\nprocess.on('exit', () => { writeSync(2, `\\nKOSEIZU_MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`); });\n");

/** Runs the CLI once in a fresh process: wall time and peak resident memory. */
function measure(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - start;
  const kb = Number(/KOSEIZU_MAXRSS_KB (\d+)/.exec(r.stderr ?? '')?.[1]);
  if (r.status === null || r.status > 1 || !Number.isFinite(kb)) throw new Error(failure(`koseizu ${args.join(' ')}`, r));
  return { wall, kb };
}

try {
  const example = join(root, 'examples/cloud-ehr/model.yaml');
  let missed = 0;
  for (const wordy of [false, true]) {
    const big = largest(wordy);
    const bigDir = join(dir, wordy ? 'wordy' : 'largest');
    cpSync(join(root, 'examples/cloud-ehr'), bigDir, { recursive: true });
    const model = join(bigDir, 'model.yaml');
    writeFileSync(model, big.text);
    const next = join(bigDir, 'next.yaml');
    // The change a pull request might make: one terminal gets a second factor.
    writeFileSync(next, big.text.replace(/(id: t0\n(?:.*\n)*?\s+auth:) password/, '$1 [password, otp]'));
    const check = spawnSync(process.execPath, [bin, 'validate', model], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(failure('the largest model does not validate: a bug in bench/limits.mjs or in koseizu', check));

    section(`The largest model koseizu reads${wordy ? ', every label 100 characters and eight data items per flow' : ''} (${big.counts.devices} devices, ${big.counts.flows} flows, ${big.counts.links} links, ${big.counts.steps} path steps; ${(Buffer.byteLength(big.text) / 1024).toFixed(0)} KiB)`);
    const commands = [
      ['validate', (m) => ['validate', m]],
      ['threats --format json', (m) => ['threats', m, '--format', 'json', '-o', join(dir, 'risks.json')]],
      ['flows --format csv', (m) => ['flows', m, '--format', 'csv', '-o', join(dir, 'flows.csv')]],
      ['check --format sarif', (m) => ['check', m, '--format', 'sarif', '-o', join(dir, 'k.sarif')]],
      ['diagram (PNG)', (m) => ['diagram', m, '-o', join(dir, 'diagram.png')]],
      ['report', (m) => ['report', m, '-o', join(dir, 'report'), '--force']],
      ['diff --format md', (m) => ['diff', m, m === example ? example : next, '--format', 'md', '-o', join(dir, 'diff.md')]],
    ];
    const rows = [];
    const goals = [];
    for (const [name, args] of commands) {
      const peer = measure(args(example));
      const at = measure(args(model));
      const pass = at.kb <= BUDGET_KB;
      if (!pass) missed++;
      rows.push([name, ms(peer.wall), `${mb(peer.kb)} MB`, ms(at.wall), `${mb(at.kb)} MB`, ratio(at.kb, peer.kb), `${((at.kb / BUDGET_KB) * 100).toFixed(0)}%`, pass ? 'PASS' : 'MISS']);
      goals.push({ figure: `${name}, peak memory on the largest model${wordy ? ' (wordy)' : ''}`, value: at.kb / 1024, unit: 'MB', peer: { name: 'the example', value: peer.kb / 1024 }, limit: BUDGET_KB / 1024, pass });
    }
    table(['command', 'example ms', 'example peak', 'largest ms', 'largest peak', 'largest / example', 'of 1 GB', 'target'], rows, ['l']);
    targets('limits', goals);
  }
  console.log(`\nlimits: ${Object.entries(MODEL_LIMITS).map(([k, v]) => `${k} ${v}`).join(', ')}. example: examples/cloud-ehr (15 devices, 16 flows), measured in the same run. Peak = the process's maximum resident set size.`);
  if (missed > 0) {
    console.error(`\n${missed} command(s) past the 1 GB budget on a model koseizu accepts: lower MODEL_LIMITS or make the command leaner`);
    process.exitCode = 1;
  }
} finally {
  if (process.env.BENCH_KEEP === '1') console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
