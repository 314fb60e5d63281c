// A hop whose TLS is 1.0 or 1.1: the guideline asks for TLS 1.3 / 1.2 only (CRYPTREC high-security
// settings). Likelihood 4 when the flow crosses the internet, 3 otherwise; one lower (not below 2) when
// the network itself encrypts underneath (a VPN), since an outsider then sees only the tunnel. One risk
// per link.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, dataList, finding, hopData, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  legacyTls: {
    ja: '{from}→{to}（{network}）の通信が旧版のTLS {tls}で保護されており、{data}が盗聴・改竄される',
    en: '{from} → {to} ({network}) is protected only by TLS {tls}, so {data} can be read or altered',
  },
  overInternet: { ja: 'TLS {tls}の通信がインターネットを経由する: 既知の攻撃手法が成立し得る', en: 'TLS {tls} traffic crosses the internet, where known attacks on it work' },
  knownWeaknesses: { ja: 'TLS {tls}には既知の脆弱性がある（インターネットは経由しない）', en: 'TLS {tls} has known weaknesses (the path does not cross the internet)' },
  tunnel: { ja: '{network}自体が通信を暗号化している（外部からはトンネルしか見えない）', en: '{network} encrypts the traffic itself (outsiders see only the tunnel)' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'transfer-tls-legacy',
  threat: 'eavesdropping-spoofing',
  title: { ja: '旧版TLS（1.0/1.1）による通信', en: 'Traffic protected by legacy TLS (1.0/1.1)' },
  risk: {
    ja: '既知の脆弱性がある旧版TLS（1.0/1.1）で保護された通信が、暗号の解読やダウングレード攻撃により盗聴・改竄される',
    en: 'traffic protected by legacy TLS (1.0/1.1), which has known weaknesses, is read or altered through cryptanalysis or downgrade attacks',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: 'TLSの設定基準（CRYPTREC「TLS暗号設定ガイドライン」高セキュリティ型）を定め、定期的に設定を点検する', en: 'adopt a TLS baseline (CRYPTREC TLS guideline, high-security settings) and check configurations regularly' },
    ],
    physical: [
      { ja: 'TLSを終端する機器を施錠・入退室管理された区画に置き、設定を変更できる者を限る', en: 'keep the devices that terminate TLS in locked, entry-controlled areas and limit who can change their settings' },
    ],
    technical: [
      { ja: 'TLS 1.0/1.1を無効化し、TLS 1.3/1.2のみを許可する', en: 'disable TLS 1.0/1.1 and allow TLS 1.3/1.2 only' },
      { ja: '旧版TLSしか話せない機器・ソフトウェアを更新するか、IPsec-VPN等で経路を保護する', en: 'upgrade devices and software that only speak legacy TLS, or protect the hop with an IPsec VPN or the like' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ③ ネットワーク経路（TLSはCRYPTREC「高セキュリティ型」に準じ、TLS 1.3/1.2を利用）', en: 'Provider guideline, special considerations ③: network paths (TLS per the CRYPTREC high-security settings: TLS 1.3/1.2)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other') return [];
    const tls = hop.link.tls;
    if (tls !== '1.0' && tls !== '1.1') return [];
    let likelihood = hop.network.kind === 'internet' || (segment.flow !== null && context.facts.flows[segment.flow.id]?.crossesInternet === true)
      ? start(4, say('overInternet', { tls }))
      : start(3, say('knownWeaknesses', { tls }));
    if (hop.network.encrypted && likelihood.value > 2) {
      likelihood = adjust(likelihood, -1, say('tunnel', { network: ref(hop.network.id) }));
    }
    return [finding(
      say('legacyTls', { ...hopData(hop), tls, data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihood,
      hop.link.id,
    )];
  },
};
