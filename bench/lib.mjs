// Helpers the benchmarks share: medians, number formats, Markdown tables, failure text, a seeded PRNG.
import { appendFileSync } from 'node:fs';

export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const ms = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '-');
export const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '-');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : '-');

/** Prints a Markdown table; `align[i]` 'l' left-aligns a column (numbers are right-aligned by default). */
export function table(headers, rows, align) {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:')).join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  console.log(lines.join('\n'));
}

export function section(title) {
  console.log(`\n## ${title}\n`);
}

/** Why a spawned command failed, with the end of its standard error. */
export function failure(what, r) {
  const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return `${what} failed (${why})\n${(r.stderr ?? '').trim().split('\n').slice(-8).join('\n')}`;
}

/** mulberry32: a small seeded PRNG, so every run draws the same models. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A benchmark's targets: printed as its "Targets" table (each figure with the peer measured in the same run
 * and the ratio to it, the target and PASS or MISS), and, when BENCH_SUMMARY names a file (bench/run.mjs
 * sets it), appended there as JSON lines for the one summary table of `npm run bench`.
 * A row: { figure, value, unit ('ms', 'MB', 'x'...), peer: { name, value } | null, limit, pass }.
 */
export function targets(bench, rows) {
  section('Targets');
  const shown = (v, unit) => (unit === 'x' ? `${Number.isFinite(v) ? v.toFixed(1) : '-'}x` : unit === 'MB' ? `${Number.isFinite(v) ? v.toFixed(0) : '-'} MB` : `${ms(v)} ${unit}`);
  const cells = rows.map((r) => [
    r.figure,
    shown(r.value, r.unit),
    r.peer ? `${r.peer.name}: ${shown(r.peer.value, r.unit)}` : '-',
    r.peer ? ratio(r.value, r.peer.value) : '-',
    r.limit === null ? '-' : shown(r.limit, r.unit),
    r.pass ? 'PASS' : 'MISS',
  ]);
  table(['figure', 'measured', 'peer (same run)', 'x peer', 'target', 'result'], cells, ['l', 'r', 'l', 'r', 'r', 'l']);
  const file = process.env.BENCH_SUMMARY;
  if (file) appendFileSync(file, rows.map((r, i) => `${JSON.stringify({ bench, cells: cells[i] })}\n`).join(''));
}
