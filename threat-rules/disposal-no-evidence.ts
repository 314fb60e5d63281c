// Contract termination: information erased, disposed of or handed back without evidence. A flow that
// erases or disposes of a device's information with no erasure certificate (3; +1 when no secure erasure
// is recorded either); a medium disposed of without one (+1 when neither physical destruction nor secure
// erasure is recorded); a medium handed back to the medical institution without a hand-over record.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { Operation } from '../models/vocabulary.js';
import { adjust, at, dataList, deviceFacts, finding, hasControl, impactOf, ref, sayer, start } from './predicates.js';

const ERASING: readonly Operation[] = ['erase', 'dispose'];

const MESSAGES = {
  // A device's information erased or disposed of by a flow.
  erased: {
    ja: '契約終了時に{device}の{data}を消去・廃棄した証跡が残らず、消去漏れや不完全な消去に気付けないまま情報が残存・流出する',
    en: 'erasing {data} from {device} at contract termination leaves no evidence, so missed or incomplete erasure goes unnoticed and the information remains or leaks',
  },
  noCertificate: {
    ja: '{device}の消去・廃棄について消去証明の記載がない: 確実に消去されたことを確認も説明もできない',
    en: 'no erasure certificate is recorded for erasing or disposing of {device}: that it was erased can be neither checked nor shown',
  },
  noSecureErase: { ja: '{device}に確実なデータ消去の手段の記載がない', en: 'no secure erasure is recorded for {device}' },
  // A medium handed back to the medical institution.
  returned: {
    ja: '契約終了時に{data}を格納した{medium}を返却した証跡が残らず、媒体の紛失や誤配送に気付けないまま情報が流出する',
    en: 'returning {medium} with {data} at contract termination leaves no evidence, so a lost or misdelivered medium goes unnoticed and the information leaks',
  },
  noHandover: {
    ja: '{medium}を{location}（{site}）へ返却した受け渡し記録がない',
    en: 'no hand-over record is kept for returning {medium} to {location} ({site})',
  },
  // A medium disposed of.
  disposed: {
    ja: '契約終了時に{data}を格納した{medium}を廃棄した証跡が残らず、消去漏れや不完全な破壊に気付けないまま情報が残存・流出する',
    en: 'disposing of {medium} with {data} at contract termination leaves no evidence, so missed erasure or incomplete destruction goes unnoticed and the information remains or leaks',
  },
  mediumNoCertificate: {
    ja: '{medium}の廃棄について消去証明の記載がない: 確実に消去・破壊されたことを確認も説明もできない',
    en: 'no erasure certificate is recorded for disposing of {medium}: that it was erased or destroyed can be neither checked nor shown',
  },
  mediumNoDestruction: {
    ja: '{medium}に物理破壊・確実なデータ消去の記載がない',
    en: 'neither physical destruction nor secure erasure is recorded for {medium}',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

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
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    if (segment.dataClass === 'other') return [];
    const data = dataList(segment.data);
    const device = segment.devices[0];
    if (segment.flow && device) {
      // The evidence is the provider's to give for what it holds; the institution's own equipment is its own.
      if (!deviceFacts(context, device.device.id).providerHolds) return [];
      if (!segment.flow.how.some((o) => ERASING.includes(o)) || hasControl(device.device, 'erasure-certificate')) return [];
      const self = { device: at(device) };
      let likelihood = start(3, say('noCertificate', self));
      if (!hasControl(device.device, 'secure-erase')) likelihood = adjust(likelihood, +1, say('noSecureErase', self));
      return [finding(say('erased', { ...self, data }), impactOf(segment, ['C']), likelihood)];
    }
    const media = segment.media;
    const to = segment.places[1];
    if (!media || !to) return [];
    const medium = { medium: ref(media.id) };
    if (to.site.owner === 'institution') {
      // Handed back to the medical institution: the evidence of a return is the hand-over record.
      if (hasControl(media, 'handover-record')) return [];
      const likelihood = start(3, say('noHandover', { ...medium, location: ref(to.location.id), site: ref(to.site.id) }));
      return [finding(say('returned', { ...medium, data }), impactOf(segment, ['C']), likelihood)];
    }
    if (hasControl(media, 'erasure-certificate')) return [];
    let likelihood = start(3, say('mediumNoCertificate', medium));
    if (!hasControl(media, 'physical-destruction') && !hasControl(media, 'secure-erase')) {
      likelihood = adjust(likelihood, +1, say('mediumNoDestruction', medium));
    }
    return [finding(say('disposed', { ...medium, data }), impactOf(segment, ['C']), likelihood)];
  },
};
