// The report's tables as one workbook (risks.xlsx) for the medical institution: the information flows,
// the risk assessment results, the risk responses, what the institution is asked to do, the risks still to
// agree with it, the regulatory checklist and the open risks, one sheet each (and the orphaned responses when there are any), in the
// view's language. Reads the view model only. Every value is a plain string or number, never a formula:
// exceljs writes strings as shared strings, which a spreadsheet shows as text whatever they begin with.
// Printable: each sheet says its paper, scale, page breaks, repeated header row (and key columns), header
// and footer, with column widths and row heights that keep its text whole and 7 pt or larger on paper
// (layout.ts decides them). Deterministic: the document dates are fixed and the zip's timestamps are
// normalised, so the same view gives the same bytes.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import type { Alignment, Fill, Font, PageSetup, Worksheet, AddWorksheetOptions } from 'exceljs';
import type { FlowTable } from '../../models/flows.js';
import type { ChecklistStatus, ReportView, ReportWordKey } from '../../models/report.js';
import type { ThreatList, ThreatRow } from '../../models/threats.js';
import type { Rank } from '../../models/vocabulary.js';
import type { Renderer } from '../../models/render.js';
import { COLUMN_PADDING, layoutSheet, MARGINS, MAX_ROW_POINTS, rememberedHeight, rowHeight, textHeight, textUnits, type Height, type PageLayout } from './layout.js';

export { displayWidth } from './layout.js';

/** The instant written as the document's creation and modification time and as every zip entry's time. */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1));

/** A cell's colour: a rank, or a checklist status. */
type Tone = `rank-${Rank}` | ChecklistStatus;
type Cell = string | number | { readonly text: string; readonly tone: Tone };

interface Column {
  readonly header: string;
  /** Widest the column gets, in column units (layout.ts): longer text wraps. Short values stay whole below it. */
  readonly max?: number;
  readonly center?: boolean;
  /** A page across may start at this column when the sheet is too wide for one page (after the repeated key columns). */
  readonly page?: boolean;
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
/** Narrowest and widest a column gets, in column units (layout.ts). */
const MIN_WIDTH = 6;
const MAX_WIDTH = 40;
/** How wide a column may grow: so that no row needs more than Excel's tallest row, or into a page's spare width. */
const WIDEST = 100;
/** What a header cell keeps free at its right for the filter's drop-down button, in column units. */
const FILTER_BUTTON = 2;

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
      { header: headings.form, max: 19 }, { header: headings.phase, max: 14 }, { header: h.who, max: 20, page: true }, { header: h.where, max: 20 },
      { header: h.which, max: 24 }, { header: h.what, max: 24 }, { header: h.how, max: 16 }, { header: h.from, max: 16, page: true }, { header: h.to, max: 16 },
      { header: h.encrypted, center: true }, { header: h.id, max: 20 },
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
      // The risk and its rank repeat on every page across; the assessment, the grades, who acts, the
      // countermeasures, and the references with the reasons are where a page across may start.
      // The caps make two pages across on A3 at about 70 % (some 195 units a page after the key columns);
      // the layout widens the wrapped ones into what a page has spare.
      { header: h.id, max: 24 }, { header: h.rank, center: true }, { header: h.level, center: true, page: true }, { header: h.phase, max: 14 },
      { header: h.form, max: 19 }, { header: h.segment, max: 17 }, { header: h.flows, max: 18 }, { header: h.dataClass, max: 17 }, { header: h.threat, max: 19 },
      { header: h.risk, max: 30 }, { header: h.cia, max: 19 }, { header: h.impact, max: 16, page: true }, { header: h.likelihood, max: 14 },
      { header: h.need, max: 19, page: true }, { header: h.who, max: 22 }, { header: h.human, max: 28, page: true }, { header: h.physical, max: 24 },
      { header: h.technical, max: 30 }, { header: h.references, max: 26, page: true }, { header: h.reasons, max: 46 },
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
        { header: word('riskId'), max: 24 }, { header: word('rank'), center: true }, { header: word('title'), max: 24, page: true },
        { header: word('decision'), max: 14 }, { header: word('measures'), max: 30 }, { header: word('residual'), max: 24, page: true },
        { header: word('rationale'), max: 30 }, { header: word('agreedWith'), max: 16, page: true }, { header: word('date'), max: 12 }, { header: word('where'), max: 24 },
      ],
      rows: view.responses.rows.map((r) => [
        r.riskId, { text: r.rank, tone: `rank-${r.rank}` }, r.cells.title, r.cells.decision, lines(r.cells.measures), r.cells.residual, r.cells.rationale,
        r.cells.agreedWith, r.cells.date, r.cells.source,
      ]),
    },
    {
      name: names.requests,
      columns: [{ header: word('category'), max: 16 }, { header: word('measures'), max: 36 }, { header: word('owner'), max: 16 }, { header: word('risks'), max: 26 }],
      rows: view.requests.flatMap((g) => g.items.map((i) => [g.title, i.text, i.ownerWord, lines(i.risks)])),
    },
    risksSheet(names.agree, view.threats, view.agree),
    {
      name: names.checklist,
      columns: [
        { header: word('item'), max: 22 }, { header: word('requirement'), max: 36 }, { header: word('status'), max: 14, center: true, page: true },
        { header: word('evidence'), max: 30 }, { header: word('reference'), max: 24 }, { header: 'ID', max: 20 },
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
      columns: [{ header: word('pattern'), max: 30 }, { header: word('decision'), max: 14 }, { header: word('where'), max: 30 }],
      rows: view.responses.orphaned.map((o) => [o.pattern, o.cells.decision, o.cells.source]),
    });
  }
  return out;
}

function fill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * A column's width in column units: its widest line (the header's with room for the filter button) plus
 * padding, within MIN_WIDTH and the column's `max`; text wider than that wraps. A header word is never cut.
 */
function columnWidth(column: Column, rows: readonly (readonly Cell[])[], index: number): number {
  const header = textUnits(column.header, true) + FILTER_BUTTON;
  let widest = header;
  for (const row of rows) {
    const cell = row[index];
    if (cell === undefined) continue;
    for (const line of textOf(cell).split('\n')) widest = Math.max(widest, textUnits(line));
  }
  // A header breaks at spaces and before an opening bracket ("How" / "（どのように）"), never inside a word.
  const words = Math.max(...column.header.split(/\s+|(?=[（(［[])/u).map((w) => textUnits(w, true))) + FILTER_BUTTON;
  const width = Math.ceil(Math.max(Math.min(widest + COLUMN_PADDING, column.max ?? MAX_WIDTH), words + COLUMN_PADDING, MIN_WIDTH));
  // exceljs leaves a width of 9, its default, out of the file.
  return width === 9 ? 10 : width;
}

/** The key columns (A:B) repeated on every page across when a sheet prints wider than one page. */
const TITLE_COLUMNS = 2;

const FONT = { name: 'Calibri', size: 11, family: 2 } as const satisfies Partial<Font>;

/** Excel's header and footer codes: & starts one, so a literal & is written twice. */
const headerText = (text: string): string => text.replace(/&/g, '&&');
/** How much of the title the page header shows (Excel keeps at most 255 characters in a header). */
const HEADER_TITLE = 60;

/** The part of exceljs's streaming writer this renderer uses (its types describe the in-memory workbook's sheets). */
interface SheetWriter extends Pick<Worksheet, 'id' | 'getRow' | 'autoFilter' | 'columns'> {
  /** Writes what is left of the sheet (its filter, page setup, header and footer) and ends its XML. */
  commit(): void;
}

/**
 * Writes a sheet as it is laid out: each row is committed (turned into XML and let go) as soon as its
 * cells are set, so that the workbook never holds more than one row's cells at a time.
 */
async function writeSheet(workbook: StreamingWorkbook, sheet: Sheet, title: string, height: Height): Promise<{ readonly ws: SheetWriter; readonly layout: PageLayout }> {
  const text = sheet.rows.map((row) => row.map(textOf));
  const { widths, heights, layout } = layoutSheet({
    widths: sheet.columns.map((c, i) => columnWidth(c, sheet.rows, i)),
    starts: sheet.columns.flatMap((c, i) => (c.page === true ? [i] : [])),
    titles: TITLE_COLUMNS,
    rows: text,
    widest: WIDEST,
    height,
  });
  const shortTitle = [...title].length <= HEADER_TITLE ? title : `${[...title].slice(0, HEADER_TITLE - 1).join('')}…`;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: layout.paper.code as PageSetup['paperSize'], orientation: layout.paper.orientation,
      // One page wide: the spreadsheet shrinks the sheet to fit (exceljs writes <pageSetUpPr fitToPage="1"/>,
      // without which Excel and LibreOffice print at `scale` and ignore fitToWidth). Wider: a fixed scale,
      // pages across at the column breaks, the key columns repeated, each band of rows across before the next.
      ...(layout.fit
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
        : { fitToPage: false, scale: layout.scale, pageOrder: 'overThenDown' as const, printTitlesColumn: `A:${columnLetters(layout.titles)}` }),
      printTitlesRow: '1:1',
      // The grid prints, so that a row many lines tall reads as one (rules drawn on each cell would cost
      // a style per cell, a few hundred MB on the largest model); withPrintXml writes it for the streaming writer.
      showGridLines: true,
      margins: { ...MARGINS },
    },
    headerFooter: {
      oddHeader: `&L${headerText(shortTitle)}&R&A`,
      oddFooter: '&C&P / &N',
    },
  });
  withPrintXml(ws, layout.breaks);
  ws.columns = widths.map((width) => ({ width }));

  const header = ws.getRow(1);
  header.height = rowHeight(sheet.columns.map((c) => c.header), widths.map((w) => w - FILTER_BUTTON), (t, w) => textHeight(t, w, true));
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = clip(c.header);
    cell.font = { ...FONT, bold: true, color: { argb: INK } };
    cell.fill = fill(HEADER_FILL);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    const edge = { style: 'thin', color: { argb: HEADER_BORDER } } as const;
    cell.border = { top: edge, left: edge, bottom: edge, right: edge };
  });
  header.commit();

  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] as readonly Cell[];
    const line = ws.getRow(r + 2);
    line.height = heights[r] ?? MAX_ROW_POINTS;
    row.forEach((value, i) => {
      const cell = line.getCell(i + 1);
      const centered = sheet.columns[i]?.center === true;
      const alignment: Partial<Alignment> = { vertical: 'top', wrapText: true, ...(centered ? { horizontal: 'center' } : {}) };
      if (typeof value === 'object') {
        const tone = TONES[value.tone];
        cell.value = clip(value.text);
        cell.fill = fill(tone.fill);
        cell.font = { ...FONT, bold: true, color: { argb: tone.font } };
      } else {
        cell.value = typeof value === 'number' ? value : clip(value);
      }
      cell.alignment = alignment;
    });
    line.commit();
    // Now and then the zip takes what the rows made so far, before more is written.
    if (r % DRAIN_ROWS === DRAIN_ROWS - 1) await drained();
  }

  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
  ws.commit();
  await drained();
  return { ws, layout };
}

/** How many rows are written between two turns of the event loop, in which the zip compresses them. */
const DRAIN_ROWS = 500;
const drained = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });

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
 * the <autoFilter> but not the name: the names join those it does write (print titles) in the model of
 * workbook.xml, which its streaming writer takes from its defined names' model when it is committed.
 */
function withFilterNames(workbook: StreamingWorkbook, all: readonly Sheet[]): void {
  const names = all.map((sheet, index) => ({
    name: '_xlnm._FilterDatabase',
    ranges: [`'${sheet.name.replace(/'/g, "''")}'!$A$1:$${columnLetters(sheet.columns.length)}$${sheet.rows.length + 1}`],
    localSheetId: index,
  }));
  const own = workbook as unknown as { _definedNames?: { readonly model: unknown } };
  const defined = own._definedNames;
  if (defined === undefined || !Array.isArray(defined.model)) throw new Error('xlsx: exceljs WorkbookWriter has no defined names');
  own._definedNames = { get model(): unknown[] { return [...(defined.model as unknown[]), ...names]; } };
}

/** The last row and column of a sheet, 0-based, as a page break's extent (ECMA-376 18.3.1.1). */
const LAST_ROW = 1_048_575;

/** A sheet's <colBreaks>: a manual page break left of each column (0-based indexes). */
function colBreaksXml(breaks: readonly number[]): string {
  const brk = breaks.map((id) => `<brk id="${id}" max="${LAST_ROW}" man="1"/>`).join('');
  return `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brk}</colBreaks>`;
}

/**
 * Adds what exceljs's streaming writer leaves out of a sheet's XML, where the schema wants it, as the sheet
 * is committed: the <printOptions> that print the grid (its in-memory writer writes them from the page
 * setup's showGridLines), just before the <pageMargins>; and, for a sheet split into pages across, its
 * manual column page breaks (exceljs writes row breaks only), right after the row breaks (none here) that
 * follow the <headerFooter>. Throws when the writer is not shaped as expected (a bug, not input).
 */
function withPrintXml(ws: SheetWriter, breaks: readonly number[]): void {
  const sheet = ws as unknown as { _writePageMargins?: () => void; _writeRowBreaks?: () => void; stream?: { write(text: string): unknown } };
  const { _writePageMargins: margins, _writeRowBreaks: rowBreaks } = sheet;
  if (typeof margins !== 'function' || typeof rowBreaks !== 'function' || typeof sheet.stream?.write !== 'function') {
    throw new Error('xlsx: exceljs WorksheetWriter is not shaped as expected');
  }
  sheet._writePageMargins = function writePageMargins(this: typeof sheet): void {
    this.stream?.write('<printOptions gridLines="1"/>');
    margins.call(this);
  };
  if (breaks.length === 0) return;
  sheet._writeRowBreaks = function writeRowBreaks(this: typeof sheet): void {
    rowBreaks.call(this);
    this.stream?.write(colBreaksXml(breaks));
  };
}

// exceljs is CommonJS and heavy, so it is loaded with require() only when a workbook is written. Its ~100
// modules cost about 0.2 s to resolve and load; the CLI's bundle loads them as one file built by
// scripts/bundle.mjs instead (dist/vendor/exceljs.cjs, the same code: the same bytes out), about 0.1 s.
// The bundle defines KOSEIZU_EXCELJS to that file; anywhere else (the library) exceljs is required as is.
declare const KOSEIZU_EXCELJS: string | undefined;
const EXCELJS = typeof KOSEIZU_EXCELJS === 'string' ? KOSEIZU_EXCELJS : 'exceljs';

/** exceljs's streaming workbook, as this renderer uses it. */
interface StreamingWorkbook {
  addWorksheet(name: string, options: Partial<AddWorksheetOptions>): SheetWriter;
  commit(): Promise<void>;
}

/**
 * The workbook risks.xlsx: one sheet per table of the report, in the view's language; the same view gives
 * the same bytes. Written with exceljs's streaming writer, a row at a time, into the zip as it goes: the
 * workbook's memory is the zip's bytes, its shared strings and styles, and the sheet being laid out.
 */
export const reportXlsx: Renderer<ReportView, void, Promise<Uint8Array>> = async (view) => {
  const ExcelJS = createRequire(import.meta.url)(EXCELJS) as typeof import('exceljs');
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) { chunks.push(chunk); done(); },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream, useSharedStrings: true, useStyles: true,
    created: FIXED_TIME, modified: FIXED_TIME, creator: 'koseizu', lastModifiedBy: 'koseizu',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]) as unknown as StreamingWorkbook & { title?: string };
  workbook.title = view.title;
  const all = sheets(view);
  withFilterNames(workbook, all);
  const height = rememberedHeight();
  for (const sheet of all) await writeSheet(workbook, sheet, view.title, height);
  await workbook.commit();
  return normaliseZipTimes(new Uint8Array(Buffer.concat(chunks)));
};
