// The rule catalogue (`koseizu rules`, docs/catalogue.md) as Markdown: the whole catalogue, or one rule. Reads the view only.
import type { RuleCatalogue, RuleEntry } from '../../models/catalogue.js';
import type { Renderer } from '../../models/render.js';
import { markdownCell as cell, markdownCode as code, markdownCodeCell as codeCell, markdownText as text } from '../escape.js';

export const rulesMarkdown: Renderer<RuleCatalogue> = (catalogue) => {
  const h = catalogue.headings;
  const out = [`# ${h.title}`, '', `| ${h.id} | ${h.threat} | ${h.rule} | ${h.cia} | ${h.segments} | ${h.phases} | ${h.forms} |`, '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of catalogue.rules) {
    out.push(`| ${codeCell(r.id)} | ${cell(r.words.threat)} | ${cell(r.words.title)} | ${cell(r.words.cia)} | ${cell(r.words.segments)} | ${cell(r.words.phases)} | ${cell(r.words.forms)} |`);
  }
  out.push('', `## ${h.byThreat}`, '');
  for (const t of catalogue.threats) out.push(`- ${text(t.name)}: ${t.rules.length > 0 ? t.rules.map(code).join(', ') : h.none}`);
  return `${out.join('\n')}\n`;
};

/** One rule of the catalogue, explained. */
export const ruleMarkdown: Renderer<RuleEntry, { readonly catalogue: RuleCatalogue }> = (r, { catalogue }) => {
  const h = catalogue.headings;
  const out = [
    `# ${code(r.id)}: ${text(r.words.title)}`, '',
    `- ${h.threat}: ${text(r.words.threat)}`,
    `- ${h.risk}: ${text(r.words.risk)}`,
    `- ${h.cia}: ${text(r.words.cia)}`,
    `- ${h.segments}: ${text(r.words.segments)}`,
    `- ${h.phases}: ${text(r.words.phases)}`,
    `- ${h.forms}: ${text(r.words.forms)}`,
    `- ${h.origin}: ${text(r.origin)}`,
    '', `## ${h.countermeasures}`, '',
  ];
  for (const category of ['human', 'physical', 'technical'] as const) {
    out.push(`### ${h[category]}`, '');
    for (const m of r.countermeasures[category]) out.push(`- ${text(m)}`);
    if (r.countermeasures[category].length === 0) out.push(`- ${h.none}`);
    out.push('');
  }
  out.push(`## ${h.references}`, '');
  for (const ref of r.references) out.push(`- ${text(ref)}`);
  return `${out.join('\n').trimEnd()}\n`;
};
