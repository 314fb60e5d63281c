// risks.xlsx as LibreOffice opens it (headless, as a reader's spreadsheet would): every sheet keeps its
// filter, and rows of wrapped text keep a height that shows them. (A headless conversion writes no view
// settings, so the frozen header cannot be checked this way; test/report-xlsx.test.ts checks the file.) LibreOffice drops
// a filter whose sheet defines no _xlnm._FilterDatabase name, and loads rows one line high unless the file
// gives their height. Skipped, saying so, where LibreOffice is not installed (CI installs it).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from 'exceljs';
import { reportXlsx } from '../renderers/xlsx/report.js';
import { buildReport, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.warn('skipped: LibreOffice (soffice) is not installed: apt-get install --no-install-recommends libreoffice-calc');

describe.skipIf(!soffice)('risks.xlsx in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-lo-'));
  let original: Workbook;
  let reopened: Workbook;
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  /** Runs LibreOffice headless with a profile of its own (so a running instance does not take the job). */
  const convert = (file: string, to: string): void => {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', join(dir, 'out'), file], { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed: ${r.stderr}`);
  };

  beforeAll(async () => {
    const model = loadModel('examples/cloud-ehr/model.yaml', diskHost).model;
    if (!model) throw new Error('the example does not load');
    const { view } = await buildReport(model, { lang: 'ja' });
    const bytes = await reportXlsx(view);
    const file = join(dir, 'risks.xlsx');
    writeFileSync(file, bytes);
    original = new ExcelJS.Workbook();
    await original.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    convert(file, 'xlsx');
    reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(readFileSync(join(dir, 'out', 'risks.xlsx')) as unknown as ArrayBuffer);
  }, 240_000);

  it('keeps every sheet and every filter, over the same range', () => {
    expect(reopened.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));
    for (const ws of original.worksheets) {
      const again = reopened.getWorksheet(ws.name);
      expect(again?.autoFilter, ws.name).toBeTruthy();
      const range = (f: unknown): string => (typeof f === 'string' ? f : JSON.stringify(f));
      expect(range(again?.autoFilter).replace(/\$/g, ''), ws.name).toContain(`A1:`);
    }
  });

  it('keeps rows of wrapped text as tall as their lines', () => {
    const ws = reopened.worksheets[1];
    if (!ws) throw new Error('no risk sheet');
    const heights: number[] = [];
    ws.eachRow((row, n) => { if (n > 1) heights.push(row.height ?? 0); });
    expect(heights.length).toBeGreaterThan(10);
    // Each risk row holds several lines (reasons, countermeasures): none is left one line high (15 pt).
    expect(heights.every((h) => h > 30)).toBe(true);
  });

  it('converts to PDF and to CSV', () => {
    convert(join(dir, 'risks.xlsx'), 'pdf');
    convert(join(dir, 'risks.xlsx'), 'csv');
    const out = readdirSync(join(dir, 'out'));
    expect(out).toContain('risks.pdf');
    expect(readFileSync(join(dir, 'out', 'risks.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = readFileSync(join(dir, 'out', 'risks.csv'), 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(10);
  }, 240_000);
});
