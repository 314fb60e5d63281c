// Diagnostics as text (compiler style, one per line, with a fix hint) or as JSON for tools.
import type { Diagnostic } from '../../models/diagnostic.js';
import type { Lang } from '../../models/vocabulary.js';
import { hint, message } from './diagnostics.js';

export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const { file, start } = d.range;
  const head = `${file}:${start.line}:${start.col}: ${d.severity} ${d.code} ${message(d, lang)}`;
  const h = hint(d, lang);
  return h ? `${head}\n  ${lang === 'ja' ? 'ヒント' : 'hint'}: ${h}` : head;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang): string {
  return diagnostics.map((d) => `${formatDiagnostic(d, lang)}\n`).join('');
}

export function summary(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (lang === 'ja') return `エラー ${errors} 件、警告 ${warnings} 件`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** The JSON form: stable keys, the message in the chosen language, 1-based positions. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const items = diagnostics.map((d) => ({
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
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}
