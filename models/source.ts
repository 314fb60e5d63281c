// Positions in model files. Lines and columns are 1-based, as editors and compilers print them.

export interface SourcePos {
  readonly line: number;
  readonly col: number;
}

/** A span of one model file; `file` is the path as the user gave it (or as an include resolved it). */
export interface SourceRange {
  readonly file: string;
  readonly start: SourcePos;
  readonly end: SourcePos;
}

/** One source file as read: its display path and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}
