// A temporary copy of medical information (一時保管: a copy kept until the work is done, such as images
// waiting to be read at a remote reading centre) with no agreed retention period on the device that keeps
// it. Copies pile up and outlive their purpose, and leak (3). The guideline asks that information kept
// temporarily outside have its retention period agreed. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, finding, impactOf, sayer, start } from './predicates.js';

const MESSAGES = {
  outlives: {
    ja: '{device}に一時保管される{data}の保存期間が定められておらず、用が済んだ後も残り続けて漏えいする',
    en: '{data} kept temporarily on {device} have no retention period, stay after they are needed, and leak',
  },
  noPeriod: {
    ja: '{device}の一時保管に保存期間（retention）が記載されていない: 消去の時期を誰も決めていない',
    en: 'the model states no retention for what {device} keeps temporarily: nobody has decided when it is erased',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'temporary-retention',
  threat: 'theft-leak',
  title: { ja: '保存期間の定めのない一時保管', en: 'Temporary copies with no retention period' },
  risk: {
    ja: '一時的に保管する医療情報の保存期間が合意されておらず、用が済んだ後も残り続け、漏えいや目的外の利用に至る',
    en: 'medical information kept temporarily has no agreed retention period, remains after it is needed, and leaks or is used for other ends',
  },
  cia: ['C'],
  segments: ['storage'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '一時保管する情報の保存期間と消去の方法を、委託先・医療機関等と双方協議して契約に明記する', en: 'agree the retention period and the way of erasing temporary copies with the contractor and the institution, and write them into the contract' },
    ],
    physical: [
      { ja: '一時保管の記憶装置を入退室管理された区画に置く', en: 'keep the storage of temporary copies in an entry-controlled area' },
    ],
    technical: [
      { ja: '保存期間を過ぎた情報の自動消去と、その記録', en: 'erase copies automatically when the period ends, and keep a record of it' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン 4.3（業務の委託に伴い情報が一時的に外部に保存される場合: 保存期間の規定等の管理監督）', en: 'MHLW guideline 4.3 (information kept temporarily outside because work is contracted out: the retention period and its supervision)' },
    { ja: '提供事業者ガイドライン 代表的な脅威「情報の窃取・漏洩」', en: 'Provider guideline, representative threats: theft or leak of information' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const device = segment.devices[segment.devices.length - 1];
    const keeping = segment.keeping;
    if (!device || segment.dataClass === 'other' || keeping?.as !== 'temporary') return [];
    const temporary = keeping.entries.filter((k) => k.as === 'temporary');
    if (temporary.every((k) => k.retentionDays !== null)) return [];
    const self = { device: at(device) };
    const data = segment.data.filter((d) => temporary.some((k) => k.retentionDays === null && k.data.includes(d.id)));
    return [finding(say('outlives', { ...self, data: dataList(data) }), impactOf(segment, ['C']), start(3, say('noPeriod', self)), device.device.id)];
  },
};
