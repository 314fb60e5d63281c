// Escaping, one escaper per output format, in one place: every renderer of a format uses its escaper (the
// workshop page's script takes escapeHtml's own source), so a text from the model or a user reaches no
// output as markup, whatever the renderer.

// ---- HTML (the report, the workshop page) and XML (SVG) ----

/**
 * Text as HTML content or a double- or single-quoted attribute: markup escaped, and characters HTML
 * forbids (controls, noncharacters, lone surrogates) replaced by U+FFFD. Self-contained (it is copied into
 * the workshop page's script as it is).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text as XML content or a double-quoted attribute (SVG): markup escaped, characters XML 1.0 forbids replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- Markdown (GitHub-flavoured) ----

/** Line breaks, tabs and other control characters: a run of them is one space in one-line text. */
export const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A Markdown table cell: pipes escaped, line breaks flattened, markup characters made literal. */
export function markdownCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Markdown text outside a table: markup characters made literal (emphasis, code, links and images,
 * headings, strikethrough, entities), line breaks kept.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]|#~!&]/g, (c) => `\\${c}`).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line of Markdown text (a heading, a legend line): line breaks and controls flattened, markup made literal. */
export function markdownLine(text: string): string {
  return markdownText(text.replace(CONTROL_RUN, ' ').trim());
}

// ---- Mermaid ----

/**
 * Characters written as Mermaid entity codes inside a quoted label. `"` would end the string; `<`, `>`, `&`
 * would reach the HTML label as markup or entities; `#` would start an entity; `%` could form a `%%{...}%%`
 * directive, which Mermaid strips from anywhere in the text; a backtick would make a Markdown string (and
 * could close the ```mermaid fence); `:` keeps Mermaid's `style...:#...;` pre-processing off label lines;
 * brackets, braces, parentheses and the pipe are harmless inside quotes but escaped so no older parser can
 * read them as a shape or an edge label.
 */
export const MERMAID_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '"': '#quot;',
  '#': '#35;',
  '%': '#37;',
  '&': '#38;',
  '<': '#60;',
  '>': '#62;',
  '`': '#96;',
  ':': '#58;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '(': '#40;',
  ')': '#41;',
  '|': '#124;',
});

const MERMAID_ESCAPED = /["#%&<>`:[\]{}()|]/g;

/** A label's text, ready to go between the quotes of `["..."]` or `|"..."|`. Never empty: falls back to `fallback`. */
export function mermaidText(label: string, fallback = '?'): string {
  const flat = label.replace(CONTROL_RUN, ' ').trim();
  const text = flat.length > 0 ? flat : fallback.replace(CONTROL_RUN, ' ').trim() || '?';
  return text.replace(MERMAID_ESCAPED, (c) => MERMAID_ENTITIES[c] ?? c);
}

// ---- CSV ----

/** A CSV field, quoted when it must be (RFC 4180), and never read by a spreadsheet as a formula. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: UTF-8 with a byte order mark (so Excel in Japan reads it as UTF-8) and CRLF line ends. */
export function csvDocument(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// ---- Terminal (koseizu's text on standard output and standard error) ----

/**
 * Text for a terminal: control characters (C0 but the tab, DEL, C1), line and paragraph separators and
 * the bidirectional controls shown as escapes ("\x1b", "\u202e"), so a model's text can neither move the
 * cursor, clear the screen, set the window title nor reorder what is shown.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
