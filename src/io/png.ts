// The PNG pipeline, in one place: the bundled fonts read once, cut down to the characters a drawing uses
// (which can start while ELK lays it out), the zoom kept under the pixel limit, the subset written to
// temporary files (resvg 2.6 reads fonts from files only) and the SVG rasterised by resvg.
import type { PreparedRaster, Rasteriser } from '../../models/render.js';
import { subsetFonts, type FontSet } from '../../renderers/font/index.js';
import { fitScale, MAX_PNG_PIXELS, renderPng } from '../../renderers/png/index.js';
import { withTempFiles } from './disk.js';
import { readDiagramFonts } from './package.js';

/** A rasteriser with the bundled Noto Sans JP; it reads the fonts on first use and keeps them. */
export function pngRasteriser(): Rasteriser {
  let fonts: FontSet | undefined;
  return {
    maxPixels: MAX_PNG_PIXELS,
    prepare(characters: string): PreparedRaster {
      fonts ??= readDiagramFonts();
      const subset = subsetFonts(fonts, characters);
      subset.catch(() => undefined); // awaited by render; this only keeps a failed layout from leaving it unhandled
      return {
        async render(svg, width, height, scale) {
          const { regular, bold } = await subset;
          const zoom = fitScale(width, height, scale);
          const png = await withTempFiles({ 'regular.ttf': regular, 'bold.ttf': bold }, (paths) =>
            renderPng(svg, [paths['regular.ttf'] ?? '', paths['bold.ttf'] ?? ''], zoom));
          return { png, scale: zoom };
        },
      };
    },
  };
}
