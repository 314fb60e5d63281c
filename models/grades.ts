// Grades with their reasons: how a rule, built in or a user's, builds an explained score. Every step
// names why it was taken (a message id and its data), so `koseizu threats` can say why each grade is
// what it is. The reasons several rules share (controls in place, reach from the internet, the impact of
// the information at stake) have their words here, in SHARED_REASONS; a rule's own are in its messages.
import { sayer, type MessageRef, type Messages } from './message.js';
import type { Grade, Score } from './risk.js';
import type { Segment } from './segment.js';
import type { CiaProperty } from './vocabulary.js';

/** The reasons several rules give, by code. */
export const SHARED_REASONS = {
  'control-in-place': { ja: '既存の管理策「{control}」', en: 'control in place: {control}' },
  'internet-reachable': { ja: 'インターネットから到達可能', en: 'reachable from the internet' },
  'impact-medical': {
    ja: '医療情報（{data}）: 漏えい・改竄・停止は診療に重大な支障',
    en: 'medical information ({data}): a leak, tampering or outage seriously disrupts care',
  },
  'impact-may-contain-medical': { ja: '医療情報を含む可能性のある領域（{data}）', en: 'an area that may contain medical information ({data})' },
  'impact-other': { ja: '医療情報以外の情報（{data}）', en: 'information other than medical information ({data})' },
  'volume-high-medical': { ja: '患者情報を大量・高頻度に扱う情報流', en: 'patient information handled in volume and often' },
  'volume-high-may-contain-medical': {
    ja: '医療情報を含む可能性のある領域を大量・高頻度に扱う情報流',
    en: 'areas that may contain medical information handled in volume and often',
  },
  'legal-record': { ja: '法定保存文書を含む（真正性・保存性が求められる）', en: 'includes records the law requires to be kept (authenticity, preservation)' },
  'volume-low': { ja: '少量・低頻度の情報流', en: 'a small, infrequent flow' },
} as const satisfies Messages;

export type SharedReason = keyof typeof SHARED_REASONS;

/** Names a shared reason with its data, checked by the compiler. */
export const shared = sayer(SHARED_REASONS);

export function clampGrade(value: number): Grade {
  return Math.min(5, Math.max(1, Math.round(value))) as Grade;
}

/** A score's starting grade, and why. */
export function start(value: number, why: MessageRef): Score {
  const grade = clampGrade(value);
  return { value: grade, reasons: [{ code: why.messageId, data: why.data, delta: null, value: grade }] };
}

/** Moves a score by `delta` (kept within 1..5), and says why. A zero delta changes nothing and records nothing. */
export function adjust(score: Score, delta: number, why: MessageRef): Score {
  if (delta === 0) return score;
  const value = clampGrade(score.value + delta);
  return { value, reasons: [...score.reasons, { code: why.messageId, data: why.data, delta, value }] };
}

/** Raises a score to a grade when a fact decides it outright ("no authentication: 5"), and says why. */
export function raiseTo(score: Score, value: number, why: MessageRef): Score {
  return value > score.value ? adjust(score, value - score.value, why) : score;
}

export function lowerTo(score: Score, value: number, why: MessageRef): Score {
  return value < score.value ? adjust(score, value - score.value, why) : score;
}

/** The controls a score's reasons have counted already ("control in place", or a rule's reason naming one). */
export function countedControls(score: Score): Set<string> {
  const counted = new Set<string>();
  for (const r of score.reasons) {
    const c = r.data['control'];
    if (typeof c === 'object' && 'term' in c && c.term === 'control') counted.add(c.key);
  }
  return counted;
}

/**
 * Lowers a likelihood by one for each of `controls` in place on `on` ("既存の管理策「WAF」"), down to `floor`.
 * The controls are looked at in the order given, so reasons read the same on every run. A control counts
 * once per score: one the score has counted already (on another device of the segment, say) is passed over.
 */
export function mitigate(score: Score, on: { readonly controls: readonly string[] }, controls: readonly string[], floor = 1): Score {
  let result = score;
  for (const c of controls) {
    if (!on.controls.includes(c) || result.value <= floor || countedControls(result).has(c)) continue;
    result = adjust(result, -1, shared('control-in-place', { control: { term: 'control', key: c } }));
  }
  return result;
}

/**
 * The impact of losing `cia` of the segment's information, with reasons: medical information starts at 4
 * (大きい: a personal-data leak, serious disruption of care), areas that may contain it at 3, other
 * information at 2; a flow of patient information in volume and often is the guideline's example of 5
 * (and a platform or infrastructure provider's areas that may contain it, handled in volume, reach 4);
 * legal records add one when integrity or availability is at stake (authenticity, preservation); a small,
 * infrequent flow takes one off.
 */
export function impactOf(segment: Segment, cia: readonly CiaProperty[]): Score {
  const data = { data: { list: segment.data.map((d) => ({ ref: d.id })) } };
  let score = segment.dataClass === 'medical'
    ? start(4, shared('impact-medical', data))
    : segment.dataClass === 'may-contain-medical'
      ? start(3, shared('impact-may-contain-medical', data))
      : start(2, shared('impact-other', data));
  const volume = segment.flow?.volume ?? null;
  if (segment.dataClass === 'medical' && volume === 'high') {
    score = adjust(score, +1, shared('volume-high-medical'));
  } else if (segment.dataClass === 'may-contain-medical' && volume === 'high') {
    score = adjust(score, +1, shared('volume-high-may-contain-medical'));
  }
  if (segment.data.some((d) => d.legalRecord) && (cia.includes('I') || cia.includes('A'))) {
    score = adjust(score, +1, shared('legal-record'));
  }
  if (volume === 'low') score = adjust(score, -1, shared('volume-low'));
  return score;
}
