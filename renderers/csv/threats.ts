// The risk assessment result list as CSV (UTF-8 with a byte order mark, for Excel in Japan). Reads the view only.
import type { Renderer } from '../../models/render.js';
import type { ThreatList } from '../../models/threats.js';
import { csvDocument } from '../escape.js';

export const threatsCsv: Renderer<ThreatList> = (list) => {
  const h = list.headings;
  const lines: string[][] = [[
    h.id, h.rank, h.level, h.phase, h.form, h.segment, h.flows, h.dataClass, h.threat, h.risk, h.cia, h.impact, h.likelihood, h.need, h.who,
    h.human, h.physical, h.technical, h.references, h.reasons,
  ]];
  for (const r of list.rows) {
    const c = r.cells;
    lines.push([
      r.id, c.rank, c.level, c.phase, c.form, c.segment, c.flows, c.dataClass, c.threat, c.risk, c.cia, c.impact, c.likelihood, c.need, c.who,
      r.countermeasures.human.join('\n'), r.countermeasures.physical.join('\n'), r.countermeasures.technical.join('\n'),
      r.references.join('\n'),
      [`${h.impact}:`, ...r.reasons.impact, `${h.likelihood}:`, ...r.reasons.likelihood, `${h.who}:`, ...r.reasons.who].join('\n'),
    ]);
  }
  return csvDocument(lines);
};
