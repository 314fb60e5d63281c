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
