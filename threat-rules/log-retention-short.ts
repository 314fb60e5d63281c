// Log retention shorter than the legal retention: logs must be kept at least as long as the longest legal
// retention of the records they trace (medical records: 5 years). A log kept for less is 4; a log whose
// retention the model does not state is 3. The impact is the logs' (3), 4 when they trace legal records.
import type { Arg, Messages } from '../models/message.js';
import type { Data } from '../models/model.js';
import type { Rule, RuleContext } from '../models/rule.js';
import { at, dataList, finding, raiseTo, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  holdsMedical: { ja: 'ログ（{logs}）は医療情報を含む', en: 'the logs ({logs}) hold medical information' },
  mayHoldMedical: {
    ja: 'ログ（{logs}）は医療情報を含む可能性があり、アクセスの追跡に用いる',
    en: 'the logs ({logs}) may hold medical information and are used to trace access',
  },
  evidence: {
    ja: '法定保存文書（{record}）の真正性を確認する証跡となる',
    en: 'they are the evidence for the authenticity of records the law requires to be kept ({record})',
  },
  retentionUnstated: {
    ja: '{store}に保存される{log}の保存期間がモデルに記載されておらず、法定保存年限以上保存されるか確認できない',
    en: 'the model does not state how long {log} at {store} are kept, so whether they outlast the legal retention cannot be checked',
  },
  unstated: { ja: '{log}の保存期間が記載されていない', en: 'the retention of {log} is not stated' },
  tooShort: {
    ja: '{store}に保存される{log}の保存期間（{kept}）が法定保存文書（{record}）の保存期間（{legal}）より短く、保存期間中の改変・削除やアクセスを追跡・証明できない',
    en: '{log} at {store} are kept for {kept}, less than the legal retention of {record} ({legal}), so changes, deletions and access within that period cannot be traced or proven',
  },
  // The legal record states no retention: the medical records' 5 years is assumed, and said so.
  tooShortAssumed: {
    ja: '{store}に保存される{log}の保存期間（{kept}）が法定保存文書（{record}）の保存期間（5年（記載がないため診療録の法定保存期間とみなす））より短く、保存期間中の改変・削除やアクセスを追跡・証明できない',
    en: '{log} at {store} are kept for {kept}, less than the legal retention of {record} (5 years (not stated: taken as the legal retention of medical records)), so changes, deletions and access within that period cannot be traced or proven',
  },
  keptLess: {
    ja: 'ログの保存期間（{kept}）が法定保存年限（{legal}）に満たない',
    en: 'the logs are kept for {kept}, less than the legal retention ({legal})',
  },
  keptLessAssumed: {
    ja: 'ログの保存期間（{kept}）が法定保存年限（5年（記載がないため診療録の法定保存期間とみなす））に満たない',
    en: 'the logs are kept for {kept}, less than the legal retention (5 years (not stated: taken as the legal retention of medical records))',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

type Days = number | 'permanent';

const longer = (a: Days, b: Days): boolean => a === 'permanent' ? b !== 'permanent' : b !== 'permanent' && a > b;

/** The longest legal retention in the model (the facts say which record sets it); null without legal records. */
function longestLegal(context: RuleContext): { record: Data; days: Days; stated: boolean } | null {
  const legal = context.facts.legalRetention;
  const record = legal && context.model.data.find((d) => d.id === legal.record);
  if (!legal || !record) return null;
  return { record, days: legal.days, stated: legal.stated };
}

export const rule: Rule = {
  id: 'log-retention-short',
  threat: 'tampering-destruction',
  title: { ja: 'ログの保存期間の不足', en: 'Logs kept for too short a time' },
  risk: {
    ja: 'ログの保存期間が医療情報の法定保存年限より短く、保存期間中の医療情報の改変・削除やアクセスの事実を後から追跡・証明できない',
    en: 'logs are kept for less than the legal retention of the medical information, so changes, deletions and access during the retention period cannot be traced or proven later',
  },
  cia: ['I'],
  segments: ['logging'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '取り扱う医療情報の法定保存年限を確認し、ログの保存期間を医療機関等と協議・合意して運用管理規程に定める', en: 'check the legal retention of the medical information handled, agree the log retention with the medical institution, and write it into the operating rules' },
    ],
    physical: [
      { ja: '長期保存するログの媒体を施錠・入退室管理された場所に保管する', en: 'keep media holding long-term logs in locked, entry-controlled places' },
    ],
    technical: [
      { ja: '法定保存年限以上のログの保存（長期保存用ストレージへの退避を含む）', en: 'keep logs for at least the legal retention (moving them to long-term storage if needed)' },
      { ja: 'ログの改ざん防止と時刻同期', en: 'protect logs from tampering, and synchronise clocks' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ② ログの保存期間', en: 'Provider guideline, special considerations ②: log retention' },
    { ja: '電子文書法の要件（真正性: 保存期間中の改変・消去の有無を確認できること）', en: 'e-document law requirements (authenticity: changes and deletions traceable for the whole retention period)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const device = segment.devices[segment.devices.length - 1];
    if (!device || segment.dataClass === 'other') return [];
    const kindLogs = segment.data.filter((d) => d.kind === 'log');
    const logs = kindLogs.length > 0 ? kindLogs : segment.data;
    const legal = longestLegal(context);

    const named = { logs: dataList(logs) };
    let impact = segment.dataClass === 'medical'
      ? start(4, say('holdsMedical', named))
      : start(3, say('mayHoldMedical', named));
    if (legal) impact = raiseTo(impact, 4, say('evidence', { record: ref(legal.record.id) }));

    const unstated = logs.find((d) => d.retentionDays === null);
    if (unstated) {
      return [finding(
        say('retentionUnstated', { store: at(device), log: ref(unstated.id) }),
        impact,
        start(3, say('unstated', { log: ref(unstated.id) })),
      )];
    }
    if (!legal) return [];
    const short = logs.find((d) => d.retentionDays !== null && longer(legal.days, d.retentionDays));
    if (!short || short.retentionDays === null) return [];
    const kept: Arg = { retention: short.retention, days: short.retentionDays };
    const place = { store: at(device), log: ref(short.id), kept, record: ref(legal.record.id) };
    if (!legal.stated) {
      return [finding(say('tooShortAssumed', place), impact, start(4, say('keptLessAssumed', { kept })))];
    }
    const legalTerm: Arg = { retention: legal.record.retention, days: legal.days };
    return [finding(
      say('tooShort', { ...place, legal: legalTerm }),
      impact,
      start(4, say('keptLess', { kept, legal: legalTerm })),
    )];
  },
};
