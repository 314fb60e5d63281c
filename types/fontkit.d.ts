// The part of fontkit's API koseizu uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly characterSet: readonly number[];
    glyphsForString(text: string): Glyph[];
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
  }
  export function create(buffer: Uint8Array): Font;
}
