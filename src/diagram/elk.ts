// The ELK layout engine (elkjs): layered (top to bottom or left to right), orthogonal edges, with sites and locations as
// nested boxes laid out together (INCLUDE_CHILDREN). Deterministic: a fixed seed, and the model's order
// kept as a hint so a small edit does not reshuffle the picture.
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { createRequire } from 'node:module';
import { METRICS, type DiagramDirection, type LaidOutContainer, type LaidOutDevice, type LaidOutEdge, type Point } from '../../models/diagram.js';
import { locationTitleHeight, siteTitleHeight, type LayoutEngine, type Placement, type SizedGraph } from './layout.js';

const LABEL_PAD = 2 * METRICS.edgeLabel.pad;

// Links have no direction of their own; their written direction decides the layers. A media transport
// that runs against them (a disk returned to the clinic) is the edge to reverse, not a link.
const LINK_OPTIONS = { 'elk.layered.priority.direction': '10' };
const MEDIA_OPTIONS = { 'elk.layered.priority.direction': '0' };

/**
 * What ELK reads per graph: with INCLUDE_CHILDREN each compound node (a site, a location) is laid out as a
 * graph of its own with the options set on that node, and ELK does not inherit options from the parent, so
 * spacing, thoroughness and node placement set only on the root would reach the sites' row and nothing
 * inside them. Given to every compound node and to the root. Not the model-order options: on a compound
 * node elkjs 0.12.1 crashes with either of them ("Cannot read properties of undefined (reading 'a')" on
 * the cloud-EHR example), so they stay on the root alone.
 */
function graphOptions(fast: boolean): Record<string, string> {
  return {
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.edgeNode': '18',
    'elk.spacing.edgeEdge': '12',
    'elk.layered.spacing.edgeNodeBetweenLayers': '18',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.labelNode': '6',
    'elk.layered.thoroughness': fast ? '1' : '10',
    ...(fast ? { 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.layered.compaction.postCompaction.strategy': 'NONE' } : {}),
  };
}

/** The root's options: the whole run's (algorithm, direction, hierarchy, routing, order), then the per-graph ones. */
function rootOptions(fast: boolean, direction: DiagramDirection): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction === 'right' ? 'RIGHT' : 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    // Cycles (a media transport back to the institution) are broken by the model's order, so sites keep
    // the order they are written in, and links win over media transports (see the edges' priorities).
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.edgeLabels.inline': 'false',
    'elk.layered.mergeEdges': 'false',
    ...graphOptions(fast),
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

async function place(sized: SizedGraph, direction: DiagramDirection, loadElk: ElkLoader): Promise<Placement> {
  const ELK = loadElk();
  const elk = new ELK() as ElkApi;
  const { graph } = sized;
  // elkjs 0.12 reads a compound node's minimum size transposed when the layers run downwards (it lays
  // out in a left-to-right frame and turns the result): give it (height, width) then, so boxes are at
  // least as wide as their titles (checked by test/layout.test.ts).
  const minimum = (width: number, height: number): string => (direction === 'down' ? `(${height}, ${width})` : `(${width}, ${height})`);
  const title = (id: string): { width: number; height: number; lines: readonly string[] } =>
    sized.containerTitles.get(id) ?? { width: 0, height: 0, lines: [] };

  const inner = graphOptions(sized.fast);
  const children: ElkNode[] = graph.sites.map((site) => {
    const s = METRICS.site;
    const siteTitle = title(site.id);
    const siteTop = siteTitleHeight(siteTitle);
    return {
      id: site.id,
      layoutOptions: {
        ...inner,
        'elk.padding': `[top=${siteTop},left=${s.padX},bottom=${s.padBottom},right=${s.padX}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': minimum(siteTitle.width + 2 * s.padX + 64, siteTop + 40),
      },
      children: site.locations.map((location) => {
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
      }),
    };
  });

  // A large model's link labels are placed after routing, like the media's (see src/diagram/layout.ts):
  // as ELK labels they would more than double the layout time of 500 devices.
  const labelOf = (id: string): { text: string; width: number; height: number }[] => {
    const block = sized.fast ? undefined : sized.edgeLabels.get(id);
    return block ? [{ text: id, width: block.width + LABEL_PAD, height: block.height + LABEL_PAD }] : [];
  };
  const edges: ElkExtendedEdge[] = [
    ...graph.links.map((l) => ({ id: l.id, sources: [l.from], targets: [l.to], labels: labelOf(l.id), layoutOptions: LINK_OPTIONS })),
    // Media labels are placed after routing (src/diagram/layout.ts): as ELK labels they would widen a whole layer.
    ...graph.media.map((m) => ({ id: m.id, sources: [m.from], targets: [m.to], layoutOptions: MEDIA_OPTIONS })),
  ];

  const input: ElkNode = { id: 'koseizu-root', layoutOptions: rootOptions(sized.fast, direction), children, edges };
  const root: ElkNode = await elk.layout(input);

  // Node coordinates are relative to the parent; edges are relative to their container.
  const origin = new Map<string, Point>([['koseizu-root', { x: 0, y: 0 }]]);
  const containers: LaidOutContainer[] = [];
  const devices: LaidOutDevice[] = [];
  const walk = (node: ElkNode, parent: Point, depth: number): void => {
    const at = { x: parent.x + (node.x ?? 0), y: parent.y + (node.y ?? 0) };
    origin.set(node.id, at);
    const box = { x: round(at.x), y: round(at.y), width: round(node.width ?? 0), height: round(node.height ?? 0) };
    if (depth === 2) {
      const size = sized.deviceSizes.get(node.id);
      devices.push({ id: node.id, ...box, label: size?.label ?? { lines: [], width: 0, height: 0 } });
    } else {
      containers.push({ id: node.id, kind: depth === 0 ? 'site' : 'location', ...box, label: title(node.id) });
    }
    for (const child of node.children ?? []) walk(child, at, depth + 1);
  };
  for (const site of root.children ?? []) walk(site, { x: 0, y: 0 }, 0);

  const mediaIds = new Set(graph.media.map((m) => m.id));
  const laidEdges: LaidOutEdge[] = (root.edges ?? []).map((edge: ElkExtendedEdge) => {
    const container = (edge as ElkExtendedEdge & { container?: string }).container ?? 'koseizu-root';
    const base = origin.get(container) ?? { x: 0, y: 0 };
    const points: Point[] = [];
    for (const section of edge.sections ?? []) {
      for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
        const q = { x: round(base.x + p.x), y: round(base.y + p.y) };
        const last = points[points.length - 1];
        if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
      }
    }
    const label = edge.labels?.[0];
    const block = sized.edgeLabels.get(edge.id);
    return {
      id: edge.id,
      kind: mediaIds.has(edge.id) ? 'media' : 'link',
      points: straighten(points),
      label: label && block
        ? { x: round(base.x + (label.x ?? 0)), y: round(base.y + (label.y ?? 0)), width: round(label.width ?? 0), height: round(label.height ?? 0), text: block }
        : null,
      callout: null,
    };
  });

  const margin = METRICS.margin;
  const shift = (p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x + margin, y: p.y + margin });
  return {
    width: Math.ceil((root.width ?? 0) + 2 * margin),
    height: Math.ceil((root.height ?? 0) + margin),
    containers: containers.map((c) => ({ ...c, ...shift(c) })),
    devices: devices.map((d) => ({ ...d, ...shift(d) })),
    edges: laidEdges.map((e) => ({ ...e, points: e.points.map(shift), label: e.label ? { ...e.label, ...shift(e.label) } : null })),
    fast: sized.fast,
  };
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
