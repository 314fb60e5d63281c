// No copy at another site: medical information (or an area that may contain it) stored at a site with
// no off-site backup control on the store, no backup device at another site on a flow through it, and no
// backups of it carried from the site to another (facts: backups.elsewhere). A disaster there loses the data and its copies (3).
// One risk per site.
import type { Messages } from '../models/message.js';
import type { Rule, RuleContext } from '../models/rule.js';
import { at, dataList, deviceFacts, finding, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  lostTogether: {
    ja: '{store}に保存された{data}の複製が{site}にしかなく、被災すると原本とともに失われる',
    en: '{data} stored at {store} are copied nowhere outside {site}, and a disaster there loses them with their copies',
  },
  noCopyElsewhere: {
    ja: '{store}の情報の複製が{site}以外の拠点になく、拠点の被災は起こり得る',
    en: 'nothing stored at {store} is copied outside {site}, and a disaster can strike the site',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** The site a location belongs to. */
function placedSite(location: string, context: RuleContext): string | undefined {
  return context.model.locations.find((l) => l.id === location)?.site;
}

export const rule: Rule = {
  id: 'disaster-backup-same-site',
  threat: 'disaster',
  title: { ja: '別拠点にバックアップのない保存情報の滅失', en: 'Stored information lost with no copy at another site' },
  risk: {
    ja: '保存された医療情報の複製が同じ拠点にしかなく、災害等で拠点が被災すると原本とバックアップが同時に失われ、復元できない',
    en: 'the stored medical information has copies only at the same site; a disaster there destroys the original and its backups together, and nothing can be restored',
  },
  cia: ['A'],
  segments: ['storage'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: 'バックアップの取得・搬送・保管の手順と記録を定め、遠隔地からの復元を訓練する', en: 'set procedures and records for taking, carrying and keeping backups, and rehearse restoring from the remote copy' },
    ],
    physical: [
      { ja: '同時に被災しない距離の別拠点にバックアップ媒体を保管する', en: 'keep backup media at another site far enough not to be struck by the same disaster' },
    ],
    technical: [
      { ja: '遠隔地の拠点やクラウドへのバックアップ（暗号化して転送）', en: 'back up to a remote site or cloud region, encrypted in transit' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 事業継続計画の策定', en: 'Provider guideline, special considerations: business continuity planning' },
    { ja: '電子文書法の要件（保存性: 保存期間中、復元可能な状態で保存する）', en: 'e-document law requirements (preservation: kept restorable for the whole retention period)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    const keeping = segment.keeping;
    // Only the original is lost with its site: a backup, a cache or a temporary copy has its original
    // elsewhere, and so has a copy whose original (`of`) is at another site.
    const original = keeping?.as === 'record'
      || (keeping?.as === 'copy' && !keeping.entries.some((k) => k.of !== null && context.model.devices.some((d) => d.id === k.of && placedSite(d.at, context) !== store?.site.id)));
    if (!store || segment.dataClass === 'other' || !original || deviceFacts(context, store.device.id).backups.elsewhere) return [];
    const place = { store: at(store), site: ref(store.site.id) };
    const likelihood = start(3, say('noCopyElsewhere', place));
    return [finding(
      say('lostTogether', { ...place, data: dataList(segment.data) }),
      impactOf(segment, ['A']),
      likelihood,
      store.site.id,
    )];
  },
};
