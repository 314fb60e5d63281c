// Labels for a Mermaid flowchart that GitHub shrinks to its comment width: broken into short lines
// (Mermaid's `<br/>` inside a quoted label), and their width estimated the way Mermaid will draw them, so
// the layout plan (plan.ts) can tell how wide a row of boxes gets. Pure, no measuring: the widths are
// those of Mermaid's default 16 px font, wide characters 1 em, Latin letters about half that.
import { CONTROL_RUN, mermaidText } from '../escape.js';

/** Mermaid's line break inside a quoted label. */
export const LINE_BREAK = '<br/>';

/** Wide (full-width) characters: CJK ideographs, kana, full-width forms, CJK punctuation, Hangul. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]|[\u{1f300}-\u{1faff}]/u;

/** The estimated width in px of one character in Mermaid's 16 px label font. */
function charWidth(c: string): number {
  if (WIDE.test(c)) return 16;
  if (c === ' ') return 5;
  if (/[A-Z0-9]/.test(c)) return 10.5;
  if (/[a-z]/.test(c)) return 8.5;
  if (/[.,:;'!|il]/.test(c)) return 5;
  return 9.5;
}

/** The estimated width in px of a line of text. */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w;
}

// Where a line may break: after a space or a separator, before an opening bracket, after a particle that
// ends a phrase, and between two wide characters; never before a closing bracket, a prolonged sound mark,
// a small kana or punctuation (Japanese line-breaking rules), nor inside a run of Latin letters and digits.
const NO_BREAK_BEFORE = /[)\]）］】」』〕〉》、。，．・：；！？ー‐～〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ×%％]/;
const GOOD_AFTER = /[ /／・、，]/;
const GOOD_BEFORE = /[(（［【「『〔〈《]/;
const WORD = /[A-Za-z0-9.\-_+#'’]/;
const PARTICLE = /[とがをにでのはもへや]/;

/** 2: a good place for a break (a space, a separator, an opening bracket), 1: allowed, 0: not allowed. */
function breakQuality(before: string, after: string): 0 | 1 | 2 {
  if (before === ' ') return after === ' ' ? 0 : 2;
  if (after === ' ' || NO_BREAK_BEFORE.test(after)) return 0;
  if (GOOD_AFTER.test(before) || GOOD_BEFORE.test(after)) return 2;
  // After a particle and before a word in kanji or katakana: where a Japanese phrase ends.
  if (PARTICLE.test(before) && /[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/.test(after)) return 2;
  if (WORD.test(before) && WORD.test(after)) return 0;
  if (WIDE.test(before) || WIDE.test(after)) return 1;
  return 0;
}

/**
 * A one-line text broken into lines no wider than `max` px where it can be. Each line ends at the best
 * place: the last good one (a space, a separator, before an opening bracket, after a particle) that fills
 * at least 40 % of the line; or a good one a little over `max`, which saves breaking a word; else the last
 * place allowed within `max`; else, for a word wider than `max`, the first place after it. A character or
 * two left over stays on the line. The spaces at the breaks are dropped; no other character is added or lost.
 */
export function wrapText(text: string, max: number): string[] {
  const chars = [...text];
  const widths = chars.map(charWidth);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    // width[i]: the line's width when it breaks before chars[i], without the spaces it ends with.
    const lineWidth = (i: number): number => {
      let end = i;
      while (end > start && chars[end - 1] === ' ') end--;
      let w = 0;
      for (let k = start; k < end; k++) w += widths[k] as number;
      return w;
    };
    const restWidth = lineWidth(chars.length);
    if (restWidth <= max) {
      lines.push(chars.slice(start).join('').replace(/ +$/, ''));
      break;
    }
    let good = -1;
    let over = -1;
    let allowed = -1;
    let after = -1;
    for (let i = start + 1; i < chars.length; i++) {
      const q = breakQuality(chars[i - 1] as string, chars[i] as string);
      if (q === 0) continue;
      const w = lineWidth(i);
      if (q === 2 && w >= max * 0.4 && w <= max) good = i;
      if (q === 2 && w > max && w <= max * 1.12 && over < 0) over = i;
      if (w <= max) allowed = i;
      else if (after < 0) after = i;
    }
    let at = good > 0 ? good : over > 0 ? over : allowed > 0 ? allowed : after;
    if (at > 0 && restWidth <= max * 1.2 && restWidth - lineWidth(at) <= max / 5) at = -1;
    if (at < 0) {
      lines.push(chars.slice(start).join('').replace(/ +$/, ''));
      break;
    }
    lines.push(chars.slice(start, at).join('').replace(/ +$/, ''));
    start = at;
    while (start < chars.length && chars[start] === ' ') start++;
  }
  return lines.length > 0 ? lines : [''];
}

/** A label as Mermaid's quoted text, its lines no wider than `max` px, joined by `<br/>`, each escaped. */
export interface WrappedLabel {
  /** What goes between the quotes. */
  readonly text: string;
  /** The widest line's estimated width in px. */
  readonly width: number;
  readonly lines: number;
}

/**
 * A label broken into lines of at most `max` px and escaped for Mermaid (mermaidText, line by line). Control
 * characters are spaces first, as in mermaidText; an empty label falls back to `fallback`.
 */
export function mermaidLabel(label: string, max: number, fallback = '?'): WrappedLabel {
  const flat = label.replace(CONTROL_RUN, ' ').trim() || fallback.replace(CONTROL_RUN, ' ').trim() || '?';
  const lines = wrapText(flat, max);
  return {
    text: lines.map((line) => mermaidText(line)).join(LINE_BREAK),
    width: Math.max(...lines.map(textWidth)),
    lines: lines.length,
  };
}
