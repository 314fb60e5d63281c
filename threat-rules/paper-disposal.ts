// MHLW guideline ② (d) and ⑤ (d): printouts, and the handwritten memos and drafts used for input, thrown
// away with ordinary waste or reused as scrap paper. Fires on every print of medical information and on
// input segments whose flow enters, edits or creates it (memos); common (3), a clean-desk rule takes one off.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { Operation } from '../models/vocabulary.js';
import { at, dataList, finding, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  printoutsSeen: {
    ja: '{device}で印刷された{data}が不要になった後に適切に廃棄されず、第三者の目に触れる',
    en: '{data} printed at {device} are not destroyed properly once no longer needed, and outsiders see them',
  },
  memosSeen: {
    ja: '{device}で{data}を入力する際に用いたメモ・原稿が適切に廃棄されず、第三者の目に触れる',
    en: 'memos and drafts used to enter {data} at {device} are not destroyed properly, and outsiders see them',
  },
  printoutsDiscarded: {
    ja: '印刷された帳票は不要になった後、一般ごみとして捨てられたり裏紙に再利用されたりしやすい',
    en: 'printouts, once no longer needed, are easily thrown out with ordinary waste or reused as scrap paper',
  },
  memosDiscarded: {
    ja: '入力・作成の際に手書きのメモ・原稿を用いることがあり、入力後そのまま捨てられることがある',
    en: 'handwritten memos and drafts are sometimes used to enter or write information, and sometimes thrown away as they are once entered',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** Operations that are often prepared on paper: the input memos and drafts of the guideline. */
const WRITTEN_FIRST: readonly Operation[] = ['input', 'edit', 'create'];

export const rule: Rule = {
  id: 'paper-disposal',
  threat: 'theft-leak',
  title: { ja: '印刷物・入力メモの不適切な廃棄', en: 'Printouts and input memos thrown away improperly' },
  risk: {
    ja: '医療情報を印刷した帳票や入力に用いたメモ・原稿が、一般ごみとして捨てられる、または裏紙として再利用され、第三者の目に触れる',
    en: 'printouts of medical information, and memos or drafts used for input, are thrown out with ordinary waste or reused as scrap paper, and seen by outsiders',
  },
  cia: ['C'],
  segments: ['input', 'print'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '医療情報を含む紙の廃棄手順（シュレッダーによる細断、溶解処理）を運用管理規程に定め、裏紙としての再利用を禁止する', en: 'set out in the operating rules how paper holding medical information is destroyed (shredding, pulping), and forbid reusing it as scrap paper' },
      { ja: '溶解処理を委託する場合は処理証明書を受け取る', en: 'when pulping is contracted out, obtain a certificate of destruction' },
    ],
    physical: [
      { ja: '施錠された機密文書回収箱を置く', en: 'provide locked collection boxes for confidential paper' },
      { ja: 'クロスカット方式のシュレッダーを作業場所の近くに置く', en: 'place cross-cut shredders near where the paper is used' },
    ],
    technical: [
      { ja: '端末への直接入力で手書きの入力メモを減らし、認証印刷で不要な出力を減らす', en: 'enter directly at terminals to need fewer handwritten memos, and use secure printing to print less' },
      { ja: '印刷ログで出力された帳票を把握し、回収・廃棄と照合する', en: 'use the print log to know what was printed, and check it against what was collected and destroyed' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.2.2 リスク分析（② 入力の際に用いたメモ・原稿等の不適切な廃棄、⑤ 紙やフィルム等の不適切な廃棄）', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.2.2, risk analysis (② input memos and drafts, ⑤ paper and film, thrown away improperly)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.7 情報の破棄', en: 'MHLW guideline, 1st edition, 6.7, disposal of information' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const placed = segment.devices[0];
    if (!placed || segment.dataClass === 'other') return [];
    const data = { device: at(placed), data: dataList(segment.data) };
    if (segment.kind === 'print') {
      const likelihood = mitigate(start(3, say('printoutsDiscarded')), placed.location, ['clean-desk'], 1);
      return [finding(
        say('printoutsSeen', data),
        impactOf(segment, ['C']),
        likelihood,
      )];
    }
    if (!segment.flow || !segment.flow.how.some((o) => WRITTEN_FIRST.includes(o))) return [];
    // Memos are occasional and small, unlike the printouts a flow produces every time: one grade lower.
    const likelihood = mitigate(start(2, say('memosDiscarded')), placed.location, ['clean-desk'], 1);
    return [finding(
      say('memosSeen', data),
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
