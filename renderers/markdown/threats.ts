// The risk assessment result list as Markdown (a document, a pull request, a wall). Reads the view only.
import type { Renderer } from '../../models/render.js';
import type { ThreatList } from '../../models/threats.js';
import { RANKS } from '../../models/vocabulary.js';
import { markdownCell as cell, markdownCode as code, markdownCodeCell as codeCell, markdownText as text } from '../escape.js';
import { fillTemplate } from '../template.js';
import { asCommon, threatGroups } from '../groups.js';

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
    // Per rank and rule: what the rows share stated once under the group's heading, then each risk's own.
    for (const g of threatGroups(list.rows)) {
      const f = g.first;
      out.push(`### ${f.rank} ${text(f.cells.title)} — ${(g.rows.length === 1 ? h.groupOne : fillTemplate(h.group, { count: g.rows.length }))}`, '');
      out.push(`- ${h.threat}: ${fillTemplate(w.threatCia, { threat: text(f.cells.threat), cia: text(f.cells.cia) })}`);
      out.push(`- ${h.countermeasures}:`);
      for (const category of ['human', 'physical', 'technical'] as const) {
        const measures = f.countermeasures[category];
        if (measures.length > 0) out.push(`  - ${h[category]}: ${measures.map(text).join(w.join)}`);
      }
      if (f.references.length > 0) out.push(`- ${h.references}: ${f.references.map(text).join(w.join)}`);
      if (g.common.impact || g.common.likelihood || g.common.who) {
        out.push(`- ${h.commonReasons}:`);
        for (const [kind, label] of [['impact', h.impact], ['likelihood', h.likelihood], ['who', h.who]] as const) {
          const lines = g.common[kind];
          if (!lines) continue;
          out.push(`  - ${label}:`);
          for (const line of lines) out.push(`    - ${text(line)}`);
        }
      }
      out.push('');
      for (const r of g.rows) {
        const c = r.cells;
        const own = (kind: 'impact' | 'likelihood' | 'who', indent: string): void => {
          if (asCommon(g, r, kind)) out.push(`${indent}- ${text(h.asCommon)}`);
          else for (const line of r.reasons[kind]) out.push(`${indent}- ${text(line)}`);
        };
        out.push(`#### ${c.rank} ${code(r.id)}`, '');
        out.push(`- ${h.phase}: ${text(c.phase)} / ${h.form}: ${text(c.form)} / ${h.segment}: ${text(c.segment)}`);
        out.push(`- ${h.flows}: ${[...r.flowsShown.map(code), ...(c.flowsMore ? [text(c.flowsMore)] : [])].join(', ')}`);
        out.push(`- ${h.reasons}:`);
        out.push(`  - ${h.impact} ${c.impact}`);
        own('impact', '    ');
        out.push(`  - ${h.likelihood} ${c.likelihood}`);
        own('likelihood', '    ');
        out.push(`  - ${h.level} ${c.level} → ${h.rank} ${c.rank}: ${text(c.need)}`);
        out.push(`- ${h.who}: ${text(c.who)}`);
        own('who', '  ');
        out.push('');
      }
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
