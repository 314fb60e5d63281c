// Breaking labels into lines that fit a width, measured with the real font.
// Japanese breaks between any two characters except before closing brackets and punctuation
// (kinsoku); Latin breaks at spaces and after "/" or "-"; a word wider than the line is cut.
import type { TextBlock, TextMeasurer } from '../../models/diagram.js';

/** Characters that may not start a line (closing brackets, punctuation, small kana, long vowel mark). */
const NO_LINE_START = new Set([...'、。，．・：；？！）」』】〕〉》］｝〙〗ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}']);
/** Characters that may not end a line (opening brackets). */
const NO_LINE_END = new Set([...'（「『【〔〈《［｛〘〖([{']);

const isWide = (ch: string): boolean => /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u.test(ch);
/** Katakana (and the long vowel mark): a run of it is one word, kept on one line when it fits. */
const isKatakana = (ch: string): boolean => /[\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u.test(ch);

/** Splits text into unbreakable pieces: a wide character each, a katakana run, a Latin word with what trails it. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = (): void => { if (word) { out.push(word); word = ''; } };
  let katakana = '';
  const flushKatakana = (): void => { if (katakana) { out.push(katakana); katakana = ''; } };
  for (const ch of text) {
    if (isKatakana(ch)) {
      flush();
      katakana += ch;
      continue;
    }
    flushKatakana();
    if (isWide(ch)) {
      flush();
      out.push(ch);
    } else if (ch === ' ') {
      word += ch;
      flush();
    } else {
      word += ch;
      if (ch === '/' || ch === '-') flush();
    }
  }
  flush();
  flushKatakana();
  // Kinsoku: glue a piece that may not start a line to the previous one, and one that may not end a line to the next.
  const glued: string[] = [];
  for (const p of out) {
    const last = glued[glued.length - 1];
    const startsBadly = NO_LINE_START.has(p[0] ?? '') && !isKatakana(p[0] ?? '');
    if (last !== undefined && (startsBadly || NO_LINE_END.has(last[last.length - 1] ?? ''))) glued[glued.length - 1] = last + p;
    else glued.push(p);
  }
  return glued;
}

/**
 * Wraps text to lines no wider than maxWidth, then evens them out: the narrowest width that needs no more
 * lines is used, so a label never ends with one lonely character on its last line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, lineHeight: number, measure: TextMeasurer, bold = false): TextBlock {
  const greedy = wrapGreedy(text, maxWidth, fontSize, lineHeight, measure, bold);
  if (greedy.lines.length < 2) return greedy;
  let lo = Math.floor(greedy.width / greedy.lines.length);
  let hi = greedy.width;
  let best = greedy;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const attempt = wrapGreedy(text, mid, fontSize, lineHeight, measure, bold);
    if (attempt.lines.length <= greedy.lines.length && attempt.width <= mid) {
      best = attempt;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

function wrapGreedy(text: string, maxWidth: number, fontSize: number, lineHeight: number, measure: TextMeasurer, bold: boolean): TextBlock {
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let line = '';
  const width = (s: string): number => measure.width(s, fontSize, bold);
  for (const piece of pieces(clean)) {
    const candidate = line + piece;
    if (line === '' || width(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
    } else {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    }
    // A piece wider than a whole line (a long word, a URL) is cut character by character.
    if (width(line.trimEnd()) > maxWidth) {
      let cut = '';
      for (const ch of line) {
        if (cut && width(cut + ch) > maxWidth) { lines.push(cut); cut = ''; }
        cut += ch;
      }
      line = cut;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  const widest = Math.max(0, ...lines.map(width));
  return { lines, width: Math.ceil(widest), height: lines.length * lineHeight };
}
