// koseizu check as SARIF 2.1.0 for code scanning (GitHub keeps an alert across pushes by its partial
// fingerprint, the risk id). Reads the check view only: every word is in it already.
import type { CheckView, CheckedRisk } from '../../models/check.js';
import type { Renderer } from '../../models/render.js';
import type { SourceRange } from '../../models/source.js';
import { jsonDocument } from '../escape.js';

/** GitHub's security-severity (0-10) per rank, so code scanning sorts alerts as the rank criteria do. */
const SEVERITY: Readonly<Record<string, string>> = { S: '9.5', A: '8.0', B: '5.5', C: '3.0', D: '1.0' };

function location(range: SourceRange): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri: range.file },
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
  const driverRules: Record<string, unknown>[] = view.rules.map((r) => ({
    id: r.id,
    name: r.id.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(''),
    shortDescription: { text: r.title },
    fullDescription: { text: r.risk },
    help: { text: r.help },
    properties: { tags: ['security', 'koseizu', r.threat].filter((t) => t !== '') },
  }));
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
  const riskResult = ({ risk, primary, related, fails, title, message }: CheckedRisk): Record<string, unknown> => ({
    ruleId: risk.rule,
    ruleIndex: ruleIndex.get(risk.rule),
    level: fails ? 'error' : 'warning',
    message: { text: `[${risk.rank}] ${title}: ${message} (${risk.id})` },
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
  // security-severity belongs on the rule for GitHub: copy the highest rank's severity of each rule's results.
  const worst = new Map<string, string>();
  for (const u of view.unanswered) {
    const s = SEVERITY[u.risk.rank] ?? '0';
    if (Number(s) > Number(worst.get(u.risk.rule) ?? '0')) worst.set(u.risk.rule, s);
  }
  for (const r of driverRules) {
    const s = worst.get(r['id'] as string);
    if (s) r['properties'] = { ...(r['properties'] as object), 'security-severity': s };
  }
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
