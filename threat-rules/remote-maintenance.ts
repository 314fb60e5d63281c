// Remote maintenance (リモート保守, MHLW 6.0 system operation 10, seed 001): maintenance of a device
// from another organisation's device, over a network (a vendor maintaining the institution's system, the
// provider maintaining production from its office). A maintenance connection that is always open is a
// standing way in (3, and the path of the sector's ransomware cases through vendors' VPNs); work nobody
// agreed beforehand, or that leaves no record, cannot be checked afterwards: +1 each. Opening access only
// when needed (access-on-demand) takes one off. One risk per device maintained.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, findingBy, hasControl, impactOf, organisation, sayer, start } from './predicates.js';

const MESSAGES = {
  abused: {
    ja: '{from}（{who}）から{target}への保守接続が悪用される、または合意のない作業が行われ、{data}の漏えい・改竄・停止に至り、後から確認もできない',
    en: 'the maintenance connection from {from} ({who}) to {target} is abused, or work nobody agreed is done, leaking, altering or stopping {data}, and nothing shows it afterwards',
  },
  standing: {
    ja: '{target}には他の組織（{who}）の機器から保守のために接続できる: 外部からの侵入経路になり得る',
    en: '{target} takes maintenance connections from another organisation\'s device ({who}): a way in from outside',
  },
  onDemand: { ja: '{target}への保守接続は必要時のみ開放する', en: 'maintenance access to {target} is opened only when needed' },
  noApproval: { ja: '{target}の保守作業を事前に合意・承認する手順がモデルにない', en: 'the model records no prior agreement or approval of maintenance on {target}' },
  noRecord: { ja: '{target}の保守作業の記録・報告がモデルにない', en: 'the model records no record or report of maintenance work on {target}' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'remote-maintenance',
  threat: 'unauthorised-access',
  title: { ja: 'リモート保守の管理の不備', en: 'Remote maintenance left unmanaged' },
  risk: {
    ja: '他の組織からのリモート保守の接続が常時開いている、または作業が事前に合意されず記録も残らないため、保守経路からの侵入や不適切な作業によって医療情報の漏えい・改竄・システムの停止が起こり、検証もできない',
    en: 'a remote maintenance connection from another organisation stays open, or work is neither agreed beforehand nor recorded, so an intrusion through it or improper work leaks or alters medical information or stops the system, and nothing can be checked',
  },
  cia: ['C', 'I', 'A'],
  segments: ['input'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '作業の前に保守作業者と実施内容を合意・承認し、作業結果の報告を受けて記録として残す（緊急時は事後承認）', en: 'agree the maintenance worker and the work beforehand, then receive a report of the result and keep it as a record (approve afterwards in an emergency)' },
      { ja: '保守事業者との契約で、接続してよい機器・時間・作業者と責任分界を定める', en: 'fix in the maintenance contract which devices may be reached, when, by whom, and the responsibility boundaries' },
    ],
    physical: [
      { ja: '保守用の接続装置の電源・回線を必要時のみ入れる', en: 'power up or connect the maintenance line only when it is needed' },
    ],
    technical: [
      { ja: '保守接続は必要時のみ開放し、多要素認証と接続元の制限を行う', en: 'open maintenance access only when needed, with multi-factor authentication and restricted sources' },
      { ja: '保守作業の操作ログを取得し、保守接続のVPN装置の脆弱性を修正する', en: 'log maintenance operations, and keep the maintenance VPN device patched' },
    ],
  },
  references: [
    { ja: '医療情報安全管理ガイドライン 6.0 システム運用編 10（医療情報システム・サービス事業者による保守対応等に対する安全管理措置）', en: 'MHLW guideline 6.0, system operation 10 (security measures for maintenance by system and service providers)' },
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」異なるVPN間の経路制御（リモート保守で契約外の資源への不正なアクセスを防ぐ）', en: 'HEASNET report on implementing the guideline: routing control between VPNs (remote maintenance kept from resources beyond the contract)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const flow = segment.flow;
    const [entry, target] = segment.devices;
    if (!flow || !entry || !target || !flow.how.includes('maintain') || segment.dataClass === 'other') return [];
    const from = entry.device.organisation;
    if (from === target.device.organisation) return [];
    const who = organisation(from);
    const self = { target: at(target), who };
    let likelihood = start(3, say('standing', self));
    const device = { target: at(target) };
    if (hasControl(target.device, 'access-on-demand')) likelihood = adjust(likelihood, -1, say('onDemand', device));
    if (!hasControl(target.device, 'maintenance-approval')) likelihood = adjust(likelihood, +1, say('noApproval', device));
    if (!hasControl(target.device, 'maintenance-record')) likelihood = adjust(likelihood, +1, say('noRecord', device));
    return [findingBy([entry.device.id, target.device.id], say('abused', { from: at(entry), who, target: at(target), data: dataList(segment.data) }), impactOf(segment, ['C', 'I', 'A']), likelihood, target.device.id)];
  },
};
