// No gaps in responsibility (責任の空白地帯を作らない, seed 003): medical information crossing a hop for
// which the model names nobody answerable. A carrier's network (closed network, leased line, Direct
// Connect) with no operator named, or whose operator has no agreement stated; or a link between two
// organisations' devices with no responsibility boundary on it or its network. When something goes wrong
// there, nobody is bound to answer first, and the failure goes unhandled (3). One risk per network or link.
import type { Messages } from '../models/message.js';
import type { Finding, Rule } from '../models/rule.js';
import type { NetworkKind } from '../models/vocabulary.js';
import { dataList, finding, findingBy, impactOf, organisation, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  unanswered: {
    ja: '{where}で事故・障害が起きたとき一義的に対応する者が定まっておらず、{data}の漏えい・改竄・停止への対応が遅れる、または行われない',
    en: 'when something goes wrong on {where}, nobody is bound to act first, and a leak, alteration or outage of {data} is handled late or not at all',
  },
  noOperator: {
    ja: '{network}（回線事業者の網）を運用する事業者がモデルにない',
    en: 'the model names no operator of {network}, a carrier\'s network',
  },
  noAgreement: {
    ja: '{network}を運用する{operator}との契約・SLA（責任分界）がモデルにない',
    en: 'the model states no agreement (with responsibility boundaries) with {operator}, which runs {network}',
  },
  noBoundary: {
    ja: '{link}は{a}と{b}の機器を結ぶが、責任分界点がモデルにない',
    en: '{link} joins devices of {a} and {b}, but the model states no responsibility boundary for it',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const CARRIERS: ReadonlySet<NetworkKind> = new Set(['closed-network', 'leased-line', 'direct-connect']);

export const rule: Rule = {
  id: 'responsibility-gap',
  threat: 'eavesdropping-spoofing',
  title: { ja: '責任の空白（責任分界・回線事業者との合意がない経路）', en: 'A gap in responsibility (no boundary, no agreement with the carrier)' },
  risk: {
    ja: '医療情報が通る経路に責任分界点や回線事業者との合意がなく、事故・障害時に一義的に対応する者が定まらないまま、漏えい・改竄・停止への対応が遅れる',
    en: 'medical information crosses a hop with no responsibility boundary or no agreement with its carrier, so when something goes wrong nobody is bound to act first and the response to a leak, alteration or outage comes late',
  },
  cia: ['C', 'I', 'A'],
  segments: ['transfer'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '送信側・受信側・回線事業者・ネットワークサービス提供者の間で、誰がどこまで何を担保するかと事故時の一義的な対応者を契約で定める', en: 'agree by contract, between sender, receiver, carriers and network service providers, who guarantees what up to where, and who acts first in an incident' },
    ],
    physical: [
      { ja: '責任分界点となる終端装置の設置場所と管理者を明示する', en: 'mark where the terminating device at the boundary stands and who manages it' },
    ],
    technical: [
      { ja: '分界点での監視・ログ取得と、障害時の連絡経路の確認', en: 'monitoring and logging at the boundary, and a tested contact path for failures' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン 4（責任分界）・6.11（契約も含めて、責任の空白地帯を作らない）', en: 'MHLW guideline 4 (responsibility boundaries) and 6.11 (leave no gap in responsibility, contracts included)' },
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」運用的対策（送信側・受信側・通信を形成する事業者の責任分界点）', en: 'HEASNET report on implementing the guideline: operational measures (responsibility boundaries of sender, receiver and carriers)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other') return [];
    const data = dataList(segment.data);
    const network = hop.network;
    const findings: Finding[] = [];
    // Those who contract the carrier (the hop's two ends) answer with it.
    const by = [hop.from.device.id, hop.to.device.id, network.id];
    if (CARRIERS.has(network.kind)) {
      const party = network.operator === null ? undefined : context.model.parties.find((p) => p.id === network.operator);
      if (!party) {
        findings.push(findingBy(by, say('unanswered', { where: ref(network.id), data }), impactOf(segment, ['C', 'I', 'A']), start(3, say('noOperator', { network: ref(network.id) })), network.id));
      } else if (party.agreement === null) {
        findings.push(findingBy(by, say('unanswered', { where: ref(network.id), data }), impactOf(segment, ['C', 'I', 'A']), start(3, say('noAgreement', { network: ref(network.id), operator: ref(party.id) })), network.id));
      }
    }
    const [a, b] = hop.link.ends;
    const persons = [a, b].some((o) => o === 'patient' || o === 'staff');
    if (a !== b && !persons && hop.link.boundary === null && network.boundary === null) {
      findings.push(finding(
        say('unanswered', { where: ref(hop.link.id), data }),
        impactOf(segment, ['C', 'I', 'A']),
        start(3, say('noBoundary', { link: ref(hop.link.id), a: organisation(a), b: organisation(b) })),
        hop.link.id,
      ));
    }
    return findings;
  },
};
