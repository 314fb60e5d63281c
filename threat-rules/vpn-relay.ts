// Relaying between VPNs (VPN間の不正中継・経路制御, HEASNET via seed 003): a device that joins the VPNs of
// two or more other organisations (a hub of a regional network, a hospital's gateway that several vendors
// reach for remote maintenance) lets one of them reach another, or reach resources beyond its contract,
// through it (3), unless routing is controlled per VPN (control vpn-routing-control). One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { Score } from '../models/risk.js';
import type { NetworkKind } from '../models/vocabulary.js';
import { at, dataList, deviceFacts, findingBy, hasControl, impactOf, organisation, perFacts, sayer, start } from './predicates.js';

const MESSAGES = {
  relayed: {
    ja: '{device}を経由して、契約の当事者でない組織どうしがVPNで通信する、または契約外の資源（{data}）に到達する',
    en: 'through {device}, organisations with no agreement between them talk over the VPNs, or one reaches resources beyond its contract ({data})',
  },
  hub: {
    ja: '{device}は{count}組織（{parties}）とのVPNを終端している',
    en: '{device} terminates VPNs with {count} organisations ({parties})',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);
/** A hub's likelihood (null when the device is no hub), once per device: every hop through it asks. */
const hubLikelihood = perFacts<Score | null>();

const VPNS: ReadonlySet<NetworkKind> = new Set(['ipsec-vpn', 'ssl-vpn-client', 'ssl-vpn-clientless', 'closed-network']);

export const rule: Rule = {
  id: 'vpn-relay',
  threat: 'unauthorised-access',
  title: { ja: 'VPN間の中継・経路制御の不備', en: 'Relaying between VPNs, routing uncontrolled' },
  risk: {
    ja: '複数の組織とのVPNを終端する拠点で経路が制御されず、契約の当事者でない組織どうしの通信や、契約で定めた資源以外への不正なアクセスが中継される',
    en: 'where VPNs with several organisations end, routing is not controlled, so traffic between organisations with no agreement, or access to resources beyond a contract, is relayed',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: 'VPNごとに接続してよい相手・資源を契約で定め、設定と照合する', en: 'fix by contract, per VPN, whom and which resources it may reach, and check the configuration against it' },
    ],
    physical: [
      { ja: '参加組織ごとに終端装置またはポートを分ける', en: 'give each member organisation its own terminating device or port' },
    ],
    technical: [
      { ja: 'ホスト・IPアドレス単位の経路制御とフィルタで、VPN間の中継を禁止する', en: 'routing control and filtering per host or IP address, forbidding relaying between VPNs' },
    ],
  },
  references: [
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」異なるVPN間の経路制御・VPN間の不正中継禁止', en: 'HEASNET report on implementing the guideline: routing control between VPNs, no relaying between them' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || !VPNS.has(hop.network.kind)) return [];
    return [hop.from, hop.to].flatMap((end) => {
      const likelihood = hubLikelihood(context, end.device.id, () => {
        if (hasControl(end.device, 'vpn-routing-control')) return null;
        const own = end.device.organisation;
        const others = new Set<string>();
        for (const l of deviceFacts(context, end.device.id).links) if (VPNS.has(l.kind) && l.farOperator !== own) others.add(l.farOperator);
        if (others.size < 2) return null;
        const parties = [...others].sort();
        return start(3, say('hub', { device: at(end), count: parties.length, parties: { list: parties.map(organisation) } }));
      });
      if (!likelihood) return [];
      return [findingBy([end.device.id], say('relayed', { device: at(end), data: dataList(segment.data) }), impactOf(segment, ['C', 'I']), likelihood, end.device.id)];
    });
  },
};
