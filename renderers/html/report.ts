// The report for the medical institution as one self-contained HTML file (index.html): the configuration
// diagram inline, the flow tables, the risk assessment list with each risk's reasons and countermeasures,
// the risk response list, what the institution is asked to do, the regulatory checklist, the open risks
// and the orphaned responses. Reads the view model only.
//
// Self-contained: no script, no external stylesheet, font or image, nothing fetched; one <style> block.
// Every text from the model is escaped; the diagram's SVG comes from renderers/svg, which escapes its own.
// Readable on a projector (18px base, high contrast, wide tables scroll sideways) and printable on A4:
// each part on a new page, the risk list and the response list on landscape pages, column widths that hold
// their short words whole, column headings repeated on every page, rows never cut, headings kept with what
// follows, <details> printed open, the diagram fitted to the page. Deterministic: the same view gives the
// same bytes.
import type { ChecklistItem, ChecklistStatus, ReportView } from '../../models/report.js';
import type { ThreatRow } from '../../models/threats.js';
import type { MeasureCategory, Rank } from '../../models/vocabulary.js';
import type { ReportWords } from '../../models/report.js';
import type { Renderer } from '../../models/render.js';
import { escapeHtml } from '../escape.js';
import { renderSvg } from '../svg/diagram.js';

const e = escapeHtml;

/**
 * The anchor of a risk's row: "risk-" and the risk id with every character other than ASCII letters,
 * digits and "-" written as "_<hex>_", so it is a plain fragment (no "@", "/", ">" or "*") and two risk ids
 * never share one.
 */
export function riskAnchor(id: string): string {
  return `risk-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`)}`;
}

const RANK_ORDER: readonly Rank[] = ['S', 'A', 'B', 'C', 'D'];
const CATEGORIES: readonly MeasureCategory[] = ['human', 'physical', 'technical'];
/** A marker besides the colour, so the status reads in black and white and for the colour-blind. */
const STATUS_MARK: Readonly<Record<ChecklistStatus, string>> = { met: '○', 'not-met': '×', 'not-applicable': '－' };
const STATUSES: readonly ChecklistStatus[] = ['met', 'not-met', 'not-applicable'];

const STYLE = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 18px; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: #111827; background: #ffffff; line-height: 1.6;
  font-family: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif;
}
header.report, nav.toc, main, footer.report { padding: 0 2rem; }
header.report { border-bottom: 4px solid #1e3a8a; padding-top: 1.5rem; padding-bottom: 1rem; }
h1 { font-size: 1.9rem; line-height: 1.3; margin: 0 0 .75rem; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid #1e3a8a; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: #1d4ed8; }
code, .id { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: .85em; overflow-wrap: anywhere; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.meta dt { font-weight: 700; color: #374151; }
.meta dd { margin: 0; }
.meta ul { list-style: none; margin: 0; padding: 0; }
.description { margin: .75rem 0 0; white-space: pre-line; }
nav.toc ol { margin: .25rem 0; padding-left: 1.75rem; }
nav.toc > ol > li { margin: .2rem 0; }
nav.toc .n { color: #4b5563; margin-left: .35rem; }
.summary { margin: .5rem 0 1rem; }
.summary .rank { margin-right: .25rem; }
.summary .item { display: inline-block; margin-right: 1rem; white-space: nowrap; }
.empty { padding: .75rem 1rem; background: #f3f4f6; border-left: 4px solid #6b7280; }
figure.diagram { margin: 1rem 0; overflow-x: auto; }
figure.diagram svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
th, td { border: 1px solid #6b7280; padding: .35rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #1f2937; color: #ffffff; font-weight: 700; }
tbody th { background: #f3f4f6; font-weight: 700; }
tbody tr:nth-child(even) > td { background: #f9fafb; }
tbody.risk > tr > td { background: #ffffff; }
tbody.risk:nth-of-type(even) > tr > td { background: #f9fafb; }
th.num { text-align: center; }
td.num { text-align: center; white-space: nowrap; }
td.text { min-width: 10em; }
td.wide { min-width: 14em; }
td.idcell { min-width: 8.5em; max-width: 20em; }
table.threats th.c-phase, table.threats th.c-cia { min-width: 3.6em; }
table.threats th.c-segment, table.threats th.c-grade { min-width: 4.6em; }
table.threats th.c-class, table.threats th.c-threat { min-width: 5.2em; }
table.threats th.c-need { min-width: 6.2em; }
table.threats th.c-level { min-width: 3.2em; }
table.threats td.wide { min-width: 12em; }
table.checklist td:nth-child(2) { min-width: 9em; }
td.owner { white-space: nowrap; }
table.responses th.c-phase, table.open th.c-phase { min-width: 3.6em; }
table.responses th.c-decision, table.responses th.c-agreed { min-width: 4.6em; }
table.responses th.c-where { min-width: 8em; }
table.open th.c-segment { min-width: 4.6em; }
td.pre, .pre { white-space: pre-line; }
td ul, td ol { margin: 0; padding-left: 1.2em; }
td p { margin: 0; }
.title { font-weight: 700; display: block; }
.rank {
  display: inline-block; min-width: 2em; padding: 0 .4em; border-radius: .3em; border: 1px solid #111827;
  font-weight: 700; text-align: center; line-height: 1.5;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.rank-S { background: #b91c1c; color: #ffffff; }
.rank-A { background: #c2410c; color: #ffffff; }
.rank-B { background: #facc15; color: #111827; }
.rank-C { background: #dcfce7; color: #14532d; }
.rank-D { background: #e5e7eb; color: #374151; }
.status {
  display: inline-block; padding: 0 .5em; border-radius: .3em; border: 1px solid currentColor; font-weight: 700; white-space: nowrap;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.status-met { background: #d1fae5; color: #065f46; }
.status-not-met { background: #b91c1c; color: #ffffff; border-color: #7f1d1d; }
.status-not-applicable { background: #f3f4f6; color: #374151; }
.mark { display: inline-block; min-width: 1.1em; text-align: center; }
tr.details > td { padding: 0 .55rem .35rem; border-top: 0; }
tbody.risk > tr.row > td { border-bottom: 0; }
details > summary { cursor: pointer; color: #1d4ed8; font-size: .9rem; padding: .15rem 0; }
details[open] > summary { margin-bottom: .35rem; }
.risk-details { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: .5rem 1.5rem; padding: .25rem 0 .5rem; }
.risk-details .label { font-weight: 700; margin: .25rem 0 0; }
.risk-details ul { margin: .1rem 0 .4rem; padding-left: 1.3em; }
.risk-details dl { margin: 0; }
.risk-details dt { font-weight: 700; margin-top: .2rem; }
.risk-details dd { margin: 0; }
table.matrix { width: auto; }
table.matrix td { text-align: center; min-width: 4.5em; }
ul.criteria { list-style: none; padding: 0; }
ul.criteria li { margin: .2rem 0; }
footer.report { margin-top: 3rem; padding-top: .75rem; padding-bottom: 1.5rem; border-top: 1px solid #9ca3af; color: #374151; font-size: .9rem; }
:target { outline: 3px solid #f59e0b; outline-offset: 2px; }
@page { size: A4; margin: 14mm 12mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #374151; } }
@page landscape { size: A4 landscape; }
@media print {
  html { font-size: 10.5pt; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.report, nav.toc, main, footer.report { padding: 0; }
  header.report { padding-bottom: 4mm; margin-bottom: 6mm; }
  main > section { break-before: page; }
  main > section#orphaned { break-before: auto; }
  main > section#threats, main > section#responses { page: landscape; }
  h1, h2, h3, h4, caption, .summary { break-after: avoid; page-break-after: avoid; }
  h2 { margin-top: 0; }
  h3, h4 { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  :target { outline: none; }

  .table-wrap, figure.diagram { overflow: visible; }
  .table-wrap { margin-bottom: 4mm; }
  figure.diagram svg { width: 100%; height: auto; max-height: 245mm; }
  table { font-size: 8.5pt; table-layout: fixed; }
  table.matrix { table-layout: auto; }
  div.matrix { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 2pt 3pt; }
  td.text, td.wide, td.idcell, td.grade, th { min-width: 0 !important; max-width: none; }
  thead { display: table-header-group; }
  thead th { background: #e5e7eb; color: #111827; border-color: #6b7280; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tbody.risk > tr.row { break-after: avoid; page-break-after: avoid; }
  tr.details { break-inside: auto; page-break-inside: auto; }
  /* Short words never break: a heading or a short value wraps between phrases only (Japanese phrases found
     by the browser), a run longer than its column anywhere; grades between number and word; ranks, levels
     and dates not at all. Sentences wrap as Japanese does. */
  th, td { word-break: auto-phrase; overflow-wrap: anywhere; }
  td.wide, td.text, td.pre { word-break: normal; }
  td.residual { word-break: auto-phrase; }
  td.grade { word-break: keep-all; }
  td.num, td.nowrap { white-space: nowrap; }
  td.owner { white-space: normal; }
  table.threats { font-size: 8pt; }
  table.threats th.c-rank, table.responses th.c-rank, table.open th.c-rank, table.agree th.c-rank { width: 4em; }
  table.threats th.c-id { width: 9em; }
  table.threats th.c-phase, table.threats th.c-cia { width: 5em; }
  table.threats th.c-segment, table.threats th.c-class { width: 8em; }
  table.threats th.c-threat, table.threats th.c-impact, table.threats th.c-level { width: 7em; }
  table.threats th.c-likelihood, table.threats th.c-need { width: 6em; }
  table.threats th.c-who { width: 8em; }
  table.responses { font-size: 8pt; }
  table.responses th.c-id { width: 11em; }
  table.responses th.c-phase { width: 5em; }
  table.responses th.c-decision { width: 7em; }
  table.responses th.c-residual { width: 10em; }
  table.responses th.c-rationale { width: 15em; }
  table.responses th.c-agreed { width: 6em; }
  table.responses th.c-date { width: 6.5em; }
  table.responses th.c-where { width: 9em; }
  table.open th.c-id { width: 10em; }
  table.open th.c-phase { width: 5em; }
  table.open th.c-segment { width: 8em; }
  table.open th.c-threat, table.open th.c-level { width: 7em; }
  table.open th.c-need { width: 6em; }
  table.agree th.c-id { width: 12em; }
  table.agree th.c-who { width: 9em; }
  table.agree th.c-why { width: 16em; }
  table.requests th.c-owner { width: 7em; }
  table.requests th.c-risks { width: 15em; }
  table.checklist th.c-status { width: 7em; }
  table.checklist th.c-item { width: 10em; }
  table.checklist th.c-requirement { width: 16em; }
  table.checklist th.c-reference { width: 10em; }
  table.flows th.c-who, table.flows th.c-where { width: 8.5em; }
  table.flows th.c-which { width: 10.5em; }
  table.flows th.c-how { width: 10em; }
  table.flows th.c-id, table.media th.c-id { width: 9.5em; }
  table.media th.c-medium { width: 10em; }
  table.media th.c-carrier { width: 8em; }
  table.media th.c-from, table.media th.c-to { width: 7em; }
  table.media th.c-encrypted { width: 5em; }
  table.orphaned th.c-decision { width: 8em; }
  table.orphaned th.c-where { width: 14em; }
  @supports selector(::details-content) {
    details > summary { display: none; }
    details::details-content { display: block; content-visibility: visible; }
  }
  .risk-details { grid-template-columns: 1fr 1fr 1fr; gap: 0 4mm; font-size: 7.5pt; line-height: 1.4; padding: 0 0 2pt; }
  .risk-details ul { margin: 0 0 2pt; }
  .risk-details .label, .risk-details dt { break-after: avoid; page-break-after: avoid; }
}
`;

type Words = (key: keyof ReportWords) => string;

interface Context {
  readonly view: ReportView;
  /** The diagram, drawn once as SVG. */
  readonly svg: string;
  readonly w: Words;
  /** The risks listed in the assessment table: only those get a link. */
  readonly listed: ReadonlySet<string>;
}

const rankBadge = (rank: Rank): string => `<span class="rank rank-${rank}">${rank}</span>`;

/** An id or a file position in code type, with break opportunities after "@", "/", ">" and ":" (where its parts meet). */
function idCode(id: string): string {
  return `<code class="id">${e(id).replace(/(@|:|\/|&gt;)/g, '$1<wbr>')}</code>`;
}

function riskLink(ctx: Context, id: string): string {
  const code = idCode(id);
  return ctx.listed.has(id) ? `<a href="#${riskAnchor(id)}">${code}</a>` : code;
}

/** A table in a horizontally scrolling box; `head` and `body` are markup already. */
function table(cls: string, head: readonly (readonly [string, string])[], body: string): string {
  const ths = head.map(([label, c]) => `<th scope="col"${c ? ` class="${c}"` : ''}>${label}</th>`).join('');
  return `<div class="table-wrap"><table class="${cls}">\n<thead><tr>${ths}</tr></thead>\n${body}</table></div>\n`;
}

function empty(text: string): string {
  return `<p class="empty">${e(text)}</p>\n`;
}

function list(items: readonly string[], cls = ''): string {
  if (items.length === 0) return '';
  return `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

interface Part {
  readonly id: string;
  readonly title: string;
  /** A count shown in the table of contents, or null. */
  readonly count: number | null;
  readonly children: readonly { readonly id: string; readonly title: string }[];
  readonly body: string;
}

export const reportHtml: Renderer<ReportView> = (view) => {
  const w: Words = (key) => view.words[key];
  const svg = renderSvg(view.diagram);
  const ctx: Context = { view, svg, w, listed: new Set(view.threats.rows.map((r) => r.id)) };
  const parts: Part[] = [
    diagramPart(ctx),
    flowsPart(ctx),
    threatsPart(ctx),
    responsesPart(ctx),
    requestsPart(ctx),
    checklistPart(ctx),
    openPart(ctx),
    orphanedPart(ctx),
  ];
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${e(view.lang)}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="generator" content="koseizu">');
  out.push(`<title>${e(view.title)}</title>`);
  out.push(`<style>${STYLE}${diagramStyle(svg)}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push(header(ctx));
  out.push(toc(ctx, parts));
  out.push('<main>');
  parts.forEach((p, i) => {
    out.push(`<section id="${p.id}" aria-labelledby="${p.id}-title">`);
    out.push(`<h2 id="${p.id}-title">${i + 1}. ${e(p.title)}</h2>`);
    out.push(p.body.trimEnd());
    out.push('</section>');
  });
  out.push('</main>');
  out.push(`<footer class="report"><p>koseizu — ${e(w('hash'))}: <code>${e(view.source.contentHash)}</code></p></footer>`);
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
};

function header(ctx: Context): string {
  const { view, w } = ctx;
  const out: string[] = ['<header class="report">', `<h1>${e(view.title)}</h1>`, '<dl class="meta">'];
  if (view.system.provider) out.push(`<dt>${e(w('provider'))}</dt><dd>${e(view.system.provider)}</dd>`);
  out.push(`<dt>${e(w('source'))}</dt><dd><ul>${view.source.files.map((f) => `<li><code>${e(f)}</code></li>`).join('')}</ul></dd>`);
  out.push(`<dt>${e(w('hash'))}</dt><dd><code>${e(view.source.contentHash)}</code></dd>`);
  out.push('</dl>');
  if (view.system.description) out.push(`<p class="description">${e(view.system.description)}</p>`);
  out.push('</header>');
  return out.join('\n');
}

function toc(ctx: Context, parts: readonly Part[]): string {
  const out: string[] = ['<nav class="toc" aria-labelledby="contents">', `<h2 id="contents">${e(ctx.w('contents'))}</h2>`, '<ol>'];
  for (const p of parts) {
    const count = p.count === null ? '' : `<span class="n">(${p.count})</span>`;
    const children = p.children.length === 0 ? '' : `<ol>${p.children.map((c) => `<li><a href="#${c.id}">${e(c.title)}</a></li>`).join('')}</ol>`;
    out.push(`<li><a href="#${p.id}">${e(p.title)}</a>${count}${children}</li>`);
  }
  out.push('</ol>', '</nav>');
  return out.join('\n');
}

// ---- 1. The configuration diagram ----

/**
 * On screen the diagram fills the width, up to one and a half times its own size, so that its 11-14 px
 * labels read from the back of a room and a small diagram is not blown up; printed, it fits the page.
 */
function diagramStyle(svg: string): string {
  const width = /^\s*<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1];
  if (width === undefined) return '';
  return `@media screen { figure.diagram svg { width: 100%; max-width: ${Math.round(Number(width) * 1.5)}px; } }\n`;
}

function diagramPart(ctx: Context): Part {
  const svg = ctx.svg.trim();
  const body = svg ? `<figure class="diagram">\n${svg}\n</figure>\n` : empty(ctx.w('none'));
  return { id: 'diagram', title: ctx.w('diagram'), count: null, children: [], body };
}

// ---- 2. The information flows, per form and phase, with the media carried ----

function flowsPart(ctx: Context): Part {
  const t = ctx.view.flows;
  const h = t.headings;
  const children: { id: string; title: string }[] = [];
  const out: string[] = [];
  for (const s of t.sections) {
    const id = `flows-${s.form}-${s.phase}`;
    children.push({ id, title: s.title });
    out.push(`<h3 id="${id}">${e(s.title)}</h3>`);
    if (s.rows.length > 0) {
      const body = s.rows.map((r) => `<tr><td>${e(r.cells.who)}</td><td>${e(r.cells.where)}</td><td>${e(r.cells.which)}</td><td class="text">${e(r.cells.what)}</td><td>${e(r.cells.how)}</td><td class="idcell"><code class="id">${e(r.id)}</code></td></tr>`);
      out.push(table('flows', [[e(h.who), 'c-who'], [e(h.where), 'c-where'], [e(h.which), 'c-which'], [e(h.what), 'c-what'], [e(h.how), 'c-how'], [e(h.id), 'c-id']], `<tbody>\n${body.join('\n')}\n</tbody>\n`));
    }
    if (s.media.length > 0) {
      out.push(`<h4>${e(h.media)}</h4>`);
      const body = s.media.map((m) => `<tr><td>${e(m.cells.medium)}</td><td>${e(m.carrier)}</td><td>${e(m.from)}</td><td>${e(m.to)}</td><td class="text">${e(m.cells.what)}</td><td class="num">${e(m.encrypted ? t.words.yes : t.words.no)}</td><td class="idcell"><code class="id">${e(m.id)}</code></td></tr>`);
      out.push(table('media', [[e(h.medium), 'c-medium'], [e(h.carrier), 'c-carrier'], [e(h.from), 'c-from'], [e(h.to), 'c-to'], [e(h.what), 'c-what'], [e(h.encrypted), 'num c-encrypted'], [e(h.id), 'c-id']], `<tbody>\n${body.join('\n')}\n</tbody>\n`));
    }
  }
  const count = t.sections.reduce((n, s) => n + s.rows.length, 0);
  return { id: 'flows', title: ctx.w('flows'), count, children, body: out.length > 0 ? `${out.join('\n')}\n` : empty(t.words.none) };
}

// ---- 3. The risk assessment result list, with each risk's reasons and countermeasures ----

function threatsPart(ctx: Context): Part {
  const list = ctx.view.threats;
  const h = list.headings;
  const out: string[] = [];
  out.push(rankSummary(ctx, list.counts, list.words.tally));
  if (list.rows.length === 0) {
    out.push(empty(h.none));
  } else {
    const head: [string, string][] = [
      [e(h.rank), 'num c-rank'], [e(h.id), 'c-id'], [e(h.phase), 'c-phase'], [e(h.segment), 'c-segment'], [e(h.dataClass), 'c-class'],
      [e(h.threat), 'c-threat'], [e(h.risk), 'c-risk'], [e(h.cia), 'c-cia'], [e(h.impact), 'c-grade c-impact'], [e(h.likelihood), 'c-grade c-likelihood'],
      [e(h.level), 'num c-level'], [e(h.need), 'c-need'], [e(h.who), 'c-who'],
    ];
    const body = list.rows.map((r) => riskGroup(ctx, r, head.length)).join('\n');
    out.push(table('threats', head, `${body}\n`));
  }
  out.push(`<h3 id="threats-matrix">${e(list.words.matrixTitle)}</h3>`);
  out.push(matrix(ctx));
  return { id: 'threats', title: ctx.w('threats'), count: list.rows.length, children: [{ id: 'threats-matrix', title: h.matrix }], body: `${out.join('\n')}\n` };
}

function rankSummary(ctx: Context, counts: Readonly<Record<Rank, number>>, tally: string): string {
  const h = ctx.view.threats.headings;
  const items = RANK_ORDER.map((r) => `<span class="item">${rankBadge(r)} ${counts[r]}</span>`).join('');
  return `<p class="summary"><strong>${e(h.summary)}:</strong> ${items}${e(tally)}</p>`;
}

function riskGroup(ctx: Context, r: ThreatRow, columns: number): string {
  const c = r.cells;
  const h = ctx.view.threats.headings;
  const row = `<tr class="row" id="${riskAnchor(r.id)}"><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${idCode(r.id)}</td>`
    + `<td>${e(c.phase)}</td><td>${e(c.segment)}</td><td>${e(c.dataClass)}</td><td>${e(c.threat)}</td>`
    + `<td class="wide"><span class="title">${e(c.title)}</span>${e(c.risk)}</td><td>${e(c.cia)}</td><td class="grade">${e(c.impact)}</td><td class="grade">${e(c.likelihood)}</td>`
    + `<td class="num">${e(c.level)}</td><td>${e(c.need)}</td><td>${e(c.who)}</td></tr>`;
  const details = `<tr class="details"><td colspan="${columns}"><details><summary>${e(h.detailsSummary)}</summary>${riskDetails(ctx, r)}</details></td></tr>`;
  return `<tbody class="risk">\n${row}\n${details}\n</tbody>`;
}

function riskDetails(ctx: Context, r: ThreatRow): string {
  const h = ctx.view.threats.headings;
  const c = r.cells;
  const reasons = `<div><p class="label">${e(h.reasons)}</p>`
    + `<p>${e(h.impact)} ${e(c.impact)}</p>${list(r.reasons.impact)}`
    + `<p>${e(h.likelihood)} ${e(c.likelihood)}</p>${list(r.reasons.likelihood)}`
    + `<p>${e(h.level)} ${e(c.level)} → ${e(h.rank)} ${rankBadge(r.rank)} ${e(c.need)}</p>`
    + `<p>${e(h.who)}: ${e(c.who)}</p>${list(r.reasons.who)}</div>`;
  const categories = CATEGORIES.filter((k) => r.countermeasures[k].length > 0);
  const measures = `<div><p class="label">${e(h.countermeasures)}</p>`
    + (categories.length === 0 ? `<p>—</p>` : `<dl>${categories.map((k) => `<dt>${e(h[k])}</dt><dd>${list(r.countermeasures[k])}</dd>`).join('')}</dl>`)
    + '</div>';
  const refs = `<div>${r.references.length > 0 ? `<p class="label">${e(h.references)}</p>${list(r.references)}` : ''}`
    + `<p class="label">${e(h.flows)}</p><p>${[...r.flowsShown.map((f) => `<code class="id">${e(f)}</code>`), ...(c.flowsMore ? [e(c.flowsMore)] : [])].join(', ')}</p>`
    + `<p class="label">${e(h.form)}</p><p>${e(c.form)}</p></div>`;
  return `<div class="risk-details">${reasons}${measures}${refs}</div>`;
}

function matrix(ctx: Context): string {
  const m = ctx.view.threats.matrix;
  const h = ctx.view.threats.headings;
  const head: [string, string][] = [[`${e(h.impact)} \\ ${e(h.likelihood)}`, ''], ...[1, 2, 3, 4, 5].map((l): [string, string] => [String(l), 'num'])];
  const rows: string[] = [];
  for (let impact = 5; impact >= 1; impact--) {
    const levels = m.levels[impact - 1] ?? [];
    const cells = levels.map((level) => {
      const rank = RANK_ORDER[5 - level];
      return `<td>${level}${rank ? ` ${rankBadge(rank)}` : ''}</td>`;
    }).join('');
    rows.push(`<tr><th scope="row">${impact}</th>${cells}</tr>`);
  }
  const criteria = RANK_ORDER.map((r) => `<li>${rankBadge(r)} ${e(m.criteria[r])}</li>`).join('');
  return `<div class="matrix">\n${table('matrix', head, `<tbody>\n${rows.join('\n')}\n</tbody>\n`)}<ul class="criteria">${criteria}</ul>\n</div>\n`;
}

// ---- 4. The risk response list ----

function responsesPart(ctx: Context): Part {
  const { w } = ctx;
  const rows = ctx.view.responses.rows;
  if (rows.length === 0) return { id: 'responses', title: w('responses'), count: 0, children: [], body: empty(w('noResponses')) };
  const head: [string, string][] = [
    [e(w('rank')), 'num c-rank'], [e(w('riskId')), 'c-id'], [e(w('phase')), 'c-phase'], [e(w('decision')), 'c-decision'], [e(w('measures')), 'c-measures'],
    [e(w('residual')), 'c-residual'], [e(w('rationale')), 'c-rationale'], [e(w('agreedWith')), 'c-agreed'], [e(w('date')), 'c-date'], [e(w('where')), 'c-where'],
  ];
  const body = rows.map((r) => {
    const c = r.cells;
    const residual = r.residual ? `${rankBadge(r.residual.rank)} ${e(c.residual)}` : e(c.residual);
    const pattern = r.pattern !== r.riskId ? `<br>${e(w('pattern'))}: ${idCode(r.pattern)}` : '';
    return `<tr><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${riskLink(ctx, r.riskId)}<span class="title">${e(c.title)}</span></td>`
      + `<td>${e(c.phase)}</td><td>${e(c.decision)}</td><td class="wide">${c.measures.length > 0 ? list(c.measures) : '—'}</td><td class="text residual">${residual}</td>`
      + `<td class="text pre">${e(c.rationale)}</td><td>${e(c.agreedWith)}</td><td class="num">${e(c.date)}</td><td>${idCode(c.source)}${pattern}</td></tr>`;
  });
  return { id: 'responses', title: w('responses'), count: rows.length, children: [], body: table('responses', head, `<tbody>\n${body.join('\n')}\n</tbody>\n`) };
}

// ---- 5. What the medical institution is asked to do ----

function requestsPart(ctx: Context): Part {
  const { w } = ctx;
  const groups = ctx.view.requests;
  const out: string[] = [];
  const children: { id: string; title: string }[] = [];
  if (groups.length === 0) out.push(empty(w('noRequests')).trimEnd());
  for (const g of groups) {
    const id = `requests-${g.category}`;
    children.push({ id, title: g.title });
    out.push(`<h3 id="${id}">${e(g.title)}</h3>`);
    const body = g.items.map((i) => `<tr><td class="wide pre">${e(i.text)}</td><td class="owner">${e(i.ownerWord)}</td><td class="idcell"><ul>${i.risks.map((r) => `<li>${riskLink(ctx, r)}</li>`).join('')}</ul></td></tr>`);
    out.push(table('requests', [[e(w('measures')), 'c-measures'], [e(w('owner')), 'c-owner'], [e(w('risks')), 'c-risks']], `<tbody>\n${body.join('\n')}\n</tbody>\n`));
  }
  // The risks still to agree on: the institution answers for them and nothing of its own is written yet.
  children.push({ id: 'requests-agree', title: w('agree') });
  out.push(`<h3 id="requests-agree">${e(w('agree'))}</h3>`);
  const agree = ctx.view.agree;
  if (agree.length === 0) {
    out.push(empty(w('noAgree')).trimEnd());
  } else {
    const h = ctx.view.threats.headings;
    const head: [string, string][] = [[e(h.rank), 'num c-rank'], [e(h.id), 'c-id'], [e(h.risk), 'c-risk'], [e(h.who), 'c-who'], [e(w('whyWho')), 'c-why']];
    const body = agree.map((r) => `<tr><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${riskLink(ctx, r.id)}</td>`
      + `<td class="wide"><span class="title">${e(r.cells.title)}</span>${e(r.cells.risk)}</td><td class="owner">${e(r.cells.who)}</td><td>${list(r.reasons.who)}</td></tr>`);
    out.push(`<p class="summary">${e(w('agreeNote'))}</p>`, table('agree', head, `<tbody>\n${body.join('\n')}\n</tbody>\n`).trimEnd());
  }
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  return { id: 'requests', title: w('requests'), count, children, body: `${out.join('\n')}\n` };
}

// ---- 6. The regulatory checklist ----

function statusBadge(item: ChecklistItem): string {
  return `<span class="status status-${item.status}"><span class="mark" aria-hidden="true">${STATUS_MARK[item.status]}</span> ${e(item.cells.status)}</span>`;
}

function checklistPart(ctx: Context): Part {
  const { w } = ctx;
  const c = ctx.view.checklist;
  if (c.items.length === 0) return { id: 'checklist', title: w('checklist'), count: 0, children: [], body: empty(w('none')) };
  // The status words come with the items; a status no item has is not counted in words.
  const counts = STATUSES.flatMap((s) => {
    const first = c.items.find((i) => i.status === s);
    return first ? [`<span class="item">${statusBadge(first)} ${c.counts[s]}</span>`] : [];
  }).join('');
  const head: [string, string][] = [[e(w('status')), 'c-status'], [e(w('item')), 'c-item'], [e(w('requirement')), 'c-requirement'], [e(w('evidence')), 'c-evidence'], [e(w('reference')), 'c-reference']];
  const body = c.items.map((i) => `<tr id="check-${e(i.id)}" class="check-${i.status}"><td>${statusBadge(i)}</td><td><span class="title">${e(i.cells.title)}</span></td>`
    + `<td class="text">${e(i.cells.requirement)}</td><td class="wide">${i.cells.evidence.length > 0 ? list(i.cells.evidence) : '—'}</td><td>${e(i.cells.reference)}</td></tr>`);
  const summary = `<p class="summary"><strong>${e(w('status'))}:</strong> ${counts}</p>`;
  return { id: 'checklist', title: w('checklist'), count: c.items.length, children: [], body: `${summary}\n${table('checklist', head, `<tbody>\n${body.join('\n')}\n</tbody>\n`)}` };
}

// ---- 7. Open risks, 8. orphaned responses ----

function openPart(ctx: Context): Part {
  const { w } = ctx;
  const rows = ctx.view.open;
  if (rows.length === 0) return { id: 'open', title: w('open'), count: 0, children: [], body: empty(w('noOpen')) };
  const h = ctx.view.threats.headings;
  const head: [string, string][] = [
    [e(h.rank), 'num c-rank'], [e(h.id), 'c-id'], [e(h.phase), 'c-phase'], [e(h.segment), 'c-segment'], [e(h.threat), 'c-threat'], [e(h.risk), 'c-risk'],
    [e(h.level), 'num c-level'], [e(h.need), 'c-need'],
  ];
  const body = rows.map((r) => `<tr><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${riskLink(ctx, r.id)}</td><td>${e(r.cells.phase)}</td><td>${e(r.cells.segment)}</td>`
    + `<td>${e(r.cells.threat)}</td><td class="wide"><span class="title">${e(r.cells.title)}</span>${e(r.cells.risk)}</td><td class="num">${e(r.cells.level)}</td><td>${e(r.cells.need)}</td></tr>`);
  return { id: 'open', title: w('open'), count: rows.length, children: [], body: table('open', head, `<tbody>\n${body.join('\n')}\n</tbody>\n`) };
}

function orphanedPart(ctx: Context): Part {
  const { w } = ctx;
  const rows = ctx.view.responses.orphaned;
  if (rows.length === 0) return { id: 'orphaned', title: w('orphaned'), count: 0, children: [], body: empty(w('none')) };
  const body = rows.map((r) => `<tr><td class="idcell">${idCode(r.pattern)}</td><td>${e(r.cells.decision)}</td><td>${idCode(r.cells.source)}</td></tr>`);
  return { id: 'orphaned', title: w('orphaned'), count: rows.length, children: [], body: table('orphaned', [[e(w('pattern')), 'c-pattern'], [e(w('decision')), 'c-decision'], [e(w('where')), 'c-where']], `<tbody>\n${body.join('\n')}\n</tbody>\n`) };
}
