// Production data in development: medical information (or an area that may contain it) processed or
// stored on a development, test or staging device. Real data where controls are looser than production's
// is likely to leak (4); masking it lowers that, down to 2. One risk per device, whatever flow brings the data.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { Environment } from '../models/vocabulary.js';
import { at, dataList, finding, impactOf, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  leaks: {
    ja: '{environment}の{device}で本番の{data}を扱い、開発・テストの過程で漏えいする',
    en: 'production {data} handled on {device}, a {environment} environment, leak in the course of development and testing',
  },
  looserControls: {
    ja: '{device}は{environment}: 本番より管理の緩い環境に本番データが置かれ、多くの開発要員が触れる',
    en: '{device} is a {environment} environment: production data sits where controls are looser than in production and many developers can reach it',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const NON_PRODUCTION: ReadonlySet<Environment> = new Set<Environment>(['development', 'test', 'staging']);

export const rule: Rule = {
  id: 'dev-production-data',
  threat: 'theft-leak',
  title: { ja: '開発・テスト環境での本番データの利用', en: 'Production data used in development or test' },
  risk: {
    ja: '本番環境の医療情報を開発・テスト・検証環境に複製して用いることで、管理の緩い環境や多数の開発要員を通じて医療情報が漏えいする',
    en: 'medical information copied from production into development, test or staging environments leaks through their looser controls and the many developers who can reach them',
  },
  cia: ['C'],
  segments: ['processing', 'storage'],
  phases: ['development'],
  countermeasures: {
    human: [
      { ja: '開発・テストに本番データを用いないことを規程に定め、やむを得ず用いる場合は事前承認・利用記録・使用後の消去を義務付ける', en: 'forbid production data in development and test by rule; where it cannot be avoided, require prior approval, a record of use and erasure afterwards' },
    ],
    physical: [
      { ja: '開発・テスト環境の機器を入退室管理された区画に置き、本番データを含む媒体の持ち出しを禁止する', en: 'keep development and test equipment in entry-controlled areas and forbid taking media with production data out' },
    ],
    technical: [
      { ja: 'ダミーデータの利用、または本番データのマスキング・匿名化', en: 'use dummy data, or mask or anonymise production data' },
      { ja: '開発・テスト環境にも本番環境と同等のアクセス制御と暗号化を適用する', en: 'apply the same access control and encryption to development and test environments as to production' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.1 情報流の整理（開発フェーズ: 本番環境・開発環境・テスト環境）', en: 'Provider guideline 5.1, information flows (development phase: production, development and test environments)' },
    { ja: '提供事業者ガイドライン 代表的な脅威「情報の窃取・漏洩」', en: 'Provider guideline, representative threats: theft or leak of information' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const placed = segment.devices[segment.devices.length - 1];
    if (!placed || segment.dataClass === 'other') return [];
    const env = placed.device.env;
    if (env === null || !NON_PRODUCTION.has(env)) return [];
    const place = { device: at(placed), environment: { term: 'environment', key: env } } as const;
    let likelihood = start(4, say('looserControls', place));
    likelihood = mitigate(likelihood, placed.device, ['data-masking'], 2);
    return [finding(
      say('leaks', { ...place, data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
      placed.device.id,
    )];
  },
};
