// The configuration diagram as a Mermaid flowchart, for GitHub (pull requests, READMEs) and the
// workshop page. Pure text out of the DiagramGraph: no Mermaid import here (mermaid is a test
// dependency that checks what we emit), ids only from model ids, so a change in the model is a small
// diff in the .mmd.
//
// GitHub shrinks a diagram to its comment's width (about 900 px), so the drawing is planned to stay about
// that wide (plan.ts): sites one below the other in model order, rooms in rows, devices on levels, each
// link written in the direction and with the length (extra dashes) the plan gives it, and invisible edges
// (`~~~`) where nothing else holds a node in its row. Labels are broken into short lines (wrap.ts).
//
// Shape of the output:
//   %% koseizu <hash>
//   flowchart TB                           (LR when asked)
//     classDef ...                         the styles used: nodes, site owners, rooms, media, stubs
//     subgraph site_<id>["<site>［<owner>］"]   sites in model order, rooms row by row, devices level by level
//       direction TB                       only in a box no edge leaves (Mermaid lays it out on its own)
//       subgraph loc_<id>["<location>"]
//         dev_<id>(["<device><br/>×N"])    a shape per kind family, long labels on several lines
//       end
//       media_<id>[/"<media>"\]             a media transport between two rooms of the site
//     end
//     media_<id>[/"<media>"\]               a media transport between sites: a node in the gap between them
//     dev_a ----|"HTTPS<br/>TLS 1.3"| dev_b   links in model order, from the upper end, as long as planned
//     loc_a -..- media_<id> -.-> loc_b     media: room to node to room (an edge straight between two boxes
//                                          is often hidden by them); a destination above is reached by an
//     media_<id> -.-> loc_c                edge dagre reverses, doubled the other way by an invisible edge
//     loc_c ~~~ media_<id>                 invisible edges last, so linkStyle's indexes are the visible ones
//     linkStyle 0,3 interpolate monotoneY stroke:...   one line per link style used
//     class site_x owner-institution
//     class dev_x added                    diff diagrams only: the states (classDef added/removed/changed),
//                                          with the sign (+, −, ~) at the start of the element's label
//
// Every label is written in the quoted form and escaped with Mermaid's entity codes (see MERMAID_ENTITIES in
// renderers/escape.ts), line by line, the lines joined by Mermaid's `<br/>`, so no label can end a string,
// open markup, start a comment or a directive, or fence off Markdown.
import {
  DIAGRAM_STATES, STATE_SIGNS, type DiagramDevice, type DiagramGraph, type DiagramLink, type DiagramLocation, type DiagramMedia,
  type DiagramSite, type DiagramState, type LinkStyle,
} from '../../models/diagram.js';
import type { DeviceKind, Org } from '../../models/vocabulary.js';
import { CONTROL_RUN, mermaidText } from '../escape.js';
import { fillTemplate } from '../template.js';
import { planLayout, push, type NodeRef, type Scene, type SceneDevice, type SceneLocation, type SceneMedia, type SceneSite } from './plan.js';
import { LINE_BREAK, mermaidLabel } from './wrap.js';

export interface MermaidResult {
  /** The Mermaid source (or, from renderMermaidMarkdown, the Markdown), LF line ends, one trailing newline. */
  readonly text: string;
  /**
   * Edges written, as Mermaid counts them against its limit: one per link, two per media transport (room to
   * carrier node, carrier node to room), and the invisible ones that hold the layout (last in the text).
   */
  readonly edges: number;
  /** What the caller should tell the user (over GitHub's limits, elements left out), in the graph's language. */
  readonly warnings: string[];
}

export interface MermaidSitePart {
  /** The site's model id. */
  readonly site: string;
  readonly text: string;
  readonly edges: number;
  readonly warnings: string[];
}

/** GitHub's Mermaid refuses a flowchart with more edges than this (Mermaid's `maxEdges`). */
export const GITHUB_MAX_EDGES = 500;
/** ... and a diagram longer than this many characters (Mermaid's `maxTextSize`). */
export const GITHUB_MAX_TEXT = 50_000;

// ---- Ids ----

type IdKind = 'site' | 'loc' | 'dev' | 'media';


/**
 * Mermaid ids from model ids: a prefix per kind (so no id is ever a Mermaid keyword such as `end`, and a
 * device and a location never share one) and '-' as '_' (model ids are kebab-case and never contain '_',
 * so the mapping can be read back). An id from outside the schema has its other characters replaced too;
 * a clash that this causes is settled with a numeric suffix, in model order.
 */
class Ids {
  private readonly byKind = new Map<IdKind, Map<string, string>>();
  private readonly taken = new Set<string>();

  get(kind: IdKind, modelId: string): string {
    let map = this.byKind.get(kind);
    if (!map) this.byKind.set(kind, (map = new Map()));
    const known = map.get(modelId);
    if (known !== undefined) return known;
    const base = `${kind}_${modelId.replace(/-/g, '_').replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    map.set(modelId, id);
    return id;
  }
}

// ---- Shapes and styles ----

/** Node shapes GitHub's Mermaid draws (the classic bracket forms, not the v11 `@{ shape }` syntax). */
const SHAPES: Readonly<Record<DeviceKind, readonly [string, string]>> = Object.freeze({
  server: ['[', ']'],
  'log-server': ['[', ']'],
  database: ['[(', ')]'],
  storage: ['[(', ')]'],
  terminal: ['([', '])'],
  tablet: ['([', '])'],
  smartphone: ['([', '])'],
  printer: ['>', ']'],
  router: ['{{', '}}'],
  firewall: ['{{', '}}'],
  'vpn-gateway': ['{{', '}}'],
  'wireless-ap': ['{{', '}}'],
  'external-system': ['[/', '/]'],
  'medical-device': ['[[', ']]'],
});

const LINK_STYLES: readonly LinkStyle[] = ['internet', 'vpn', 'closed', 'lan', 'wireless', 'cloud'];

// Lines run over GitHub's light (#ffffff) and dark (#0d1117) page and over the boxes' light fills, so
// each colour is a mid tone with a contrast of at least 3:1 (WCAG, for graphics) against all of them, and
// every line is at least 2 px wide (test/mermaid-render.test.ts measures both).
const STROKES: Readonly<Record<LinkStyle | 'media', string>> = Object.freeze({
  internet: 'stroke:#d62728,stroke-width:3.5px',
  vpn: 'stroke:#2f6fd6,stroke-width:2.5px,stroke-dasharray:6 4',
  closed: 'stroke:#8e55c9,stroke-width:2.5px',
  lan: 'stroke:#7f7f7f,stroke-width:2px',
  wireless: 'stroke:#138a8a,stroke-width:2.5px,stroke-dasharray:2 3',
  cloud: 'stroke:#cc6a00,stroke-width:2.5px',
  media: 'stroke:#c0398a,stroke-width:2.5px,stroke-dasharray:8 4',
});

const OWNERS: readonly Org[] = ['institution', 'provider', 'third-party'];

// Every fill is light and every text colour set, so the drawing looks the same in GitHub's dark mode
// (where Mermaid's dark theme would otherwise draw dark nodes): a box shows on the dark page by its fill,
// on the light page and inside another box by its outline (3:1 against white and the fills). `default`
// styles every device node.
const NODE_CLASS = 'classDef default fill:#f5f6fc,stroke:#5b6394,stroke-width:1px,color:#1a1a1a';
const OWNER_CLASS: Readonly<Record<Org, string>> = Object.freeze({
  institution: 'classDef owner-institution fill:#eaf2fc,stroke:#3b6fb6,stroke-width:1.5px,color:#1a1a1a',
  provider: 'classDef owner-provider fill:#ebf6e7,stroke:#3f8a3a,stroke-width:1.5px,color:#1a1a1a',
  'third-party': 'classDef owner-third-party fill:#fcf5d9,stroke:#8c7518,stroke-width:1.5px,color:#1a1a1a',
});
const MEDIA_CLASS = 'classDef media fill:#fdf2f8,stroke:#c0398a,stroke-width:1.5px,stroke-dasharray:4 3,color:#1a1a1a';
const LOCATION_CLASS = 'classDef location fill:#ffffff,stroke:#767676,stroke-width:1px,color:#1a1a1a';
const PUBLIC_CLASS = 'classDef public-area fill:#fffaf7,stroke:#b03a2e,stroke-width:1.5px,stroke-dasharray:5 3,color:#1a1a1a';
const STUB_CLASSES: readonly string[] = [
  'classDef stub fill:#f4f4f4,stroke:#888888,stroke-width:1px,stroke-dasharray:4 3,color:#444444',
  'classDef elsewhere fill:#fbfbfb,stroke:#888888,stroke-width:1px,stroke-dasharray:4 3,color:#444444',
];

// A diff diagram's states: added green, removed thin red dashes (grey text), changed amber; no
// transparency, which would sink a removed element into the dark page. Declared after the owners'
// classes, so on a site both apply to, the state's outline wins.
const STATE_CLASS: Readonly<Record<DiagramState, string>> = Object.freeze({
  added: 'classDef added fill:#e8f7e9,stroke:#2a8f36,stroke-width:2.5px,color:#1a1a1a',
  removed: 'classDef removed fill:#fdf3f3,stroke:#d62728,stroke-width:2px,stroke-dasharray:5 3,color:#595959',
  changed: 'classDef changed fill:#fff4dc,stroke:#b07800,stroke-width:2.5px,color:#1a1a1a',
});
const STATE_STROKES: Readonly<Record<DiagramState, string>> = Object.freeze({
  added: 'stroke:#2a8f36,stroke-width:3.5px',
  removed: 'stroke:#d62728,stroke-width:2px,stroke-dasharray:3 3',
  changed: 'stroke:#b07800,stroke-width:3.5px',
});

/** A label with its state's sign in front ("+ プリンタ"), when it has a state. */
function signed(label: string, state: DiagramState | undefined): string {
  return state ? `${STATE_SIGNS[state]} ${label}` : label;
}

/** The states any element of the graph has, in a fixed order. */
function statesUsed(graph: DiagramGraph): DiagramState[] {
  const used = new Set<DiagramState | undefined>([
    ...graph.sites.flatMap((s) => [s.state, ...s.locations.flatMap((l) => [l.state, ...l.devices.map((d) => d.state)])]),
    ...graph.links.map((l) => l.state),
    ...graph.media.map((m) => m.state),
  ]);
  return DIAGRAM_STATES.filter((s) => used.has(s));
}

/** Which way the diagram runs: Mermaid's `LR` (left to right) or `TB` (top to bottom). */
export type MermaidDirection = 'LR' | 'TB';

export interface MermaidOptions {
  /** Default `TB`, like the SVG: top to bottom reads best in a pull request. */
  readonly direction?: MermaidDirection | undefined;
}

// ---- Labels, their lines and widths ----

/** The widest line of a device's label, of a room's title, of a link's label, of a media node (px). */
const DEVICE_LINE = 160;
/** Box titles stay on one line: Mermaid leaves room for one line above a box's content. */
const LOCATION_LINE = Infinity;
const SITE_LINE = Infinity;
const LINK_LINE = 140;
const MEDIA_LINE = 170;

/** How much wider than its text each node shape is in Mermaid (px, one line; slanted shapes grow with lines). */
const SHAPE_EXTRA: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  '[': [60, 0], '([': [30, 8], '{{': [36, 12], '[(': [16, 0], '>': [26, 6], '[/': [56, 20], '[[': [32, 0], '[\\': [56, 20],
});

function deviceText(device: DiagramDevice): string {
  const label = device.label.replace(CONTROL_RUN, ' ').trim() || device.id;
  return signed(device.count > 1 ? `${label} ×${device.count}` : label, device.state);
}

function deviceNode(ids: Ids, device: DiagramDevice): { readonly line: string; readonly width: number } {
  const [open, close] = SHAPES[device.kind] ?? ['[', ']'];
  const label = mermaidLabel(deviceText(device), DEVICE_LINE, device.id);
  const [extra, perLine] = SHAPE_EXTRA[open] ?? [60, 0];
  return { line: `${ids.get('dev', device.id)}${open}"${label.text}"${close}`, width: label.width + extra + perLine * (label.lines - 1) };
}

/**
 * A label made of parts joined by " / " (a media transport's "tape / carrier / encrypted", a link's
 * "HTTPS / TLS 1.3"): each part on its own lines, so the label is narrow and reads as a list.
 */
function partsLabel(label: string, max: number, fallback: string): { readonly text: string; readonly width: number; readonly lines: number } {
  const parts = label.replace(CONTROL_RUN, ' ').split(' / ').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0 && fallback === '') return { text: '', width: 0, lines: 0 };
  const wrapped = (parts.length > 0 ? parts : [fallback]).map((p) => mermaidLabel(p, max, fallback));
  return { text: wrapped.map((w) => w.text).join(LINE_BREAK), width: Math.max(...wrapped.map((w) => w.width)), lines: wrapped.reduce((n, w) => n + w.lines, 0) };
}

function mediaLabel(media: DiagramMedia): { readonly text: string; readonly width: number } {
  const label = partsLabel(signed(media.label, media.state), MEDIA_LINE, media.id);
  return { text: label.text, width: label.width + 56 + 20 * (label.lines - 1) };
}

/** A site's box title: its caption, with the sign of its state in a diff diagram. */
export function siteTitle(site: DiagramSite): string {
  return signed(site.caption, site.state);
}

// ---- Writing ----

class Writer {
  readonly lines: string[] = [];
  private depth = 0;
  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
  open(text: string): void {
    this.line(text);
    this.depth++;
  }
  close(): void {
    this.depth--;
    this.line('end');
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** Mermaid's edge of `length` ranks: `---` is one, each more dash one more. */
const solid = (length: number): string => `--${'-'.repeat(length)}`;
const dotted = (length: number, arrow: boolean): string => `-${'.'.repeat(length)}-${arrow ? '>' : ''}`;
const invisible = (length: number): string => `~~${'~'.repeat(length)}`;

/**
 * What one Mermaid flowchart shows: whole sites, and in a per-site part the far ends of its links and media
 * as stubs (far devices, far rooms) in far sites, all in an "elsewhere" box.
 */
interface Part {
  readonly sites: readonly DiagramSite[];
  /** Far sites: only their stub devices and rooms are drawn, inside the "elsewhere" box. */
  readonly far: ReadonlyMap<string, { readonly devices: ReadonlySet<string>; readonly locations: ReadonlySet<string> }>;
  readonly links: readonly DiagramLink[];
  readonly media: readonly DiagramMedia[];
}

/** A far site's stub device stands alone in the site's box: in the plan it is a room of its own. */
const STUB_ROOM = '\u0000device:';

function sceneOf(ids: Ids, part: Part): { scene: Scene; nodes: Map<string, string>; mediaNodes: Map<string, string> } {
  const nodes = new Map<string, string>();
  const mediaNodes = new Map<string, string>();
  const sites: SceneSite[] = part.sites.map((site): SceneSite => {
    const far = part.far.get(site.id);
    const title = mermaidLabel(siteTitle(site), SITE_LINE, site.id).width + 16;
    const device = (d: DiagramDevice): SceneDevice => {
      const node = deviceNode(ids, d);
      nodes.set(d.id, node.line);
      return { id: d.id, width: node.width };
    };
    if (far) {
      const locations: SceneLocation[] = [];
      for (const location of site.locations) {
        if (far.locations.has(location.id)) locations.push({ id: location.id, width: mermaidLabel(signed(location.label, location.state), LOCATION_LINE, location.id).width + 30, devices: [] });
        for (const d of location.devices) if (far.devices.has(d.id)) locations.push({ id: `${STUB_ROOM}${d.id}`, width: 0, devices: [device(d)] });
      }
      return { id: site.id, width: title, locations, stubs: true };
    }
    return {
      id: site.id,
      width: title,
      locations: site.locations.map((location): SceneLocation => ({
        id: location.id,
        width: mermaidLabel(signed(location.label, location.state), LOCATION_LINE, location.id).width + 16,
        devices: location.devices.map(device),
      })),
    };
  });
  const media: SceneMedia[] = part.media.map((m) => {
    const label = mediaLabel(m);
    mediaNodes.set(m.id, `${ids.get('media', m.id)}[/"${label.text}"\\]`);
    return { id: m.id, from: m.from, to: m.to, width: label.width };
  });
  return { scene: { sites, links: part.links.map((l) => ({ id: l.id, from: l.from, to: l.to })), media }, nodes, mediaNodes };
}

/** The first lines: the model's hash as a comment, the diagram type, the classDefs used. */
function header(w: Writer, graph: DiagramGraph, options: MermaidOptions,
  used: { readonly sites: readonly DiagramSite[]; readonly locations: readonly DiagramLocation[]; readonly media: boolean; readonly stubs: boolean; readonly states: readonly DiagramState[] }): void {
  const hash = graph.hash.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  w.line(hash ? `%% koseizu ${hash}` : '%% koseizu');
  w.open(`flowchart ${options.direction === 'LR' ? 'LR' : 'TB'}`);
  w.line(NODE_CLASS);
  for (const owner of OWNERS) if (used.sites.some((s) => s.owner === owner)) w.line(OWNER_CLASS[owner]);
  if (used.locations.length > 0) w.line(LOCATION_CLASS);
  if (used.locations.some((l) => l.public)) w.line(PUBLIC_CLASS);
  if (used.media) w.line(MEDIA_CLASS);
  if (used.stubs) for (const def of STUB_CLASSES) w.line(def);
  for (const state of used.states) w.line(STATE_CLASS[state]);
}

/** `class <ids> added` and so on, for the elements written that have a state (media nodes included). */
function writeStateClasses(w: Writer, ids: Ids, elements: readonly Stated[]): void {
  for (const state of DIAGRAM_STATES) {
    const of = elements.filter((e) => e.state === state).map((e) => ids.get(e.kind, e.id));
    if (of.length > 0) w.line(`class ${[...new Set(of)].join(',')} ${state}`);
  }
}

type Stated = { readonly kind: 'site' | 'loc' | 'dev' | 'media'; readonly id: string; readonly state?: DiagramState | undefined };
const stated = (kind: Stated['kind']) => (e: { readonly id: string; readonly state?: DiagramState | undefined }): Stated => ({ kind, id: e.id, state: e.state });

/** One flowchart of a part of the graph, laid out by the plan. */
function draw(graph: DiagramGraph, part: Part, options: MermaidOptions): { text: string; edges: number } {
  const wd = graph.words.mermaid;
  const ids = new Ids();
  // Ids in model order first, so a change in the layout never renames anything.
  for (const site of part.sites) {
    ids.get('site', site.id);
    for (const location of site.locations) {
      ids.get('loc', location.id);
      for (const device of location.devices) ids.get('dev', device.id);
    }
  }
  for (const m of part.media) ids.get('media', m.id);
  const { scene, nodes, mediaNodes } = sceneOf(ids, part);
  const plan = planLayout(scene, { maxEdges: GITHUB_MAX_EDGES });
  const siteById = new Map(part.sites.map((s) => [s.id, s]));
  const locationById = new Map(part.sites.flatMap((s) => s.locations.map((l) => [l.id, l] as const)));
  const whole = part.sites.filter((s) => !part.far.has(s.id));
  const locations = whole.flatMap((s) => s.locations);

  // Mermaid lays a box that no edge leaves out on its own, across the diagram's direction unless told:
  // such a box is told the diagram's direction (and only such a box, where it has an effect).
  const direction = `direction ${options.direction === 'LR' ? 'LR' : 'TB'}`;
  const siteOfLocation = new Map(part.sites.flatMap((site) => site.locations.map((l) => [l.id, site.id] as const)));
  const locationOfDevice = new Map(part.sites.flatMap((site) => site.locations.flatMap((l) => l.devices.map((d) => [d.id, l.id] as const))));
  const inSiteMedia = new Map([...plan.mediaInSite].flatMap(([site, ms]) => ms.map((m) => [m, site] as const)));
  /** The boxes around a node, innermost first (a location given as an edge's end counts as inside itself). */
  const boxes = (n: NodeRef): string[] => {
    const location = n.kind === 'dev' ? locationOfDevice.get(n.id) : n.kind === 'loc' ? n.id : undefined;
    const site = n.kind === 'site' ? n.id : n.kind === 'media' ? inSiteMedia.get(n.id) : location === undefined ? undefined : siteOfLocation.get(location);
    return [...(location === undefined ? [] : [`loc:${location}`]), ...(site === undefined ? [] : [`site:${site}`])];
  };
  const edgeEnds: [NodeRef, NodeRef][] = [
    ...part.links.map((l): [NodeRef, NodeRef] => [{ kind: 'dev', id: l.from }, { kind: 'dev', id: l.to }]),
    ...part.media.flatMap((m): [NodeRef, NodeRef][] => [[{ kind: 'loc', id: m.from }, { kind: 'media', id: m.id }], [{ kind: 'media', id: m.id }, { kind: 'loc', id: m.to }]]),
    ...plan.invisible.map((e): [NodeRef, NodeRef] => [e.from, e.to]),
  ];
  const leaving = new Set<string>();
  for (const [a, b] of edgeEnds) {
    const [ba, bb] = [boxes(a), boxes(b)];
    for (const box of [...ba, ...bb]) if (ba.includes(box) !== bb.includes(box)) leaving.add(box);
    for (const end of [a, b]) if (end.kind === 'loc') leaving.add(`loc:${end.id}`);
  }
  const w = new Writer();
  header(w, graph, options, {
    sites: part.sites, locations, media: part.media.length > 0, stubs: part.far.size > 0, states: statesUsed(graph),
  });
  const writeSite = (site: DiagramSite): void => {
    w.open(`subgraph ${ids.get('site', site.id)}["${mermaidLabel(siteTitle(site), SITE_LINE, site.id).text}"]`);
    if (!leaving.has(`site:${site.id}`)) w.line(direction);
    const far = part.far.has(site.id);
    for (const id of plan.locations.get(site.id) ?? []) {
      if (id.startsWith(STUB_ROOM)) {
        w.line(nodes.get(id.slice(STUB_ROOM.length)) ?? '');
        continue;
      }
      const location = locationById.get(id);
      if (!location) continue;
      const title = mermaidLabel(signed(location.label, location.state), LOCATION_LINE, location.id).text;
      if (far) {
        w.line(`${ids.get('loc', location.id)}["${title}"]`);
        continue;
      }
      w.open(`subgraph ${ids.get('loc', location.id)}["${title}"]`);
      if (!leaving.has(`loc:${location.id}`)) w.line(direction);
      for (const d of plan.devices.get(location.id) ?? []) w.line(nodes.get(d) ?? '');
      w.close();
    }
    for (const m of plan.mediaInSite.get(site.id) ?? []) w.line(mediaNodes.get(m) ?? '');
    w.close();
  };
  for (const id of plan.sites) {
    const site = siteById.get(id);
    if (site && !part.far.has(id)) writeSite(site);
  }
  if (part.far.size > 0) {
    w.open(`subgraph elsewhere["${mermaidText(wd.elsewhere)}"]`);
    for (const id of plan.sites) {
      const site = siteById.get(id);
      if (site && part.far.has(id)) writeSite(site);
    }
    w.close();
  }
  const inSite = new Set([...plan.mediaInSite.values()].flat());
  for (const m of part.media) if (!inSite.has(m.id)) w.line(mediaNodes.get(m.id) ?? '');

  // Edges: links in model order, then the media's two edges each, then the invisible ones (unstyled, so last).
  const styles = new Map<LinkStyle | 'media', number[]>();
  const states = new Map<DiagramState, number[]>();
  let count = 0;
  const styled = (style: LinkStyle | 'media', state: DiagramState | undefined): void => {
    if (state) push(states, state, count++);
    else push(styles, style, count++);
  };
  for (const link of part.links) {
    const label = partsLabel(signed(link.label === null ? '' : link.label.replace(CONTROL_RUN, ' ').trim(), link.state).trim(), LINK_LINE, '').text;
    const how = plan.links.get(link.id) ?? { flip: false, length: 1 };
    const [a, b] = how.flip ? [link.to, link.from] : [link.from, link.to];
    const edge = solid(how.length);
    w.line(label ? `${ids.get('dev', a)} ${edge}|"${label}"| ${ids.get('dev', b)}` : `${ids.get('dev', a)} ${edge} ${ids.get('dev', b)}`);
    styled(LINK_STYLES.includes(link.style) ? link.style : 'lan', link.state);
  }
  for (const m of part.media) {
    const how = plan.media.get(m.id) ?? { fromBelow: false, toAbove: false, lengths: [1, 1] as const };
    const [node, from, to] = [ids.get('media', m.id), ids.get('loc', m.from), ids.get('loc', m.to)];
    if (!how.fromBelow && !how.toAbove) w.line(`${from} ${dotted(how.lengths[0], false)} ${node} ${dotted(how.lengths[1], true)} ${to}`);
    else {
      w.line(how.fromBelow ? `${node} ${dotted(how.lengths[0], false)} ${from}` : `${from} ${dotted(how.lengths[0], false)} ${node}`);
      w.line(`${node} ${dotted(how.lengths[1], true)} ${to}`);
    }
    styled('media', m.state);
    styled('media', m.state);
  }
  const ref = (n: NodeRef): string => ids.get(n.kind, n.id);
  for (const e of plan.invisible) w.line(`${ref(e.from)} ${invisible(e.length)} ${ref(e.to)}`);
  const edges = count + plan.invisible.length;

  // Monotone curves pass through the points dagre routes around the labels (the default basis curve cuts
  // corners, across the label of a neighbouring edge).
  const curve = `interpolate ${options.direction === 'LR' ? 'monotoneX' : 'monotoneY'}`;
  for (const style of [...LINK_STYLES, 'media'] as const) {
    const indexes = styles.get(style);
    if (indexes && indexes.length > 0) w.line(`linkStyle ${indexes.join(',')} ${curve} ${STROKES[style]}`);
  }
  for (const state of DIAGRAM_STATES) {
    const indexes = states.get(state);
    if (indexes && indexes.length > 0) w.line(`linkStyle ${indexes.join(',')} ${curve} ${STATE_STROKES[state]}`);
  }
  if (part.media.length > 0) w.line(`class ${part.media.map((m) => ids.get('media', m.id)).join(',')} media`);
  for (const owner of OWNERS) {
    const of = plan.sites.map((id) => siteById.get(id)).filter((s) => s?.owner === owner).map((s) => ids.get('site', (s as DiagramSite).id));
    if (of.length > 0) w.line(`class ${of.join(',')} owner-${owner}`);
  }
  // After the edges: an edge to a subgraph also makes a vertex of its id, and Mermaid draws the box with
  // that vertex's classes, so the class has to reach the vertex as well as the subgraph.
  const written = plan.sites.filter((id) => !part.far.has(id)).flatMap((id) => plan.locations.get(id) ?? []).map((id) => locationById.get(id)).filter((l): l is DiagramLocation => l !== undefined);
  if (written.length > 0) w.line(`class ${written.map((l) => ids.get('loc', l.id)).join(',')} location`);
  const open = written.filter((l) => l.public);
  if (open.length > 0) w.line(`class ${open.map((l) => ids.get('loc', l.id)).join(',')} public-area`);
  const farSites = plan.sites.filter((id) => part.far.has(id));
  const stubs = farSites.flatMap((id) => (plan.locations.get(id) ?? []).map((l) => (l.startsWith(STUB_ROOM) ? ids.get('dev', l.slice(STUB_ROOM.length)) : ids.get('loc', l))));
  if (stubs.length > 0) w.line(`class ${stubs.join(',')} stub`);
  if (part.far.size > 0) w.line('class elsewhere elsewhere');
  const farStated = farSites.flatMap((id) => (plan.locations.get(id) ?? []).map((l): Stated | undefined => {
    if (l.startsWith(STUB_ROOM)) {
      const d = l.slice(STUB_ROOM.length);
      const device = siteById.get(id)?.locations.flatMap((x) => x.devices).find((x) => x.id === d);
      return device ? stated('dev')(device) : undefined;
    }
    const location = locationById.get(l);
    return location ? stated('loc')(location) : undefined;
  })).filter((e): e is Stated => e !== undefined);
  writeStateClasses(w, ids, [
    ...plan.sites.filter((id) => !part.far.has(id)).map((id) => siteById.get(id)).filter((s): s is DiagramSite => s !== undefined).map(stated('site')),
    ...written.map(stated('loc')), ...written.flatMap((l) => (plan.devices.get(l.id) ?? []).map((d) => l.devices.find((x) => x.id === d)).filter((d): d is DiagramDevice => d !== undefined).map(stated('dev'))),
    ...farStated, ...part.media.map(stated('media')),
  ]);
  return { text: w.text(), edges };
}

/** Where each device and location sits, for checking links' and media's ends and for the per-site split. */
interface Where {
  readonly devices: ReadonlyMap<string, DiagramDevice>;
  readonly deviceSite: ReadonlyMap<string, string>;
  readonly locationSite: ReadonlyMap<string, string>;
}

function where(graph: DiagramGraph): Where {
  const devices = new Map<string, DiagramDevice>();
  const deviceSite = new Map<string, string>();
  const locationSite = new Map<string, string>();
  for (const site of graph.sites) {
    for (const location of site.locations) {
      if (!locationSite.has(location.id)) locationSite.set(location.id, site.id);
      for (const device of location.devices) {
        if (devices.has(device.id)) continue;
        devices.set(device.id, device);
        deviceSite.set(device.id, site.id);
      }
    }
  }
  return { devices, deviceSite, locationSite };
}

function limitWarnings(graph: DiagramGraph, edges: number, chars: number): string[] {
  const wd = graph.words.mermaid;
  const warnings: string[] = [];
  if (edges > GITHUB_MAX_EDGES) warnings.push(fillTemplate(wd.tooManyEdges, { n: edges, max: GITHUB_MAX_EDGES }));
  if (chars > GITHUB_MAX_TEXT) warnings.push(fillTemplate(wd.tooLong, { n: chars, max: GITHUB_MAX_TEXT }));
  return warnings;
}

// ---- The renderers ----

/** The whole configuration diagram as one Mermaid flowchart. */
export function renderMermaid(graph: DiagramGraph, options: MermaidOptions = {}): MermaidResult {
  const wd = graph.words.mermaid;
  const at = where(graph);
  const warnings: string[] = [];
  const links = graph.links.filter((link) => {
    const missing = [link.from, link.to].find((d) => !at.devices.has(d));
    if (missing !== undefined) warnings.push(fillTemplate(wd.missingEnd, { what: 'link', id: link.id, end: missing }));
    return missing === undefined;
  });
  const media = graph.media.filter((m) => {
    const missing = [m.from, m.to].find((l) => !at.locationSite.has(l));
    if (missing !== undefined) warnings.push(fillTemplate(wd.missingEnd, { what: 'media', id: m.id, end: missing }));
    return missing === undefined;
  });
  const { text, edges } = draw(graph, { sites: graph.sites, far: new Map(), links, media }, options);
  return { text, edges, warnings: [...limitWarnings(graph, edges, text.length), ...warnings] };
}

/**
 * One diagram per site, for a model too large for one: the site's locations and devices, every link and
 * media transport that touches the site, and their far ends as stub nodes in an "elsewhere" box, grouped
 * by the far end's site. Ids are the same as in the whole diagram (for ids that follow the schema).
 */
export function renderMermaidBySite(graph: DiagramGraph, options: MermaidOptions = {}): MermaidSitePart[] {
  const wd = graph.words.mermaid;
  const at = where(graph);
  return graph.sites.map((site): MermaidSitePart => {
    const here = (siteId: string | undefined): boolean => siteId === site.id;
    const links = graph.links.filter((l) => at.devices.has(l.from) && at.devices.has(l.to)
      && (here(at.deviceSite.get(l.from)) || here(at.deviceSite.get(l.to))));
    const media = graph.media.filter((m) => at.locationSite.has(m.from) && at.locationSite.has(m.to)
      && (here(at.locationSite.get(m.from)) || here(at.locationSite.get(m.to))));
    // The far ends, by their site, in model order.
    const farDevices = new Set<string>();
    for (const l of links) for (const d of [l.from, l.to]) if (!here(at.deviceSite.get(d))) farDevices.add(d);
    const farLocations = new Set<string>();
    for (const m of media) for (const l of [m.from, m.to]) if (!here(at.locationSite.get(l))) farLocations.add(l);
    const farSites = graph.sites.filter((s) => s.id !== site.id
      && s.locations.some((l) => farLocations.has(l.id) || l.devices.some((d) => farDevices.has(d.id))));
    const far = new Map(farSites.map((s) => [s.id, { devices: farDevices, locations: farLocations }]));
    const { text, edges } = draw(graph, { sites: [site, ...farSites], far, links, media }, options);
    const over = edges > GITHUB_MAX_EDGES || text.length > GITHUB_MAX_TEXT;
    return { site: site.id, text, edges, warnings: over ? [fillTemplate(wd.partTooBig, { site: site.label, edges, chars: text.length })] : [] };
  });
}
