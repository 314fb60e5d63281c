// Ransomware: the stored medical information, and its backups with it, are encrypted for ransom. Attacks
// on the sector are frequent (3); reach from the internet and software past its end of support raise it;
// an isolated store, EDR and backups kept apart (offline, immutable, or carried to another site; an online
// replica is encrypted with its source) lower it; no backup at all raises it.
// One risk per store, whatever flows write to it.
import type { Rule, RuleContext } from '../models/risk.js';
import type { PlacedDevice } from '../models/segment.js';
import type { Term } from '../models/vocabulary.js';
import { adjust, controlTerm, deviceFacts, finding, hasControl, impactOf, internetStep, mitigate, placedDevice, start, where } from './predicates.js';

/** Why the store's backups are out of the ransomware's reach, or null when nothing says they are. */
function backupsApart(store: PlacedDevice, context: RuleContext): Term | null {
  for (const c of ['offline-backup', 'immutable-backup']) {
    if (hasControl(store.device, c)) {
      const term = controlTerm(c);
      return { ja: `${where(store).ja}に${term.ja}がある`, en: `${where(store).en} has ${term.en}` };
    }
  }
  const apart = deviceFacts(context, store.device.id).backups.apart;
  if (apart?.by === 'media') {
    const media = context.model.media.find((m) => m.id === apart.media)?.label ?? apart.media;
    const site = context.model.sites.find((s) => s.id === apart.site)?.label ?? apart.site;
    return { ja: `バックアップを${media}で別拠点（${site}）へ搬送している`, en: `backups are carried on ${media} to another site (${site})` };
  }
  // An online copy elsewhere is encrypted along with its source unless it cannot be changed or is kept offline.
  if (apart?.by === 'remote') {
    const remote = placedDevice(context, apart.device);
    return { ja: `別拠点（${remote.site.label}）の${where(remote).ja}にオフラインまたは改変不能なバックアップを置いている`, en: `backups go offline or immutable to ${where(remote).en} at another site (${remote.site.label})` };
  }
  return null;
}

export const rule: Rule = {
  id: 'ransomware',
  threat: 'ransomware',
  title: { ja: 'ランサムウェアによる保存情報の暗号化', en: 'Ransomware encrypting stored information' },
  risk: {
    ja: 'ランサムウェアに感染し、保存された医療情報とそのバックアップが暗号化されて使用できなくなり、診療の継続と情報の復元ができなくなる',
    en: 'ransomware encrypts the stored medical information and its backups, so that care cannot continue and the information cannot be restored',
  },
  cia: ['I', 'A'],
  segments: ['storage'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: 'バックアップからの復元手順を定め、定期的に復元訓練を行う', en: 'write a restore procedure and hold restore drills regularly' },
      { ja: '感染時の初動（ネットワークからの切り離し・医療機関等への報告）を運用管理規程に定める', en: 'set out the first response to an infection (disconnecting, reporting to the medical institution) in the operating rules' },
    ],
    physical: [
      { ja: 'オフラインのバックアップ媒体を本番環境と別の拠点に保管する', en: 'keep offline backup media at a site apart from production' },
    ],
    technical: [
      { ja: 'オフライン・改変不能（イミュータブル）なバックアップの世代管理', en: 'offline or immutable backups, keeping several generations' },
      { ja: 'EDRによる検知と封じ込め、修正プログラムの適用', en: 'detection and containment by EDR, and patching' },
      { ja: 'ネットワークの分離と、保存先への管理者権限の限定', en: 'network separation, and administrator rights on stores kept to the few who need them' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ③ 保存: 不正書き込み・消失・ランサム）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ③ storage: unauthorised writes, loss, ransomware)' },
    { ja: '提供事業者ガイドライン 代表的な脅威「ランサムウェア感染」', en: 'Provider guideline, representative threats: ransomware infection' },
    { ja: '提供事業者ガイドライン 事業者の選定基準（サイバー攻撃による被害を防止するためのバックアップの取得及び管理の状況）', en: 'Provider guideline, provider selection criteria (backups taken and managed against cyber attacks)' },
  ],
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    if (!store || segment.dataClass === 'other') return [];
    let likelihood = start(3, {
      ja: '医療分野ではランサムウェアの被害が相次いでおり、一般的な攻撃手法で感染し得る',
      en: 'ransomware attacks on the medical sector are frequent, and common techniques get in',
    });
    likelihood = internetStep(likelihood, segment, context);
    if (store.device.eol) {
      likelihood = adjust(likelihood, +1, { ja: `${where(store).ja}はサポート終了製品を使っている（既知の脆弱性が修正されない）`, en: `${where(store).en} runs software past its end of support (known vulnerabilities stay unpatched)` });
    }
    if (store.device.exposure === 'isolated') {
      likelihood = adjust(likelihood, -1, { ja: `${where(store).ja}は外部と接続されていない`, en: `${where(store).en} is isolated from other networks` });
    }
    likelihood = mitigate(likelihood, store.device, ['edr'], 1);
    const apart = backupsApart(store, context);
    if (apart) {
      likelihood = adjust(likelihood, -1, {
        ja: `本番環境から切り離されたバックアップから復元できる（${apart.ja}）`,
        en: `it can be restored from backups kept apart from production (${apart.en})`,
      });
    } else if (!store.device.roles.includes('backup') && !deviceFacts(context, store.device.id).backups.backedUp) {
      likelihood = adjust(likelihood, +1, {
        ja: `${where(store).ja}のバックアップがモデルにない（暗号化されると復元できない）`,
        en: `the model records no backup of ${where(store).en} (once encrypted, nothing can be restored)`,
      });
    }
    const labels = { ja: segment.data.map((d) => d.label).join('・'), en: segment.data.map((d) => d.label).join(', ') };
    // "バックアップデータのバックアップ" says nothing: data that are backups already are named as they are.
    const backupsOnly = segment.data.every((d) => d.kind === 'backup');
    return [finding(
      store.device.roles.includes('backup')
        ? {
          ja: `${where(store).ja}がランサムウェアに感染し、保存された${labels.ja}${backupsOnly ? '' : 'のバックアップ'}が暗号化されて復元に使えなくなる`,
          en: `ransomware infects ${where(store).en}; ${backupsOnly ? `the ${labels.en} kept there are` : `the backups of ${labels.en} kept there are`} encrypted and can no longer restore anything`,
        }
        : {
          ja: `${where(store).ja}がランサムウェアに感染し、保存された${labels.ja}とそのバックアップが暗号化されて使用・復元できなくなる`,
          en: `ransomware infects ${where(store).en}; the stored ${labels.en} and their backups are encrypted and can be neither used nor restored`,
        },
      impactOf(segment, ['I', 'A']),
      likelihood,
      store.device.id,
    )];
  },
};
