// SVG to PNG with resvg, using only the fonts given (files, because resvg-js 2.6 ignores font buffers):
// no system font is ever consulted, so the same SVG gives the same bytes on every machine.
import { createRequire } from 'node:module';
import { DIAGRAM_FONT_FAMILY } from '../../models/diagram.js';

export async function renderPng(svg: string, fontFiles: readonly string[], scale = 1): Promise<Uint8Array> {
  // CommonJS with a native addon: loaded with require(), as its own loader expects.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: DIAGRAM_FONT_FAMILY, sansSerifFamily: DIAGRAM_FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  return resvg.render().asPng();
}

/** Pixels a PNG may have: 16 million (4000 x 4000; 64 MB while it is drawn), which keeps a 500-device PNG under 400 MB. */
export const MAX_PNG_PIXELS = 16_000_000;

/** The zoom to draw a width x height drawing at: `scale`, or less when that would pass MAX_PNG_PIXELS. */
export function fitScale(width: number, height: number, scale: number): number {
  const pixels = width * height * scale * scale;
  if (pixels <= MAX_PNG_PIXELS) return scale;
  return Math.floor(Math.sqrt(MAX_PNG_PIXELS / (width * height)) * 100) / 100;
}
