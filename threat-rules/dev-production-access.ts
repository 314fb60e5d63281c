// Maintenance access to production: a development-phase flow, or an operation-phase maintenance flow
// (remote maintenance by a vendor), that reaches a production device. Staff
// with strong rights working on production is a common way in (3); an entry without multi-factor
// authentication raises it, audit logs and access control on the production device lower it. Raised on
// the flow's input (or, for a flow nobody enters, on the production device's processing).
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { PlacedDevice } from '../models/segment.js';
import { adjust, at, deviceFacts, factors, finding, impactOf, mitigate, raiseTo, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  maintainedInDevelopment: {
    ja: '開発フェーズに{actor}が{entry}から{target}へ本番環境の保守として接続し、本番の医療情報が業務外に閲覧・操作される、または誤操作で改変される',
    en: '{actor} connects from {entry} to {target}, a production device, for maintenance, and production medical information is viewed or changed beyond the work, or altered by mistake',
  },
  maintainedInOperation: {
    ja: '運用中に{actor}が{entry}から{target}へ本番環境の保守として接続し、本番の医療情報が業務外に閲覧・操作される、または誤操作で改変される',
    en: '{actor} connects from {entry} to {target}, a production device, for maintenance, and production medical information is viewed or changed beyond the work, or altered by mistake',
  },
  jobInDevelopment: {
    ja: '開発フェーズに{entry}から{target}へ本番環境の保守として接続し、本番の医療情報が業務外に閲覧・操作される、または誤操作で改変される',
    en: 'an automated job connects from {entry} to {target}, a production device, for maintenance, and production medical information is viewed or changed beyond the work, or altered by mistake',
  },
  jobInOperation: {
    ja: '運用中に{entry}から{target}へ本番環境の保守として接続し、本番の医療情報が業務外に閲覧・操作される、または誤操作で改変される',
    en: 'an automated job connects from {entry} to {target}, a production device, for maintenance, and production medical information is viewed or changed beyond the work, or altered by mistake',
  },
  strongRights: {
    ja: '本番環境への保守作業は強い権限を伴い、業務外の閲覧・誤操作が起こり得る',
    en: 'maintenance work on production comes with strong rights, so viewing beyond the work and mistakes can happen',
  },
  entryNoAuth: { ja: '接続元の{entry}は認証なしで利用できる', en: 'the entry, {entry}, needs no authentication' },
  entrySingleFactor: { ja: '接続元の{entry}は単要素認証（{factors}）', en: 'the entry, {entry}, uses single-factor authentication ({factors})' },
  entryAuthUnstated: {
    ja: '接続元の{entry}の認証方式がモデルに記載されていない（多要素認証とみなさない）',
    en: 'the model does not say how the entry, {entry}, authenticates (not taken as multi-factor)',
  },
  productionMedical: {
    ja: '本番環境の機器（{target}）は運用フェーズで医療情報を扱い、保守作業からそのすべてに到達し得る',
    en: '{target} handles medical information in operation, all of which maintenance work can reach',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

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
  messages: MESSAGES,
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

    const place = { entry: at(entry) };
    let likelihood = start(3, say('strongRights'));
    const auth = entry.device.auth;
    const strength = deviceFacts(context, entry.device.id).auth;
    if (strength !== 'multi') {
      likelihood = adjust(likelihood, +1, strength === 'none'
        ? say('entryNoAuth', place)
        : strength === 'single'
          ? say('entrySingleFactor', { ...place, factors: factors(auth) })
          : say('entryAuthUnstated', place));
    }
    likelihood = mitigate(likelihood, target.device, ['audit-log', 'access-control'], 1);

    let impact = impactOf(segment, ['C', 'I']);
    const targetId = target.device.id;
    const holdsMedical = deviceFacts(context, targetId).medicalInOperation;
    if (holdsMedical) impact = raiseTo(impact, 4, say('productionMedical', { target: at(target) }));
    const ends = { ...place, target: at(target) };
    const development = segment.phase === 'development';
    const message = segment.actor
      ? say(development ? 'maintainedInDevelopment' : 'maintainedInOperation', { ...ends, actor: ref(segment.actor.id) })
      : say(development ? 'jobInDevelopment' : 'jobInOperation', ends);
    return [finding(
      message,
      impact,
      likelihood,
    )];
  },
};
