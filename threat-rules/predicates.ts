// What rules share: building explained scores, and the facts several rules read (multi-factor
// authentication, internet reach, controls in place, the impact of the information at stake).
// Every step of a score says why, in Japanese and English, so `koseizu threats` can explain each grade.
import type { Auth, Data, Media, Site } from '../models/model.js';
import type { Finding, Grade, RuleContext, Score } from '../models/risk.js';
import type { Hop, PlacedDevice, Segment } from '../models/segment.js';
import {
  AUTH_FACTOR_TYPES, AUTH_FACTORS, DEVICE_CONTROLS, IMPACT_GRADES, LIKELIHOOD_GRADES, LOCATION_CONTROLS, MEDIA_CONTROLS, SITE_CONTROLS,
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

/** Authentication with two or more factor types (knowledge, possession, biometric). */
export function isMultiFactor(auth: Auth): boolean {
  return auth !== null && new Set(auth.map((f) => AUTH_FACTOR_TYPES[f])).size >= 2;
}

/** "パスワード・ICカード" / "password, IC card": the factors in words. */
export function factorNames(auth: Auth, lang: 'ja' | 'en'): string {
  return (auth ?? []).map((f) => AUTH_FACTORS[f][lang]).join(lang === 'ja' ? '・' : ', ');
}

export type AuthStrength = 'none' | 'unstated' | 'single' | 'multi';

export function authStrength(auth: Auth): AuthStrength {
  if (auth === null) return 'unstated';
  if (auth.length === 0) return 'none';
  return isMultiFactor(auth) ? 'multi' : 'single';
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

/** The first of the segment's own devices that is reachable from the internet. */
export function internetExposed(segment: Segment): PlacedDevice | undefined {
  return segment.devices.find((d) => d.device.exposure === 'internet');
}

/** The flow's path crosses the internet (a hop over a network of kind internet). */
export function pathCrossesInternet(segment: Segment): boolean {
  return segment.pathHops.some((h) => h.network.kind === 'internet');
}

/** The segment is reachable from the internet: one of its devices is exposed, or its path crosses the internet. */
export function reachableFromInternet(segment: Segment): boolean {
  return internetExposed(segment) !== undefined || pathCrossesInternet(segment) || segment.pathDevices.some((d) => d.device.exposure === 'internet');
}

/** Raises a likelihood by one when the segment can be reached from the internet: the guideline's first example of 高い. */
export function internetStep(score: Score, segment: Segment): Score {
  return reachableFromInternet(segment)
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

// ---- Facts across the whole walk, computed once per assessment ----

/** What several rules ask of every segment at once; built on first use and kept per walk. */
export interface WalkIndex {
  /** For each device id, the devices that share an operation-phase path with it (itself excluded), sorted by id. */
  readonly operationPeers: ReadonlyMap<string, readonly PlacedDevice[]>;
  /** Devices a contract-termination flow returns, hands over, erases or disposes of. */
  readonly endedAtTermination: ReadonlySet<string>;
  /** "<flow id>\u0000<phase>" of every flow that has an input segment. */
  readonly enteredFlows: ReadonlySet<string>;
  /** Devices that handle medical information in an operation-phase segment. */
  readonly medicalInOperation: ReadonlySet<string>;
  /** Production devices that store medical information, sorted by id. */
  readonly productionMedicalStores: readonly PlacedDevice[];
  /** For each site id, the operation-phase media carrying backup data from it to another site, in model order. */
  readonly backupMediaAway: ReadonlyMap<string, readonly { readonly media: Media; readonly toSite: Site }[]>;
}

const ENDING_OPERATIONS: ReadonlySet<string> = new Set(['return', 'migrate', 'erase', 'dispose']);
const indexes = new WeakMap<readonly Segment[], WalkIndex>();

/** The walk's index for `context` (rules stay pure: it depends on the segments and model only). */
export function walkIndex(context: RuleContext): WalkIndex {
  const known = indexes.get(context.segments);
  if (known) return known;
  const peers = new Map<string, Map<string, PlacedDevice>>();
  const paths = new Set<readonly PlacedDevice[]>();
  const ended = new Set<string>();
  const entered = new Set<string>();
  const medical = new Set<string>();
  const stores = new Map<string, PlacedDevice>();
  for (const s of context.segments) {
    if (s.phase === 'operation' && !paths.has(s.pathDevices)) {
      paths.add(s.pathDevices);
      for (const a of s.pathDevices) {
        const list = peers.get(a.device.id) ?? new Map<string, PlacedDevice>();
        for (const b of s.pathDevices) if (b.device.id !== a.device.id) list.set(b.device.id, b);
        peers.set(a.device.id, list);
      }
    }
    if (s.kind === 'disposal' && s.phase === 'termination' && s.flow?.how.some((o) => ENDING_OPERATIONS.has(o))) {
      for (const d of s.devices) ended.add(d.device.id);
    }
    if (s.kind === 'input' && s.flow) entered.add(`${s.flow.id}\u0000${s.phase}`);
    if (s.phase === 'operation' && s.dataClass === 'medical') for (const d of s.devices) medical.add(d.device.id);
    const last = s.devices[s.devices.length - 1];
    if (s.kind === 'storage' && s.dataClass === 'medical' && last?.device.env === 'production') stores.set(last.device.id, last);
  }
  const byId = (a: PlacedDevice, b: PlacedDevice): number => (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0);
  const { model } = context;
  const sites = new Map(model.sites.map((s) => [s.id, s]));
  const siteOf = new Map(model.locations.map((l) => [l.id, sites.get(l.site)]));
  const backupData = new Set(model.data.filter((d) => d.kind === 'backup').map((d) => d.id));
  const away = new Map<string, { media: Media; toSite: Site }[]>();
  for (const media of model.media) {
    const from = siteOf.get(media.from);
    const to = siteOf.get(media.to);
    if (!from || !to || from.id === to.id || !media.phases.includes('operation') || !media.data.some((id) => backupData.has(id))) continue;
    away.set(from.id, [...(away.get(from.id) ?? []), { media, toSite: to }]);
  }
  const index: WalkIndex = {
    operationPeers: new Map([...peers].map(([id, list]) => [id, [...list.values()].sort(byId)])),
    endedAtTermination: ended,
    enteredFlows: entered,
    medicalInOperation: medical,
    productionMedicalStores: [...stores.values()].sort(byId),
    backupMediaAway: away,
  };
  indexes.set(context.segments, index);
  return index;
}
