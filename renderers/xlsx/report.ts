// The report's tables as one workbook (risks.xlsx) for the medical institution: the information flows,
// the risk assessment results, the risk responses, what the institution is asked to do, the risks still to
// agree with it, the regulatory checklist and the open risks, one sheet each (and the orphaned responses when there are any), in the
// view's language. Reads the view model only. Every value is a plain string or number, never a formula:
// exceljs writes strings as shared strings, which a spreadsheet shows as text whatever they begin with.
// Deterministic: the document dates are fixed and the zip's timestamps are normalised, so the same view
// gives the same bytes.
import { createRequire } from 'node:module';
import type { Alignment, Fill, Font, PageSetup, Workbook, Worksheet } from 'exceljs';
import type { FlowTable } from '../../models/flows.js';
import type { ChecklistStatus, ReportView, ReportWordKey } from '../../models/report.js';
import type { ThreatList, ThreatRow } from '../../models/threats.js';
import type { Rank } from '../../models/vocabulary.js';
import type { Renderer } from '../../models/render.js';

/** The instant written as the document's creation and modification time and as every zip entry's time. */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1));

/** A cell's colour: a rank, or a checklist status. */
type Tone = `rank-${Rank}` | ChecklistStatus;
type Cell = string | number | { readonly text: string; readonly tone: Tone };

interface Column {
  readonly header: string;
  /** Widest the column gets, in Excel's units (a half-width character is one). */
  readonly max?: number;
  readonly center?: boolean;
}

interface Sheet {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

const INK = 'FF1F2937';
const TONES: Readonly<Record<Tone, { readonly fill: string; readonly font: string }>> = {
  'rank-S': { fill: 'FFC62828', font: 'FFFFFFFF' },
  'rank-A': { fill: 'FFF57C00', font: 'FFFFFFFF' },
  'rank-B': { fill: 'FFFFE082', font: INK },
  'rank-C': { fill: 'FFDCEDC8', font: INK },
  'rank-D': { fill: 'FFE0E0E0', font: INK },
  met: { fill: 'FFC6EFCE', font: 'FF006100' },
  'not-met': { fill: 'FFFFC7CE', font: 'FF9C0006' },
  'not-applicable': { fill: 'FFE7E6E6', font: 'FF595959' },
};
const HEADER_FILL = 'FFDDEBF7';
const HEADER_BORDER = 'FF8EA9DB';

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL = 32_767;
// 8 + 2 of padding: never 9, the width exceljs takes for its default and leaves out of the file.
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Full-width characters (CJK, kana, full-width forms, and the symbols Japanese fonts draw wide) take two columns. */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f)
    || (code >= 0x2190 && code <= 0x21ff) // arrows
    || (code >= 0x2460 && code <= 0x24ff) // ①
    || (code >= 0x25a0 && code <= 0x26ff) // ○ ■ ★
    || (code >= 0x2e80 && code <= 0xa4cf) // CJK radicals, punctuation, kana, ideographs
    || (code >= 0xac00 && code <= 0xd7a3)
    || (code >= 0xf900 && code <= 0xfaff)
    || (code >= 0xfe30 && code <= 0xfe4f)
    || (code >= 0xff00 && code <= 0xff60)
    || (code >= 0xffe0 && code <= 0xffe6)
    || (code >= 0x1f300 && code <= 0x1faff)
    || (code >= 0x20000 && code <= 0x3fffd);
}

/** How many columns a line of text needs: full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

const textOf = (cell: Cell): string => (typeof cell === 'object' ? cell.text : String(cell));
const clip = (text: string): string => (text.length <= MAX_CELL ? text : `${text.slice(0, MAX_CELL - 1)}…`);
const lines = (items: readonly string[]): string => items.join('\n');

function flowsSheet(name: string, table: FlowTable, headings: { readonly form: string; readonly phase: string }): Sheet {
  const h = table.headings;
  const rows: Cell[][] = [];
  for (const s of table.sections) {
    const form = table.words.forms[s.form];
    const phase = table.words.phases[s.phase];
    for (const r of s.rows) rows.push([form, phase, r.cells.who, r.cells.where, r.cells.which, r.cells.what, r.cells.how, '', '', '', r.id]);
    for (const m of s.media) {
      rows.push([form, phase, m.carrier, '', m.cells.medium, m.cells.what, h.media, m.from, m.to, m.encrypted ? table.words.yes : table.words.no, m.id]);
    }
  }
  return {
    name,
    columns: [
      { header: headings.form }, { header: headings.phase }, { header: h.who, max: 30 }, { header: h.where, max: 30 }, { header: h.which, max: 36 },
      { header: h.what, max: 48 }, { header: h.how, max: 30 }, { header: h.from, max: 24 }, { header: h.to, max: 24 },
      { header: h.encrypted, center: true }, { header: h.id, max: 40 },
    ],
    rows,
  };
}

/** The risk assessment result list's columns (as its CSV has them), for all risks or for the open ones. */
function risksSheet(name: string, list: ThreatList, risks: readonly ThreatRow[]): Sheet {
  const h = list.headings;
  return {
    name,
    columns: [
      { header: h.id, max: 48 }, { header: h.rank, center: true }, { header: h.level, center: true }, { header: h.phase, max: 20 }, { header: h.form, max: 20 },
      { header: h.segment, max: 20 }, { header: h.flows, max: 30 }, { header: h.dataClass, max: 24 }, { header: h.threat, max: 30 }, { header: h.risk },
      { header: h.cia, max: 20 }, { header: h.impact, max: 20 }, { header: h.likelihood, max: 20 }, { header: h.need, max: 30 }, { header: h.who, max: 30 },
      { header: h.human }, { header: h.physical }, { header: h.technical }, { header: h.references }, { header: h.reasons },
    ],
    rows: risks.map((r) => {
      const c = r.cells;
      return [
        r.id, { text: c.rank, tone: `rank-${r.rank}` }, r.level, c.phase, c.form, c.segment, c.flows, c.dataClass, c.threat, c.risk, c.cia, c.impact,
        c.likelihood, c.need, c.who, lines(r.countermeasures.human), lines(r.countermeasures.physical), lines(r.countermeasures.technical), lines(r.references),
        lines([`${h.impact}:`, ...r.reasons.impact, `${h.likelihood}:`, ...r.reasons.likelihood, `${h.who}:`, ...r.reasons.who]),
      ];
    }),
  };
}

function sheets(view: ReportView): Sheet[] {
  const names = view.sheets;
  const w = view.words;
  const word = (key: ReportWordKey): string => w[key];
  const out: Sheet[] = [
    flowsSheet(names.flows, view.flows, view.threats.headings),
    risksSheet(names.threats, view.threats, view.threats.rows),
    {
      name: names.responses,
      columns: [
        { header: word('riskId'), max: 48 }, { header: word('rank'), center: true }, { header: word('title'), max: 40 }, { header: word('decision'), max: 16 },
        { header: word('measures') }, { header: word('residual'), max: 48 }, { header: word('rationale') }, { header: word('agreedWith'), max: 30 },
        { header: word('date'), max: 14 }, { header: word('where'), max: 40 },
      ],
      rows: view.responses.rows.map((r) => [
        r.riskId, { text: r.rank, tone: `rank-${r.rank}` }, r.cells.title, r.cells.decision, lines(r.cells.measures), r.cells.residual, r.cells.rationale,
        r.cells.agreedWith, r.cells.date, r.cells.source,
      ]),
    },
    {
      name: names.requests,
      columns: [{ header: word('category'), max: 20 }, { header: word('measures') }, { header: word('owner'), max: 20 }, { header: word('risks'), max: 48 }],
      rows: view.requests.flatMap((g) => g.items.map((i) => [g.title, i.text, i.ownerWord, lines(i.risks)])),
    },
    risksSheet(names.agree, view.threats, view.agree),
    {
      name: names.checklist,
      columns: [
        { header: word('item'), max: 36 }, { header: word('requirement') }, { header: word('status'), max: 16, center: true }, { header: word('evidence') },
        { header: word('reference'), max: 48 }, { header: 'ID', max: 24 },
      ],
      rows: view.checklist.items.map((i) => [
        i.cells.title, i.cells.requirement, { text: i.cells.status, tone: i.status }, lines(i.cells.evidence), i.cells.reference, i.id,
      ]),
    },
    risksSheet(names.open, view.threats, view.open),
  ];
  // A response that answers no risk is reported, never dropped: its own sheet, after the others, when there is one.
  if (view.responses.orphaned.length > 0) {
    out.push({
      name: names.orphaned,
      columns: [{ header: word('pattern'), max: 48 }, { header: word('decision'), max: 16 }, { header: word('where'), max: 40 }],
      rows: view.responses.orphaned.map((o) => [o.pattern, o.cells.decision, o.cells.source]),
    });
  }
  return out;
}

function fill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function columnWidth(column: Column, rows: readonly (readonly Cell[])[], index: number): number {
  let widest = displayWidth(column.header);
  for (const row of rows) {
    const cell = row[index];
    if (cell === undefined) continue;
    for (const line of textOf(cell).split('\n')) widest = Math.max(widest, displayWidth(line));
  }
  return Math.min(Math.max(widest, MIN_WIDTH), column.max ?? MAX_WIDTH) + 2;
}

/** A row's height in points for `lines` lines of wrapped text (11 pt text; Japanese glyphs want the room). */
const LINE_POINTS = 15;
/** Excel's tallest row. */
const MAX_ROW_POINTS = 409;

/**
 * How many lines a row's tallest cell takes once wrapped to its column's width: spreadsheets do not grow
 * a row to its wrapped text when they open a file (LibreOffice keeps them one line high), so the file says.
 */
function rowLines(row: readonly Cell[], widths: readonly number[]): number {
  let most = 1;
  row.forEach((cell, i) => {
    const room = Math.max(1, (widths[i] ?? MIN_WIDTH) - 1);
    const lines = textOf(cell).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
    most = Math.max(most, lines);
  });
  return most;
}

/** The OOXML paper code of A4 (ECMA-376 18.3.1.63). */
const PAPER_A4 = 9;

function addSheet(workbook: Workbook, sheet: Sheet): Worksheet {
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: PAPER_A4 as PageSetup['paperSize'], orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
  });
  const widths = sheet.columns.map((c, i) => columnWidth(c, sheet.rows, i));
  ws.columns = widths.map((width) => ({ width }));

  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = clip(c.header);
    header.height = Math.min(MAX_ROW_POINTS, rowLines(sheet.columns.map((x) => x.header), widths) * LINE_POINTS + 4);
    cell.font = { bold: true, color: { argb: INK } };
    cell.fill = fill(HEADER_FILL);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin', color: { argb: HEADER_BORDER } } };
  });

  sheet.rows.forEach((row, r) => {
    const line = ws.getRow(r + 2);
    line.height = Math.min(MAX_ROW_POINTS, rowLines(row, widths) * LINE_POINTS + 4);
    row.forEach((value, i) => {
      const cell = line.getCell(i + 1);
      const centered = sheet.columns[i]?.center === true;
      const alignment: Partial<Alignment> = { vertical: 'top', wrapText: true, ...(centered ? { horizontal: 'center' } : {}) };
      if (typeof value === 'object') {
        const tone = TONES[value.tone];
        cell.value = clip(value.text);
        cell.fill = fill(tone.fill);
        cell.font = { bold: true, color: { argb: tone.font } } satisfies Partial<Font>;
      } else {
        cell.value = typeof value === 'number' ? value : clip(value);
      }
      cell.alignment = alignment;
    });
  });

  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
  return ws;
}

const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_LOCAL = 0x04034b50;

/**
 * Sets every entry's time in a zip (its local header and its central directory record) to FIXED_TIME.
 * exceljs stamps each entry with the time of writing and offers no option for it; the times are outside
 * the checksums, so only they change. Throws when the zip is not shaped as expected (a bug, not input).
 */
function normaliseZipTimes(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = 0; // 00:00:00
  const date = ((FIXED_TIME.getUTCFullYear() - 1980) << 9) | ((FIXED_TIME.getUTCMonth() + 1) << 5) | FIXED_TIME.getUTCDate();
  let end = zip.byteLength - 22;
  while (end >= 0 && v.getUint32(end, true) !== ZIP_END) end--;
  if (end < 0) throw new Error('xlsx: no end of central directory in the zip exceljs wrote');
  const entries = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (p + 46 > end || v.getUint32(p, true) !== ZIP_CENTRAL) throw new Error(`xlsx: bad central directory record ${i}`);
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, date, true);
    const local = v.getUint32(p + 42, true);
    if (local + 30 > zip.byteLength || v.getUint32(local, true) !== ZIP_LOCAL) throw new Error(`xlsx: bad local header ${i}`);
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, date, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return zip;
}

/** A column's letters: 1 A, 26 Z, 27 AA. */
function columnLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * Adds the hidden name _xlnm._FilterDatabase of each sheet's filter, local to the sheet, which Excel writes
 * and LibreOffice needs to keep a filter (without it, every filter is dropped on opening). exceljs writes
 * the <autoFilter> but not the name: the names join those it does write (print titles) in the model it
 * serialises.
 */
function withFilterNames(workbook: Workbook, all: readonly Sheet[]): void {
  const names = all.map((sheet, index) => ({
    name: '_xlnm._FilterDatabase',
    ranges: [`'${sheet.name.replace(/'/g, "''")}'!$A$1:$${columnLetters(sheet.columns.length)}$${sheet.rows.length + 1}`],
    localSheetId: index,
  }));
  const proto = Object.getPrototypeOf(workbook) as object;
  const base = Object.getOwnPropertyDescriptor(proto, 'model');
  if (!base?.get || !base.set) throw new Error('xlsx: exceljs Workbook has no model accessor');
  const { get, set } = base;
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get(): unknown {
      const model = get.call(workbook) as { definedNames: unknown[] };
      return { ...model, definedNames: [...model.definedNames, ...names] };
    },
    set(value: unknown) { set.call(workbook, value); },
  });
}

/** The workbook risks.xlsx: one sheet per table of the report, in the view's language; the same view gives the same bytes. */
export const reportXlsx: Renderer<ReportView, void, Promise<Uint8Array>> = async (view) => {
  // CommonJS and heavy: loaded with require() when a workbook is written (it stays outside the CLI bundle).
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'koseizu';
  workbook.lastModifiedBy = 'koseizu';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  workbook.title = view.title;
  const all = sheets(view);
  for (const sheet of all) addSheet(workbook, sheet);
  withFilterNames(workbook, all);
  const buffer = await workbook.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  return normaliseZipTimes(bytes);
};
