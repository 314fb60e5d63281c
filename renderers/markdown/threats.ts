// The risk assessment result list as Markdown (a document, a pull request, a wall). Reads the view only.
import type { Renderer } from '../../models/render.js';
import type { ThreatList } from '../../models/threats.js';
import { RANKS } from '../../models/vocabulary.js';
import { markdownCell as cell, markdownCode as code, markdownCodeCell as codeCell, markdownText as text } from '../escape.js';
import { fillTemplate } from '../template.js';

export const threatsMarkdown: Renderer<ThreatList> = (list) => {
  const h = list.headings;
  const w = list.words;
  const out: string[] = [`# ${cell(list.title)}`, ''];
  out.push(cell(w.summaryLine), '');
  if (list.rows.length === 0) {
    out.push(`${h.none}`, '');
  } else {
    out.push(
      `| ${h.rank} | ${h.id} | ${h.phase} | ${h.segment} | ${h.dataClass} | ${h.threat} | ${h.risk} | ${h.cia} | ${h.impact} | ${h.likelihood} | ${h.level} | ${h.need} | ${h.who} |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of list.rows) {
      const c = r.cells;
      out.push(`| **${c.rank}** | ${codeCell(r.id)} | ${cell(c.phase)} | ${cell(c.segment)} | ${cell(c.dataClass)} | ${cell(c.threat)} | ${cell(c.risk)} | ${cell(c.cia)} | ${cell(c.impact)} | ${cell(c.likelihood)} | ${c.level} | ${cell(c.need)} | ${cell(c.who)} |`);
    }
    out.push('', `## ${h.details}`, '');
    for (const r of list.rows) {
      const c = r.cells;
      out.push(`### ${c.rank} ${code(r.id)}`, '', `**${text(c.title)}**: ${text(c.risk)}`, '');
      out.push(`- ${h.threat}: ${fillTemplate(w.threatCia, { threat: text(c.threat), cia: text(c.cia) })}`);
      out.push(`- ${h.phase}: ${text(c.phase)} / ${h.form}: ${text(c.form)} / ${h.segment}: ${text(c.segment)}`);
      out.push(`- ${h.flows}: ${[...r.flowsShown.map(code), ...(c.flowsMore ? [text(c.flowsMore)] : [])].join(', ')}`);
      out.push(`- ${h.reasons}:`);
      out.push(`  - ${h.impact} ${c.impact}`);
      for (const line of r.reasons.impact) out.push(`    - ${text(line)}`);
      out.push(`  - ${h.likelihood} ${c.likelihood}`);
      for (const line of r.reasons.likelihood) out.push(`    - ${text(line)}`);
      out.push(`  - ${h.level} ${c.level} → ${h.rank} ${c.rank}: ${text(c.need)}`);
      out.push(`- ${h.who}: ${text(c.who)}`);
      for (const line of r.reasons.who) out.push(`  - ${text(line)}`);
      out.push(`- ${h.countermeasures}:`);
      for (const category of ['human', 'physical', 'technical'] as const) {
        const measures = r.countermeasures[category];
        if (measures.length > 0) out.push(`  - ${h[category]}: ${measures.map(text).join(w.join)}`);
      }
      if (r.references.length > 0) out.push(`- ${h.references}: ${r.references.map(text).join(w.join)}`);
      out.push('');
    }
  }
  out.push(`## ${w.matrixTitle}`, '');
  out.push(`| ${h.impact} \\ ${h.likelihood} | 1 | 2 | 3 | 4 | 5 |`, '| --- | --- | --- | --- | --- | --- |');
  for (let i = 5; i >= 1; i--) {
    const levels = list.matrix.levels[i - 1] ?? [];
    out.push(`| ${i} | ${levels.map((l) => `${l} (${RANKS[5 - l]})`).join(' | ')} |`);
  }
  out.push('');
  for (const r of RANKS) out.push(`- ${r}: ${text(list.matrix.criteria[r])}`);
  return `${out.join('\n').trimEnd()}\n`;
};
