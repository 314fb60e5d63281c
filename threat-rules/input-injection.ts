// Seed example ①, A->B input: illegitimate requests and injection (SQL injection and the like) at the hop
// into processing. A common attack works (3), more so from the internet; input validation and a WAF lower it.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { at, dataList, findingBy, impactOf, internetStep, mitigate, sayer, start } from './predicates.js';

const MESSAGES = {
  crafted: {
    ja: '{entry}から{target}への入力に細工したリクエストが送られ、{data}が読み出される・書き換えられる',
    en: 'crafted requests sent from {entry} to {target} read out or rewrite {data}',
  },
  commonAttack: { ja: '一般的な攻撃手法（不正リクエスト・インジェクション）が成立し得る', en: 'a common attack (illegitimate requests, injection) may work' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'input-injection',
  threat: 'tampering-destruction',
  title: { ja: '不正リクエスト・インジェクション', en: 'Illegitimate requests and injection' },
  risk: {
    ja: '細工した入力や不正なリクエスト（SQLインジェクション等）により、医療情報が不正に読み出される、または書き換えられる',
    en: 'crafted input or illegitimate requests (SQL injection and the like) read out or rewrite medical information',
  },
  cia: ['C', 'I'],
  segments: ['input'],
  phases: ['development', 'operation'],
  forms: ['application'],
  concern: 'application',
  countermeasures: {
    human: [
      { ja: 'セキュアコーディング規約と開発者への教育', en: 'secure coding standards and developer training' },
    ],
    physical: [
      { ja: '処理を行うサーバをアクセス制限された区画に置く', en: 'keep the processing servers in an access-controlled area' },
    ],
    technical: [
      { ja: 'サーバ側での入力検証とパラメータ化したクエリ', en: 'server-side input validation and parameterised queries' },
      { ja: 'リクエストごとの認可チェック', en: 'an authorisation check on every request' },
      { ja: 'WAF 等による不正リクエストの遮断', en: 'block illegitimate requests with a WAF or similar' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 5.2.1 リスク特定（イメージ1 ① 入力: 不正リクエスト、SQLi）', en: 'Provider guideline 5.2.1, risk identification (figure 1, ① input: illegitimate requests, SQLi)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const [entry, target] = segment.devices;
    if (!entry || !target || segment.dataClass === 'other') return [];
    let likelihood = start(3, say('commonAttack'));
    likelihood = internetStep(likelihood, segment, context);
    likelihood = mitigate(likelihood, target.device, ['input-validation', 'waf'], 1);
    // Input is validated where it is taken: the receiving side's operator answers.
    return [findingBy([target.device.id], say('crafted', { entry: at(entry), target: at(target), data: dataList(segment.data) }), impactOf(segment, ['C', 'I']), likelihood)];
  },
};
