// A network hop carrying medical information in the clear: neither the link (TLS etc.) nor the network
// (VPN) encrypts it. The network's kind sets the likelihood: the internet 5, a wireless LAN 4, a wired or
// cloud-internal network 2 inside one site and 3 between sites, the guideline's secure networks 2.
// One risk per link, whatever flows cross it (it keeps the most sensitive flow's impact).
import type { Messages } from '../models/message.js';
import type { Score } from '../models/risk.js';
import type { Rule } from '../models/rule.js';
import type { Hop } from '../models/segment.js';
import { dataList, finding, hopData, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  cleartext: {
    ja: '{from}→{to}（{network}）を暗号化せずに流れる{data}が盗聴・改竄される',
    en: '{data} crossing {from} → {to} ({network}) unencrypted is read or altered on the way',
  },
  internet: { ja: '{network}はインターネット: 経路上の誰もが平文の通信を盗聴・改竄できる', en: '{network} is the internet: anyone on the path can read or alter cleartext traffic' },
  wlanOpen: {
    ja: '{network}は無線LAN（暗号化なし）: 電波の届く範囲の誰もが通信を傍受できる',
    en: '{network} is a wireless LAN with no encryption: anyone in radio range can capture the traffic',
  },
  wlanWep: {
    ja: '{network}は無線LAN（WEP: 容易に解読される）: 電波の届く範囲の誰もが通信を傍受できる',
    en: '{network} is a wireless LAN with WEP, which is easily broken: anyone in radio range can capture the traffic',
  },
  wlan: { ja: '{network}は無線LAN: 電波の届く範囲から平文の通信を傍受できる', en: '{network} is a wireless LAN: cleartext traffic can be captured from anywhere in radio range' },
  insideSite: {
    ja: '{network}（{kind}）は{site}の中で閉じている: 盗聴には内部への接続が必要',
    en: '{network} ({kind}) stays inside {site}: eavesdropping needs access from inside',
  },
  betweenSites: { ja: '{network}（{kind}）が{from}と{to}の拠点間をまたぐ', en: '{network} ({kind}) runs between {from} and {to}' },
  vpnUnencrypted: { ja: '{network}（{kind}）が暗号化なしと記載されている（VPNの設定不備）', en: '{network} ({kind}) is stated as unencrypted (a misconfigured VPN)' },
  secureNetwork: {
    ja: '{network}（{kind}）はガイドラインのいうセキュアなネットワーク: 第三者の盗聴は起こりにくいが、通信自体は暗号化されていない',
    en: '{network} ({kind}) is a secure network in the guideline\'s sense: outsiders are unlikely to listen, but the traffic itself is not encrypted',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

function likelihoodOf(hop: Hop): Score {
  const net = hop.network;
  const network = ref(net.id);
  const kinded = { network, kind: { term: 'networkKind', key: net.kind } } as const;
  switch (net.kind) {
    case 'internet':
      return start(5, say('internet', { network }));
    case 'wireless-lan':
      if (net.wlanSecurity === 'open') return start(5, say('wlanOpen', { network }));
      if (net.wlanSecurity === 'wep') return start(5, say('wlanWep', { network }));
      return start(4, say('wlan', { network }));
    case 'lan':
    case 'cloud-internal':
      return hop.from.site.id === hop.to.site.id
        ? start(2, say('insideSite', { ...kinded, site: ref(hop.from.site.id) }))
        : start(3, say('betweenSites', { ...kinded, from: ref(hop.from.site.id), to: ref(hop.to.site.id) }));
    case 'ipsec-vpn':
    case 'ssl-vpn-client':
    case 'ssl-vpn-clientless':
      return start(3, say('vpnUnencrypted', kinded));
    case 'closed-network':
    case 'leased-line':
    case 'private-link':
    case 'vpc-peering':
    case 'direct-connect':
      // The guideline counts these as secure networks (セキュアなネットワーク) even without encryption of their own.
      return start(2, say('secureNetwork', kinded));
  }
}

export const rule: Rule = {
  id: 'transfer-eavesdropping',
  threat: 'eavesdropping-spoofing',
  title: { ja: '暗号化されていない通信経路での盗聴・改竄', en: 'Eavesdropping and tampering on an unencrypted hop' },
  risk: {
    ja: '暗号化されていないネットワーク経路を流れる医療情報が、経路上で盗聴・改竄される、または通信相手になりすました者に送られる',
    en: 'medical information crossing an unencrypted network hop is read or altered on the way, or sent to someone posing as the other end',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '通信経路ごとに暗号化の要否と方式を定め、構成変更のたびに見直す', en: 'decide for each hop whether and how it is encrypted, and review it at every configuration change' },
    ],
    physical: [
      { ja: 'ネットワーク機器と配線を施錠された区画に置き、第三者が物理的に接続できないようにする', en: 'keep network equipment and cabling in locked areas so outsiders cannot plug in' },
    ],
    technical: [
      { ja: 'TLS 1.3/1.2（CRYPTREC「高セキュリティ型」）による通信の暗号化と相互認証', en: 'encrypt traffic with TLS 1.3/1.2 (CRYPTREC high-security settings), with mutual authentication' },
      { ja: 'IPsec-VPN（IKE併用）や閉域網等のセキュアなネットワークを選ぶ', en: 'choose a secure network: IPsec VPN with IKE, a closed network and the like' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ③ ネットワーク経路（適切な暗号化手法の選択）', en: 'Provider guideline, special considerations ③: network paths (choosing suitable encryption)' },
    { ja: '提供事業者ガイドライン 用語「セキュアなネットワーク」', en: 'Provider guideline, terms: "secure network"' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other') return [];
    if (hop.link.encrypted || hop.network.encrypted) return [];
    return [finding(
      say('cleartext', { ...hopData(hop), data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihoodOf(hop),
      hop.link.id,
    )];
  },
};
