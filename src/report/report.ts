// The documents for the medical institution (5.2.3, 5.3): the risk response list, what the institution
// is asked to do, the open risks, and the report view bundling them with the diagram, the flow table, the
// risk assessment list and the regulatory checklist. Pure: everything is given (the diagram already drawn).
import type { Model } from '../../models/model.js';
import type { Checklist, OrphanedRow, ReportView, ReportWords, RequestGroup, ResponseRow, SheetNames } from '../../models/report.js';
import type { ResponseAssessment } from '../../models/responses.js';
import type { RiskMatrix } from '../../models/risk.js';
import type { ThreatList, ThreatRow } from '../../models/threats.js';
import {
  DECISIONS, IMPACT_GRADES, LIKELIHOOD_GRADES, MEASURE_CATEGORIES, MEASURE_OWNERS, PHASES, THREATS,
  type Lang, type MeasureCategory, type MeasureOwner, type Term,
} from '../../models/vocabulary.js';
import { organisationKind } from '../analysis/organisations.js';
import { flowTable } from './flows.js';
import { threatRow } from './threats.js';
import type { Wording } from '../words/wording.js';

const WORDS: Readonly<Record<Lang, ReportWords>> = {
  ja: {
    report: 'リスクアセスメント報告書', provider: '対象事業者', source: 'モデル', hash: 'モデルのハッシュ', contents: '目次',
    diagram: '全体構成図', flows: '情報流', threats: 'リスクアセスメント結果一覧', responses: 'リスク対応一覧',
    requests: '医療機関等へ対応を求める事項', checklist: '制度上の要求事項への対応', open: '未対応のリスク',
    orphaned: '当てはまるリスクのない対応（孤立）', riskId: 'リスクID', rank: 'ランク', level: 'リスクレベル', decision: '対応の選択肢',
    measures: '対策', residual: '残存リスク', rationale: '理由', agreedWith: '合意先', date: '決定日', where: '記載箇所',
    category: '観点', owner: '実施主体', risks: '対象リスク', item: '要求事項', requirement: '内容', status: '状況', evidence: '根拠（モデルの記載）',
    reference: '参照', none: 'なし', noOpen: '対応が必要で未対応のリスクはありません', noResponses: '対応はまだ記載されていません',
    noRequests: '医療機関等に求める対策はまだ記載されていません',
    agree: '医療機関等が対応主体に含まれ、合意が必要なリスク', whyWho: '対応主体の根拠',
    agreeNote: '医療機関等が運用する機器・拠点等に関わるため医療機関等が対応主体に含まれるが、医療機関等の対策も合意先もまだ記載されていないリスク（対応不要のランクを除く）。役割分担を合意し、対応一覧に記載する。',
    noAgree: '医療機関等が対応主体に含まれるリスクは、すべて医療機関等の対策か合意先が記載されています', noOrphaned: 'なし', seeList: 'リスクアセスメント結果一覧のとおり', pattern: '対応のリスクID（パターン）', title: 'リスク', threat: '関連する脅威', phase: 'フェーズ',
    diagramTooLarge: 'この構成図は、読める大きさで印刷すると {pages} ページになるため、縮小して1ページに印刷しています。diagram.svg または diagram.png を拡大して見てください。',
    diagramPart: '全体構成図 {n}/{total}：{what}', diagramContinued: '{what}（続き）', diagramAnd: '・',
    diagramOffPage: '他のページへ続く線（続き先のページの、同じ記号の線につながる）',
    diagramLink: '{from} — {to}（{line}）', diagramMedia: '{from} → {to}（{line}）', diagramElsewhere: '{element}（{site}、図 {n}/{total}）',
  },
  en: {
    report: 'Risk assessment report', provider: 'Provider', source: 'Model', hash: 'model hash', contents: 'Contents',
    diagram: 'Configuration diagram', flows: 'Information flows', threats: 'Risk assessment results', responses: 'Risk response list',
    requests: 'What the medical institution is asked to do', checklist: 'Regulatory requirements', open: 'Open risks',
    orphaned: 'Responses that answer no risk (orphaned)', riskId: 'Risk id', rank: 'Rank', level: 'Level', decision: 'Decision',
    measures: 'Measures', residual: 'Residual risk', rationale: 'Rationale', agreedWith: 'Agreed with', date: 'Date', where: 'Written at',
    category: 'Category', owner: 'Owner', risks: 'Risks', item: 'Requirement', requirement: 'What it asks', status: 'Status', evidence: 'Evidence (the model says)',
    reference: 'Reference', none: 'none', noOpen: 'No risk that needs a response is left without one', noResponses: 'No responses written yet',
    noRequests: 'No measures are asked of the institution yet',
    agree: 'Risks the institution answers for, still to agree', whyWho: 'Why they act',
    agreeNote: 'Risks the medical institution answers for, alone or with others, because they concern equipment or sites it runs, for which no measure of the institution\'s and no agreement is written yet (ranks that need no response left out). Agree on the split of roles, and write it in the responses.',
    noAgree: 'Every risk the institution answers for has a measure of the institution\'s or an agreement written', noOrphaned: 'None', seeList: 'as in the risk assessment list', pattern: 'Response written for', title: 'Risk', threat: 'Related threat', phase: 'Phase',
    diagramTooLarge: 'Printed legibly, this diagram would take {pages} pages, so it is printed small on one; zoom into diagram.svg or diagram.png to read it.',
    diagramPart: 'Configuration diagram, part {n} of {total}: {what}', diagramContinued: '{what} (continued)', diagramAnd: ', ',
    diagramOffPage: 'Lines that continue on another page (at the line with the same mark there)',
    diagramLink: '{from} — {to} ({line})', diagramMedia: '{from} → {to} ({line})', diagramElsewhere: '{element} ({site}, part {n} of {total})',
  },
};

/** The workbook's sheets, in order; names are at most 31 characters and free of []:*?/\ (Excel's rules), fixed so tools can find them. */
export const SHEET_NAMES = {
  ja: {
    flows: '情報流', threats: 'リスクアセスメント結果一覧', responses: 'リスク対応一覧', requests: '医療機関等へ対応を求める事項',
    agree: '医療機関等と合意が必要なリスク', checklist: '制度上の要求事項への対応', open: '未対応のリスク', orphaned: '当てはまるリスクのない対応',
  },
  en: {
    flows: 'Information flows', threats: 'Risk assessment results', responses: 'Risk responses', requests: 'Requests to the institution',
    agree: 'Risks to agree on', checklist: 'Regulatory requirements', open: 'Open risks', orphaned: 'Orphaned responses',
  },
} as const satisfies Readonly<Record<Lang, SheetNames>>;

export function reportWords(lang: Lang): ReportWords {
  return WORDS[lang];
}

const word = (t: Term, lang: Lang): string => t[lang];
const position = (source: { file: string; start: { line: number; col: number } }): string => `${source.file}:${source.start.line}:${source.start.col}`;

interface RowWords {
  readonly list: string;
  /** "影響度 4（大きい）× 顕在化率 2（低い）→ レベル 3・ランク B". */
  readonly grades: (impact: number, i: string, likelihood: number, l: string, level: number, rank: string) => string;
  /** "技術的（対象事業者）: 多要素認証を必須化". */
  readonly measure: (category: string, owner: string, text: string) => string;
}

const ROW_WORDS = {
  ja: {
    list: '・',
    grades: (impact, i, likelihood, l, level, rank) => `影響度 ${impact}（${i}）× 顕在化率 ${likelihood}（${l}）→ レベル ${level}・ランク ${rank}`,
    measure: (category, owner, text) => `${category}（${owner}）: ${text}`,
  },
  en: {
    list: ', ',
    grades: (impact, i, likelihood, l, level, rank) => `impact ${impact} (${i}) x likelihood ${likelihood} (${l}) → level ${level}, rank ${rank}`,
    measure: (category, owner, text) => `${category} (${owner}): ${text}`,
  },
} as const satisfies Readonly<Record<Lang, RowWords>>;

function grades(impact: number, likelihood: number, level: number, rank: string, lang: Lang): string {
  return ROW_WORDS[lang].grades(impact, (IMPACT_GRADES[impact - 1] as Term)[lang], likelihood, (LIKELIHOOD_GRADES[likelihood - 1] as Term)[lang], level, rank);
}

/** The risk response list (リスク対応一覧): one row per answered risk, in rank then id order. */
export function responseRows(assessment: ResponseAssessment, words: Wording): ResponseRow[] {
  const { lang } = words;
  return assessment.answered.map(({ risk, response, residual }) => ({
    riskId: risk.id,
    rank: risk.rank,
    level: risk.level,
    decision: response.decision,
    measures: response.measures,
    residual,
    pattern: response.risk,
    cells: {
      title: word(words.rule(risk.rule).title, lang),
      risk: words.message(risk.rule, risk.messageId, risk.data),
      threat: word(THREATS[risk.threat], lang),
      phase: risk.phases.map((p) => PHASES[p][lang]).join(ROW_WORDS[lang].list),
      decision: word(DECISIONS[response.decision], lang),
      measures: response.measures.map((m) => ROW_WORDS[lang].measure(MEASURE_CATEGORIES[m.category][lang], MEASURE_OWNERS[m.owner][lang], m.text)),
      residual: residual ? grades(residual.impact, residual.likelihood, residual.level, residual.rank, lang) : '—',
      rationale: response.rationale ?? '',
      agreedWith: response.agreedWith ?? '',
      date: response.date ?? '',
      source: position(response.source),
    },
  }));
}

export function orphanedRows(assessment: ResponseAssessment, lang: Lang): OrphanedRow[] {
  return assessment.orphaned.map((r) => ({ pattern: r.risk, decision: r.decision, cells: { decision: word(DECISIONS[r.decision], lang), source: position(r.source) } }));
}

/**
 * What the institution is asked to do (医療機関等へ対応を求める事項): every measure owned by the institution
 * (or by both), grouped by category, one entry per distinct text with the risks it answers.
 */
export function institutionRequests(assessment: ResponseAssessment, lang: Lang): RequestGroup[] {
  const categories = Object.keys(MEASURE_CATEGORIES) as MeasureCategory[];
  return categories.flatMap((category) => {
    const byText = new Map<string, { text: string; owner: MeasureOwner; risks: Set<string> }>();
    for (const { risk, response } of assessment.answered) {
      for (const m of response.measures) {
        if (m.category !== category || m.owner === 'provider') continue;
        const key = `${m.owner}\u0000${m.text}`;
        const item = byText.get(key) ?? { text: m.text, owner: m.owner, risks: new Set<string>() };
        item.risks.add(risk.id);
        byText.set(key, item);
      }
    }
    if (byText.size === 0) return [];
    return [{
      category,
      title: MEASURE_CATEGORIES[category][lang],
      items: [...byText.values()].map((i) => ({ text: i.text, owner: i.owner, ownerWord: MEASURE_OWNERS[i.owner][lang], risks: [...i.risks].sort() })),
    }];
  });
}

/**
 * The risks the institution must still agree on (see ReportView.agree): its own share by the risk's
 * responsibility, a rank that may need a response, and neither a measure owned by the institution (or
 * by both) nor an `agreed-with` in the response that answers it.
 */
export function institutionShare(model: Model, threats: ThreatList, assessment: ResponseAssessment): ThreatRow[] {
  const settled = new Set(assessment.answered
    .filter(({ response }) => response.measures.some((m) => m.owner !== 'provider') || (response.agreedWith ?? '') !== '')
    .map(({ risk }) => risk.id));
  return threats.rows.filter((r) => r.need !== 'none' && !settled.has(r.id) && r.parties.some((p) => organisationKind(p, model) === 'institution'));
}

export interface ReportInput {
  readonly model: Model;
  readonly words: Wording;
  readonly threats: ThreatList;
  readonly matrix: RiskMatrix;
  readonly responses: ResponseAssessment;
  readonly checklist: Checklist;
  readonly diagram: ReportView['diagram'];
}

export function reportView(input: ReportInput): ReportView {
  const { model, words } = input;
  const { lang } = words;
  const w = WORDS[lang];
  const listed = new Map(input.threats.rows.map((r) => [r.id, r]));
  return {
    lang,
    title: `${w.report} — ${model.system.title}`,
    system: { id: model.system.id, title: model.system.title, provider: model.system.provider ?? '', description: model.system.description ?? '' },
    source: { files: model.files, contentHash: model.contentHash },
    diagram: input.diagram,
    flows: flowTable(model, lang),
    threats: input.threats,
    responses: { rows: responseRows(input.responses, words), orphaned: orphanedRows(input.responses, lang) },
    requests: institutionRequests(input.responses, lang),
    agree: institutionShare(model, input.threats, input.responses),
    checklist: input.checklist,
    // The open risks are rows of the list already (the report lists every risk): the same rows, not copies.
    open: input.responses.open.map((r) => listed.get(r.id) ?? threatRow(r, input.matrix, words)),
    words: w,
    sheets: SHEET_NAMES[lang],
  };
}
