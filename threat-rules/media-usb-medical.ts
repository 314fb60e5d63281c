// Special consideration ⑤: USB memory and other small media should not hold medical information. A USB
// memory or SD card carrying it is easily lost or taken out (4). Whether it is encrypted is scored by
// media-unencrypted, so the same fact does not raise two risks.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { MediaKind } from '../models/vocabulary.js';
import { dataList, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  leaks: {
    ja: '{media}（{kind}）に格納された{data}が、紛失や不正な持ち出しにより漏えいする',
    en: '{data} on {media} ({kind}) leak when it is lost or taken out without right',
  },
  small: {
    ja: '{media}（{kind}）は小型で紛失しやすく、持ち出しも容易',
    en: '{media} ({kind}) is small, easily lost and easily taken out',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const SMALL: readonly MediaKind[] = ['usb-memory', 'sd-card'];

export const rule: Rule = {
  id: 'media-usb-medical',
  threat: 'loss-theft-taken-out',
  title: { ja: 'USBメモリ等の小型記憶媒体への医療情報の格納', en: 'Medical information on USB memory and other small media' },
  risk: {
    ja: 'USBメモリ・SDカード等の小型記憶媒体に医療情報を格納するため、紛失や不正な持ち出しにより医療情報が漏えいする',
    en: 'medical information is kept on USB memory, SD cards or other small media, and leaks when one is lost or taken out without right',
  },
  cia: ['C'],
  segments: ['media'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: 'USBメモリ等の小型記憶媒体に医療情報を格納しないことを運用管理規程に定める', en: 'forbid keeping medical information on USB memory and other small media in the operating rules' },
    ],
    physical: [
      { ja: 'やむを得ず使う媒体は台帳で管理し、施錠保管する', en: 'where such media cannot be avoided, keep them in an inventory and locked away' },
    ],
    technical: [
      { ja: '端末での外部記憶媒体の利用制限（デバイス制御）', en: 'block external storage media on terminals (device control)' },
      { ja: '小型記憶媒体による受け渡しを、セキュアなネットワークでの転送に置き換える', en: 'replace hand-overs on small media with transfer over a secure network' },
      { ja: 'やむを得ず使う場合はハードウェア暗号化機能付きの媒体とする', en: 'where they cannot be avoided, use media with built-in hardware encryption' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ⑤ 小型半導体メモリやクラウド上のストレージサービスの利用', en: 'Provider guideline, special considerations ⑤: small semiconductor memory and cloud storage services' },
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 機器や記憶媒体の持ち出し時の紛失・盗難）', en: 'Provider guideline 5.2.1, risk identification (representative threat: loss or theft of devices or media taken off site)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const media = segment.media;
    if (!media || !SMALL.includes(media.kind) || segment.dataClass === 'other') return [];
    const self = { media: ref(media.id), kind: { term: 'mediaKind', key: media.kind } } as const;
    // Whether it is encrypted is media-unencrypted's question; here it is the kind of medium itself.
    const likelihood = start(4, say('small', self));
    return [finding(
      say('leaks', { ...self, data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
