// koseizu report: the five files in one folder, in the model's language, deterministic, never over a model.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
  return { code, out, err };
};

describe('koseizu report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-report-'));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
  const files = ['index.html', 'report.md', 'risks.xlsx', 'diagram.svg', 'diagram.png'];

  it('writes index.html, report.md, risks.xlsx, diagram.svg and diagram.png, the same bytes on every run', async () => {
    const first = join(dir, 'a');
    const second = join(dir, 'b', 'nested');
    expect((await run(['report', 'examples/cloud-ehr/model.yaml', '-o', first])).code).toBe(0);
    expect((await run(['report', 'examples/cloud-ehr/model.yaml', '-o', second])).code).toBe(0);
    for (const f of files) expect(readFileSync(join(second, f)).equals(readFileSync(join(first, f))), f).toBe(true);
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(readFileSync(join(first, 'report.md'), 'utf8')).toContain('# リスクアセスメント報告書');
    expect(readFileSync(join(first, 'risks.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(first, 'diagram.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(first, 'diagram.svg'), 'utf8')).toContain('<svg');
  });

  it('the installed command (its bundle, exceljs as one file) writes the same bytes as the library (exceljs from node_modules)', async () => {
    const here = join(dir, 'library');
    const bundled = join(dir, 'bundled');
    expect((await run(['report', 'examples/cloud-ehr/model.yaml', '-o', here])).code).toBe(0);
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'koseizu.js'), 'report', 'examples/cloud-ehr/model.yaml', '-o', bundled], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(import.meta.dirname, '..', 'dist', 'koseizu.mjs'), 'utf8')).toContain('./vendor/exceljs.cjs');
    for (const f of files) expect(readFileSync(join(bundled, f)).equals(readFileSync(join(here, f))), f).toBe(true);
  }, 60_000);

  it('speaks English with --lang en', async () => {
    const out = join(dir, 'en');
    expect((await run(['--lang', 'en', 'report', 'examples/cloud-ehr/model.yaml', '-o', out])).code).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('# Risk assessment report');
  });

  it('an invalid model exits 2 and writes nothing; -o is required', async () => {
    const out = join(dir, 'bad');
    expect((await run(['report', 'test/fixtures/broken/media-same-location.yaml', '-o', out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect((await run(['report', 'examples/cloud-ehr/model.yaml'])).code).toBe(2);
  });
});
