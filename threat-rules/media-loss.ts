// Every transport of a storage medium holding medical information: lost or stolen on the way (3). A
// locked case, tracking, a hand-over record and tamper-evident packaging each take one off. Encryption
// makes a lost medium unreadable, so the impact drops by two, but not below 2: the information is still gone.
import type { Rule } from '../models/risk.js';
import { dataNames, finding, impactOf, lowerTo, mitigate, start } from './predicates.js';

export const rule: Rule = {
  id: 'media-loss',
  threat: 'loss-theft-taken-out',
  title: { ja: '記憶媒体の搬送中の紛失・盗難', en: 'Storage media lost or stolen in transit' },
  risk: {
    ja: '医療情報を格納した記憶媒体を搬送する途中で置き忘れ・紛失・盗難が起こり、情報が第三者の手に渡る、または失われる',
    en: 'a storage medium holding medical information is left behind, lost or stolen on the way, and the information reaches outsiders or is lost',
  },
  cia: ['C', 'A'],
  segments: ['media'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '媒体台帳で搬送する媒体を管理し、受け渡しのたびに記録を残す', en: 'keep the media in an inventory and record every hand-over' },
      { ja: '搬送を委託する場合は、委託先の管理体制を確認し契約で安全管理を求める', en: 'when transport is outsourced, check the carrier\'s controls and require safeguards in the contract' },
    ],
    physical: [
      { ja: '施錠可能なケースと開封検知の梱包で搬送する', en: 'carry media in locked cases with tamper-evident packaging' },
    ],
    technical: [
      { ja: '媒体の暗号化（紛失しても読み出せないようにする）', en: 'encrypt the media, so that a lost medium cannot be read' },
      { ja: '搬送状況の追跡', en: 'track the consignment in transit' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 機器や記憶媒体の持ち出し時の紛失・盗難）', en: 'Provider guideline 5.2.1, risk identification (representative threat: loss or theft of devices or media taken off site)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.2.2 リスク分析（③ データを格納した可搬型媒体等の持ち出し）、6.3 個人情報の記録媒体の管理（保管・授受等）', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.2.2 (③ portable media taken out) and 6.3 (managing the storage and hand-over of media)' },
  ],
  origin: 'builtin',
  check(segment) {
    const media = segment.media;
    const [from, to] = segment.places;
    if (!media || !from || !to || segment.dataClass === 'other') return [];
    const carrier = segment.actor;
    const outsourced = carrier?.org === 'third-party';
    let likelihood = start(3, outsourced
      ? {
        ja: `記憶媒体を搬送する間は置き忘れ・紛失・盗難の機会がある（搬送は第三者の${carrier.label}に委託しており、搬送中の管理は委託先に依存する）`,
        en: `a medium in transit can be left behind, lost or stolen (transport is outsourced to ${carrier.label}, a third party, so its handling depends on the carrier)`,
      }
      : {
        ja: '記憶媒体を搬送する間は置き忘れ・紛失・盗難の機会がある',
        en: 'a medium in transit can be left behind, lost or stolen',
      });
    likelihood = mitigate(likelihood, media, ['locked-case', 'tracking', 'handover-record', 'tamper-evident'], 1);
    let impact = impactOf(segment, ['C', 'A']);
    if (media.encrypted) {
      impact = lowerTo(impact, Math.max(2, impact.value - 2), {
        ja: '媒体は暗号化されており、紛失しても内容は読み出せない（情報が失われることは変わらない）',
        en: 'the medium is encrypted: unreadable if lost (the information is still lost)',
      });
    }
    const route = {
      ja: `${from.location.label}（${from.site.label}）から${to.location.label}（${to.site.label}）へ`,
      en: `from ${from.location.label} (${from.site.label}) to ${to.location.label} (${to.site.label})`,
    };
    const by = carrier ? { ja: `${carrier.label}が`, en: ` by ${carrier.label}` } : { ja: '', en: '' };
    return [finding(
      {
        ja: `${by.ja}${route.ja}搬送する${media.label}（${dataNames(segment.data, 'ja')}）が途中で紛失・盗難に遭う`,
        en: `${media.label} (${dataNames(segment.data, 'en')}), carried ${route.en}${by.en}, is lost or stolen on the way`,
      },
      impact,
      likelihood,
    )];
  },
};
