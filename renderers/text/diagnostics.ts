// Diagnostics as compiler-style text for a terminal or a CI log: `file:line:col: severity code message`,
// then the fix hint on an indented line. Reads the diagnostic list only; every text from a model passes
// through the terminal escaper, so no escape sequence in a file reaches the terminal.
import type { DiagnosticList } from '../../models/diagnostic.js';
import type { Renderer } from '../../models/render.js';
import { terminalText as t } from '../escape.js';

export const diagnosticsText: Renderer<DiagnosticList> = (list) => list.items.map((d) => {
  const head = `${t(d.file)}:${d.line}:${d.col}: ${d.severity} ${d.code} ${t(d.message)}`;
  return `${d.hint ? `${head}\n  ${list.hintLabel}: ${t(d.hint)}` : head}\n`;
}).join('');
