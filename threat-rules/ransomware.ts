// Ransomware: the stored medical information, and its backups with it, are encrypted for ransom. Attacks
// on the sector are frequent (3); reach from the internet and software past its end of support raise it;
// an isolated store, EDR and backups kept apart (offline, immutable, or carried to another site; an online
// replica is encrypted with its source) lower it; no backup at all raises it.
// Records, copies and backups only: a cache or a temporary copy has its original elsewhere. One risk per
// store, whatever flows write to it.
import type { MessageRef, Messages } from '../models/message.js';
import type { Rule, RuleContext } from '../models/rule.js';
import type { PlacedDevice } from '../models/segment.js';
import { adjust, at, control, dataList, deviceFacts, finding, hasControl, impactOf, internetStep, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  infects: {
    ja: '{store}がランサムウェアに感染し、保存された{data}とそのバックアップが暗号化されて使用・復元できなくなる',
    en: 'ransomware infects {store}; the stored {data} and their backups are encrypted and can be neither used nor restored',
  },
  infectsBackups: {
    ja: '{store}がランサムウェアに感染し、保存された{data}のバックアップが暗号化されて復元に使えなくなる',
    en: 'ransomware infects {store}; the backups of {data} kept there are encrypted and can no longer restore anything',
  },
  // "バックアップデータのバックアップ" says nothing: data that are backups already are named as they are.
  infectsBackupData: {
    ja: '{store}がランサムウェアに感染し、保存された{data}が暗号化されて復元に使えなくなる',
    en: 'ransomware infects {store}; the {data} kept there are encrypted and can no longer restore anything',
  },
  sector: {
    ja: '医療分野ではランサムウェアの被害が相次いでおり、一般的な攻撃手法で感染し得る',
    en: 'ransomware attacks on the medical sector are frequent, and common techniques get in',
  },
  eol: { ja: '{store}はサポート終了製品を使っている（既知の脆弱性が修正されない）', en: '{store} runs software past its end of support (known vulnerabilities stay unpatched)' },
  isolated: { ja: '{store}は外部と接続されていない', en: '{store} is isolated from other networks' },
  apartControl: {
    ja: '本番環境から切り離されたバックアップから復元できる（{store}に{control}がある）',
    en: 'it can be restored from backups kept apart from production ({store} has {control})',
  },
  apartMedia: {
    ja: '本番環境から切り離されたバックアップから復元できる（バックアップを{media}で別拠点（{site}）へ搬送している）',
    en: 'it can be restored from backups kept apart from production (backups are carried on {media} to another site ({site}))',
  },
  // An online copy elsewhere is encrypted along with its source unless it cannot be changed or is kept offline.
  apartRemote: {
    ja: '本番環境から切り離されたバックアップから復元できる（別拠点（{site}）の{device}にオフラインまたは改変不能なバックアップを置いている）',
    en: 'it can be restored from backups kept apart from production (backups go offline or immutable to {device} at another site ({site}))',
  },
  apartDevice: {
    ja: '本番環境から切り離されたバックアップから復元できる（{device}にオフラインまたは改変不能なバックアップを置いている）',
    en: 'it can be restored from backups kept apart from production (backups go offline or immutable to {device})',
  },
  noBackup: { ja: '{store}のバックアップがモデルにない（暗号化されると復元できない）', en: 'the model records no backup of {store} (once encrypted, nothing can be restored)' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

/** Why the store's backups are out of the ransomware's reach (the facts say), or null when nothing says they are. */
function backupsApart(store: PlacedDevice, context: RuleContext): MessageRef | null {
  const c = (['offline-backup', 'immutable-backup'] as const).find((x) => hasControl(store.device, x));
  if (c) return say('apartControl', { store: at(store), control: control(c) });
  const apart = deviceFacts(context, store.device.id).backups.apart;
  if (apart?.by === 'media') return say('apartMedia', { media: ref(apart.media), site: ref(apart.site) });
  if (apart?.by === 'remote') return say('apartRemote', { device: { at: apart.device }, site: ref(apart.site) });
  if (apart?.by === 'device') return say('apartDevice', { device: { at: apart.device } });
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
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    const as = segment.keeping?.as;
    // A cache or a temporary copy is not what care depends on: losing it to ransomware is the endpoint's malware risk.
    if (!store || segment.dataClass === 'other' || as === 'cache' || as === 'temporary') return [];
    const self = { store: at(store) };
    let likelihood = start(3, say('sector'));
    likelihood = internetStep(likelihood, segment, context);
    if (store.device.eol) likelihood = adjust(likelihood, +1, say('eol', self));
    if (store.device.exposure === 'isolated') likelihood = adjust(likelihood, -1, say('isolated', self));
    likelihood = mitigate(likelihood, store.device, ['edr'], 1);
    const apart = backupsApart(store, context);
    if (apart) {
      likelihood = adjust(likelihood, -1, apart);
    } else if (as !== 'backup' && !deviceFacts(context, store.device.id).backups.backedUp) {
      likelihood = adjust(likelihood, +1, say('noBackup', self));
    }
    const data = { ...self, data: dataList(segment.data) };
    const message = as !== 'backup' ? say('infects', data)
      : segment.data.every((d) => d.kind === 'backup') ? say('infectsBackupData', data)
        : say('infectsBackups', data);
    return [finding(message, impactOf(segment, ['I', 'A']), likelihood, store.device.id)];
  },
};
