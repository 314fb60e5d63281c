// Every transport of a storage medium holding medical information: lost or stolen on the way, and read by
// whoever finds it (3). Handling and encryption set the likelihood together: a locked case, tracking, a
// hand-over record and tamper-evident packaging each take one off, but no handling takes a readable medium
// in transit below 2; encryption takes one more off, since a finder cannot read it without the key. The
// impact is that of the information on it: what is at stake does not change with how it is carried.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, dataList, finding, impactOf, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  lostBy: {
    ja: '{carrier}が{from}（{fromSite}）から{to}（{toSite}）へ搬送する{media}（{data}）が途中で紛失・盗難に遭う',
    en: '{media} ({data}), carried from {from} ({fromSite}) to {to} ({toSite}) by {carrier}, is lost or stolen on the way',
  },
  inTransit: { ja: '記憶媒体を搬送する間は置き忘れ・紛失・盗難の機会がある', en: 'a medium in transit can be left behind, lost or stolen' },
  inTransitOutsourced: {
    ja: '記憶媒体を搬送する間は置き忘れ・紛失・盗難の機会がある（搬送は第三者の{carrier}に委託しており、搬送中の管理は委託先に依存する）',
    en: 'a medium in transit can be left behind, lost or stolen (transport is outsourced to {carrier}, a third party, so its handling depends on the carrier)',
  },
  encrypted: {
    ja: '媒体は暗号化されており、拾った者は鍵なしに内容を読み出せない',
    en: 'the medium is encrypted: whoever finds it cannot read it without the key',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

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
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const media = segment.media;
    const [from, to] = segment.places;
    if (!media || !from || !to || segment.dataClass === 'other') return [];
    // A loaded model names every transport's carrier, an actor of the model (KZ105, KZ208).
    const carrier = segment.actor;
    if (!carrier) return [];
    const outsourced = carrier.org === 'third-party';
    let likelihood = start(3, outsourced ? say('inTransitOutsourced', { carrier: ref(carrier.id) }) : say('inTransit'));
    // A medium in transit can always go astray: handling alone keeps it at 2 at best.
    likelihood = mitigate(likelihood, media, ['locked-case', 'tracking', 'handover-record', 'tamper-evident'], 2);
    if (media.encrypted) likelihood = adjust(likelihood, -1, say('encrypted'));
    const impact = impactOf(segment, ['C', 'A']);
    const route = {
      from: ref(from.location.id), fromSite: ref(from.site.id), to: ref(to.location.id), toSite: ref(to.site.id),
      media: ref(media.id), data: dataList(segment.data),
    };
    return [finding(
      say('lostBy', { ...route, carrier: ref(carrier.id) }),
      impact,
      likelihood,
    )];
  },
};
