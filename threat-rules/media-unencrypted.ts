// A storage medium carrying medical information unencrypted: whoever gets hold of it, lost, stolen or
// copied, reads it as it is (4). Paper is left to media-loss and paper-disposal: it cannot be encrypted.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { dataList, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  readable: {
    ja: '暗号化されていない{media}に格納された{data}が、紛失・盗難・無断複製によりそのまま読み出され漏えいする',
    en: '{data} on {media}, which is not encrypted, are read as they are when it is lost, stolen or copied',
  },
  notEncrypted: {
    ja: '{media}は暗号化されておらず、入手した者は誰でも内容をそのまま読み出せる',
    en: '{media} is not encrypted: anyone who gets hold of it can read it as it is',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'media-unencrypted',
  threat: 'theft-leak',
  title: { ja: '暗号化されていない記憶媒体による医療情報の搬送', en: 'Medical information carried on unencrypted media' },
  risk: {
    ja: '暗号化されていない記憶媒体に医療情報を格納して搬送するため、媒体を紛失・盗難・無断複製された場合に内容がそのまま読み出され漏えいする',
    en: 'medical information is carried on an unencrypted medium, so anyone who loses, steals or copies it can read it as it is',
  },
  cia: ['C'],
  segments: ['media'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '医療情報を記憶媒体に書き出す際は暗号化することを運用管理規程に定め、鍵（パスワード）は媒体と別の経路で伝える', en: 'require in the operating rules that medical information written to media is encrypted, and send the key by another route than the medium' },
    ],
    physical: [
      { ja: '媒体を施錠可能なケースに入れて搬送・保管する', en: 'carry and keep media in locked cases' },
    ],
    technical: [
      { ja: '媒体全体の暗号化、またはハードウェア暗号化機能付きの媒体の使用', en: 'encrypt the whole medium, or use media with built-in hardware encryption' },
      { ja: '可能であれば記憶媒体の搬送をセキュアなネットワークでの転送に置き換える', en: 'where possible, replace carrying media with transfer over a secure network' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.2.2 リスク分析（③ 可搬型媒体の持ち出し・コピー）、8.2.2 可搬型媒体を用いた外部保存における個人情報の保護', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.2.2 (③ portable media taken out or copied) and 8.2.2 (protecting personal information in off-site storage on portable media)' },
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 情報の窃取・漏洩）', en: 'Provider guideline 5.2.1, risk identification (representative threat: theft or leak of information)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const media = segment.media;
    if (!media || media.encrypted || media.kind === 'paper' || segment.dataClass === 'other') return [];
    const self = { media: ref(media.id) };
    const likelihood = start(4, say('notEncrypted', self));
    return [finding(
      say('readable', { ...self, data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
