// The configuration diagram as SVG, from the view model and its layout. Plain, readable markup: one
// group per element with an id derived from the model id (so a textual diff of two SVGs shows what
// changed), presentation attributes rather than CSS (resvg and every viewer agree on them), every label
// escaped, no external reference, numbers rounded, a fixed element order. Every id starts with a prefix of
// its own (site-, loc-, dev-, link-, media-, title-, label-), and model ids are unique, so ids never clash.
import {
  DIAGRAM_FONT_FAMILY, METRICS, STATE_SIGNS, type Box, type DiagramDrawing, type DiagramGraph, type DiagramLayout, type DiagramState, type LaidOutEdge,
  type LegendKey, type LinkStyle, type Point, type TextBlock,
} from '../../models/diagram.js';
import type { Renderer } from '../../models/render.js';
import type { Org } from '../../models/vocabulary.js';
import { escapeXml } from '../escape.js';
import { DEVICE_ICONS, ICON_SIZE } from './icons.js';

interface Stroke {
  readonly color: string;
  readonly width: number;
  readonly dash: string | null;
}

export const LINK_STROKES: Readonly<Record<LinkStyle, Stroke>> = {
  internet: { color: '#dc2626', width: 2.4, dash: null },
  vpn: { color: '#2563eb', width: 2, dash: '7 4' },
  closed: { color: '#7c3aed', width: 2.4, dash: null },
  lan: { color: '#64748b', width: 1.5, dash: null },
  wireless: { color: '#0d9488', width: 1.8, dash: '2 3' },
  cloud: { color: '#ea580c', width: 1.8, dash: '10 3 2 3' },
};
export const MEDIA_STROKE: Stroke = { color: '#111827', width: 1.6, dash: '9 5' };

export const OWNER_COLORS: Readonly<Record<Org, { fill: string; stroke: string; text: string }>> = {
  institution: { fill: '#eff6ff', stroke: '#60a5fa', text: '#1d4ed8' },
  provider: { fill: '#f0fdf4', stroke: '#4ade80', text: '#15803d' },
  'third-party': { fill: '#fefce8', stroke: '#facc15', text: '#a16207' },
};

/**
 * The bundled font first (what the layout measured and the PNG uses), then the Japanese fonts a viewer
 * most likely has, whose widths are close to it.
 */
const FONT_STACK = `'${DIAGRAM_FONT_FAMILY}', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif`;

/**
 * A diff diagram's states: added green, removed red and ghosted (drawn faint, dashed), changed amber; each
 * also carries its sign (+, −, ~) in a small disc, so the states read without telling the colours apart.
 */
export const STATE_COLORS: Readonly<Record<DiagramState, { stroke: string; fill: string; sign: string }>> = {
  added: { stroke: '#16a34a', fill: '#f0fdf4', sign: '#15803d' },
  removed: { stroke: '#dc2626', fill: '#fef2f2', sign: '#b91c1c' },
  changed: { stroke: '#d97706', fill: '#fffbeb', sign: '#b45309' },
};
/** How faint a removed element is drawn. */
const GHOST_OPACITY = 0.4;
const STATE_DASH = '6 3';
/** The disc a state's sign is drawn in: centred on a box's corner, or just before an edge's label. */
const SIGN_RADIUS = 7.5;

const INK = '#0f172a';
const PUBLIC_FILL = '#fffbeb';
const MUTED = '#475569';


/** Numbers as SVG likes them: at most one decimal, no "-0". */
function n(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function attrs(values: Readonly<Record<string, string | number | null | undefined>>): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : escapeXml(v)}"`)
    .join('');
}

function strokeAttrs(s: Stroke): Record<string, string | number | null> {
  return { stroke: s.color, 'stroke-width': s.width, 'stroke-dasharray': s.dash, fill: 'none' };
}

/** Lines of text; `anchor` middle centres each line on x. Baselines sit a little below each line's middle. */
/**
 * Lines of text; `anchor` middle centres each line on x. Baselines sit a little below each line's middle.
 * `halo` paints a thin outline of the background colour under the letters, so a line crossing a title
 * does not cut through it.
 */
function textLines(block: TextBlock, x: number, top: number, size: number, lineHeight: number, options: { anchor?: 'start' | 'middle'; bold?: boolean; fill?: string; halo?: string } = {}): string {
  const baseline = (i: number): number => top + i * lineHeight + lineHeight / 2 + size * 0.36;
  return block.lines.map((line, i) => `<text${attrs({
    x, y: baseline(i), 'font-size': size, 'font-weight': options.bold ? 700 : null,
    'text-anchor': options.anchor === 'middle' ? 'middle' : null, fill: options.fill ?? INK,
    ...(options.halo ? halo(options.halo) : {}),
  })}>${escapeXml(line)}</text>`).join('');
}

function halo(color: string): Record<string, string | number> {
  return { stroke: color, 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };
}

function pathData(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
}

export const renderSvg: Renderer<DiagramDrawing> = ({ graph, layout }) => {
  const out: string[] = [];
  const siteById = new Map(graph.sites.map((s) => [s.id, s]));
  const locationById = new Map(graph.sites.flatMap((s) => s.locations).map((l) => [l.id, l]));
  const deviceById = new Map(graph.sites.flatMap((s) => s.locations.flatMap((l) => l.devices)).map((d) => [d.id, d]));
  const linkById = new Map(graph.links.map((l) => [l.id, l]));
  const mediaById = new Map(graph.media.map((m) => [m.id, m]));

  out.push(`<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width: layout.width, height: layout.height, viewBox: `0 0 ${n(layout.width)} ${n(layout.height)}` })} font-family="${escapeXml(FONT_STACK)}">`);
  out.push(`<title>${escapeXml(`${graph.title} — ${graph.subtitle}`)}</title>`);
  out.push(`<desc>${escapeXml(`koseizu ${graph.subtitle}; ${graph.words.hash} ${graph.hash}`)}</desc>`);
  out.push('<defs>');
  out.push(`<marker id="arrow-media" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="${MEDIA_STROKE.color}"/></marker>`);
  if (hasStates(graph)) {
    out.push(`<marker id="arrow-media-removed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="${STATE_COLORS.removed.stroke}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect${attrs({ x: 0, y: 0, width: layout.width, height: layout.height, fill: '#ffffff' })}/>`);

  // Sites, then the locations inside them: boxes first; their titles go above the lines, later.
  const titles: string[] = [];
  // The signs of the states go on top of everything in the drawing.
  const signs: string[] = [];
  out.push('<g id="sites">');
  for (const c of layout.containers.filter((c) => c.kind === 'site')) {
    const site = siteById.get(c.id);
    if (!site) continue;
    const colors = OWNER_COLORS[site.owner];
    const m = METRICS.site;
    out.push(`<rect id="site-${c.id}" class="site owner-${site.owner}${stateClass(site.state)}"${attrs({ x: c.x, y: c.y, width: c.width, height: c.height, rx: 10, fill: colors.fill, ...boxStroke(site.state, colors.stroke, 1.5, null), ...ghost(site.state) })}/>`);
    if (site.state) signs.push(stateSign(site.state, c.x + c.width, c.y));
    titles.push(`<g id="title-site-${c.id}"${attrs(ghost(site.state))}>${textLines(c.label, c.x + m.padX, c.y + m.padTop, m.fontSize, m.lineHeight, { bold: true, halo: colors.fill })}`
      + `<text${attrs({ x: c.x + m.padX, y: c.y + m.padTop + c.label.height + m.ownerLineHeight / 2 + m.ownerFontSize * 0.36, 'font-size': m.ownerFontSize, fill: colors.text, ...halo(colors.fill) })}>${escapeXml(site.ownerLabel)}</text></g>`);
  }
  out.push('</g>');
  out.push('<g id="locations">');
  for (const c of layout.containers.filter((c) => c.kind === 'location')) {
    const location = locationById.get(c.id);
    if (!location) continue;
    const m = METRICS.location;
    const fill = location.public ? PUBLIC_FILL : '#ffffff';
    out.push(`<rect id="loc-${c.id}" class="location${location.public ? ' public' : ''}${stateClass(location.state)}"${attrs({ x: c.x, y: c.y, width: c.width, height: c.height, rx: 6, fill, ...boxStroke(location.state, '#94a3b8', 1.2, location.public ? '5 3' : null), ...ghost(location.state) })}/>`);
    if (location.state) signs.push(stateSign(location.state, c.x + c.width, c.y));
    titles.push(`<g id="title-loc-${c.id}"${attrs(ghost(location.state))}>${textLines(c.label, c.x + m.padX, c.y + m.padTop, m.fontSize, m.lineHeight, { bold: true, fill: '#334155', halo: fill })}</g>`);
  }
  out.push('</g>');

  // Links under the devices they join; their labels above everything but the media.
  const links = layout.edges.filter((e) => e.kind === 'link');
  const media = layout.edges.filter((e) => e.kind === 'media');
  out.push('<g id="links">');
  for (const e of links) {
    const link = linkById.get(e.id);
    if (!link) continue;
    const stroke = LINK_STROKES[link.style];
    if (link.state) {
      out.push(edgeUnderlay(e, link.state, stroke.width));
      signs.push(edgeSign(e, link.state));
    }
    out.push(`<path id="link-${e.id}" class="link ${link.style}${stateClass(link.state)}"${attrs({ d: pathData(e.points), ...edgeStroke(stroke, link.state) })}><title>${escapeXml(`${link.networkLabel}${link.label ? ` — ${link.label}` : ''}`)}</title></path>`);
  }
  out.push('</g>');

  out.push('<g id="devices">');
  for (const d of layout.devices) {
    const device = deviceById.get(d.id);
    if (!device) continue;
    const m = METRICS.device;
    out.push(`<g id="dev-${d.id}" class="device ${device.kind}${stateClass(device.state)}"${attrs(ghost(device.state))}>`);
    out.push(`<title>${escapeXml(`${device.label} (${device.kindLabel}${device.count > 1 ? ` ×${device.count}` : ''})`)}</title>`);
    out.push(`<rect${attrs({ x: d.x, y: d.y, width: d.width, height: d.height, rx: 6, fill: device.state ? STATE_COLORS[device.state].fill : '#ffffff', ...boxStroke(device.state, '#64748b', 1.2, null) })}/>`);
    out.push(`<g${attrs({ transform: `translate(${n(d.x + d.width / 2 - ICON_SIZE / 2)} ${n(d.y + m.padTop)})`, fill: 'none', stroke: '#334155', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}>${DEVICE_ICONS[device.kind]}</g>`);
    out.push(textLines(d.label, d.x + d.width / 2, d.y + m.padTop + ICON_SIZE + m.iconGap, m.fontSize, m.lineHeight, { anchor: 'middle' }));
    if (device.count > 1) out.push(badge(`×${device.count}`, d));
    out.push('</g>');
    if (device.state) signs.push(stateSign(device.state, d.x, d.y));
  }
  out.push('</g>');

  out.push('<g id="media">');
  for (const e of media) {
    const item = mediaById.get(e.id);
    const label = item?.label ?? '';
    const state = item?.state;
    if (state) {
      out.push(edgeUnderlay(e, state, MEDIA_STROKE.width));
      signs.push(edgeSign(e, state));
    }
    out.push(`<path id="media-${e.id}" class="media${stateClass(state)}"${attrs({ d: pathData(e.points), ...edgeStroke(MEDIA_STROKE, state), 'marker-end': `url(#${state === 'removed' ? 'arrow-media-removed' : 'arrow-media'})` })}><title>${escapeXml(label)}</title></path>`);
  }
  out.push('</g>');

  out.push('<g id="titles">');
  out.push(...titles);
  out.push('</g>');

  out.push('<g id="labels">');
  for (const e of links) if (e.label) out.push(edgeLabel(e, 'link', METRICS.edgeLabel, '#ffffff', '#cbd5e1', MUTED));
  for (const e of media) {
    if (e.label) out.push(edgeLabel(e, 'media', METRICS.mediaLabel, '#f8fafc', '#94a3b8', INK));
    if (e.callout) out.push(callout(e.callout.n, e.callout.x, e.callout.y));
  }
  out.push('</g>');

  if (signs.length > 0) {
    out.push('<g id="states">');
    out.push(...signs);
    out.push('</g>');
  }

  out.push(footer(graph, layout));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
};

function hasStates(graph: DiagramGraph): boolean {
  return graph.links.some((l) => l.state) || graph.media.some((m) => m.state)
    || graph.sites.some((s) => s.state || s.locations.some((l) => l.state || l.devices.some((d) => d.state)));
}

const stateClass = (state: DiagramState | undefined): string => (state ? ` state-${state}` : '');

/** A removed element's whole group is drawn faint. */
function ghost(state: DiagramState | undefined): Record<string, number | null> {
  return { opacity: state === 'removed' ? GHOST_OPACITY : null };
}

/** A box's outline: its own, or its state's (thicker; dashed when removed). */
function boxStroke(state: DiagramState | undefined, stroke: string, width: number, dash: string | null): Record<string, string | number | null> {
  if (!state) return { stroke, 'stroke-width': width, 'stroke-dasharray': dash };
  return { stroke: STATE_COLORS[state].stroke, 'stroke-width': Math.max(width, 1.2) + 1, 'stroke-dasharray': state === 'removed' ? STATE_DASH : dash };
}

/** An edge keeps its network's stroke when added or changed (the band under it says so); a removed one is faint red dashes. */
function edgeStroke(s: Stroke, state: DiagramState | undefined): Record<string, string | number | null> {
  if (state !== 'removed') return strokeAttrs(s);
  return { ...strokeAttrs({ color: STATE_COLORS.removed.stroke, width: s.width, dash: STATE_DASH }), opacity: GHOST_OPACITY };
}

/** A wide, light band of the state's colour under an added or changed edge. */
function edgeUnderlay(e: LaidOutEdge, state: DiagramState, width: number): string {
  if (state === 'removed') return '';
  return `<path class="state-band"${attrs({ d: pathData(e.points), stroke: STATE_COLORS[state].stroke, 'stroke-width': width + 7, 'stroke-opacity': 0.3, 'stroke-linejoin': 'round', fill: 'none' })}/>`;
}

/** The sign of an edge's state: just before its label, beside its numbered marker, or else half way along its longest segment. */
function edgeSign(e: LaidOutEdge, state: DiagramState): string {
  if (e.label) return stateSign(state, e.label.x - SIGN_RADIUS - 1, e.label.y + e.label.height / 2);
  if (e.callout) return stateSign(state, e.callout.x + METRICS.callout.radius + SIGN_RADIUS + 2, e.callout.y);
  const segments = e.points.slice(1).map((b, i) => [e.points[i] as Point, b] as const)
    .sort(([a, b], [c, d]) => (Math.abs(d.x - c.x) + Math.abs(d.y - c.y)) - (Math.abs(b.x - a.x) + Math.abs(b.y - a.y)));
  const longest = segments[0];
  const at = longest ? { x: (longest[0].x + longest[1].x) / 2, y: (longest[0].y + longest[1].y) / 2 } : (e.points[0] ?? { x: 0, y: 0 });
  return stateSign(state, at.x, at.y);
}

/** A small disc in the state's colour with its sign (+, −, ~) in white. */
function stateSign(state: DiagramState, cx: number, cy: number): string {
  const size = METRICS.callout.fontSize;
  return `<g class="state-sign ${state}"><circle${attrs({ cx, cy, r: SIGN_RADIUS, fill: STATE_COLORS[state].sign, stroke: '#ffffff', 'stroke-width': 1.2 })}/><text${attrs({ x: cx, y: cy + size * 0.36, 'font-size': size + 1, 'font-weight': 700, 'text-anchor': 'middle', fill: '#ffffff' })}>${escapeXml(STATE_SIGNS[state])}</text></g>`;
}

/** A numbered marker: a dark disc with a white number, the same on the arrow and in the list. */
function callout(n: number, cx: number, cy: number): string {
  const c = METRICS.callout;
  return `<g class="callout"><circle${attrs({ cx, cy, r: c.radius, fill: INK })}/><text${attrs({ x: cx, y: cy + c.fontSize * 0.36, 'font-size': c.fontSize, 'font-weight': 700, 'text-anchor': 'middle', fill: '#ffffff' })}>${n}</text></g>`;
}

function badge(text: string, d: Box): string {
  const b = METRICS.badge;
  // Digits and "×" are about 0.6 em wide in the diagram's font.
  const width = 2 * b.padX + text.length * b.fontSize * 0.6;
  const x = d.x + d.width - width - 4;
  const y = d.y + 4;
  return `<g class="count"><rect${attrs({ x, y, width, height: b.height, rx: b.height / 2, fill: '#334155' })}/><text${attrs({ x: x + width / 2, y: y + b.height / 2 + b.fontSize * 0.36, 'font-size': b.fontSize, 'font-weight': 700, 'text-anchor': 'middle', fill: '#ffffff' })}>${escapeXml(text)}</text></g>`;
}

function edgeLabel(e: LaidOutEdge, idPrefix: string | null, m: { fontSize: number; lineHeight: number; pad: number }, fill: string, stroke: string, color: string): string {
  const l = e.label;
  if (!l) return '';
  const id = idPrefix ? ` id="label-${idPrefix}-${escapeXml(e.id)}"` : '';
  return `<g${id} class="edge-label"><rect${attrs({ x: l.x, y: l.y, width: l.width, height: l.height, rx: 3, fill, stroke, 'stroke-width': 0.8 })}/>${textLines(l.text, l.x + l.width / 2, l.y + m.pad, m.fontSize, m.lineHeight, { anchor: 'middle', fill: color })}</g>`;
}

function footer(graph: DiagramGraph, layout: DiagramLayout): string {
  const f = METRICS.footer;
  const t = layout.titleBlock;
  const out: string[] = ['<g id="footer">'];
  out.push(`<g id="title-block">`);
  out.push(`<text${attrs({ x: t.x, y: t.y + f.titleLine / 2 + f.titleSize * 0.36, 'font-size': f.titleSize, 'font-weight': 700, fill: INK })}>${escapeXml(graph.title)}</text>`);
  out.push(`<text${attrs({ x: t.x, y: t.y + f.titleLine + f.subtitleLine / 2 + f.subtitleSize * 0.36, 'font-size': f.subtitleSize, fill: MUTED })}>${escapeXml(graph.subtitle)}</text>`);
  out.push(`<text${attrs({ x: t.x, y: t.y + f.titleLine + f.subtitleLine * 1.5 + f.subtitleSize * 0.36, 'font-size': f.subtitleSize, fill: MUTED })}>${escapeXml(`${graph.words.hash}: ${graph.hash}`)}</text>`);
  out.push('</g>');
  if (layout.legend.length > 0) {
    const b = layout.legendBox;
    out.push('<g id="legend">');
    out.push(`<rect${attrs({ x: b.x, y: b.y, width: b.width, height: b.height, rx: 6, fill: '#ffffff', stroke: '#cbd5e1' })}/>`);
    out.push(`<text${attrs({ x: b.x + 10, y: b.y + 10 + f.legendLine / 2 + f.legendSize * 0.36, 'font-size': f.legendSize, 'font-weight': 700, fill: INK })}>${escapeXml(graph.words.legend)}</text>`);
    for (const e of layout.legend) {
      const mid = e.y + e.height / 2;
      out.push(`<g class="legend-entry">${swatch(e.key, e.x, mid, f.legendSwatch)}<text${attrs({ x: e.x + f.legendSwatch + 8, y: mid + f.legendSize * 0.36, 'font-size': f.legendSize, fill: INK })}>${escapeXml(e.label)}</text></g>`);
    }
    out.push('</g>');
  }
  if (layout.captionBox) {
    const b = layout.captionBox;
    const c = METRICS.callout;
    out.push('<g id="media-list">');
    out.push(`<rect${attrs({ x: b.x, y: b.y, width: b.width, height: b.height, rx: 6, fill: '#ffffff', stroke: '#cbd5e1' })}/>`);
    out.push(`<text${attrs({ x: b.x + f.pad, y: b.y + f.pad + f.legendLine / 2 + f.legendSize * 0.36, 'font-size': f.legendSize, 'font-weight': 700, fill: INK })}>${escapeXml(graph.words.media)}</text>`);
    for (const caption of layout.captions) {
      out.push(callout(caption.n, caption.x + c.radius, caption.y + c.radius));
      out.push(textLines(caption.text, caption.x + 2 * c.radius + 8, caption.y + Math.max(0, c.radius - caption.text.height / caption.text.lines.length / 2), f.legendSize, f.legendLine - 4));
    }
    out.push('</g>');
  }
  out.push('</g>');
  return out.join('\n');
}

function swatch(key: LegendKey, x: number, y: number, width: number): string {
  if (key.startsWith('state:')) {
    const state = key.slice('state:'.length) as DiagramState;
    return `<rect${attrs({ x, y: y - 8, width: width - 10, height: 16, rx: 4, fill: STATE_COLORS[state].fill, ...boxStroke(state, '#64748b', 1.2, null), ...ghost(state) })}/>${stateSign(state, x + width - 10, y)}`;
  }
  if (key === 'media') {
    return `<path${attrs({ d: `M${n(x)},${n(y)} L${n(x + width - 2)},${n(y)}`, ...strokeAttrs(MEDIA_STROKE), 'marker-end': 'url(#arrow-media)' })}/>`;
  }
  if (key === 'public') {
    return `<rect${attrs({ x, y: y - 8, width, height: 16, rx: 4, fill: PUBLIC_FILL, stroke: '#94a3b8', 'stroke-width': 1.2, 'stroke-dasharray': '5 3' })}/>`;
  }
  if (key.startsWith('owner:')) {
    const colors = OWNER_COLORS[key.slice('owner:'.length) as Org];
    return `<rect${attrs({ x, y: y - 8, width, height: 16, rx: 4, fill: colors.fill, stroke: colors.stroke, 'stroke-width': 1.5 })}/>`;
  }
  const stroke = LINK_STROKES[key.slice('link:'.length) as LinkStyle];
  return `<path${attrs({ d: `M${n(x)},${n(y)} L${n(x + width)},${n(y)}`, ...strokeAttrs(stroke) })}/>`;
}
