// What rules share: building explained scores, and reading the facts several rules need (internet reach,
// controls in place, the impact of the information at stake). Facts across the walk come from the facts
// stage (context.facts); nothing here works them out again.
// Every step of a score says why, in Japanese and English, so `koseizu threats` can explain each grade.
import type { DeviceFacts } from '../models/facts.js';
import type { Auth, Data } from '../models/model.js';
import type { Finding, Grade, RuleContext, Score } from '../models/risk.js';
import type { Hop, PlacedDevice, Segment } from '../models/segment.js';
import {
  AUTH_FACTORS, DEVICE_CONTROLS, IMPACT_GRADES, LIKELIHOOD_GRADES, LOCATION_CONTROLS, MEDIA_CONTROLS, SITE_CONTROLS,
  type CiaProperty, type Phase, type Term,
} from '../models/vocabulary.js';

const clamp = (v: number): Grade => Math.min(5, Math.max(1, Math.round(v))) as Grade;

/** A score's starting grade, and why. */
export function start(value: number, why: Term): Score {
  const grade = clamp(value);
  return { value: grade, reasons: [{ ja: why.ja, en: why.en, delta: null, value: grade }] };
}

/** Moves a score by `delta` (kept within 1..5), and says why. A zero delta changes nothing and records nothing. */
export function adjust(score: Score, delta: number, why: Term): Score {
  if (delta === 0) return score;
  const value = clamp(score.value + delta);
  return { value, reasons: [...score.reasons, { ja: why.ja, en: why.en, delta, value }] };
}

/** Sets a score to a grade when a fact decides it outright ("no authentication: 5"), and says why. */
export function raiseTo(score: Score, value: number, why: Term): Score {
  return value > score.value ? adjust(score, value - score.value, why) : score;
}

export function lowerTo(score: Score, value: number, why: Term): Score {
  return value < score.value ? adjust(score, value - score.value, why) : score;
}

export const gradeName = (kind: 'impact' | 'likelihood', grade: Grade): Term =>
  (kind === 'impact' ? IMPACT_GRADES : LIKELIHOOD_GRADES)[grade - 1] as Term;

// ---- Facts ----

/** "パスワード・ICカード" / "password, IC card": the factors in words. */
export function factorNames(auth: Auth, lang: 'ja' | 'en'): string {
  return (auth ?? []).map((f) => AUTH_FACTORS[f][lang]).join(lang === 'ja' ? '・' : ', ');
}

/** A device, a location, a site or a media transport has a control in place. */
export function hasControl(on: { readonly controls: readonly string[] }, control: string): boolean {
  return on.controls.includes(control);
}

const CONTROL_TERMS: Readonly<Record<string, Term>> = { ...SITE_CONTROLS, ...LOCATION_CONTROLS, ...MEDIA_CONTROLS, ...DEVICE_CONTROLS };

export function controlTerm(control: string): Term {
  return CONTROL_TERMS[control] ?? { ja: control, en: control };
}

/**
 * Lowers a likelihood by one for each of `controls` in place on `on` ("既存の管理策: WAF"), down to `floor`.
 * The controls are looked at in the order given, so reasons read the same on every run.
 */
export function mitigate(score: Score, on: { readonly controls: readonly string[] }, controls: readonly string[], floor = 1): Score {
  let result = score;
  for (const c of controls) {
    if (!hasControl(on, c) || result.value <= floor) continue;
    const term = controlTerm(c);
    result = adjust(result, -1, { ja: `既存の管理策「${term.ja}」`, en: `control in place: ${term.en}` });
  }
  return result;
}

/** The facts of a device (the facts stage derives them for every device of the model). */
export function deviceFacts(context: RuleContext, id: string): DeviceFacts {
  const found = context.facts.devices[id];
  if (!found) throw new Error(`no facts for device "${id}"`);
  return found;
}

/** A device of the model with its location and site, by id (for a device the facts name). */
export function placedDevice(context: RuleContext, id: string): PlacedDevice {
  const { model } = context;
  const device = model.devices.find((d) => d.id === id);
  const location = model.locations.find((l) => l.id === device?.at);
  const site = model.sites.find((s) => s.id === location?.site);
  if (!device || !location || !site) throw new Error(`no placed device "${id}"`);
  return { device, location, site };
}

/** The segment can be reached from the internet: its flow's path crosses the internet or has a device exposed to it. */
export function reachableFromInternet(segment: Segment, context: RuleContext): boolean {
  return segment.flow !== null && context.facts.flows[segment.flow.id]?.internet === true;
}

/** Raises a likelihood by one when the segment can be reached from the internet: the guideline's first example of 高い. */
export function internetStep(score: Score, segment: Segment, context: RuleContext): Score {
  return reachableFromInternet(segment, context)
    ? adjust(score, +1, { ja: 'インターネットから到達可能', en: 'reachable from the internet' })
    : score;
}

export function dataNames(data: readonly Data[], lang: 'ja' | 'en'): string {
  return data.map((d) => d.label).join(lang === 'ja' ? '・' : ', ');
}

/** "電子カルテ端末（診察室）". */
export function where(d: PlacedDevice): Term {
  return { ja: `${d.device.label}（${d.location.label}）`, en: `${d.device.label} (${d.location.label})` };
}

/** "電子カルテ端末（診察室）→院内ルータ（事務室）（院内LAN）". */
export function hopName(hop: Hop): Term {
  return {
    ja: `${where(hop.from).ja}→${where(hop.to).ja}（${hop.network.label}）`,
    en: `${where(hop.from).en} → ${where(hop.to).en} (${hop.network.label})`,
  };
}

export function isLegalRecord(data: readonly Data[]): boolean {
  return data.some((d) => d.legalRecord);
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
  const names = { ja: dataNames(segment.data, 'ja'), en: dataNames(segment.data, 'en') };
  let score = segment.dataClass === 'medical'
    ? start(4, { ja: `医療情報（${names.ja}）: 漏えい・改竄・停止は診療に重大な支障`, en: `medical information (${names.en}): a leak, tampering or outage seriously disrupts care` })
    : segment.dataClass === 'may-contain-medical'
      ? start(3, { ja: `医療情報を含む可能性のある領域（${names.ja}）`, en: `an area that may contain medical information (${names.en})` })
      : start(2, { ja: `医療情報以外の情報（${names.ja}）`, en: `information other than medical information (${names.en})` });
  const volume = segment.flow?.volume ?? null;
  if (segment.dataClass === 'medical' && volume === 'high') {
    score = adjust(score, +1, { ja: '患者情報を大量・高頻度に扱う情報流', en: 'patient information handled in volume and often' });
  } else if (segment.dataClass === 'may-contain-medical' && volume === 'high') {
    score = adjust(score, +1, { ja: '医療情報を含む可能性のある領域を大量・高頻度に扱う情報流', en: 'areas that may contain medical information handled in volume and often' });
  }
  if (isLegalRecord(segment.data) && (cia.includes('I') || cia.includes('A'))) {
    score = adjust(score, +1, { ja: '法定保存文書を含む（真正性・保存性が求められる）', en: 'includes records the law requires to be kept (authenticity, preservation)' });
  }
  if (volume === 'low') score = adjust(score, -1, { ja: '少量・低頻度の情報流', en: 'a small, infrequent flow' });
  return score;
}

/** A finding with the given scores and message; `at` names the element it is about, `phase` the phase it belongs to. */
export function finding(message: Term, impact: Score, likelihood: Score, at?: string, phase?: Phase): Finding {
  return { ...(at === undefined ? {} : { at }), ...(phase === undefined ? {} : { phase }), message, impact, likelihood };
}
