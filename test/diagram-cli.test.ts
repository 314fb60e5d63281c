// `koseizu diagram`: main() in-process with a capturing console for the details (formats, usage errors,
// what is and is not written), and the installed command (node bin/koseizu.js) once end to end.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Console } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const MINIMAL = 'examples/minimal/model.yaml';
const CLOUD = 'examples/cloud-ehr/model.yaml';
const BROKEN = 'test/fixtures/io/several-errors.yaml';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const STACK_FRAME = /^\s{4}at /m;

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'koseizu-diagram-cli-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

interface Run { code: number; out: string; err: string }

async function run(argv: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: Console = { out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(argv, io, {});
  return { code, out, err };
}

const file = (name: string): string => join(dir, name);
const isPng = (bytes: Buffer): boolean => bytes.subarray(0, 8).equals(PNG_SIGNATURE);
const pngSize = (bytes: Buffer): { width: number; height: number } => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
const svgSize = (svg: string): { width: number; height: number } => ({
  width: Number(/^<svg [^>]*\bwidth="(\d+)"/.exec(svg)?.[1]),
  height: Number(/^<svg [^>]*\bheight="(\d+)"/.exec(svg)?.[1]),
});
/** Files in the folder that look like leftovers of a write (…koseizu-<pid>.tmp). */
const leftovers = (folder: string): string[] => readdirSync(folder).filter((f) => /\.tmp$/.test(f));

describe('diagram: output formats', () => {
  it('without -o: SVG on standard output, nothing on standard error', async () => {
    const r = await run(['diagram', MINIMAL]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(r.out.endsWith('</svg>\n')).toBe(true);
  });

  it('-o .svg writes the SVG (the same as on standard output) and says so on standard error', async () => {
    const path = file('out.svg');
    const r = await run(['diagram', MINIMAL, '-o', path]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${path} を書き出しました\n`);
    expect(readFileSync(path, 'utf8')).toBe((await run(['diagram', MINIMAL])).out);
  });

  it('-o .png writes a PNG of the SVG\'s size; --scale 2 doubles it', async () => {
    const svg = (await run(['diagram', MINIMAL])).out;
    const path = file('out.png');
    const r = await run(['diagram', MINIMAL, '-o', path]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const bytes = readFileSync(path);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual(svgSize(svg));
    const double = file('out@2x.png');
    expect((await run(['diagram', MINIMAL, '-o', double, '--scale', '2'])).code).toBe(0);
    expect(pngSize(readFileSync(double))).toEqual({ width: 2 * svgSize(svg).width, height: 2 * svgSize(svg).height });
  });

  it('-o .mmd writes a Mermaid flowchart; -o .md a Markdown page with a mermaid fence', async () => {
    const mmd = file('out.mmd');
    expect((await run(['diagram', MINIMAL, '-o', mmd])).code).toBe(0);
    const text = readFileSync(mmd, 'utf8');
    expect(text).toMatch(/^flowchart TB$/m);
    expect(text).not.toContain('```');
    const md = file('out.md');
    expect((await run(['diagram', MINIMAL, '-o', md])).code).toBe(0);
    const page = readFileSync(md, 'utf8');
    expect(page).toMatch(/^```mermaid\n(%%[^\n]*\n)?flowchart TB$/m);
    expect(page.match(/^```/gm)).toHaveLength(2);
    // --direction right is LR in Mermaid.
    expect((await run(['diagram', MINIMAL, '--format', 'mmd', '--direction', 'right'])).out).toMatch(/^flowchart LR$/m);
  });

  it('the extension is read without regard to case', async () => {
    const path = file('UPPER.SVG');
    expect((await run(['diagram', MINIMAL, '-o', path])).code).toBe(0);
    expect(readFileSync(path, 'utf8').startsWith('<svg')).toBe(true);
  });

  it('--format overrides the extension', async () => {
    const txt = file('diagram.txt');
    expect((await run(['diagram', MINIMAL, '-o', txt, '--format', 'svg'])).code).toBe(0);
    expect(readFileSync(txt, 'utf8').startsWith('<svg')).toBe(true);
    const svgNamed = file('really-mermaid.svg');
    expect((await run(['diagram', MINIMAL, '-o', svgNamed, '--format', 'mmd'])).code).toBe(0);
    expect(readFileSync(svgNamed, 'utf8')).toMatch(/^flowchart TB$/m);
    const pngNamedSvg = file('really-png.svg');
    expect((await run(['diagram', MINIMAL, '-o', pngNamedSvg, '--format', 'png'])).code).toBe(0);
    expect(isPng(readFileSync(pngNamedSvg))).toBe(true);
    const r = await run(['diagram', MINIMAL, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('```mermaid\n');
  });

  it('a folder that does not exist yet is created for the output', async () => {
    const path = file(join('new', 'deeper', 'out.svg'));
    expect((await run(['diagram', MINIMAL, '-o', path])).code).toBe(0);
    expect(readFileSync(path, 'utf8').startsWith('<svg')).toBe(true);
  });

  it('the SVG speaks the model\'s system.lang unless --lang says otherwise', async () => {
    // The minimal example says lang: en; the cloud-EHR example says ja.
    const en = (await run(['diagram', MINIMAL])).out;
    for (const word of ['>Legend</text>', '>Media transport</text>', '>LAN</text>', '>Configuration diagram</text>', 'model hash: ']) expect(en).toContain(word);
    expect(en).not.toMatch(/凡例|記憶媒体|全体構成図/);
    expect((await run(['--lang', 'en', 'diagram', MINIMAL])).out).toBe(en);
    const ja = (await run(['--lang', 'ja', 'diagram', MINIMAL])).out;
    for (const word of ['>凡例</text>', '>記憶媒体の搬送</text>', '>全体構成図</text>', 'モデルのハッシュ: ']) expect(ja).toContain(word);
    expect((await run(['diagram', '--lang=ja', MINIMAL])).out).toBe(ja);
    expect((await run(['diagram', CLOUD])).out).toContain('>凡例</text>');
    expect((await run(['diagram', '--lang', 'en', CLOUD])).out).toContain('>Legend</text>');
  });

  it('--phase and --direction change the drawing', async () => {
    const all = (await run(['diagram', CLOUD])).out;
    const development = (await run(['diagram', CLOUD, '--phase', 'development'])).out;
    expect(all).toContain(' id="dev-intake-tablet"');
    expect(development).not.toContain(' id="dev-intake-tablet"');
    expect(development).toContain(' id="dev-dev-terminal"');
    const right = (await run(['diagram', MINIMAL, '--direction', 'right'])).out;
    expect(right.startsWith('<svg')).toBe(true);
    expect(right).not.toBe((await run(['diagram', MINIMAL])).out);
  });
});

describe('diagram: usage errors exit 2 and write nothing', () => {
  it('an unknown extension, with a hint (in both languages)', async () => {
    const path = file('diagram.pdf');
    const ja = await run(['diagram', MINIMAL, '-o', path]);
    expect(ja.code).toBe(2);
    expect(ja.err).toContain(`${path}: 出力形式が分かりません`);
    expect(ja.err).toMatch(/ヒント: .*\.svg/);
    const en = await run(['--lang', 'en', 'diagram', MINIMAL, '-o', path]);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/unknown output format\nhint: .*\.svg/);
    expect(existsSync(path)).toBe(false);
    expect((await run(['diagram', MINIMAL, '-o', file('no-extension')])).code).toBe(2);
    expect(existsSync(file('no-extension'))).toBe(false);
  });

  it('an unknown --format', async () => {
    const r = await run(['diagram', MINIMAL, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/svg, png, mmd, md|"svg", "png", "mmd", "md"/);
    expect(r.out).toBe('');
  });

  it('PNG without -o (a terminal cannot take it), with a hint', async () => {
    const r = await run(['diagram', MINIMAL, '--format', 'png']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/ヒント: -o diagram\.png/);
  });

  it('--scale 0, abc, negative, over 10 or empty', async () => {
    for (const scale of ['0', 'abc', '-1', '11', '', 'Infinity', 'NaN']) {
      const path = file(`scale-${scale || 'empty'}.png`);
      const r = await run(['diagram', MINIMAL, '-o', path, '--scale', scale]);
      expect(r.code, `--scale ${scale}`).toBe(2);
      expect(r.err, `--scale ${scale}`).toContain('--scale');
      expect(existsSync(path), `--scale ${scale}`).toBe(false);
    }
    // The limits themselves are allowed.
    expect((await run(['diagram', MINIMAL, '-o', file('scale-0.1.png'), '--scale', '0.1'])).code).toBe(0);
  });

  it('--phase and --direction with an unknown value', async () => {
    const phase = await run(['diagram', MINIMAL, '--phase', 'maintenance']);
    expect(phase.code).toBe(2);
    expect(phase.out).toBe('');
    expect(phase.err).toMatch(/maintenance/);
    expect(phase.err).toMatch(/development/);
    expect((await run(['diagram', MINIMAL, '--direction', 'up'])).code).toBe(2);
  });

  it('no model, or a model that does not exist', async () => {
    expect((await run(['diagram'])).code).toBe(2);
    const r = await run(['diagram', 'no/such/model.yaml', '-o', file('missing.svg')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^no\/such\/model\.yaml:1:1: error KZ006 /m);
    expect(r.err).not.toMatch(STACK_FRAME);
    expect(existsSync(file('missing.svg'))).toBe(false);
  });

  it('an invalid model: its diagnostics and summary, and no output file', async () => {
    for (const name of ['invalid.svg', 'invalid.png', 'invalid.md']) {
      const path = file(name);
      const r = await run(['diagram', BROKEN, '-o', path]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^test\/fixtures\/io\/several-errors\.yaml:\d+:\d+: error KZ\d{3} /m);
      expect(r.err.trimEnd().split('\n').at(-1)).toMatch(/^エラー \d+ 件、警告 \d+ 件$/);
      expect(r.err).not.toMatch(/書き出しました/);
      expect(existsSync(path)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
    const stdout = await run(['diagram', BROKEN]);
    expect(stdout.code).toBe(2);
    expect(stdout.out).toBe('');
  });

  it('-o naming the model itself, or a file it includes: exit 2, and the model is unchanged', async () => {
    const folder = file('model-dir');
    mkdirSync(folder, { recursive: true });
    const model = join(folder, 'model.yaml');
    const network = join(folder, 'network.yaml');
    copyFileSync(join(ROOT, CLOUD), model);
    copyFileSync(join(ROOT, 'examples/cloud-ehr/network.yaml'), network);
    const before = { model: readFileSync(model, 'utf8'), network: readFileSync(network, 'utf8') };
    for (const argv of [
      ['diagram', model, '-o', model, '--format', 'svg'],
      ['diagram', model, '-o', join(folder, '.', 'model.yaml'), '--format', 'png'],
      ['diagram', model, '-o', network, '--format', 'mmd'],
      ['diagram', model, '-o', model],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(/書き出しました/);
    }
    const same = await run(['diagram', model, '-o', model, '--format', 'svg']);
    expect(same.err).toContain(`${model}: 読み込んだファイル（${model}）には書き込みません`);
    const en = await run(['--lang', 'en', 'diagram', model, '-o', network, '--format', 'md']);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/refusing to write over a file this run reads \(.*network\.yaml\)\nhint: /);
    expect(readFileSync(model, 'utf8')).toBe(before.model);
    expect(readFileSync(network, 'utf8')).toBe(before.network);
    expect(readdirSync(folder).sort()).toEqual(['model.yaml', 'network.yaml']);
  });
});

describe('diagram: writing over an existing file', () => {
  it('replaces it whole, leaves no temporary file behind', async () => {
    const folder = file('overwrite');
    mkdirSync(folder, { recursive: true });
    const svgPath = join(folder, 'diagram.svg');
    const pngPath = join(folder, 'diagram.png');
    // Longer than what replaces it, so a write in place would leave its tail.
    writeFileSync(svgPath, 'x'.repeat(500_000));
    writeFileSync(pngPath, Buffer.alloc(2_000_000, 0xab));
    expect((await run(['diagram', MINIMAL, '-o', svgPath])).code).toBe(0);
    expect((await run(['diagram', MINIMAL, '-o', pngPath])).code).toBe(0);
    expect(readFileSync(svgPath, 'utf8')).toBe((await run(['diagram', MINIMAL])).out);
    const png = readFileSync(pngPath);
    expect(isPng(png)).toBe(true);
    expect(png.length).toBeLessThan(2_000_000);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    expect(readdirSync(folder).sort()).toEqual(['diagram.png', 'diagram.svg']);
    // Twice over: the same bytes.
    expect((await run(['diagram', MINIMAL, '-o', pngPath])).code).toBe(0);
    expect(readFileSync(pngPath).equals(png)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  // Regression (src/cli/main.ts diagramCommand / src/io/disk.ts writeOutput, fixed): an output path that cannot be written (here an
  // existing folder named like the output) makes writeOutput throw EISDIR, which main() reports as an internal
  // error ("内部エラー: EISDIR: illegal operation on a directory, rename …" and "please report it") instead of
  // a plain "cannot write" error like init's; the exit code, 2, is right.
  it('an output that cannot be written is a plain error (exit 2), not an internal error, and leaves nothing behind', async () => {
    const folder = file('unwritable');
    mkdirSync(join(folder, 'diagram.svg'), { recursive: true });
    const r = await run(['diagram', MINIMAL, '-o', join(folder, 'diagram.svg')]);
    expect(r.code).toBe(2);
    expect(leftovers(folder)).toEqual([]);
    expect(statSync(join(folder, 'diagram.svg')).isDirectory()).toBe(true);
    expect(r.err).toContain(join(folder, 'diagram.svg'));
    expect(r.err).not.toMatch(/内部エラー|internal error/);
  });
});

// --- End to end: the installed command ---------------------------------------------------------------------

describe('bin/koseizu.js diagram (end to end; needs `npm run build`)', () => {
  it('writes a PNG of the cloud-ehr example and says so; exit 0', () => {
    const { KOSEIZU_DEBUG: _debug, ...env } = process.env;
    const path = file('e2e.png');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'koseizu.js'), 'diagram', CLOUD, '-o', path, '--scale', '0.5'], {
      cwd: ROOT, encoding: 'utf8', env, timeout: 60_000,
    });
    if (/not built/.test(r.stderr)) throw new Error('koseizu is not built: run `npm run build` (npm test does it) before these tests');
    expect(r.stderr).toBe(`${path} を書き出しました\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(path);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes).width).toBeGreaterThan(200);
  });
});
