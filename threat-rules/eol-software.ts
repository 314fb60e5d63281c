// End-of-support software: a device past its end of support keeps known vulnerabilities that will never
// be patched (4); the device itself reachable from the internet (exposed, or at one end of a hop over the
// internet) makes it 5. Nothing but isolation from networks lowers it: patches no longer exist. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import { shared } from '../models/grades.js';
import { adjust, at, dataList, finding, impactOf, sayer, start } from './predicates.js';

const MESSAGES = {
  exploited: {
    ja: 'サポート終了の{device}に残る修正されない脆弱性が悪用され、{data}の漏えい・改竄やシステムの停止に至る',
    en: 'unpatched vulnerabilities left in {device}, past its end of support, are exploited to leak or alter {data} or stop the system',
  },
  noPatches: {
    ja: '{device}はサポートが終了しており、既知の脆弱性に修正プログラムが提供されない',
    en: '{device} is past its end of support: known vulnerabilities get no patches',
  },
  isolated: { ja: '{device}は外部のネットワークから隔離されている', en: '{device} is isolated from outside networks' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

export const rule: Rule = {
  id: 'eol-software',
  threat: 'vulnerability',
  title: { ja: 'サポート終了ソフトウェアの利用', en: 'Software past its end of support' },
  risk: {
    ja: 'サポートが終了したOS・ミドルウェア・アプリケーションに修正されない既知の脆弱性が残り、これを悪用されて医療情報の漏えい・改竄やシステムの停止に至る',
    en: 'known vulnerabilities that will never be fixed remain in an operating system, middleware or application past its end of support, and are exploited to leak or alter medical information or stop the system',
  },
  cia: ['C', 'I', 'A'],
  segments: ['input', 'processing', 'storage'],
  phases: ['operation'],
  countermeasures: {
    human: [
      { ja: '機器・ソフトウェアの台帳でサポート期限を管理し、期限前に更改を計画する', en: 'track support end dates in the asset inventory and plan replacements before they arrive' },
      { ja: '更改までの間の利用制限と、残存リスクについて医療機関等と合意する', en: 'agree with the medical institution on restrictions until replacement, and on the residual risk' },
    ],
    physical: [
      { ja: '更改までの間、当該機器を利用者・場所を限定した区画に置く', en: 'until replacement, keep the device in an area with restricted people and access' },
    ],
    technical: [
      { ja: 'サポートが継続している版への更新・更改', en: 'upgrade or replace with a supported version' },
      { ja: '更改までの間、ネットワークから隔離する、または通信先を必要最小限に制限する', en: 'until replacement, isolate the device from networks, or restrict its connections to the minimum needed' },
    ],
  },
  references: [
    { ja: '提供事業者ガイドライン 顕在化率の評価基準（高い: 修正されていない既知の脆弱性）', en: 'Provider guideline, likelihood grades (high: known unpatched vulnerability)' },
    { ja: '医療情報安全管理ガイドライン 6.0 システム運用編 8.2 情報機器等の脆弱性への対策（サポート終了ソフトウェア: 更改・ネットワークからの切り離し）', en: 'MHLW guideline 6.0, system operation 8.2, vulnerabilities of information devices (end-of-support software: replace it or disconnect it)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment) {
    return segment.devices.filter((d) => d.device.eol).map((placed) => {
      const self = { device: at(placed) };
      let likelihood = start(4, say('noPatches', self));
      // The device's own reach, not the flow's: a database behind an exposed server is not reachable itself.
      const id = placed.device.id;
      const reached = placed.device.exposure === 'internet'
        || segment.pathHops.some((h) => h.network.kind === 'internet' && (h.from.device.id === id || h.to.device.id === id));
      if (reached) likelihood = adjust(likelihood, +1, shared('internet-reachable'));
      if (placed.device.exposure === 'isolated') likelihood = adjust(likelihood, -1, say('isolated', self));
      return finding(
        say('exploited', { ...self, data: dataList(segment.data) }),
        impactOf(segment, ['C', 'I', 'A']),
        likelihood,
        placed.device.id,
      );
    });
  },
};
