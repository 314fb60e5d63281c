// Hostile text in a model (issue 13, items 4 and 5): whatever a label, a title, an id, a key or a path
// holds, it reaches the Markdown koseizu writes (report.md, the pull-request comment of diff --format md)
// as text, never as markup, a link or a mention, and it reaches a terminal with every control sequence
// shown escaped. Markdown is checked with a real parser: marked (GFM, installed with mermaid) renders it
// and jsdom reads the HTML. GitHub's mentions, issue references and post-parse autolinks are not marked's,
// so those are checked on the text nodes, the way GitHub finds them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticArgs, type DiagnosticCode } from '../models/diagnostic.js';
import { jsonDocument, markdownCell, markdownCode, markdownCodeCell, markdownLine, markdownText, terminalText } from '../renderers/escape.js';
import { reportMarkdown } from '../renderers/markdown/report.js';
import { main } from '../src/cli/main.js';
import { buildReport, diff, diagnosticsJson, formatDiagnostics, loadModel } from '../src/index.js';
import { hint, message } from '../src/words/diagnostics.js';
import { memoryHost } from './helpers/memory-host.js';
import { baseWorld, el, loadWorld, type World } from './helpers/rule-table.js';

const ZWSP = '\u200b';

/** Markdown as HTML, through a GFM parser, as a document to query. */
function render(markdown: string): Document {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

/** One inline Markdown text rendered: its paragraph (or the body when the text made no paragraph). */
function inline(markdown: string): Element {
  const doc = render(markdown);
  return doc.querySelector('body > p') ?? doc.body;
}

/** The elements of a rendered text, by tag name, sorted: what markup the text made. */
const tags = (root: Element): string[] => [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort();

/** Text nodes outside code, where GitHub looks for @mentions, #123 references and bare URLs after parsing. */
function proseText(root: Node): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument?.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */) ?? (root as Document).createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest('code, pre')) out.push(n.textContent ?? '');
  }
  return out;
}

/** What GitHub would link after parsing: a mention, a team, an issue reference, an e-mail, a URL or a www. name. */
const GITHUB_LINKS = /(?:^|[^\w`])@[A-Za-z0-9]|(?:^|\s|\()#[0-9]|[A-Za-z0-9._+-]@[A-Za-z0-9-]+\.[A-Za-z]|https?:\/\/|www\./i;

const LINKS = '[click](https://evil.example/x) ![img](https://evil.example/i.png) <https://evil.example/auto> [ref]: https://evil.example/r';
const GITHUB = '@octocat @org/team #123 owner/repo#7 me@evil.example https://evil.example/bare www.evil.example';
const HTML = '<h1>hi</h1><details><summary>open</summary>x</details><img src=x onerror=alert(1)>';
const MARKUP = '*em* _em_ **strong** ~~del~~ `code` $x^2$ &lt; &#60; | pipe \\ back';
const HOSTILE = `${LINKS} ${GITHUB} ${HTML} ${MARKUP}`;
/** As much of it as a title or a label may hold (200 characters). */
// Short enough for a label (100 characters at most) with the word before it.
const SHORT = '[c](https://e.ex) ![i](e.ex) <https://e.ex> @oc #1 me@e.ex https://e.ex www.e.ex <h1>h</h1>';

describe('the Markdown escapers keep hostile text as text', () => {
  it('a code span holds any run of backticks, and its text comes out as it went in', () => {
    for (const text of ['a', 'a`b', '`x', 'x`', '``', '` `', 'a``b```c', ' a ', '<h1>hi</h1>', 'x`<h1>hi</h1>`', '@octocat', 'https://evil.example']) {
      const p = inline(`before ${markdownCode(text)} after`);
      expect(tags(p), text).toEqual(['code']);
      expect(p.querySelector('code')?.textContent, text).toBe(text);
    }
    expect(markdownCode('x`<h1>hi</h1>`')).toBe('`` x`<h1>hi</h1>` ``');
    expect(markdownCode('line\nbreak\u001b')).toBe('`line break `');
  });

  it('in a table, a code span escapes its pipes and keeps the row\'s cells', () => {
    for (const text of ['a|b', '`|`', 'x`<h1>|</h1>`', 'plain']) {
      const doc = render(`| a | b |\n| --- | --- |\n| ${markdownCodeCell(text)} | next |\n`);
      const cells = [...doc.querySelectorAll('tbody td')];
      expect(cells.map((c) => c.textContent), text).toEqual([text, 'next']);
      expect(tags(cells[0] as Element), text).toEqual(['code']);
    }
    // A backslash right before a pipe: written as cell text, which every parser reads the same way.
    const doc = render(`| a | b |\n| --- | --- |\n| ${markdownCodeCell('a\\|b')} | next |\n`);
    expect([...doc.querySelectorAll('tbody td')].map((c) => c.textContent)).toEqual(['a\\|b', 'next']);
  });

  it('cell, text and line make no element, no link and no mention of what they are given', () => {
    for (const [name, escape] of [['cell', markdownCell], ['text', markdownText], ['line', markdownLine]] as const) {
      const p = inline(escape(HOSTILE));
      expect(tags(p), name).toEqual([]);
      expect(p.textContent?.replaceAll(ZWSP, ''), name).toBe(HOSTILE);
      for (const t of proseText(p)) expect(t, name).not.toMatch(GITHUB_LINKS);
    }
  });

  it('a table cell stays one cell, whatever pipes and line breaks it holds', () => {
    const doc = render(`| a | b |\n| --- | --- |\n| ${markdownCell('x | y\n| z')} | next |\n`);
    expect([...doc.querySelectorAll('tbody td')].map((c) => c.textContent)).toEqual(['x | y | z', 'next']);
  });

  it('text over several lines starts no block: no heading, list, rule, quote, fence or table', () => {
    const text = 'Title\n===\n# heading\n- item\n+ item\n1. item\n2) item\n---\n> quote\n```\nfence\n```\n| a | b |\n|---|---|\n<details>\n\n<summary>s</summary>';
    const doc = render(markdownText(text));
    expect(tags(doc.body)).toEqual(['p', 'p']);
    expect(doc.body.textContent?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' '));
  });

  it('ordinary text reads as it did: Japanese, ids with -, > and /, risk ids with @ in code', () => {
    const ja = '医師が診察室の端末で電子カルテ（診療録）を閲覧・編集する';
    expect(markdownCell(ja)).toBe(ja);
    expect(markdownText(ja)).toBe(ja);
    expect(markdownCell('exam-records / ehr-terminal')).toBe('exam-records / ehr-terminal');
    const id = 'input-spoofing@exam-records/ehr-terminal>ehr-server';
    expect(markdownCode(id)).toBe(`\`${id}\``);
    expect(markdownCodeCell(id)).toBe(`\`${id}\``);
    expect(inline(markdownCode(id)).textContent).toBe(id);
    // Outside code, the @ gets an invisible break, the > an entity: it still reads the same.
    expect(markdownCell(id)).toBe('input-spoofing@&#8203;exam-records/ehr-terminal&gt;ehr-server');
    expect(inline(markdownCell(id)).textContent?.replaceAll(ZWSP, '')).toBe(id);
  });
});

// ---- Hostile models through the renderers ----

/** The base world with hostile text in a title, a label, a description and an orphaned response's risk. */
function hostileWorld(): World {
  const w = baseWorld();
  w.system['title'] = `World ${SHORT} <details>`;
  w.system['description'] = `About\n===\n${HOSTILE}\n- item`;
  el(w, 'devices', 'terminal')['label'] = `Terminal ${SHORT}`;
  el(w, 'sites', 'clinic')['label'] = `Clinic ${HTML}`;
  w['responses'] = [
    { risk: 'x@y`<h1>hi</h1>`<details><summary>s</summary>open</details>', decision: 'accept', rationale: `because ${LINKS} ${GITHUB}` },
    { risk: 'input-spoofing@view/*', decision: 'reduce', measures: [{ category: 'technical', owner: 'provider', text: `MFA ${HTML} ${GITHUB}` }] },
  ];
  return w;
}

/** Asserts a rendered document has no element the model's text made: only koseizu's own markup is there. */
function expectNoHostileMarkup(doc: Document, h1s: number): void {
  expect(doc.querySelectorAll('details, summary, img, script, iframe').length).toBe(0);
  expect(doc.querySelectorAll('h1').length).toBe(h1s);
  const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
  expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
  for (const t of proseText(doc.body)) expect(t).not.toMatch(GITHUB_LINKS);
}

describe('report.md of a hostile model (issue 13, item 4)', async () => {
  const model = loadWorld(hostileWorld());
  const { view } = await buildReport(model, { lang: 'en' });
  const md = reportMarkdown(view);
  const doc = render(md);

  it('has no element, link or mention the model\'s text made: one h1, the report\'s title', () => {
    expectNoHostileMarkup(doc, 1);
  });

  it('shows the orphaned response\'s risk, backticks and all, as one code span', () => {
    const codes = [...doc.querySelectorAll('td code')].map((c) => c.textContent);
    expect(codes).toContain('x@y`<h1>hi</h1>`<details><summary>s</summary>open</details>');
  });

  it('shows the title, the description and the labels as literal text', () => {
    const text = (doc.body.textContent ?? '').replaceAll(ZWSP, '');
    expect(doc.querySelector('h1')?.textContent?.replaceAll(ZWSP, '')).toContain(`World ${SHORT} <details>`);
    expect(text).toContain(HOSTILE);
    expect(text).toContain(`Terminal ${SHORT}`);
    expect(text).toContain(`MFA ${HTML} ${GITHUB}`);
  });
});

describe('the pull-request comment (diff --format md) of a hostile model (issue 13, item 4)', async () => {
  const host = memoryHost({ 'old.yaml': stringify({ koseizu: 1, ...baseWorld() }), 'new.yaml': stringify({ koseizu: 1, ...hostileWorld() }) });
  const result = await diff(
    { path: 'old.yaml', host, label: 'origin/main:`<h1>old</h1>`.yaml' },
    { path: 'new.yaml', host, label: 'new [l](https://evil.example) @octocat.yaml' },
    { format: 'md', lang: 'en' },
  );
  if (result.status === 'invalid') throw new Error('the hostile models do not load');
  const doc = render(result.output);

  it('has no element, link or mention the model\'s text made (no h1 at all)', () => {
    expectNoHostileMarkup(doc, 0);
  });

  it('shows the versions\' names, the renamed label and the orphaned risk as literal text', () => {
    const heading = doc.querySelector('h2');
    expect([...heading?.querySelectorAll('code') ?? []].map((c) => c.textContent)).toEqual(['origin/main:`<h1>old</h1>`.yaml', 'new [l](https://evil.example) @octocat.yaml']);
    const codes = [...doc.querySelectorAll('td code')].map((c) => c.textContent);
    expect(codes).toContain('x@y`<h1>hi</h1>`<details><summary>s</summary>open</details>');
    expect((doc.body.textContent ?? '').replaceAll(ZWSP, '')).toContain(`Terminal ${SHORT}`);
  });
});

// ---- Terminal ----

const OSC = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
/** Every character a terminal may act on, or that reorders what it shows: C0, DEL, C1 (CSI 0x9b), bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The base world with an unknown key and bad references full of escape sequences. */
function escapingWorld(): World {
  const w = baseWorld();
  el(w, 'sites', 'clinic')[`x${OSC}${CLEAR}`] = 1;
  el(w, 'devices', 'terminal')['at'] = `exam${CLEAR}room\u009b2J`;
  el(w, 'flows', 'view')['who'] = `doc\u202etor\u200f\u061c\u200e`;
  return w;
}

/** The lines of diagnostics text: each a diagnostic's head or its hint, as koseizu writes them. */
function expectDiagnosticLines(text: string, file: string): void {
  const lines = text.replace(/\n$/, '').split('\n');
  for (const line of lines) expect(line).toMatch(new RegExp(`^(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: (error|warning) KZ\\d{3} |  (hint|ヒント): )`));
}

function expectEscaped(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  for (const b of ['\u001b', '\u0007', '\u009b']) expect(text.includes(b)).toBe(false);
  expect(text).toContain('x\\x1b]0;pwned\\x07\\x1b[2J');
  expect(text).toContain('exam\\x1b[2Jroom\\x9b2J');
  expect(text).toContain('doc\\u202etor\\u200f\\u061c\\u200e');
}

describe('diagnostics on a terminal (issue 13, item 5)', () => {
  const text = stringify({ koseizu: 1, ...escapingWorld() });
  const loaded = loadModel('world.yaml', memoryHost({ 'world.yaml': text }));

  it('flags the bad values (KZ101, KZ104, KZ112) and prints them escaped, lines as koseizu writes them', () => {
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['KZ101', 'KZ104', 'KZ112']));
    for (const lang of ['en', 'ja'] as const) {
      const out = formatDiagnostics(loaded.diagnostics, lang);
      expectEscaped(out);
      expectDiagnosticLines(out, 'world.yaml');
      expect(out.split('\n').filter((l) => l.startsWith('  ')).length).toBe(loaded.diagnostics.filter((d) => hint(d, lang) !== undefined).length);
    }
  });

  it('keeps the real characters in JSON, escaped by JSON, so tools read the value itself', () => {
    const json = diagnosticsJson(loaded.diagnostics, 'en');
    expect(json).not.toMatch(RAW_CONTROL);
    const items = JSON.parse(json) as { code: string; message: string }[];
    expect(items.find((d) => d.code === 'KZ101')?.message).toContain(`x${OSC}${CLEAR}`);
    expect(items.find((d) => d.code === 'KZ104')?.message).toContain(`exam${CLEAR}room\u009b2J`);
    expect(items.some((d) => d.message.includes('doc\u202etor\u200f\u061c\u200e'))).toBe(true);
    expect(jsonDocument({ s: '\u009b\u2028\u202e' })).toBe('{\n  "s": "\\u009b\\u2028\\u202e"\n}\n');
  });

  it('never has a control character of its own in a message or a hint, so escaping a whole message escapes only the model\'s values', () => {
    const args = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? 'value' : undefined) }) as DiagnosticArgs;
    const range = { file: 'm.yaml', start: { line: 1, col: 1 }, end: { line: 1, col: 2 } };
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      const d = { code, severity: DIAGNOSTIC_CODES[code], range, args, suggestions: ['other'] } as Diagnostic;
      for (const lang of ['en', 'ja'] as const) {
        expect(message(d, lang), `${code} ${lang}`).not.toMatch(RAW_CONTROL);
        expect(hint(d, lang) ?? '', `${code} ${lang}`).not.toMatch(RAW_CONTROL);
      }
    }
  });

  it('shows every bidirectional control escaped', () => {
    expect(terminalText('a\u061cb\u200ec\u200fd\u202ae\u2066f')).toBe('a\\u061cb\\u200ec\\u200fd\\u202ae\\u2066f');
    expect(terminalText('tab\tstays, 日本語 stays')).toBe('tab\tstays, 日本語 stays');
  });
});

describe('koseizu validate on a terminal (issue 13, item 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koseizu-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'model.yaml');
  writeFileSync(file, stringify({ koseizu: 1, ...escapingWorld() }));
  const run = async (argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, {});
    return { code, out, err };
  };

  it('prints the diagnostics escaped, and the summary after them', async () => {
    const { code, out, err } = await run(['validate', '--lang', 'en', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expectEscaped(err);
    const lines = err.replace(/\n$/, '').split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ errors?, \d+ warnings?$/);
    expectDiagnosticLines(lines.slice(0, -1).join('\n'), file);
  });

  it('with --format json, prints valid JSON with the real characters escaped by JSON', async () => {
    const { code, out } = await run(['validate', '--lang', 'en', '--format', 'json', file]);
    expect(code).toBe(2);
    expect(out).not.toMatch(RAW_CONTROL);
    const items = JSON.parse(out) as { code: string; message: string }[];
    expect(items.find((d) => d.code === 'KZ101')?.message).toContain(`x${OSC}${CLEAR}`);
  });
});

describe('SVG inside HTML (found by npm run fuzz)', () => {
  it('a label\'s C1 controls and DEL, which XML allows and HTML does not, reach the SVG as U+FFFD', async () => {
    const { escapeXml } = await import('../renderers/escape.js');
    const out = escapeXml('電子\u0085カ\u009b31mルテ\u007f');
    expect(/[\u007f-\u009f]/.test(out)).toBe(false);
    expect(out).toBe('電子\uFFFDカ\uFFFD31mルテ\uFFFD');
  });
});
