// Disasters without a business continuity plan: a site that processes or stores medical information
// (or an area that may contain it) has neither a BCP nor a disaster recovery site. Disasters can strike
// any site (3); seismic design lowers it to 2 at most. One risk per site.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, carried, dataList, finding, hasControl, impactOf, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  workStops: {
    ja: '{site}には事業継続計画も災害復旧拠点もなく、被災すると{device}で扱う{data}を用いた業務を継続・再開できない',
    en: '{site} has neither a business continuity plan nor a disaster recovery site; struck by a disaster, the work that uses {data} at {device} can be neither kept going nor restarted',
  },
  disastersStrike: {
    ja: '地震・水害等の災害や、電力・通信等の社会インフラの停止はどの拠点にも起こり得る',
    en: 'disasters such as earthquakes and floods, and outages of social infrastructure such as power and telecommunications, can strike any site',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'disaster-no-bcp',
  threat: 'disaster',
  title: { ja: '事業継続計画のない拠点の被災', en: 'Disaster at a site without a business continuity plan' },
  risk: {
    ja: '地震・水害等の災害や社会インフラの停止で拠点が被災し、事業継続計画も災害復旧拠点もないため、医療情報システムの提供を継続・再開できない',
    en: 'an earthquake, flood or outage of social infrastructure strikes a site with neither a business continuity plan nor a disaster recovery site, and the system can be neither kept running nor restarted',
  },
  cia: ['A'],
  segments: ['processing', 'storage'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '医療の継続性の観点を入れた事業継続計画を策定し、医療機関等と共有・訓練する', en: 'write a business continuity plan with continuity of care in view, share it with the medical institution and rehearse it' },
      { ja: '災害時の需要急増と、復旧・再開時のデータの不整合への対応を計画に含める', en: 'include surges in demand during disasters and data inconsistencies on recovery in the plan' },
    ],
    physical: [
      { ja: '耐震・免震、浸水対策、電源・回線の冗長化', en: 'seismic design, flood protection, redundant power and lines' },
    ],
    technical: [
      { ja: '遠隔地の災害復旧拠点と、遠隔地へのバックアップ', en: 'a remote disaster recovery site, and backups kept at a distance' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 事業継続計画の策定', en: 'Provider guideline, special considerations: business continuity planning' },
    { ja: '提供事業者ガイドライン 代表的な脅威「災害等」', en: 'Provider guideline, representative threats: disasters and the like' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const placed = segment.kind === 'processing' ? segment.devices[0] : segment.devices[segment.devices.length - 1];
    // A carried or personal device keeps no service running: the place it happens to be has no continuity plan to ask for.
    // A staging, development or test system is not what care runs on (outage-single-point reads the same).
    const env = placed?.device.env ?? null;
    // Backups only: the originals are elsewhere, and care does not stop with them.
    if (!placed || segment.dataClass === 'other' || carried(placed) || (env !== null && env !== 'production') || segment.keeping?.as === 'backup') return [];
    const site = placed.site;
    if (hasControl(site, 'bcp') || hasControl(site, 'disaster-recovery-site')) return [];
    let likelihood = start(3, say('disastersStrike'));
    likelihood = mitigate(likelihood, site, ['seismic-design'], 2);
    return [finding(
      say('workStops', { site: ref(site.id), device: at(placed), data: dataList(segment.data) }),
      impactOf(segment, ['A']),
      likelihood,
      site.id,
    )];
  },
};
