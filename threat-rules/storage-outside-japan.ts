// Storage outside Japan: medical information (or an area that may contain it) stored at a site whose
// country is not Japan is exposed to foreign law (3); a site whose country the model does not state is 2,
// and says so. One risk per site.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, carried, dataList, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  storedAbroad: {
    ja: '{store}に保存される{data}が日本国外（{country}）の{site}にあり、国外の法令に基づく開示要求等により第三者に渡る',
    en: '{data} stored at {store} are at {site} outside Japan ({country}), and are handed to third parties under foreign law',
  },
  countryUnknown: {
    ja: '{site}の所在国がモデルに記載されておらず、{store}に保存される{data}が国内法の下で保存されているか確認できない',
    en: 'the model does not state the country of {site}, so whether {data} stored at {store} are kept under Japanese law cannot be checked',
  },
  foreignLaw: { ja: '{site}は日本国外（{country}）にあり、国外の法令が適用され得る', en: '{site} is outside Japan ({country}), where foreign law may apply' },
  countryUnstated: { ja: '{site}の所在国が記載されていない', en: 'the country of {site} is not stated' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'storage-outside-japan',
  threat: 'theft-leak',
  title: { ja: '国外での医療情報の保存', en: 'Medical information stored outside Japan' },
  risk: {
    ja: '医療情報を保存する機器が日本国外にあり、国外の法令に基づく開示要求・差押え等により医療機関等の関与なく第三者に渡る',
    en: 'medical information is stored on equipment outside Japan and handed to third parties under foreign law (disclosure orders, seizure) without the medical institution having a say',
  },
  cia: ['C'],
  segments: ['storage'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '保存場所（国・地域）と国外法の適用可能性を医療機関等に示し、合意を得る', en: 'tell the medical institution where (country, region) the information is stored and whether foreign law may apply, and obtain its agreement' },
      { ja: '国内法が適用され、国内で裁判管轄が定まる契約とする', en: 'contract under Japanese law, with jurisdiction in Japan' },
    ],
    physical: [
      { ja: '医療情報を保存する機器を国内の拠点に置く', en: 'keep equipment that stores medical information at sites in Japan' },
    ],
    technical: [
      { ja: 'クラウドの保存リージョンを国内に限定する設定と、その監視', en: 'restrict cloud storage regions to Japan, and monitor that setting' },
      { ja: '鍵を国内で管理する暗号化', en: 'encryption with keys managed in Japan' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 事業者の選定基準（国内法の適用、保存場所の地域・国、国外法の適用可能性）', en: 'Provider guideline, provider selection criteria (Japanese law applies, the region and country of storage, exposure to foreign law)' },
    { ja: '提供事業者ガイドライン 制度上の要求事項（国内法の執行による調査・命令の対象）', en: 'Provider guideline, regulatory requirements (subject to investigation and orders under Japanese law)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const store = segment.devices[segment.devices.length - 1];
    // A carried or personal device goes where its user goes: that is not storage placed in a country (portable-cache asks about it).
    if (!store || segment.dataClass === 'other' || carried(store)) return [];
    const site = store.site;
    if (site.country === 'JP') return [];
    const place = { site: ref(site.id) };
    const stored = { ...place, store: at(store), data: dataList(segment.data) };
    if (site.country === null) {
      return [finding(
        say('countryUnknown', stored),
        impactOf(segment, ['C']),
        start(2, say('countryUnstated', place)),
        site.id,
      )];
    }
    const country = site.country;
    return [finding(
      say('storedAbroad', { ...stored, country }),
      impactOf(segment, ['C']),
      start(3, say('foreignLaw', { ...place, country })),
      site.id,
    )];
  },
};
