// Writes that cannot destroy input, inputs that cannot block, and outputs that do not depend on how a path
// was typed: each defect the reliability probe found, reproduced through the command line.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Console } from '../src/cli/main.js';
import { MANIFEST } from '../src/io/output.js';

const ROOT = join(import.meta.dirname, '..');
const RULES = readFileSync(join(ROOT, 'test/fixtures/rules/wlan-shared-key.yaml'), 'utf8');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'koseizu-safe-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

interface Run { code: number; out: string; err: string; bytes: number }

async function run(argv: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  let bytes = 0;
  const io: Console = { out: (t) => { out += t; }, err: (t) => { err += t; }, outBytes: (d) => { bytes += d.length; } };
  const code = await main(argv, io, {});
  return { code, out, err, bytes };
}

/** A copy of the cloud-EHR example (model and its include) in a fresh folder, with a rule file beside it. */
function example(name: string): { folder: string; model: string; network: string; rules: string; before: () => Record<string, string> } {
  const folder = join(dir, name);
  cpSync(join(ROOT, 'examples/cloud-ehr'), folder, { recursive: true });
  const rules = join(folder, 'rules.yaml');
  writeFileSync(rules, RULES);
  const files = [join(folder, 'model.yaml'), join(folder, 'network.yaml'), rules];
  const snapshot = (): Record<string, string> => Object.fromEntries(files.map((f) => [f, readFileSync(f, 'utf8')]));
  return { folder, model: files[0] as string, network: files[1] as string, rules, before: snapshot };
}

const leftovers = (folder: string): string[] => readdirSync(folder).filter((n) => n.includes('.koseizu-'));

describe('outputs never replace an input, by whatever path', () => {
  it('through a symbolically linked folder, the model and its include are refused (exit 2, unchanged)', async () => {
    const m = example('symlinked');
    const link = join(dir, 'link-to-symlinked');
    symlinkSync(m.folder, link);
    const before = m.before();
    for (const target of [join(link, 'model.yaml'), join(link, 'network.yaml')]) {
      const r = await run(['--lang', 'en', 'flows', m.model, '--format', 'csv', '-o', target]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/refusing to write over a file this run reads/);
    }
    expect(m.before()).toEqual(before);
    expect(leftovers(m.folder)).toEqual([]);
  });

  it('a hard link to the model is the model', async () => {
    const m = example('hardlinked');
    const other = join(dir, 'hardlink-to-model.yaml');
    linkSync(m.model, other);
    const before = m.before();
    const r = await run(['diagram', m.model, '--format', 'mmd', '-o', other]);
    expect(r.code).toBe(2);
    expect(m.before()).toEqual(before);
  });

  it('rule files given with --rules, or found in a folder the model lists, are inputs too', async () => {
    const m = example('rules');
    const before = m.before();
    expect((await run(['threats', m.model, '--rules', m.rules, '-o', m.rules])).code).toBe(2);
    expect((await run(['check', m.model, '--rules', m.rules, '--format', 'sarif', '-o', m.rules])).code).toBe(2);
    expect(m.before()).toEqual(before);
    // A folder of rules under the model's own rules: key.
    const folderRules = join(m.folder, 'our-rules');
    mkdirSync(folderRules);
    writeFileSync(join(folderRules, 'wlan.yaml'), RULES);
    writeFileSync(m.model, readFileSync(m.model, 'utf8').replace(/^system:/m, 'rules: [our-rules/]\nsystem:'));
    const listed = await run(['threats', m.model, '--format', 'json', '-o', join(folderRules, 'wlan.yaml')]);
    expect(listed.code, listed.err).toBe(2);
    expect(readFileSync(join(folderRules, 'wlan.yaml'), 'utf8')).toBe(RULES);
  });
});

describe('outputs are regular files, or standard output with -o -', () => {
  it('a symbolic link, a named pipe and a folder given as -o are refused and stay what they were', async () => {
    const m = example('special');
    const target = join(dir, 'kept.txt');
    writeFileSync(target, 'mine');
    const link = join(dir, 'a-link.csv');
    symlinkSync(target, link);
    const fifo = join(dir, 'a-fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const [path, what] of [[link, 'a symbolic link'], [fifo, 'a named pipe'], [dir, 'a folder']] as const) {
      const r = await run(['--lang', 'en', 'flows', m.model, '--format', 'csv', '-o', path]);
      expect(r.code, path).toBe(2);
      expect(r.err).toContain(`it is ${what}`);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  // A device node of the test's own (the null device's numbers), never the machine's /dev/null: a regression
  // here would replace it. Making one needs root; without it the case is skipped.
  const device = (): string | null => {
    const path = join(dir, 'null-device');
    return spawnSync('mknod', ['-m', '666', path, 'c', '1', '3']).status === 0 ? path : null;
  };
  it.skipIf(process.getuid?.() !== 0)('a character device stays a device (like /dev/null, which root could replace)', async () => {
    const path = device();
    if (path === null) throw new Error('mknod failed as root');
    const r = await run(['flows', 'examples/cloud-ehr/model.yaml', '-o', path]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('デバイス');
    expect(statSync(path).isCharacterDevice()).toBe(true);
  });

  it('-o - writes to standard output, a PNG as bytes', async () => {
    const text = await run(['flows', 'examples/cloud-ehr/model.yaml', '--format', 'csv', '-o', '-']);
    expect(text.code).toBe(0);
    expect(text.out.startsWith('\uFEFF')).toBe(true);
    expect(existsSync('-')).toBe(false);
    const png = await run(['diagram', 'examples/cloud-ehr/model.yaml', '--format', 'png', '-o', '-']);
    expect(png.code, png.err).toBe(0);
    expect(png.bytes).toBeGreaterThan(10_000);
  });
});

describe('inputs that are not regular files are refused at once', () => {
  // In a child process with a time limit: a read that blocked would hang the test, not fail it.
  const cli = (args: readonly string[]): { status: number | null; stderr: string; signal: NodeJS.Signals | null } => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/koseizu.js'), '--lang', 'en', ...args], { encoding: 'utf8', timeout: 20_000 });
    return { status: r.status, stderr: r.stderr, signal: r.signal };
  };

  it('a named pipe as the model, or as an include', () => {
    const fifo = join(dir, 'model-fifo.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = cli(['validate', fifo]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/KZ006 .*not a regular file/);
    const m = example('fifo-include');
    rmSync(m.network);
    expect(spawnSync('mkfifo', [m.network]).status).toBe(0);
    const inc = cli(['validate', m.model]);
    expect(inc.signal).toBeNull();
    expect(inc.status).toBe(2);
    expect(inc.stderr).toMatch(/network\.yaml.*not a regular file/);
  });

  it('a character device as the model', () => {
    const r = cli(['validate', '/dev/zero']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });
});

describe('report -o writes one set into a folder of its own', () => {
  it('refuses a folder holding the user\'s own files, naming them; --force keeps them and writes the report', async () => {
    const m = example('report-foreign');
    const out = join(dir, 'user-folder');
    mkdirSync(out);
    writeFileSync(join(out, 'report.md'), 'my own notes');
    writeFileSync(join(out, 'todo.txt'), 'mine too');
    const refused = await run(['--lang', 'en', 'report', m.model, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('holds files koseizu did not write (report.md, todo.txt)');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('my own notes');
    expect(readdirSync(out).sort()).toEqual(['report.md', 'todo.txt']);
    const forced = await run(['report', m.model, '-o', out, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(join(out, 'todo.txt'), 'utf8')).toBe('mine too');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^# /);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes again into its own folder, and refuses one whose files were edited since', async () => {
    const m = example('report-own');
    const out = join(dir, 'own');
    expect((await run(['report', m.model, '-o', out])).code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual([MANIFEST, 'diagram.png', 'diagram.svg', 'index.html', 'report.md', 'risks.xlsx'].sort());
    expect((await run(['report', m.model, '-o', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(names);
    expect(leftovers(dir)).toEqual([]);
    writeFileSync(join(out, 'report.md'), `${readFileSync(join(out, 'report.md'), 'utf8')}\nmy note\n`);
    const edited = await run(['--lang', 'en', 'report', m.model, '-o', out]);
    expect(edited.code).toBe(2);
    expect(edited.err).toContain('(report.md)');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('my note');
  });

  it('never writes into the model\'s own folder over the model, even forced', async () => {
    const m = example('report-into-model');
    const before = m.before();
    expect((await run(['report', m.model, '-o', m.folder])).code).toBe(2);
    expect(m.before()).toEqual(before);
  });

  it('clears what a killed run left beside the folder, and only a dead run\'s', async () => {
    const m = example('report-leftover');
    const out = join(dir, 'leftover');
    // A process id that is not running: the largest pid_max allows, plus one.
    const dead = join(dir, `.leftover.koseizu-4194305-0badcafe.set`);
    mkdirSync(dead);
    writeFileSync(join(dead, 'index.html'), 'half written');
    expect((await run(['report', m.model, '-o', out])).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
  });
});

describe('outputs name files from the repository (or the model\'s folder), never as typed', () => {
  it('the same model gives the same bytes however its path is spelt, and no absolute path', async () => {
    const spellings = ['examples/cloud-ehr/model.yaml', './examples/cloud-ehr/../cloud-ehr/model.yaml', join(ROOT, 'examples/cloud-ehr/model.yaml')];
    const outs: Record<string, Buffer>[] = [];
    for (const [i, path] of spellings.entries()) {
      const out = join(dir, `spelt-${i}`);
      const r = await run(['report', path, '-o', out]);
      expect(r.code, r.err).toBe(0);
      outs.push(Object.fromEntries(['report.md', 'index.html', 'risks.xlsx'].map((f) => [f, readFileSync(join(out, f))])));
      const sarif = await run(['check', path, '--format', 'sarif', '--fail-on', 'B']);
      expect(sarif.out).toContain('"uri": "examples/cloud-ehr/model.yaml"');
    }
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[2]).toEqual(outs[0]);
    const md = outs[0]?.['report.md']?.toString('utf8') ?? '';
    expect(md).toContain('`examples/cloud-ehr/model.yaml`');
    expect(md).not.toContain(ROOT);
  });

  it('outside a repository, from the model\'s folder; the terminal still shows the path as typed', async () => {
    const m = example('no-repo');
    const out = join(dir, 'no-repo-out');
    const r = await run(['report', m.model, '-o', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('`model.yaml`');
    expect(md).not.toContain(dir);
    writeFileSync(m.model, readFileSync(m.model, 'utf8').replace('kind: server', 'kind: servr'));
    const bad = await run(['validate', m.model]);
    expect(bad.err).toContain(`${m.model}:`);
    const typed = relative(process.cwd(), m.model);
    const again = await run(['validate', typed]);
    expect(again.err).toContain(`${typed}:`);
  });
});

describe('small things', () => {
  it('--scale takes a plain decimal only', async () => {
    for (const scale of ['0x2', '1e1', ' 2', '2px']) {
      const r = await run(['diagram', 'examples/cloud-ehr/model.yaml', '-o', join(dir, 'scale.png'), '--scale', scale]);
      expect(r.code, scale).toBe(2);
    }
    expect(existsSync(join(dir, 'scale.png'))).toBe(false);
  });
});
