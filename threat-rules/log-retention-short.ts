// Log retention shorter than the legal retention: logs must be kept at least as long as the longest legal
// retention of the records they trace (medical records: 5 years). A log kept for less is 4; a log whose
// retention the model does not state is 3. The impact is the logs' (3), 4 when they trace legal records.
import type { Data } from '../models/model.js';
import type { Rule, RuleContext } from '../models/risk.js';
import type { Term } from '../models/vocabulary.js';
import { finding, raiseTo, start, where } from './predicates.js';

type Days = number | 'permanent';

const longer = (a: Days, b: Days): boolean => a === 'permanent' ? b !== 'permanent' : b !== 'permanent' && a > b;

/** "5年" / "5 years", from the retention as written. */
function retentionTerm(written: string | null, days: Days): Term {
  if (days === 'permanent') return { ja: '永年', en: 'permanent' };
  const match = written === null ? null : /^(\d+)([ymd])$/.exec(written);
  const [n, unit] = match ? [match[1] ?? '', match[2]] : [String(days), 'd'];
  const s = n === '1' ? '' : 's';
  return unit === 'y' ? { ja: `${n}年`, en: `${n} year${s}` } : unit === 'm' ? { ja: `${n}か月`, en: `${n} month${s}` } : { ja: `${n}日`, en: `${n} day${s}` };
}

/** The longest legal retention in the model (the facts say which record sets it), in words; null without legal records. */
function longestLegal(context: RuleContext): { record: Data; days: Days; term: Term } | null {
  const legal = context.facts.legalRetention;
  const record = legal && context.model.data.find((d) => d.id === legal.record);
  if (!legal || !record) return null;
  const term = legal.stated
    ? retentionTerm(record.retention, legal.days)
    : { ja: '5年（記載がないため診療録の法定保存期間とみなす）', en: '5 years (not stated: taken as the legal retention of medical records)' };
  return { record, days: legal.days, term };
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
  origin: 'builtin',
  check(segment, context) {
    const device = segment.devices[segment.devices.length - 1];
    if (!device || segment.dataClass === 'other') return [];
    const kindLogs = segment.data.filter((d) => d.kind === 'log');
    const logs = kindLogs.length > 0 ? kindLogs : segment.data;
    const labels = { ja: logs.map((d) => d.label).join('・'), en: logs.map((d) => d.label).join(', ') };
    const legal = longestLegal(context);

    let impact = segment.dataClass === 'medical'
      ? start(4, { ja: `ログ（${labels.ja}）は医療情報を含む`, en: `the logs (${labels.en}) hold medical information` })
      : start(3, { ja: `ログ（${labels.ja}）は医療情報を含む可能性があり、アクセスの追跡に用いる`, en: `the logs (${labels.en}) may hold medical information and are used to trace access` });
    if (legal) {
      impact = raiseTo(impact, 4, {
        ja: `法定保存文書（${legal.record.label}）の真正性を確認する証跡となる`,
        en: `they are the evidence for the authenticity of records the law requires to be kept (${legal.record.label})`,
      });
    }

    const unstated = logs.find((d) => d.retentionDays === null);
    if (unstated) {
      return [finding(
        {
          ja: `${where(device).ja}に保存される${unstated.label}の保存期間がモデルに記載されておらず、法定保存年限以上保存されるか確認できない`,
          en: `the model does not state how long ${unstated.label} at ${where(device).en} are kept, so whether they outlast the legal retention cannot be checked`,
        },
        impact,
        start(3, { ja: `${unstated.label}の保存期間が記載されていない`, en: `the retention of ${unstated.label} is not stated` }),
      )];
    }
    if (!legal) return [];
    const short = logs.find((d) => d.retentionDays !== null && longer(legal.days, d.retentionDays));
    if (!short || short.retentionDays === null) return [];
    const kept = retentionTerm(short.retention, short.retentionDays);
    return [finding(
      {
        ja: `${where(device).ja}に保存される${short.label}の保存期間（${kept.ja}）が法定保存文書（${legal.record.label}）の保存期間（${legal.term.ja}）より短く、保存期間中の改変・削除やアクセスを追跡・証明できない`,
        en: `${short.label} at ${where(device).en} are kept for ${kept.en}, less than the legal retention of ${legal.record.label} (${legal.term.en}), so changes, deletions and access within that period cannot be traced or proven`,
      },
      impact,
      start(4, {
        ja: `ログの保存期間（${kept.ja}）が法定保存年限（${legal.term.ja}）に満たない`,
        en: `the logs are kept for ${kept.en}, less than the legal retention (${legal.term.en})`,
      }),
    )];
  },
};
