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

/**
 * Text as XML content or a double-quoted attribute (SVG): markup escaped, characters XML 1.0 forbids
 * replaced by U+FFFD, and DEL and the C1 controls too (XML allows them, but HTML, where the report embeds
 * the SVG, does not).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- Markdown (GitHub-flavoured) ----

/** Line breaks, tabs and other control characters: a run of them is one space in one-line text. */
export const CONTROL_RUN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A zero-width space, written as an entity: put after `@`, inside `://` and `www.`, and after `#` before a
 * digit, it breaks what GitHub links after the Markdown is parsed (mentions, e-mail and URL autolinks,
 * issue references), which a backslash does not stop, and it shows nothing.
 */
const BREAK = '&#8203;';

/**
 * The inline escape every Markdown text shares. ASCII punctuation that opens markup gets a backslash
 * (emphasis, code, links and images, strikethrough, math, entities, pipes); `<` and `>` become entities,
 * so no raw HTML and no `<...>` autolink; GitHub's own links (mentions, autolinked e-mails, URLs and
 * `www.` names, issue references) are broken with a zero-width space.
 */
function markdownInline(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~!&$<>]/g, (c, at: number) => {
      if (c === '<') return '&lt;';
      if (c === '>') return '&gt;';
      return c === '#' && /[0-9]/.test(text.charAt(at + 1)) ? `\\#${BREAK}` : `\\${c}`;
    })
    .replace(/@/g, `@${BREAK}`)
    .replace(/:\/\//g, `:${BREAK}//`)
    .replace(/(w{3})\./gi, `$1${BREAK}.`);
}

/**
 * The start of a line that would begin a block: a list item (`-`, `+`, `1.` or `1)` and a space, or alone
 * on the line), or a setext heading's underline (a line of `=` or of `-`, which is also a thematic break).
 * Its first character, or the list number's delimiter, gets a backslash. (`#`, `>`, `*`, `_`, backticks,
 * `~` and `|` are escaped everywhere already; an indented line is at worst a code block, which shows text.)
 */
const BLOCK_START = /^([ \t]*)(?:([-+])(?=[ \t]|$)|(=+|-+)(?=[ \t]*$)|([0-9]{1,9})([.)])(?=[ \t]|$))/gm;

function escapeBlockStarts(text: string): string {
  return text.replace(BLOCK_START, (_m, indent: string, marker?: string, underline?: string, digits?: string, delimiter?: string) => {
    if (marker) return `${indent}\\${marker}`;
    if (underline) return `${indent}\\${underline}`;
    return `${indent}${digits ?? ''}\\${delimiter ?? ''}`;
  });
}

/** A Markdown table cell: line breaks and controls flattened, pipes escaped, markup characters made literal. */
export function markdownCell(text: string): string {
  return markdownInline(text.replace(CONTROL_RUN, ' ').replace(/\s+/g, ' ').trim());
}

/**
 * Markdown text outside a table: markup characters made literal (emphasis, code, links and images,
 * headings, lists, strikethrough, math, entities, raw HTML, mentions and autolinks), line breaks kept.
 */
export function markdownText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return escapeBlockStarts(markdownInline(lines));
}

/** One line of Markdown text (a heading, a legend line): line breaks and controls flattened, markup made literal. */
export function markdownLine(text: string): string {
  return markdownText(text.replace(CONTROL_RUN, ' ').trim());
}

/**
 * Text as an inline code span, whatever backticks it holds (CommonMark 6.1): the fence is a run of
 * backticks longer than the longest run inside, and a space pads the text when it starts or ends with a
 * backtick, or starts and ends with a space (one space each side is what a code span strips). Line
 * breaks and controls are flattened. Inside a code span nothing is markup, so `@`, `<`, `>` stay as they are.
 * For a table cell use markdownCodeCell.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(CONTROL_RUN, ' ');
  if (flat.trim() === '') return '` `';
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(flat) || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A code span in a table cell: as markdownCode, with each pipe escaped (GFM reads `\|` as a pipe inside
 * a code span in a table, and a bare one ends the cell). A backslash right before a pipe has no reading
 * every parser shares inside a code span, so such a text is written as cell text instead.
 */
export function markdownCodeCell(text: string): string {
  return /\\\|/.test(text) ? markdownCell(text) : markdownCode(text).replace(/\|/g, '\\|');
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

// ---- JSON (for tools, often printed to a terminal) ----

/**
 * A JSON document, indented by two spaces, with a final newline. JSON.stringify escapes the C0 controls
 * itself ("\u001b"); DEL, the C1 controls, the line and paragraph separators and the bidirectional controls
 * are escaped the same way here, so the document means the same and no terminal it is printed to reads a
 * control sequence from it. (Those characters appear only inside strings, so the replacement is safe.)
 */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

// ---- Terminal (koseizu's text on standard output and standard error) ----

/**
 * Text for a terminal: control characters (C0 but the tab, DEL, C1), line and paragraph separators and
 * every bidirectional control (Unicode's Bidi_Control: the marks U+061C, U+200E, U+200F, the embeddings,
 * overrides and isolates) shown as escapes ("\x1b", "\u202e"), so a model's text can neither move the
 * cursor, clear the screen, set the window title nor reorder what is shown.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
