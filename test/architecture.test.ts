// The direction of every import, as DESIGN.md and the folders' READMEs say it: models <- stages <- rules,
// renderers read views only, and only the CLI and io touch the machine. Each import of the source tree
// (static, dynamic and type-only, read with TypeScript's own pre-processor) is checked against the rules
// below; a table shows each rule catching what it must and passing what it must.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const TREES = ['models', 'threat-rules', 'renderers', 'src'] as const;

/** An import: the importing file and what it names, both as paths from the repository root ("node:fs" for built-ins). */
interface Import {
  readonly from: string;
  readonly to: string;
}

/** The part of the tree a file belongs to: a top-level folder, a stage of src/, or one of src/'s own files. */
export function area(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0] as string;
  return parts.length > 2 ? `src/${parts[1] as string}` : file;
}

const STAGES = ['src/load', 'src/analysis', 'src/diagram', 'src/report', 'src/diff', 'src/words', 'src/workshop', 'src/formats.ts'];
/** Built-ins that reach the machine: files, processes, the network, the OS. */
const MACHINE = /^node:(fs|fs\/promises|child_process|http|https|http2|net|dgram|os|vm|worker_threads|cluster|readline|tty|process)$/;
const MACHINE_AREAS = new Set(['src/io', 'src/cli']);

/** What is wrong with one import, or null. */
export function violation(imp: Import): string | null {
  const a = area(imp.from);
  if (imp.to.startsWith('node:')) {
    return MACHINE.test(imp.to) && !MACHINE_AREAS.has(a) ? `${imp.from}: ${imp.to} is for src/io and src/cli only` : null;
  }
  if (!imp.to.startsWith('.') && !TREES.some((t) => imp.to.startsWith(`${t}/`))) return null; // an npm package
  const b = area(imp.to);
  if (a === b) return null;
  const say = (why: string): string => `${imp.from} imports ${imp.to}: ${why}`;
  if (a === 'models') return say('models/ imports only models/');
  if (a === 'threat-rules') return b === 'models' ? null : say('threat-rules/ imports only models/');
  if (a === 'renderers') return b === 'models' ? null : say('renderers/ read views (models/) only');
  if (b === 'threat-rules') {
    return imp.from === 'src/index.ts' && imp.to === 'threat-rules/index.ts' ? null : say('only src/index.ts imports the rules, through threat-rules/index.ts');
  }
  if (STAGES.includes(a) && (b === 'src/index.ts' || b === 'src/io' || b === 'src/cli')) return say('a stage imports models, renderers and earlier stages, never the library\'s wiring, io or the CLI');
  if (a === 'src/io' && b === 'src/cli') return say('io serves the CLI, not the other way round');
  return null;
}

/** Folder-level cycles: each as the areas around it. */
export function cycles(imports: readonly Import[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (to.startsWith('node:') || (!TREES.some((t) => to.startsWith(`${t}/`)))) continue;
    const a = area(from);
    const b = area(to);
    if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    path.push(n);
    for (const m of [...(next.get(n) ?? [])].sort()) {
      if (state.get(m) === 'open') found.push([...path.slice(path.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    path.pop();
    state.set(n, 'done');
  };
  for (const n of [...next.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const t of TREES) walk(t);
  return files;
}

/** Every import of the tree, with relative paths resolved to files from the root (.js named, .ts on disk). */
function treeImports(files: readonly string[]): Import[] {
  return files.flatMap((from) => {
    const info = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true);
    return info.importedFiles.map(({ fileName }) => ({
      from,
      to: fileName.startsWith('.') ? relative(root, resolve(root, dirname(from), fileName)).replace(/\.js$/, '.ts').split('\\').join('/') : fileName,
    }));
  });
}

/** Where a file outside src/io and src/cli reaches for the `process` global. */
function processUses(file: string, text: string): string[] {
  if (MACHINE_AREAS.has(area(file))) return [];
  const uses: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node): void => {
    // `process.argv`, `process.on(...)`: the global's members (a key or a type named process is not it).
    if (ts.isIdentifier(node) && node.text === 'process' && ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) {
      uses.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('the rules catch what they must, and pass what they must', () => {
  it.each([
    ['models/risk.ts', 'models/vocabulary.ts', null],
    ['models/risk.ts', 'src/analysis/score.ts', 'models/ imports only models/'],
    ['threat-rules/ransomware.ts', 'models/facts.ts', null],
    ['threat-rules/ransomware.ts', 'src/analysis/facts.ts', 'threat-rules/ imports only models/'],
    ['renderers/html/report.ts', 'renderers/escape.ts', null],
    ['renderers/html/report.ts', 'models/report.ts', null],
    ['renderers/html/report.ts', 'src/report/report.ts', 'renderers/ read views'],
    ['src/index.ts', 'threat-rules/index.ts', null],
    ['src/index.ts', 'threat-rules/ransomware.ts', 'only src/index.ts imports the rules'],
    ['src/report/checklist.ts', 'threat-rules/index.ts', 'only src/index.ts imports the rules'],
    ['src/report/report.ts', 'src/words/wording.ts', null],
    ['src/report/report.ts', 'src/index.ts', 'never the library\'s wiring'],
    ['src/diff/graph.ts', 'src/io/disk.ts', 'never the library\'s wiring, io'],
    ['src/io/serve.ts', 'src/index.ts', null],
    ['src/io/serve.ts', 'src/cli/words.ts', 'io serves the CLI'],
    ['src/cli/main.ts', 'src/io/index.ts', null],
    ['src/io/disk.ts', 'node:fs', null],
    ['src/cli/main.ts', 'node:path', null],
    ['src/load/files.ts', 'node:path', null],
    ['src/load/files.ts', 'node:fs', 'is for src/io and src/cli only'],
    ['renderers/png/index.ts', 'node:child_process', 'is for src/io and src/cli only'],
    ['src/report/report.ts', 'node:os', 'is for src/io and src/cli only'],
    ['renderers/png/index.ts', '@resvg/resvg-js', null],
  ] as const)('%s -> %s', (from, to, expected) => {
    const got = violation({ from, to });
    if (expected === null) expect(got).toBeNull();
    else expect(got).toContain(expected);
  });

  it('finds the process global outside io and the CLI, and not a key or a type of that name', () => {
    expect(processUses('src/report/x.ts', 'const a = 1;\nconst cwd = process.cwd();\n')).toEqual(['src/report/x.ts:2']);
    expect(processUses('src/io/x.ts', 'const cwd = process.cwd();')).toEqual([]);
    expect(processUses('models/x.ts', "const WORDS = { process: '処理' }; type P = NodeJS.Process; const k = WORDS.process;")).toEqual([]);
  });

  it('finds a cycle between folders, and none in a chain', () => {
    expect(cycles([{ from: 'src/report/a.ts', to: 'src/words/b.ts' }, { from: 'src/words/c.ts', to: 'src/report/d.ts' }]))
      .toEqual([['src/report', 'src/words', 'src/report']]);
    expect(cycles([{ from: 'src/report/a.ts', to: 'src/words/b.ts' }, { from: 'src/words/c.ts', to: 'models/d.ts' }])).toEqual([]);
  });
});

describe('the source tree', () => {
  const files = sourceFiles();
  const imports = treeImports(files);

  it('is read whole: every area of the pipeline, and the imports between them', () => {
    const areas = new Set(files.map(area));
    for (const a of ['models', 'threat-rules', 'renderers', 'src/index.ts', 'src/formats.ts', 'src/load', 'src/analysis', 'src/diagram', 'src/report', 'src/diff', 'src/words', 'src/workshop', 'src/io', 'src/cli']) {
      expect(areas.has(a), a).toBe(true);
    }
    expect(imports.filter((i) => i.from === 'src/index.ts' && i.to === 'threat-rules/index.ts').length).toBeGreaterThan(0);
    expect(imports.some((i) => i.from.startsWith('renderers/') && i.to.startsWith('models/'))).toBe(true);
  });

  it('imports in the directions DESIGN.md gives, and nowhere else', () => {
    expect(imports.map(violation).filter((v) => v !== null)).toEqual([]);
  });

  it('has no cycle between its folders', () => {
    expect(cycles(imports)).toEqual([]);
  });

  it('leaves the process to src/io and src/cli', () => {
    expect(files.flatMap((f) => processUses(f, readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
});
