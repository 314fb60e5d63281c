// Layout of the configuration diagram behind one small interface, so another engine could be added.
// Sizing (how big each box and label is, measured with the real font) is the engine's input and is
// shared; the engine only places boxes and routes edges. The footer (title block, legend) is placed
// here, below whatever the engine drew.
import {
  METRICS, type Box, type DiagramDirection, type DiagramGraph, type DiagramLayout, type LaidOutCaption, type LaidOutEdge,
  type LaidOutLegendEntry, type Point, type TextBlock, type TextMeasurer,
} from '../../models/diagram.js';
import { wrapText } from './text.js';

/** Above this many devices the engine is asked for its faster, rougher settings (a model has at most 3,000: MODEL_LIMITS). */
export const FAST_LAYOUT_DEVICES = 200;


/** What the engine must place: every box with its size, and every edge with its label's size. */
export interface SizedGraph {
  readonly graph: DiagramGraph;
  readonly containerTitles: ReadonlyMap<string, TextBlock>;
  readonly deviceSizes: ReadonlyMap<string, { readonly width: number; readonly height: number; readonly label: TextBlock }>;
  readonly edgeLabels: ReadonlyMap<string, TextBlock>;
  readonly fast: boolean;
}

/** The engine's answer: the drawing alone, origin at (0, 0). Media edges come without labels. */
export type Placement = Omit<DiagramLayout, 'titleBlock' | 'legend' | 'legendBox' | 'captions' | 'captionBox' | 'omittedLabels'>;

export interface LayoutEngine {
  readonly name: string;
  place(sized: SizedGraph, direction: DiagramDirection): Promise<Placement>;
}

/** Heights of a container's title area, above its children. */
export function siteTitleHeight(title: TextBlock): number {
  const m = METRICS.site;
  return m.padTop + title.height + m.ownerLineHeight + m.gap;
}
export function locationTitleHeight(title: TextBlock): number {
  const m = METRICS.location;
  return m.padTop + title.height + m.gap;
}

export function sizeGraph(graph: DiagramGraph, measure: TextMeasurer): SizedGraph {
  const containerTitles = new Map<string, TextBlock>();
  const deviceSizes = new Map<string, { width: number; height: number; label: TextBlock }>();
  const edgeLabels = new Map<string, TextBlock>();
  const d = METRICS.device;
  let devices = 0;
  for (const site of graph.sites) {
    const s = METRICS.site;
    containerTitles.set(site.id, wrapText(site.label, s.maxTextWidth, s.fontSize, s.lineHeight, measure, true));
    for (const location of site.locations) {
      const l = METRICS.location;
      containerTitles.set(location.id, wrapText(location.label, l.maxTextWidth, l.fontSize, l.lineHeight, measure, true));
      for (const device of location.devices) {
        devices++;
        const label = wrapText(device.label, d.maxTextWidth, d.fontSize, d.lineHeight, measure);
        deviceSizes.set(device.id, {
          width: Math.max(d.minWidth, label.width + 2 * d.padX),
          height: d.padTop + d.icon + d.iconGap + label.height + d.padBottom,
          label,
        });
      }
    }
  }
  for (const link of graph.links) {
    if (link.label) edgeLabels.set(link.id, wrapText(link.label, METRICS.edgeLabel.maxTextWidth, METRICS.edgeLabel.fontSize, METRICS.edgeLabel.lineHeight, measure));
  }
  for (const media of graph.media) {
    edgeLabels.set(media.id, wrapText(media.label, METRICS.mediaLabel.maxTextWidth, METRICS.mediaLabel.fontSize, METRICS.mediaLabel.lineHeight, measure));
  }
  return { graph, containerTitles, deviceSizes, edgeLabels, fast: devices > FAST_LAYOUT_DEVICES };
}

export async function layoutDiagram(graph: DiagramGraph, measure: TextMeasurer, engine: LayoutEngine, direction: DiagramDirection = 'down'): Promise<DiagramLayout> {
  const sized = sizeGraph(graph, measure);
  const placement = await engine.place(sized, direction);
  const { edges, captions, omittedLabels } = placeLabelsAfterRouting(placement, sized, measure);
  const drawing = bounds(placement, edges);
  return { ...placement, edges, omittedLabels, ...placeFooter(graph, drawing, captions, measure) };
}

const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const inflate = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

/**
 * Labels the engine did not place. A media transport's label goes beside its arrow when there is room: on
 * a segment of the route, over no device, label or container border. Otherwise the arrow gets a numbered
 * marker and the label is listed under the drawing, so nothing ever overlaps. A large model's link labels
 * are placed the same way; one that finds no room is left out (the link's tooltip still says it) and counted.
 */
function placeLabelsAfterRouting(placement: Placement, sized: SizedGraph, measure: TextMeasurer): { edges: LaidOutEdge[]; captions: { n: number; text: TextBlock }[]; omittedLabels: number } {
  const taken: Box[] = [
    ...placement.devices.map((d) => inflate(d, 4)),
    ...placement.edges.flatMap((e) => (e.label ? [inflate(e.label, 2)] : [])),
    // Container titles: their top band.
    ...placement.containers.map((c) => ({ x: c.x, y: c.y, width: c.width, height: (c.kind === 'site' ? siteTitleHeight(c.label) : locationTitleHeight(c.label)) - 4 })),
  ];
  const captions: { n: number; text: TextBlock }[] = [];
  let omittedLabels = 0;
  const edges = placement.edges.map((edge): LaidOutEdge => {
    const text = sized.edgeLabels.get(edge.id);
    if (!text || edge.label) return edge;
    const m = edge.kind === 'media' ? METRICS.mediaLabel : METRICS.edgeLabel;
    const width = text.width + 2 * m.pad;
    const height = text.height + 2 * m.pad;
    const segments = edge.points.slice(1).map((b, i) => [edge.points[i] as Point, b] as const)
      .map(([a, b]) => ({ a, b, length: Math.abs(a.x - b.x) + Math.abs(a.y - b.y) }))
      .sort((x, y) => y.length - x.length);
    for (const { a, b, length } of segments) {
      const horizontal = a.y === b.y;
      if (length < (horizontal ? width : height) + 16) continue;
      const box = { x: round1((a.x + b.x) / 2 - width / 2), y: round1((a.y + b.y) / 2 - height / 2), width: round1(width), height: round1(height) };
      const fits = box.x >= 0 && box.y >= 0
        && !taken.some((t) => intersects(t, box))
        && placement.containers.every((c) => !intersects(c, box) || contains(c, box));
      if (fits) {
        taken.push(inflate(box, 2));
        return { ...edge, label: { ...box, text }, callout: null };
      }
    }
    if (edge.kind === 'link') {
      omittedLabels++;
      return edge;
    }
    const longest = segments[0];
    const n = captions.length + 1;
    captions.push({ n, text: wrapText(`${sized.graph.media.find((x) => x.id === edge.id)?.label ?? ''}`, METRICS.footer.captionWidth, METRICS.footer.legendSize, METRICS.footer.legendLine - 4, measure) });
    const at = longest ? { x: round1((longest.a.x + longest.b.x) / 2), y: round1((longest.a.y + longest.b.y) / 2) } : (edge.points[0] ?? { x: 0, y: 0 });
    return { ...edge, label: null, callout: { ...at, n } };
  });
  return { edges, captions, omittedLabels };
}

/** The drawing's extent: the engine's boxes, and every route and label (a label may stick out). */
function bounds(placement: Placement, edges: readonly LaidOutEdge[]): { width: number; height: number } {
  let right = placement.width;
  let bottom = placement.height;
  for (const e of edges) {
    for (const p of e.points) { right = Math.max(right, p.x + METRICS.margin); bottom = Math.max(bottom, p.y); }
    if (e.label) { right = Math.max(right, e.label.x + e.label.width + METRICS.margin); bottom = Math.max(bottom, e.label.y + e.label.height); }
  }
  return { width: Math.ceil(right), height: Math.ceil(bottom) };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * Under the drawing, left to right and wrapping like words: the title block, the legend, and the list of
 * media transport labels that did not fit beside their arrows.
 */
function placeFooter(graph: DiagramGraph, drawing: { width: number; height: number }, captionTexts: readonly { n: number; text: TextBlock }[], measure: TextMeasurer): Pick<DiagramLayout, 'titleBlock' | 'legend' | 'legendBox' | 'captions' | 'captionBox' | 'width' | 'height'> {
  const f = METRICS.footer;
  const margin = METRICS.margin;
  const limit = Math.max(drawing.width - margin, 640);
  let x = margin;
  let y = drawing.height + f.margin;
  let rowHeight = 0;
  /** Puts a box of this size at the next free place, starting a new row when the row is full. */
  const put = (width: number, height: number): Point => {
    if (x > margin && x + width > limit) { x = margin; y += rowHeight + 16; rowHeight = 0; }
    const at = { x, y };
    x += width + f.gap;
    rowHeight = Math.max(rowHeight, height);
    return at;
  };

  const hashLine = `${graph.words.hash}: ${graph.hash}`;
  const titleWidth = Math.ceil(Math.max(measure.width(graph.title, f.titleSize, true), measure.width(graph.subtitle, f.subtitleSize), measure.width(hashLine, f.subtitleSize)));
  const titleHeight = f.titleLine + 2 * f.subtitleLine;
  const titleBlock: Box = { ...put(titleWidth, titleHeight), width: titleWidth, height: titleHeight };

  const entryWidths = graph.legend.map((e) => f.legendSwatch + 8 + Math.ceil(measure.width(e.label, f.legendSize)));
  const widest = Math.max(0, ...entryWidths, Math.ceil(measure.width(graph.words.legend, f.legendSize, true)));
  const columns = Math.max(1, Math.min(graph.legend.length, Math.floor((limit - margin - 2 * f.pad + 24) / (widest + 24)), 4));
  const rows = Math.ceil(graph.legend.length / columns);
  const legendSize = { width: columns * (widest + 24) - 24 + 2 * f.pad, height: f.legendLine + rows * f.legendLine + 2 * f.pad };
  const legendAt = graph.legend.length > 0 ? put(legendSize.width, legendSize.height) : { x: margin, y };
  const legendBox: Box = { ...legendAt, ...legendSize };
  const legend: LaidOutLegendEntry[] = graph.legend.map((e, i) => ({
    key: e.key,
    label: e.label,
    x: legendAt.x + f.pad + (i % columns) * (widest + 24),
    y: legendAt.y + f.pad + f.legendLine + Math.floor(i / columns) * f.legendLine,
    width: entryWidths[i] ?? widest,
    height: f.legendLine,
  }));

  let captions: LaidOutCaption[] = [];
  let captionBox: Box | null = null;
  if (captionTexts.length > 0) {
    const c = METRICS.callout;
    const textWidth = Math.max(Math.ceil(measure.width(graph.words.media, f.legendSize, true)) - 2 * c.radius - 8, ...captionTexts.map((t) => t.text.width));
    const height = f.legendLine + captionTexts.reduce((h, t) => h + Math.max(t.text.height, 2 * c.radius) + 6, 0) + 2 * f.pad;
    const width = 2 * f.pad + 2 * c.radius + 8 + textWidth;
    const at = put(width, height);
    captionBox = { ...at, width, height };
    let top = at.y + f.pad + f.legendLine;
    captions = captionTexts.map((t) => {
      const item = { n: t.n, text: t.text, x: at.x + f.pad, y: top };
      top += Math.max(t.text.height, 2 * c.radius) + 6;
      return item;
    });
  }

  const boxes = [titleBlock, ...(graph.legend.length > 0 ? [legendBox] : []), ...(captionBox ? [captionBox] : [])];
  const width = Math.ceil(Math.max(drawing.width, ...boxes.map((b) => b.x + b.width + margin)));
  const height = Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { titleBlock, legend, legendBox, captions, captionBox, width, height };
}
