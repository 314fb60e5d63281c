// The ELK layout engine (elkjs): layered (top to bottom or left to right), orthogonal edges, sites and locations
// as nested boxes. Each site is laid out on its own (its locations and devices, INCLUDE_CHILDREN), with one
// port on its border per line to another site; then the sites, as boxes of that size with their ports fixed,
// are placed and the lines between them routed port to port; each such line is the route inside the one
// site, then between the sites, then inside the other, joined at the ports. Smaller graphs lay out
// faster than the whole (ELK's layered algorithm grows faster than the graph), and a site whose ELK input
// did not change gives the same layout, so a caller may keep them (memoizedElk). The same one level down
// (each location on its own with ports, then placed in its site) was tried and not kept: cold it was no
// faster (500 devices, 31 ELK calls for 6: 1.46 s against 1.39 s in process; the 3,000 devices within
// the noise), the example's rooms fell into their written order rather than their links' direction, and
// only a workshop edit that resizes a device gained (about 0.3 s against 0.4 s at 500 devices): see the
// commit that reverts it. Deterministic: a fixed seed, and the model's order kept as a hint so a small edit
// does not reshuffle the picture.
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import { createRequire } from 'node:module';
import { METRICS, type Box, type DiagramDirection, type DiagramSite, type LaidOutContainer, type LaidOutDevice, type LaidOutEdge, type Point, type TextBlock } from '../../models/diagram.js';
import { locationTitleHeight, siteTitleHeight, type LayoutEngine, type Placement, type SizedGraph } from './layout.js';

const LABEL_PAD = 2 * METRICS.edgeLabel.pad;

// Links have no direction of their own; their written direction decides the layers. A media transport
// that runs against them (a disk returned to the clinic) is the edge to reverse, not a link.
const LINK_OPTIONS = { 'elk.layered.priority.direction': '10' };
const MEDIA_OPTIONS = { 'elk.layered.priority.direction': '0' };

/**
 * What ELK reads per graph: with INCLUDE_CHILDREN each compound node (a site, a location) is laid out as a
 * graph of its own with the options set on that node, and ELK does not inherit options from the parent, so
 * thoroughness and the fast settings set only on the root reached nothing inside the sites. Given to every
 * compound node and to the root. Not the model-order options: on a compound node elkjs 0.12.1 crashes with
 * either of them ("Cannot read properties of undefined (reading 'a')" on the cloud-EHR example), so they
 * stay on the root alone.
 *
 * Spacing: the sites' row keeps its wide gaps; inside a site the gaps are ELK's defaults, which is what the
 * diagrams were drawn with while the root's spacing did not reach there. The root's 28 / 56 px inside every
 * site made the example 16 % taller and 7 % wider, and its printed report cut two sites onto two pages each.
 */
function graphOptions(fast: boolean, level: 'sites' | 'inside'): Record<string, string> {
  const spacing = level === 'sites'
    ? { nodeNode: 28, betweenLayers: 56, edgeNode: 18, edgeEdge: 12, edgeNodeBetweenLayers: 18, edgeEdgeBetweenLayers: 12, edgeLabel: 4, labelNode: 6 }
    : { nodeNode: 20, betweenLayers: 20, edgeNode: 10, edgeEdge: 10, edgeNodeBetweenLayers: 10, edgeEdgeBetweenLayers: 10, edgeLabel: 2, labelNode: 5 };
  return {
    'elk.spacing.nodeNode': String(spacing.nodeNode),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing.betweenLayers),
    'elk.spacing.edgeNode': String(spacing.edgeNode),
    'elk.spacing.edgeEdge': String(spacing.edgeEdge),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(spacing.edgeNodeBetweenLayers),
    'elk.layered.spacing.edgeEdgeBetweenLayers': String(spacing.edgeEdgeBetweenLayers),
    'elk.spacing.edgeLabel': String(spacing.edgeLabel),
    'elk.spacing.labelNode': String(spacing.labelNode),
    'elk.layered.thoroughness': fast ? '1' : '10',
    ...(fast ? { 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.layered.compaction.postCompaction.strategy': 'NONE' } : {}),
  };
}

/** The root's options: the whole run's (algorithm, direction, hierarchy, routing, order), then the per-graph ones. */
function rootOptions(fast: boolean, direction: DiagramDirection, nested: boolean): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'right' ? 'RIGHT' : 'DOWN',
    ...(nested ? { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : {}),
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    // Cycles (a media transport back to the institution) are broken by the model's order, so sites keep
    // the order they are written in, and links win over media transports (see the edges' priorities).
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.edgeLabels.inline': 'false',
    'elk.layered.mergeEdges': 'false',
    ...graphOptions(fast, 'sites'),
  };
}

/**
 * Something that gives the ELK constructor: plain require() by default, or a loader with a code cache
 * (src/io/elk.ts). Typed by the one method the engine calls, so the library's public types do not carry
 * elkjs's own declarations (which do not compile under a strict lib check); elkjs's ELK class fits it.
 */
export type ElkLoader = () => new () => { layout(graph: object, args?: object): Promise<object> };

/** The elkjs file, as the code-cache loader needs to name it. */
export const ELK_MODULE = 'elkjs/lib/elk.bundled.js';

function requireElk(): new () => ElkApi {
  // 7 MB of CommonJS: require() loads it without the ES-module loader scanning all of it for exports.
  return (createRequire(import.meta.url)(ELK_MODULE) as { default: new () => ElkApi }).default;
}

export function createElkEngine(loadElk: ElkLoader = requireElk): LayoutEngine {
  return {
    name: 'elk',
    place: (sized, direction) => place(sized, direction, loadElk),
  };
}

export const elkEngine: LayoutEngine = createElkEngine();

type ElkClass = ReturnType<ElkLoader>;

/**
 * An ELK constructor whose layouts are kept, keyed by their input: a graph laid out before (a site whose
 * locations, devices, sizes and ports did not change) is answered from the store, as a fresh copy of what ELK
 * gave, so a drawing is the same whether its sites came from the store or not. Keeps the graphs used last, up
 * to `capacity` of them and `maxChars` characters of input and output together (a site of 600 devices is
 * about half a million). For a long-lived caller that lays out one model again and again (the workshop
 * server); one ELK instance serves every layout.
 */
export function memoizedElk(ELK: ElkClass, capacity = 512, maxChars = 32_000_000): MemoizedElk {
  const kept = new Map<string, string>();
  let chars = 0;
  let hits = 0;
  let misses = 0;
  const elk = new ELK();
  class Memoized {
    async layout(graph: object, args?: object): Promise<object> {
      const key = JSON.stringify([graph, args ?? null]);
      const found = kept.get(key);
      if (found !== undefined) {
        hits++;
        kept.delete(key);
        kept.set(key, found);
        return JSON.parse(found) as object;
      }
      misses++;
      const text = JSON.stringify(await elk.layout(JSON.parse(JSON.stringify(graph)) as object, args));
      kept.set(key, text);
      chars += key.length + text.length;
      for (const [k, v] of kept) {
        if (kept.size <= capacity && chars <= maxChars) break;
        kept.delete(k);
        chars -= k.length + v.length;
      }
      return JSON.parse(text) as object;
    }
  }
  return { ELK: Memoized, stats: () => ({ hits, misses, kept: kept.size }) };
}

export interface MemoizedElk {
  /** The constructor to hand to the engine (an ElkLoader returns it). */
  readonly ELK: ElkClass;
  /** Layouts answered from the store, layouts ELK made, and graphs kept now. */
  readonly stats: () => { readonly hits: number; readonly misses: number; readonly kept: number };
}

/** An edge to lay out: a link or a media transport, with its ends and the sites they stand in. */
interface EdgeEnds {
  readonly id: string;
  readonly kind: 'link' | 'media';
  readonly from: string;
  readonly to: string;
  readonly fromSite: number;
  readonly toSite: number;
}

/** A line to another site, as one site sees it: which end stands here and which side its port is on. */
interface Crossing {
  readonly edge: EdgeEnds;
  /** The end inside this site (a device, or a location for a media transport). */
  readonly end: string;
  /** True in the site the line leaves (the one written first): its port is on the side the layers run to. */
  readonly leaving: boolean;
}

/** One site laid out alone, relative to its own top-left corner. */
interface SiteLaidOut {
  readonly width: number;
  readonly height: number;
  /** Locations and devices, in the order the graph gives them. */
  readonly boxes: ReadonlyMap<string, Box>;
  /** Routes of the edges inside the site, and their labels' boxes. */
  readonly edges: ReadonlyMap<string, { readonly points: readonly Point[]; readonly label: Box | null }>;
  /** For each crossing (by index): its port on the border, and the route from the end inside to the port. */
  readonly ports: readonly { readonly at: Point; readonly points: readonly Point[] }[];
}

const ROOT = 'koseizu-root';
const portId = (i: number): string => `koseizu-port-${i}`;
const stubId = (i: number): string => `koseizu-stub-${i}`;

async function place(sized: SizedGraph, direction: DiagramDirection, loadElk: ElkLoader): Promise<Placement> {
  const ELK = loadElk();
  const elk = new ELK() as unknown as ElkApi;
  const { graph } = sized;
  const title = (id: string): TextBlock => sized.containerTitles.get(id) ?? { width: 0, height: 0, lines: [] };

  // Which site every device and location stands in.
  const siteOf = new Map<string, number>();
  graph.sites.forEach((site, i) => {
    for (const location of site.locations) {
      siteOf.set(location.id, i);
      for (const device of location.devices) siteOf.set(device.id, i);
    }
  });
  const ends = (id: string, kind: 'link' | 'media', from: string, to: string): EdgeEnds => {
    const fromSite = siteOf.get(from);
    const toSite = siteOf.get(to);
    if (fromSite === undefined || toSite === undefined) throw new Error(`${kind} ${id}: its end ${fromSite === undefined ? from : to} is not in the diagram`);
    return { id, kind, from, to, fromSite, toSite };
  };
  const edges: EdgeEnds[] = [
    ...graph.links.map((l) => ends(l.id, 'link', l.from, l.to)),
    ...graph.media.map((m) => ends(m.id, 'media', m.from, m.to)),
  ];
  // A line between two sites leaves the one written first and enters the other, whichever way it is written:
  // the sites then fall into layers in the model's order, and each port can be put on its side beforehand.
  const crossings: Crossing[][] = graph.sites.map(() => []);
  const inside: EdgeEnds[][] = graph.sites.map(() => []);
  for (const e of edges) {
    if (e.fromSite === e.toSite) {
      inside[e.fromSite]?.push(e);
      continue;
    }
    const upper = Math.min(e.fromSite, e.toSite);
    const lower = Math.max(e.fromSite, e.toSite);
    crossings[upper]?.push({ edge: e, end: e.fromSite === upper ? e.from : e.to, leaving: true });
    crossings[lower]?.push({ edge: e, end: e.fromSite === lower ? e.from : e.to, leaving: false });
  }

  const sites: SiteLaidOut[] = [];
  for (const [i, site] of graph.sites.entries()) {
    sites.push(await layOutSite(elk, sized, site, inside[i] ?? [], crossings[i] ?? [], direction, title));
  }

  // The sites, as fixed boxes with fixed ports, and the lines between them.
  const crossingEdges = edges.filter((e) => e.fromSite !== e.toSite);
  const portOf = new Map<string, string>(); // `${edge}|${site}` -> port id in the sites' graph
  const topChildren: ElkNode[] = graph.sites.map((site, i) => {
    const laid = sites[i] as SiteLaidOut;
    const ports: ElkPort[] = (crossings[i] ?? []).map((c, k) => {
      const id = `${site.id}|${portId(k)}`;
      portOf.set(`${c.edge.id}|${i}`, id);
      const at = laid.ports[k]?.at ?? { x: 0, y: 0 };
      return { id, x: at.x, y: at.y, width: 0, height: 0 };
    });
    return { id: site.id, width: laid.width, height: laid.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
  });
  const labelOf = (id: string): { text: string; width: number; height: number }[] => {
    const block = sized.fast ? undefined : sized.edgeLabels.get(id);
    return block ? [{ text: id, width: block.width + LABEL_PAD, height: block.height + LABEL_PAD }] : [];
  };
  const topEdges: ElkExtendedEdge[] = crossingEdges.map((e) => {
    const upper = Math.min(e.fromSite, e.toSite);
    const lower = Math.max(e.fromSite, e.toSite);
    return {
      id: e.id,
      sources: [portOf.get(`${e.id}|${upper}`) as string],
      targets: [portOf.get(`${e.id}|${lower}`) as string],
      labels: e.kind === 'link' ? labelOf(e.id) : [],
    };
  });
  const top: ElkNode = await elk.layout({ id: ROOT, layoutOptions: rootOptions(sized.fast, direction, false), children: topChildren, edges: topEdges });

  const siteAt = new Map<string, Point>((top.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const topRoutes = new Map<string, { points: Point[]; label: Box | null }>();
  for (const edge of top.edges ?? []) {
    const l = edge.labels?.[0];
    topRoutes.set(edge.id, { points: sectionPoints(edge, { x: 0, y: 0 }), label: l ? { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } : null });
  }

  // Everything in absolute coordinates, rounded once.
  const margin = METRICS.margin;
  const abs = (origin: Point, p: Point): Point => ({ x: round(origin.x + p.x) + margin, y: round(origin.y + p.y) + margin });
  const absBox = (origin: Point, b: Box): Box => ({ ...abs(origin, b), width: round(b.width), height: round(b.height) });
  const containers: LaidOutContainer[] = [];
  const devices: LaidOutDevice[] = [];
  const routes = new Map<string, { points: Point[]; label: Box | null }>();
  graph.sites.forEach((site, i) => {
    const laid = sites[i] as SiteLaidOut;
    const origin = siteAt.get(site.id) ?? { x: 0, y: 0 };
    containers.push({ id: site.id, kind: 'site', ...absBox(origin, { x: 0, y: 0, width: laid.width, height: laid.height }), label: title(site.id) });
    for (const location of site.locations) {
      const box = laid.boxes.get(location.id);
      if (box) containers.push({ id: location.id, kind: 'location', ...absBox(origin, box), label: title(location.id) });
    }
    for (const location of site.locations) {
      for (const device of location.devices) {
        const box = laid.boxes.get(device.id);
        const size = sized.deviceSizes.get(device.id);
        if (box) devices.push({ id: device.id, ...absBox(origin, box), label: size?.label ?? { lines: [], width: 0, height: 0 } });
      }
    }
    for (const e of inside[i] ?? []) {
      const r = laid.edges.get(e.id);
      if (r) routes.set(e.id, { points: r.points.map((p) => abs(origin, p)), label: r.label ? absBox(origin, r.label) : null });
    }
  });
  const crossingIndex = new Map<string, number>(); // `${edge}|${site}` -> its index among the site's crossings
  crossings.forEach((list, s) => { list.forEach((c, k) => crossingIndex.set(`${c.edge.id}|${s}`, k)); });
  for (const e of crossingEdges) {
    const upper = Math.min(e.fromSite, e.toSite);
    const lower = Math.max(e.fromSite, e.toSite);
    const stub = (s: number): readonly Point[] => {
      const k = crossingIndex.get(`${e.id}|${s}`) ?? -1;
      const origin = siteAt.get(graph.sites[s]?.id ?? '') ?? { x: 0, y: 0 };
      return (sites[s]?.ports[k]?.points ?? []).map((p) => abs(origin, p));
    };
    const between = topRoutes.get(e.id);
    // Upper site: end -> port; between: port -> port; lower site: port -> end.
    const points = joinOrthogonal([stub(upper), (between?.points ?? []).map((p) => abs({ x: 0, y: 0 }, p)), stub(lower)]);
    routes.set(e.id, { points: e.fromSite === upper ? points : [...points].reverse(), label: between?.label ? absBox({ x: 0, y: 0 }, between.label) : null });
  }

  const laidEdges: LaidOutEdge[] = edges.map((e) => {
    const r = routes.get(e.id);
    const block = sized.edgeLabels.get(e.id);
    return {
      id: e.id,
      kind: e.kind,
      points: straighten(r?.points ?? []),
      label: r?.label && block && e.kind === 'link' ? { ...r.label, text: block } : null,
      callout: null,
    };
  });

  return {
    width: Math.ceil((top.width ?? 0) + 2 * margin),
    height: Math.ceil((top.height ?? 0) + margin),
    containers,
    devices,
    edges: laidEdges,
    fast: sized.fast,
  };
}

/**
 * One site alone: the site as the one compound child of the root (so its padding and minimum size apply as
 * they would in the whole), its locations and devices, the edges inside it, and for each crossing a port on
 * the site's border (on the side the layers run to when the line leaves, the other when it enters) with the
 * route from the end inside to it.
 */
async function layOutSite(elk: ElkApi, sized: SizedGraph, site: DiagramSite, inside: readonly EdgeEnds[], crossings: readonly Crossing[], direction: DiagramDirection, title: (id: string) => TextBlock): Promise<SiteLaidOut> {
  // elkjs 0.12 reads a compound node's minimum size transposed when the layers run downwards (it lays
  // out in a left-to-right frame and turns the result): give it (height, width) then, so boxes are at
  // least as wide as their titles (checked by test/layout.test.ts).
  const minimum = (width: number, height: number): string => (direction === 'down' ? `(${height}, ${width})` : `(${width}, ${height})`);
  const inner = graphOptions(sized.fast, 'inside');
  const s = METRICS.site;
  const siteTitle = title(site.id);
  const siteTop = siteTitleHeight(siteTitle);
  const siteMin = { width: siteTitle.width + 2 * s.padX + 64, height: siteTop + 40 };
  const [after, before] = direction === 'right' ? ['EAST', 'WEST'] : ['SOUTH', 'NORTH'];
  const ports: ElkPort[] = crossings.map((c, k) => ({ id: portId(k), width: 0, height: 0, layoutOptions: { 'elk.port.side': c.leaving ? after : before } }));
  const locations: ElkNode[] = site.locations.map((location) => {
    const l = METRICS.location;
    const locTitle = title(location.id);
    const locTop = locationTitleHeight(locTitle);
    const minWidth = locTitle.width + 2 * l.padX;
    // An empty room is a plain node to ELK: sized directly (the transposition applies to compound nodes only).
    if (location.devices.length === 0) return { id: location.id, width: minWidth, height: locTop + 24 };
    return {
      id: location.id,
      layoutOptions: {
        ...inner,
        'elk.padding': `[top=${locTop},left=${l.padX},bottom=${l.padBottom},right=${l.padX}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': minimum(minWidth, locTop),
      },
      children: location.devices.map((device) => {
        const size = sized.deviceSizes.get(device.id) ?? { width: METRICS.device.minWidth, height: 64 };
        return { id: device.id, width: size.width, height: size.height };
      }),
    };
  });
  const siteNode: ElkNode = locations.length === 0
    // A site with no rooms is a plain node too, sized directly.
    ? { id: site.id, width: siteMin.width, height: siteMin.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_SIDE' } }
    : {
      id: site.id,
      layoutOptions: {
        ...inner,
        'elk.padding': `[top=${siteTop},left=${s.padX},bottom=${s.padBottom},right=${s.padX}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': minimum(siteMin.width, siteMin.height),
        'elk.portConstraints': 'FIXED_SIDE',
      },
      ports,
      children: locations,
    };

  // A large model's link labels are placed after routing, like the media's (see src/diagram/layout.ts):
  // as ELK labels they would more than double the layout time of 500 devices.
  const labelOf = (id: string): { text: string; width: number; height: number }[] => {
    const block = sized.fast ? undefined : sized.edgeLabels.get(id);
    return block ? [{ text: id, width: block.width + LABEL_PAD, height: block.height + LABEL_PAD }] : [];
  };
  const edges: ElkExtendedEdge[] = [
    ...inside.map((e) => e.kind === 'link'
      ? { id: e.id, sources: [e.from], targets: [e.to], labels: labelOf(e.id), layoutOptions: LINK_OPTIONS }
      // Media labels are placed after routing (src/diagram/layout.ts): as ELK labels they would widen a whole layer.
      : { id: e.id, sources: [e.from], targets: [e.to], layoutOptions: MEDIA_OPTIONS }),
    ...crossings.map((c, k) => ({
      id: stubId(k),
      sources: [c.leaving ? c.end : portId(k)],
      targets: [c.leaving ? portId(k) : c.end],
      layoutOptions: c.edge.kind === 'link' ? LINK_OPTIONS : MEDIA_OPTIONS,
    })),
  ];
  const root: ElkNode = await elk.layout({ id: ROOT, layoutOptions: rootOptions(sized.fast, direction, true), children: [siteNode], edges });

  // Node coordinates are relative to the parent; edges are relative to their container. Everything here is
  // made relative to the site's corner.
  const laidSite = root.children?.[0];
  const corner = { x: laidSite?.x ?? 0, y: laidSite?.y ?? 0 };
  const origin = new Map<string, Point>([[ROOT, { x: -corner.x, y: -corner.y }], [site.id, { x: 0, y: 0 }]]);
  const boxes = new Map<string, Box>();
  const walk = (node: ElkNode, parent: Point): void => {
    const at = { x: parent.x + (node.x ?? 0), y: parent.y + (node.y ?? 0) };
    origin.set(node.id, at);
    boxes.set(node.id, { x: at.x, y: at.y, width: node.width ?? 0, height: node.height ?? 0 });
    for (const child of node.children ?? []) walk(child, at);
  };
  for (const child of laidSite?.children ?? []) walk(child, { x: 0, y: 0 });

  const routes = new Map<string, { points: Point[]; label: Box | null }>();
  for (const edge of root.edges ?? []) {
    const container = (edge as ElkExtendedEdge & { container?: string }).container ?? ROOT;
    const base = origin.get(container) ?? { x: 0, y: 0 };
    const l = edge.labels?.[0];
    routes.set(edge.id, { points: sectionPoints(edge, base), label: l ? { x: base.x + (l.x ?? 0), y: base.y + (l.y ?? 0), width: l.width ?? 0, height: l.height ?? 0 } : null });
  }
  const laidPorts = new Map((laidSite?.ports ?? []).map((p) => [p.id, { x: p.x ?? 0, y: p.y ?? 0 }]));
  return {
    width: laidSite?.width ?? 0,
    height: laidSite?.height ?? 0,
    boxes,
    edges: new Map(inside.map((e) => [e.id, routes.get(e.id) ?? { points: [], label: null }])),
    ports: crossings.map((_c, k) => ({ at: laidPorts.get(portId(k)) ?? { x: 0, y: 0 }, points: routes.get(stubId(k))?.points ?? [] })),
  };
}

/** An edge's sections as one polyline, offset by its container's origin, repeated points dropped. */
function sectionPoints(edge: ElkExtendedEdge, base: Point): Point[] {
  const points: Point[] = [];
  for (const section of edge.sections ?? []) {
    for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
      const q = { x: base.x + p.x, y: base.y + p.y };
      const last = points[points.length - 1];
      if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
    }
  }
  return points;
}

/**
 * Routes joined end to start into one: where two meet at the same point it is kept once; where they miss
 * (a port's route ends a little off its port) an elbow joins them, so every segment stays horizontal or vertical.
 */
function joinOrthogonal(parts: readonly (readonly Point[])[]): Point[] {
  const out: Point[] = [];
  for (const part of parts) {
    for (const p of part) {
      const last = out[out.length - 1];
      if (last && last.x === p.x && last.y === p.y) continue;
      if (last && last.x !== p.x && last.y !== p.y) out.push({ x: last.x, y: p.y });
      out.push(p);
    }
  }
  return out;
}

/** Coordinates rounded to a tenth of a pixel: stable text, no float noise in diffs. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Drops points that lie on the straight line between their neighbours (ELK leaves 1 px jogs, too). */
function straighten(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (a && b && ((a.x === b.x && b.x === p.x) || (a.y === b.y && b.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
