// Seed example ②, B processing: privilege bugs, insider misuse and logic flaws change information inside
// the application. Lax privileges make it 3; least privilege, separation of duties, review and access
// control each take one off.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, finding, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  changed: {
    ja: '{device}の処理で、権限設計の不備・内部不正・ロジック欠陥により{data}が書き換えられる',
    en: 'in processing at {device}, flawed privileges, insider misuse or faulty logic change {data}',
  },
  laxPrivileges: { ja: '権限管理の不備・内部不正は一般的に起こり得る', en: 'lax privileges and insider misuse commonly happen' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'processing-integrity',
  threat: 'tampering-destruction',
  title: { ja: '処理中の権限不備・内部不正・ロジック欠陥', en: 'Privilege bugs, insider misuse and logic flaws in processing' },
  risk: {
    ja: '権限設計の不備、内部不正、処理ロジックの欠陥により、医療情報が誤って、または不正に書き換えられる',
    en: 'flawed privileges, insider misuse or faulty logic change medical information wrongly or without right',
  },
  cia: ['I'],
  segments: ['processing'],
  phases: ['development', 'operation'],
  forms: ['application'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: '職務分離（開発・運用・承認の担当を分ける）', en: 'separation of duties (development, operation and approval by different people)' },
      { ja: '特権操作の事前承認と事後確認', en: 'approval before and review after privileged operations' },
    ],
    physical: [
      { ja: '特権操作を行う端末の設置場所を限定する', en: 'limit where privileged operations can be done from' },
    ],
    technical: [
      { ja: '権限設計（最小権限、役割ごとの権限）', en: 'privilege design (least privilege, per-role rights)' },
      { ja: 'コードレビューと処理結果の検証', en: 'code review and verification of results' },
      { ja: '操作ログの取得と定期的な確認', en: 'record operations and review the logs regularly' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ② アプリ内部）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ② processing)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const device = segment.devices[0];
    if (!device || segment.dataClass === 'other') return [];
    let likelihood = start(3, say('laxPrivileges'));
    likelihood = mitigate(likelihood, device.device, ['least-privilege', 'separation-of-duties', 'code-review', 'access-control'], 1);
    return [finding(
      say('changed', { device: at(device), data: dataList(segment.data) }),
      impactOf(segment, ['I']),
      likelihood,
    )];
  },
};
