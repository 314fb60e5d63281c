// koseizu diff in words: the one place the data of a diff (src/diff/diff.ts) becomes sentences. Risks are
// worded with the rules of the version they come from (a removed risk's message is the old version's).
// Pure: the diff and each version's wording in, the views of models/diff.ts out.
import type { DiffView, DiffWords, ElementChange, ModelDiff, ModelDiffTerms, RiskChange, RiskChangeTerms, RiskSide, RiskSideTerms, Why } from '../../models/diff.js';
import type { ElementKind } from '../../models/model.js';
import { PHASES, RANKS, type Lang, type Phase, type Rank, type Term } from '../../models/vocabulary.js';
import type { Wording } from '../words/wording.js';

type StateKey = RiskChange['state'] | ElementChange['state'] | 'orphaned';

interface Words {
  readonly states: Readonly<Record<StateKey, string>>;
  readonly kinds: Readonly<Record<ElementKind, string>>;
  readonly score: Readonly<Record<'impact' | 'likelihood', string>>;
  readonly phase: (old: string, next: string) => string;
  readonly phaseJoin: string;
  readonly summary: (s: ModelDiff['summary']) => string;
  readonly elementLine: (s: ModelDiff['summary']) => string;
  readonly residual: string;
  readonly view: DiffWords;
}

const byRank = (s: ModelDiff['summary'], say: (r: Rank, n: number) => string): string[] =>
  RANKS.filter((r) => s.risksAddedByRank[r] > 0).map((r) => say(r, s.risksAddedByRank[r]));

const WORDS = {
  ja: {
    states: {
      added: '追加', removed: '削除', reranked: 'ランク変動', rescored: '評価変動', phase: 'フェーズ変更', answered: '対応あり', unanswered: '対応なし',
      residual: '残存リスク変動', changed: '変更', renamed: '名称変更', orphaned: '孤立',
    },
    kinds: { party: '関係者', site: '拠点', location: '設置場所', actor: '利用者', data: '情報', device: '機器', network: 'ネットワーク', link: '接続', media: '記憶媒体', flow: '情報流' },
    score: { impact: '影響度', likelihood: '顕在化率' },
    phase: (old, next) => `フェーズ: ${old} → ${next}`,
    phaseJoin: '・',
    summary: (s) => {
      const ranks = byRank(s, (r, n) => `${r} ${n}`);
      return `リスク +${s.risksAdded}${ranks.length > 0 ? `（${ranks.join('、')}）` : ''}、−${s.risksRemoved}、ランク変動 ${s.reranked}、孤立した対応 ${s.responsesOrphaned}`;
    },
    elementLine: (s) => `要素: 追加 ${s.elementsAdded}、削除 ${s.elementsRemoved}、変更 ${s.elementsChanged}、名称変更 ${s.renamed}`,
    residual: '残存',
    view: {
      title: 'koseizu 差分', diagram: '構成図の差分', legend: '緑: 追加、赤（破線）: 削除、黄: 変更', response: '対応', answered: '対応あり', unanswered: '未対応',
      riskDelta: 'リスクの増減', elementChanges: '要素の変更', responseChanges: '対応の変更',
      columns: {
        change: '変化', rank: 'ランク', riskId: 'リスクID', risk: 'リスク', response: '対応', why: '理由（評価を動かした事実）',
        kind: '種類', label: '名称', properties: '変更されたプロパティ', pattern: 'リスクID（パターン）', writtenAt: '記載箇所', changed: '変更',
      },
      statePad: 6,
      cuts: { elements: '要素の変更 {n} 行', diagram: '構成図の差分', responses: '対応の変更 {n} 行', risks: 'リスクの増減 {n} 行', join: '、' },
      cutNotice: 'GitHub のコメントの上限（65,536 文字）に収めるため省略しました: {cuts}. 全体は --format json で出力できます。',
    },
  },
  en: {
    states: {
      added: 'added', removed: 'removed', reranked: 're-ranked', rescored: 're-scored', phase: 'phase changed', answered: 'now answered', unanswered: 'no longer answered',
      residual: 'residual changed', changed: 'changed', renamed: 'renamed', orphaned: 'orphaned',
    },
    kinds: { party: 'party', site: 'site', location: 'location', actor: 'actor', data: 'data', device: 'device', network: 'network', link: 'link', media: 'media', flow: 'flow' },
    score: { impact: 'impact', likelihood: 'likelihood' },
    phase: (old, next) => `phase: ${old} → ${next}`,
    phaseJoin: ', ',
    summary: (s) => {
      const ranks = byRank(s, (r, n) => `${n} ${r}`);
      return `+${s.risksAdded} risk${s.risksAdded === 1 ? '' : 's'}${ranks.length > 0 ? ` (${ranks.join(', ')})` : ''}, -${s.risksRemoved}, ${s.reranked} re-ranked, ${s.responsesOrphaned} response${s.responsesOrphaned === 1 ? '' : 's'} orphaned`;
    },
    elementLine: (s) => `elements: ${s.elementsAdded} added, ${s.elementsRemoved} removed, ${s.elementsChanged} changed, ${s.renamed} renamed`,
    residual: 'residual',
    view: {
      title: 'koseizu diff', diagram: 'Diagram of the change', legend: 'green: added, red (dashed): removed, amber: changed', response: 'response', answered: 'answered', unanswered: 'unanswered',
      riskDelta: 'Risk delta', elementChanges: 'Element changes', responseChanges: 'Response changes',
      columns: {
        change: 'change', rank: 'rank', riskId: 'risk id', risk: 'risk', response: 'response', why: 'why (facts that moved the score)',
        kind: 'kind', label: 'label', properties: 'properties changed', pattern: 'risk id (pattern)', writtenAt: 'written at', changed: 'changed',
      },
      statePad: 18,
      cuts: { elements: '{n} element rows', diagram: 'the diagram', responses: '{n} response rows', risks: '{n} risk rows', join: '; ' },
      cutNotice: 'Cut to fit GitHub\'s 65,536-character comment limit: {cuts}. The whole diff is in --format json.',
    },
  },
} as const satisfies Readonly<Record<Lang, Words>>;

/** Each version's wording, by the side a risk's words come from. */
export interface DiffWording {
  readonly old: Wording;
  readonly new: Wording;
}

function whyWords(why: Why, rule: string, words: DiffWording): string {
  const w: Words = WORDS[words.new.lang];
  const lang = words.new.lang;
  if (why.kind === 'phase') {
    const list = (ps: readonly Phase[]): string => ps.map((p) => PHASES[p][lang]).join(w.phaseJoin);
    return w.phase(list(why.old), list(why.new));
  }
  // What appeared is said as the new version says it, what went as the old one did.
  const side = why.sign === '+' ? words.new : words.old;
  return `${w.score[why.kind]} ${why.sign}: ${side.reason(rule, why.reason)}`;
}

const sideTerms = (s: RiskSide | null, rule: string, ja: Wording, en: Wording): RiskSideTerms | null => {
  if (!s) return null;
  return {
    rank: s.rank, level: s.level, impact: s.impact, likelihood: s.likelihood,
    title: { ja: ja.rule(rule).title.ja, en: en.rule(rule).title.en },
    message: { ja: ja.message(rule, s.messageId, s.data), en: en.message(rule, s.messageId, s.data) },
    phases: s.phases, answered: s.answered, residual: s.residual,
  };
};

/** The diff with its risks in both languages, as JSON tools read it. */
export function diffTerms(diff: ModelDiff, ja: DiffWording, en: DiffWording): ModelDiffTerms {
  const risks = diff.risks.map((r): RiskChangeTerms => ({
    ...r,
    old: sideTerms(r.old, r.rule, ja.old, en.old),
    new: sideTerms(r.new, r.rule, ja.new, en.new),
    why: r.why.map((w): Term => ({ ja: whyWords(w, r.rule, ja), en: whyWords(w, r.rule, en) })),
  }));
  return { ...diff, risks };
}

/** The summary line of a diff: "+3 risks (1 S, 2 A), -2, 4 re-ranked, 1 response orphaned". */
export function diffSummaryLine(diff: ModelDiff, lang: Lang): string {
  return (WORDS[lang] as Words).summary(diff.summary);
}

/** The risk changes that matter most first: added and re-ranked by new rank, then removed, then the rest. */
function ordered(risks: readonly RiskChange[]): RiskChange[] {
  const weight = (r: RiskChange): number => (r.state === 'added' ? 0 : r.state === 'reranked' ? 1 : r.state === 'removed' ? 2 : 3);
  const rank = (r: RiskChange): number => RANKS.indexOf((r.new ?? r.old)?.rank ?? 'D');
  return [...risks].sort((a, b) => weight(a) - weight(b) || rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
}

/** The diff in one language, for the terminal listing and the pull-request comment. */
export function diffView(diff: ModelDiff, words: DiffWording): DiffView {
  const lang = words.new.lang;
  const w: Words = WORDS[lang];
  return {
    lang,
    old: diff.old,
    new: diff.new,
    summary: w.summary(diff.summary),
    elementLine: w.elementLine(diff.summary),
    risks: ordered(diff.risks).map((r) => {
      const side = r.new ? words.new : words.old;
      return {
        id: r.id,
        state: r.state,
        stateWord: w.states[r.state],
        rankMove: r.state === 'residual'
          ? `${r.new?.rank ?? ''} (${w.residual} ${r.old?.residual ?? '—'} → ${r.new?.residual ?? '—'})`
          : `${r.old?.rank ?? '—'} → ${r.new?.rank ?? '—'}`,
        title: side.rule(r.rule).title[lang],
        answered: r.new ? r.new.answered : null,
        why: r.why.map((x) => whyWords(x, r.rule, words)),
      };
    }),
    elements: diff.elements.map((e) => ({ ...e, stateWord: w.states[e.state], kindWord: w.kinds[e.kind] })),
    responses: diff.responses.map((r) => ({ ...r, stateWord: w.states[r.state] })),
    words: w.view,
  };
}
