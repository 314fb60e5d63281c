// The information-flow table as Markdown (for a README, a pull request or a document), CSV (UTF-8 with a
// byte order mark, so Excel in Japan opens it as such) and JSON (for tools). Reads the view model only.
import type { FlowTable } from '../../models/flows.js';
import { csvDocument, mdCell as cell } from '../table-text.js';

export function flowsMarkdown(table: FlowTable): string {
  const h = table.headings;
  const out: string[] = [`# ${cell(table.title)}`, ''];
  for (const section of table.sections) {
    out.push(`## ${cell(section.title)}`, '');
    if (section.rows.length > 0) {
      out.push(`| ${h.who} | ${h.where} | ${h.which} | ${h.what} | ${h.how} | ${h.id} |`, '| --- | --- | --- | --- | --- | --- |');
      for (const r of section.rows) out.push(`| ${cell(r.cells.who)} | ${cell(r.cells.where)} | ${cell(r.cells.which)} | ${cell(r.cells.what)} | ${cell(r.cells.how)} | \`${r.id}\` |`);
      out.push('');
    }
    if (section.media.length > 0) {
      out.push(`### ${h.media}`, '', `| ${h.medium} | ${h.carrier} | ${h.from} | ${h.to} | ${h.what} | ${h.encrypted} | ${h.id} |`, '| --- | --- | --- | --- | --- | --- | --- |');
      for (const m of section.media) {
        out.push(`| ${cell(m.cells.medium)} | ${cell(m.carrier)} | ${cell(m.from)} | ${cell(m.to)} | ${cell(m.cells.what)} | ${m.encrypted ? table.words.yes : table.words.no} | \`${m.id}\` |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function flowsCsv(table: FlowTable): string {
  const h = table.headings;
  const lines = [['form', 'phase', 'kind', h.id, h.who, h.where, h.which, h.what, h.how, h.from, h.to, h.encrypted]];
  for (const s of table.sections) {
    for (const r of s.rows) lines.push([s.form, s.phase, 'flow', r.id, r.cells.who, r.cells.where, r.cells.which, r.cells.what, r.cells.how, '', '', '']);
    for (const m of s.media) lines.push([s.form, s.phase, 'media', m.id, m.carrier, '', m.cells.medium, m.cells.what, '', m.from, m.to, m.encrypted ? table.words.yes : table.words.no]);
  }
  return csvDocument(lines);
}

export function flowsJson(table: FlowTable): string {
  return `${JSON.stringify({ title: table.title, lang: table.lang, sections: table.sections }, null, 2)}\n`;
}
