// What the built-in rules share: the score algebra (models/grades.ts), the values their messages'
// placeholders take, and reading the facts several rules need. Facts across the walk come from the facts
// stage (context.facts); nothing here works them out again, and nothing here is a word in a language.
import type { DeviceFacts } from '../models/facts.js';
import { shared } from '../models/grades.js';
import type { Arg, MessageRef } from '../models/message.js';
import type { Auth, Data } from '../models/model.js';
import type { Score } from '../models/risk.js';
import type { Finding, RuleContext } from '../models/rule.js';
import type { Hop, PlacedDevice, Segment } from '../models/segment.js';
import { OPERATORS, type CiaProperty, type Phase } from '../models/vocabulary.js';
import { adjust } from '../models/grades.js';

import { impactOf as impactOfSegment } from '../models/grades.js';

export { adjust, lowerTo, mitigate, raiseTo, start } from '../models/grades.js';
export { sayer } from '../models/message.js';

/** Each segment's impact, for a property list with integrity or availability and for one without. */
const IMPACTS = new WeakMap<Segment, (Score | undefined)[]>();

/**
 * The impact of losing `cia` of the segment's information (models/grades.ts), worked out once per segment
 * and per answer to the one thing it reads of `cia`, whether integrity or availability is at stake: most
 * rules ask it of every segment they find something on. Segments are not changed once walked.
 */
export function impactOf(segment: Segment, cia: readonly CiaProperty[]): Score {
  const slot = cia.includes('I') || cia.includes('A') ? 1 : 0;
  let known = IMPACTS.get(segment);
  if (!known) {
    known = [undefined, undefined];
    IMPACTS.set(segment, known);
  }
  return (known[slot] ??= impactOfSegment(segment, cia));
}

// ---- Placeholder values ----

/** A device and where it stands: "電子カルテ端末（診察室）". */
export const at = (d: PlacedDevice): Arg => ({ at: d.device.id });

/** A model element's label. */
export const ref = (id: string): Arg => ({ ref: id });

/** Each list of information's placeholder value, made once: the segments of a flow share their list, and many rules name it. */
const DATA_LISTS = new WeakMap<readonly Data[], Arg>();

/** The labels of information: "診療録・検査結果". */
export const dataList = (data: readonly Data[]): Arg => {
  let arg = DATA_LISTS.get(data);
  if (!arg) {
    arg = { list: data.map((d) => ({ ref: d.id })) };
    DATA_LISTS.set(data, arg);
  }
  return arg;
};

/** Authentication factors: "パスワード・ICカード". */
export const factors = (auth: Auth): Arg => ({ list: (auth ?? []).map((f) => ({ term: 'authFactor', key: f })) });

/** An organisation: a party's label, or a word of the vocabulary (institution, provider, third-party, patient, staff). */
export const organisation = (id: string): Arg => (Object.hasOwn(OPERATORS, id) ? { term: 'operator', key: id } : { ref: id });

/** A control, in the vocabulary's words (a custom x- control as written). */
export const control = (c: string): Arg => ({ term: 'control', key: c });

/** A hop's ends and network, for "{from}→{to}（{network}）". */
export const hopData = (hop: Hop): { readonly from: Arg; readonly to: Arg; readonly network: Arg } => ({
  from: at(hop.from), to: at(hop.to), network: ref(hop.network.id),
});

// ---- Facts ----

/** A patient's own device or a staff member's personal one (BYOD). */
export function personal(d: PlacedDevice): boolean {
  return d.device.owner === 'patient' || d.device.owner === 'staff';
}

/**
 * A device that goes where its user goes: a person's own, a tablet or a smartphone. The rules of places
 * (intrusion, disasters, the country of storage) do not apply to it; portable-cache asks about its loss.
 */
export function carried(d: PlacedDevice): boolean {
  return personal(d) || d.device.kind === 'tablet' || d.device.kind === 'smartphone';
}

/** A device, a location, a site or a media transport has a control in place. */
export function hasControl(on: { readonly controls: readonly string[] }, c: string): boolean {
  return on.controls.includes(c);
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
  return reachableFromInternet(segment, context) ? adjust(score, +1, shared('internet-reachable')) : score;
}

/**
 * A cache of what a rule works out from the facts alone (a device's likelihood, say), for a rule that reads
 * the same element on many segments: one per rule, keyed by the facts record and an element id.
 */
export function perFacts<V>(): (context: RuleContext, id: string, make: () => V) => V {
  const caches = new WeakMap<RuleContext['facts'], Map<string, V>>();
  return (context, id, make) => {
    let cache = caches.get(context.facts);
    if (!cache) {
      cache = new Map();
      caches.set(context.facts, cache);
    }
    if (cache.has(id)) return cache.get(id) as V;
    const value = make();
    cache.set(id, value);
    return value;
  };
}

/** A finding with the given message and scores; `at` names the element it is about, `phase` the phase it belongs to. */
export function finding(message: MessageRef, impact: Score, likelihood: Score, at?: string, phase?: Phase): Finding {
  const { messageId, data } = message;
  // One literal per shape (no spreads: a large model makes tens of thousands of findings); keys in this order.
  if (at === undefined) return phase === undefined ? { messageId, data, impact, likelihood } : { phase, messageId, data, impact, likelihood };
  return phase === undefined ? { at, messageId, data, impact, likelihood } : { at, phase, messageId, data, impact, likelihood };
}

/** A finding as `finding` makes it, and `by` naming the elements whose operators answer for it. */
export function findingBy(by: readonly string[], message: MessageRef, impact: Score, likelihood: Score, at?: string): Finding {
  const { messageId, data } = message;
  return at === undefined ? { messageId, data, impact, likelihood, by } : { at, messageId, data, impact, likelihood, by };
}
