// A segment (断面) of an information flow: the unit the threat rules look at. The walker (src/analysis/walk.ts)
// cuts every flow, in its phase and provision form, into segments and gives each one every fact a rule
// needs, already looked up: the actor, the devices with their location and site, the network hop, the
// data and its class. Rules never search the model for these.
import type { Actor, Data, Device, Flow, Kept, Link, Location, Media, Network, Site } from './model.js';
import type { DataClass, Form, KeptAs, Phase, SegmentKind } from './vocabulary.js';

/** A device with the location it stands in and the site that location belongs to. */
export interface PlacedDevice {
  readonly device: Device;
  readonly location: Location;
  readonly site: Site;
}

/** A place: a location and its site (the ends of a media transport, the where of a flow). */
export interface Place {
  readonly location: Location;
  readonly site: Site;
}

/** One network hop: the link, its network, and the devices at both ends in the direction of travel. */
export interface Hop {
  readonly link: Link;
  readonly network: Network;
  readonly from: PlacedDevice;
  readonly to: PlacedDevice;
}

/** For a storage segment: how its store keeps what the flow writes there. */
export interface Keeping {
  /** The strongest form among what it keeps of the segment's data: record, copy, backup, temporary, cache. */
  readonly as: KeptAs;
  /** The device's `stores` says so; false when the walk took it from the device's roles. */
  readonly stated: boolean;
  /** The device's `stores` entries that hold the segment's data ([] when not stated). */
  readonly entries: readonly Kept[];
}

/** Forms of keeping, from the one records hang on to the one that matters least. */
export const KEPT_ORDER: readonly KeptAs[] = ['record', 'copy', 'backup', 'temporary', 'cache'];

export interface Segment {
  /**
   * The segment's key, made of model ids only: "<flow>/<element>[><element>]" for flow segments
   * ("exam-records/ehr-terminal>ehr-server"), "<media>/<from>><to>" for a media transport. Risk ids are
   * "<rule>@<key>", so a key never holds a label, an order or a counter.
   */
  readonly key: string;
  readonly kind: SegmentKind;
  readonly phase: Phase;
  readonly form: Form;
  /** The flow cut, or null for a media transport. */
  readonly flow: Flow | null;
  /** The media transport, for `media` segments (and `disposal` segments of media at contract termination). */
  readonly media: Media | null;
  /** Who acts: the flow's actor, or the media's carrier; null for devices nobody handles. */
  readonly actor: Actor | null;
  /** The segment's devices, in the direction of travel: one (processing, storage at rest, display...) or two (a hop). */
  readonly devices: readonly PlacedDevice[];
  /** The network hop, for `transfer` segments and for hops into processing, storage and logging. */
  readonly hop: Hop | null;
  /** Every hop of the flow's whole path, for facts such as "reachable from the internet". */
  readonly pathHops: readonly Hop[];
  /** Every device of the flow's whole path. */
  readonly pathDevices: readonly PlacedDevice[];
  /** Media transports: where the medium leaves from and arrives at. */
  readonly places: readonly Place[];
  /** The information handled (the flow's what, or what the medium carries). */
  readonly data: readonly Data[];
  /** The highest class among `data`: medical, then may-contain-medical, then other. */
  readonly dataClass: DataClass;
  /** For a storage segment, how its store keeps the data; null for every other kind. */
  readonly keeping: Keeping | null;
  /**
   * The ids of every model element the segment involves, in this order: the flow, the medium, the actor,
   * each device with its location and site, the places' locations and sites, the hop's link and network,
   * the data; each once.
   */
  readonly elements: readonly string[];
}

/** Classes from the most to the least sensitive. */
export const CLASS_ORDER: readonly DataClass[] = ['medical', 'may-contain-medical', 'other'];
