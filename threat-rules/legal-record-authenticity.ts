// Authenticity of legal records: records the law requires to be kept, stored on a device without
// electronic signatures, timestamps or audit logs, cannot show who made them or whether they changed
// (e-document law: authenticity, legibility, preservation). 3, less one for each of the three in place;
// the message names the missing ones. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, control, dataList, finding, hasControl, impactOf, mitigate, sayer, start } from './predicates.js';

const REQUIRED = ['electronic-signature', 'timestamp', 'audit-log'] as const;

const MESSAGES = {
  lacking: {
    ja: '{store}に保存される法定保存文書（{records}）に{missing}がなく、改変・消去の有無や作成責任を確認できず真正性・保存性が損なわれる',
    en: 'the legal records ({records}) stored at {store} lack {missing}, so changes, deletions and who made them cannot be confirmed, and authenticity and preservation suffer',
  },
  undetectable: {
    ja: '電子署名・タイムスタンプ・アクセスログがなければ、法定保存文書の改変・消去は検知も証明もできない',
    en: 'without electronic signatures, timestamps and audit logs, changes to or deletion of legal records can be neither detected nor proven',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'legal-record-authenticity',
  threat: 'tampering-destruction',
  title: { ja: '法定保存文書の真正性・保存性の欠如', en: 'Legal records without authenticity and preservation' },
  risk: {
    ja: '法定保存文書の改変・消去の有無や作成責任を確認できず、電子文書法の要件（真正性・見読性・保存性）を満たせない、または改竄に気付けない',
    en: 'nobody can confirm whether legal records were changed or deleted or who is responsible for them, so the e-document law\'s requirements (authenticity, legibility, preservation) are not met, or tampering goes unnoticed',
  },
  cia: ['I', 'A'],
  segments: ['storage'],
  phases: ['operation'],
  forms: ['application'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: '記録の作成・確定・修正の手順と責任者を運用管理規程に定める', en: 'set out in the operating rules how records are made, finalised and corrected, and who is responsible' },
      { ja: '保存期間中の見読性（表示・印刷）と復元を定期的に確認する', en: 'check regularly that records can be displayed, printed and restored throughout the retention period' },
    ],
    physical: [
      { ja: '保存装置と保存媒体を施錠・入退室管理された場所に置く', en: 'keep the storage equipment and media in locked, entry-controlled places' },
    ],
    technical: [
      { ja: 'HPKI等の電子証明書による電子署名とタイムスタンプの付与', en: 'electronic signatures with HPKI or similar certificates, and timestamps' },
      { ja: '作成・更新・削除の操作ログ（アクセスログ）の取得と改ざん防止、更新履歴の保存', en: 'audit logs of creation, changes and deletion, protected from tampering, and a kept version history' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 制度上の要求事項 電子文書法の要件（真正性・見読性・保存性）', en: 'Provider guideline, regulatory requirements: e-document law (authenticity, legibility, preservation)' },
    { ja: '医療情報安全管理ガイドライン 6.0 企画管理編（電子署名: 資格を電子的に検証できる電子証明書の利用）', en: 'MHLW guideline 6.0, planning and management (electronic signatures with certificates that verify qualifications)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const store = segment.devices[segment.devices.length - 1];
    const legal = segment.data.filter((d) => d.legalRecord);
    // Backups, caches and temporary copies keep copies of records whose signatures and timestamps travel with
    // them; keeping backups restorable is the ransomware and disaster rules' business, caches the loss rules'.
    const held = segment.keeping?.as === 'record' || segment.keeping?.as === 'copy';
    if (!store || legal.length === 0 || !held) return [];
    const missing = REQUIRED.filter((c) => !hasControl(store.device, c));
    if (missing.length === 0) return [];
    let likelihood = start(3, say('undetectable'));
    likelihood = mitigate(likelihood, store.device, REQUIRED, 1);
    return [finding(
      say('lacking', { store: at(store), records: dataList(legal), missing: { list: missing.map(control) } }),
      impactOf(segment, ['I', 'A']),
      likelihood,
      store.device.id,
    )];
  },
};
