// Contract termination: information erased, disposed of or handed back without evidence. A flow that
// erases or disposes of a device's information with no erasure certificate (3; +1 when no secure erasure
// is recorded either); a medium disposed of without one (+1 when neither physical destruction nor secure
// erasure is recorded); a medium handed back to the medical institution without a hand-over record.
import type { Rule } from '../models/risk.js';
import type { Operation } from '../models/vocabulary.js';
import { adjust, dataNames, finding, hasControl, impactOf, start, where } from './predicates.js';

const ERASING: readonly Operation[] = ['erase', 'dispose'];

export const rule: Rule = {
  id: 'disposal-no-evidence',
  threat: 'theft-leak',
  title: { ja: '契約終了時の消去・廃棄・返却の証跡がない', en: 'Erasure, disposal or return at contract termination without evidence' },
  risk: {
    ja: '契約終了時の医療情報の消去・廃棄・返却について証跡が残らず、消去漏れや不完全な消去、媒体の行方不明に気付けないまま情報が残存・流出する',
    en: 'erasing, disposing of or returning medical information at contract termination leaves no evidence, so missed or incomplete erasure, or a missing medium, goes unnoticed and the information remains or leaks',
  },
  cia: ['C'],
  segments: ['disposal'],
  phases: ['termination'],
  countermeasures: {
    human: [
      { ja: '返却・移管・破棄の手順と証跡（消去証明書・受領書）を事前に医療機関等と合意し、実施後に提出する', en: 'agree in advance with the medical institution how information is returned, handed over or destroyed and what evidence is given (erasure certificates, receipts), and hand it over afterwards' },
      { ja: '廃棄を委託する場合は委託先から作業報告と消去証明書を受け取る', en: 'when disposal is contracted out, obtain the contractor\'s work report and erasure certificate' },
    ],
    physical: [
      { ja: '記憶媒体・記憶装置の物理破壊（破砕・消磁）に立ち会う、または写真で記録する', en: 'witness or photograph the physical destruction (shredding, degaussing) of media and drives' },
    ],
    technical: [
      { ja: '確実なデータ消去（暗号消去・上書き消去）を行い、消去ツールの実行記録を残す', en: 'erase securely (cryptographic erasure, overwriting) and keep the erasure tool\'s records' },
      { ja: '消去対象の一覧と消去結果を照合し、消去証明書を発行する', en: 'check the erasure results against the list of what was to be erased, and issue an erasure certificate' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 通常時の義務（契約終了フェーズ: 合意した手順による返却・移管・破棄と、実施を示す証跡の取得・保存）', en: 'Provider guideline, duties in normal times (contract termination phase: return, transfer or destruction by the agreed procedure, with evidence obtained and kept)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.7 情報の破棄、8.4.2 外部保存契約終了時の処理', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.7 (disposal of information) and 8.4.2 (at the end of an off-site storage contract)' },
  ],
  origin: 'builtin',
  check(segment) {
    if (segment.dataClass === 'other') return [];
    const names = { ja: dataNames(segment.data, 'ja'), en: dataNames(segment.data, 'en') };
    const device = segment.devices[0];
    if (segment.flow && device) {
      if (!segment.flow.how.some((o) => ERASING.includes(o)) || hasControl(device.device, 'erasure-certificate')) return [];
      let likelihood = start(3, {
        ja: `${where(device).ja}の消去・廃棄について消去証明の記載がない: 確実に消去されたことを確認も説明もできない`,
        en: `no erasure certificate is recorded for erasing or disposing of ${where(device).en}: that it was erased can be neither checked nor shown`,
      });
      if (!hasControl(device.device, 'secure-erase')) {
        likelihood = adjust(likelihood, +1, { ja: `${where(device).ja}に確実なデータ消去の手段の記載がない`, en: `no secure erasure is recorded for ${where(device).en}` });
      }
      return [finding(
        {
          ja: `契約終了時に${where(device).ja}の${names.ja}を消去・廃棄した証跡が残らず、消去漏れや不完全な消去に気付けないまま情報が残存・流出する`,
          en: `erasing ${names.en} from ${where(device).en} at contract termination leaves no evidence, so missed or incomplete erasure goes unnoticed and the information remains or leaks`,
        },
        impactOf(segment, ['C']),
        likelihood,
      )];
    }
    const media = segment.media;
    const to = segment.places[1];
    if (!media || !to) return [];
    if (to.site.owner === 'institution') {
      // Handed back to the medical institution: the evidence of a return is the hand-over record.
      if (hasControl(media, 'handover-record')) return [];
      const likelihood = start(3, {
        ja: `${media.label}を${to.location.label}（${to.site.label}）へ返却した受け渡し記録がない`,
        en: `no hand-over record is kept for returning ${media.label} to ${to.location.label} (${to.site.label})`,
      });
      return [finding(
        {
          ja: `契約終了時に${names.ja}を格納した${media.label}を返却した証跡が残らず、媒体の紛失や誤配送に気付けないまま情報が流出する`,
          en: `returning ${media.label} with ${names.en} at contract termination leaves no evidence, so a lost or misdelivered medium goes unnoticed and the information leaks`,
        },
        impactOf(segment, ['C']),
        likelihood,
      )];
    }
    if (hasControl(media, 'erasure-certificate')) return [];
    let likelihood = start(3, {
      ja: `${media.label}の廃棄について消去証明の記載がない: 確実に消去・破壊されたことを確認も説明もできない`,
      en: `no erasure certificate is recorded for disposing of ${media.label}: that it was erased or destroyed can be neither checked nor shown`,
    });
    if (!hasControl(media, 'physical-destruction') && !hasControl(media, 'secure-erase')) {
      likelihood = adjust(likelihood, +1, { ja: `${media.label}に物理破壊・確実なデータ消去の記載がない`, en: `neither physical destruction nor secure erasure is recorded for ${media.label}` });
    }
    return [finding(
      {
        ja: `契約終了時に${names.ja}を格納した${media.label}を廃棄した証跡が残らず、消去漏れや不完全な破壊に気付けないまま情報が残存・流出する`,
        en: `disposing of ${media.label} with ${names.en} at contract termination leaves no evidence, so missed erasure or incomplete destruction goes unnoticed and the information remains or leaks`,
      },
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
