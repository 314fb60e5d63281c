// risks.xlsx as LibreOffice opens and prints it (headless, as a reader without Excel would): every sheet
// keeps its filter, rows of wrapped text keep a height that shows them, and the printed PDF is readable:
// each sheet on the paper the workbook asks for, text at 7 pt or larger on every page, the header row on
// every page, every cell's text printed whole (no row too short for its text), short words never broken.
// (A headless conversion writes no view settings, so the frozen header cannot be checked this way;
// test/report-xlsx.test.ts checks the file.) LibreOffice drops a filter whose sheet defines no
// _xlnm._FilterDatabase name, loads rows one line high unless the file gives their height, and ignores
// fitToWidth unless the sheet says fitToPage. Skipped, saying so, where LibreOffice or pdftotext (poppler)
// is not installed (CI installs both).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../models/vocabulary.js';
import { MIN_SCALE } from '../renderers/xlsx/layout.js';
import { reportXlsx } from '../renderers/xlsx/report.js';
import { buildReport, loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { JAPANESE_FONT_HINT, japaneseFonts } from './helpers/fonts.js';
import { unzip } from './helpers/unzip.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.warn('skipped: LibreOffice (soffice) is not installed: apt-get install --no-install-recommends libreoffice-calc');
if (soffice && !poppler) console.warn('skipped: the printed pages are read with pdftotext, which is not installed: apt-get install poppler-utils');
const japanese = japaneseFonts().length > 0;
if (soffice && poppler && !japanese) console.warn(`skipped: the printed pages, as ${JAPANESE_FONT_HINT}; LibreOffice draws with the system's fonts`);

/**
 * Poppler draws a word's box 1.3 times its font size tall (its default ascent 0.95 and descent 0.35):
 * 11 pt text at 100 % is a 14.3 pt box, and 7 pt text a 9.1 pt one.
 */
const BOX = 1.3;
const TEXT_POINTS = 11;

/** The examples printed: the guideline's example, and two others, in both languages between them. */
const PRINTED: readonly { readonly example: string; readonly lang: Lang }[] = [
  { example: 'cloud-ehr', lang: 'ja' },
  { example: 'onprem-hospital', lang: 'en' },
  { example: 'regional-network', lang: 'ja' },
];

interface Word { readonly text: string; readonly height: number; readonly top: number; readonly bottom: number }
interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
  /** The text blocks pdftotext finds (a cell's text is one, unless it sits close to its neighbour's), as their lines. */
  readonly blocks: readonly (readonly string[])[];
  /** The page's text as drawn: a cell's lines one after the other. */
  readonly lines: readonly string[];
  readonly sheet: string;
}

const squash = (text: string): string => text.replace(/\s+/g, '');
const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The pages of a PDF: size, words with their boxes (pdftotext -bbox-layout), lines as drawn (-raw), and the sheet its header names. */
function readPdf(file: string, sheets: readonly string[]): Page[] {
  const layout = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const raw = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.split('\f');
  const longestFirst = [...sheets].sort((a, b) => b.length - a.length);
  return layout.split('<page ').slice(1).map((chunk, i) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
    const words = [...chunk.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)<\/word>/g)]
      .map((m) => ({ text: decode(m[3] ?? ''), top: Number(m[1]), bottom: Number(m[2]), height: Number(m[2]) - Number(m[1]) }));
    const blocks = [...chunk.matchAll(/<block[^>]*>(.*?)<\/block>/gs)].map((b) => [...(b[1] ?? '').matchAll(/<line[^>]*>(.*?)<\/line>/gs)]
      .map((l) => [...(l[1] ?? '').matchAll(/<word[^>]*>(.*?)<\/word>/g)].map((w) => decode(w[1] ?? '')).join(' ')));
    const lines = (raw[i] ?? '').split('\n');
    // The page header is the workbook's title, then the sheet's name.
    const sheet = longestFirst.find((name) => lines[0]?.endsWith(name)) ?? '';
    return { width: Number(size?.[1]), height: Number(size?.[2]), words, blocks, lines, sheet };
  });
}


/** The paper a sheet asks for, in points as oriented: A4 (9) or A3 (8). */
function paperOf(ws: Worksheet): { width: number; height: number } {
  const [short, long] = Number(ws.pageSetup.paperSize) === 8 ? [841.89, 1190.55] : [595.28, 841.89];
  return ws.pageSetup.orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

const cellText = (ws: Worksheet, row: number, column: number): string => String(ws.getRow(row).getCell(column).value ?? '');

describe.skipIf(!soffice)('risks.xlsx in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-lo-'));
  let original: Workbook;
  let reopened: Workbook;
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  /** Runs LibreOffice headless with a profile of its own (so a running instance does not take the job). */
  const convert = (files: readonly string[], to: string): void => {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', join(dir, 'out'), ...files], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed: ${r.stderr}`);
  };

  const printed: { name: string; workbook: Workbook; xml: Map<string, string>; pages: Page[] }[] = [];

  beforeAll(async () => {
    const files: string[] = [];
    for (const { example, lang } of PRINTED) {
      const model = loadModel(`examples/${example}/model.yaml`, diskHost).model;
      if (!model) throw new Error(`${example} does not load`);
      const { view } = await buildReport(model, { lang });
      const bytes = await reportXlsx(view);
      const name = example === 'cloud-ehr' ? 'risks' : `${example}-${lang}`;
      writeFileSync(join(dir, `${name}.xlsx`), bytes);
      files.push(join(dir, `${name}.xlsx`));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      printed.push({ name, workbook, xml: unzip(bytes), pages: [] });
    }
    original = (printed[0] as { workbook: Workbook }).workbook;
    convert([join(dir, 'risks.xlsx')], 'xlsx');
    reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(readFileSync(join(dir, 'out', 'risks.xlsx')) as unknown as ArrayBuffer);
    convert(files, 'pdf');
    if (poppler) {
      for (const p of printed) p.pages = readPdf(join(dir, 'out', `${p.name}.pdf`), p.workbook.worksheets.map((ws) => ws.name));
    }
  }, 600_000);

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

  it('converts to CSV', () => {
    convert([join(dir, 'risks.xlsx')], 'csv');
    expect(readdirSync(join(dir, 'out'))).toContain('risks.pdf');
    const csv = readFileSync(join(dir, 'out', 'risks.csv'), 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(10);
  }, 300_000);

  describe.skipIf(!poppler || !japanese)('printed to PDF', () => {
    /** Each sheet's pages, in the PDF's order; the pages come sheet after sheet. */
    const pagesOf = (p: (typeof printed)[number]): Map<string, Page[]> => {
      const bySheet = new Map<string, Page[]>(p.workbook.worksheets.map((ws) => [ws.name, []]));
      for (const page of p.pages) bySheet.get(page.sheet)?.push(page);
      return bySheet;
    };
    /** The first column (0-based) of each page across, after the key columns: from the sheet's <colBreaks>. */
    const startsOf = (p: (typeof printed)[number], index: number, columns: number): number[] => {
      const xml = p.xml.get(`xl/worksheets/sheet${index + 1}.xml`) ?? '';
      const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
      return breaks.length === 0 ? [0] : [2, ...breaks].filter((b) => b < columns);
    };

    it('prints every sheet, in order, each page on the paper and in the orientation its sheet asks for', () => {
      for (const p of printed) {
        expect(p.pages.length, p.name).toBeGreaterThan(p.workbook.worksheets.length);
        expect(p.pages.filter((page) => page.sheet === '').length, `${p.name}: pages without a sheet's header`).toBe(0);
        const order = p.pages.map((page) => page.sheet).filter((s, i, all) => s !== all[i - 1]);
        expect(order, p.name).toEqual(p.workbook.worksheets.map((ws) => ws.name));
        const bySheet = pagesOf(p);
        for (const ws of p.workbook.worksheets) {
          const paper = paperOf(ws);
          for (const page of bySheet.get(ws.name) ?? []) {
            expect(page.width, `${p.name} ${ws.name}`).toBeCloseTo(paper.width, 0);
            expect(page.height, `${p.name} ${ws.name}`).toBeCloseTo(paper.height, 0);
          }
        }
        // The guideline's example: the risk list on A3 landscape, the requests on A4 portrait.
        if (p.name === 'risks') {
          const size = (i: number): string => { const page = bySheet.get(p.workbook.worksheets[i]?.name ?? '')?.[0]; return `${Math.round(page?.width ?? 0)}x${Math.round(page?.height ?? 0)}`; };
          expect(size(1)).toBe('1191x842');
          expect(size(3)).toBe('595x842');
        }
      }
    });

    it('prints text at 7 pt or larger on every page: the sheet\'s scale, and never below MIN_SCALE', () => {
      for (const p of printed) {
        const bySheet = pagesOf(p);
        p.workbook.worksheets.forEach((ws) => {
          for (const page of bySheet.get(ws.name) ?? []) {
            const heights = page.words.map((w) => w.height);
            const where = `${p.name} ${ws.name} page ${p.pages.indexOf(page) + 1}`;
            expect(Math.min(...heights), where).toBeGreaterThanOrEqual(7 * BOX);
            // The cells' text (between the page's header and footer) is all one size: 11 pt at the print scale.
            const body = page.words.filter((w) => w.top > 38 && w.bottom < page.height - 38).map((w) => w.height);
            expect(body.length, where).toBeGreaterThan(0);
            expect(Math.max(...body) - Math.min(...body), where).toBeLessThan(0.05);
            const scale = (Math.min(...body) / (TEXT_POINTS * BOX)) * 100;
            expect(scale, where).toBeGreaterThanOrEqual(MIN_SCALE - 0.5);
            // A sheet split into pages across prints at the scale it names; one page wide, at what fits.
            if (ws.pageSetup.fitToPage !== true) expect(scale, where).toBeCloseTo(ws.pageSetup.scale ?? 100, 0);
          }
        });
      }
    });

    it('repeats the header row on every page, with the key columns and the headers of that page\'s columns', () => {
      for (const p of printed) {
        const bySheet = pagesOf(p);
        p.workbook.worksheets.forEach((ws, index) => {
          const columns = ws.getRow(1).cellCount;
          const starts = startsOf(p, index, columns);
          const pages = bySheet.get(ws.name) ?? [];
          expect(pages.length, ws.name).toBeGreaterThan(0);
          pages.forEach((page, j) => {
            // Pages go across before down: page j shows the columns of part j mod (parts), after A and B.
            const part = j % starts.length;
            const from = starts[part] ?? 0;
            const to = starts[part + 1] ?? columns;
            const shown = starts.length > 1 ? [0, 1, ...Array.from({ length: to - from }, (_, k) => from + k)] : Array.from({ length: columns }, (_, k) => k);
            const text = squash(page.lines.join(''));
            for (const c of shown) expect(text, `${p.name} ${ws.name} page ${j + 1}: ${cellText(ws, 1, c + 1)}`).toContain(squash(cellText(ws, 1, c + 1)));
          });
        });
      }
    });

    it('prints every cell\'s text whole: no row is too short for its wrapped text', () => {
      let cells = 0;
      for (const p of printed) {
        const bySheet = pagesOf(p);
        for (const ws of p.workbook.worksheets) {
          // Each cell's lines are drawn one after the other, so its whole text is in its pages' text.
          const text = squash((bySheet.get(ws.name) ?? []).map((page) => page.lines.join('')).join(''));
          ws.eachRow((row) => row.eachCell((cell) => {
            cells++;
            expect(text.includes(squash(String(cell.value))), `${p.name} ${ws.name}!${cell.address}: ${String(cell.value).slice(0, 60)}`).toBe(true);
          }));
        }
      }
      expect(cells).toBeGreaterThan(3000);
    });

    it('never breaks a short word across lines: ranks, levels, grades, phases, forms, segments, header words', () => {
      let checked = 0;
      for (const p of printed) {
        const bySheet = pagesOf(p);
        for (const ws of [p.workbook.worksheets[1], p.workbook.worksheets[4]]) {
          if (!ws) continue;
          // The header cells and the cells of the columns of short words, by their text.
          const short = new Map<string, string>();
          ws.eachRow((row, n) => row.eachCell((cell, c) => {
            if (n === 1 || [2, 3, 4, 5, 6, 12, 13].includes(c)) short.set(squash(String(cell.value)), String(cell.value));
          }));
          // A block of text that is one of those cells: each of its words (a list may wrap between its items) is on one line.
          for (const page of bySheet.get(ws.name) ?? []) {
            for (const block of page.blocks) {
              const value = short.get(squash(block.join('')));
              if (value === undefined) continue;
              checked++;
              for (const word of value.split(/\s+|・|,|(?=[（(])/u).filter(Boolean)) {
                expect(block.some((line) => squash(line).includes(squash(word))), `${p.name} ${ws.name}: "${word}" broken: ${block.join(' / ')}`).toBe(true);
              }
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(1000);
    });
  });
});
