// Diagnostics in words: each one's message and fix hint in a language, and the count of them (the
// DiagnosticList of models/diagnostic.ts), for the text and JSON renderers; and the library's shortcuts
// that word and render them at once.
import type { Diagnostic, DiagnosticList } from '../../models/diagnostic.js';
import type { Lang } from '../../models/vocabulary.js';
import { diagnosticsJson as json } from '../../renderers/json/diagnostics.js';
import { diagnosticsText as text } from '../../renderers/text/diagnostics.js';
import { COMMON_WORDS, hint, message } from './diagnostics.js';

export function diagnosticList(diagnostics: readonly Diagnostic[], lang: Lang): DiagnosticList {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    items: diagnostics.map((d) => ({
      file: d.range.file,
      line: d.range.start.line,
      col: d.range.start.col,
      endLine: d.range.end.line,
      endCol: d.range.end.col,
      severity: d.severity,
      code: d.code,
      message: message(d, lang),
      hint: hint(d, lang) ?? null,
      args: d.args,
      suggestions: d.suggestions ?? [],
    })),
    hintLabel: COMMON_WORDS[lang].hint,
    summary: COMMON_WORDS[lang].summary(errors, diagnostics.length - errors),
  };
}

/** Compiler-style lines, one per diagnostic, each followed by its hint line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return text(diagnosticList(diagnostics, lang));
}

/** One diagnostic as `file:line:col: severity code message`, and its hint line (no final newline). */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  return formatDiagnostics([d], lang).replace(/\n$/, '');
}

/** "エラー 2 件、警告 0 件" / "2 errors, 0 warnings". */
export function summary(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return diagnosticList(diagnostics, lang).summary;
}

/** The JSON form: stable keys, the message in the chosen language, 1-based positions. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return json(diagnosticList(diagnostics, lang));
}
