// The report for the medical institution as one self-contained HTML file (index.html): the configuration
// diagram inline, the flow tables, the risk assessment list with each risk's reasons and countermeasures,
// the risk response list, what the institution is asked to do, the regulatory checklist, the open risks
// and the orphaned responses. Reads the view model only.
//
// Self-contained: no script, no external stylesheet, font or image, nothing fetched; one <style> block.
// Every text from the model is escaped; the diagram's SVG comes from renderers/svg, which escapes its own.
// Readable on a projector (18px base, high contrast, wide tables scroll sideways) and printable on A4:
// each part on a new page, the diagram on pages of its own at 7 pt or more (in parts when it does not fit
// one page so; see "The diagram on paper"), the risk list and the response list on landscape pages, column
// widths that hold their short words whole, column headings repeated on every page, rows never cut,
// headings kept with what follows, <details> printed open, page numbers at the foot. Deterministic: the
// same view gives the same bytes.
import { METRICS, type Box, type DiagramDrawing, type Point } from '../../models/diagram.js';
import type { ChecklistItem, ChecklistStatus, ReportView } from '../../models/report.js';
import type { ThreatRow } from '../../models/threats.js';
import type { MeasureCategory, Rank } from '../../models/vocabulary.js';
import type { ReportWords } from '../../models/report.js';
import type { Renderer } from '../../models/render.js';
import { escapeHtml } from '../escape.js';
import { renderSvg } from '../svg/diagram.js';
import { fillTemplate } from '../template.js';
import { asCommon, threatGroups, type ThreatGroup } from '../groups.js';

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

// The printed page, in the units CSS prints in; the style below and the plan of the printed diagram use the same numbers.
/** CSS px per mm (96 px to the inch). */
const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;
/** The page margins of every @page, in mm. */
const PAGE_MARGIN_MM = { top: 14, right: 12, bottom: 16, left: 12 } as const;
type Orientation = 'portrait' | 'landscape';
/** How a part sits on its page: which way the page is turned, and whether its lines are listed beside it. */
interface Layout { readonly orientation: Orientation; readonly side: boolean }
/** What an A4 page holds inside its margins, in CSS px. */
const PAGE_BOX: Readonly<Record<Orientation, { readonly width: number; readonly height: number }>> = {
  portrait: { width: (210 - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right) * PX_PER_MM, height: (297 - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom) * PX_PER_MM },
  landscape: { width: (297 - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right) * PX_PER_MM, height: (210 - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom) * PX_PER_MM },
};
/** The smallest text of a printed diagram, in pt: 7 pt and a little to spare. */
export const MIN_PRINT_PT = 7.2;
/** The printed diagram is never drawn larger than its own size (12 px labels: 9 pt). */
const MAX_PRINT_SCALE = 1;
/** The most pages the diagram prints on in parts (the 300-device bench model takes 121). */
export const MAX_PRINT_PARTS = 150;
/** The root <svg> of the drawing, which every printed part shows a crop of. */
const DRAWING_ID = 'diagram-drawing';
/** A mark: a white disc (or a pill for two letters) with a dark letter, just outside the part's edge. */
const MARK = { radius: 9, fontSize: 11, offset: 3 } as const;
/** Room around a part's crop, in drawing px, for the marks outside its edge. */
const MARK_PAD = 2 * MARK.radius + MARK.offset + 1;
/** Room around a site, in drawing px, that its part shows. */
const PART_PAD = 8;
/** The narrowest list of lines beside a part, and the gap between the two, in CSS px. */
const SIDE_LIST = 48 * PX_PER_MM;
const SIDE_GAP_MM = 4;
const SIDE_GAP = SIDE_GAP_MM * PX_PER_MM;
/**
 * Print metrics of the text around a part, in pt (the CSS below uses the same numbers): the section's
 * heading above the first part (its 1.5rem and margins), the part's caption, the list of the lines that
 * leave it, and room to spare for what these estimates miss.
 */
const PART_TEXT = { heading: 36, captionSize: 10, captionLine: 14, captionGap: 6, listSize: 8.5, listLine: 12, listItemGap: 2, listGap: 6, safety: 18 } as const;

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
tbody.group > tr > th { background: #e0e7ff; color: #111827; font-weight: 400; padding: .45rem .55rem .2rem; border-top: 2px solid #1e3a8a; }
tbody.group .title { display: inline; margin-right: .5rem; }
tbody.group .n { color: #374151; margin-left: .5rem; white-space: nowrap; }
p.common { font-size: inherit; margin: .1rem 0 .4rem; }
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
.diagram-part { display: none; }
.risk-group .table-wrap { margin: 0 0 .75rem; }
@media screen { .risk-group { content-visibility: auto; contain-intrinsic-size: auto 60rem; } }
@page { size: A4; margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm; @bottom-center { content: counter(page) " / " counter(pages); font-family: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; font-size: 9pt; color: #374151; } }
@page portrait { size: A4 portrait; }
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

  figure.diagram { visibility: hidden; height: 0; margin: 0; overflow: hidden; }
  .diagram-part { display: block; margin: 0; break-inside: avoid; page-break-inside: avoid; }
  .diagram-part + .diagram-part { break-before: page; }
  .diagram-part.portrait { page: portrait; }
  .diagram-part.landscape { page: landscape; }
  .diagram-part figcaption { font-size: ${PART_TEXT.captionSize}pt; line-height: ${PART_TEXT.captionLine}pt; margin: 0 0 ${PART_TEXT.captionGap}pt; font-weight: 700; }
  .diagram-part svg { display: block; margin: 0 auto; flex: none; }
  .diagram-part.side .part-body { display: flex; gap: ${SIDE_GAP_MM}mm; align-items: flex-start; }
  .diagram-part.side svg { margin: 0; }
  .diagram-part.side .off-page { flex: 1; margin: 0; }
  .off-page { font-size: ${PART_TEXT.listSize}pt; line-height: ${PART_TEXT.listLine}pt; margin: ${PART_TEXT.listGap}pt 0 0; }
  .off-page p { margin: 0; font-weight: 700; }
  .off-page ul { list-style: none; margin: 0; padding: 0; }
  .off-page li + li { margin-top: ${PART_TEXT.listItemGap}pt; }
  .off-page-mark { display: inline-block; min-width: 1.7em; padding: 0 .2em; border: 1px solid #0f172a; border-radius: .8em; text-align: center; font-weight: 700; line-height: 1.15; }

  .table-wrap { overflow: visible; margin-bottom: 4mm; }
  table { font-size: 8.5pt; table-layout: fixed; }
  table.matrix { table-layout: auto; }
  div.matrix { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 2pt 3pt; }
  td.text, td.wide, td.idcell, td.grade, th { min-width: 0 !important; max-width: none; }
  thead { display: table-header-group; }
  thead th { background: #e5e7eb; color: #111827; border-color: #6b7280; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tbody.risk > tr.row, tbody.group > tr { break-after: avoid; page-break-after: avoid; }
  tbody.group > tr > th { padding: 2pt 3pt; }
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
  /** How the diagram prints: in parts, each a crop of the one drawing. */
  readonly printed: PrintedDiagram;
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
  const printed = printedDiagram(view.diagram, svg, view.words);
  const ctx: Context = { view, svg, printed, w, listed: new Set(view.threats.rows.map((r) => r.id)) };
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
  out.push(`<style>${STYLE}${diagramStyle(svg, printed)}</style>`);
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
 * labels read from the back of a room and a small diagram is not blown up. In print it gives way to its
 * printed parts, on pages of the orientation of the first part.
 */
function diagramStyle(svg: string, printed: PrintedDiagram): string {
  const width = /^\s*<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1];
  if (width === undefined) return '';
  const first = printed.parts[0]?.orientation ?? 'portrait';
  return `@media screen { figure.diagram svg { width: 100%; max-width: ${Math.round(Number(width) * 1.5)}px; } }\n`
    + `@media print { main > section#diagram { page: ${first}; } }\n`;
}

function diagramPart(ctx: Context): Part {
  const svg = ctx.svg.trim();
  if (!svg) return { id: 'diagram', title: ctx.w('diagram'), count: null, children: [], body: empty(ctx.w('none')) };
  // The drawing gets an id, so that each printed part can show a crop of it.
  const drawing = svg.replace(/^<svg\b/, `<svg id="${DRAWING_ID}"`);
  const body = `<figure class="diagram">\n${drawing}\n</figure>\n${printedParts(ctx, ctx.printed)}\n`;
  return { id: 'diagram', title: ctx.w('diagram'), count: null, children: [], body };
}

// ---- 1a. The diagram on paper ----
//
// Printed whole, a tall diagram would shrink to 3 pt labels. So the print shows it in parts instead, each on
// an A4 page of its own (portrait, or landscape where that holds the part larger), all at one scale, chosen
// so that the smallest text of the drawing prints at MIN_PRINT_PT or more: the whole drawing when it fits
// one page at that size; else the sites, grouped in reading order as many to a page as fit (never a site cut
// in two unless it alone is larger than a page: then it is cut into tiles, "continued"), and the title block
// with the legend. Each part is a crop of the one drawing (an SVG <use> of it, nothing drawn twice); a line
// that leaves the part gets a lettered mark where it leaves, the same letter where it arrives on its other
// part, and a line of text under the part (or beside it, where the page has room across) naming both its
// ends, what it is, and the part each end is on when that is another.

type PlannedLine = {
  /** `link:<id>` or `media:<id>`. */
  readonly line: string;
  readonly mark: string;
  readonly text: string;
  /** Where the line crosses the part's edge. */
  readonly crossings: readonly Point[];
};

export interface PrintedPart {
  /** The part of the drawing shown, in drawing px. */
  readonly crop: Box;
  readonly orientation: Orientation;
  /** True when the lines that leave the part are listed beside it rather than below. */
  readonly side: boolean;
  /** CSS px per drawing px: the diagram's scale, or less for a part that does not fit a page at it. */
  readonly scale: number;
  /** "全体構成図 2/4：対象事業者DC", or null when the drawing is printed whole. */
  readonly caption: string | null;
  /** The lines that leave the part, each with its mark, in the marks' order. */
  readonly lines: readonly PlannedLine[];
}

export interface PrintedDiagram {
  /** CSS px per drawing px: the scale of every part that fits a page at it (all of them, but in extreme cases). */
  readonly scale: number;
  /**
   * The pages a legible print would take, when that is more than MAX_PRINT_PARTS: the drawing is then
   * printed whole, small, with a note pointing to diagram.svg / diagram.png; null otherwise.
   */
  readonly tooLarge: number | null;
  /** The smallest font size the drawing and its marks use, in drawing px. */
  readonly minFontPx: number;
  readonly parts: readonly PrintedPart[];
}

/** Text width in CSS px at `pt`: a full-width character is 1 em, any other at most 0.62 em (a generous guess). */
function textWidth(text: string, pt: number): number {
  let em = 0;
  for (const c of text) em += (c.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62;
  return em * pt * PX_PER_PT;
}

const lineCount = (text: string, pt: number, width: number): number => Math.max(1, Math.ceil(textWidth(text, pt) / width));

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const holds = (a: Box, b: Box): boolean => b.x >= a.x && b.y >= a.y && b.x + b.width <= a.x + a.width && b.y + b.height <= a.y + a.height;
const contains = (a: Box, p: Point): boolean => p.x >= a.x && p.x <= a.x + a.width && p.y >= a.y && p.y <= a.y + a.height;
const grow = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, width: b.width + 2 * d, height: b.height + 2 * d });
const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const area = (b: Box): number => b.width * b.height;

/** Where a polyline crosses the border of `r` (Liang-Barsky clipping of each segment). */
function crossings(points: readonly Point[], r: Box): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    let t0 = 0;
    let t1 = 1;
    let empty = false;
    for (const [p, q] of [[-dx, a.x - r.x], [dx, r.x + r.width - a.x], [-dy, a.y - r.y], [dy, r.y + r.height - a.y]] as const) {
      if (p === 0) {
        if (q < 0) empty = true;
        continue;
      }
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
    if (empty || t1 - t0 <= 1e-9) continue;
    // The segment comes in (its start outside) or goes out (its end outside).
    if (t0 > 0) out.push({ x: a.x + dx * t0, y: a.y + dy * t0 });
    if (t1 < 1) out.push({ x: a.x + dx * t1, y: a.y + dy * t1 });
  }
  return out;
}

/** Mark letters: A … Z, then AA, AB … */
function markOf(i: number): string {
  const letter = (k: number): string => String.fromCharCode(65 + k);
  return i < 26 ? letter(i) : `${letter(Math.floor(i / 26) - 1)}${letter(i % 26)}`;
}

interface End {
  readonly label: string;
  readonly site: string;
  readonly box: Box;
}

interface Line {
  readonly id: string;
  readonly kind: 'link' | 'media';
  readonly points: readonly Point[];
  readonly from: End;
  readonly to: End;
  readonly what: string;
  /** Where its label or numbered marker is drawn. */
  readonly labels: readonly Box[];
}

/** Every line of the drawing with its two ends (device or location) and what it is, in the layout's order. */
function linesOf(drawing: DiagramDrawing): Line[] {
  const { graph, layout } = drawing;
  const ends = new Map<string, End>();
  const boxes = new Map<string, Box>([...layout.devices.map((d) => [d.id, d] as const), ...layout.containers.map((c) => [c.id, c] as const)]);
  for (const s of graph.sites) {
    for (const l of s.locations) {
      const lb = boxes.get(l.id);
      if (lb) ends.set(l.id, { label: l.label, site: s.label, box: lb });
      for (const d of l.devices) {
        const db = boxes.get(d.id);
        if (db) ends.set(d.id, { label: d.label, site: s.label, box: db });
      }
    }
  }
  const links = new Map(graph.links.map((l) => [l.id, l]));
  const media = new Map(graph.media.map((m) => [m.id, m]));
  const out: Line[] = [];
  for (const e of layout.edges) {
    const item = e.kind === 'link' ? links.get(e.id) : media.get(e.id);
    if (!item) continue;
    const from = ends.get(item.from);
    const to = ends.get(item.to);
    if (!from || !to || e.points.length < 2) continue;
    const link = e.kind === 'link' ? links.get(e.id) : undefined;
    const what = link ? `${link.networkLabel}${link.label && link.label !== link.networkLabel ? ` — ${link.label}` : ''}` : (media.get(e.id)?.label ?? '');
    const labels: Box[] = [];
    if (e.label) labels.push(e.label);
    if (e.callout) labels.push(grow({ x: e.callout.x, y: e.callout.y, width: 0, height: 0 }, METRICS.callout.radius + 2));
    out.push({ id: e.id, kind: e.kind, points: e.points, from, to, what, labels });
  }
  return out;
}

/** The smallest font size the SVG (or a mark) writes text in: it decides the scale. */
function smallestFont(svg: string): number {
  let smallest: number = MARK.fontSize;
  for (const m of svg.matchAll(/\sfont-size="(\d+(?:\.\d+)?)"/g)) smallest = Math.min(smallest, Number(m[1]));
  return smallest;
}

/**
 * How the diagram prints: its parts, each a crop of the drawing on a page of its own, and the one scale
 * they share. Pure and deterministic: the same drawing gives the same parts.
 */
export function printedDiagram(drawing: DiagramDrawing, svg: string, words: ReportWords): PrintedDiagram {
  const { graph, layout } = drawing;
  const minFontPx = smallestFont(svg);
  const minScale = MIN_PRINT_PT / (minFontPx * 0.75);
  const lines = linesOf(drawing);
  const whole: Box = { x: 0, y: 0, width: layout.width, height: layout.height };

  /** The text of a line that leaves a part, its far ends' parts given by `partOf`. */
  const lineText = (l: Line, crop: Box, partOf: (end: End) => number, total: number): string => {
    const end = (x: End): string => {
      const n = partOf(x);
      return contains(crop, centre(x.box)) || n < 0 ? x.label : fillTemplate(words.diagramElsewhere, { element: x.label, site: x.site, n: n + 1, total });
    };
    return fillTemplate(l.kind === 'link' ? words.diagramLink : words.diagramMedia, { from: end(l.from), to: end(l.to), line: l.what });
  };
  /** The lines a crop cuts, with a stand-in for the part numbers (their length is what counts here). */
  const cutLines = (crop: Box): string[] => lines.filter((l) => crossings(l.points, crop).length > 0).map((l) => lineText(l, crop, () => 98, 99));
  /**
   * The largest scale at which `crop` fits a page of orientation `o`, with its caption above and the lines
   * it cuts listed below it, or beside it (`side`) where the page has the room.
   */
  const scaleIn = (layout: Layout, crop: Box, texts: readonly string[], caption: string | null, first: boolean): number => {
    const page = PAGE_BOX[layout.orientation];
    const pt = PART_TEXT;
    let reserve = (pt.safety + (first ? pt.heading : 0)) * PX_PER_PT;
    if (caption !== null) reserve += (lineCount(caption, pt.captionSize, page.width) * pt.captionLine + pt.captionGap) * PX_PER_PT;
    const w = crop.width + 2 * MARK_PAD;
    const h = crop.height + 2 * MARK_PAD;
    const listHeight = (width: number): number => texts.length === 0 ? 0
      : ([words.diagramOffPage, ...texts.map((t) => `AA ${t}`)].reduce((n, t) => n + lineCount(t, pt.listSize, width), 0) * pt.listLine + texts.length * pt.listItemGap + pt.listGap) * PX_PER_PT;
    const room = Math.max(0, page.height - reserve);
    if (!layout.side) return Math.min(MAX_PRINT_SCALE, page.width / w, Math.max(0, room - listHeight(page.width)) / h);
    if (texts.length === 0) return 0;
    const scale = Math.min(MAX_PRINT_SCALE, (page.width - SIDE_LIST) / w, room / h);
    return listHeight(page.width - w * scale - SIDE_GAP) <= room ? scale : 0;
  };
  const LAYOUTS: readonly Layout[] = [
    { orientation: 'portrait', side: false }, { orientation: 'portrait', side: true },
    { orientation: 'landscape', side: false }, { orientation: 'landscape', side: true },
  ];
  /** The layout that shows `crop` largest (the first of LAYOUTS on a tie), and the scale. */
  const best = (crop: Box, caption: string | null, first: boolean): Layout & { scale: number } => {
    const texts = cutLines(crop);
    let out: Layout & { scale: number } = { ...LAYOUTS[0] as Layout, scale: -1 };
    for (const l of LAYOUTS) {
      const scale = scaleIn(l, crop, texts, caption, first);
      if (scale > out.scale + 1e-9) out = { ...l, scale };
    }
    return out;
  };
  /** The first of LAYOUTS in which `crop` fits at `scale`; null when none does. */
  const fitsAt = (crop: Box, caption: string | null, first: boolean, scale: number): Layout | null => {
    const texts = cutLines(crop);
    return LAYOUTS.find((l) => scaleIn(l, crop, texts, caption, first) >= scale - 1e-9) ?? null;
  };

  // The whole drawing on one page, when its smallest text prints large enough so.
  const one = best(whole, null, true);
  if (one.scale >= minScale || layout.containers.length === 0) {
    return { scale: one.scale, minFontPx, tooLarge: null, parts: [{ crop: whole, orientation: one.orientation, side: false, scale: one.scale, caption: null, lines: [] }] };
  }

  // The units a part is made of: the sites in reading order (top to bottom, then left to right), then the
  // title block with the legend and the list of media.
  const units: { readonly name: string; readonly box: Box }[] = layout.containers
    .filter((c) => c.kind === 'site')
    .map((c) => ({ name: graph.sites.find((s) => s.id === c.id)?.label ?? c.id, box: grow(c, PART_PAD) }))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const footer = [layout.titleBlock, layout.legendBox, ...(layout.captionBox ? [layout.captionBox] : [])].reduce(union);
  units.push({ name: graph.words.legend, box: grow(footer, PART_PAD) });

  /** A crop grown to take in what belongs to it: the labels it cuts, and the lines between two of its own units. */
  const extent = (box: Box): Box => {
    let out = box;
    for (let round = 0; round < 3; round++) {
      const before = out;
      for (const l of lines) {
        for (const b of l.labels) if (intersects(out, b)) out = union(out, grow(b, 2));
        if (contains(out, centre(l.from.box)) && contains(out, centre(l.to.box))) {
          for (const p of l.points) out = union(out, grow({ x: p.x, y: p.y, width: 0, height: 0 }, 4));
        }
      }
      if (out === before) break;
    }
    return out;
  };
  const captionFor = (names: readonly string[], continued: boolean): string => {
    const what = names.join(words.diagramAnd);
    return fillTemplate(words.diagramPart, { n: 99, total: 99, what: continued ? fillTemplate(words.diagramContinued, { what }) : what });
  };

  // One scale for every part: the largest at which each unit fits a page alone; the smallest legible when a
  // unit does not fit a page even so (it is cut in tiles, as few as they can be).
  let scale = MAX_PRINT_SCALE;
  for (const [i, u] of units.entries()) scale = Math.min(scale, Math.max(minScale, best(extent(u.box), captionFor([u.name], false), i === 0).scale));

  // Groups of units in reading order, as many to a page as fit without taking in a piece of another unit;
  // a unit larger than a page is cut in tiles.
  interface Group { readonly names: string[]; crop: Box; readonly continued: boolean; readonly members: Set<number> }
  const groups: Group[] = [];
  let current: Group | null = null;
  const clean = (crop: Box, members: ReadonlySet<number>): boolean => units.every((u, j) => members.has(j) || !intersects(crop, u.box));
  for (const [i, u] of units.entries()) {
    const own = extent(u.box);
    if (current) {
      const members = new Set([...current.members, i]);
      const crop = extent(union(current.crop, own));
      if (clean(crop, members) && fitsAt(crop, captionFor([...current.names, u.name], false), groups.length === 0, scale)) {
        current.names.push(u.name);
        current.crop = crop;
        current.members.add(i);
        continue;
      }
      groups.push(current);
      current = null;
    }
    if (fitsAt(own, captionFor([u.name], false), groups.length === 0, scale)) {
      current = { names: [u.name], crop: own, continued: false, members: new Set([i]) };
      continue;
    }
    for (const [k, tile] of tiles(own, scale, groups.length === 0).entries()) {
      groups.push({ names: [u.name], crop: tile, continued: k > 0, members: new Set([i]) });
    }
  }
  if (current) groups.push(current);

  /** A unit too large for a page, cut into overlapping tiles of a page each (at the orientation needing fewer). */
  function tiles(box: Box, s: number, first: boolean): Box[] {
    const caption = captionFor([''], true);
    const reserve = (o: Orientation): number => {
      // The room a tile of orientation `o` leaves for the drawing: the lines it cuts are not known yet; a tile
      // is given room for four of them, two rows each, and is printed smaller if it cuts more.
      const page = PAGE_BOX[o];
      const pt = PART_TEXT;
      return (pt.safety + (first ? pt.heading : 0) + lineCount(caption, pt.captionSize, page.width) * pt.captionLine + pt.captionGap + 4 * 2 * pt.listLine + pt.listGap) * PX_PER_PT;
    };
    // Tiles overlap by the largest device or label (up to a third of a tile), so that each is whole on one of them.
    const largest = 2 * PART_PAD + [...layout.devices, ...lines.flatMap((l) => l.labels)].reduce((n, b) => Math.max(n, b.width, b.height), 0);
    let plan: { cols: number; rows: number; w: number; h: number; ox: number; oy: number } | null = null;
    for (const o of ['portrait', 'landscape'] as const) {
      const w = PAGE_BOX[o].width / s - 2 * MARK_PAD;
      const h = (PAGE_BOX[o].height - reserve(o)) / s - 2 * MARK_PAD;
      const ox = Math.min(largest, w / 3);
      const oy = Math.min(largest, h / 3);
      const cols = Math.max(1, Math.ceil((box.width - ox) / (w - ox)));
      const rows = Math.max(1, Math.ceil((box.height - oy) / (h - oy)));
      if (!plan || cols * rows < plan.cols * plan.rows) plan = { cols, rows, w: (box.width + (cols - 1) * ox) / cols, h: (box.height + (rows - 1) * oy) / rows, ox, oy };
    }
    const out: Box[] = [];
    if (!plan) return [box];
    for (let r = 0; r < plan.rows; r++) {
      for (let c = 0; c < plan.cols; c++) {
        out.push({ x: box.x + c * (plan.w - plan.ox), y: box.y + r * (plan.h - plan.oy), width: plan.w, height: plan.h });
      }
    }
    return out;
  }

  // Labels in the open, between sites: each goes to the part that can take it in, the nearest first.
  for (const l of lines) {
    for (const b of l.labels) {
      if (groups.some((g) => intersects(g.crop, b))) continue;
      const options = groups
        .map((g, i) => ({ g, i, crop: union(g.crop, grow(b, 2)) }))
        .filter((o) => !o.g.continued && clean(o.crop, o.g.members)
          && fitsAt(o.crop, captionFor(o.g.names, false), o.i === 0, scale) !== null)
        .sort((a, c) => area(a.crop) - area(a.g.crop) - (area(c.crop) - area(c.g.crop)) || a.i - c.i);
      const pick = options[0];
      if (pick) pick.g.crop = pick.crop;
    }
  }

  // Past MAX_PRINT_PARTS pages nobody reads the diagram on paper, and the marks and lists of its lines grow
  // with parts x lines (952 parts, 110 MB of HTML on the largest model with the longest labels): it is printed
  // whole instead, with a note.
  if (groups.length > MAX_PRINT_PARTS) {
    return { scale: one.scale, minFontPx, tooLarge: groups.length, parts: [{ crop: whole, orientation: one.orientation, side: false, scale: one.scale, caption: null, lines: [] }] };
  }

  // The parts, their far ends' parts, and the marks: one letter per line that leaves a part, in layout order.
  const total = groups.length;
  /** The part an end is on: the first that holds all of it, else the first that holds its middle. */
  const partOf = (end: End): number => {
    const whole = groups.findIndex((g) => holds(g.crop, end.box));
    return whole >= 0 ? whole : groups.findIndex((g) => contains(g.crop, centre(end.box)));
  };
  const cut = lines.filter((l) => groups.some((g) => crossings(l.points, g.crop).length > 0));
  const marks = new Map(cut.map((l, i) => [`${l.kind}:${l.id}`, markOf(i)]));
  const parts = groups.map((g, i): PrintedPart => {
    const what = g.names.join(words.diagramAnd);
    const caption = fillTemplate(words.diagramPart, { n: i + 1, total, what: g.continued ? fillTemplate(words.diagramContinued, { what }) : what });
    const partLines = cut.flatMap((l) => {
      const at = crossings(l.points, g.crop);
      return at.length === 0 ? [] : [{ line: `${l.kind}:${l.id}`, mark: marks.get(`${l.kind}:${l.id}`) ?? '?', text: lineText(l, g.crop, partOf, total), crossings: at }];
    });
    const fit = fitsAt(g.crop, caption, i === 0, scale);
    if (fit) return { crop: g.crop, orientation: fit.orientation, side: fit.side, scale, caption, lines: partLines };
    // A part that does not fit at the common scale (a tile that many lines leave): drawn as large as its page
    // allows, and never smaller than legible as long as it fits the page's width (its list may then run over).
    const b = best(g.crop, caption, i === 0);
    const widest = PAGE_BOX[b.orientation].width / (g.crop.width + 2 * MARK_PAD);
    return { crop: g.crop, orientation: b.orientation, side: b.side, scale: Math.min(scale, Math.max(b.scale, Math.min(minScale, widest))), caption, lines: partLines };
  });
  return { scale, minFontPx, tooLarge: null, parts };
}

/** Numbers for the printed parts' SVG: at most one decimal, no "-0". */
function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * The marks of a part's lines: each just outside the part's edge where its line leaves, joined to it by a
 * short stroke, and moved along the edge where two would touch.
 */
function partMarks(part: PrintedPart): string {
  const c = part.crop;
  const gap = 2 * MARK.radius + 3;
  type Placed = { mark: string; at: Point; side: number; along: number };
  const placed: Placed[] = [];
  for (const l of part.lines) {
    for (const at of l.crossings) {
      // 0 top, 1 right, 2 bottom, 3 left: the edge the line leaves by.
      const distances = [at.y - c.y, c.x + c.width - at.x, c.y + c.height - at.y, at.x - c.x];
      const side = distances.indexOf(Math.min(...distances));
      placed.push({ mark: l.mark, at, side, along: side % 2 === 0 ? at.x : at.y });
    }
  }
  placed.sort((a, b) => a.side - b.side || a.along - b.along || a.mark.localeCompare(b.mark));
  const out: string[] = [];
  let last: { side: number; end: number } | null = null;
  for (const p of placed) {
    const width = p.mark.length > 1 ? 2 * MARK.radius + 7 : 2 * MARK.radius;
    const along: number = last && last.side === p.side ? Math.max(p.along, last.end + gap - 2 * MARK.radius + width / 2) : p.along;
    const out1 = MARK.offset + MARK.radius;
    // The mark's centre, outside the edge; the stroke from where the line leaves to the mark's near side.
    const [x, y, nx, ny] = [
      [along, c.y - out1, along, c.y - MARK.offset],
      [c.x + c.width + out1, along, c.x + c.width + MARK.offset, along],
      [along, c.y + c.height + out1, along, c.y + c.height + MARK.offset],
      [c.x - out1, along, c.x - MARK.offset, along],
    ][p.side] as [number, number, number, number];
    out.push(`<path d="M${num(p.at.x)},${num(p.at.y)} L${num(nx)},${num(ny)}" stroke="#0f172a" stroke-width="1.2" fill="none"/>`);
    out.push(`<rect x="${num(x - width / 2)}" y="${num(y - MARK.radius)}" width="${num(width)}" height="${num(2 * MARK.radius)}" rx="${MARK.radius}" fill="#ffffff" stroke="#0f172a" stroke-width="1.6"/>`
      + `<text x="${num(x)}" y="${num(y + MARK.fontSize * 0.36)}" font-size="${MARK.fontSize}" font-weight="700" text-anchor="middle" fill="#0f172a">${e(p.mark)}</text>`);
    last = { side: p.side, end: along + width / 2 };
  }
  return out.join('');
}

/** The printed parts of the diagram: hidden on screen, each on a page of its own in print. */
function printedParts(ctx: Context, printed: PrintedDiagram): string {
  const w = ctx.w;
  return printed.parts.map((part) => {
    const c = part.crop;
    const v = grow(c, part.lines.length > 0 ? MARK_PAD : 0);
    const s = part.scale;
    const out: string[] = [`<figure class="diagram-part ${part.orientation}${part.side ? ' side' : ''}">`];
    if (part.caption !== null) out.push(`<figcaption>${e(part.caption)}</figcaption>`);
    if (printed.tooLarge !== null) out.push(`<figcaption>${e(fillTemplate(w('diagramTooLarge'), { pages: printed.tooLarge }))}</figcaption>`);
    out.push('<div class="part-body">');
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(v.width * s)}" height="${num(v.height * s)}" viewBox="${num(v.x)} ${num(v.y)} ${num(v.width)} ${num(v.height)}">`
      + `<svg x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}" viewBox="${num(c.x)} ${num(c.y)} ${num(c.width)} ${num(c.height)}"><use href="#${DRAWING_ID}"/></svg>`
      + `${partMarks(part)}</svg>`);
    if (part.lines.length > 0) {
      out.push(`<div class="off-page"><p>${e(w('diagramOffPage'))}</p><ul>${part.lines.map((l) => `<li><span class="off-page-mark">${e(l.mark)}</span> ${e(l.text)}</li>`).join('')}</ul></div>`);
    }
    out.push('</div>', '</figure>');
    return out.join('\n');
  }).join('\n');
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
    // One table per group, and per GROUP_ROWS rows of a long one (its heading row continued): a browser lays
    // out and paints only the tables on screen (content-visibility), so a list of thousands opens at once.
    for (const g of threatGroups(list.rows)) {
      for (let from = 0; from < g.rows.length; from += GROUP_ROWS) {
        const rows = g.rows.slice(from, from + GROUP_ROWS);
        const body = from === 0 ? groupBodies(ctx, g, rows, head.length) : [continuedHead(ctx, g, head.length), ...rows.map((r) => riskGroup(ctx, g, r, head.length))].join('\n');
        out.push(`<div class="risk-group">\n${table('threats', head, `${body}\n`).trimEnd()}\n</div>`);
      }
    }
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

/**
 * One rank and one rule: a heading row stating once what the rows share (the rule's title, threat,
 * countermeasures and references, and the reasons most of them share), then each risk's row and its own details.
 */
/** The most risks one table of the list holds. */
const GROUP_ROWS = 200;

/** The heading row of a group's table after its first: the rank and title, continued, a link to the group's heading. */
function continuedHead(ctx: Context, g: ThreatGroup, columns: number): string {
  const f = g.first;
  return `<tbody class="group continued">\n<tr class="group"><th colspan="${columns}" scope="rowgroup">${rankBadge(f.rank)} `
    + `<a class="title" href="#${groupAnchor(f)}">${e(fillTemplate(ctx.w('diagramContinued'), { what: f.cells.title }))}</a></th></tr>\n</tbody>`;
}

function groupBodies(ctx: Context, g: ThreatGroup, rows: readonly ThreatRow[], columns: number): string {
  const h = ctx.view.threats.headings;
  const f = g.first;
  const reasons = KINDS.some((k) => g.common[k] !== null)
    ? `<div><p class="label">${e(h.reasons)}</p>${g.common.impact ? `<p>${e(h.impact)}</p>${list(g.common.impact)}` : ''}`
      + `${g.common.likelihood ? `<p>${e(h.likelihood)}</p>${list(g.common.likelihood)}` : ''}${g.common.who ? `<p>${e(h.who)}</p>${list(g.common.who)}` : ''}</div>`
    : '';
  const head = `<tbody class="group" id="${groupAnchor(f)}">
<tr class="group"><th colspan="${columns}" scope="rowgroup">${rankBadge(f.rank)} <span class="title">${e(f.cells.title)}</span> `
    + `<span class="group-threat">${e(fillTemplate(ctx.view.threats.words.threatCia, { threat: f.cells.threat, cia: f.cells.cia }))}</span> <span class="n">${e(g.rows.length === 1 ? h.groupOne : fillTemplate(h.group, { count: g.rows.length }))}</span>`
    + `<details><summary>${e(h.common)}</summary><div class="risk-details">${reasons}${measuresBlock(ctx, f)}${referencesBlock(ctx, f)}</div></details></th></tr>
</tbody>`;
  return [head, ...rows.map((r) => riskGroup(ctx, g, r, columns))].join('\n');
}

function groupAnchor(r: ThreatRow): string {
  return `group-${r.rank}-${riskAnchor(r.rule).slice('risk-'.length)}`;
}

function riskGroup(ctx: Context, g: ThreatGroup, r: ThreatRow, columns: number): string {
  const c = r.cells;
  const h = ctx.view.threats.headings;
  const row = `<tr class="row" id="${riskAnchor(r.id)}"><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${idCode(r.id)}</td>`
    + `<td>${e(c.phase)}</td><td>${e(c.segment)}</td><td>${e(c.dataClass)}</td><td>${e(c.threat)}</td>`
    + `<td class="wide">${e(c.risk)}</td><td>${e(c.cia)}</td><td class="grade">${e(c.impact)}</td><td class="grade">${e(c.likelihood)}</td>`
    + `<td class="num">${e(c.level)}</td><td>${e(c.need)}</td><td>${e(c.who)}</td></tr>`;
  const details = `<tr class="details"><td colspan="${columns}"><details><summary>${e(h.reasons)}</summary>${riskDetails(ctx, g, r)}</details></td></tr>`;
  return `<tbody class="risk">\n${row}\n${details}\n</tbody>`;
}

const KINDS = ['impact', 'likelihood', 'who'] as const;

/** A row's reasons of one kind: its own lines, or a pointer to the group's heading when they are the group's. */
function ownReasons(ctx: Context, g: ThreatGroup, r: ThreatRow, kind: (typeof KINDS)[number]): string {
  if (asCommon(g, r, kind)) return `<p class="common"><a href="#${groupAnchor(g.first)}">${e(ctx.view.threats.headings.asCommon)}</a></p>`;
  return list(r.reasons[kind]);
}

function measuresBlock(ctx: Context, r: ThreatRow): string {
  const h = ctx.view.threats.headings;
  const categories = CATEGORIES.filter((k) => r.countermeasures[k].length > 0);
  return `<div><p class="label">${e(h.countermeasures)}</p>`
    + (categories.length === 0 ? `<p>—</p>` : `<dl>${categories.map((k) => `<dt>${e(h[k])}</dt><dd>${list(r.countermeasures[k])}</dd>`).join('')}</dl>`)
    + '</div>';
}

function referencesBlock(ctx: Context, r: ThreatRow): string {
  const h = ctx.view.threats.headings;
  return r.references.length > 0 ? `<div><p class="label">${e(h.references)}</p>${list(r.references)}</div>` : '';
}

function riskDetails(ctx: Context, g: ThreatGroup, r: ThreatRow): string {
  const h = ctx.view.threats.headings;
  const c = r.cells;
  const reasons = `<div><p class="label">${e(h.reasons)}</p>`
    + `<p>${e(h.impact)} ${e(c.impact)}</p>${ownReasons(ctx, g, r, 'impact')}`
    + `<p>${e(h.likelihood)} ${e(c.likelihood)}</p>${ownReasons(ctx, g, r, 'likelihood')}`
    + `<p>${e(h.level)} ${e(c.level)} → ${e(h.rank)} ${rankBadge(r.rank)} ${e(c.need)}</p>`
    + `<p>${e(h.who)}: ${e(c.who)}</p>${ownReasons(ctx, g, r, 'who')}</div>`;
  const refs = `<div><p class="label">${e(h.flows)}</p><p>${[...r.flowsShown.map((f) => `<code class="id">${e(f)}</code>`), ...(c.flowsMore ? [e(c.flowsMore)] : [])].join(', ')}</p>`
    + `<p class="label">${e(h.form)}</p><p>${e(c.form)}</p></div>`;
  return `<div class="risk-details">${reasons}${refs}</div>`;
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
    // A listed risk's sentence and reasons are in the assessment list, one link away: stated there once.
    const body = agree.map((r) => {
      const listed = ctx.listed.has(r.id);
      return `<tr><td class="num">${rankBadge(r.rank)}</td><td class="idcell">${riskLink(ctx, r.id)}</td>`
        + `<td class="wide"><span class="title">${e(r.cells.title)}</span>${listed ? '' : e(r.cells.risk)}</td><td class="owner">${e(r.cells.who)}</td>`
        + `<td>${listed ? `<a href="#${riskAnchor(r.id)}">${e(w('seeList'))}</a>` : list(r.reasons.who)}</td></tr>`;
    });
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
    + `<td>${e(r.cells.threat)}</td><td class="wide"><span class="title">${e(r.cells.title)}</span>${ctx.listed.has(r.id) ? '' : e(r.cells.risk)}</td><td class="num">${e(r.cells.level)}</td><td>${e(r.cells.need)}</td></tr>`);
  return { id: 'open', title: w('open'), count: rows.length, children: [], body: table('open', head, `<tbody>\n${body.join('\n')}\n</tbody>\n`) };
}

function orphanedPart(ctx: Context): Part {
  const { w } = ctx;
  const rows = ctx.view.responses.orphaned;
  if (rows.length === 0) return { id: 'orphaned', title: w('orphaned'), count: 0, children: [], body: empty(w('none')) };
  const body = rows.map((r) => `<tr><td class="idcell">${idCode(r.pattern)}</td><td>${e(r.cells.decision)}</td><td>${idCode(r.cells.source)}</td></tr>`);
  return { id: 'orphaned', title: w('orphaned'), count: rows.length, children: [], body: table('orphaned', [[e(w('pattern')), 'c-pattern'], [e(w('decision')), 'c-decision'], [e(w('where')), 'c-where']], `<tbody>\n${body.join('\n')}\n</tbody>\n`) };
}
