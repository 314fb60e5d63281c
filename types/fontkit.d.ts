// The part of fontkit's API koseizu uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    glyphsForString(text: string): Glyph[];
  }
  export function create(buffer: Uint8Array): Font;
}
