// MHLW guideline ④ (参照表示した端末画面等): a screen showing medical information is read over someone's
// shoulder, or left signed in and used by someone else. Common wherever screens face people (3); a place
// open to the public adds one; a privacy filter, screen lock and automatic log-out each take one off.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { adjust, at, dataList, finding, impactOf, mitigate, ref, sayer, start } from './predicates.js';

const MESSAGES = {
  peeked: {
    ja: '{screen}の画面に表示された{data}を権限のない者が覗き見る、またはログインしたまま離席された端末を他人が閲覧・操作する',
    en: 'someone without rights reads {data} on the screen of {screen}, or views and operates it while it is left signed in',
  },
  screensSeen: {
    ja: '画面は周囲の者の目に触れやすく、離席時にログインしたまま放置されることも多い',
    en: 'screens are easily seen by people nearby, and are often left signed in when users step away',
  },
  public: { ja: '{location}は不特定多数が立ち入る場所', en: '{location} is open to the public' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'display-peeking',
  threat: 'unauthorised-access',
  title: { ja: '画面の覗き見・ログインしたままの放置', en: 'Screens read over the shoulder or left signed in' },
  risk: {
    ja: '医療情報を表示した端末画面を権限のない者が覗き見る、またはログインしたまま離席された端末を他人が閲覧・操作する',
    en: 'people without rights read medical information on a screen, or view and operate a terminal left signed in',
  },
  cia: ['C'],
  segments: ['display'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: '離席時のログアウト・画面ロックを運用管理規程に定め、利用者に周知する', en: 'require users to sign out or lock the screen whenever they leave it, in the operating rules' },
    ],
    physical: [
      { ja: '画面が患者・来訪者から見えない向きと位置に端末を置く', en: 'place terminals so that patients and visitors cannot see their screens' },
      { ja: '覗き見防止フィルタを画面に貼る', en: 'fit privacy filters to the screens' },
    ],
    technical: [
      { ja: '一定時間操作のない端末の画面ロック・自動ログアウト', en: 'lock the screen or sign out automatically after a period of inactivity' },
      { ja: 'ICカードの抜去に連動した画面ロック', en: 'lock the screen when the IC card is removed' },
    ],
  },
  references: [
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.2.2 リスク分析（④ 参照表示した端末画面等の覗き見）', en: 'MHLW guideline on the security of medical information systems, 1st edition, 6.2.2, risk analysis (④ screens peeked at)' },
    { ja: '医療情報システムの安全管理に関するガイドライン（第1版）6.4 物理的安全対策（離席時の窃視防止）', en: 'MHLW guideline, 1st edition, 6.4, physical safeguards (preventing peeking while away from the terminal)' },
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（代表的な脅威: 不正な閲覧・操作）', en: 'Provider guideline 5.2.1, risk identification (representative threat: unauthorised viewing or operation)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    const screen = segment.devices[0];
    if (!screen || segment.dataClass === 'other') return [];
    let likelihood = start(3, say('screensSeen'));
    if (screen.location.public) likelihood = adjust(likelihood, +1, say('public', { location: ref(screen.location.id) }));
    likelihood = mitigate(likelihood, screen.device, ['privacy-filter', 'screen-lock', 'auto-logout'], 1);
    return [finding(
      say('peeked', { screen: at(screen), data: dataList(segment.data) }),
      impactOf(segment, ['C']),
      likelihood,
    )];
  },
};
