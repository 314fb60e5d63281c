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

/** A character's width in column units, by its code point. */
function codeUnits(code: number, bold: boolean): number {
  if (isWide(code)) return WIDE;
  const units = code < 0x7f ? (ASCII[code] ?? 1.05) : 1.3;
  return bold ? units * BOLD : units;
}

/** How many column units a line of text takes, in the widest of the fonts a reader may have. */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) ?? 0;
    units += codeUnits(code, bold);
    i += code > 0xffff ? 2 : 1;
  }
  return units;
}

// Japanese line breaking (kinsoku): what never starts a line, and what never ends one.
const codes = (chars: string): Set<number> => new Set([...chars].map((ch) => ch.codePointAt(0) ?? 0));
const NO_START = codes('、。，．・：；？！゛゜ヽヾゝゞ々ー）］｝〕〉》」』】〙〗〟’”｠»ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ〜～‐゠–…‥)]},.:;!?%');
const NO_END = codes('（［｛〔〈《「『【〘〖〝‘“｟«([{');
const NEWLINE = 0x0a;
const SPACE = 0x20;
const IDEOGRAPHIC_SPACE = 0x3000;
const HYPHEN = 0x2d;
const SLASH = 0x2f;

/**
 * Wraps a cell's text to `room` units as a spreadsheet does, or more tightly, never less: each paragraph
 * is cut into the pieces a line may break between (a Latin word, breakable after a hyphen or a slash; each
 * full-width character; kinsoku holding punctuation to its neighbour), and the pieces fill lines in turn;
 * a piece longer than a line is cut anywhere. Fewer break points than a spreadsheet knows only ever make
 * more lines, so heights made from them are never too short. Calls `line` with each line's text and
 * whether it holds full-width characters (its height). One pass over the text, nothing kept: the layout
 * measures every cell at many widths.
 */
function layText(text: string, room: number, bold: boolean, line: (start: number, end: number, wide: boolean) => void): void {
  // The line being filled.
  let lineStart = 0;
  let used = 0;
  let trailing = 0;
  let lineWide = false;
  let empty = true;
  // The piece being read: where it starts and where its last non-space character ends, its width, the
  // spaces after it, whether it holds a full-width character.
  let start = -1;
  let end = 0;
  let units = 0;
  let space = 0;
  let wide = false;
  const flush = (at: number): void => {
    line(lineStart, at, lineWide);
    lineStart = at; used = 0; trailing = 0; lineWide = false; empty = true;
  };
  const place = (): void => {
    if (start < 0) return;
    if (!empty && used + trailing + units > room) flush(start);
    if (units > room) {
      // Longer than a line: cut anywhere, as a spreadsheet does with a word that does not fit.
      used += empty ? 0 : trailing;
      for (let i = start; i < end;) {
        const code = text.codePointAt(i) ?? 0;
        const u = codeUnits(code, bold);
        if (!empty && used + u > room) flush(i);
        used += u;
        lineWide ||= isWide(code);
        empty = false;
        i += code > 0xffff ? 2 : 1;
      }
    } else {
      used += trailing + units;
      lineWide ||= wide;
      empty = false;
    }
    trailing = space;
  };
  let glue = true; // no break before the next character (start of a paragraph, or after an opening bracket)
  let prev = 0;
  let prevWide = false;
  for (let i = 0; i <= text.length;) {
    const code = i < text.length ? (text.codePointAt(i) ?? 0) : NEWLINE;
    const next = i + (code > 0xffff ? 2 : 1);
    if (code === NEWLINE) {
      place();
      flush(i);
      lineStart = next;
      start = -1; units = 0; space = 0; wide = false; glue = true; prev = 0; prevWide = false;
      i = next;
      continue;
    }
    const u = codeUnits(code, bold);
    if (code === SPACE || code === IDEOGRAPHIC_SPACE) {
      if (start >= 0) space += u;
      glue = false; prev = code; prevWide = false;
      i = next;
      continue;
    }
    const isW = isWide(code);
    // A break is possible between two full-width characters, between Latin and full-width text, after a
    // hyphen or a slash, and after a space; never before a no-start or after a no-end character.
    const breakable = start >= 0 && !glue && (space === 0
      ? (isW || prevWide || prev === HYPHEN || prev === SLASH) && !NO_START.has(code) && !NO_END.has(prev)
      : !NO_START.has(code));
    if (start < 0 || breakable) {
      place();
      start = i; units = u; space = 0; wide = isW;
    } else {
      units += space + u; space = 0; wide ||= isW;
    }
    end = next;
    glue = NO_END.has(code); prev = code; prevWide = isW;
    i = next;
  }
}

/** The lines a cell's text takes in a column with `room` units for text: its paragraphs, wrapped. */
export function wrap(text: string, room: number, bold = false): string[] {
  const lines: string[] = [];
  layText(text, room, bold, (start, end) => { lines.push(text.slice(start, end).trim()); });
  return lines;
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

/** A cell's text height in points at a column width. */
export type Height = (text: string, width: number) => number;

/** How tall a cell's text is at the least, one line a paragraph: textHeight at any width its lines fit. */
function floorHeight(text: string): number {
  let points = 0;
  let wide = false;
  for (let i = 0; i <= text.length;) {
    const code = i < text.length ? (text.codePointAt(i) ?? 0) : NEWLINE;
    if (code === NEWLINE) { points += wide ? LINE_WIDE : LINE_LATIN; wide = false; } else wide ||= isWide(code);
    i += code > 0xffff ? 2 : 1;
  }
  return points;
}

/** How tall a cell's text is in points, wrapped to a column `width` units wide. */
export function textHeight(text: string, width: number, bold = false): number {
  let points = 0;
  layText(text, width - COLUMN_PADDING, bold, (_start, _end, wide) => { points += wide ? LINE_WIDE : LINE_LATIN; });
  return points;
}

/** A text's widest paragraph in column units: at any room wider than that, it wraps to one line a paragraph. */
function widestParagraph(text: string): number {
  let widest = 0;
  let units = 0;
  for (let i = 0; i <= text.length;) {
    const code = i < text.length ? (text.codePointAt(i) ?? 0) : NEWLINE;
    if (code === NEWLINE) { widest = Math.max(widest, units); units = 0; } else units += codeUnits(code, false);
    i += code > 0xffff ? 2 : 1;
  }
  return widest;
}

/**
 * What a wrap's sums may differ by from widestParagraph's (the same units, added in another order): a text
 * within it of its room is measured, not taken to fit.
 */
const ROUNDING = 1e-6;

/**
 * textHeight, remembered: each text measured once a width, for every sheet it is given to (the open risks'
 * and the risks to agree on repeat the list's cells). A text whose every paragraph fits the width is one
 * line a paragraph (its floor) without being wrapped: a line fills with a paragraph's pieces and the spaces
 * between them, never more than the paragraph's units. One for a workbook; let go with it.
 */
export function rememberedHeight(): Height {
  const known = new Map<string, { readonly widest: number; readonly floor: number; readonly byWidth: Map<number, number> }>();
  return (text, width) => {
    let k = known.get(text);
    if (!k) { k = { widest: widestParagraph(text), floor: floorHeight(text), byWidth: new Map() }; known.set(text, k); }
    if (k.widest + ROUNDING < width - COLUMN_PADDING) return k.floor;
    let h = k.byWidth.get(width);
    if (h === undefined) { h = textHeight(text, width); k.byWidth.set(width, h); }
    return h;
  };
}

/** A row's height: its tallest cell (as `height` measures it), padded, at most Excel's tallest row. */
export function rowHeight(cells: readonly string[], widths: readonly number[], height: Height = textHeight): number {
  let most = LINE_LATIN;
  cells.forEach((text, i) => { most = Math.max(most, height(text, widths[i] ?? 0)); });
  return Math.min(MAX_ROW_POINTS, Math.ceil(most + ROW_PADDING));
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
  /** How the cells' heights are measured (textHeight when not given). */
  readonly height?: Height;
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
export function layoutSheet(sheet: SheetText): { readonly widths: readonly number[]; readonly heights: readonly number[]; readonly layout: PageLayout } {
  const column = columnHeights(sheet);
  const natural = widenForRows(sheet, column);
  const heights = (widths: readonly number[]): number[] => {
    const tallest = new Float64Array(sheet.rows.length).fill(LINE_LATIN);
    widths.forEach((w, c) => { column(c, w).forEach((h, r) => { if (h > (tallest[r] ?? 0)) tallest[r] = h; }); });
    return [...tallest].map((h) => Math.min(MAX_ROW_POINTS, Math.ceil(h + ROW_PADDING)));
  };
  const total = sum(natural);
  for (const paper of PAPERS) {
    const scale = scaleFor(paper, total);
    if (scale >= MIN_SCALE) return { widths: natural, heights: heights(natural), layout: { paper, scale, fit: true, breaks: [], titles: 0 } };
  }
  const paper = PAPERS[PAPERS.length - 1] as Paper;
  const { titles } = sheet;
  const head = sum(natural.slice(0, titles));
  const cuts = [...new Set([titles, ...sheet.starts.filter((s) => s > titles && s < natural.length)])].sort((a, b) => a - b);
  const blocks = cuts.map((from, i) => sum(natural.slice(from, cuts[i + 1] ?? natural.length)));
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
  for (const pages of [across, across + 1].filter((k) => k <= blocks.length)) {
    for (const split of splits(blocks.length, pages)) {
      const widest = Math.max(...split.map((b, i) => sum(blocks.slice(b, split[i + 1] ?? blocks.length))));
      if (widest > room) continue;
      const breaks = split.map((b) => cuts[b] as number);
      const widths = spread(sheet, natural, breaks, room, column);
      const height = sum(heights(widths));
      const total = pages * Math.max(1, Math.ceil(height / (printableHeight(paper) / (scale / 100))));
      if (!best || total < best.pages || (total === best.pages && (pages < best.across || (pages === best.across && height < best.height)))) {
        best = { widths, breaks, pages: total, across: pages, height };
      }
    }
  }
  // None fits only when a part is wider than A3 at 10 %: the columns as they are, at the narrowest split.
  const chosen = best ?? { widths: natural, breaks: narrowestSplit(blocks, across).starts.map((b) => cuts[b] as number) };
  return { widths: chosen.widths, heights: heights(chosen.widths), layout: { paper, scale, fit: false, breaks: chosen.breaks.filter((b) => b !== titles), titles } };
}

/**
 * Widens, two units at a time and up to the sheet's widest, the column of any cell too tall for Excel's
 * tallest row (a taller row would clip it): the widths that let every row show all of its text, where they can.
 */
function widenForRows(sheet: SheetText, column: ColumnHeights): number[] {
  const widths = [...sheet.widths];
  const height = sheet.height ?? textHeight;
  // A row fits when each of its cells does: each cell too tall widens its column until it fits.
  widths.forEach((natural, c) => {
    column(c, natural).forEach((h, r) => {
      if (h + ROW_PADDING <= MAX_ROW_POINTS) return;
      const text = sheet.rows[r]?.[c] ?? '';
      let w = widths[c] ?? natural;
      while (w < sheet.widest && height(text, w) + ROW_PADDING > MAX_ROW_POINTS) w = Math.min(sheet.widest, w + 2);
      widths[c] = w;
    });
  });
  return widths;
}

/**
 * Gives the spare width of each page across to its columns, two units at a time, each time to the column
 * that shortens the sheet's rows the most, until no page has room or no column shortens any row.
 * `starts` are the first columns of the pages across; the title columns stay as they are.
 */
function spread(sheet: SheetText, natural: readonly number[], starts: readonly number[], room: number, column: ColumnHeights): number[] {
  const widths = [...natural];
  const rows = sheet.rows.length;
  const pageOf = widths.map((_, c) => (c < sheet.titles ? -1 : starts.filter((s) => s <= c).length - 1));
  const spare = starts.map((_, p) => room - sum(widths.filter((_, c) => pageOf[c] === p)));
  const heights = widths.map((w, c) => column(c, w));
  // Each row's tallest cell, its column, and the next tallest: what the row is once that cell shortens.
  const first = new Float64Array(rows);
  const second = new Float64Array(rows);
  const tallest = new Int32Array(rows);
  // A row's, the columns taken in order (so that of two cells as tall, the first is the tallest).
  const top = (r: number): void => {
    let a = 0;
    let b = 0;
    let t = -1;
    for (let c = 0; c < heights.length; c++) {
      const h = heights[c]?.[r] ?? 0;
      if (h > a) { b = a; a = h; t = c; } else if (h > b) b = h;
    }
    first[r] = a; second[r] = b; tallest[r] = t;
  };
  for (let r = 0; r < rows; r++) top(r);
  const STEP = 2;
  for (;;) {
    let bestColumn = -1;
    let bestGain = 0;
    for (let c = sheet.titles; c < widths.length; c++) {
      const page = pageOf[c] ?? -1;
      const width = widths[c] ?? 0;
      if ((spare[page] ?? 0) < STEP || width + STEP > sheet.widest) continue;
      // What the rows lose in height; and, a hundredth as much, what the column's cells lose, so that of
      // two cells as tall as each other, widening one first is worth it (the row shortens when both are).
      const before = heights[c] as Float64Array;
      const after = column(c, width + STEP);
      let gain = 0;
      for (let r = 0; r < rows; r++) {
        const h = after[r] ?? 0;
        const top = first[r] ?? 0;
        const others = tallest[r] === c ? (second[r] ?? 0) : top;
        gain += top - Math.max(others, h) + ((before[r] ?? 0) - h) / 100;
      }
      if (gain > bestGain) { bestGain = gain; bestColumn = c; }
    }
    if (bestColumn < 0) return widths;
    widths[bestColumn] = (widths[bestColumn] ?? 0) + STEP;
    const page = pageOf[bestColumn] ?? -1;
    spare[page] = (spare[page] ?? 0) - STEP;
    const was = heights[bestColumn] as Float64Array;
    const now = column(bestColumn, widths[bestColumn] ?? 0);
    heights[bestColumn] = now;
    // Only the rows whose cell in that column changed can change their tallest.
    for (let r = 0; r < rows; r++) if (was[r] !== now[r]) top(r);
  }
}

/** A column's cells' heights at a width, one per row. */
type ColumnHeights = (column: number, width: number) => Float64Array;

/** A column's distinct texts, and which of them each row holds: a list of thousands of rows repeats its words. */
interface ColumnTexts {
  readonly texts: readonly string[];
  readonly of: Int32Array;
}

function columnTexts(rows: readonly (readonly string[])[], c: number): ColumnTexts {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const of = Int32Array.from(rows, (row) => {
    const text = row[c] ?? '';
    let i = index.get(text);
    if (i === undefined) { i = texts.length; texts.push(text); index.set(text, i); }
    return i;
  });
  return { texts, of };
}

/**
 * Each column's heights at each width asked, measured once: the layout asks for the same ones often. Each
 * distinct text of a column is measured once a width; a text already one line a paragraph (its floor) at a
 * narrower width stays so, and is not measured again.
 */
function columnHeights(sheet: SheetText): ColumnHeights {
  const height = sheet.height ?? textHeight;
  const known = new Map<number, Map<number, Float64Array>>();
  const distinct = new Map<number, { readonly column: ColumnTexts; readonly floor: Float64Array; readonly byWidth: Map<number, Float64Array> }>();
  return (c, width) => {
    let byWidth = known.get(c);
    if (!byWidth) { byWidth = new Map(); known.set(c, byWidth); }
    const hit = byWidth.get(width);
    if (hit) return hit;
    let d = distinct.get(c);
    if (!d) {
      const column = columnTexts(sheet.rows, c);
      d = { column, floor: Float64Array.from(column.texts, floorHeight), byWidth: new Map() };
      distinct.set(c, d);
    }
    let narrower: Float64Array | undefined;
    let best = -1;
    for (const [w, hs] of d.byWidth) if (w < width && w > best) { best = w; narrower = hs; }
    const low = d.floor;
    const texts = d.column.texts;
    const each = Float64Array.from(texts, (text, t) => (narrower !== undefined && narrower[t] === low[t] ? (low[t] ?? 0) : height(text, width)));
    d.byWidth.set(width, each);
    const of = d.column.of;
    const hs = Float64Array.from(of, (t) => each[t] ?? 0);
    byWidth.set(width, hs);
    return hs;
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
