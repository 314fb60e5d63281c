// koseizu diff as a pull-request comment in Markdown, with the Mermaid diff diagram, kept under GitHub's
// 65,536-character limit and saying what it cut. Reads the diff view only (src/diff/view.ts).
import type { DiffView, PropertyChange } from '../../models/diff.js';
import type { Renderer } from '../../models/render.js';
import { markdownCell as cell, markdownCode as code, markdownCodeCell as codeCell } from '../escape.js';
import { fillTemplate } from '../template.js';

/** GitHub refuses a pull-request comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** A property's values, shortened for a line or a table cell. */
const values = (p: PropertyChange): string => {
  const short = (v: string): string => (v.length > 80 ? `${v.slice(0, 77)}…` : v || '—');
  return `${p.key}: ${short(p.old)} → ${short(p.new)}`;
};

export interface DiffMarkdownOptions {
  /** The Mermaid diff diagram (flowchart text), or null to leave the picture out. */
  readonly mermaid: string | null;
  /** The comment's limit (GitHub's by default). */
  readonly limit?: number;
}

const count = (template: string, n: number): string => fillTemplate(template, { n });

/** A pull-request comment: summary, diagram, risk delta, element changes, responses; cut to the limit, saying what was cut. */
export const diffMarkdown: Renderer<DiffView, DiffMarkdownOptions> = (view, options) => {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const w = view.words;
  const c = w.columns;
  const head = [
    `## ${w.title}: ${code(view.old.label)} → ${code(view.new.label)}`, '',
    `**${cell(view.summary)}**`, '', view.elementLine, '',
  ];
  // Nothing in the picture changed (risks or responses only): the diagram would show nothing marked.
  const diagram = options.mermaid && view.elements.length > 0
    ? [`### ${w.diagram}`, '', w.legend, '', '```mermaid', options.mermaid.trimEnd(), '```', '']
    : [];
  const riskRows = view.risks.map((r) => {
    const why = r.why.map((x) => cell(x)).join('<br>');
    const answered = r.answered === null ? '—' : r.answered ? w.answered : `**${w.unanswered}**`;
    return `| ${r.stateWord} | ${r.rankMove} | ${codeCell(r.id)} | ${cell(r.title)} | ${answered} | ${why || '—'} |`;
  });
  const elementRows = view.elements.map((e) => {
    const label = e.state === 'renamed' ? `${cell(e.label.old ?? '')} → ${cell(e.label.new ?? '')}` : cell(e.label.new ?? e.label.old ?? '');
    const props = e.properties.filter((p) => p.key !== 'label').map((p) => `${codeCell(p.key)}: ${cell(p.old || '—')} → ${cell(p.new || '—')}`).join('<br>');
    return `| ${e.stateWord} | ${e.kindWord} | ${codeCell(e.id)} | ${label} | ${props || '—'} |`;
  });
  const responseRows = view.responses.map((r) => `| ${r.stateWord} | ${codeCell(r.pattern)} | ${codeCell(r.source)} | ${r.properties.map((p) => cell(values(p))).join('<br>') || '—'} |`);

  const riskHead = [`### ${w.riskDelta}`, '', `| ${c.change} | ${c.rank} | ${c.riskId} | ${c.risk} | ${c.response} | ${c.why} |`, '| --- | --- | --- | --- | --- | --- |'];
  const elementHead = [`### ${w.elementChanges}`, '', `| ${c.change} | ${c.kind} | id | ${c.label} | ${c.properties} |`, '| --- | --- | --- | --- | --- |'];
  const responseHead = [`### ${w.responseChanges}`, '', `| ${c.change} | ${c.pattern} | ${c.writtenAt} | ${c.changed} |`, '| --- | --- | --- | --- |'];

  const cuts: string[] = [];
  const build = (withDiagram: boolean, risks: number, elements: number, responses: number): string => {
    const out = [...head];
    if (withDiagram) out.push(...diagram);
    if (risks > 0) out.push(...riskHead, ...riskRows.slice(0, risks), '');
    if (elements > 0) out.push(...elementHead, ...elementRows.slice(0, elements), '');
    if (responses > 0) out.push(...responseHead, ...responseRows.slice(0, responses), '');
    if (cuts.length > 0) out.push(`> ${fillTemplate(w.cutNotice, { cuts: cuts.join(w.cuts.join) })}`, '');
    return `${out.join('\n').trimEnd()}\n`;
  };
  // What goes first when it does not fit: element rows, then the diagram, then response rows, then risk rows.
  let [withDiagram, risks, elements, responses] = [diagram.length > 0, riskRows.length, elementRows.length, responseRows.length];
  const reserve = 400; // room for the cut notice
  const fits = (): boolean => build(withDiagram, risks, elements, responses).length + (cuts.length > 0 ? 0 : reserve) <= limit;
  const shrink = (n0: number, total: number, what: string, set: (n: number) => void): void => {
    let n = n0;
    while (n > 0 && !fits()) set(--n);
    if (n < total) cuts.push(count(what, total - n));
  };
  if (!fits()) shrink(elements, elementRows.length, w.cuts.elements, (n) => { elements = n; });
  if (!fits() && withDiagram) { withDiagram = false; cuts.push(w.cuts.diagram); }
  if (!fits()) shrink(responses, responseRows.length, w.cuts.responses, (n) => { responses = n; });
  if (!fits()) shrink(risks, riskRows.length, w.cuts.risks, (n) => { risks = n; });
  return build(withDiagram, risks, elements, responses);
};
