// Mutual authentication of a channel's ends (相互認証, seed 003): medical information between two
// organisations over a VPN or a closed network whose ends authenticate each other with a pre-shared key
// or a password only (3): the key is shared by everyone who configures either end, and whoever learns it
// can pose as an end; with no authentication at all, 4. Certificates (PKI, with IPsec's IKE) are what is
// asked. When the model does not say how the ends authenticate, 2, and it says so. One risk per network.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { NetworkKind } from '../models/vocabulary.js';
import { dataList, factors, finding, impactOf, organisation, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  posed: {
    ja: '{network}の通信の起点・終点が電子証明書で相互に認証されず、{a}と{b}の間の{data}が、なりすました相手に送られる、または受け取られる',
    en: 'the ends of {network} do not authenticate each other with certificates, so {data} between {a} and {b} go to, or come from, someone posing as an end',
  },
  sharedKey: {
    ja: '{network}の端点の認証は{factors}のみ: 鍵を知る者は誰でも端点になりすませる',
    en: 'the ends of {network} authenticate with {factors} only: anyone who learns it can pose as an end',
  },
  unstated: {
    ja: '{network}の端点をどう認証するか（auth）がモデルに記載されていない',
    en: 'the model does not say how the ends of {network} authenticate (auth)',
  },
  none: { ja: '{network}の端点は互いを認証しない', en: 'the ends of {network} do not authenticate each other at all' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const CHANNELS: ReadonlySet<NetworkKind> = new Set(['ipsec-vpn', 'ssl-vpn-client', 'closed-network', 'leased-line']);

export const rule: Rule = {
  id: 'channel-mutual-auth',
  threat: 'eavesdropping-spoofing',
  title: { ja: '組織間の通信の相互認証がない', en: 'No mutual authentication between organisations' },
  risk: {
    ja: '組織間で医療情報を交換する経路の起点・終点が電子証明書で相互に認証されておらず、なりすました相手との間で医療情報が送受信される',
    en: 'the ends of a channel that carries medical information between organisations do not authenticate each other with certificates, and medical information is exchanged with an impostor',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation', 'termination'],
  countermeasures: {
    human: [
      { ja: '端点の証明書の発行・更新・失効の手順と責任者を、接続する組織の間で定める', en: 'agree between the connected organisations who issues, renews and revokes the ends\' certificates, and how' },
    ],
    physical: [
      { ja: '鍵・証明書を格納する終端装置を施錠された区画に置く', en: 'keep the terminating devices that hold keys and certificates in locked areas' },
    ],
    technical: [
      { ja: 'IPsec+IKE で電子証明書（PKI）により起点・終点を相互認証する', en: 'authenticate both ends to each other with certificates (PKI), IPsec with IKE' },
      { ja: '事前共有鍵を使う場合は拠点ごとに十分な強度の鍵とし、定期的に更新する', en: 'where a pre-shared key must be used, give each site a strong key of its own and change it regularly' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン 6.11（通信の起点・終点の識別と相互認証: IPsec+IKE）', en: 'MHLW guideline 6.11 (identifying and mutually authenticating the ends: IPsec with IKE)' },
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」チャネルセキュリティ・相互認証', en: 'HEASNET report on implementing the guideline: channel security and mutual authentication' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || !CHANNELS.has(hop.network.kind)) return [];
    const [a, b] = hop.link.ends;
    if (a === b || a === 'patient' || a === 'staff' || b === 'patient' || b === 'staff') return [];
    const auth = hop.network.auth;
    if (auth !== null && auth.includes('certificate')) return [];
    const network = { network: ref(hop.network.id) };
    const likelihood = auth === null ? start(2, say('unstated', network))
      : auth.length === 0 ? start(4, say('none', network))
        : start(3, say('sharedKey', { ...network, factors: factors(auth) }));
    return [finding(
      say('posed', { ...network, a: organisation(a), b: organisation(b), data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihood,
      hop.network.id,
    )];
  },
};
