// A hop over a clientless (browser-based) SSL-VPN: the guideline says not to use SSL-VPN, and if one must,
// to use the client type. Likelihood 4 (a web portal reachable from anywhere, used from unmanaged
// browsers); multi-factor authentication to join the VPN takes one off, not below 3. One risk per VPN.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, dataList, factors, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  exposed: {
    ja: '{network}はクライアントレス型SSL-VPNであり、なりすましや盗聴により経路上の{data}が漏えい・改竄される',
    en: '{network} is a clientless SSL-VPN, so {data} crossing it can leak or be altered through spoofing or eavesdropping',
  },
  clientless: {
    ja: '{network}はクライアントレス型SSL-VPN: インターネットに公開されたWebポータルへ任意のブラウザから接続できる',
    en: '{network} is a clientless SSL-VPN: a web portal on the internet that any browser can reach',
  },
  multiFactor: {
    ja: '{network}への接続に多要素認証（{factors}）を用いる（接続端末は限定されない）',
    en: 'joining {network} takes multi-factor authentication ({factors}), though any device may connect',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'transfer-ssl-vpn-clientless',
  threat: 'eavesdropping-spoofing',
  title: { ja: 'クライアントレス型SSL-VPNの利用', en: 'Use of a clientless SSL-VPN' },
  risk: {
    ja: 'ブラウザから利用するクライアントレス型SSL-VPNの公開ポータルや管理されていない接続端末を通じて、利用者へのなりすましや通信の盗聴・改竄が行われる',
    en: 'through the public portal of a browser-based clientless SSL-VPN, or the unmanaged devices that use it, someone poses as a user or reads or alters the traffic',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: 'SSL-VPNは原則として利用しない方針とし、やむを得ず利用する場合は医療機関等と合意のうえ接続端末を限定する', en: 'adopt a policy of not using SSL-VPN; where it cannot be avoided, agree it with the institution and restrict which devices connect' },
    ],
    physical: [
      { ja: 'VPN装置を施錠・入退室管理された区画に置く', en: 'keep the VPN gateway in a locked, entry-controlled area' },
    ],
    technical: [
      { ja: 'IPsec-VPN（IKE併用）または閉域網に切り替える', en: 'move to an IPsec VPN with IKE, or a closed network' },
      { ja: 'やむを得ずSSL-VPNを使う場合はクライアント型とし、多要素認証と端末証明書で接続端末を限定する', en: 'if SSL-VPN cannot be avoided, use the client type, with multi-factor authentication and device certificates' },
      { ja: 'VPN装置の脆弱性情報を監視し、速やかに修正プログラムを適用する', en: 'watch for vulnerabilities in the VPN gateway and patch promptly' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ③ ネットワーク経路（SSL-VPNは原則として利用せず、やむを得ない場合はクライアント型）', en: 'Provider guideline, special considerations ③: network paths (no SSL-VPN as a rule; the client type where unavoidable)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || hop.network.kind !== 'ssl-vpn-clientless') return [];
    const network = { network: ref(hop.network.id) };
    let likelihood = start(4, say('clientless', network));
    if (context.facts.networks[hop.network.id]?.auth === 'multi') {
      likelihood = adjust(likelihood, -1, say('multiFactor', { ...network, factors: factors(hop.network.auth) }));
    }
    return [finding(
      say('exposed', { ...network, data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihood,
      hop.network.id,
    )];
  },
};
