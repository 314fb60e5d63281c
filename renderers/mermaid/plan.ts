// Where Mermaid should put things, decided before it lays the flowchart out itself, so the drawing reads
// at GitHub's comment width (about 900 px) instead of spreading every site and room side by side.
//
// Mermaid (dagre) puts each node on a rank (a row, top to bottom) from the edges: an edge a → b puts b at
// least `length` ranks below a. It keeps a box as short as it can first, then every edge. Links are
// undirected, so the plan chooses which way each one runs and how long it is, and adds invisible edges
// (`~~~`) to every node that no edge holds at its rank from above. With each edge exactly as long as the
// plan says and every node held, the plan's ranks are the ones dagre finds. The plan:
//   - sites one below the other, in the given order (the model's; a diff's is the old version's), so
//     nothing that changes inside a site moves another (a per-site diagram's far ends in one row below);
//   - in a site, its rooms (locations) in rows around an anchor room: the room with the most links to the
//     sites above (drawn at the top of the site), or else to the sites below (drawn at the bottom, its
//     neighbours' second row below it), rooms further away in links further away in rows; rooms side by
//     side only while the row stays within the width budget and never two that are linked;
//   - in a room, its devices on levels: from the devices linked from above (or, when links only leave
//     below, up from those), along the room's own links; a part of the room they do not reach below the
//     part they reach; a level at most about 600 px wide;
//   - each media transport's node in the gap below the upper of its two ends (inside the site when both
//     ends are in it), its arrow pointing up when its destination is above it (an edge dagre reverses,
//     made sure of by an invisible edge the other way).
// Pure and deterministic: the same scene, the same plan. Widths are the estimates of wrap.ts.

/** A device: its box's estimated width in px. */
export interface SceneDevice {
  readonly id: string;
  readonly width: number;
}

export interface SceneLocation {
  readonly id: string;
  /** The title's estimated width. */
  readonly width: number;
  readonly devices: readonly SceneDevice[];
}

export interface SceneSite {
  readonly id: string;
  readonly width: number;
  readonly locations: readonly SceneLocation[];
  /**
   * A site of stubs (a per-site diagram's far ends, linked to nothing but the site the diagram is of): the
   * stub sites share one row under the others, and each one's stubs one row.
   */
  readonly stubs?: boolean;
}

/** A link between two devices of the scene. */
export interface SceneLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** A media transport between two locations of the scene: its node's estimated width. */
export interface SceneMedia {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly width: number;
}

export interface Scene {
  readonly sites: readonly SceneSite[];
  readonly links: readonly SceneLink[];
  readonly media: readonly SceneMedia[];
}

/** A node of the flowchart: a device, an empty location or site (Mermaid draws it as a box of its own), a media node. */
export interface NodeRef {
  readonly kind: 'dev' | 'loc' | 'media' | 'site';
  readonly id: string;
}

export interface Plan {
  /** The sites in the order to write them: row by row, each row in the scene's order. */
  readonly sites: readonly string[];
  /** The row of each site (0 at the top). */
  readonly siteRow: ReadonlyMap<string, number>;
  /** Each site's locations in the order to write them: row by row. */
  readonly locations: ReadonlyMap<string, readonly string[]>;
  /** Each site's location rows. */
  readonly locationRows: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Each location's devices in the order to write them: level by level. */
  readonly devices: ReadonlyMap<string, readonly string[]>;
  /** Media transports with both ends in one site: written inside that site's box. */
  readonly mediaInSite: ReadonlyMap<string, readonly string[]>;
  /** Each link: written from its `to` end when `flip`, and how many ranks long. */
  readonly links: ReadonlyMap<string, { readonly flip: boolean; readonly length: number }>;
  /**
   * Each media transport's two edges: from its source location to its node (written node first when
   * `fromBelow`: the source is below the node) and from its node to its destination (with an invisible edge
   * the other way when `toAbove`, so dagre reverses the visible one and the arrow points up).
   */
  readonly media: ReadonlyMap<string, { readonly fromBelow: boolean; readonly toAbove: boolean; readonly lengths: readonly [number, number] }>;
  /** Invisible edges, in the order to write them. */
  readonly invisible: readonly { readonly from: NodeRef; readonly to: NodeRef; readonly length: number }[];
  /** The rank of every node ("dev:<id>", "loc:<id>" for an empty location, "site:<id>" for an empty site, "media:<id>"). */
  readonly rank: ReadonlyMap<string, number>;
}

/** GitHub draws a comment's Mermaid diagram at most about this wide. */
export const WIDTH_BUDGET = 900;
/** Mermaid's space between two boxes side by side (its nodeSpacing). */
const GAP = 50;
/** The padding of a room's box around its devices, both sides together (Mermaid's cluster padding). */
const PAD = 70;
/** The padding of a site's box around its rooms. */
const SITE_PAD = 40;
/** The widest a level of devices in a room should get (estimated px): about three boxes of ten characters. */
const LEVEL_CAP = 600;

const key = (n: NodeRef): string => `${n.kind}:${n.id}`;

/** Adds to a Map of lists. */
export function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

interface Index {
  readonly siteOfLocation: ReadonlyMap<string, string>;
  readonly locationOfDevice: ReadonlyMap<string, string>;
  readonly deviceOrder: ReadonlyMap<string, number>;
  readonly locationOrder: ReadonlyMap<string, number>;
  readonly locations: ReadonlyMap<string, SceneLocation>;
}

function indexOf(scene: Scene): Index {
  const siteOfLocation = new Map<string, string>();
  const locationOfDevice = new Map<string, string>();
  const deviceOrder = new Map<string, number>();
  const locationOrder = new Map<string, number>();
  const locations = new Map<string, SceneLocation>();
  for (const site of scene.sites) {
    for (const location of site.locations) {
      if (locations.has(location.id)) continue;
      locations.set(location.id, location);
      siteOfLocation.set(location.id, site.id);
      locationOrder.set(location.id, locationOrder.size);
      for (const device of location.devices) {
        if (locationOfDevice.has(device.id)) continue;
        locationOfDevice.set(device.id, location.id);
        deviceOrder.set(device.id, deviceOrder.size);
      }
    }
  }
  return { siteOfLocation, locationOfDevice, deviceOrder, locationOrder, locations };
}

/**
 * The levels of a location's devices: from `sources` (level 0) along the location's own links, each link
 * running from the device nearer the sources (then earlier in the model) to the other; a device on level n
 * has a link from level n-1. A part of the room the sources do not reach goes below the part they reach
 * (a lone device stays on top). A level wider than `cap` moves its last devices down.
 */
function deviceLevels(devices: readonly SceneDevice[], internal: readonly (readonly [string, string])[], sources: ReadonlySet<string>, cap: number): Map<string, number> {
  const order = new Map(devices.map((d, i) => [d.id, i]));
  const width = new Map(devices.map((d) => [d.id, d.width]));
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of internal) {
    if (a === b) continue;
    push(neighbours, a, b);
    push(neighbours, b, a);
  }
  // Distance from the sources, then from the first device of each part they do not reach.
  const distance = new Map<string, number>();
  const part = new Map<string, number>();
  const bfs = (starts: readonly string[], n: number): void => {
    let frontier = starts.filter((s) => !distance.has(s));
    for (const s of frontier) { distance.set(s, 0); part.set(s, n); }
    for (let d = 1; frontier.length > 0; d++) {
      const next: string[] = [];
      for (const v of frontier) {
        for (const w of neighbours.get(v) ?? []) {
          if (distance.has(w)) continue;
          distance.set(w, d);
          part.set(w, n);
          next.push(w);
        }
      }
      frontier = next;
    }
  };
  // With no sources, the first device with links starts the first part.
  const starts = devices.filter((d) => sources.has(d.id)).map((d) => d.id);
  const first = devices.find((d) => (neighbours.get(d.id) ?? []).length > 0);
  bfs(starts.length > 0 ? starts : first ? [first.id] : [], 0);
  let parts = 1;
  for (const d of devices) {
    if (distance.has(d.id)) continue;
    if ((neighbours.get(d.id) ?? []).length === 0) { distance.set(d.id, 0); part.set(d.id, 0); }
    else bfs([d.id], parts++);
  }
  const before = (a: string, b: string): boolean => {
    const [pa, pb] = [part.get(a) ?? 0, part.get(b) ?? 0];
    if (pa !== pb) return pa < pb;
    const [da, db] = [distance.get(a) ?? 0, distance.get(b) ?? 0];
    return da !== db ? da < db : (order.get(a) ?? 0) < (order.get(b) ?? 0);
  };
  const into = new Map<string, string[]>();
  for (const [a, b] of internal) {
    if (a === b) continue;
    const [from, to] = before(a, b) ? [a, b] : [b, a];
    push(into, to, from);
  }
  const ids = [...devices.map((d) => d.id)].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const least = new Map<string, number>();
  const levelsOf = (): Map<string, number> => {
    const level = new Map<string, number>();
    let floor = 0;
    let current = 0;
    let deepest = -1;
    for (const id of ids) {
      const p = part.get(id) ?? 0;
      if (p !== current) { current = p; floor = deepest + 1; }
      const n = Math.max(floor, least.get(id) ?? 0, ...(into.get(id) ?? []).map((q) => (level.get(q) ?? 0) + 1));
      level.set(id, n);
      deepest = Math.max(deepest, n);
    }
    return level;
  };
  let level = levelsOf();
  for (let guard = 0; guard <= devices.length; guard++) {
    const rows = new Map<number, string[]>();
    for (const id of ids) push(rows, level.get(id) ?? 0, id);
    const wide = [...rows.entries()].sort((a, b) => a[0] - b[0])
      .find(([, row]) => row.length > 1 && row.reduce((w, id) => w + (width.get(id) ?? 0), 0) + GAP * (row.length - 1) > cap);
    if (!wide) break;
    // The devices that fit stay (in model order, at least one); the others go a level down.
    const [n, row] = wide;
    let used = -GAP;
    for (const id of [...row].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
      used += GAP + (width.get(id) ?? 0);
      if (used > cap && used !== (width.get(id) ?? 0)) least.set(id, n + 1);
    }
    level = levelsOf();
  }
  return level;
}

/** How wide a location is with its devices on their levels. */
function locationWidth(location: SceneLocation, level: ReadonlyMap<string, number>): number {
  const rows = new Map<number, number[]>();
  for (const d of location.devices) push(rows, level.get(d.id) ?? 0, d.width);
  const widest = Math.max(0, ...[...rows.values()].map((ws) => ws.reduce((a, b) => a + b, 0) + GAP * (ws.length - 1)));
  return Math.max(location.width, widest) + PAD;
}

/** Packs items into rows in order: an item joins the current row when it fits and is linked to nothing in it. */
function pack(items: readonly string[], width: (id: string) => number, linked: (a: string, b: string) => boolean, budget: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let used = 0;
  for (const item of items) {
    const w = width(item);
    if (row.length > 0 && (used + GAP + w > budget || row.some((other) => linked(item, other)))) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? GAP : 0) + w;
    row.push(item);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export interface PlanOptions {
  /** How wide the drawing may get (estimated px). */
  readonly budget?: number;
  /**
   * The most edges the text may have (GitHub's Mermaid refuses more): when the invisible edges that hold
   * the devices of crowded rooms on their levels would take the text over it, and the visible edges would
   * not, those rooms keep their devices side by side instead.
   */
  readonly maxEdges?: number;
}

/** The plan of a scene (see the top of this file). */
export function planLayout(scene: Scene, options: PlanOptions = {}): Plan {
  const budget = options.budget ?? WIDTH_BUDGET;
  const plan = planWith(scene, budget, true);
  const visible = plan.links.size + 2 * plan.media.size;
  const max = options.maxEdges ?? Infinity;
  if (visible + plan.invisible.length <= max || visible > max) return plan;
  const wide = planWith(scene, budget, false);
  return wide.invisible.length < plan.invisible.length ? wide : plan;
}

function planWith(scene: Scene, budget: number, capLevels: boolean): Plan {
  const ix = indexOf(scene);
  const siteOfDevice = (d: string): string | undefined => {
    const l = ix.locationOfDevice.get(d);
    return l === undefined ? undefined : ix.siteOfLocation.get(l);
  };
  const links = scene.links.filter((l) => ix.locationOfDevice.has(l.from) && ix.locationOfDevice.has(l.to));
  const media = scene.media.filter((m) => ix.locations.has(m.from) && ix.locations.has(m.to));

  // Which locations and sites a link or a media transport joins.
  const locationPairs: [string, string][] = [
    ...links.map((l): [string, string] => [ix.locationOfDevice.get(l.from) as string, ix.locationOfDevice.get(l.to) as string]),
    ...media.map((m): [string, string] => [m.from, m.to]),
  ];
  const locationLinked = new Set<string>();
  for (const [a, b] of locationPairs) {
    if (a === b) continue;
    locationLinked.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
  }

  // Per location: its internal links; per device: the devices it links to outside its location.
  const internal = new Map<string, [string, string][]>();
  const external = new Map<string, string[]>();
  for (const l of links) {
    const [la, lb] = [ix.locationOfDevice.get(l.from) as string, ix.locationOfDevice.get(l.to) as string];
    if (la === lb) push(internal, la, [l.from, l.to]);
    else {
      push(external, l.from, l.to);
      push(external, l.to, l.from);
    }
  }
  const capInside = capLevels ? Math.min(LEVEL_CAP, budget - PAD - SITE_PAD) : Infinity;
  const levelsWith = (location: SceneLocation, sources: ReadonlySet<string>): Map<string, number> =>
    deviceLevels(location.devices, internal.get(location.id) ?? [], sources, capInside);

  // First estimate of every location's width: sources are the devices with links outside.
  const firstWidth = new Map<string, number>();
  for (const location of ix.locations.values()) {
    const sources = new Set(location.devices.filter((d) => (external.get(d.id) ?? []).length > 0).map((d) => d.id));
    firstWidth.set(location.id, locationWidth(location, levelsWith(location, sources)));
  }

  // A site's location rows, given how many links each location has to the sites above and below.
  const locationRows = (site: SceneSite, up: (l: string) => number, down: (l: string) => number, widthOf: (l: string) => number): string[][] => {
    const ids = site.locations.map((l) => l.id).filter((l) => ix.siteOfLocation.get(l) === site.id);
    if (ids.length === 0) return [];
    const inside = new Map<string, string[]>();
    for (const [a, b] of locationPairs) {
      if (a === b || !ids.includes(a) || !ids.includes(b)) continue;
      push(inside, a, b);
      push(inside, b, a);
    }
    const best = (score: (l: string) => number): string | undefined => {
      let pick: string | undefined;
      for (const l of ids) if (score(l) > 0 && (pick === undefined || score(l) > score(pick))) pick = l;
      return pick;
    };
    const top = best(up);
    const bottom = top === undefined ? best(down) : undefined;
    const anchor = top ?? bottom ?? best((l) => (inside.get(l) ?? []).length) ?? (ids[0] as string);
    const distance = new Map<string, number>([[anchor, 0]]);
    let frontier = [anchor];
    let d = 0;
    const spread = (): void => {
      while (frontier.length > 0) {
        d++;
        const next: string[] = [];
        for (const v of frontier) for (const w of inside.get(v) ?? []) if (!distance.has(w)) { distance.set(w, d); next.push(w); }
        frontier = next;
      }
    };
    spread();
    for (const l of ids) if (!distance.has(l)) { distance.set(l, ++d); frontier = [l]; spread(); }
    const layers = new Map<number, string[]>();
    for (const l of ids) push(layers, distance.get(l) ?? 0, l);
    const rows: string[][] = [];
    const after: string[][] = [];
    for (const [d, layer] of [...layers.entries()].sort((a, b) => a[0] - b[0])) {
      const packed = pack(layer, widthOf, (a, b) => locationLinked.has(`${a}\u0000${b}`), budget - SITE_PAD);
      // Above an anchor at the bottom, its neighbours' second row goes below it (and so on, alternately),
      // next to it rather than a row further away.
      packed.forEach((row, k) => (bottom !== undefined && d === 1 && k % 2 === 1 ? after : rows).push(row));
    }
    return bottom !== undefined ? [...rows.reverse(), ...after] : rows;
  };

  // One site per row, in the scene's order: what is above and below stays so whatever changes inside.
  const firstOf = (l: string): number => firstWidth.get(l) ?? 0;
  const sites = scene.sites.filter((s, i) => scene.sites.findIndex((t) => t.id === s.id) === i);
  const stubSites = sites.filter((s) => s.stubs === true).map((s) => s.id);
  const siteRows = [...sites.filter((s) => s.stubs !== true).map((s) => [s.id]), ...(stubSites.length > 0 ? [stubSites] : [])];
  const siteRow = new Map<string, number>();
  siteRows.forEach((row, i) => { for (const s of row) siteRow.set(s, i); });

  // Each site's location rows, now that the sites above and below are known.
  const upDown = new Map<string, { up: number; down: number }>();
  for (const [a, b] of locationPairs) {
    const [ra, rb] = [siteRow.get(ix.siteOfLocation.get(a) as string) ?? 0, siteRow.get(ix.siteOfLocation.get(b) as string) ?? 0];
    if (ra === rb) continue;
    for (const [l, other] of [[a, rb], [b, ra]] as const) {
      const entry = upDown.get(l) ?? { up: 0, down: 0 };
      const mine = siteRow.get(ix.siteOfLocation.get(l) as string) ?? 0;
      if (other < mine) entry.up++;
      else entry.down++;
      upDown.set(l, entry);
    }
  }
  const rowsOfSite = new Map<string, string[][]>();
  for (const site of sites) {
    const own = site.locations.map((l) => l.id).filter((l) => ix.siteOfLocation.get(l) === site.id);
    rowsOfSite.set(site.id, site.stubs === true ? (own.length > 0 ? [own] : []) : locationRows(site, (l) => upDown.get(l)?.up ?? 0, (l) => upDown.get(l)?.down ?? 0, firstOf));
  }

  // The position of every location: (site row, location row), in reading order.
  const locationRowOf = new Map<string, number>();
  for (const rows of rowsOfSite.values()) rows.forEach((row, j) => { for (const l of row) locationRowOf.set(l, j); });
  const above = (a: string, b: string): boolean => {
    const [sa, sb] = [siteRow.get(ix.siteOfLocation.get(a) as string) ?? 0, siteRow.get(ix.siteOfLocation.get(b) as string) ?? 0];
    if (sa !== sb) return sa < sb;
    return ix.siteOfLocation.get(a) === ix.siteOfLocation.get(b) && (locationRowOf.get(a) ?? 0) < (locationRowOf.get(b) ?? 0);
  };

  // Device levels: level 0 where links come in from above, else where links leave the location.
  const levels = new Map<string, number>();
  const devicesOf = new Map<string, string[]>();
  const depth = new Map<string, number>();
  for (const location of ix.locations.values()) {
    const own = location.devices.filter((d) => ix.locationOfDevice.get(d.id) === location.id);
    const fromAbove = own.filter((d) => (external.get(d.id) ?? []).some((o) => above(ix.locationOfDevice.get(o) as string, location.id)));
    const toBelow = own.filter((d) => (external.get(d.id) ?? []).some((o) => above(location.id, ix.locationOfDevice.get(o) as string)));
    const outside = own.filter((d) => (external.get(d.id) ?? []).length > 0);
    // Links come in from above: their devices on top. Only links out below: their devices at the bottom
    // (the levels from them, turned upside down). Else the devices linked outside on top.
    const up = fromAbove.length === 0 && toBelow.length > 0;
    const sources = new Set((fromAbove.length > 0 ? fromAbove : up ? toBelow : outside).map((d) => d.id));
    const level = levelsWith({ ...location, devices: own }, sources);
    if (up) {
      const deepest = Math.max(...level.values());
      for (const [d, n] of level) level.set(d, deepest - n);
    }
    for (const [d, n] of level) levels.set(d, n);
    devicesOf.set(location.id, own.map((d) => d.id).sort((a, b) => (level.get(a) ?? 0) - (level.get(b) ?? 0) || (ix.deviceOrder.get(a) ?? 0) - (ix.deviceOrder.get(b) ?? 0)));
    depth.set(location.id, own.length === 0 ? 1 : Math.max(...own.map((d) => level.get(d.id) ?? 0)) + 1);
  }

  // Where each media node goes: the gap below the upper end's row, inside the site when both ends are in it.
  const mediaInSite = new Map<string, string[]>();
  const mediaGap = new Map<string, { site: string | null; row: number }>();
  for (const m of media) {
    const [sa, sb] = [ix.siteOfLocation.get(m.from) as string, ix.siteOfLocation.get(m.to) as string];
    if (sa === sb) {
      push(mediaInSite, sa, m.id);
      mediaGap.set(m.id, { site: sa, row: Math.min(locationRowOf.get(m.from) ?? 0, locationRowOf.get(m.to) ?? 0) });
    } else {
      mediaGap.set(m.id, { site: null, row: Math.min(siteRow.get(sa) ?? 0, siteRow.get(sb) ?? 0) });
    }
  }
  const gapUsed = (site: string | null, row: number): boolean => [...mediaGap.values()].some((g) => g.site === site && g.row === row);

  // Ranks: rows one below the other, a rank more where media nodes sit between two rows.
  const rank = new Map<string, number>();
  const locationStart = new Map<string, number>();
  const bottomOfRow = new Map<string, number>(); // "<site>:<location row>" or ":<site row>" -> its last rank
  let start = 0;
  siteRows.forEach((row, i) => {
    let bottom = start;
    for (const site of row) {
      let r = start;
      const rows = rowsOfSite.get(site) ?? [];
      if (rows.length === 0) rank.set(key({ kind: 'site', id: site }), start);
      rows.forEach((locRow, j) => {
        const height = Math.max(1, ...locRow.map((l) => depth.get(l) ?? 1));
        for (const l of locRow) locationStart.set(l, r);
        bottomOfRow.set(`${site}:${j}`, r + height - 1);
        bottom = Math.max(bottom, r + height - 1);
        r += height + (gapUsed(site, j) ? 1 : 0);
      });
    }
    bottomOfRow.set(`:${i}`, bottom);
    start = bottom + (gapUsed(null, i) ? 2 : 1);
  });
  for (const location of ix.locations.values()) {
    const s = locationStart.get(location.id) ?? 0;
    const own = devicesOf.get(location.id) ?? [];
    if (own.length === 0) rank.set(key({ kind: 'loc', id: location.id }), s);
    for (const d of own) rank.set(key({ kind: 'dev', id: d }), s + (levels.get(d) ?? 0));
  }
  for (const m of media) {
    const gap = mediaGap.get(m.id) as { site: string | null; row: number };
    const bottom = gap.site === null ? bottomOfRow.get(`:${gap.row}`) : bottomOfRow.get(`${gap.site}:${gap.row}`);
    rank.set(key({ kind: 'media', id: m.id }), (bottom ?? 0) + 1);
  }

  // A location's edges attach, in Mermaid, to its first device written (or to its own box when empty).
  const anchorOf = (l: string): NodeRef => {
    const first = devicesOf.get(l)?.[0];
    return first === undefined ? { kind: 'loc', id: l } : { kind: 'dev', id: first };
  };
  const rankOf = (n: NodeRef): number => rank.get(key(n)) ?? 0;

  const planLinks = new Map<string, { flip: boolean; length: number }>();
  for (const l of links) {
    const [a, b] = [rankOf({ kind: 'dev', id: l.from }), rankOf({ kind: 'dev', id: l.to })];
    planLinks.set(l.id, { flip: b < a, length: Math.max(1, Math.abs(b - a)) });
  }
  const invisible: { from: NodeRef; to: NodeRef; length: number }[] = [];
  const planMedia = new Map<string, { fromBelow: boolean; toAbove: boolean; lengths: [number, number] }>();
  for (const m of media) {
    const node: NodeRef = { kind: 'media', id: m.id };
    const r = rankOf(node);
    const [from, to] = [anchorOf(m.from), anchorOf(m.to)];
    const [rf, rt] = [rankOf(from), rankOf(to)];
    const toAbove = rt < r;
    planMedia.set(m.id, { fromBelow: rf > r, toAbove, lengths: [Math.max(1, Math.abs(r - rf)), Math.max(1, Math.abs(rt - r))] });
    if (toAbove) invisible.push({ from: { kind: 'loc', id: m.to }, to: node, length: Math.max(1, r - rt) });
  }

  // Every node held from above: dagre keeps an edge as short as it may, but it keeps a box as short as it
  // may first, so a node that no edge holds exactly where the plan puts it floats up beside the others.
  // Each node below the top with no edge ending on it at its rank gets an invisible one from the nearest
  // node above it (in its room if it can, then in its site); all but a device with no edge at all.
  const nodes: NodeRef[] = [];
  for (const siteId of siteRows.flat()) {
    if ((rowsOfSite.get(siteId) ?? []).length === 0) nodes.push({ kind: 'site', id: siteId });
    for (const l of (rowsOfSite.get(siteId) ?? []).flat()) {
      const own = devicesOf.get(l) ?? [];
      if (own.length === 0) nodes.push({ kind: 'loc', id: l });
      for (const d of own) nodes.push({ kind: 'dev', id: d });
    }
    for (const m of mediaInSite.get(siteId) ?? []) nodes.push({ kind: 'media', id: m });
  }
  const inSite = new Set([...mediaInSite.values()].flat());
  for (const m of media) if (!inSite.has(m.id)) nodes.push({ kind: 'media', id: m.id });
  // The edges as dagre ranks them (an upward media edge reversed), each ending on a node at its rank or not.
  const held = new Set<string>();
  const hold = (from: NodeRef, to: NodeRef, length: number): void => {
    if (rankOf(from) + length === rankOf(to)) held.add(key(to));
  };
  for (const l of links) {
    const how = planLinks.get(l.id) as { flip: boolean; length: number };
    const [a, b]: NodeRef[] = [{ kind: 'dev', id: l.from }, { kind: 'dev', id: l.to }];
    if (how.flip) hold(b as NodeRef, a as NodeRef, how.length);
    else hold(a as NodeRef, b as NodeRef, how.length);
  }
  for (const m of media) {
    const how = planMedia.get(m.id) as { fromBelow: boolean; toAbove: boolean; lengths: [number, number] };
    const node: NodeRef = { kind: 'media', id: m.id };
    const [from, to] = [anchorOf(m.from), anchorOf(m.to)];
    if (how.fromBelow) hold(node, from, how.lengths[0]);
    else hold(from, node, how.lengths[0]);
    if (how.toAbove) hold(to, node, how.lengths[1]);
    else hold(node, to, how.lengths[1]);
  }
  const locationOfNode = (n: NodeRef): string | undefined => (n.kind === 'dev' ? ix.locationOfDevice.get(n.id) : n.kind === 'loc' ? n.id : undefined);
  const siteOfNode = (n: NodeRef): string | undefined => (n.kind === 'dev' ? siteOfDevice(n.id) : n.kind === 'loc' ? ix.siteOfLocation.get(n.id) : n.kind === 'site' ? n.id : undefined);
  // A device with no edge on the first level of its room is held by its room's box alone (it cannot leave
  // it, and where it sits in it matters to no one): only the room's first device needs holding for it.
  const linked = new Set([...links.flatMap((l) => [l.from, l.to]), ...media.flatMap((m) => [m.from, m.to].map((l) => anchorOf(l).id))]);
  const loose = (n: NodeRef): boolean => n.kind === 'dev' && !linked.has(n.id) && (levels.get(n.id) ?? 0) === 0
    && devicesOf.get(ix.locationOfDevice.get(n.id) as string)?.[0] !== n.id;
  const top = Math.min(...nodes.map(rankOf));
  for (const n of nodes) {
    const r = rankOf(n);
    if (r <= top || held.has(key(n)) || loose(n)) continue;
    const higher = nodes.filter((x) => rankOf(x) < r);
    const nearest = Math.max(...higher.map(rankOf));
    const level = higher.filter((x) => rankOf(x) === nearest);
    const from = level.find((x) => locationOfNode(x) !== undefined && locationOfNode(x) === locationOfNode(n))
      ?? level.find((x) => siteOfNode(x) !== undefined && siteOfNode(x) === siteOfNode(n))
      ?? (level[level.length - 1] as NodeRef);
    invisible.push({ from, to: n, length: r - nearest });
    held.add(key(n));
  }

  const locationsOf = new Map<string, string[]>();
  for (const [site, rows] of rowsOfSite) locationsOf.set(site, rows.flat());
  return {
    sites: siteRows.flat(),
    siteRow,
    locations: locationsOf,
    locationRows: rowsOfSite,
    devices: devicesOf,
    mediaInSite,
    links: planLinks,
    media: planMedia,
    invisible,
    rank,
  };
}
