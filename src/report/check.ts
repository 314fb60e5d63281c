// The CI gate in words (koseizu check): each unanswered risk with its title and message, the orphaned
// responses, the summary line, and the rule metadata SARIF carries. Pure: the gate's result in, the
// CheckView of models/check.ts out, in one language.
import type { CheckResult, CheckView, CheckedRisk, CheckedRule, LocatedRisk } from '../../models/check.js';
import { MEASURE_CATEGORIES, THREATS, type Lang } from '../../models/vocabulary.js';
import type { Wording } from '../words/wording.js';

const WORDS = {
  ja: {
    error: 'エラー',
    warning: '警告',
    orphanedLine: (severity: string, pattern: string) => `${severity} 対応 "${pattern}" に当てはまるリスクがありません（孤立）`,
    orphanedMessage: (pattern: string) => `対応 "${pattern}" に当てはまるリスクがありません`,
    threshold: (rank: string | null) => (rank ? `ランク ${rank} 以上` : '対応が必要なランク'),
    summary: (failing: number, threshold: string, orphaned: number) => `未対応のリスク（${threshold}）${failing} 件、孤立した対応 ${orphaned} 件`,
    measures: '／',
    orphanedRule: {
      title: '当てはまるリスクのない対応',
      description: 'responses: の対応のリスクIDに当てはまるリスクがありません。リスクIDが変わったか、リスクがなくなりました。',
      help: 'npx koseizu threats で現在のリスクIDを確認し、risk を直すか対応を削除してください。',
    },
  },
  en: {
    error: 'error',
    warning: 'warning',
    orphanedLine: (severity: string, pattern: string) => `${severity} the response for "${pattern}" answers no risk (orphaned)`,
    orphanedMessage: (pattern: string) => `the response for "${pattern}" answers no risk`,
    threshold: (rank: string | null) => (rank ? `rank ${rank} and above` : 'ranks that need a response'),
    summary: (failing: number, threshold: string, orphaned: number) =>
      `${failing} unanswered risk${failing === 1 ? '' : 's'} (${threshold}), ${orphaned} orphaned response${orphaned === 1 ? '' : 's'}`,
    measures: '; ',
    orphanedRule: {
      title: 'A response that answers no risk',
      description: 'A response in responses: matches no risk id: the risk was renamed or is gone.',
      help: 'List the current risk ids with npx koseizu threats, then fix risk or remove the response.',
    },
  },
} as const satisfies Readonly<Record<Lang, unknown>>;

export function checkView(result: CheckResult, words: Wording): CheckView {
  const w = WORDS[words.lang];
  const { lang } = words;
  const failing = new Set(result.failing.map((f) => f.risk.id));
  const checked = (l: LocatedRisk): CheckedRisk => ({
    ...l,
    fails: failing.has(l.risk.id),
    title: words.rule(l.risk.rule).title[lang],
    message: words.message(l.risk.rule, l.risk.messageId, l.risk.data),
  });
  const rules = [...new Set(result.unanswered.map((u) => u.risk.rule))].sort().map((id): CheckedRule => {
    const rule = words.rule(id);
    return {
      id,
      title: rule.title[lang],
      risk: rule.risk[lang],
      help: (['human', 'physical', 'technical'] as const).map((c) => `${MEASURE_CATEGORIES[c][lang]}: ${rule.countermeasures[c].map((m) => m[lang]).join(w.measures)}`).join('\n'),
      threat: THREATS[rule.threat][lang],
    };
  });
  const severity = result.strict ? w.error : w.warning;
  return {
    lang,
    strict: result.strict,
    failing: result.failing.map(checked),
    unanswered: result.unanswered.map(checked),
    orphaned: result.orphaned.map((o) => ({ pattern: o.risk, source: o.source, line: w.orphanedLine(severity, o.risk), message: w.orphanedMessage(o.risk) })),
    rules,
    summary: checkSummary(result, lang),
    orphanedRule: w.orphanedRule,
  };
}

/** The check's one summary line: "未対応のリスク（ランク A 以上）3 件、孤立した対応 0 件". */
export function checkSummary(result: CheckResult, lang: Lang): string {
  const w = WORDS[lang];
  return w.summary(result.failing.length, w.threshold(result.failOn), result.orphaned.length);
}
