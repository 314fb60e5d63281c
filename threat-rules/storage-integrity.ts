// Seed example ③, B->C storage: unauthorised writes and loss of what is stored. Writes come through
// access to the store (3; access control, encryption at rest and an immutable store lower it); the loss
// of a record or a copy needs backups.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, deviceFacts, finding, impactOf, internetStep, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  alteredOrLost: {
    ja: '{store}に保存された{data}が不正な書き込み・誤操作・障害により改竄・消失する',
    en: '{data} stored at {store} are altered or lost through unauthorised writes, mistakes or failures',
  },
  commonWrites: { ja: '保存先への不正な書き込み・誤操作・障害は一般的に起こり得る', en: 'unauthorised writes, mistakes and failures commonly happen to stores' },
  noBackup: { ja: '{store}にバックアップの記載がない', en: 'no backup is recorded for {store}' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'storage-integrity',
  threat: 'tampering-destruction',
  title: { ja: '保存時の不正書き込み・消失', en: 'Unauthorised writes and loss at storage' },
  risk: {
    ja: '保存先への不正な書き込みや誤操作・障害により、保存された医療情報が改竄される、または失われる',
    en: 'unauthorised writes, mistakes or failures alter or lose the stored medical information',
  },
  cia: ['I', 'A'],
  segments: ['storage'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: 'バックアップからの復元手順を定め、定期的に復元を試験する', en: 'write a restore procedure and test restores regularly' },
    ],
    physical: [
      { ja: '保存装置を施錠・入退室管理された区画に置く', en: 'keep storage in a locked, entry-controlled area' },
    ],
    technical: [
      { ja: '保存先へのアクセス制御（IAM）と最小権限', en: 'access control to the store (IAM) and least privilege' },
      { ja: '保存データの暗号化', en: 'encrypt the stored data' },
      { ja: 'バックアップの取得（世代管理）', en: 'take backups, keeping several generations' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ③ 保存）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ③ storage)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    const as = segment.keeping?.as;
    // A cache is rebuilt from its source: what matters there is its loss or theft, not its integrity.
    if (!store || segment.dataClass === 'other' || as === 'cache') return [];
    const self = { store: at(store) };
    let likelihood = start(3, say('commonWrites'));
    likelihood = internetStep(likelihood, segment, context);
    likelihood = mitigate(likelihood, store.device, ['access-control', 'encryption-at-rest', 'immutable-backup'], 1);
    // Backups are for records and copies; a backup or a temporary copy has its original elsewhere.
    if ((as === 'record' || as === 'copy') && !deviceFacts(context, store.device.id).backups.backedUp) {
      likelihood = adjust(likelihood, +1, say('noBackup', self));
    }
    return [finding(
      say('alteredOrLost', { ...self, data: dataList(segment.data) }),
      impactOf(segment, ['I', 'A']),
      likelihood,
    )];
  },
};
