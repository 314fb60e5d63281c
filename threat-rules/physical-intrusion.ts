// Physical intrusion into the place where medical information is processed or kept: someone without
// rights enters the room and steals, alters or wrecks the equipment. Common without entry control (3);
// a place open to the public adds one; locks, entry control, CCTV, constant staffing, an entry log and
// the site's guards each take one off. Listed once per location.
import type { Messages } from '../models/message.js';
import type { Location, Site } from '../models/model.js';
import type { Score } from '../models/risk.js';
import type { Rule } from '../models/rule.js';
import type { PlacedDevice } from '../models/segment.js';
import { adjust, carried, dataList, finding, impactOf, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  intrudes: {
    ja: '正当な権限を持たない者が{location}（{site}）に侵入し、{device}の{data}を盗み出す、改竄する、または機器を破壊する',
    en: 'someone without rights enters {location} ({site}) and steals or alters {data} on {device}, or wrecks it',
  },
  noEntryControl: {
    ja: '入退室の管理が十分でなければ、{location}（{site}）への侵入は一般的な手口で起こり得る',
    en: 'without sufficient entry control, entering {location} ({site}) takes no special skill',
  },
  public: { ja: '{location}は不特定多数が立ち入る場所', en: '{location} is open to the public' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** Each room's likelihood (it reads the room and its site only), once per room: every device in it asks. */
const LIKELIHOODS = new WeakMap<Location, { readonly site: Site; readonly likelihood: Score }>();

function likelihoodAt({ location, site }: PlacedDevice): Score {
  const known = LIKELIHOODS.get(location);
  if (known && known.site === site) return known.likelihood;
  let likelihood = start(3, say('noEntryControl', { location: ref(location.id), site: ref(site.id) }));
  if (location.public) likelihood = adjust(likelihood, +1, say('public', { location: ref(location.id) }));
  likelihood = mitigate(likelihood, location, ['locked', 'entry-control', 'cctv', 'staffed-always', 'entry-log'], 1);
  likelihood = mitigate(likelihood, site, ['security-guard'], 1);
  LIKELIHOODS.set(location, { site, likelihood });
  return likelihood;
}

export const rule: Rule = {
  id: 'physical-intrusion',
  threat: 'physical-intrusion',
  title: { ja: '機器の設置場所への物理的侵入', en: 'Physical intrusion where the equipment stands' },
  risk: {
    ja: '正当な権限を持たない者が医療情報を処理・保存する機器の設置場所に侵入し、機器や記憶媒体から情報を盗み出す、改竄する、または機器を破壊する',
    en: 'someone without rights enters the place where medical information is processed or stored, and steals or alters information from the equipment and media, or wrecks the equipment',
  },
  cia: ['C', 'I', 'A'],
  segments: ['processing', 'storage', 'logging'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '入室権限者を限定し、入退室の記録を定期的に点検する', en: 'limit who may enter, and review the entry records regularly' },
      { ja: '来訪者・保守業者の記録と付き添い', en: 'record visitors and maintenance staff, and escort them' },
    ],
    physical: [
      { ja: '設置場所の施錠と入退室管理（ICカード・生体認証等）', en: 'lock the room and control entry (IC cards, biometrics and the like)' },
      { ja: '監視カメラ・侵入検知装置の設置、機器の盗難防止チェーン', en: 'CCTV and intrusion detection, and anti-theft chains on equipment' },
    ],
    technical: [
      { ja: '保存データの暗号化（機器や記憶媒体が持ち去られても読み出せないようにする）', en: 'encrypt stored data, so that equipment or media carried off cannot be read' },
      { ja: '機器の筐体開放・取り外しの検知と稼働監視', en: 'detect the opening or removal of equipment, and monitor it' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 施設への物理的侵入）', en: 'Provider guideline 5.2.1, risk identification (representative threat: physical intrusion into facilities)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.4 物理的安全対策（施錠、入退管理、防犯カメラ）', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.4, physical safeguards (locks, entry control, CCTV)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const target = segment.kind === 'processing' ? segment.devices[0] : segment.devices[segment.devices.length - 1];
    // A carried or personal device is wherever its user is, not in a facility anyone guards: portable-cache asks about it.
    if (!target || segment.dataClass === 'other' || carried(target)) return [];
    const { location, site } = target;
    const place = { location: ref(location.id), site: ref(site.id) };
    return [finding(
      say('intrudes', { ...place, device: ref(target.device.id), data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I', 'A']),
      likelihoodAt(target),
      location.id,
    )];
  },
};
