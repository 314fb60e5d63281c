// Seed example ①, A->B input: someone other than the user signs in as them, or a user asks for more than
// they may have. Authentication decides the likelihood: none is 5, one factor 4, multi-factor 2.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, deviceFacts, factors, finding, impactOf, internetStep, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  spoofed: {
    ja: '{entry}で{actor}になりすました者、または権限外の操作により、{data}が不正に閲覧・操作される',
    en: 'someone posing as {actor} at {entry}, or an operation beyond a user\'s rights, views or changes {data}',
  },
  noAuth: { ja: '{entry}は認証なしで利用できる', en: '{entry} needs no authentication' },
  singleFactor: { ja: '{entry}は単要素認証（{factors}）', en: '{entry} uses single-factor authentication ({factors})' },
  authUnstated: { ja: '{entry}の認証方式がモデルに記載されていない（単要素とみなす）', en: 'the model does not say how {entry} authenticates (taken as single-factor)' },
  multiFactor: { ja: '{entry}は多要素認証（{factors}）', en: '{entry} uses multi-factor authentication ({factors})' },
  public: { ja: '{location}は不特定多数が立ち入る場所', en: '{location} is open to the public' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'input-spoofing',
  threat: 'unauthorised-access',
  title: { ja: '入力時のなりすまし・権限外の操作', en: 'Spoofing and operations beyond one\'s rights at input' },
  risk: {
    ja: '正当な権限を持たない者が利用者になりすまして医療情報を閲覧・操作する、または利用者が権限外の操作を行う',
    en: 'someone without rights signs in as a user and views or changes medical information, or a user does more than their role allows',
  },
  cia: ['C', 'I'],
  segments: ['input'],
  phases: ['development', 'operation'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: '利用者アカウントの発行・失効手続と定期的な棚卸し', en: 'issue, revoke and regularly review user accounts' },
      { ja: '認証情報（パスワード・ICカード）の貸し借り禁止を運用管理規程に定める', en: 'forbid sharing passwords and cards in the operating rules' },
    ],
    physical: [
      { ja: '端末を利用者以外が操作できない場所に置く', en: 'place terminals where people other than users cannot operate them' },
    ],
    technical: [
      { ja: '多要素認証（知識・所持・生体のうち2要素以上）', en: 'multi-factor authentication (two or more of knowledge, possession, biometrics)' },
      { ja: '役割に基づくアクセス制御（認可）と最小権限', en: 'role-based access control (authorisation) and least privilege' },
      { ja: 'アカウントロックアウトと認証失敗の記録', en: 'account lock-out and logging of failed sign-ins' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ① 入力）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ① input)' },
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ① 利用者認証（多要素認証）', en: 'Provider guideline, special considerations ①: user authentication (multi-factor)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const entry = segment.devices[0];
    if (!entry || segment.dataClass === 'other') return [];
    const auth = entry.device.auth;
    const strength = deviceFacts(context, entry.device.id).auth;
    const place = { entry: at(entry) };
    let likelihood = strength === 'none'
      ? start(5, say('noAuth', place))
      : strength === 'single'
        ? start(4, say('singleFactor', { ...place, factors: factors(auth) }))
        : strength === 'unstated'
          ? start(4, say('authUnstated', place))
          : start(2, say('multiFactor', { ...place, factors: factors(auth) }));
    if (entry.location.public && strength !== 'multi') {
      likelihood = adjust(likelihood, +1, say('public', { location: ref(entry.location.id) }));
    }
    likelihood = internetStep(likelihood, segment, context);
    const target = segment.devices[1];
    if (target) likelihood = mitigate(likelihood, target.device, ['access-control', 'least-privilege'], 2);
    return [finding(
      say('spoofed', { ...place, actor: segment.actor ? ref(segment.actor.id) : '', data: dataList(segment.data) }),
      impactOf(segment, ['C', 'I']),
      likelihood,
    )];
  },
};
