// The one shape every renderer has: a view model and its options in, an output out (a renderer without
// options takes `void`, so it is called with the view alone). A renderer reads its view only, never the
// model, the rules or a stage of src/, and every word it prints comes from the view.
export type Renderer<View, Options = void, Output = string> = (view: View, options: Options) => Output;

/**
 * Draws SVG as PNG. `prepare` takes every character a drawing can show, known before its layout, so the
 * work that needs only them (cutting the fonts down) can start while the layout runs; `render` then draws
 * the SVG of a `width` x `height` drawing at `scale`, or smaller when that would be too many pixels, and
 * says the zoom it used.
 */
export interface Rasteriser {
  /** The most pixels a PNG may have; a larger drawing is drawn at a smaller zoom. */
  readonly maxPixels: number;
  prepare(characters: string): PreparedRaster;
}

export interface PreparedRaster {
  render(svg: string, width: number, height: number, scale: number): Promise<{ readonly png: Uint8Array; readonly scale: number }>;
}
