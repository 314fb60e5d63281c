// The configuration diagram for a pull request or a README: a heading, the subtitle and the model's hash, a
// ```mermaid block GitHub draws, and a legend line in Mermaid's colours. Reads the diagram view only.
import type { DiagramGraph } from '../../models/diagram.js';
import { markdownCode, markdownLine } from '../escape.js';
import { GITHUB_MAX_EDGES, GITHUB_MAX_TEXT, renderMermaid, renderMermaidBySite, siteTitle, type MermaidOptions, type MermaidResult } from '../mermaid/diagram.js';

/**
 * The diagram for a pull request or a README: a heading, the subtitle and the model's hash, a ```mermaid
 * block, and a legend line. When the whole diagram is over GitHub's limits, one block per site instead.
 */
export function renderMermaidMarkdown(graph: DiagramGraph, options: MermaidOptions = {}): MermaidResult {
  const wd = graph.words.mermaid;
  const whole = renderMermaid(graph, options);
  const hash = graph.hash.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  const out: string[] = [
    `## ${markdownLine(graph.title) || '-'}`,
    '',
    `${markdownLine(graph.subtitle)} · ${markdownLine(graph.words.hash)}: ${markdownCode(hash)}`,
    '',
  ];
  const over = whole.edges > GITHUB_MAX_EDGES || whole.text.length > GITHUB_MAX_TEXT;
  const warnings = [...whole.warnings];
  if (!over) {
    out.push('```mermaid', whole.text.replace(/\n$/, ''), '```', '');
  } else {
    out.push(`> ${markdownLine(wd.split)}`, '');
    const sites = new Map(graph.sites.map((s) => [s.id, s]));
    for (const part of renderMermaidBySite(graph, options)) {
      const site = sites.get(part.site);
      out.push(`### ${markdownLine(site ? siteTitle(site) : part.site)}`, '', '```mermaid', part.text.replace(/\n$/, ''), '```', '');
      warnings.push(...part.warnings);
    }
  }
  const legend = mermaidLegend(graph);
  if (legend !== null) out.push(legend);
  else out.pop();
  return { text: `${out.join('\n')}\n`, edges: whole.edges, warnings };
}

/** The line under a Mermaid diagram that says what its colours mean ("凡例: 赤の太線 = インターネット · ..."), or null. */
export function mermaidLegend(graph: DiagramGraph): string | null {
  const wd = graph.words.mermaid;
  const legend = graph.legend.map((e) => `${markdownLine(wd.stroke[e.key] ?? '')} = ${markdownLine(e.label)}`);
  return legend.length > 0 ? `${markdownLine(graph.words.legend)}: ${legend.join(' · ')}` : null;
}
