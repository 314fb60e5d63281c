// The diagram's font: Noto Sans JP (SIL Open Font License), bundled from the npm registry, never a
// system font, so measurements and PNGs are the same on every machine. Widths come from the font's own
// advance widths (fontkit); renders get a subset holding only the characters drawn (subset-font).
import type { TextMeasurer } from '../../models/diagram.js';

/** The two weights the diagram uses, as TrueType bytes. */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export async function fontMeasurer(fonts: FontSet): Promise<TextMeasurer> {
  const fontkit = await import('fontkit');
  const faces = { regular: fontkit.create(fonts.regular), bold: fontkit.create(fonts.bold) };
  const cache = new Map<string, number>();
  return {
    width(text: string, fontSize: number, bold = false): number {
      const key = `${bold ? 'b' : 'r'}\u0000${text}`;
      let units = cache.get(key);
      if (units === undefined) {
        const face = bold ? faces.bold : faces.regular;
        units = face.glyphsForString(text).reduce((sum, g) => sum + g.advanceWidth, 0) / face.unitsPerEm;
        cache.set(key, units);
      }
      return units * fontSize;
    },
  };
}

/** Every character the SVG draws, so a subset of the font can render it. */
export function charactersOf(svg: string): string {
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  const decoded = texts.join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...new Set([...decoded, ' ', '0', '1'])].sort().join('');
}

/** The fonts cut down to `characters`: resvg then renders in a fraction of the time, byte for byte the same. */
export async function subsetFonts(fonts: FontSet, characters: string): Promise<FontSet> {
  const { default: subset } = await import('subset-font');
  const [regular, bold] = await Promise.all([
    subset(fonts.regular, characters, { targetFormat: 'truetype' }),
    subset(fonts.bold, characters, { targetFormat: 'truetype' }),
  ]);
  return { regular, bold };
}
