// The walk (断面の切り出し): every flow, in its phase and provision form, cut into the segments the
// guideline lists threats for (5.2.1, イメージ1), and every media transport in each of its phases.
// Pure and deterministic: Model in, segments sorted by key, kind and phase out; each segment carries its
// facts already looked up (models/segment.ts), so rules never search the model.
//
// What each flow gives, along its path in the direction of travel:
// - input: the actor's entry at the `which` device, and the first hop from it into processing;
// - display: the screen of that device, when someone looks at or works on it;
// - print: each printer on the path;
// - processing: each device that processes;
// - storage: each device the flow writes to, with the hop into it. A flow that only reads (view, print,
//   export...) writes nowhere; a flow that sends (transfer, backup, restore...) writes where it arrives, not
//   at its source. A device that says what it keeps (`stores`) is written only with that information, and
//   a cache or temporary copy on it also by flows that read the information through it; a device that
//   does not say is written, as its roles have it, with whatever writing flows bring it;
// - logging: each log device, with the hop into it (a flow of logs only is processed and stored nowhere else);
// - transfer: each network hop (not for flows that only erase or dispose);
// - disposal: at contract termination, each device the flow returns, hands over, erases or disposes of.
// At contract termination a flow gives only its transfers and disposals: what happens there is the end of
// the data, not its use. A media transport gives a `media` segment in each of its phases, and a `disposal`
// segment too at contract termination.
import type { Data, Flow, Media, Model } from '../../models/model.js';
import { CLASS_ORDER, KEPT_ORDER, type Hop, type Keeping, type PlacedDevice, type Place, type Segment } from '../../models/segment.js';
import type { DataClass, DeviceKind, Form, KeptAs, Operation, Phase, SegmentKind } from '../../models/vocabulary.js';

/** Operations that read or hand information out without keeping it: a flow of only these stores nothing. */
const READ_ONLY: ReadonlySet<Operation> = new Set(['view', 'print', 'export', 'return', 'erase', 'dispose']);
/**
 * Operations that write where the flow starts (someone creates, enters or edits it there). The others
 * (transfer, backup, restore, migrate) carry information from its source to where it is written.
 */
const WRITES_AT_SOURCE: ReadonlySet<Operation> = new Set(['input', 'operate', 'edit', 'create', 'store', 'process', 'develop', 'test', 'maintain']);
/** Forms of keeping that fill as information passes through, read or written: a cache, a temporary copy. */
const FILLED_IN_PASSING: ReadonlySet<KeptAs> = new Set(['cache', 'temporary']);
/** Device kinds people carry or sit at: what such a device keeps without saying is a cache (KZ310). */
const END_USER_KINDS: ReadonlySet<DeviceKind> = new Set(['terminal', 'tablet', 'smartphone']);

/** A device keeps information at all: it says what, or it has the store or backup role. */
export function keepsAnything(d: PlacedDevice): boolean {
  return d.device.stores !== null ? d.device.stores.length > 0 : d.device.roles.some((r) => r === 'store' || r === 'backup');
}

/**
 * What a flow writes to the device at path index `index`, and how the device keeps it; null when it
 * writes nothing there. `writes`: the flow writes at all; `atSource`: it writes where it starts.
 */
function written(d: PlacedDevice, index: number, data: readonly Data[], writes: boolean, atSource: boolean): { data: Data[]; keeping: Keeping } | null {
  const reaches = writes && (index > 0 || atSource);
  const stores = d.device.stores;
  if (stores === null) {
    const roles = d.device.roles;
    if (!reaches || !roles.some((r) => r === 'store' || r === 'backup')) return null;
    const as: KeptAs = roles.includes('backup') ? 'backup' : END_USER_KINDS.has(d.device.kind) ? 'cache' : 'record';
    return { data: [...data], keeping: { as, stated: false, entries: [] } };
  }
  const entries = stores.filter((k) => (FILLED_IN_PASSING.has(k.as) || reaches) && data.some((x) => k.data.includes(x.id)));
  if (entries.length === 0) return null;
  const kept = data.filter((x) => entries.some((k) => k.data.includes(x.id)));
  const as = KEPT_ORDER.find((a) => entries.some((k) => k.as === a)) ?? 'record';
  return { data: kept, keeping: { as, stated: true, entries } };
}
/** Operations that end information's life at contract termination. */
const ENDING: ReadonlySet<Operation> = new Set(['return', 'migrate', 'erase', 'dispose', 'export', 'transfer']);
/** Operations after which nothing travels: the path only names the devices acted on. */
const IN_PLACE: ReadonlySet<Operation> = new Set(['erase', 'dispose']);
/** Operations on a screen. */
const ON_SCREEN: ReadonlySet<Operation> = new Set(['view', 'operate', 'input', 'edit', 'create', 'process', 'develop', 'test', 'maintain']);

export function highestClass(data: readonly Data[]): DataClass {
  for (const c of CLASS_ORDER) if (data.some((d) => d.class === c)) return c;
  return 'other';
}

interface Lookup {
  readonly placed: ReadonlyMap<string, PlacedDevice>;
  readonly places: ReadonlyMap<string, Place>;
  readonly data: ReadonlyMap<string, Data>;
  readonly actors: ReadonlyMap<string, NonNullable<Segment['actor']>>;
  /** a -> b -> the links between a and b (either way round), sorted by id. */
  readonly links: ReadonlyMap<string, ReadonlyMap<string, readonly Hop['link'][]>>;
  readonly networks: ReadonlyMap<string, Hop['network']>;
}

function lookup(model: Model): Lookup {
  const sites = new Map(model.sites.map((s) => [s.id, s]));
  const places = new Map<string, Place>();
  for (const location of model.locations) {
    const site = sites.get(location.site);
    if (site) places.set(location.id, { location, site });
  }
  const placed = new Map<string, PlacedDevice>();
  for (const device of model.devices) {
    const place = places.get(device.at);
    if (place) placed.set(device.id, { device, ...place });
  }
  const links = new Map<string, Map<string, Hop['link'][]>>();
  for (const link of [...model.links].sort((a, b) => compare(a.id, b.id))) {
    for (const [a, b] of [[link.from, link.to], [link.to, link.from]] as const) {
      let from = links.get(a);
      if (!from) {
        from = new Map();
        links.set(a, from);
      }
      const list = from.get(b) ?? [];
      if (!list.includes(link)) list.push(link);
      from.set(b, list);
    }
  }
  return {
    placed,
    places,
    data: new Map(model.data.map((d) => [d.id, d])),
    actors: new Map(model.actors.map((a) => [a.id, a])),
    links,
    networks: new Map(model.networks.map((n) => [n.id, n])),
  };
}

/** The ids a segment involves, in the order models/segment.ts gives. */
function elementsOf(flow: Flow | null, media: Media | null, actor: Segment['actor'], devices: readonly PlacedDevice[], places: readonly Place[], hop: Hop | null, data: readonly Data[]): string[] {
  const ids = new Set<string>();
  if (flow) ids.add(flow.id);
  if (media) ids.add(media.id);
  if (actor) ids.add(actor.id);
  for (const d of devices) ids.add(d.device.id).add(d.location.id).add(d.site.id);
  for (const p of places) ids.add(p.location.id).add(p.site.id);
  if (hop) ids.add(hop.link.id).add(hop.network.id);
  for (const d of data) ids.add(d.id);
  return [...ids];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function present<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

function hopBetween(from: PlacedDevice, to: PlacedDevice, at: Lookup): Hop | null {
  const link = at.links.get(from.device.id)?.get(to.device.id)?.[0];
  const network = link ? at.networks.get(link.network) : undefined;
  return link && network ? { link, network, from, to } : null;
}

function walkFlow(flow: Flow, at: Lookup): Segment[] {
  const path = present(flow.path.map((id) => at.placed.get(id)));
  /** hopAfter[i] joins path[i] to path[i + 1] (the resolver has checked that a link does). */
  const hopAfter = path.slice(1).map((to, i) => hopBetween(path[i] as PlacedDevice, to, at));
  const hops = present(hopAfter.map((h) => h ?? undefined));
  const data = present(flow.what.map((id) => at.data.get(id)));
  const actor = flow.who === null ? null : at.actors.get(flow.who) ?? null;
  const dataClass = highestClass(data);
  const places: Place[] = [];
  const segments: Segment[] = [];
  const made = new Set<string>();
  const add = (kind: SegmentKind, devices: readonly PlacedDevice[], hop: Hop | null, stored?: { data: readonly Data[]; keeping: Keeping }): void => {
    const key = devices.length === 1 ? `${flow.id}/${(devices[0] as PlacedDevice).device.id}` : `${flow.id}/${devices.map((d) => d.device.id).join('>')}`;
    const madeKey = `${kind}\u0000${key}`;
    if (made.has(madeKey)) return;
    made.add(madeKey);
    const segmentData = stored ? stored.data : data;
    // One literal with every field in the order a segment has always listed them (its JSON is byte-identical).
    segments.push({
      phase: flow.phase, form: flow.form, flow, media: null, actor, pathHops: hops, pathDevices: path, places,
      data: segmentData, dataClass: stored ? highestClass(stored.data) : dataClass, keeping: stored ? stored.keeping : null,
      key, kind, devices, hop, elements: elementsOf(flow, null, actor, devices, places, hop, segmentData),
    });
  };
  /** The hop that arrives at path[i], and the last device before it that is not only a relay. */
  const arrival = (i: number): { hop: Hop | null; from: PlacedDevice | null } => {
    if (i === 0) return { hop: null, from: null };
    const hop = hopAfter[i - 1] ?? null;
    for (let j = i - 1; j >= 0; j--) {
      const d = path[j] as PlacedDevice;
      if (d.device.roles.some((r) => r !== 'relay')) return { hop, from: d };
    }
    return { hop, from: null };
  };
  const how = new Set(flow.how);
  const entryIndex = Math.max(0, path.findIndex((d) => d.device.id === flow.which));
  const entry = path[entryIndex];

  if (flow.phase === 'termination') {
    if (!flow.how.every((o) => IN_PLACE.has(o))) for (const hop of hops) add('transfer', [hop.from, hop.to], hop);
    if (flow.how.some((o) => ENDING.has(o))) {
      path.forEach((d) => {
        if (d === entry || keepsAnything(d) || d.device.roles.includes('log')) add('disposal', [d], null);
      });
    }
    return segments;
  }

  if (entry && actor && entry.device.roles.includes('input')) {
    // The actor's entry, and the first hop from it toward processing (forward unless the entry ends the path).
    const step = entryIndex === path.length - 1 && entryIndex > 0 ? -1 : 1;
    let target: PlacedDevice | null = null;
    for (let j = entryIndex + step; j >= 0 && j < path.length; j += step) {
      const d = path[j] as PlacedDevice;
      if (d.device.roles.includes('process')) { target = d; break; }
    }
    const near = path[entryIndex + step];
    const firstHop = !near ? null : step > 0 ? hopAfter[entryIndex] ?? null : hopBetween(entry, near, at);
    add('input', target && !entry.device.roles.includes('process') ? [entry, target] : [entry], target ? firstHop : null);
  }
  if (entry && actor && entry.device.roles.includes('display') && flow.how.some((o) => ON_SCREEN.has(o))) add('display', [entry], null);
  const writes = !flow.how.every((o) => READ_ONLY.has(o));
  const atSource = flow.how.some((o) => WRITES_AT_SOURCE.has(o));
  // Logs are written by the devices before the log device, not processed or stored there as information.
  const logsOnly = data.length > 0 && data.every((d) => d.kind === 'log');
  path.forEach((d, i) => {
    const roles = d.device.roles;
    if (roles.includes('print') && (how.has('print') || d === entry)) add('print', [d], null);
    if (logsOnly && !roles.includes('log')) return;
    if (roles.includes('process')) add('processing', [d], null);
    const stored = written(d, i, data, writes, atSource);
    if (stored) {
      const { hop, from } = arrival(i);
      add('storage', from ? [from, d] : [d], from ? hop : null, stored);
    }
    if (roles.includes('log')) {
      const { hop, from } = arrival(i);
      add('logging', from ? [from, d] : [d], from ? hop : null);
    }
  });
  for (const hop of hops) add('transfer', [hop.from, hop.to], hop);
  return segments;
}

function walkMedia(media: Media, phases: readonly Phase[], at: Lookup, model: Model): Segment[] {
  const from = at.places.get(media.from);
  const to = at.places.get(media.to);
  const data = present(media.data.map((id) => at.data.get(id)));
  const actor = at.actors.get(media.carrier) ?? null;
  if (!from || !to) return [];
  const key = `${media.id}/${media.from}>${media.to}`;
  // A medium carries what every form handles: it is listed under the system's first form, in the guideline's order.
  const form = FORM_ORDER.find((f) => model.system.forms.includes(f)) ?? 'application';
  const segments: Segment[] = [];
  for (const phase of phases) {
    if (!media.phases.includes(phase)) continue;
    const kinds: SegmentKind[] = phase === 'termination' ? ['media', 'disposal'] : ['media'];
    for (const kind of kinds) {
      const places = [from, to];
      segments.push({
        key, kind, phase, form, flow: null, media, actor, devices: [], hop: null,
        pathHops: [], pathDevices: [], places, data, dataClass: highestClass(data), keeping: null,
        elements: elementsOf(null, media, actor, [], places, null, data),
      });
    }
  }
  return segments;
}

const KIND_ORDER: readonly SegmentKind[] = ['input', 'display', 'print', 'processing', 'storage', 'logging', 'transfer', 'media', 'disposal'];
const PHASE_ORDER: readonly Phase[] = ['development', 'operation', 'termination'];
const FORM_ORDER: readonly Form[] = ['application', 'platform', 'infrastructure'];
const KIND_RANK: ReadonlyMap<SegmentKind, number> = new Map(KIND_ORDER.map((k, i) => [k, i]));
const PHASE_RANK: ReadonlyMap<Phase, number> = new Map(PHASE_ORDER.map((p, i) => [p, i]));

/** Every segment of the model, sorted by key, then kind (in walk order), then phase. */
export function walk(model: Model): Segment[] {
  const at = lookup(model);
  const segments = [
    ...model.flows.flatMap((f) => walkFlow(f, at)),
    ...model.media.flatMap((m) => walkMedia(m, model.system.phases, at, model)),
  ];
  // One sort string per segment, ordered as (key, kind, phase, place in the walk) would be: the key, a
  // character no id holds and sorting below every other (ids have no control characters), the kind's and
  // the phase's ranks as characters, and the place as fixed-width digits. The default sort of strings
  // (UTF-16 code units, as `compare`) is then one pass with no callback.
  const width = String(segments.length).length;
  const sortKeys = segments.map((s, i) => `${s.key}\u0000${String.fromCharCode(65 + (KIND_RANK.get(s.kind) ?? 0), 65 + (PHASE_RANK.get(s.phase) ?? 0))}${String(i).padStart(width, '0')}`);
  sortKeys.sort();
  return sortKeys.map((k) => segments[Number(k.slice(k.length - width))] as Segment);
}
