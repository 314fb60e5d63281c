// The diagram's font: Noto Sans JP (SIL Open Font License), bundled from the npm registry, never a
// system font, so measurements and PNGs are the same on every machine. Widths come from the font's own
// advance widths (a table read from the font at build time: metrics.ts); renders get a subset holding
// only the characters drawn (subset-font).
import { createRequire } from 'node:module';
import type { DiagramGraph, TextMeasurer } from '../../models/diagram.js';
import { ADVANCE_EXCEPTIONS, DEFAULT_ADVANCE, UNITS_PER_EM } from './metrics.js';

/** The two weights the diagram uses, as TrueType bytes. */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** Measures text with the bundled font's advance widths (no kerning: label widths, not typesetting). */
export function fontMeasurer(): TextMeasurer {
  const tables = { regular: advanceTable(ADVANCE_EXCEPTIONS.regular), bold: advanceTable(ADVANCE_EXCEPTIONS.bold) };
  return {
    width(text: string, fontSize: number, bold = false): number {
      const table = bold ? tables.bold : tables.regular;
      let units = 0;
      for (const ch of text) units += table.get(ch.codePointAt(0) ?? 0) ?? DEFAULT_ADVANCE;
      return (units / UNITS_PER_EM) * fontSize;
    },
  };
}

function advanceTable(pairs: readonly number[]): Map<number, number> {
  const table = new Map<number, number>();
  for (let i = 0; i + 1 < pairs.length; i += 2) table.set(pairs[i] as number, pairs[i + 1] as number);
  return table;
}

/**
 * Every character a diagram of this graph can draw: its words, labels and ids, digits and hex digits
 * (counts, markers, the hash) and the "×" of the badges. Known before the layout, so the font can be cut
 * down while ELK works.
 */
export function charactersOf(graph: DiagramGraph): string {
  return [...new Set([...JSON.stringify(graph), ...'0123456789abcdef×: /'])].sort().join('');
}

/** The fonts cut down to `characters`: resvg then renders in a fraction of the time, byte for byte the same. */
export async function subsetFonts(fonts: FontSet, characters: string): Promise<FontSet> {
  // CommonJS, loaded with require() (the ES-module loader would scan it and its dependencies for exports).
  const subset = createRequire(import.meta.url)('subset-font') as typeof import('subset-font').default;
  const [regular, bold] = await Promise.all([
    subset(fonts.regular, characters, { targetFormat: 'truetype' }),
    subset(fonts.bold, characters, { targetFormat: 'truetype' }),
  ]);
  return { regular, bold };
}
