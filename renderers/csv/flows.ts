// The information-flow table as CSV (UTF-8 with a byte order mark, so Excel in Japan opens it as such). Reads the view only.
import type { FlowTable } from '../../models/flows.js';
import type { Renderer } from '../../models/render.js';
import { csvDocument } from '../escape.js';

export const flowsCsv: Renderer<FlowTable> = (table) => {
  const h = table.headings;
  const lines = [['form', 'phase', 'kind', h.id, h.who, h.where, h.which, h.what, h.how, h.from, h.to, h.encrypted]];
  for (const s of table.sections) {
    for (const r of s.rows) lines.push([s.form, s.phase, 'flow', r.id, r.cells.who, r.cells.where, r.cells.which, r.cells.what, r.cells.how, '', '', '']);
    for (const m of s.media) lines.push([s.form, s.phase, 'media', m.id, m.carrier, '', m.cells.medium, m.cells.what, '', m.from, m.to, m.encrypted ? table.words.yes : table.words.no]);
  }
  return csvDocument(lines);
};
