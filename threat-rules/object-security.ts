// Object security (オブジェクトセキュリティ, seed 003): clinical documents and records sent (how: transfer)
// from one organisation to another (a referral, an imaging report, a shared record) and kept where they
// arrive. Entering one's own records into a provider's service is not an exchange: that is
// legal-record-authenticity's, on the store.
// Channel security protects them on the way only; without an electronic signature (HPKI for a qualified
// professional's document) an alteration on the way or after it cannot be detected, nor who wrote the
// document (3); signed but not time-stamped, whether the signature was valid when made cannot be shown
// once the certificate expires (2). The sending device's controls say. One risk per flow and store.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, findingBy, hasControl, impactOf, sayer, start } from './predicates.js';

const MESSAGES = {
  unverifiable: {
    ja: '{from}から{to}へ組織をまたいで送られ保存される{data}の改変や作成者を、受け取った側が検証できない',
    en: 'whoever receives {data}, sent from {from} to {to} across organisations and kept there, cannot check whether they were altered or who wrote them',
  },
  unsigned: {
    ja: '{sender}は送る文書に電子署名（HPKI等）を付していない: 経路上・保存後の改変も作成者も検証できない',
    en: '{sender} does not sign what it sends (HPKI or similar): neither alteration, on the way or after, nor authorship can be checked',
  },
  noTimestamp: {
    ja: '{sender}は電子署名を付すがタイムスタンプを付していない: 証明書の有効期限後に署名の有効性を示せない',
    en: '{sender} signs but does not time-stamp: once the certificate expires, the signature\'s validity cannot be shown',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'object-security',
  threat: 'tampering-destruction',
  title: { ja: '組織間で交換する文書の電子署名・タイムスタンプがない', en: 'Documents exchanged between organisations, unsigned or not time-stamped' },
  risk: {
    ja: '組織をまたいで交換される診療文書・記録に電子署名とタイムスタンプがなく、改変や作成者を受け取った側が検証できず、真正性が失われる',
    en: 'clinical documents and records exchanged between organisations carry no electronic signature or timestamp, so the receiver cannot check alteration or authorship, and their authenticity is lost',
  },
  cia: ['I'],
  segments: ['storage'],
  phases: ['operation'],
  forms: ['application'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: '交換する文書の種類ごとに署名者（医師等の資格者）と検証の手順を参加組織で定める', en: 'agree among the organisations, for each kind of document, who signs it (a qualified professional) and how it is checked' },
    ],
    physical: [
      { ja: '署名用のHPKIカード等を本人が管理し、貸し借りしない', en: 'signers keep their HPKI cards themselves and never lend them' },
    ],
    technical: [
      { ja: 'HPKIによる電子署名とタイムスタンプを文書に付し、受信側で検証する', en: 'HPKI electronic signatures and timestamps on the documents, checked by the receiver' },
      { ja: '暗号化（電子政府推奨暗号）による文書そのものの保護', en: 'encrypt the documents themselves (with ciphers on the e-Government recommended list)' },
    ],
  },
  references: [
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」オブジェクトセキュリティ（改ざん対策として電子署名（HPKI）＋タイムスタンプ）', en: 'HEASNET report on implementing the guideline: object security (electronic signature (HPKI) and timestamp against tampering)' },
    { ja: '医療情報安全管理ガイドライン 6.0（電子署名: 保健医療福祉分野PKI（HPKI）の電子証明書による署名）', en: 'MHLW guideline 6.0 (electronic signatures with HPKI certificates)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const store = segment.devices[segment.devices.length - 1];
    const sender = segment.pathDevices[0];
    if (!store || !sender || segment.dataClass === 'other' || sender === store || !segment.flow?.how.includes('transfer')) return [];
    const from = sender.device.organisation;
    const to = store.device.organisation;
    if (from === to || [from, to].some((o) => o === 'patient' || o === 'staff')) return [];
    const documents = segment.data.filter((d) => d.kind === 'record' || d.kind === 'document');
    if (documents.length === 0 || (segment.keeping?.as !== 'record' && segment.keeping?.as !== 'copy' && segment.keeping?.as !== 'temporary')) return [];
    const signed = hasControl(sender.device, 'electronic-signature');
    if (signed && hasControl(sender.device, 'timestamp')) return [];
    const self = { sender: at(sender) };
    const likelihood = signed ? start(2, say('noTimestamp', self)) : start(3, say('unsigned', self));
    return [findingBy([sender.device.id, store.device.id], say('unverifiable', { from: at(sender), to: at(store), data: dataList(documents) }), impactOf(segment, ['I']), likelihood)];
  },
};
