// The risk assessment result list (リスクアセスメント結果一覧, 5.2.1): scored risks in the output language,
// filtered and ordered for reading (rank S first, then id). Pure: risks in, models/threats.ts view out.
import type { Model } from '../../models/model.js';
import type { Risk, RiskMatrix, Score } from '../../models/risk.js';
import type { ThreatList, ThreatRow } from '../../models/threats.js';
import {
  CIA, DATA_CLASSES, FORMS, IMPACT_GRADES, LIKELIHOOD_GRADES, MEASURE_CATEGORIES, OPERATORS, PHASES, RANKS, SEGMENT_KINDS, THREATS,
  type CiaProperty, type Lang, type MeasureCategory, type Phase, type Rank, type SegmentKind, type Term,
} from '../../models/vocabulary.js';
import { ranksAtOrAbove } from '../analysis/score.js';
import { MAX_LISTED_ITEMS } from '../words/messages.js';
import type { Wording } from '../words/wording.js';

export interface ThreatFilter {
  readonly phase?: Phase | undefined;
  readonly segment?: SegmentKind | undefined;
  readonly minRank?: Rank | undefined;
}

interface ListWords {
  readonly headings: ThreatList['headings'];
  readonly title: (system: string) => string;
  /** How short words are listed (phases, forms, CIA): "運用・契約終了" / "operation, termination". */
  readonly list: string;
  /** A property at stake as the list prints it: 機密性 in Japanese, C in English. */
  readonly cia: (c: CiaProperty) => string;
  readonly held: string;
  /** The end of a list cut short: "ほか 3 件" / "and 3 more". */
  readonly more: (n: number) => string;
  readonly filter: { readonly phase: (p: string) => string; readonly segment: (s: string) => string; readonly minRank: (r: string) => string; readonly join: string };
  readonly tally: (shown: number, filters: string, total: number) => string;
  readonly summaryLine: (label: string, counts: string, tally: string) => string;
  readonly matrixTitle: (label: string, own: boolean) => string;
  readonly join: string;
  readonly threatCia: string;
  /** "電子カルテ端末（診察室）は医療機関等が運用する". */
  readonly runs: (element: string, operator: string) => string;
  /** "電子カルテサーバのソフトウェアは対象事業者が提供する". */
  readonly supplies: (element: string, operator: string) => string;
}

const HEADINGS_JA = {
  id: 'リスクID', phase: 'フェーズ', form: '提供形態', segment: '断面', flows: '情報流', dataClass: '情報流の分類', threat: '関連する脅威',
  risk: '想定されるリスク', cia: 'CIA', impact: '影響度', likelihood: '顕在化率', level: 'リスクレベル', rank: 'ランク', need: '対応要否',
  countermeasures: '求められる対策', references: 'ガイドライン参照', reasons: '評価の根拠', summary: '集計', matrix: 'リスクマトリクス',
  human: MEASURE_CATEGORIES.human.ja, physical: MEASURE_CATEGORIES.physical.ja, technical: MEASURE_CATEGORIES.technical.ja, details: 'リスクごとの詳細',
  none: 'リスクはありません', detailsSummary: '評価の根拠・求められる対策', who: '対応主体',
  group: '{count} 件', groupOne: '1 件', commonReasons: 'これらのリスクに共通の評価の根拠', common: 'これらのリスクに共通: 評価の根拠・求められる対策', asCommon: '共通の根拠のとおり（グループの見出しを参照）',
} as const;

const HEADINGS_EN = {
  id: 'Risk id', phase: 'Phase', form: 'Form', segment: 'Segment', flows: 'Flows', dataClass: 'Flow class', threat: 'Related threat',
  risk: 'Assumed risk', cia: 'CIA', impact: 'Impact', likelihood: 'Likelihood', level: 'Level', rank: 'Rank', need: 'Response',
  countermeasures: 'Countermeasures asked for', references: 'Guideline references', reasons: 'Why these grades', summary: 'Summary', matrix: 'Risk matrix',
  human: MEASURE_CATEGORIES.human.en, physical: MEASURE_CATEGORIES.physical.en, technical: MEASURE_CATEGORIES.technical.en, details: 'Details per risk',
  none: 'No risks', detailsSummary: 'Why these grades; countermeasures asked for', who: 'Who acts',
  group: '{count} risks', groupOne: '1 risk', commonReasons: 'Why these grades, common to these risks', common: 'Common to these risks: why these grades; countermeasures asked for', asCommon: 'as stated for the group (see its heading)',
} as const;

/** The list's words, one table per language. */
const WORDS = {
  ja: {
    headings: HEADINGS_JA,
    title: (system) => `リスクアセスメント結果一覧 — ${system}`,
    list: '・',
    cia: (c) => CIA[c].ja,
    held: '（上限・下限のため据え置き）',
    more: (n) => `ほか ${n} 件`,
    filter: { phase: (p) => `フェーズ: ${p}`, segment: (x) => `断面: ${x}`, minRank: (r) => `ランク ${r} 以上`, join: '、' },
    tally: (shown, filters, total) => `（${shown} 件${filters ? `、${filters}、全 ${total} 件中` : ''}）`,
    summaryLine: (label, counts, tally) => `${label}: ${counts}${tally}`,
    matrixTitle: (label, own) => `${label}${own ? '（モデルで定義）' : '（ガイドラインのサンプル）'}`,
    join: '／',
    threatCia: '{threat}（{cia}）',
    runs: (element, operator) => `${element}は${operator}が運用する`,
    supplies: (element, operator) => `${element}のシステム・ソフトウェアは${operator}が提供する`,
  },
  en: {
    headings: HEADINGS_EN,
    title: (system) => `Risk assessment results — ${system}`,
    list: ', ',
    cia: (c) => c,
    held: ' (held at the limit)',
    more: (n) => `and ${n} more`,
    filter: { phase: (p) => `phase: ${p}`, segment: (x) => `segment: ${x}`, minRank: (r) => `rank ${r} and above`, join: ', ' },
    tally: (shown, filters, total) => `(${shown} risks${filters ? `; ${filters}, of ${total}` : ''})`,
    summaryLine: (label, counts, tally) => `${label}: ${counts} ${tally}`,
    matrixTitle: (label, own) => `${label}${own ? ' (defined by the model)' : ' (the guideline\'s sample)'}`,
    join: '; ',
    threatCia: '{threat} ({cia})',
    runs: (element, operator) => `${element} is run by ${operator}`,
    supplies: (element, operator) => `the system or software on ${element} is supplied by ${operator}`,
  },
} as const satisfies Readonly<Record<Lang, ListWords>>;

const word = (term: Term, lang: Lang): string => term[lang];
/** An English message starts with a capital, as a sentence in a table cell should. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const list = (terms: readonly Term[], lang: Lang): string => terms.map((t) => t[lang]).join(WORDS[lang].list);

/** "4 大きい: 医療情報（…）" for the start, "+1 → 5: インターネットから到達可能" for each step. */
function reasonLines(score: Score, rule: string, words: Wording, grades: readonly Term[]): string[] {
  const { lang } = words;
  return score.reasons.map((r, i) => {
    const grade = `${r.value} ${(grades[r.value - 1] as Term)[lang]}`;
    const text = words.reason(rule, r);
    if (r.delta === null) return `${grade}: ${text}`;
    // A step that the 1..5 bounds swallowed is still a reason, but it moved nothing: say so.
    const held = score.reasons[i - 1]?.value === r.value ? WORDS[lang].held : '';
    return `${r.delta > 0 ? '+' : ''}${r.delta} → ${grade}${held}: ${text}`;
  });
}

/** An organisation in words: a word of the vocabulary, or a party's label. */
function organisation(id: string, words: Wording): string {
  return Object.hasOwn(OPERATORS, id) ? OPERATORS[id as keyof typeof OPERATORS][words.lang] : words.names.label(id);
}

/** An element in words: a device with its location, anything else by its label. */
function element(id: string, words: Wording): string {
  return words.names.locationOf(id) !== undefined ? words.say({ ja: '{d}', en: '{d}' }, { d: { at: id } }) : words.names.label(id);
}

/**
 * One copy of each repeated text: a list of thousands of risks says the same reason ("4 大きい: 医療情報（…）")
 * or the same operator line again and again; each row then holds the one string instead of its own copy.
 */
export type Intern = (text: string) => string;

export function interner(): Intern {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

const asIs: Intern = (text) => text;

export function threatRow(risk: Risk, matrix: RiskMatrix, words: Wording, intern: Intern = asIs): ThreatRow {
  const { lang } = words;
  const w: ListWords = WORDS[lang];
  const rule = words.rule(risk.rule);
  const measures = (c: MeasureCategory): string[] => rule.countermeasures[c].map((t) => t[lang]);
  const countermeasures = { human: measures('human'), physical: measures('physical'), technical: measures('technical') };
  // A risk about one element reached by every flow would list them all: the first few, and a count.
  const cut = risk.flows.length > MAX_LISTED_ITEMS;
  const flowsShown = cut ? risk.flows.slice(0, MAX_LISTED_ITEMS - 1) : risk.flows;
  const flowsMore = cut ? w.more(risk.flows.length - flowsShown.length) : '';
  return {
    id: risk.id, rule: risk.rule, threat: risk.threat, rank: risk.rank, level: risk.level, need: risk.need, phases: risk.phases,
    forms: risk.forms, segment: risk.segment, segments: risk.segments, flows: risk.flows, elements: risk.elements,
    dataClass: risk.dataClass, cia: risk.cia, impact: risk.impact.value, likelihood: risk.likelihood.value,
    who: risk.responsibility.who, parties: risk.responsibility.parties,
    flowsShown,
    cells: {
      flowsMore,
      who: intern(risk.responsibility.parties.map((p) => organisation(p, words)).join(w.list)),
      phase: intern(list(risk.phases.map((p) => PHASES[p]), lang)),
      form: intern(list(risk.forms.map((f) => FORMS[f]), lang)),
      segment: word(SEGMENT_KINDS[risk.segment], lang),
      flows: [...flowsShown, ...(flowsMore ? [flowsMore] : [])].join(', '),
      dataClass: word(DATA_CLASSES[risk.dataClass], lang),
      threat: word(THREATS[risk.threat], lang),
      title: word(rule.title, lang),
      risk: sentence(words.message(risk.rule, risk.messageId, risk.data)),
      cia: risk.cia.map(w.cia).join(w.list),
      impact: `${risk.impact.value} ${word(IMPACT_GRADES[risk.impact.value - 1] as Term, lang)}`,
      likelihood: `${risk.likelihood.value} ${word(LIKELIHOOD_GRADES[risk.likelihood.value - 1] as Term, lang)}`,
      level: String(risk.level),
      rank: risk.rank,
      need: word(matrix.ranks[risk.rank].criteria, lang),
    },
    reasons: {
      impact: reasonLines(risk.impact, risk.rule, words, IMPACT_GRADES).map(intern),
      likelihood: reasonLines(risk.likelihood, risk.rule, words, LIKELIHOOD_GRADES).map(intern),
      who: risk.responsibility.basis.map((b) => intern((b.role === 'supplies' ? w.supplies : w.runs)(element(b.element, words), organisation(b.operator, words)))),
    },
    countermeasures,
    references: rule.references.map((r) => r[lang]),
  };
}

const RANK_ORDER = (r: Rank): number => RANKS.indexOf(r);

/** Risks at or above the filter's rank, in its phase and segment kind. */
export function filterRisks(risks: readonly Risk[], filter: ThreatFilter): Risk[] {
  const ranks = filter.minRank ? new Set(ranksAtOrAbove(filter.minRank)) : null;
  return risks.filter((r) => (!filter.phase || r.phases.includes(filter.phase))
    && (!filter.segment || r.segment === filter.segment)
    && (!ranks || ranks.has(r.rank)));
}

function filterWords(filter: ThreatFilter, lang: Lang): string {
  const f = WORDS[lang].filter;
  const parts: string[] = [];
  if (filter.phase) parts.push(f.phase(PHASES[filter.phase][lang]));
  if (filter.segment) parts.push(f.segment(SEGMENT_KINDS[filter.segment][lang]));
  if (filter.minRank) parts.push(f.minRank(filter.minRank));
  return parts.join(f.join);
}

export function threatList(model: Model, risks: readonly Risk[], matrix: RiskMatrix, words: Wording, filter: ThreatFilter = {}): ThreatList {
  const { lang } = words;
  const intern = interner();
  const rows = filterRisks(risks, filter)
    .sort((a, b) => RANK_ORDER(a.rank) - RANK_ORDER(b.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => threatRow(r, matrix, words, intern));
  const counts = Object.fromEntries(RANKS.map((k) => [k, rows.filter((r) => r.rank === k).length])) as Record<Rank, number>;
  const w: ListWords = WORDS[lang];
  const filters = filterWords(filter, lang);
  const tally = w.tally(rows.length, filters, risks.length);
  return {
    lang,
    title: w.title(model.system.title),
    system: model.system.id,
    rows,
    counts,
    total: risks.length,
    filters,
    matrix: {
      levels: matrix.levels,
      criteria: Object.fromEntries(RANKS.map((k) => [k, matrix.ranks[k].criteria[lang]])) as Record<Rank, string>,
      own: matrix.source !== null,
    },
    headings: w.headings,
    words: {
      tally,
      summaryLine: w.summaryLine(w.headings.summary, RANKS.map((r) => `${r} ${counts[r]}`).join(' / '), tally),
      matrixTitle: w.matrixTitle(w.headings.matrix, matrix.source !== null),
      join: w.join,
      threatCia: w.threatCia,
    },
  };
}
