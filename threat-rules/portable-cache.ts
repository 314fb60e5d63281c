// Medical information kept on a device people carry, or on a person's own device (a patient's, a staff
// member's: BYOD): a cache, a temporary copy or a copy that goes wherever the device goes. Lost or stolen
// (3), it takes the information with it; a personal device is 4, since the institution cannot enforce its
// settings and information stays in its working environment (MHLW 6.0 asks that none does). Encryption at
// rest, device management and remote wipe each take one off; a cache kept a day at most takes one off.
// A patient's own device shows only that patient's information: the impact is one lower. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { DeviceKind } from '../models/vocabulary.js';
import { adjust, at, dataList, findingBy, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  goesWith: {
    ja: '{device}に残る{data}が、機器の紛失・盗難や持ち帰りとともに第三者の手に渡る',
    en: '{data} left on {device} go wherever the device goes, and reach outsiders when it is lost, stolen or taken home',
  },
  carried: {
    ja: '{device}は持ち運ばれる機器で、紛失・盗難の機会があり、保存された情報もともに失われる',
    en: '{device} is carried about: it can be lost or stolen, and what it keeps goes with it',
  },
  personal: {
    ja: '{device}は職員個人の機器（BYOD）で、医療機関等が設定を強制できず、端末の作業環境に医療情報が残りやすい',
    en: '{device} is a staff member\'s own device (BYOD): the institution cannot enforce its settings, and information stays in its working environment',
  },
  patients: {
    ja: '{device}は患者個人の機器で、対象事業者も医療機関等も管理できない',
    en: '{device} is a patient\'s own device: neither the provider nor the institution manages it',
  },
  brief: { ja: '{device}には{days}日以内しか保存しない', en: '{device} keeps it for {days} day(s) at most' },
  ownOnly: { ja: '患者個人の機器には、その患者自身の情報だけが表示・保存される', en: 'a patient\'s own device shows and keeps only that patient\'s own information' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** Device kinds that go where people go. */
const CARRIED: ReadonlySet<DeviceKind> = new Set(['tablet', 'smartphone']);

export const rule: Rule = {
  id: 'portable-cache',
  threat: 'loss-theft-taken-out',
  title: { ja: '持ち運ぶ機器・個人の機器に残る医療情報', en: 'Medical information left on carried or personal devices' },
  risk: {
    ja: 'タブレット・スマートフォンや個人所有の機器にキャッシュ・一時保管・複製として残る医療情報が、機器の紛失・盗難・持ち帰りとともに漏えいする',
    en: 'medical information left as a cache, a temporary copy or a copy on a tablet, a smartphone or a personal device leaks when the device is lost, stolen or taken home',
  },
  cia: ['C'],
  segments: ['storage'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '業務で使う個人所有の機器（BYOD）の可否・条件・登録と、紛失時の届出を運用管理規程に定める', en: 'set out in the operating rules whether and how personal devices (BYOD) may be used, their registration, and how a loss is reported' },
      { ja: '患者には、自分の機器に表示・保存される情報とその管理を説明する', en: 'explain to patients what their own device shows and keeps, and how to look after it' },
    ],
    physical: [
      { ja: '持ち出す機器の台帳管理と、使用後の返却・保管場所の施錠', en: 'keep a register of devices taken out, and return them to a locked place after use' },
    ],
    technical: [
      { ja: '端末に医療情報を残さない仕組み（画面転送・VDI・終了時のキャッシュ消去）', en: 'keep medical information off the device (screen transfer, VDI, clearing caches on exit)' },
      { ja: '保存データの暗号化、MDMによる管理とリモートワイプ', en: 'encryption at rest, mobile device management and remote wipe' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 代表的な脅威「機器や記憶媒体の持ち出し時の紛失・盗難」', en: 'Provider guideline, representative threats: loss or theft of devices or media taken off site' },
    { ja: '医療情報安全管理ガイドライン 6.0 システム運用編 7.2.1（BYODでは端末の作業環境内に医療情報が残存しないようにする）', en: 'MHLW guideline 6.0, system operation 7.2.1 (with BYOD, no medical information may remain in the device\'s working environment)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const device = segment.devices[segment.devices.length - 1];
    if (!device || segment.dataClass === 'other' || !segment.keeping) return [];
    const owner = device.device.owner;
    const personal = owner === 'staff' || owner === 'patient';
    if (!personal && !CARRIED.has(device.device.kind)) return [];
    const self = { device: at(device) };
    let likelihood = owner === 'staff' ? start(4, say('personal', self)) : owner === 'patient' ? start(3, say('patients', self)) : start(3, say('carried', self));
    likelihood = mitigate(likelihood, device.device, ['encryption-at-rest', 'mdm', 'remote-wipe'], 1);
    const days = segment.keeping.entries.map((k) => k.retentionDays).filter((d): d is number => typeof d === 'number');
    if (days.length > 0 && days.length === segment.keeping.entries.length && Math.max(...days) <= 1) likelihood = adjust(likelihood, -1, say('brief', { ...self, days: Math.max(...days) }));
    let impact = impactOf(segment, ['C']);
    if (owner === 'patient') impact = adjust(impact, -1, say('ownOnly'));
    return [findingBy([device.device.id], say('goesWith', { ...self, data: dataList(segment.data) }), impact, likelihood, device.device.id)];
  },
};
