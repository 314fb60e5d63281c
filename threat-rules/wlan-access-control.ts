// A wireless LAN whose terminal connection is not restricted by IEEE 802.1X with certificates. Open or
// WEP is 5; MAC filtering as the restriction is 4 (MAC addresses are easily spoofed); a shared
// WPA2/WPA3-Personal passphrase, or an unstated mode, is 3; enterprise mode not confirmed as
// certificate-based 802.1X is 2. One risk per wireless network (`at`), whatever flows cross it.
import type { Messages } from '../models/message.js';
import type { Network } from '../models/model.js';
import type { Score } from '../models/risk.js';
import type { Rule } from '../models/rule.js';
import { dataList, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  unauthorisedDevice: {
    ja: '{network}に許可されていない端末が接続し、{network}を流れる{data}が盗聴・改竄される',
    en: 'an unauthorised device joins {network} and reads or alters {data} crossing it',
  },
  anyoneJoins: { ja: '{network}は{security}: 誰でも接続・傍受できる', en: '{network} is {security}: anyone can join and listen' },
  enterpriseUnconfirmed: {
    ja: '{network}は{security}だが、IEEE 802.1Xと電子証明書による端末認証かどうかがモデルに記載されていない',
    en: '{network} uses {security}, but the model does not confirm IEEE 802.1X with certificates',
  },
  macFilterOnly: {
    ja: '{network}の端末接続制限がMACアドレスフィルタリングのみ: MACアドレスは容易に詐称できる',
    en: '{network} restricts terminals by MAC filtering only: MAC filtering alone is spoofable',
  },
  sharedPassphrase: {
    ja: '{network}は{security}（共有パスフレーズ）: パスフレーズを知る者は誰でも接続でき、端末は限定されない',
    en: '{network} uses {security} (a shared passphrase): anyone who knows it can join, and terminals are not restricted',
  },
  modeUnstated: {
    ja: '{network}のセキュリティ方式と端末接続制限がモデルに記載されていない',
    en: 'the model does not state {network}\'s security mode or how it restricts terminals',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

function likelihoodOf(net: Network): Score {
  const mode = net.wlanSecurity;
  const network = ref(net.id);
  if (mode === 'open' || mode === 'wep') {
    return start(5, say('anyoneJoins', { network, security: { term: 'wlanSecurity', key: mode } }));
  }
  if (mode === 'wpa2-enterprise' || mode === 'wpa3-enterprise') {
    return start(2, say('enterpriseUnconfirmed', { network, security: { term: 'wlanSecurity', key: mode } }));
  }
  if (net.macFilter === true) return start(4, say('macFilterOnly', { network }));
  if (mode === 'wpa2-personal' || mode === 'wpa3-personal') {
    return start(3, say('sharedPassphrase', { network, security: { term: 'wlanSecurity', key: mode } }));
  }
  return start(3, say('modeUnstated', { network }));
}

export const rule: Rule = {
  id: 'wlan-access-control',
  threat: 'eavesdropping-spoofing',
  title: { ja: '無線LANの端末接続制限の不備', en: 'Weak terminal restriction on a wireless LAN' },
  risk: {
    ja: '無線LANに許可されていない端末が正規の端末になりすまして接続し、院内ネットワークの通信を盗聴・改竄する、またはそこからシステムへ侵入する',
    en: 'an unauthorised device joins the wireless LAN posing as an authorised terminal, then reads or alters traffic on the network or attacks the system from there',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '接続を許可する端末の台帳を管理し、証明書の発行・失効を手続として定める', en: 'keep a register of the terminals allowed to join, and a procedure to issue and revoke their certificates' },
    ],
    physical: [
      { ja: 'アクセスポイントを利用者の手の届かない場所・施錠区画に設置し、電波の届く範囲を必要な場所に絞る', en: 'mount access points out of reach or in locked areas, and limit radio coverage to where it is needed' },
    ],
    technical: [
      { ja: 'IEEE 802.1Xと電子証明書（EAP-TLS）による端末認証（WPA2/WPA3-Enterprise）', en: 'authenticate terminals with IEEE 802.1X and certificates (EAP-TLS, WPA2/WPA3-Enterprise)' },
      { ja: 'MACアドレスフィルタリングは補助にとどめ、単独の接続制限としない', en: 'treat MAC filtering as an extra, never the only restriction' },
      { ja: '無線LANを医療情報を扱うネットワークと分離する', en: 'separate the wireless LAN from networks that carry medical information' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ④ 無線LANの端末接続制限（MACアドレスに加えIEEE 802.1Xと電子証明書）', en: 'Provider guideline, special considerations ④: terminal restriction on wireless LANs (IEEE 802.1X with certificates, beyond MAC addresses)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || hop.network.kind !== 'wireless-lan') return [];
    const net = hop.network;
    if (net.ieee8021x === true) return [];
    return [finding(
      say('unauthorisedDevice', { network: ref(net.id), data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihoodOf(net),
      net.id,
    )];
  },
};
