// koseizu diff's outputs: a one-line summary, a terminal listing, a pull-request comment in Markdown (with
// the Mermaid diff diagram, kept under GitHub's 65,536-character limit and saying what it cut), and JSON.
import type { ModelDiff, PropertyChange, RiskChange } from '../../models/diff.js';
import { RANKS, type Lang } from '../../models/vocabulary.js';
import { mdCell as cell } from '../table-text.js';

/** GitHub refuses a pull-request comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

const STATE_WORDS = {
  ja: {
    added: '追加', removed: '削除', reranked: 'ランク変動', rescored: '評価変動', phase: 'フェーズ変更', answered: '対応あり', unanswered: '対応なし',
    residual: '残存リスク変動', changed: '変更', renamed: '名称変更', orphaned: '孤立',
  },
  en: {
    added: 'added', removed: 'removed', reranked: 're-ranked', rescored: 're-scored', phase: 'phase changed', answered: 'now answered', unanswered: 'no longer answered',
    residual: 'residual changed', changed: 'changed', renamed: 'renamed', orphaned: 'orphaned',
  },
} as const;

const KIND_WORDS = {
  ja: { site: '拠点', location: '設置場所', actor: '利用者', data: '情報', device: '機器', network: 'ネットワーク', link: '接続', media: '記憶媒体', flow: '情報流' },
  en: { site: 'site', location: 'location', actor: 'actor', data: 'data', device: 'device', network: 'network', link: 'link', media: 'media', flow: 'flow' },
} as const;

/** "+3 risks (1 S, 2 A), -2, 4 re-ranked, 1 response orphaned". */
export function diffSummary(diff: ModelDiff, lang: Lang): string {
  const s = diff.summary;
  const byRank = RANKS.filter((r) => s.risksAddedByRank[r] > 0).map((r) => (lang === 'ja' ? `${r} ${s.risksAddedByRank[r]}` : `${s.risksAddedByRank[r]} ${r}`));
  if (lang === 'ja') {
    return `リスク +${s.risksAdded}${byRank.length > 0 ? `（${byRank.join('、')}）` : ''}、−${s.risksRemoved}、ランク変動 ${s.reranked}、孤立した対応 ${s.responsesOrphaned}`;
  }
  return `+${s.risksAdded} risk${s.risksAdded === 1 ? '' : 's'}${byRank.length > 0 ? ` (${byRank.join(', ')})` : ''}, -${s.risksRemoved}, ${s.reranked} re-ranked, ${s.responsesOrphaned} response${s.responsesOrphaned === 1 ? '' : 's'} orphaned`;
}

function elementLine(diff: ModelDiff, lang: Lang): string {
  const s = diff.summary;
  return lang === 'ja'
    ? `要素: 追加 ${s.elementsAdded}、削除 ${s.elementsRemoved}、変更 ${s.elementsChanged}、名称変更 ${s.renamed}`
    : `elements: ${s.elementsAdded} added, ${s.elementsRemoved} removed, ${s.elementsChanged} changed, ${s.renamed} renamed`;
}

/** "A → S"; for a residual change, the risk's rank and its residual rank before and after. */
const rankMove = (r: RiskChange, lang: Lang): string => (r.state === 'residual'
  ? `${r.new?.rank ?? ''} (${lang === 'ja' ? '残存' : 'residual'} ${r.old?.residual ?? '—'} → ${r.new?.residual ?? '—'})`
  : `${r.old?.rank ?? '—'} → ${r.new?.rank ?? '—'}`);

/** A property's values, shortened for a line or a table cell. */
const values = (p: PropertyChange): string => {
  const short = (v: string): string => (v.length > 80 ? `${v.slice(0, 77)}…` : v || '—');
  return `${p.key}: ${short(p.old)} → ${short(p.new)}`;
};

/** The risk changes that matter most first: added and re-ranked by new rank, then removed, then the rest. */
function ordered(diff: ModelDiff): RiskChange[] {
  const weight = (r: RiskChange): number => (r.state === 'added' ? 0 : r.state === 'reranked' ? 1 : r.state === 'removed' ? 2 : 3);
  const rank = (r: RiskChange): number => RANKS.indexOf((r.new ?? r.old)?.rank ?? 'D');
  return [...diff.risks].sort((a, b) => weight(a) - weight(b) || rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
}

export function diffText(diff: ModelDiff, lang: Lang): string {
  const w = STATE_WORDS[lang];
  const lines = [`${diff.old.label} → ${diff.new.label}`, diffSummary(diff, lang), elementLine(diff, lang)];
  for (const r of ordered(diff)) {
    const title = (r.new ?? r.old)?.title[lang] ?? '';
    lines.push(`  ${w[r.state].padEnd(lang === 'ja' ? 6 : 18)} ${rankMove(r, lang)}  ${r.id}  ${title}`);
    for (const why of r.why) lines.push(`      ${why[lang]}`);
  }
  for (const e of diff.elements) {
    const label = e.state === 'renamed' ? `"${e.label.old}" → "${e.label.new}"` : (e.label.new ?? e.label.old ?? '');
    lines.push(`  ${w[e.state]} ${KIND_WORDS[lang][e.kind]} ${e.id} ${label}${e.state === 'changed' ? ` (${e.properties.map((p) => p.key).join(', ')})` : ''}`);
  }
  for (const r of diff.responses) {
    lines.push(`  ${w[r.state]} ${lang === 'ja' ? '対応' : 'response'} ${r.pattern} ${r.source}`);
    for (const p of r.properties) lines.push(`      ${values(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface DiffMarkdownOptions {
  /** The Mermaid diff diagram (flowchart text), or null to leave the picture out. */
  readonly mermaid: string | null;
  /** The comment's limit (GitHub's by default). */
  readonly limit?: number;
}

/** A pull-request comment: summary, diagram, risk delta, element changes, responses; cut to the limit, saying what was cut. */
export function diffMarkdown(diff: ModelDiff, lang: Lang, options: DiffMarkdownOptions): string {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const w = STATE_WORDS[lang];
  const ja = lang === 'ja';
  const head = [
    `## ${ja ? 'koseizu 差分' : 'koseizu diff'}: \`${diff.old.label}\` → \`${diff.new.label}\``, '',
    `**${cell(diffSummary(diff, lang))}**`, '', elementLine(diff, lang), '',
  ];
  // Nothing in the picture changed (risks or responses only): the diagram would show nothing marked.
  const diagram = options.mermaid && diff.elements.length > 0
    ? [`### ${ja ? '構成図の差分' : 'Diagram of the change'}`, '', ja ? '緑: 追加、赤（破線）: 削除、黄: 変更' : 'green: added, red (dashed): removed, amber: changed', '', '```mermaid', options.mermaid.trimEnd(), '```', '']
    : [];
  const riskRows = ordered(diff).map((r) => {
    const side = r.new ?? r.old;
    const why = r.why.map((x) => cell(x[lang])).join('<br>');
    const answered = r.new ? (r.new.answered ? (ja ? '対応あり' : 'answered') : (ja ? '**未対応**' : '**unanswered**')) : '—';
    return `| ${w[r.state]} | ${rankMove(r, lang)} | \`${r.id}\` | ${cell(side?.title[lang] ?? '')} | ${answered} | ${why || '—'} |`;
  });
  const elementRows = diff.elements.map((e) => {
    const label = e.state === 'renamed' ? `${cell(e.label.old ?? '')} → ${cell(e.label.new ?? '')}` : cell(e.label.new ?? e.label.old ?? '');
    const props = e.properties.filter((p) => p.key !== 'label').map((p) => `\`${p.key}\`: ${cell(p.old || '—')} → ${cell(p.new || '—')}`).join('<br>');
    return `| ${w[e.state]} | ${KIND_WORDS[lang][e.kind]} | \`${e.id}\` | ${label} | ${props || '—'} |`;
  });
  const responseRows = diff.responses.map((r) => `| ${w[r.state]} | \`${r.pattern}\` | \`${r.source}\` | ${r.properties.map((p) => cell(values(p))).join('<br>') || '—'} |`);

  const riskHead = [`### ${ja ? 'リスクの増減' : 'Risk delta'}`, '', `| ${ja ? '変化' : 'change'} | ${ja ? 'ランク' : 'rank'} | ${ja ? 'リスクID' : 'risk id'} | ${ja ? 'リスク' : 'risk'} | ${ja ? '対応' : 'response'} | ${ja ? '理由（評価を動かした事実）' : 'why (facts that moved the score)'} |`, '| --- | --- | --- | --- | --- | --- |'];
  const elementHead = [`### ${ja ? '要素の変更' : 'Element changes'}`, '', `| ${ja ? '変化' : 'change'} | ${ja ? '種類' : 'kind'} | id | ${ja ? '名称' : 'label'} | ${ja ? '変更されたプロパティ' : 'properties changed'} |`, '| --- | --- | --- | --- | --- |'];
  const responseHead = [`### ${ja ? '対応の変更' : 'Response changes'}`, '', `| ${ja ? '変化' : 'change'} | ${ja ? 'リスクID（パターン）' : 'risk id (pattern)'} | ${ja ? '記載箇所' : 'written at'} | ${ja ? '変更' : 'changed'} |`, '| --- | --- | --- | --- |'];

  const cuts: string[] = [];
  const build = (withDiagram: boolean, risks: number, elements: number, responses: number): string => {
    const out = [...head];
    if (withDiagram) out.push(...diagram);
    if (risks > 0) out.push(...riskHead, ...riskRows.slice(0, risks), '');
    if (elements > 0) out.push(...elementHead, ...elementRows.slice(0, elements), '');
    if (responses > 0) out.push(...responseHead, ...responseRows.slice(0, responses), '');
    if (cuts.length > 0) out.push(`> ${ja ? 'GitHub のコメントの上限（65,536 文字）に収めるため省略しました' : 'Cut to fit GitHub\'s 65,536-character comment limit'}: ${cuts.join(ja ? '、' : '; ')}. ${ja ? '全体は --format json で出力できます。' : 'The whole diff is in --format json.'}`, '');
    return `${out.join('\n').trimEnd()}\n`;
  };
  // What goes first when it does not fit: element rows, then the diagram, then response rows, then risk rows.
  let [withDiagram, risks, elements, responses] = [diagram.length > 0, riskRows.length, elementRows.length, responseRows.length];
  const reserve = 400; // room for the cut notice
  const fits = (): boolean => build(withDiagram, risks, elements, responses).length + (cuts.length > 0 ? 0 : reserve) <= limit;
  const shrink = (count: number, total: number, what: (n: number) => string, set: (n: number) => void): void => {
    let n = count;
    while (n > 0 && !fits()) set(--n);
    if (n < total) cuts.push(what(total - n));
  };
  if (!fits()) shrink(elements, elementRows.length, (n) => (ja ? `要素の変更 ${n} 行` : `${n} element rows`), (n) => { elements = n; });
  if (!fits() && withDiagram) { withDiagram = false; cuts.push(ja ? '構成図の差分' : 'the diagram'); }
  if (!fits()) shrink(responses, responseRows.length, (n) => (ja ? `対応の変更 ${n} 行` : `${n} response rows`), (n) => { responses = n; });
  if (!fits()) shrink(risks, riskRows.length, (n) => (ja ? `リスクの増減 ${n} 行` : `${n} risk rows`), (n) => { risks = n; });
  return build(withDiagram, risks, elements, responses);
}

export function diffJson(diff: ModelDiff, lang: Lang): string {
  return `${JSON.stringify({ line: diffSummary(diff, lang), ...diff }, null, 2)}\n`;
}
