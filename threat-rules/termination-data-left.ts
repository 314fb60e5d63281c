// Contract termination: a device the provider holds for the institution (it runs it, or a third party it
// engaged does) that keeps medical information in operation, in any form (record, copy, backup, cache,
// temporary copy, log), but that no flow of the contract-termination phase returns, hands over, erases or
// disposes of. Its information is left behind after the contract ends (4). The institution's own devices,
// and a patient's or a staff member's, are theirs: not the provider's to return or erase. Listed once per
// device, as a contract-termination risk, and only when the model covers that phase.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, deviceFacts, finding, impactOf, sayer, start } from './predicates.js';

const MESSAGES = {
  leftBehind: {
    ja: '{store}に保存された{data}が契約終了時に返却・消去されずに残り、契約終了後に漏えいする',
    en: '{data} stored on {store} are neither returned nor erased at contract termination, remain after the contract ends, and leak',
  },
  notEnded: {
    ja: '契約終了フェーズのどの情報流も{store}の情報を返却・移管・消去・廃棄していない',
    en: 'no flow of the contract-termination phase returns, hands over, erases or disposes of the information on {store}',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'termination-data-left',
  threat: 'theft-leak',
  title: { ja: '契約終了時の医療情報の残存', en: 'Medical information left behind at contract termination' },
  risk: {
    ja: '運用中に医療情報を保存していた機器が契約終了時の返却・移管・破棄の対象から漏れ、契約終了後も情報が残存して漏えいする',
    en: 'a device that kept medical information in operation is left out of the return, hand-over or destruction at contract termination, and the information remains after the contract ends and leaks',
  },
  cia: ['C'],
  segments: ['storage', 'logging'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '医療情報を保存する全ての機器（バックアップ・ログを含む）を台帳で把握し、契約終了時の返却・移管・破棄の対象と範囲を事前に医療機関等と合意する', en: 'keep an inventory of every device that stores medical information (backups and logs included), and agree in advance with the medical institution what is returned, handed over or destroyed at contract termination' },
    ],
    physical: [
      { ja: '廃棄する記憶装置を物理破壊する', en: 'physically destroy the drives that are disposed of' },
    ],
    technical: [
      { ja: '確実なデータ消去（暗号消去・上書き消去）と消去証明の発行', en: 'erase securely (cryptographic erasure, overwriting) and issue erasure certificates' },
      { ja: '標準的な形式での書き出しによる返却・移管', en: 'return or hand over the information by exporting it in a standard format' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 通常時の義務（契約終了フェーズ: 合意した手順による返却・移管・破棄と証跡の取得・保存）', en: 'Provider guideline, duties in normal times (contract termination phase: return, transfer or destruction by the agreed procedure, with evidence obtained and kept)' },
    { ja: '提供事業者ガイドライン 5.2.1 リスクアセスメント（契約終了フェーズの情報流の特定）', en: 'Provider guideline 5.2.1, risk assessment (identifying the information flows of the contract-termination phase)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）8.4.2 外部保存契約終了時の処理', en: 'MHLW guideline on the security of medical information systems, 1st edition, 8.4.2 (at the end of an off-site storage contract)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    if (!store || segment.dataClass === 'other' || !context.model.system.phases.includes('termination')) return [];
    const facts = deviceFacts(context, store.device.id);
    // What the institution, a patient or a staff member runs is theirs: the provider returns or erases only
    // what it holds for the institution. Returning, handing over, erasing or disposing ends information on a
    // device; exporting only copies it.
    if (!facts.providerHolds || facts.ended.length > 0) return [];
    const self = { store: at(store) };
    const likelihood = start(4, say('notEnded', self));
    return [finding(
      say('leftBehind', { ...self, data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
      store.device.id,
      'termination',
    )];
  },
};
