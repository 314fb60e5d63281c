// A device reachable from the internet (exposure: internet), the guideline's first example of a high
// likelihood: 4, one more when it runs software past its end of support (known unpatched
// vulnerabilities: "public service + known vulnerability" is 5) or when its own sign-in is not
// multi-factor. WAF, IDS/IPS, patch management, vulnerability scanning and EDR on the device each take one
// off, but not below 3: the guideline's grade 2 needs a device that is not exposed. Network equipment
// (a VPN gateway, a firewall) counts too: it is read on the hops it relays. One risk per device (`at`).
import type { Messages } from '../models/message.js';
import type { Score } from '../models/risk.js';
import type { PlacedDevice, Segment } from '../models/segment.js';
import type { Finding, Rule, RuleContext } from '../models/rule.js';
import { adjust, at, dataList, deviceFacts, factors, findingBy, impactOf, mitigate, perFacts, sayer, start } from './predicates.js';

/** Controls on the exposed device that lower the likelihood, in the order reasons list them. */
const CONTROLS = ['waf', 'ids-ips', 'patch-management', 'vulnerability-scan', 'edr'] as const;

const MESSAGES = {
  brokenInto: {
    ja: 'インターネットから到達可能な{device}が脆弱性を突いた攻撃や不正侵入を受け、{data}が窃取・改竄される、またはシステムが停止する',
    en: '{device}, reachable from the internet, is broken into through a vulnerability, so {data} is stolen or altered, or the system stops',
  },
  exposed: { ja: '{device}はインターネットから到達可能', en: '{device} is reachable from the internet' },
  eol: { ja: '{device}はサポート終了製品を使っている（既知の脆弱性が修正されない）', en: '{device} runs software past its end of support (known vulnerabilities stay unpatched)' },
  noAuth: { ja: '{device}は認証なしで利用できる', en: '{device} needs no authentication' },
  singleFactor: { ja: '{device}の認証は単要素（{factors}）', en: '{device} signs in with a single factor ({factors})' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** An exposed device's likelihood (it reads the device and its facts only), once per device: every segment through it asks. */
const likelihoodOf = perFacts<Score>();

function exposedFinding(segment: Segment, d: PlacedDevice, context: RuleContext): Finding {
  const likelihood = likelihoodOf(context, d.device.id, () => exposedLikelihood(d, context));
  // The exposed device's operator answers for it, not the networks around it.
  return findingBy([d.device.id], say('brokenInto', { device: at(d), data: dataList(segment.data) }), impactOf(segment, ['C', 'I', 'A']), likelihood, d.device.id);
}

function exposedLikelihood(d: PlacedDevice, context: RuleContext): Score {
  const self = { device: at(d) };
  let likelihood = start(4, say('exposed', self));
  if (d.device.eol) likelihood = adjust(likelihood, +1, say('eol', self));
  const strength = deviceFacts(context, d.device.id).auth;
  if (strength === 'none' || strength === 'single') {
    likelihood = adjust(likelihood, +1, strength === 'none'
      ? say('noAuth', self)
      : say('singleFactor', { ...self, factors: factors(d.device.auth) }));
  }
  // Patches no longer come for software past its end of support: patch management does not count there.
  const controls = d.device.eol ? CONTROLS.filter((c) => c !== 'patch-management') : CONTROLS;
  return mitigate(likelihood, d.device, controls, 3);
}

export const rule: Rule = {
  id: 'internet-exposure',
  threat: 'advanced-attack',
  title: { ja: 'インターネットに公開された機器への攻撃', en: 'Attacks on devices exposed to the internet' },
  risk: {
    ja: 'インターネットから到達可能な機器が、脆弱性を突いた攻撃やマルウェアの侵入口となり、医療情報の窃取・改竄やシステムの停止に至る',
    en: 'a device reachable from the internet becomes the way in for exploits and malware, leading to theft or tampering of medical information or an outage',
  },
  cia: ['C', 'I', 'A'],
  segments: ['input', 'processing', 'storage', 'transfer'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '公開する機器・ポートを台帳で管理し、不要な公開をなくす。脆弱性情報を収集して対応期限を定める', en: 'keep a register of exposed devices and ports and remove needless exposure; track vulnerability notices with deadlines for fixing them' },
      { ja: 'サポート終了製品の更新計画を立て、医療機関等と共有する', en: 'plan the replacement of products past end of support, and share the plan with the institution' },
    ],
    physical: [
      { ja: '公開機器を施錠・入退室管理された区画に置き、保守用の物理ポートを塞ぐ', en: 'keep exposed devices in locked, entry-controlled areas and block maintenance ports' },
    ],
    technical: [
      { ja: 'ファイアウォールで公開範囲を必要最小限にし、WAF・IDS/IPSで攻撃を検知・遮断する', en: 'limit exposure to the minimum with a firewall, and detect and block attacks with a WAF and IDS/IPS' },
      { ja: '修正プログラムの速やかな適用と定期的な脆弱性診断', en: 'apply patches promptly and scan for vulnerabilities regularly' },
      { ja: 'EDRによる侵入の検知と、管理用インタフェースの非公開化', en: 'detect intrusions with EDR, and keep management interfaces off the internet' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク分析（顕在化率「高い」: インターネットから到達可能／既知の脆弱性が未対策）', en: 'Provider guideline 5.2.1, risk analysis (likelihood "high": reachable from the internet, known vulnerabilities unpatched)' },
    { ja: '提供事業者ガイドライン 代表的な脅威「高度サイバー攻撃」', en: 'Provider guideline, representative threats: advanced cyber attack' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    // An exposed device is a way into the system whatever it handles: the rule fires for every class, and
    // the device's one risk keeps the impact of the most sensitive flow that reaches it.
    // On a hop, only the network equipment it relays through: the ends are read on their own segments.
    const devices = segment.kind === 'transfer' ? segment.devices.filter((d) => d.device.roles.every((r) => r === 'relay')) : segment.devices;
    return devices.filter((d) => d.device.exposure === 'internet').map((d) => exposedFinding(segment, d, context));
  },
};
