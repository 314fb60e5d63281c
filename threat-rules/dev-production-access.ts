// Maintenance access to production: a development-phase flow, or an operation-phase maintenance flow
// (remote maintenance by a vendor), that reaches a production device. Staff
// with strong rights working on production is a common way in (3); an entry without multi-factor
// authentication raises it, audit logs and access control on the production device lower it. Raised on
// the flow's input (or, for a flow nobody enters, on the production device's processing).
import type { Rule } from '../models/risk.js';
import type { PlacedDevice } from '../models/segment.js';
import { adjust, deviceFacts, factorNames, finding, impactOf, mitigate, raiseTo, start, where } from './predicates.js';

export const rule: Rule = {
  id: 'dev-production-access',
  threat: 'unauthorised-access',
  title: { ja: '開発・保守作業からの本番環境へのアクセス', en: 'Access to production from development and maintenance work' },
  risk: {
    ja: '開発・保守要員が保守作業として本番環境に接続し、強い権限により本番の医療情報を業務外に閲覧・操作する、または誤操作で改変する',
    en: 'development and maintenance staff connecting to production for maintenance use their strong rights to view or change production medical information beyond the work, or alter it by mistake',
  },
  cia: ['C', 'I'],
  segments: ['input', 'processing'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '本番環境での保守作業を事前申請・承認制とし、作業記録を残して事後に点検する', en: 'require prior application and approval for maintenance on production, keep a record of the work and review it afterwards' },
      { ja: '本番環境の特権アカウントを必要な要員・期間に限って貸与する', en: 'lend privileged production accounts only to the staff and for the time the work needs' },
    ],
    physical: [
      { ja: '本番環境への接続を入退室管理された保守室の専用端末に限る', en: 'allow connections to production only from dedicated terminals in an entry-controlled maintenance room' },
    ],
    technical: [
      { ja: '保守端末の多要素認証と、本番環境へのアクセス制御（最小権限）', en: 'multi-factor authentication on maintenance terminals, and access control (least privilege) on production' },
      { ja: '本番環境での操作ログの取得と改ざん防止、定期的な確認', en: 'log operations on production, protect the logs from tampering and review them regularly' },
      { ja: '開発環境と本番環境のネットワーク分離（踏み台サーバ経由の接続）', en: 'separate the development and production networks (connect through a jump server)' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.1 情報流の整理（開発フェーズ: 開発/保守要員による本番環境の保守）', en: 'Provider guideline 5.1, information flows (development phase: maintenance of production by development and maintenance staff)' },
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ① 利用者認証（多要素認証）', en: 'Provider guideline, special considerations ①: user authentication (multi-factor)' },
  ],
  origin: 'builtin',
  check(segment, context) {
    const flow = segment.flow;
    // In operation, only maintenance work reaches production this way (a vendor's remote maintenance).
    if (!flow || (segment.phase === 'operation' && !flow.how.includes('maintain'))) return [];
    const production = segment.pathDevices.filter((d) => d.device.env === 'production');
    let target: PlacedDevice | undefined;
    if (segment.kind === 'input') {
      target = production.find((d) => d.device.id !== flow.which) ?? production[0];
    } else {
      // Processing: only for a flow nobody enters (an automated job); otherwise its input carries the risk.
      const device = segment.devices[0];
      const entered = context.facts.flows[flow.id]?.entered === true;
      if (entered || !device || device.device.env !== 'production') return [];
      target = device;
    }
    if (!target) return [];
    const entry = segment.pathDevices.find((d) => d.device.id === flow.which) ?? segment.devices[0] ?? target;

    let likelihood = start(3, {
      ja: '本番環境への保守作業は強い権限を伴い、業務外の閲覧・誤操作が起こり得る',
      en: 'maintenance work on production comes with strong rights, so viewing beyond the work and mistakes can happen',
    });
    const auth = entry.device.auth;
    const strength = deviceFacts(context, entry.device.id).auth;
    if (strength !== 'multi') {
      likelihood = adjust(likelihood, +1, strength === 'none'
        ? { ja: `接続元の${where(entry).ja}は認証なしで利用できる`, en: `the entry, ${where(entry).en}, needs no authentication` }
        : strength === 'single'
          ? { ja: `接続元の${where(entry).ja}は単要素認証（${factorNames(auth, 'ja')}）`, en: `the entry, ${where(entry).en}, uses single-factor authentication (${factorNames(auth, 'en')})` }
          : { ja: `接続元の${where(entry).ja}の認証方式がモデルに記載されていない（多要素認証とみなさない）`, en: `the model does not say how the entry, ${where(entry).en}, authenticates (not taken as multi-factor)` });
    }
    likelihood = mitigate(likelihood, target.device, ['audit-log', 'access-control'], 1);

    let impact = impactOf(segment, ['C', 'I']);
    const targetId = target.device.id;
    const holdsMedical = deviceFacts(context, targetId).medicalInOperation;
    if (holdsMedical) {
      impact = raiseTo(impact, 4, {
        ja: `本番環境の機器（${where(target).ja}）は運用フェーズで医療情報を扱い、保守作業からそのすべてに到達し得る`,
        en: `${where(target).en} handles medical information in operation, all of which maintenance work can reach`,
      });
    }
    const who = segment.actor?.label;
    return [finding(
      {
        ja: `${segment.phase === 'development' ? '開発フェーズに' : '運用中に'}${who ? `${who}が` : ''}${where(entry).ja}から${where(target).ja}へ本番環境の保守として接続し、本番の医療情報が業務外に閲覧・操作される、または誤操作で改変される`,
        en: `${who ? `${who} connects` : 'an automated job connects'} from ${where(entry).en} to ${where(target).en}, a production device, for maintenance, and production medical information is viewed or changed beyond the work, or altered by mistake`,
      },
      impact,
      likelihood,
    )];
  },
};
