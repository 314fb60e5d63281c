// The package as a user installs it: `npm pack` of the built tree, the tarball installed into a fresh
// folder, and a program importing 'koseizu' and 'koseizu/node' type-checked against the shipped
// declarations (the library's own example from docs/api.md among them) and run. The dependencies are
// taken from this checkout's node_modules (npm links them), so the test needs no network.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { diskHost } from '../src/io/index.js';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
let dir: string;
let stage: string;
let stagedManifest: string;
let installLog: string;

/** npm, as the test was started by it (npm test) or from PATH. */
function npm(args: readonly string[], cwd: string): string {
  const execPath = process.env['npm_execpath'];
  const [command, argv] = execPath && /npm-cli\.js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npm', [...args]];
  const run = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** npm's whole output, warnings included. */
function npmLog(args: readonly string[], cwd: string): string {
  const execPath = process.env['npm_execpath'];
  const [command, argv] = execPath && /npm-cli\.js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npm', [...args]];
  const run = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

function run(command: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The docs' example blocks, each its own module. */
function docExamples(): string[] {
  const text = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

const CONSUMER = `
import { check, DIAGRAM_FORMATS, exitCode, flows, formatNames, rules, threats, validate, type Status, type ThreatRow } from 'koseizu';
import { diskHost } from 'koseizu/node';

const input = { path: 'examples/cloud-ehr/model.yaml', host: diskHost };
const listed = threats(input, { format: 'json' });
if (listed.status === 'invalid') throw new Error('the example did not load');
const rows: readonly ThreatRow[] = listed.list.rows;
const status: Status = check(input).status;
const broken = validate({ path: 'missing.yaml', host: diskHost });
/** Never called: the lines the compiler must refuse. */
export function typeErrors(): void {
  // @ts-expect-error a risk list has no xlsx format: the format tables are types
  threats(input, { format: 'xlsx' });
  // @ts-expect-error a model input needs its host
  flows({ path: 'x.yaml' });
}
let untyped = '';
try {
  threats(input, { format: 'xlsx' as 'md' });
} catch (error) {
  untyped = (error as Error).message;
}
const table = flows(input, { format: 'csv', lang: 'en' });
const catalogue = rules();
console.log(JSON.stringify({
  risks: rows.length,
  ids: rows.map((r) => r.id),
  status,
  invalid: exitCode(broken),
  code: broken.diagnostics[0]?.code,
  csvBom: table.status === 'ok' && table.output.startsWith('\\uFEFF'),
  rules: catalogue.status === 'ok' ? catalogue.catalogue.rules.length : 0,
  diagramFormats: formatNames(DIAGRAM_FORMATS),
  untyped,
}));
`;

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'src', 'index.d.ts'))) throw new Error('dist/ is not built: run npm run build (npm test builds it first)');
  dir = mkdtempSync(join(tmpdir(), 'koseizu-pack-'));
  // `npm pack` as a maintainer runs it, with its prepack and postpack scripts, in a copy of the files it
  // packs: the copy's `prepare` (the build, done already) is left out so the test does not rebuild dist/.
  const listed = JSON.parse(npm(['pack', '--dry-run', '--ignore-scripts', '--json'], root)) as { files: { path: string }[] }[];
  stage = join(dir, 'stage');
  for (const file of [...(listed[0]?.files ?? []).map((f) => f.path), 'scripts/pack-manifest.mjs']) cpSync(join(root, file), join(stage, file));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  delete manifest.scripts['prepare'];
  stagedManifest = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(join(stage, 'package.json'), stagedManifest);
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], stage)) as { filename: string }[];
  const tarball = join(dir, (packed[0] as { filename: string }).filename);
  const app = join(dir, 'app');
  cpSync(join(root, 'examples'), join(app, 'examples'), { recursive: true });
  // koseizu from the tarball; its dependencies linked to this checkout's copies instead of fetched.
  const overrides = Object.fromEntries(Object.keys(pkg.dependencies).map((d) => [d, `file:${join(root, 'node_modules', d)}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', overrides }, null, 2));
  installLog = npmLog(['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], app);
  writeFileSync(join(app, 'consumer.ts'), CONSUMER);
  docExamples().forEach((code, i) => writeFileSync(join(app, `example-${i}.ts`), code));
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true, skipLibCheck: false, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')], outDir: 'out',
    },
    include: ['*.ts'],
  }));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the library, its declarations, the node entry, the CLI and the licence, and nothing of the tests', () => {
    const app = join(dir, 'app', 'node_modules', 'koseizu');
    expect(readFileSync(join(app, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/io/index.js', 'dist/src/io/index.d.ts', 'dist/koseizu.mjs', 'bin/koseizu.js', 'models/koseizu.schema.json']) {
      expect(existsSync(join(app, file)), file).toBe(true);
    }
    expect(existsSync(join(app, 'test'))).toBe(false);
    expect(existsSync(join(app, 'dist', 'test'))).toBe(false);
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).version).toBe(pkg.version);
  });

  it('ships no development scripts and no cache bound to a Node version, and installs without a warning', () => {
    const app = join(dir, 'app', 'node_modules', 'koseizu');
    const shipped = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped['scripts']).toBeUndefined();
    expect(shipped['bin']).toEqual({ koseizu: 'bin/koseizu.js' });
    // The packing folder's package.json is put back whole after the pack, and nothing is left beside it.
    expect(readFileSync(join(stage, 'package.json'), 'utf8')).toBe(stagedManifest);
    expect(existsSync(join(stage, '.package.json.repo'))).toBe(false);
    const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(repo.scripts['prepack']).toBe('node scripts/pack-manifest.mjs strip');
    expect(repo.scripts['postpack']).toBe('node scripts/pack-manifest.mjs restore');
    const files = (function walk(d: string): string[] {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    })(app);
    expect(files.filter((f) => /code-cache|\.cache/.test(f))).toEqual([]);
    expect(files.filter((f) => /[\\/](scripts|bench|test)[\\/]/.test(f.slice(app.length)))).toEqual([]);
    expect(installLog).not.toMatch(/npm warn/i);
  });

  it('type-checks a program importing koseizu and koseizu/node, and the example of docs/api.md, against the shipped types', () => {
    expect(docExamples().length).toBeGreaterThan(0);
    const tsc = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], join(dir, 'app'));
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);

  it('runs the program: the installed library gives the risks the library in this checkout gives', () => {
    const out = run(process.execPath, ['out/consumer.js'], join(dir, 'app'));
    expect(out.stderr).toBe('');
    const got = JSON.parse(out.stdout) as { risks: number; ids: string[]; status: string; invalid: number; code: string; csvBom: boolean; rules: number; diagramFormats: string[]; untyped: string };
    const here = assess({ path: 'examples/cloud-ehr/model.yaml', host: diskHost });
    if (here.status !== 'ok') throw new Error('the example did not load here');
    expect(got.risks).toBe(here.assessment.risks.length);
    expect([...got.ids].sort()).toEqual(here.assessment.risks.map((r) => r.id).sort());
    expect(got.status).toBe('ok');
    expect(got).toMatchObject({ invalid: 2, code: 'KZ006', csvBom: true, diagramFormats: ['svg', 'png', 'mmd', 'md'] });
    // Untyped callers that pass a format the table lacks are told which there are.
    expect(got.untyped).toBe('threats: no format "xlsx" (md, csv, json)');
    expect(got.rules).toBeGreaterThan(30);
  }, 60_000);

  it('runs the docs example: a CSV risk list, a PNG diagram drawn at twice the size, the gate', () => {
    const app = join(dir, 'app');
    const out = run(process.execPath, ['out/example-0.js'], app);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^\d+ risks at rank A or above, of \d+\nok 0\n$/);
    expect(readFileSync(join(app, 'risks.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    const png = readFileSync(join(app, 'diagram.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }, 60_000);
});
