// How risks.xlsx looks on paper: how wide text is in a column, how it wraps, how tall its rows must be, and
// which paper, scale and page breaks each sheet prints with. Pure and deterministic (no fonts are read): a
// spreadsheet measures with the reader's fonts, so every measure here is the widest or tallest of the fonts
// a reader is likely to have, and what it decides holds for all of them.
//
// The fonts measured: the workbook's font is Calibri 11 (exceljs's theme). Excel draws it with its column
// unit (one '0') of 7 px at 96 dpi, 5.25 pt, and Japanese in a Japanese font, 11 pt a character, 2.1 units.
// LibreOffice without Calibri draws Carlito (metric-compatible) or, on a machine with neither, DejaVu Sans,
// whose '0' is 7 pt: its unit is a third wider than Excel's, while Japanese stays 11 pt a character. So a
// column is widest in points in LibreOffice with DejaVu Sans, and holds the fewest Japanese characters in
// Excel: widths are chosen in characters for Excel, scales and paper in points for LibreOffice.

/** Full-width characters (CJK, kana, full-width forms, and the symbols Japanese fonts draw wide). */
export function isWide(code: number): boolean {
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

/** How many columns a line of text needs in a fixed-pitch view: full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** A full-width character in column units: 11 pt in Excel's 5.25 pt unit (2.1), with a little to spare. */
const WIDE = 2.15;
// Latin letters in units of the font's own '0', the wider of Calibri's and DejaVu Sans's, rounded up.
const THIN = /[ijlI!|.,:;'`]/;
const SEMI = /[frt()[\]{}\- /"]/;
const BROAD_LOWER = /[mw]/;
const BROAD = /[MW@%&]/;
const UPPER = /[A-Z#]/;
/** Bold Latin letters are up to a tenth wider (DejaVu Sans Bold); full-width ones are not. */
const BOLD = 1.1;

function latinUnits(ch: string): number {
  if (THIN.test(ch)) return 0.5;
  if (SEMI.test(ch)) return 0.8;
  if (BROAD.test(ch)) return 1.8;
  if (BROAD_LOWER.test(ch)) return 1.6;
  if (UPPER.test(ch)) return 1.3;
  return 1.05;
}
/** The units of the printable ASCII characters, looked up rather than matched (the layout measures a lot). */
const ASCII = Array.from({ length: 0x7f }, (_, code) => latinUnits(String.fromCharCode(code)));

function charUnits(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  if (isWide(code)) return WIDE;
  const units = code < 0x7f ? (ASCII[code] ?? 1.05) : 1.3;
  return bold ? units * BOLD : units;
}

/** How many column units a line of text takes, in the widest of the fonts a reader may have. */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch, bold);
  return units;
}

// Japanese line breaking (kinsoku): what never starts a line, and what never ends one.
const NO_START = new Set([...'、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝〕〉》」』】〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ〜～‐゠–…‥', ...')]},.:;!?%']);
const NO_END = new Set([...'（［｛〔〈《「『【〘〖〝‘“｟«', ...'([{']);

interface Piece {
  units: number;
  /** The width of the spaces after it, which a line may end with without needing the room. */
  space: number;
  text: string;
  /** Whether it holds a full-width character (its line is then as tall as Japanese text). */
  wide: boolean;
}

/**
 * Cuts a paragraph into the pieces a line may break between: a Latin word (breakable after a hyphen or a
 * slash), each full-width character, with kinsoku holding punctuation to its neighbour. Fewer break points
 * than a spreadsheet knows only ever make more lines, so the heights made from them are never too short.
 */
function pieces(paragraph: string, bold: boolean): Piece[] {
  const out: Piece[] = [];
  let glue = true; // no break before the next character (start of the paragraph, or after an opening bracket)
  let prev = '';
  let prevWide = false;
  for (const ch of paragraph) {
    const units = charUnits(ch, bold);
    const last = out[out.length - 1];
    if (ch === ' ' || ch === '\u3000') {
      if (last) last.space += units;
      glue = false;
      prev = ch;
      prevWide = false;
      continue;
    }
    const wide = isWide(ch.codePointAt(0) ?? 0);
    // A break is possible between two full-width characters, between Latin and full-width text, after a
    // hyphen or a slash, and after a space; never before a no-start or after a no-end character.
    const breakable = !glue && last !== undefined && last.space === 0
      ? (wide || prevWide || prev === '-' || prev === '/') && !NO_START.has(ch) && !NO_END.has(prev)
      : !glue && last !== undefined && !NO_START.has(ch);
    if (breakable || !last) out.push({ units, space: 0, text: ch, wide });
    else {
      if (last.space > 0) { last.units += last.space; last.space = 0; last.text += ' '; }
      last.units += units;
      last.text += ch;
      last.wide ||= wide;
    }
    glue = NO_END.has(ch);
    prev = ch;
    prevWide = wide;
  }
  return out;
}

/** A text cut into paragraphs and pieces, once: wrapping it to a width is then quick. */
type Cut = readonly (readonly Piece[])[];
const cut = (text: string, bold: boolean): Cut => text.split('\n').map((p) => pieces(p, bold));

/** Wraps a cut text to `room` units: each line's text and whether it holds full-width characters. */
function lay(paragraphs: Cut, room: number, bold: boolean): { text: string; wide: boolean }[] {
  const lines: { text: string; wide: boolean }[] = [];
  for (const paragraph of paragraphs) {
    let line = '';
    let wide = false;
    let used = 0;
    let trailing = 0;
    const flush = (): void => { lines.push({ text: line, wide }); line = ''; wide = false; used = 0; trailing = 0; };
    for (const piece of paragraph) {
      if (line !== '' && used + trailing + piece.units > room) flush();
      if (piece.units > room) {
        // Longer than a line: cut anywhere, as a spreadsheet does with a word that does not fit.
        used += line === '' ? 0 : trailing;
        for (const ch of piece.text) {
          const units = charUnits(ch, bold);
          if (line !== '' && used + units > room) flush();
          line += ch;
          wide ||= isWide(ch.codePointAt(0) ?? 0);
          used += units;
        }
      } else {
        line += (trailing > 0 ? ' ' : '') + piece.text;
        wide ||= piece.wide;
        used += trailing + piece.units;
      }
      trailing = piece.space;
    }
    flush();
  }
  return lines;
}

/** The lines a cell's text takes in a column with `room` units for text: its paragraphs, wrapped. */
export function wrap(text: string, room: number, bold = false): string[] {
  return lay(cut(text, bold), room, bold).map((l) => l.text);
}

/**
 * A line's height in points at 11 pt. LibreOffice sets Japanese in Noto Sans CJK, whose lines are 16 pt;
 * Latin lines are 15 pt in Excel (Calibri) and 13 pt in LibreOffice (DejaVu Sans).
 */
const LINE_WIDE = 16.5;
const LINE_LATIN = 15;
/** Above and below the text in a cell. */
const ROW_PADDING = 4;
/** Excel's tallest row. */
export const MAX_ROW_POINTS = 409;
/** The part of a column's width that is padding, not room for text. */
export const COLUMN_PADDING = 1;

/** How tall a cut text is in points, wrapped to a column `width` units wide. */
function cutHeight(paragraphs: Cut, width: number, bold: boolean): number {
  let points = 0;
  for (const line of lay(paragraphs, width - COLUMN_PADDING, bold)) points += line.wide ? LINE_WIDE : LINE_LATIN;
  return points;
}

/** How tall a cell's text is in points, wrapped to a column `width` units wide. */
export function textHeight(text: string, width: number, bold = false): number {
  return cutHeight(cut(text, bold), width, bold);
}

/** A row's height: its tallest cell (as `height` measures it), padded, at most Excel's tallest row. */
export function rowHeight(cells: readonly string[], widths: readonly number[], height: Height = textHeight): number {
  let most = LINE_LATIN;
  cells.forEach((text, i) => { most = Math.max(most, height(text, widths[i] ?? 0)); });
  return Math.min(MAX_ROW_POINTS, Math.ceil(most + ROW_PADDING));
}

/**
 * Widens, two units at a time and up to `limit`, the column of any cell too tall for Excel's tallest row
 * (a taller row would clip it): the widths that let every row show all of its text, where they can.
 */
export function widenForRows(rows: readonly (readonly string[])[], widths: readonly number[], limit: number): number[] {
  const out = [...widths];
  for (const row of rows) {
    for (;;) {
      let tallest = -1;
      let most = 0;
      row.forEach((text, i) => {
        const h = textHeight(text, out[i] ?? 0);
        if (h > most) { most = h; tallest = i; }
      });
      if (most + ROW_PADDING <= MAX_ROW_POINTS || tallest < 0 || (out[tallest] ?? limit) >= limit) break;
      out[tallest] = Math.min(limit, (out[tallest] ?? 0) + 2);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Paper

export interface Paper {
  readonly name: 'A4' | 'A3';
  /** The OOXML paper code (ECMA-376 18.3.1.63). */
  readonly code: number;
  readonly orientation: 'portrait' | 'landscape';
  /** The page's width and height in points, as oriented. */
  readonly width: number;
  readonly height: number;
}

const A4 = { width: 595.28, height: 841.89 };
const A3 = { width: 841.89, height: 1190.55 };
/** In the order tried: the smallest paper first, portrait before landscape. */
export const PAPERS: readonly Paper[] = [
  { name: 'A4', code: 9, orientation: 'portrait', ...A4 },
  { name: 'A4', code: 9, orientation: 'landscape', width: A4.height, height: A4.width },
  { name: 'A3', code: 8, orientation: 'landscape', width: A3.height, height: A3.width },
];

/** Page margins in inches (Excel's unit): about 10 mm at the sides, room for the header and footer. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 } as const;
/** A column unit in points where it is widest (DejaVu Sans 11 pt in LibreOffice; Excel's is 5.25). */
export const UNIT_POINTS = 7;
/** The smallest print scale, in percent: 11 pt text prints at 7.5 pt or larger. */
export const MIN_SCALE = 68;

/** How a sheet prints. */
export interface PageLayout {
  readonly paper: Paper;
  /** Percent; with `fit`, the spreadsheet shrinks the sheet to one page wide and this is only our estimate. */
  readonly scale: number;
  /** One page wide, scaled by the spreadsheet (true), or split into pages across at `scale` (false). */
  readonly fit: boolean;
  /** 0-based indexes of the columns that start a new page across (after the repeated title columns). */
  readonly breaks: readonly number[];
  /** How many leading columns repeat on every page across (0 when the sheet is one page wide). */
  readonly titles: number;
}

/** A sheet to lay out: its columns' widths as their text asks (within their caps), and its text. */
export interface SheetText {
  readonly widths: readonly number[];
  /** Columns at which a page across may start (0-based), when the sheet is too wide for one page. */
  readonly starts: readonly number[];
  /** How many leading columns repeat on each page across. */
  readonly titles: number;
  /** Each row's cells' text (the header row not included). */
  readonly rows: readonly (readonly string[])[];
  /** How wide a column may grow to use a page's spare width. */
  readonly widest: number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const printableWidth = (paper: Paper): number => paper.width - (MARGINS.left + MARGINS.right) * 72;
const printableHeight = (paper: Paper): number => paper.height - (MARGINS.top + MARGINS.bottom) * 72;
/** The largest whole scale (at most 100) at which `units` of columns fit one page of `paper` wide. */
const scaleFor = (paper: Paper, units: number): number => Math.min(100, Math.floor((printableWidth(paper) / (units * UNIT_POINTS)) * 100));
/** How many units of columns one page holds at `scale`. */
const unitsAt = (paper: Paper, scale: number): number => Math.floor(printableWidth(paper) / (UNIT_POINTS * (scale / 100)));

/**
 * The widths and page setup of a sheet. One page wide on A4 (portrait, then landscape) when it fits at
 * MIN_SCALE or larger, else on A3 landscape: the spreadsheet scales it to the page. Wider: split into pages
 * across on A3 landscape, only where `starts` allows, the title columns repeated on each page, at the
 * largest scale that keeps to the fewest pages across (at least MIN_SCALE where the columns allow). Then
 * the spare width of each page goes to its wrapped columns, where it shortens the rows most; and one more
 * page across is taken when the wider columns it allows save more pages down than it costs.
 */
export function layoutSheet(sheet: SheetText): { readonly widths: readonly number[]; readonly layout: PageLayout } {
  const total = sum(sheet.widths);
  for (const paper of PAPERS) {
    const scale = scaleFor(paper, total);
    if (scale >= MIN_SCALE) return { widths: sheet.widths, layout: { paper, scale, fit: true, breaks: [], titles: 0 } };
  }
  const paper = PAPERS[PAPERS.length - 1] as Paper;
  const { titles } = sheet;
  const head = sum(sheet.widths.slice(0, titles));
  const cuts = [...new Set([titles, ...sheet.starts.filter((s) => s > titles && s < sheet.widths.length)])].sort((a, b) => a - b);
  const blocks = cuts.map((from, i) => sum(sheet.widths.slice(from, cuts[i + 1] ?? sheet.widths.length)));
  // The fewest pages across, and the scale they allow.
  let across = blocks.length;
  for (let pages = 1; pages <= blocks.length; pages++) {
    if (scaleFor(paper, head + narrowestSplit(blocks, pages).widest) >= MIN_SCALE) { across = pages; break; }
  }
  const scale = Math.max(10, scaleFor(paper, head + narrowestSplit(blocks, across).widest));
  const room = unitsAt(paper, scale) - head;
  // Every way to cut the blocks into that many pages, or one more, whose columns fit: the one that,
  // once each page's spare width is spread, prints on the fewest pages (then: fewer across, shorter rows).
  let best: { widths: number[]; breaks: number[]; pages: number; across: number; height: number } | undefined;
  const measure = heightMemo();
  for (const pages of [across, across + 1].filter((k) => k <= blocks.length)) {
    for (const split of splits(blocks.length, pages)) {
      const widest = Math.max(...split.map((b, i) => sum(blocks.slice(b, split[i + 1] ?? blocks.length))));
      if (widest > room) continue;
      const breaks = split.map((b) => cuts[b] as number);
      const widths = spread(sheet, breaks, room, measure);
      const height = sum(sheet.rows.map((row) => rowHeight(row, widths, measure)));
      const total = pages * Math.max(1, Math.ceil(height / (printableHeight(paper) / (scale / 100))));
      if (!best || total < best.pages || (total === best.pages && (pages < best.across || (pages === best.across && height < best.height)))) {
        best = { widths, breaks, pages: total, across: pages, height };
      }
    }
  }
  // None fits only when a part is wider than A3 at 10 %: the columns as they are, at the narrowest split.
  const chosen = best ?? { widths: [...sheet.widths], breaks: narrowestSplit(blocks, across).starts.map((b) => cuts[b] as number) };
  return { widths: chosen.widths, layout: { paper, scale, fit: false, breaks: chosen.breaks.filter((b) => b !== titles), titles } };
}

/**
 * Gives the spare width of each page across to its columns, two units at a time, each time to the column
 * that shortens the sheet's rows the most, until no page has room or no column shortens any row.
 * `starts` are the first columns of the pages across; the title columns stay as they are.
 */
function spread(sheet: SheetText, starts: readonly number[], room: number, height: Height): number[] {
  const widths = [...sheet.widths];
  const pageOf = widths.map((_, c) => (c < sheet.titles ? -1 : starts.filter((s) => s <= c).length - 1));
  const spare = starts.map((_, p) => room - sum(widths.filter((_, c) => pageOf[c] === p)));
  const heights = sheet.rows.map((row) => widths.map((w, c) => height(row[c] ?? '', w)));
  // Each row's tallest cell, its column, and the next tallest: what the row is once that cell shortens.
  const tops = heights.map(topTwo);
  const STEP = 2;
  for (;;) {
    let bestColumn = -1;
    let bestGain = 0;
    let bestHeights: number[] = [];
    for (let c = sheet.titles; c < widths.length; c++) {
      const page = pageOf[c] ?? -1;
      const width = widths[c] ?? 0;
      if ((spare[page] ?? 0) < STEP || width + STEP > sheet.widest) continue;
      // What the rows lose in height; and, a hundredth as much, what the column's cells lose, so that of
      // two cells as tall as each other, widening one first is worth it (the row shortens when both are).
      let gain = 0;
      const wider = sheet.rows.map((row, r) => {
        const h = height(row[c] ?? '', width + STEP);
        const before = heights[r]?.[c] ?? 0;
        const top = tops[r] as Top;
        const others = top.column === c ? top.second : top.first;
        gain += top.first - Math.max(others, h) + (before - h) / 100;
        return h;
      });
      if (gain > bestGain) { bestGain = gain; bestColumn = c; bestHeights = wider; }
    }
    if (bestColumn < 0) return widths;
    widths[bestColumn] = (widths[bestColumn] ?? 0) + STEP;
    const page = pageOf[bestColumn] ?? -1;
    spare[page] = (spare[page] ?? 0) - STEP;
    heights.forEach((row, r) => { row[bestColumn] = bestHeights[r] ?? 0; tops[r] = topTwo(row); });
  }
}

interface Top { readonly first: number; readonly column: number; readonly second: number }
function topTwo(row: readonly number[]): Top {
  let first = 0;
  let column = -1;
  let second = 0;
  row.forEach((h, c) => {
    if (h > first) { second = first; first = h; column = c; } else if (h > second) second = h;
  });
  return { first, column, second };
}

/** A cell's text height in points at a column width. */
export type Height = (text: string, width: number) => number;
/** textHeight, remembered: the layout asks for the same cells at the same widths often. */
function heightMemo(): Height {
  const cuts = new Map<string, { readonly paragraphs: Cut; readonly byWidth: Map<number, number> }>();
  return (text, width) => {
    let entry = cuts.get(text);
    if (!entry) { entry = { paragraphs: cut(text, false), byWidth: new Map() }; cuts.set(text, entry); }
    let h = entry.byWidth.get(width);
    if (h === undefined) { h = cutHeight(entry.paragraphs, width, false); entry.byWidth.set(width, h); }
    return h;
  };
}

/** Every way to cut `n` blocks into `pages` runs, as the first block of each run (the first is 0). */
function splits(n: number, pages: number): number[][] {
  if (pages <= 1) return [[0]];
  const out: number[][] = [];
  const visit = (from: number, left: number, starts: number[]): void => {
    if (left === 0) { out.push(starts); return; }
    for (let s = from; s <= n - left; s++) visit(s + 1, left - 1, [...starts, s]);
  };
  visit(1, pages - 1, [0]);
  return out;
}

/** Splits consecutive widths into `pages` runs so that the widest run is as narrow as it can be (exhaustive; a handful of blocks). */
function narrowestSplit(units: readonly number[], pages: number): { starts: number[]; widest: number } {
  let best = { starts: [0], widest: Number.POSITIVE_INFINITY };
  const visit = (from: number, left: number, starts: number[], widest: number): void => {
    if (left === 1) {
      const w = Math.max(widest, sum(units.slice(from)));
      if (w < best.widest) best = { starts: [...starts, from], widest: w };
      return;
    }
    let run = 0;
    for (let end = from + 1; end <= units.length - (left - 1); end++) {
      run += units[end - 1] ?? 0;
      visit(end, left - 1, [...starts, from], Math.max(widest, run));
    }
  };
  visit(0, pages, [], 0);
  return best;
}
