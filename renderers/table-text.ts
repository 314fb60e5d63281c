// Escaping shared by the table renderers (flows, threats): Markdown cells and CSV fields.

/** A Markdown table cell: pipes escaped, line breaks flattened, markup characters made literal. */
export function mdCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown text outside a table: markup characters made literal, line breaks kept. */
export function mdText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([`*_[\]|#])/g, '\\$1').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A CSV field, quoted when it must be (RFC 4180), and never read by a spreadsheet as a formula. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: UTF-8 with a byte order mark (so Excel in Japan reads it as UTF-8) and CRLF line ends. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
