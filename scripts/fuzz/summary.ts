// The run's totals as cases come in, and the summary printed at the end: cases, findings per class
// (the same finding on many cases counted once, with its cases), the slowest cases, peak memory, time.
import { FAILING, FINDING_CLASSES, type Finding, type FindingClass } from './classify.js';
import type { CaseOutcome } from './run-case.js';

export interface Signature {
  readonly class: FindingClass;
  readonly stage: string;
  /** The first case's detail, as it was. */
  readonly detail: string;
  readonly cases: number[];
}

const MB = 1024 * 1024;

/** A finding's identity across cases: numbers and digests taken out, so one bug on many cases is one line. */
export function signatureOf(f: Finding): string {
  // An unsafe output is one bug per output and character, wherever the character sits.
  const detail = f.class === 'slow' ? '' : f.detail.replace(/ at offset .*$/, '').replace(/\b[0-9a-f]{12}\b/g, 'H').replace(/\d+/g, 'N').slice(0, 160);
  return `${f.class}|${f.stage}|${detail}`;
}

export class Tally {
  cases = 0;
  baseline = 0;
  loaded = 0;
  twice = 0;
  readonly casesByClass = new Map<FindingClass, number>();
  readonly signatures = new Map<string, Signature>();
  readonly baselineFindings: { index: number; finding: Finding }[] = [];
  slowest: CaseOutcome[] = [];
  peakHeap = { bytes: 0, index: -1 };
  peakWorkerRss = { bytes: 0, index: -1 };
  readonly codes = new Set<string>();
  readonly mutators = new Map<string, number>();
  readonly stageMs = new Map<string, number>();
  totalMs = 0;

  add(o: CaseOutcome): void {
    if (o.index < 0) {
      this.baseline++;
      for (const finding of o.findings) this.baselineFindings.push({ index: o.index, finding });
    } else {
      this.cases++;
      if (o.loaded) this.loaded++;
      if (o.twice) this.twice++;
      for (const m of o.mutations) {
        const id = m.slice(0, m.indexOf(':', m.startsWith('tree:') ? 5 : 0));
        this.mutators.set(id, (this.mutators.get(id) ?? 0) + 1);
      }
    }
    this.totalMs += o.ms;
    for (const [s, ms] of Object.entries(o.stages)) this.stageMs.set(s, (this.stageMs.get(s) ?? 0) + ms);
    for (const c of o.codes) this.codes.add(c);
    if (o.heapUsed > this.peakHeap.bytes) this.peakHeap = { bytes: o.heapUsed, index: o.index };
    if (o.rss > this.peakWorkerRss.bytes) this.peakWorkerRss = { bytes: o.rss, index: o.index };
    for (const cls of new Set(o.findings.map((f) => f.class))) this.casesByClass.set(cls, (this.casesByClass.get(cls) ?? 0) + 1);
    for (const f of o.findings) {
      const key = signatureOf(f);
      const sig = this.signatures.get(key);
      if (sig) {
        if (!sig.cases.includes(o.index)) sig.cases.push(o.index);
      } else this.signatures.set(key, { class: f.class, stage: f.stage, detail: f.detail, cases: [o.index] });
    }
    this.slowest = [...this.slowest, o].sort((a, b) => b.ms - a.ms).slice(0, 5);
  }

  /** Cases with a finding that fails the run. */
  failing(): number {
    return [...this.casesByClass].filter(([c]) => FAILING.has(c)).reduce((n, [, k]) => n + k, 0);
  }
}

export interface RunInfo {
  readonly seed: number;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly slowMs: number;
  readonly maxHeapMb: number;
  readonly wallMs: number;
  readonly replaced: number;
  readonly peakRss: { readonly bytes: number; readonly running: readonly number[] };
  /** Where each saved case went, by case number. */
  readonly saved: ReadonlyMap<number, string>;
  /** How to run one case again, but for its number ("node dist/scripts/fuzz.js --seed 1 --case="). */
  readonly reproduce: string;
}

const mb = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
const duration = (ms: number): string => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);
const caseName = (i: number): string => (i < 0 ? `baseline ${-i}` : `#${i}`);

export function summaryText(t: Tally, run: RunInfo): string {
  const lines: string[] = [];
  const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);
  lines.push('', `koseizu fuzz summary (seed ${run.seed})`);
  lines.push(`  cases run         ${t.cases} mutated + ${t.baseline} baseline; ${t.loaded} loaded (${pct(t.loaded, t.cases)}), ${t.cases - t.loaded} invalid; ${t.twice} run twice`);
  lines.push(`  diagnostic codes  ${t.codes.size} distinct seen: ${[...t.codes].sort().join(' ')}`);
  const top = [...t.mutators].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  lines.push(`  mutations         ${top.length} mutators used: ${top.map(([m, n]) => `${m} ${n}`).join(', ')}`);
  lines.push('  findings (cases)');
  for (const cls of FINDING_CLASSES) {
    const n = t.casesByClass.get(cls) ?? 0;
    const extra = cls === 'nondeterministic' ? ` (of ${t.twice} cases run twice)` : cls === 'slow' ? ` (over ${run.slowMs} ms; not a failure)` : '';
    lines.push(`    ${cls.padEnd(17)} ${String(n).padStart(5)}${extra}`);
  }
  lines.push(`  baseline          ${t.baseline} unmutated examples, ${t.baselineFindings.filter((b) => FAILING.has(b.finding.class)).length} failing findings`);
  lines.push('  slowest cases');
  for (const o of t.slowest) {
    const stages = Object.entries(o.stages).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, ms]) => `${s} ${Math.round(ms)}`).join(', ');
    lines.push(`    ${caseName(o.index).padEnd(8)} ${String(Math.round(o.ms)).padStart(6)} ms  ${o.example}  ${o.mutations.join(' + ').slice(0, 110) || '(unmutated)'}${stages ? `  [${stages}]` : ''}`);
  }
  const stageTotal = [...t.stageMs].sort((a, b) => b[1] - a[1]).map(([s, ms]) => `${s} ${duration(ms)}`).join(', ');
  lines.push(`  time by stage     ${stageTotal}`);
  lines.push(`  peak memory       process RSS ${mb(run.peakRss.bytes)} (every worker in it, sampled each 200 ms; cases running: ${run.peakRss.running.map(caseName).join(', ') || '-'})`);
  lines.push(`                    in a case: RSS ${mb(t.peakWorkerRss.bytes)} (case ${caseName(t.peakWorkerRss.index)}), worker heap used ${mb(t.peakHeap.bytes)} (case ${caseName(t.peakHeap.index)}); heap limit ${run.maxHeapMb} MB per worker`);
  lines.push(`  wall time         ${duration(run.wallMs)} on ${run.workers} worker(s), ${(t.cases / Math.max(run.wallMs / 1000, 0.001)).toFixed(1)} cases/s; ${run.replaced} worker(s) replaced; timeout ${run.timeoutMs} ms`);
  const sigs = [...t.signatures.values()].sort((a, b) =>
    FINDING_CLASSES.indexOf(a.class) - FINDING_CLASSES.indexOf(b.class) || b.cases.length - a.cases.length || (a.cases[0] ?? 0) - (b.cases[0] ?? 0));
  if (sigs.length > 0) {
    lines.push('  distinct findings');
    for (const s of sigs) {
      if (s.class === 'slow') continue;
      const first = s.cases[0] ?? 0;
      const where = run.saved.get(first);
      lines.push(`    ${s.class} in ${s.stage}, ${s.cases.length} case(s): ${s.cases.slice(0, 6).map(caseName).join(', ')}${s.cases.length > 6 ? ', ...' : ''}`);
      lines.push(`      ${s.detail}`);
      lines.push(`      reproduce: ${run.reproduce}${first}${where ? `   saved: ${where}` : ''}`);
    }
    const slow = sigs.filter((s) => s.class === 'slow').flatMap((s) => s.cases);
    if (slow.length > 0) lines.push(`    slow: ${slow.length} case(s): ${slow.slice(0, 12).map(caseName).join(', ')}${slow.length > 12 ? ', ...' : ''}`);
  }
  const failing = t.failing();
  lines.push(failing > 0 ? `  result            FAIL: ${failing} case(s) with a crash, a dead or hung worker, a bad position, a malformed diagnostic, an unsafe output or a nondeterministic output`
    : '  result            ok: no crash, no unpositioned diagnostic, no nondeterminism');
  return `${lines.join('\n')}\n`;
}
