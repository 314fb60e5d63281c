// A network hop carrying medical information in the clear: neither the link (TLS etc.) nor the network
// (VPN) encrypts it. The network's kind sets the likelihood: the internet 5, a wireless LAN 4, a wired or
// cloud-internal network 2 inside one site and 3 between sites, the guideline's secure networks 2.
// One risk per link, whatever flows cross it (it keeps the most sensitive flow's impact).
import type { Rule, Score } from '../models/risk.js';
import type { Hop } from '../models/segment.js';
import { NETWORK_KINDS, type Term } from '../models/vocabulary.js';
import { finding, hopName, impactOf, start, where } from './predicates.js';

function likelihoodOf(hop: Hop): Score {
  const net = hop.network;
  const kind = NETWORK_KINDS[net.kind];
  switch (net.kind) {
    case 'internet':
      return start(5, { ja: `${net.label}はインターネット: 経路上の誰もが平文の通信を盗聴・改竄できる`, en: `${net.label} is the internet: anyone on the path can read or alter cleartext traffic` });
    case 'wireless-lan':
      if (net.wlanSecurity === 'open' || net.wlanSecurity === 'wep') {
        return start(5, { ja: `${net.label}は無線LAN（${net.wlanSecurity === 'open' ? '暗号化なし' : 'WEP: 容易に解読される'}）: 電波の届く範囲の誰もが通信を傍受できる`, en: `${net.label} is a wireless LAN with ${net.wlanSecurity === 'open' ? 'no encryption' : 'WEP, which is easily broken'}: anyone in radio range can capture the traffic` });
      }
      return start(4, { ja: `${net.label}は無線LAN: 電波の届く範囲から平文の通信を傍受できる`, en: `${net.label} is a wireless LAN: cleartext traffic can be captured from anywhere in radio range` });
    case 'lan':
    case 'cloud-internal':
      return hop.from.site.id === hop.to.site.id
        ? start(2, { ja: `${net.label}（${kind.ja}）は${hop.from.site.label}の中で閉じている: 盗聴には内部への接続が必要`, en: `${net.label} (${kind.en}) stays inside ${hop.from.site.label}: eavesdropping needs access from inside` })
        : start(3, { ja: `${net.label}（${kind.ja}）が${hop.from.site.label}と${hop.to.site.label}の拠点間をまたぐ`, en: `${net.label} (${kind.en}) runs between ${hop.from.site.label} and ${hop.to.site.label}` });
    case 'ipsec-vpn':
    case 'ssl-vpn-client':
    case 'ssl-vpn-clientless':
      return start(3, { ja: `${net.label}（${kind.ja}）が暗号化なしと記載されている（VPNの設定不備）`, en: `${net.label} (${kind.en}) is stated as unencrypted (a misconfigured VPN)` });
    case 'closed-network':
    case 'leased-line':
    case 'private-link':
    case 'vpc-peering':
    case 'direct-connect':
      // The guideline counts these as secure networks (セキュアなネットワーク) even without encryption of their own.
      return start(2, {
        ja: `${net.label}（${kind.ja}）はガイドラインのいうセキュアなネットワーク: 第三者の盗聴は起こりにくいが、通信自体は暗号化されていない`,
        en: `${net.label} (${kind.en}) is a secure network in the guideline's sense: outsiders are unlikely to listen, but the traffic itself is not encrypted`,
      });
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
  origin: 'builtin',
  check(segment) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other') return [];
    if (hop.link.encrypted || hop.network.encrypted) return [];
    const name = hopName(hop);
    const data = { ja: segment.data.map((d) => d.label).join('・'), en: segment.data.map((d) => d.label).join(', ') };
    return [finding(
      {
        ja: `${name.ja}を暗号化せずに流れる${data.ja}が盗聴・改竄される`,
        en: `${data.en} crossing ${name.en} unencrypted is read or altered on the way`,
      },
      impactOf(segment, ['C', 'I']),
      likelihoodOf(hop),
      hop.link.id,
    )];
  },
};
