// koseizu check as SARIF 2.1.0 for code scanning (GitHub keeps an alert across pushes by its partial
// fingerprint, the risk id). Reads the check view only: every word is in it already.
import type { CheckView, CheckedRisk } from '../../models/check.js';
import type { Renderer } from '../../models/render.js';
import type { SourceRange } from '../../models/source.js';
import { RANKS } from '../../models/vocabulary.js';
import { jsonDocument } from '../escape.js';

/** Message text with its brackets and backslashes escaped, so only koseizu's own links are links (SARIF 3.11.6). */
const markdownLinkText = (text: string): string => text.replace(/[\\[\]]/g, (c) => `\\${c}`);

/** GitHub's security-severity (0-10) per rank, so code scanning sorts alerts as the rank criteria do. */
const SEVERITY: Readonly<Record<string, string>> = { S: '9.5', A: '8.0', B: '5.5', C: '3.0', D: '1.0' };

/**
 * A place in the model. The file is named from the repository root (the CLI names it so, whatever the
 * working folder), which code scanning resolves against the checkout: %SRCROOT%.
 */
function location(range: SourceRange): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: range.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: range.start.line, startColumn: range.start.col, endLine: range.end.line, endColumn: range.end.col },
    },
  };
}

const ORPHANED_RULE = 'koseizu.orphaned-response';

/**
 * SARIF 2.1.0: one result per unanswered risk that needs a response (error when it fails the check,
 * warning otherwise) located at the model lines of the element it is about, with the other elements as
 * related locations, and one per orphaned response (an error with --strict).
 */
export const checkSarif: Renderer<CheckView, { readonly version: string }> = (view, options) => {
  const { version } = options;
  // Code scanning takes an alert's severity from its rule, not from the result: one rule per rank of
  // each rule ("input-spoofing/A"), so that every alert shows its own rank's severity.
  const ranksOf = new Map<string, Set<string>>();
  for (const u of view.unanswered) ranksOf.set(u.risk.rule, (ranksOf.get(u.risk.rule) ?? new Set<string>()).add(u.risk.rank));
  const driverRules: Record<string, unknown>[] = view.rules.flatMap((r) => RANKS.filter((rank) => ranksOf.get(r.id)?.has(rank)).map((rank) => ({
    id: `${r.id}/${rank}`,
    name: `${r.id.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')}Rank${rank}`,
    shortDescription: { text: `[${rank}] ${r.title}` },
    fullDescription: { text: r.risk },
    help: { text: r.help },
    properties: { tags: ['security', 'koseizu', r.threat].filter((t) => t !== ''), 'security-severity': SEVERITY[rank] },
  })));
  if (view.orphaned.length > 0) {
    driverRules.push({
      id: ORPHANED_RULE,
      name: 'OrphanedResponse',
      shortDescription: { text: view.orphanedRule.title },
      fullDescription: { text: view.orphanedRule.description },
      help: { text: view.orphanedRule.help },
      properties: { tags: ['koseizu'] },
    });
  }
  const ruleIndex = new Map(driverRules.map((r, i) => [r['id'] as string, i]));
  // Related locations show on GitHub where the message links them: "[text](id)".
  const linked = (related: CheckedRisk['related']): string => (related.length === 0 ? '' : ` ${related.map((r, i) => `[${markdownLinkText(r.id)}](${i + 1})`).join(', ')}`);
  const riskResult = ({ risk, primary, related, fails, title, message }: CheckedRisk): Record<string, unknown> => ({
    ruleId: `${risk.rule}/${risk.rank}`,
    ruleIndex: ruleIndex.get(`${risk.rule}/${risk.rank}`),
    level: fails ? 'error' : 'warning',
    message: { text: `${markdownLinkText(`[${risk.rank}] ${title}: ${message} (${risk.id})`)}${linked(related)}` },
    locations: [location(primary)],
    ...(related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...location(r.range), message: { text: r.id } })) } : {}),
    partialFingerprints: { 'koseizuRiskId/v1': risk.id },
    properties: { rank: risk.rank, level: risk.level, impact: risk.impact.value, likelihood: risk.likelihood.value, 'security-severity': SEVERITY[risk.rank] },
  });
  const results = [
    ...view.unanswered.map(riskResult),
    ...view.orphaned.map((o) => ({
      ruleId: ORPHANED_RULE,
      ruleIndex: ruleIndex.get(ORPHANED_RULE),
      level: view.strict ? 'error' : 'warning',
      message: { text: o.message },
      locations: [location(o.source)],
      partialFingerprints: { 'koseizuResponse/v1': o.pattern },
    })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'koseizu', version, semanticVersion: version, rules: driverRules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return jsonDocument(log);
};
