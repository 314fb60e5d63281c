// The guideline's requirement of multi-factor authentication, checked on each device people sign in to
// (the entry device of input and display segments) that handles medical information: single-factor is 4,
// no authentication 5, unstated 4 (taken as single-factor, as input-spoofing does); reach from the
// internet adds one, an isolated device takes one off. It overlaps input-spoofing on purpose: that rule weighs spoofing at
// one input; this one lists each device's authentication setting once, against the requirement (`at`).
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, deviceFacts, factors, finding, impactOf, internetStep, sayer, start } from './predicates.js';

const MESSAGES = {
  spoofedNoAuth: {
    ja: '{entry}は認証なしで利用でき、多要素認証の要件を満たさないため、第三者が利用者になりすまして医療情報を閲覧・操作する',
    en: '{entry} needs no authentication, short of the multi-factor requirement, so someone can pose as a user and view or change medical information',
  },
  spoofedSingleFactor: {
    ja: '{entry}は単要素認証（{factors}）のみで、多要素認証の要件を満たさないため、第三者が利用者になりすまして医療情報を閲覧・操作する',
    en: '{entry} uses one factor only ({factors}), short of the multi-factor requirement, so someone can pose as a user and view or change medical information',
  },
  spoofedUnstated: {
    ja: '{entry}が多要素認証の要件を満たすか確認できないため、第三者が利用者になりすまして医療情報を閲覧・操作する',
    en: '{entry} is not shown to meet the multi-factor requirement, so someone can pose as a user and view or change medical information',
  },
  noAuth: { ja: '{entry}は認証なしで利用できる', en: '{entry} needs no authentication' },
  singleFactor: { ja: '{entry}は単要素認証（{factors}）', en: '{entry} uses single-factor authentication ({factors})' },
  authUnstated: { ja: '{entry}の認証方式がモデルに記載されていない（単要素とみなす）', en: 'the model does not state how {entry} authenticates (taken as single-factor)' },
  isolated: { ja: '{entry}は外部と接続されていない（なりすましには施設内での操作が必要）', en: '{entry} is isolated (posing as a user takes being there)' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'auth-single-factor',
  threat: 'unauthorised-access',
  title: { ja: '多要素認証が使われていない（利用者認証の要件）', en: 'Multi-factor authentication not used (user authentication requirement)' },
  risk: {
    ja: '医療情報を扱う機器の利用者認証がガイドラインの求める多要素認証になっておらず、盗まれた・推測されたパスワード等で第三者が利用者になりすまして医療情報を閲覧・操作する',
    en: 'a device that handles medical information does not use the multi-factor authentication the guideline requires, so someone with a stolen or guessed password poses as a user and views or changes medical information',
  },
  cia: ['C', 'I'],
  segments: ['input', 'display'],
  phases: ['development', 'operation'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: '多要素認証の導入計画を医療機関等と合意し、認証要素（ICカード等）の発行・紛失時の手続を定める', en: 'agree a plan for multi-factor authentication with the institution, with procedures for issuing and losing factors such as IC cards' },
    ],
    physical: [
      { ja: 'ICカード等の所持要素を利用者本人が管理し、端末に挿したまま離席しない', en: 'users keep possession factors such as IC cards on them, never left in the terminal' },
    ],
    technical: [
      { ja: '知識・所持・生体のうち異なる2要素以上による多要素認証（例: パスワード＋ICカード／HPKIカード）', en: 'multi-factor authentication with two or more different factor types (e.g. password plus IC card or HPKI card)' },
      { ja: '認証を省略できる共用アカウント・自動ログインを廃止する', en: 'remove shared accounts and automatic sign-in that skip authentication' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 医療情報システム等特有の考慮事項 ① 利用者認証（多要素認証を採用すべき）', en: 'Provider guideline, special considerations ①: user authentication (multi-factor authentication should be used)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const entry = segment.devices[0];
    if (!entry || segment.dataClass === 'other') return [];
    const auth = entry.device.auth;
    const strength = deviceFacts(context, entry.device.id).auth;
    if (strength === 'multi') return [];
    const place = { entry: at(entry) };
    const named = { ...place, factors: factors(auth) };
    let likelihood = strength === 'none'
      ? start(5, say('noAuth', place))
      : strength === 'single'
        ? start(4, say('singleFactor', named))
        : start(4, say('authUnstated', place));
    likelihood = internetStep(likelihood, segment, context);
    if (entry.device.exposure === 'isolated') likelihood = adjust(likelihood, -1, say('isolated', place));
    const message = strength === 'none'
      ? say('spoofedNoAuth', place)
      : strength === 'single'
        ? say('spoofedSingleFactor', named)
        : say('spoofedUnstated', place);
    return [finding(
      message,
      impactOf(segment, ['C', 'I']),
      likelihood,
      entry.device.id,
    )];
  },
};
