// The facts stage (事実の導出): one pure function after the walk, Model and segments in, the frozen Facts
// record of models/facts.ts out. Everything a rule, the regulatory checklist, a user rule or the workshop
// would otherwise work out for itself across the model (who shares a path with whom, whether a store is
// backed up and where its copies are, what contract termination does to a device, which networks carry
// medical information, the legal retention logs must reach) is worked out here, once.
//
// "Medical information" means information classed medical or may-contain-medical, as the rules read it,
// except where a field says class medical.
import {
  BACKUP_CONTROLS, MEDICAL_RECORD_DAYS,
  type AuthStrength, type Backups, type BackupsApart, type CarriedBackup, type DataFacts, type DeviceFacts, type DeviceLink, type Facts,
  type FlowFacts, type LegalRetention, type LinkFacts, type MediaFacts, type NetworkFacts, type SiteFacts,
} from '../../models/facts.js';
import type { Auth, Device, Model } from '../../models/model.js';
import { KEPT_ORDER, type Segment } from '../../models/segment.js';
import { AUTH_FACTOR_TYPES, type KeptAs, type Operation } from '../../models/vocabulary.js';
import { organisationKind } from './organisations.js';
import { SetMap } from '../load/resolve.js';

/** Forms of keeping that hold information for use: records and copies (what backups and legal records are about). */
const HELD: ReadonlySet<KeptAs> = new Set(['record', 'copy']);

/** What contract termination does to what a device keeps, in the order facts list it. */
const ENDING: readonly Operation[] = ['return', 'migrate', 'erase', 'dispose'];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Authentication with two or more factor types (knowledge, possession, biometric) is multi-factor. */
export function authStrength(auth: Auth): AuthStrength {
  if (auth === null) return 'unstated';
  if (auth.length === 0) return 'none';
  return new Set(auth.map((f) => AUTH_FACTOR_TYPES[f])).size >= 2 ? 'multi' : 'single';
}

/**
 * Each id of `list` (a section of the model) with its place in it, worked out once per section, so that
 * putting a set of ids in model order costs the set's size, not the section's.
 */
class Order {
  private readonly place = new Map<string, number>();
  constructor(list: readonly { readonly id: string }[]) {
    list.forEach((e, i) => {
      if (!this.place.has(e.id)) this.place.set(e.id, i);
    });
  }
  /** Ids of `set` in the order of the list (those not in it left out). */
  of(set: Iterable<string>): string[] {
    const ids: string[] = [];
    for (const id of set) if (this.place.has(id)) ids.push(id);
    return ids.length < 2 ? ids : ids.sort((a, b) => (this.place.get(a) as number) - (this.place.get(b) as number));
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object') deepFreeze(v);
    } else {
      for (const key in value) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== null && typeof v === 'object') deepFreeze(v);
      }
    }
  }
  return value;
}

/** The provider holds what a device keeps: it runs the device, or a third party or carrier does that the institution did not engage. */
function providerHolds(device: Device, model: Model): boolean {
  const kind = organisationKind(device.organisation, model);
  if (kind === 'provider') return true;
  if (kind !== 'third-party' && kind !== 'carrier') return false;
  return model.parties.find((p) => p.id === device.organisation)?.engagedBy !== 'institution';
}

/** The facts of a model and its walk. Pure: the same model and segments give equal facts. */
export function deriveFacts(model: Model, segments: readonly Segment[]): Facts {
  const devices = new Map(model.devices.map((d) => [d.id, d]));
  const deviceOrder = new Order(model.devices);
  const dataOrder = new Order(model.data);
  const mediaOrder = new Order(model.media);
  const locationSite = new Map(model.locations.map((l) => [l.id, l.site]));
  const siteOf = (d: Device): string => locationSite.get(d.at) ?? '';
  const medicalish = (s: Segment): boolean => s.dataClass !== 'other';
  const last = (s: Segment): Segment['devices'][number] | undefined => s.devices[s.devices.length - 1];

  const peers = new SetMap();
  const paths = new Set<readonly unknown[]>();
  const ended = new SetMap();
  const entered = new Set<string>();
  const medicalInOperation = new Set<string>();
  const productionStores = new Set<string>();
  const stored = new SetMap();
  const logged = new SetMap();
  /** device -> data -> the strongest form it is kept in. */
  const keptAs = new Map<string, Map<string, KeptAs>>();
  const storesMedical = new Set<string>();
  const keepsMedical = new Set<string>();
  const entries = new Set<string>();
  const medicalLinks = new Set<string>();
  const medicalNetworks = new Set<string>();
  const medicalMedia = new Set<string>();
  const endingMedia = new Set<string>();
  const siteKeeps = new SetMap();
  const siteReceives = new SetMap();
  const storedOn = new SetMap();
  const displayedOn = new SetMap();
  const printedOn = new SetMap();
  const legalStores = new Set<string>();
  const flowPaths = new Map<string, Segment>();

  for (const s of segments) {
    const store = last(s);
    if (s.flow && !flowPaths.has(s.flow.id)) flowPaths.set(s.flow.id, s);
    if (s.phase === 'operation' && !paths.has(s.pathDevices)) {
      paths.add(s.pathDevices);
      for (const a of s.pathDevices) for (const b of s.pathDevices) if (b.device.id !== a.device.id) peers.add(a.device.id, b.device.id);
    }
    if (s.kind === 'disposal' && s.phase === 'termination' && s.flow) {
      const ops = s.flow.how.filter((o) => ENDING.includes(o));
      for (const d of s.devices) for (const o of ops) ended.add(d.device.id, o);
    }
    if (s.kind === 'disposal' && s.phase === 'termination' && s.media) endingMedia.add(s.media.id);
    if (s.kind === 'input' && s.flow) entered.add(s.flow.id);
    if (s.phase === 'operation' && s.dataClass === 'medical') for (const d of s.devices) medicalInOperation.add(d.device.id);
    if (s.kind === 'storage' && s.dataClass === 'medical' && store?.device.env === 'production') productionStores.add(store.device.id);
    const held = s.kind === 'storage' && s.keeping !== null && HELD.has(s.keeping.as);
    if (s.phase === 'operation' && store && (s.kind === 'storage' || s.kind === 'logging')) {
      for (const d of s.data) (s.kind === 'storage' ? stored : logged).add(store.device.id, d.id);
      if (s.kind === 'storage' && s.keeping) {
        const forms = keptAs.get(store.device.id) ?? new Map<string, KeptAs>();
        for (const d of s.data) {
          const before = forms.get(d.id);
          if (before === undefined || KEPT_ORDER.indexOf(s.keeping.as) < KEPT_ORDER.indexOf(before)) forms.set(d.id, s.keeping.as);
        }
        keptAs.set(store.device.id, forms);
      }
      if (medicalish(s)) {
        keepsMedical.add(store.device.id);
        if (held) storesMedical.add(store.device.id);
      }
    }
    if (s.phase === 'operation' && held && store) {
      for (const d of s.data) storedOn.add(d.id, store.device.id);
      if (s.data.some((d) => d.legalRecord)) legalStores.add(store.device.id);
    }
    const screen = s.devices[0];
    if (s.phase === 'operation' && screen && (s.kind === 'display' || s.kind === 'print')) {
      for (const d of s.data) (s.kind === 'print' ? printedOn : displayedOn).add(d.id, screen.device.id);
    }
    if (!medicalish(s)) continue;
    if ((s.kind === 'input' || s.kind === 'display') && screen) entries.add(screen.device.id);
    if (s.kind === 'transfer' && s.hop) {
      medicalLinks.add(s.hop.link.id);
      medicalNetworks.add(s.hop.network.id);
    }
    if (s.kind === 'media' && s.media) medicalMedia.add(s.media.id);
    if ((s.kind === 'storage' || s.kind === 'logging') && store) siteKeeps.add(store.site.id, store.device.id);
    const to = s.places[1];
    if (s.kind === 'media' && s.phase !== 'termination' && s.media && to) siteReceives.add(to.site.id, s.media.id);
  }

  // Backup media carried from a site to another in operation.
  const backupData = new Set(model.data.filter((d) => d.kind === 'backup').map((d) => d.id));
  const away = new Map<string, CarriedBackup[]>();
  for (const media of model.media) {
    const from = locationSite.get(media.from);
    const to = locationSite.get(media.to);
    if (!from || !to || from === to || !media.phases.includes('operation') || !media.data.some((id) => backupData.has(id))) continue;
    away.set(from, [...(away.get(from) ?? []), { media: media.id, site: to }]);
  }
  const carriedAway = new Set([...away.values()].flat().map((c) => c.media));

  // Devices that keep a backup or a copy of another device's information (stores ... of: that device).
  const copiesOf = new SetMap();
  for (const d of model.devices) for (const k of d.stores ?? []) if (k.of !== null && (k.as === 'backup' || k.as === 'copy')) copiesOf.add(k.of, d.id);
  const mediaById = new Map(model.media.map((m) => [m.id, m]));

  const backupsOf = (device: Device, peerIds: readonly string[]): Backups => {
    const controls = BACKUP_CONTROLS.filter((c) => device.controls.includes(c));
    const site = siteOf(device);
    const named = (device.stores ?? []).flatMap((k) => k.backupTo);
    const stated = named.length > 0;
    const copies = [...copiesOf.get(device.id)].map((id) => devices.get(id)).filter((d): d is Device => d !== undefined);
    // What it says of its backups, when it says; otherwise the backup devices on its paths.
    const backupPeers = stated
      ? named.map((id) => devices.get(id)).filter((d): d is Device => d !== undefined)
      : peerIds.map((id) => devices.get(id)).filter((d): d is Device => d !== undefined && d.roles.includes('backup'));
    const backupDevices = [...new Set([...backupPeers, ...copies])];
    const namedMedia = named.map((id) => mediaById.get(id)).filter((m) => m !== undefined);
    const carried: CarriedBackup[] = stated
      ? namedMedia.flatMap((m) => {
          const to = locationSite.get(m.to);
          return to && to !== site ? [{ media: m.id, site: to }] : [];
        })
      : controls.length > 0 || backupDevices.length > 0 ? away.get(site) ?? [] : [];
    const backedUp = controls.length > 0 || backupDevices.length > 0 || carried.length > 0 || namedMedia.length > 0;
    const kept = (d: Device): boolean => d.controls.includes('offline-backup') || d.controls.includes('immutable-backup');
    // Ids sort the remote copy named, so it is the same on every run.
    const sorted = [...backupDevices].sort((a, b) => compare(a.id, b.id));
    const remote = sorted.find((d) => siteOf(d) !== site && kept(d));
    const local = sorted.find((d) => kept(d));
    const control = (['offline-backup', 'immutable-backup'] as const).find((c) => device.controls.includes(c));
    const apart: BackupsApart | null = control ? { by: 'control', control }
      : carried[0] ? { by: 'media', media: carried[0].media, site: carried[0].site }
        : remote ? { by: 'remote', device: remote.id, site: siteOf(remote) }
          : local ? { by: 'device', device: local.id } : null;
    const isBackup = device.roles.includes('backup');
    const peerDevices = peerIds.map((id) => devices.get(id)).filter((d): d is Device => d !== undefined);
    const elsewhere = device.controls.includes('offsite-backup') || carried.length > 0
      || backupDevices.some((d) => siteOf(d) !== site)
      || (!stated && isBackup && peerDevices.some((d) => siteOf(d) !== site && d.roles.includes('store')));
    return { controls, devices: deviceOrder.of(new Set(backupDevices.map((d) => d.id))), stated, backedUp, carried, apart, elsewhere };
  };

  // Each device's links, seen from it, in model order: the rules about VPN ends read a device's own links
  // rather than scanning every link of the model for each segment.
  const networkKind = new Map(model.networks.map((n) => [n.id, n.kind]));
  const linksOf = new Map<string, DeviceLink[]>();
  const addLink = (device: string, link: DeviceLink): void => {
    const list = linksOf.get(device);
    if (list) list.push(link);
    else linksOf.set(device, [link]);
  };
  for (const l of model.links) {
    const kind = networkKind.get(l.network);
    if (kind === undefined) continue;
    addLink(l.from, { link: l.id, network: l.network, kind, far: l.to, farOperator: l.ends[1] });
    addLink(l.to, { link: l.id, network: l.network, kind, far: l.from, farOperator: l.ends[0] });
  }

  const deviceFacts: Record<string, DeviceFacts> = {};
  for (const device of model.devices) {
    // The default sort of strings orders them as `compare` does.
    const peerIds = [...peers.get(device.id)].sort();
    const ops = ended.get(device.id);
    const storedIds = dataOrder.of(stored.get(device.id));
    deviceFacts[device.id] = {
      auth: authStrength(device.auth),
      links: linksOf.get(device.id) ?? [],
      entry: entries.has(device.id),
      peers: peerIds,
      medicalInOperation: medicalInOperation.has(device.id),
      stored: storedIds,
      logged: dataOrder.of(logged.get(device.id)),
      kept: storedIds.map((data) => ({ data, as: keptAs.get(device.id)?.get(data) ?? 'record' })),
      storesMedical: storesMedical.has(device.id),
      keepsMedical: keepsMedical.has(device.id),
      providerHolds: providerHolds(device, model),
      backups: backupsOf(device, peerIds),
      ended: ENDING.filter((o) => ops.has(o)),
    };
  }

  const flowFacts: Record<string, FlowFacts> = {};
  for (const flow of model.flows) {
    const s = flowPaths.get(flow.id);
    const crossesInternet = s !== undefined && s.pathHops.some((h) => h.network.kind === 'internet');
    flowFacts[flow.id] = {
      internet: crossesInternet || (s !== undefined && s.pathDevices.some((d) => d.device.exposure === 'internet')),
      crossesInternet,
      entered: entered.has(flow.id),
    };
  }

  const siteFacts: Record<string, SiteFacts> = {};
  for (const site of model.sites) {
    siteFacts[site.id] = {
      backupsAway: away.get(site.id) ?? [],
      keeps: deviceOrder.of(siteKeeps.get(site.id)),
      receives: mediaOrder.of(siteReceives.get(site.id)),
    };
  }

  const networkFacts: Record<string, NetworkFacts> = {};
  for (const n of model.networks) networkFacts[n.id] = { auth: authStrength(n.auth), carriesMedical: medicalNetworks.has(n.id) };
  const linkFacts: Record<string, LinkFacts> = {};
  for (const l of model.links) linkFacts[l.id] = { carriesMedical: medicalLinks.has(l.id) };
  const mediaFacts: Record<string, MediaFacts> = {};
  for (const m of model.media) {
    const out = carriedAway.has(m.id) ? model.media.find((x) => x.from === m.to && x.phases.includes('termination')) : undefined;
    mediaFacts[m.id] = { carriesMedical: medicalMedia.has(m.id), endsAtTermination: endingMedia.has(m.id), takenOut: out?.id ?? null };
  }
  const dataFacts: Record<string, DataFacts> = {};
  for (const d of model.data) {
    dataFacts[d.id] = {
      storedOn: deviceOrder.of(storedOn.get(d.id)),
      displayedOn: deviceOrder.of(displayedOn.get(d.id)),
      printedOn: deviceOrder.of(printedOn.get(d.id)),
    };
  }

  let legalRetention: LegalRetention | null = null;
  for (const d of model.data) {
    if (!d.legalRecord) continue;
    const days = d.retentionDays ?? MEDICAL_RECORD_DAYS;
    const longer = legalRetention === null || (days === 'permanent' ? legalRetention.days !== 'permanent' : legalRetention.days !== 'permanent' && days > legalRetention.days);
    if (longer) legalRetention = { record: d.id, days, stated: d.retentionDays !== null };
  }

  return deepFreeze({
    devices: deviceFacts,
    flows: flowFacts,
    sites: siteFacts,
    networks: networkFacts,
    links: linkFacts,
    media: mediaFacts,
    data: dataFacts,
    legalStores: deviceOrder.of(legalStores),
    productionMedicalStores: [...productionStores].sort(compare),
    legalRetention,
  });
}
