// External storage (外部保存): medical information kept, as the record, a copy or a backup, at a site the
// institution does not run. The institution selects such a provider by facts the guideline lists (the law
// the storage is under, where it is, foreign law, certification, backups against malware) and must be
// able to confirm them; each the model leaves open is one more way the arrangement fails it (1, and one
// more for each). The country is storage-outside-japan's; this rule asks for the rest: foreign law that may
// reach the holder (+2 when it may, +1 when the model does not say), a third-party certification (+1
// without), and backups kept apart from malware (+1 without). Nothing open, no risk. One risk per site.
import type { Messages, MessageRef } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, deviceFacts, finding, hasControl, impactOf, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  unconfirmed: {
    ja: '{site}（外部保存先）の{store}に保存される{data}について、医療機関等が選定基準（{open}）を確認できず、保存先が要件を満たさないまま利用される',
    en: 'the institution cannot confirm the selection criteria ({open}) for {data} kept on {store} at {site}, an external store, and relies on one that may not meet them',
  },
  kept: { ja: '医療情報を医療機関等の外（{site}）に保存する: 選定基準の確認が必要', en: 'medical information is kept outside the institution ({site}): the selection criteria must be confirmed' },
  foreignLaw: { ja: '{holder}には国外法が適用される可能性がある', en: 'a foreign law may reach {holder}' },
  foreignLawUnstated: { ja: '{holder}への国外法の適用可能性がモデルに記載されていない', en: 'the model does not say whether a foreign law may reach {holder}' },
  noCertification: { ja: '{holder}の第三者認証（プライバシーマーク・ISMS・ISMAP等）がモデルにない', en: 'the model records no third-party certification of {holder} (PrivacyMark, ISMS, ISMAP...)' },
  noMalwareBackup: { ja: '{store}のバックアップがマルウェアから切り離されていない（オフライン・改変不能・別拠点への搬送がない）', en: 'the backups of {store} are not kept apart from malware (no offline, immutable or carried-away copy)' },
  lawClause: { ja: '国外法の適用可能性', en: 'foreign law' },
  certificationClause: { ja: '第三者認証', en: 'certification' },
  backupClause: { ja: 'マルウェア対策としてのバックアップ', en: 'backups against malware' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'external-storage',
  threat: 'theft-leak',
  title: { ja: '外部保存先の選定基準が確認できない', en: 'External storage whose selection criteria cannot be confirmed' },
  risk: {
    ja: '医療機関等の外に保存される医療情報について、保存先の事業者の選定基準（国内法の適用、保存場所、国外法、認証、マルウェア対策のバックアップ）を医療機関等が確認できず、要件を満たさない保存先で漏えい・消失が起こる',
    en: 'the institution cannot confirm the selection criteria (domestic law, where the data is kept, foreign law, certification, backups against malware) for medical information kept outside it, and a store that does not meet them leaks or loses it',
  },
  cia: ['C', 'A'],
  segments: ['storage'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '選定基準の各項目（国内法の適用・保存場所・国外法の適用可能性・安全管理の体制・バックアップ・認証）を資料で医療機関等に示し、合意する', en: 'show the institution, in writing, each selection criterion (domestic law, where data is kept, foreign law, security organisation, backups, certification) and agree on it' },
      { ja: '再委託先を含め、保存先の事業者の認証・監査結果を定期的に確認する', en: 'check the certification and audit results of the store\'s operator, subcontractors included, regularly' },
    ],
    physical: [
      { ja: '保存先の所在（国・地域）を契約で特定し、変更時の通知を定める', en: 'fix in the contract where the data is kept (country, region), and require notice of any change' },
    ],
    technical: [
      { ja: 'マルウェアから切り離したバックアップ（オフライン・改変不能・別拠点）の取得と復元の確認', en: 'backups kept apart from malware (offline, immutable, at another site), with restores tested' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 情報提供と合意形成 1. 事業者の選定基準として少なくとも確認する必要がある項目', en: 'Provider guideline, information and agreement, 1: what must at least be confirmed when selecting a provider' },
    { ja: '提供事業者ガイドライン 認証についての補足（Pマーク・ISMSがない場合の ISMAP・SOC2 等、または有資格者の外部監査）', en: 'Provider guideline, on certification (ISMAP, SOC 2 and the like, or an external audit, without PrivacyMark or ISMS)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const store = segment.devices[segment.devices.length - 1];
    const as = segment.keeping?.as;
    if (!store || segment.dataClass === 'other' || (as !== 'record' && as !== 'copy' && as !== 'backup')) return [];
    const { model } = context;
    const holderKind = model.parties.find((p) => p.id === store.site.organisation)?.kind ?? store.site.organisation;
    if (holderKind === 'institution') return [];
    const party = model.parties.find((p) => p.id === store.site.organisation) ?? null;
    const holder = party ? ref(party.id) : ref(store.site.id);
    const place = { site: ref(store.site.id) };
    const reasons: { add: number; why: MessageRef; clause: MessageRef }[] = [];
    if (party?.foreignLaw === true) reasons.push({ add: 2, why: say('foreignLaw', { holder }), clause: say('lawClause') });
    else if (party?.foreignLaw !== false) reasons.push({ add: 1, why: say('foreignLawUnstated', { holder }), clause: say('lawClause') });
    if (!hasControl(store.site, 'third-party-certification') && (party?.certifications.length ?? 0) === 0) {
      reasons.push({ add: 1, why: say('noCertification', { holder }), clause: say('certificationClause') });
    }
    if (as !== 'backup' && deviceFacts(context, store.device.id).backups.apart === null) {
      reasons.push({ add: 1, why: say('noMalwareBackup', { store: at(store) }), clause: say('backupClause') });
    }
    if (reasons.length === 0) return [];
    let likelihood = start(1, say('kept', place));
    for (const r of reasons) likelihood = adjust(likelihood, r.add, r.why);
    return [finding(
      say('unconfirmed', { ...place, store: at(store), data: dataList(segment.data), open: { list: reasons.map((r) => ({ message: r.clause })), join: 'items' } }),
      impactOf(segment, ['C', 'A']),
      likelihood,
      store.site.id,
    )];
  },
};
