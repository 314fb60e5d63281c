// Seed example ③, B->C storage: unauthorised writes and loss of what is stored. Writes come through
// access to the store (3; access control and encryption at rest lower it); loss needs backups.
import type { Rule } from '../models/risk.js';
import { adjust, deviceFacts, finding, impactOf, internetStep, mitigate, start, where } from './predicates.js';

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
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    if (!store || segment.dataClass === 'other') return [];
    let likelihood = start(3, { ja: '保存先への不正な書き込み・誤操作・障害は一般的に起こり得る', en: 'unauthorised writes, mistakes and failures commonly happen to stores' });
    likelihood = internetStep(likelihood, segment, context);
    likelihood = mitigate(likelihood, store.device, ['access-control', 'encryption-at-rest'], 1);
    if (!deviceFacts(context, store.device.id).backups.backedUp && !store.device.roles.includes('backup')) {
      likelihood = adjust(likelihood, +1, { ja: `${where(store).ja}にバックアップの記載がない`, en: `no backup is recorded for ${where(store).en}` });
    }
    return [finding(
      {
        ja: `${where(store).ja}に保存された${segment.data.map((d) => d.label).join('・')}が不正な書き込み・誤操作・障害により改竄・消失する`,
        en: `${segment.data.map((d) => d.label).join(', ')} stored at ${where(store).en} are altered or lost through unauthorised writes, mistakes or failures`,
      },
      impactOf(segment, ['I', 'A']),
      likelihood,
    )];
  },
};
