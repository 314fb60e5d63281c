// The information-flow table as Markdown (for a README, a pull request or a document). Reads the view only.
import type { FlowTable } from '../../models/flows.js';
import type { Renderer } from '../../models/render.js';
import { markdownCell as cell, markdownCodeCell as codeCell } from '../escape.js';

export const flowsMarkdown: Renderer<FlowTable> = (table) => {
  const h = table.headings;
  const out: string[] = [`# ${cell(table.title)}`, ''];
  for (const section of table.sections) {
    out.push(`## ${cell(section.title)}`, '');
    if (section.rows.length > 0) {
      out.push(`| ${h.who} | ${h.where} | ${h.which} | ${h.what} | ${h.how} | ${h.id} |`, '| --- | --- | --- | --- | --- | --- |');
      for (const r of section.rows) out.push(`| ${cell(r.cells.who)} | ${cell(r.cells.where)} | ${cell(r.cells.which)} | ${cell(r.cells.what)} | ${cell(r.cells.how)} | ${codeCell(r.id)} |`);
      out.push('');
    }
    if (section.media.length > 0) {
      out.push(`### ${h.media}`, '', `| ${h.medium} | ${h.carrier} | ${h.from} | ${h.to} | ${h.what} | ${h.encrypted} | ${h.id} |`, '| --- | --- | --- | --- | --- | --- | --- |');
      for (const m of section.media) {
        out.push(`| ${cell(m.cells.medium)} | ${cell(m.carrier)} | ${cell(m.from)} | ${cell(m.to)} | ${cell(m.cells.what)} | ${m.encrypted ? table.words.yes : table.words.no} | ${codeCell(m.id)} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
};
