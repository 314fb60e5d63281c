// A single point of failure: a production processing device (env production, or not stated) without
// redundancy stops care when it fails (3); monitoring on the device and redundant power and network at
// its site lower it. A device with the redundancy control is not a single point. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, finding, hasControl, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  stops: {
    ja: '冗長化されていない{device}が停止し、{data}を用いる診療業務が止まる',
    en: '{device}, without redundancy, stops, and the care that uses {data} stops with it',
  },
  noRedundancy: {
    ja: '{device}は冗長化されておらず、障害・誤操作・攻撃で停止すると代替がない',
    en: '{device} has no redundancy: when failure, a mistake or an attack stops it, nothing takes over',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'outage-single-point',
  threat: 'outage',
  title: { ja: '冗長化されていない処理機器の停止', en: 'Outage of a processing device without redundancy' },
  risk: {
    ja: '冗長化されていない本番の処理機器が障害・誤操作・攻撃により停止し、代替手段がないまま医療情報システムを用いた診療業務が止まる',
    en: 'a production processing device without redundancy stops through failure, mistake or attack, and care that relies on the system stops with no alternative',
  },
  cia: ['A'],
  segments: ['processing'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '障害時の連絡体制・代替運用（紙運用等）・復旧手順を定め、訓練する', en: 'set up contacts, fallback operation (on paper, etc.) and recovery procedures for outages, and rehearse them' },
    ],
    physical: [
      { ja: '無停電電源装置・電源と回線の冗長化', en: 'UPS, and redundant power and network lines' },
    ],
    technical: [
      { ja: 'サーバの冗長化（クラスタ構成・待機系）', en: 'redundant servers (clustering, standby systems)' },
      { ja: '稼働監視と障害の早期検知', en: 'monitoring and early detection of failures' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 代表的な脅威「医療情報システム等の停止」', en: 'Provider guideline, representative threats: outage of the system' },
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 事業継続計画の策定（システム停止）', en: 'Provider guideline, special considerations: business continuity planning (system outages)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const placed = segment.devices[0];
    // Care stops when the system that handles medical information does; a device handling other information only is not that.
    if (!placed || segment.dataClass === 'other') return [];
    const env = placed.device.env;
    if ((env !== null && env !== 'production') || hasControl(placed.device, 'redundancy')) return [];
    const self = { device: at(placed) };
    let likelihood = start(3, say('noRedundancy', self));
    likelihood = mitigate(likelihood, placed.device, ['monitoring'], 1);
    likelihood = mitigate(likelihood, placed.site, ['redundant-power', 'redundant-network'], 1);
    return [finding(
      say('stops', { ...self, data: dataList(segment.data) }),
      impactOf(segment, ['A']),
      likelihood,
      placed.device.id,
    )];
  },
};
