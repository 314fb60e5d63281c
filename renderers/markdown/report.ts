// report.md: the whole report as GitHub-flavoured Markdown, the diagram as a Mermaid block GitHub draws.
// The same content as index.html, for a repository or a pull request. Reads the report view only.
import type { Renderer } from '../../models/render.js';
import type { ReportView } from '../../models/report.js';
import { markdownCell as cell, markdownCode as code, markdownCodeCell as codeCell, markdownText as text } from '../escape.js';
import { renderMermaid } from '../mermaid/diagram.js';
import { mermaidLegend } from './diagram.js';
import { flowsMarkdown } from './flows.js';
import { threatsMarkdown } from './threats.js';

/** Pushes every Markdown heading of a sub-document down `levels`, so it nests under the report's own. */
function nest(markdown: string, levels: number, dropTitle: boolean): string {
  const lines = markdown.trimEnd().split('\n');
  const body = dropTitle && lines[0]?.startsWith('# ') ? lines.slice(1) : lines;
  return body.map((l) => (/^#{1,5} /.test(l) ? `${'#'.repeat(levels)}${l}` : l)).join('\n').trim();
}

const anchor = (title: string): string => title.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s+/g, '-');

export const reportMarkdown: Renderer<ReportView> = (view) => {
  const w = view.words;
  const listed = new Set(view.threats.rows.map((r) => r.id));
  const sections = [w['diagram'], w['flows'], w['threats'], w['responses'], w['requests'], w['checklist'], w['open'], w['orphaned']] as string[];
  const out: string[] = [`# ${cell(view.title)}`, ''];
  if (view.system.provider) out.push(`- ${w['provider']}: ${text(view.system.provider)}`);
  out.push(`- ${w['source']}: ${view.source.files.map(code).join(', ')} (${w['hash']} ${code(view.source.contentHash.slice(0, 12))})`, '');
  if (view.system.description) out.push(text(view.system.description), '');
  out.push(`## ${w['contents']}`, '');
  for (const s of sections) out.push(`- [${s}](#${anchor(s)})`);
  out.push('');

  // The diagram as GitHub draws it, with what its colours mean under it.
  const mermaid = renderMermaid(view.diagram.graph, { direction: view.diagram.direction === 'right' ? 'LR' : 'TB' }).text;
  const legend = mermaidLegend(view.diagram.graph);
  out.push(`## ${w['diagram']}`, '', '```mermaid', mermaid.trimEnd(), '```', '', ...(legend === null ? [] : [legend, '']));
  out.push(`## ${w['flows']}`, '', nest(flowsMarkdown(view.flows), 1, true), '');
  out.push(`## ${w['threats']}`, '', nest(threatsMarkdown(view.threats), 1, true), '');

  out.push(`## ${w['responses']}`, '');
  if (view.responses.rows.length === 0) {
    out.push(`${w['noResponses']}`, '');
  } else {
    out.push(`| ${w['rank']} | ${w['riskId']} | ${w['title']} | ${w['decision']} | ${w['measures']} | ${w['residual']} | ${w['rationale']} | ${w['agreedWith']} | ${w['date']} |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of view.responses.rows) {
      const c = r.cells;
      out.push(`| **${r.rank}** | ${codeCell(r.riskId)} | ${cell(c.title)} | ${cell(c.decision)} | ${c.measures.map(cell).join('<br>') || '—'} | ${cell(c.residual)} | ${cell(c.rationale) || '—'} | ${cell(c.agreedWith) || '—'} | ${cell(c.date) || '—'} |`);
    }
    out.push('');
  }

  out.push(`## ${w['requests']}`, '');
  if (view.requests.length === 0) out.push(`${w['noRequests']}`, '');
  for (const group of view.requests) {
    out.push(`### ${cell(group.title)}`, '', `| ${w['measures']} | ${w['owner']} | ${w['risks']} |`, '| --- | --- | --- |');
    for (const item of group.items) out.push(`| ${cell(item.text)} | ${cell(item.ownerWord)} | ${item.risks.map(codeCell).join('<br>')} |`);
    out.push('');
  }
  out.push(`### ${w['agree']}`, '');
  if (view.agree.length === 0) {
    out.push(w['noAgree'], '');
  } else {
    const h = view.threats.headings;
    out.push(text(w['agreeNote']), '', `| ${w['rank']} | ${w['riskId']} | ${w['title']} | ${h.who} | ${w['whyWho']} |`, '| --- | --- | --- | --- | --- |');
    // A listed risk's sentence and reasons are in the assessment list above: stated there once.
    for (const r of view.agree) {
      const shown = listed.has(r.id);
      out.push(`| **${r.rank}** | ${codeCell(r.id)} | ${cell(r.cells.title)}${shown ? '' : `: ${cell(r.cells.risk)}`} | ${cell(r.cells.who)} | ${shown ? cell(w['seeList']) : r.reasons.who.map(cell).join('<br>')} |`);
    }
    out.push('');
  }

  out.push(`## ${w['checklist']}`, '', `| ${w['item']} | ${w['status']} | ${w['evidence']} | ${w['reference']} |`, '| --- | --- | --- | --- |');
  for (const item of view.checklist.items) {
    const mark = item.status === 'met' ? '✅' : item.status === 'not-met' ? '❌' : '➖';
    out.push(`| **${cell(item.cells.title)}**<br>${cell(item.cells.requirement)} | ${mark} ${cell(item.cells.status)} | ${item.cells.evidence.map(cell).join('<br>') || '—'} | ${cell(item.cells.reference)} |`);
  }
  out.push('');

  out.push(`## ${w['open']}`, '');
  if (view.open.length === 0) {
    out.push(`${w['noOpen']}`, '');
  } else {
    out.push(`| ${w['rank']} | ${w['riskId']} | ${w['title']} | ${w['phase']} |`, '| --- | --- | --- | --- |');
    for (const r of view.open) out.push(`| **${r.rank}** | ${codeCell(r.id)} | ${cell(r.cells.title)}${listed.has(r.id) ? '' : `: ${cell(r.cells.risk)}`} | ${cell(r.cells.phase)} |`);
    out.push('');
  }

  out.push(`## ${w['orphaned']}`, '');
  if (view.responses.orphaned.length === 0) {
    out.push(w['noOrphaned'], '');
  } else {
    out.push(`| ${w['pattern']} | ${w['decision']} | ${w['where']} |`, '| --- | --- | --- |');
    for (const o of view.responses.orphaned) out.push(`| ${codeCell(o.pattern)} | ${cell(o.cells.decision)} | ${codeCell(o.cells.source)} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
};
