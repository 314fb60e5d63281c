// The risk assessment result list as Markdown (a document, a pull request, a wall), CSV (UTF-8 with a
// byte order mark, for Excel in Japan) and JSON (for tools). Reads the view model only.
import type { ThreatList } from '../../models/threats.js';
import { RANKS } from '../../models/vocabulary.js';
import { csvDocument, mdCell as cell, mdText as text } from '../table-text.js';

export function threatsMarkdown(list: ThreatList): string {
  const h = list.headings;
  const ja = list.lang === 'ja';
  const out: string[] = [`# ${cell(list.title)}`, ''];
  const counts = RANKS.map((r) => `${r} ${list.counts[r]}`).join(' / ');
  out.push(`${h.summary}: ${counts}${ja ? `（${list.rows.length} 件` : ` (${list.rows.length} risks`}${list.filters ? `${ja ? '、' : '; '}${cell(list.filters)}${ja ? `、全 ${list.total} 件中` : `, of ${list.total}`}` : ''}${ja ? '）' : ')'}`, '');
  if (list.rows.length === 0) {
    out.push(`${h.none}`, '');
  } else {
    out.push(
      `| ${h.rank} | ${h.id} | ${h.phase} | ${h.segment} | ${h.dataClass} | ${h.threat} | ${h.risk} | ${h.cia} | ${h.impact} | ${h.likelihood} | ${h.level} | ${h.need} |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of list.rows) {
      const c = r.cells;
      out.push(`| **${c.rank}** | \`${r.id}\` | ${cell(c.phase)} | ${cell(c.segment)} | ${cell(c.dataClass)} | ${cell(c.threat)} | ${cell(c.risk)} | ${cell(c.cia)} | ${cell(c.impact)} | ${cell(c.likelihood)} | ${c.level} | ${cell(c.need)} |`);
    }
    out.push('', `## ${h.details}`, '');
    for (const r of list.rows) {
      const c = r.cells;
      out.push(`### ${c.rank} \`${r.id}\``, '', `**${text(c.title)}**: ${text(c.risk)}`, '');
      out.push(ja ? `- ${h.threat}: ${text(c.threat)}（${text(c.cia)}）` : `- ${h.threat}: ${text(c.threat)} (${text(c.cia)})`);
      out.push(`- ${h.phase}: ${text(c.phase)} / ${h.form}: ${text(c.form)} / ${h.segment}: ${text(c.segment)}`);
      out.push(`- ${h.flows}: ${r.flows.map((f) => `\`${f}\``).join(', ')}`);
      out.push(`- ${h.reasons}:`);
      out.push(`  - ${h.impact} ${c.impact}`);
      for (const line of r.reasons.impact) out.push(`    - ${text(line)}`);
      out.push(`  - ${h.likelihood} ${c.likelihood}`);
      for (const line of r.reasons.likelihood) out.push(`    - ${text(line)}`);
      out.push(`  - ${h.level} ${c.level} → ${h.rank} ${c.rank}: ${text(c.need)}`);
      out.push(`- ${h.countermeasures}:`);
      for (const category of ['human', 'physical', 'technical'] as const) {
        const measures = r.countermeasures[category];
        if (measures.length > 0) out.push(`  - ${h[category]}: ${measures.map(text).join(ja ? '／' : '; ')}`);
      }
      if (r.references.length > 0) out.push(`- ${h.references}: ${r.references.map(text).join(ja ? '／' : '; ')}`);
      out.push('');
    }
  }
  out.push(`## ${h.matrix}${list.matrix.own ? (ja ? '（モデルで定義）' : ' (defined by the model)') : (ja ? '（ガイドラインのサンプル）' : ' (the guideline\'s sample)')}`, '');
  out.push(`| ${h.impact} \\ ${h.likelihood} | 1 | 2 | 3 | 4 | 5 |`, '| --- | --- | --- | --- | --- | --- |');
  for (let i = 5; i >= 1; i--) {
    const levels = list.matrix.levels[i - 1] ?? [];
    out.push(`| ${i} | ${levels.map((l) => `${l} (${RANKS[5 - l]})`).join(' | ')} |`);
  }
  out.push('');
  for (const r of RANKS) out.push(`- ${r}: ${text(list.matrix.criteria[r])}`);
  return `${out.join('\n').trimEnd()}\n`;
}

export function threatsCsv(list: ThreatList): string {
  const h = list.headings;
  const lines: string[][] = [[
    h.id, h.rank, h.level, h.phase, h.form, h.segment, h.flows, h.dataClass, h.threat, h.risk, h.cia, h.impact, h.likelihood, h.need,
    h.human, h.physical, h.technical, h.references, h.reasons,
  ]];
  for (const r of list.rows) {
    const c = r.cells;
    lines.push([
      r.id, c.rank, c.level, c.phase, c.form, c.segment, c.flows, c.dataClass, c.threat, c.risk, c.cia, c.impact, c.likelihood, c.need,
      r.countermeasures.human.join('\n'), r.countermeasures.physical.join('\n'), r.countermeasures.technical.join('\n'),
      r.references.join('\n'),
      [`${h.impact}:`, ...r.reasons.impact, `${h.likelihood}:`, ...r.reasons.likelihood].join('\n'),
    ]);
  }
  return csvDocument(lines);
}

export function threatsJson(list: ThreatList): string {
  const { headings: _headings, ...rest } = list;
  return `${JSON.stringify(rest, null, 2)}\n`;
}
