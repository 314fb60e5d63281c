// Seed example ④, C->D logging: personal data leaking through logs. Logs that may hold medical
// information are read by more people than the records are (3); masking and access control lower it.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, findingBy, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  leaks: {
    ja: '{logs}に出力された{data}から患者の個人情報が漏えいする',
    en: 'patients\' personal information leaks from {data} written to {logs}',
  },
  widelyRead: { ja: 'ログは記録本体より多くの者が閲覧し、外部サービスにも送られやすい', en: 'logs are read by more people than the records, and often sent to outside services' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'log-leak',
  threat: 'theft-leak',
  title: { ja: 'ログからの個人情報の漏えい', en: 'Personal data leaking through logs' },
  risk: {
    ja: 'ログに患者の個人情報や医療情報が出力され、ログを閲覧できる者や外部の監視サービスを通じて漏えいする',
    en: 'patients\' personal or medical information written to logs leaks to whoever can read the logs or to outside monitoring services',
  },
  cia: ['C'],
  segments: ['logging'],
  phases: ['development', 'operation'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: 'ログに出力してよい項目を定め、出力内容をレビューする', en: 'decide which fields may be logged, and review what is logged' },
    ],
    physical: [
      { ja: 'ログサーバを入退室管理された区画に置く', en: 'keep log servers in an entry-controlled area' },
    ],
    technical: [
      { ja: 'ログ出力時の個人情報のマスキング', en: 'mask personal information when writing logs' },
      { ja: 'ログへのアクセス制御と閲覧の記録', en: 'access control on logs, and record who reads them' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ④ ログ）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ④ logging)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const logs = segment.devices[segment.devices.length - 1];
    if (!logs || segment.dataClass === 'other') return [];
    const source = segment.devices.length > 1 ? segment.devices[0] : undefined;
    let likelihood = start(3, say('widelyRead'));
    if (source) likelihood = mitigate(likelihood, source.device, ['log-masking'], 1);
    likelihood = mitigate(likelihood, logs.device, ['log-masking', 'access-control'], 1);
    // What goes into a log is decided where it is written: the writer's operator (and supplier) answer with the log device's.
    return [findingBy(source ? [source.device.id, logs.device.id] : [logs.device.id], say('leaks', { logs: at(logs), data: dataList(segment.data) }), impactOf(segment, ['C']), likelihood)];
  },
};
