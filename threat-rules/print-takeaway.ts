// MHLW guideline ⑤ (データを印刷した紙やフィルム等): printouts of medical information left on the printer
// are read or taken by someone else. Common (3); a printer in a place open to the public adds one; secure
// (pull) printing, a print log and a clean-desk rule where the printer stands each take one off.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, finding, impactOf, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  leftOrTaken: {
    ja: '{printer}で印刷された{data}が放置され、権限のない者に覗き見られる、または持ち去られる',
    en: '{data} printed at {printer} are left there, and read or taken away by someone without rights',
  },
  leftAtPrinter: {
    ja: 'プリンタに出力された帳票は取り忘れや他人による持ち去りが起こりやすい',
    en: 'printouts are often forgotten at the printer or picked up by someone else',
  },
  public: { ja: '{location}は不特定多数が立ち入る場所', en: '{location} is open to the public' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'print-takeaway',
  threat: 'theft-leak',
  title: { ja: '印刷物の放置・持ち去り', en: 'Printouts left on or taken from the printer' },
  risk: {
    ja: '医療情報を印刷した帳票がプリンタに放置され、権限のない者に覗き見られる、または持ち去られる',
    en: 'printouts of medical information left at the printer are read or taken away by people without rights',
  },
  cia: ['C'],
  segments: ['print'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '出力した帳票は直ちに回収し、放置された帳票の扱いを運用管理規程に定める', en: 'collect printouts at once, and set out in the operating rules what to do with printouts left behind' },
    ],
    physical: [
      { ja: 'プリンタを患者・来訪者が立ち入らない場所に置く', en: 'place printers where patients and visitors do not go' },
    ],
    technical: [
      { ja: '認証印刷（プリンタで本人確認してから出力する）', en: 'secure (pull) printing: print only after the user authenticates at the printer' },
      { ja: '印刷ログの取得と定期的な確認', en: 'keep a print log and review it regularly' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.2.2 リスク分析（⑤ 印刷した紙やフィルム等の覗き見・持ち出し・コピー）', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.2.2, risk analysis (⑤ printouts peeked at, taken out, copied)' },
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 情報の窃取・漏洩）', en: 'Provider guideline 5.2.1, risk identification (representative threat: theft or leak of information)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const printer = segment.devices[0];
    if (!printer || segment.dataClass === 'other') return [];
    let likelihood = start(3, say('leftAtPrinter'));
    if (printer.location.public) likelihood = adjust(likelihood, +1, say('public', { location: ref(printer.location.id) }));
    likelihood = mitigate(likelihood, printer.device, ['secure-print', 'print-log'], 1);
    likelihood = mitigate(likelihood, printer.location, ['clean-desk'], 1);
    return [finding(
      say('leftOrTaken', { printer: at(printer), data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
