// One fuzz case through the library as the CLI runs it: validate, and when the model loads, threats (md,
// csv, json), flows (md, csv, json), check (SARIF and text), the diagram (Mermaid always, SVG and PNG on
// a share of the cases), the report (HTML, Markdown, Excel, SVG), and on smaller shares diff against the
// unmutated example and the workshop view. Every stage is timed and guarded: what it throws is a crash,
// what it returns is classified (classify.ts). A share of the cases runs twice, compared byte for byte.
import { createHash } from 'node:crypto';
import type { Rasteriser } from '../../models/render.js';
import type { Lang, Phase, Rank } from '../../models/vocabulary.js';
import {
  check, CHECK_FORMATS, diagram, diff, FLOW_FORMATS, flows, report, THREAT_FORMATS, threats, validate, workshop,
  type DiffFormat, type ElkLoader, type FlowFormat, type ModelInput, type ThreatFormat,
} from '../../src/index.js';
import type { FuzzCase } from './cases.js';
import { checkDiagnostics, checkOutput, checkRanges, crashFinding, type Finding, type OutputKind } from './classify.js';
import type { Example } from './corpus.js';
import { fuzzHost, type Content } from './host.js';
import { caseSeed, Random } from './random.js';

/** The share of loading cases each optional stage runs on (0 to 1). */
export interface Shares {
  readonly svg: number;
  readonly report: number;
  /** A real PNG (resvg with the bundled fonts); otherwise the report's PNG is left empty. */
  readonly png: number;
  readonly diff: number;
  readonly workshop: number;
  /** Run the case twice and compare every output. */
  readonly twice: number;
}

export const DEFAULT_SHARES: Shares = { svg: 0.25, report: 0.25, png: 0.02, diff: 0.1, workshop: 0.05, twice: 0.05 };

/** The heavy parts, made once per worker. */
export interface Engine {
  readonly loadElk?: ElkLoader;
  /** The real PNG rasteriser, made on first use. */
  readonly rasteriser?: () => Rasteriser;
}

export interface CaseOptions {
  readonly slowMs: number;
  readonly shares: Shares;
  readonly engine: Engine;
  /** The harness's own test: make the validate stage throw. */
  readonly injectCrash?: boolean;
}

export interface CaseOutcome {
  readonly index: number;
  readonly example: string;
  readonly host: FuzzCase['host'];
  readonly target: string | null;
  readonly mutations: readonly string[];
  /** Whether the mutated model loaded (validate said ok). */
  readonly loaded: boolean;
  /** Whether it ran twice for the determinism check. */
  readonly twice: boolean;
  readonly ms: number;
  /** Milliseconds by stage, and `ms` in all, of the first run (a case run twice is timed once). */
  readonly stages: Readonly<Record<string, number>>;
  /** Peak resident set (the process's) and heap used (this isolate's), sampled after each stage, in bytes. */
  readonly rss: number;
  readonly heapUsed: number;
  readonly findings: readonly Finding[];
  /** The distinct diagnostic codes the case produced. */
  readonly codes: readonly string[];
}

/** A rasteriser that draws nothing: the report's PNG is skipped for speed on most cases. */
const NO_PNG: Rasteriser = { maxPixels: 1e9, prepare: () => ({ render: async (_svg, _w, _h, scale) => ({ png: new Uint8Array(0), scale }) }) };

const PHASES: readonly (Phase | undefined)[] = [undefined, undefined, 'development', 'operation', 'termination'];
const RANKS: readonly (Rank | undefined)[] = [undefined, undefined, 'S', 'A', 'B', 'C', 'D'];
const LANGS: readonly (Lang | undefined)[] = [undefined, undefined, 'ja', 'en'];

/** What one case runs with: drawn from its own stream, so reruns of the case take the same options. */
function planOf(c: FuzzCase, shares: Shares) {
  const rng = new Random(caseSeed(c.seed ^ 0x51ed27, c.index));
  return {
    lang: rng.pick(LANGS),
    threats: rng.pick<ThreatFormat>(['md', 'csv', 'json']),
    filter: rng.chance(0.2) ? { phase: rng.pick(PHASES), minRank: rng.pick(RANKS) } : {},
    flows: rng.pick<FlowFormat>(['md', 'csv', 'json']),
    failOn: rng.pick(RANKS),
    strict: rng.chance(0.3),
    mermaid: rng.pick<'mmd' | 'md'>(['mmd', 'md']),
    phase: rng.pick(PHASES),
    direction: rng.pick<'down' | 'right'>(['down', 'right']),
    svg: rng.chance(shares.svg),
    report: rng.chance(shares.report),
    png: rng.chance(shares.png),
    diff: rng.chance(shares.diff),
    diffFormat: rng.pick<DiffFormat>(['text', 'md', 'json']),
    diffDiagram: rng.chance(0.3),
    workshop: rng.chance(shares.workshop),
    twice: rng.chance(shares.twice),
  };
}

const KIND_OF_FORMAT: Readonly<Record<string, OutputKind>> = { md: 'stdout', csv: 'stdout', json: 'json', mmd: 'stdout', text: 'terminal', sarif: 'json' };
const REPORT_KINDS: Readonly<Record<string, OutputKind>> = { 'index.html': 'html', 'report.md': 'stdout', 'risks.xlsx': 'zip', 'diagram.svg': 'xml', 'diagram.png': 'png' };

const digest = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('hex').slice(0, 12);

const textOf = (content: Content): string => (typeof content === 'string' ? content : new TextDecoder().decode(content));

export async function runCase(c: FuzzCase, original: Example | undefined, options: CaseOptions): Promise<CaseOutcome> {
  const plan = planOf(c, options.shares);
  const findings: Finding[] = [];
  const stages: Record<string, number> = {};
  const codes = new Set<string>();
  const files = new Set(Object.keys(c.files));
  let words = '';
  try {
    words = Object.values(c.files).map(textOf).join('\n');
  } catch {
    // Files that cannot even be listed fail in the first stage that reads them.
  }
  let rss = 0;
  let heapUsed = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heapUsed = Math.max(heapUsed, m.heapUsed);
  };
  const started = performance.now();

  /** One pass over every stage the plan names; `first` checks positions and outputs, a second pass only collects outputs. */
  const pass = async (first: boolean): Promise<{ loaded: boolean; outputs: Map<string, string | Uint8Array> }> => {
    const outputs = new Map<string, string | Uint8Array>();
    const host = fuzzHost(c.files, c.host);
    const input: ModelInput = { path: c.root, host };
    const note = (f: readonly Finding[]): void => {
      if (first) findings.push(...f);
    };
    const stage = async <T>(name: string, run: () => T | Promise<T>): Promise<T | undefined> => {
      const t0 = performance.now();
      try {
        return await run();
      } catch (error) {
        note([crashFinding(name, error)]);
        return undefined;
      } finally {
        if (first) stages[name] = (stages[name] ?? 0) + performance.now() - t0;
        sample();
      }
    };
    const output = (stageName: string, name: string, kind: OutputKind, data: string | Uint8Array): void => {
      outputs.set(name, data);
      note(checkOutput(stageName, name, kind, data));
    };
    const diagnosed = (stageName: string, diagnostics: readonly { readonly code: string }[]): void => {
      if (!first) return;
      for (const d of diagnostics) codes.add(d.code);
      findings.push(...checkDiagnostics(stageName, diagnostics, host.texts, files, words));
    };
    const mustLoad = (stageName: string, status: string): boolean => {
      if (status !== 'invalid') return true;
      note([{ class: 'malformed', stage: stageName, detail: 'invalid although validate loaded the same files' }]);
      return false;
    };

    const validated = await stage('validate', () => {
      if (options.injectCrash) throw new Error('injected crash (fuzz harness self-test)');
      return validate(input);
    });
    if (!validated) return { loaded: false, outputs };
    diagnosed('validate', validated.diagnostics);
    outputs.set('validate', JSON.stringify(validated.diagnostics));
    if (validated.status === 'invalid') {
      if (!validated.diagnostics.some((d) => d.severity === 'error')) note([{ class: 'malformed', stage: 'validate', detail: 'invalid with no error diagnostic' }]);
      return { loaded: false, outputs };
    }
    if (first) findings.push(...checkRanges('validate', validated.model, host.texts, files));

    const t = await stage('threats', () => threats(input, { format: plan.threats, lang: plan.lang, filter: plan.filter }));
    if (t && mustLoad('threats', t.status) && t.status === 'ok') {
      output('threats', `threats.${plan.threats}`, KIND_OF_FORMAT[plan.threats] ?? 'stdout', t.output);
      for (const f of Object.keys(THREAT_FORMATS) as ThreatFormat[]) {
        if (f === plan.threats) continue;
        const out = await stage('threats', () => THREAT_FORMATS[f](t.list));
        if (out !== undefined) output('threats', `threats.${f}`, KIND_OF_FORMAT[f] ?? 'stdout', out);
      }
      diagnosed('threats', t.responses.diagnostics);
      if (first) findings.push(...checkRanges('threats', t.assessment.risks, host.texts, files));
    }

    const fl = await stage('flows', () => flows(input, { format: plan.flows, lang: plan.lang }));
    if (fl && mustLoad('flows', fl.status) && fl.status === 'ok') {
      output('flows', `flows.${plan.flows}`, KIND_OF_FORMAT[plan.flows] ?? 'stdout', fl.output);
      for (const f of Object.keys(FLOW_FORMATS) as FlowFormat[]) {
        if (f === plan.flows) continue;
        const out = await stage('flows', () => FLOW_FORMATS[f](fl.table));
        if (out !== undefined) output('flows', `flows.${f}`, KIND_OF_FORMAT[f] ?? 'stdout', out);
      }
    }

    const ck = await stage('check', () => check(input, { format: 'sarif', lang: plan.lang, failOn: plan.failOn, strict: plan.strict, toolVersion: '0.0.0-fuzz' }));
    if (ck && mustLoad('check', ck.status) && ck.status !== 'invalid') {
      output('check', 'check.sarif', 'json', ck.output);
      const text = await stage('check', () => CHECK_FORMATS.text(ck.view));
      if (text !== undefined) output('check', 'check.text', 'terminal', text);
      if (first) findings.push(...checkRanges('check', { checked: ck.checked, view: ck.view }, host.texts, files));
    }

    const mm = await stage('diagram-mermaid', () => diagram(input, { format: plan.mermaid, lang: plan.lang, phase: plan.phase, direction: plan.direction }));
    if (mm && mustLoad('diagram-mermaid', mm.status) && mm.status === 'ok') output('diagram-mermaid', `diagram.${plan.mermaid}`, 'stdout', mm.output);

    if (plan.svg) {
      const svg = await stage('diagram-svg', () => diagram(input, { format: 'svg', lang: plan.lang, phase: plan.phase, direction: plan.direction }, { ...(options.engine.loadElk ? { loadElk: options.engine.loadElk } : {}) }));
      if (svg && mustLoad('diagram-svg', svg.status) && svg.status === 'ok') output('diagram-svg', 'diagram.svg', 'xml', svg.output);
    }

    if (plan.report) {
      const rasteriser = plan.png && options.engine.rasteriser ? options.engine.rasteriser() : NO_PNG;
      const r = await stage('report', () => report(input, { lang: plan.lang, direction: plan.direction }, { rasteriser, ...(options.engine.loadElk ? { loadElk: options.engine.loadElk } : {}) }));
      if (r && mustLoad('report', r.status) && r.status === 'ok') {
        for (const f of r.files) output('report', `report/${f.name}`, REPORT_KINDS[f.name] ?? 'stdout', f.data);
      }
    }

    if (plan.diff && original) {
      const base = { path: original.root, host: fuzzHost(original.files, 'disk'), label: `${original.name} (example)` };
      const d = await stage('diff', () => diff(base, { ...input, label: `case ${c.index}` }, { format: plan.diffFormat, lang: plan.lang, failOn: plan.failOn, ...(plan.diffDiagram ? { diagram: 'svg' as const } : {}) }, { ...(options.engine.loadElk ? { loadElk: options.engine.loadElk } : {}) }));
      if (d && d.status === 'invalid') note([{ class: 'malformed', stage: 'diff', detail: 'invalid although both versions load' }]);
      else if (d) {
        output('diff', `diff.${plan.diffFormat}`, KIND_OF_FORMAT[plan.diffFormat] ?? 'stdout', d.output);
        if (d.diagram !== null) output('diff', 'diff.svg', 'xml', d.diagram);
      }
    }

    if (plan.workshop) {
      const w = await stage('workshop', () => workshop(input, { lang: plan.lang }, { ...(options.engine.loadElk ? { loadElk: options.engine.loadElk } : {}) }));
      if (w) {
        const state = await stage('workshop', () => JSON.stringify(w.state));
        if (state !== undefined) output('workshop', 'workshop.json', 'json', state);
      }
    }
    return { loaded: true, outputs };
  };

  const one = await pass(true);
  const ms = performance.now() - started;
  if (plan.twice) {
    const two = await pass(false);
    const names = [...new Set([...one.outputs.keys(), ...two.outputs.keys()])].sort();
    for (const name of names) {
      const a = one.outputs.get(name);
      const b = two.outputs.get(name);
      const da = a === undefined ? 'none' : digest(a);
      const db = b === undefined ? 'none' : digest(b);
      if (da !== db) findings.push({ class: 'nondeterministic', stage: name.split(/[./]/)[0] ?? name, detail: `${name}: sha1 ${da} then ${db}` });
    }
  }
  if (ms > options.slowMs) {
    const top = Object.entries(stages).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, t]) => `${s} ${Math.round(t)} ms`).join(', ');
    findings.push({ class: 'slow', stage: Object.entries(stages).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'case', detail: `${Math.round(ms)} ms (${top})` });
  }
  return {
    index: c.index, example: c.example, host: c.host, target: c.target, mutations: c.mutations, loaded: one.loaded, twice: plan.twice,
    ms, stages, rss, heapUsed, findings, codes: [...codes].sort(),
  };
}
