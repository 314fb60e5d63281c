// A hop over an IPsec VPN that does not use IKE: the guideline asks for IPsec combined with IKE. Static
// (manually keyed) IPsec is 3: keys never change and ends are not authenticated per session. When the
// model does not say, 2: most IPsec VPNs negotiate keys with IKE, but the model should state it. One risk
// per VPN.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { dataList, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  staticKeysExposed: {
    ja: '{network}（IPsec-VPN）がIKEを使わず固定鍵で運用されており、経路上の{data}が盗聴・改竄される、または接続先になりすまされる',
    en: '{network} (IPsec VPN) runs on static keys without IKE, so {data} crossing it can be read or altered, or an end impersonated',
  },
  ikeUnconfirmed: {
    ja: '{network}（IPsec-VPN）がIKEを併用しているか確認できず、固定鍵であれば経路上の{data}が盗聴・改竄される',
    en: 'whether {network} (IPsec VPN) uses IKE is not stated; with static keys {data} crossing it could be read or altered',
  },
  noIke: { ja: '{network}はIKEを使わないIPsec: 鍵が固定され、設定不備に当たる', en: '{network} is IPsec without IKE: static keys, a misconfiguration' },
  ikeUnstated: {
    ja: '{network}でIKEを併用するかがモデルに記載されていない（多くのIPsec-VPNはIKEを用いるが、記載して確認すること）',
    en: 'the model does not state whether {network} uses IKE (most IPsec VPNs do, but state it to confirm)',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'transfer-ipsec-no-ike',
  threat: 'eavesdropping-spoofing',
  title: { ja: 'IKEを併用しないIPsec-VPN', en: 'IPsec VPN without IKE' },
  risk: {
    ja: 'IKEを併用しないIPsec-VPNでは鍵が固定され拠点の相互認証も行われないため、鍵の漏えいや設定の流用により通信が盗聴・改竄され、接続先になりすまされる',
    en: 'an IPsec VPN without IKE uses fixed keys and no mutual authentication of its ends, so a leaked key or copied configuration lets someone read or alter the traffic, or pose as the other end',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: 'VPN装置の設定（鍵交換方式・認証方式）を文書化し、医療機関等・通信事業者との責任分界とともに確認する', en: 'document the VPN settings (key exchange, authentication) and check them with the institution and carrier along with the responsibility boundaries' },
    ],
    physical: [
      { ja: 'VPN装置を施錠された区画に置き、設定・鍵を持ち出せないようにする', en: 'keep VPN gateways in locked areas so their settings and keys cannot be taken' },
    ],
    technical: [
      { ja: 'IKE（IKEv2を推奨）で鍵を交換・定期更新し、電子証明書で拠点を相互認証する', en: 'exchange and renew keys with IKE (IKEv2 preferred), and authenticate both ends with certificates' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ③ ネットワーク経路（IPsecを用いる場合はIKEを組み合わせる）', en: 'Provider guideline, special considerations ③: network paths (combine IPsec with IKE)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || hop.network.kind !== 'ipsec-vpn') return [];
    const net = hop.network;
    if (net.ike === true) return [];
    const network = { network: ref(net.id) };
    const likelihood = net.ike === false ? start(3, say('noIke', network)) : start(2, say('ikeUnstated', network));
    const data = { ...network, data: dataList(segment.data) };
    return [finding(
      net.ike === false ? say('staticKeysExposed', data) : say('ikeUnconfirmed', data),
      impactOf(segment, ['C', 'I']),
      likelihood,
      hop.network.id,
    )];
  },
};
