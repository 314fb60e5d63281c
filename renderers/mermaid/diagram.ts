// The configuration diagram as a Mermaid flowchart, for GitHub (pull requests, READMEs) and the
// workshop page. Pure text out of the DiagramGraph: no Mermaid import here (mermaid is a test
// dependency that checks what we emit), model order throughout, ids only from model ids, so a change
// in the model is a small diff in the .mmd.
//
// Shape of the output:
//   %% koseizu <hash>
//   flowchart TB                           (LR when asked)
//     classDef ...                         the styles used: nodes, site owners, rooms, media, stubs
//     subgraph site_<id>["<site>［<owner>］"]
//       subgraph loc_<id>["<location>"]
//         dev_<id>(["<device> ×N"])        a shape per kind family
//       end
//     end
//     dev_a ---|"HTTPS / TLS 1.3"| dev_b   links, in model order
//     media_<id>[/"<media>"\]              a media transport is a node between its two rooms:
//     loc_a -.- media_<id> -.-> loc_b      (an edge straight between two boxes is often hidden by them)
//     linkStyle 0,3 stroke:...             one line per link style used
//     class site_x owner-institution
//     class dev_x added                    diff diagrams only: the states (classDef added/removed/changed),
//                                          with the sign (+, −, ~) at the start of the element's label
//
// Every label is written in the quoted form and escaped with Mermaid's entity codes (see MERMAID_ENTITIES in renderers/escape.ts),
// so no label can end a string, open markup, start a comment or a directive, or fence off Markdown.
import {
  DIAGRAM_STATES, STATE_SIGNS, type DiagramDevice, type DiagramGraph, type DiagramLink, type DiagramLocation, type DiagramMedia,
  type DiagramSite, type DiagramState, type LinkStyle,
} from '../../models/diagram.js';
import type { DeviceKind, Org } from '../../models/vocabulary.js';
import { CONTROL_RUN, mermaidText } from '../escape.js';
import { fillTemplate } from '../template.js';

export interface MermaidResult {
  /** The Mermaid source (or, from renderMermaidMarkdown, the Markdown), LF line ends, one trailing newline. */
  readonly text: string;
  /** Edges drawn: one per link, two per media transport (room to carrier node, carrier node to room). */
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

// ---- Escaping ----

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

const STROKES: Readonly<Record<LinkStyle | 'media', string>> = Object.freeze({
  internet: 'stroke:#d62728,stroke-width:3.5px',
  vpn: 'stroke:#1f5fbf,stroke-width:2px,stroke-dasharray:6 4',
  closed: 'stroke:#7b3fa0,stroke-width:2px',
  lan: 'stroke:#7f7f7f,stroke-width:1.5px',
  wireless: 'stroke:#138a8a,stroke-width:2px,stroke-dasharray:2 3',
  cloud: 'stroke:#e8740c,stroke-width:2px',
  media: 'stroke:#333333,stroke-width:2px,stroke-dasharray:8 4',
});

const OWNERS: readonly Org[] = ['institution', 'provider', 'third-party'];

// Every fill is light and every text colour set, so the drawing looks the same in GitHub's dark mode
// (where Mermaid's dark theme would otherwise draw dark nodes). `default` styles every device node.
const NODE_CLASS = 'classDef default fill:#f5f6fc,stroke:#5b6394,stroke-width:1px,color:#1a1a1a';
const OWNER_CLASS: Readonly<Record<Org, string>> = Object.freeze({
  institution: 'classDef owner-institution fill:#eaf2fc,stroke:#3b6fb6,stroke-width:1.5px,color:#1a1a1a',
  provider: 'classDef owner-provider fill:#ebf6e7,stroke:#3f8a3a,stroke-width:1.5px,color:#1a1a1a',
  'third-party': 'classDef owner-third-party fill:#fcf5d9,stroke:#a68a1f,stroke-width:1.5px,color:#1a1a1a',
});
const MEDIA_CLASS = 'classDef media fill:#fafafa,stroke:#333333,stroke-width:1.5px,stroke-dasharray:4 3,color:#1a1a1a';
const LOCATION_CLASS = 'classDef location fill:#ffffff,stroke:#9a9a9a,stroke-width:1px,color:#1a1a1a';
const PUBLIC_CLASS = 'classDef public-area fill:#fffaf7,stroke:#b03a2e,stroke-width:1.5px,stroke-dasharray:5 3,color:#1a1a1a';
const STUB_CLASSES: readonly string[] = [
  'classDef stub fill:#f4f4f4,stroke:#888888,stroke-width:1px,stroke-dasharray:4 3,color:#444444',
  'classDef elsewhere fill:none,stroke:#888888,stroke-width:1px,stroke-dasharray:4 3,color:#444444',
];

// A diff diagram's states: added green, removed faint red dashes, changed amber. Declared after the owners'
// classes, so on a site both apply to, the state's outline wins.
const STATE_CLASS: Readonly<Record<DiagramState, string>> = Object.freeze({
  added: 'classDef added fill:#e8f7e9,stroke:#2e9d3a,stroke-width:2.5px,color:#1a1a1a',
  removed: 'classDef removed fill:#fdecec,stroke:#d62728,stroke-width:2px,stroke-dasharray:5 3,color:#6b6b6b,opacity:0.6',
  changed: 'classDef changed fill:#fff4dc,stroke:#d98e04,stroke-width:2.5px,color:#1a1a1a',
});
const STATE_STROKES: Readonly<Record<DiagramState, string>> = Object.freeze({
  added: 'stroke:#2e9d3a,stroke-width:3.5px',
  removed: 'stroke:#d62728,stroke-width:2px,stroke-dasharray:3 3,opacity:0.5',
  changed: 'stroke:#d98e04,stroke-width:3.5px',
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

// ---- Building blocks ----

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

/** A site's box title: its caption, with the sign of its state in a diff diagram. */
export function siteTitle(site: DiagramSite): string {
  return signed(site.caption, site.state);
}

function deviceLabel(device: DiagramDevice): string {
  const label = device.label.replace(CONTROL_RUN, ' ').trim() || device.id;
  return signed(device.count > 1 ? `${label} ×${device.count}` : label, device.state);
}

function deviceNode(ids: Ids, device: DiagramDevice): string {
  const [open, close] = SHAPES[device.kind] ?? ['[', ']'];
  return `${ids.get('dev', device.id)}${open}"${mermaidText(deviceLabel(device), device.id)}"${close}`;
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

function writeSite(w: Writer, ids: Ids, graph: DiagramGraph, site: DiagramSite): void {
  w.open(`subgraph ${ids.get('site', site.id)}["${mermaidText(siteTitle(site), site.id)}"]`);
  for (const location of site.locations) {
    w.open(`subgraph ${ids.get('loc', location.id)}["${mermaidText(signed(location.label, location.state), location.id)}"]`);
    for (const device of location.devices) w.line(deviceNode(ids, device));
    w.close();
  }
  w.close();
}

/** The edges, their linkStyle lines: links first (model order), then media. */
interface Edges {
  /** The media transports' nodes, written before the edges, and their ids. */
  readonly nodes: string[];
  readonly mediaIds: string[];
  readonly lines: string[];
  readonly styles: Map<LinkStyle | 'media', number[]>;
  /** Edges of a diff diagram's added, removed and changed elements: styled by their state instead. */
  readonly states: Map<DiagramState, number[]>;
  count: number;
}

function newEdges(): Edges {
  return { nodes: [], mediaIds: [], lines: [], styles: new Map(), states: new Map(), count: 0 };
}

function addLink(edges: Edges, ids: Ids, link: DiagramLink): void {
  const label = signed(link.label === null ? '' : link.label.replace(CONTROL_RUN, ' ').trim(), link.state).trim();
  const from = ids.get('dev', link.from);
  const to = ids.get('dev', link.to);
  edges.lines.push(label ? `${from} ---|"${mermaidText(label)}"| ${to}` : `${from} --- ${to}`);
  const style: LinkStyle = LINK_STYLES.includes(link.style) ? link.style : 'lan';
  pushIndex(edges, style, link.state);
}

function addMedia(edges: Edges, ids: Ids, media: DiagramMedia): void {
  const node = ids.get('media', media.id);
  edges.nodes.push(`${node}[/"${mermaidText(signed(media.label, media.state), media.id)}"\\]`);
  edges.mediaIds.push(node);
  edges.lines.push(`${ids.get('loc', media.from)} -.- ${node} -.-> ${ids.get('loc', media.to)}`);
  pushIndex(edges, 'media', media.state);
  pushIndex(edges, 'media', media.state);
}

function pushIndex(edges: Edges, style: LinkStyle | 'media', state?: DiagramState): void {
  const map: Map<LinkStyle | 'media' | DiagramState, number[]> = state ? edges.states : edges.styles;
  const key = state ?? style;
  const list = map.get(key) ?? [];
  list.push(edges.count++);
  map.set(key, list);
}

function writeEdges(w: Writer, edges: Edges): void {
  for (const node of edges.nodes) w.line(node);
  for (const line of edges.lines) w.line(line);
  for (const style of [...LINK_STYLES, 'media'] as const) {
    const indexes = edges.styles.get(style);
    if (indexes && indexes.length > 0) w.line(`linkStyle ${indexes.join(',')} ${STROKES[style]}`);
  }
  for (const state of DIAGRAM_STATES) {
    const indexes = edges.states.get(state);
    if (indexes && indexes.length > 0) w.line(`linkStyle ${indexes.join(',')} ${STATE_STROKES[state]}`);
  }
  if (edges.mediaIds.length > 0) w.line(`class ${edges.mediaIds.join(',')} media`);
}

function writeOwnerClasses(w: Writer, ids: Ids, sites: readonly DiagramSite[]): void {
  for (const owner of OWNERS) {
    const of = sites.filter((s) => s.owner === owner).map((s) => ids.get('site', s.id));
    if (of.length > 0) w.line(`class ${of.join(',')} owner-${owner}`);
  }
}

// After the edges: an edge to a subgraph also makes a vertex of its id, and Mermaid draws the box with
// that vertex's classes, so the class has to reach the vertex as well as the subgraph.
function writeLocationClasses(w: Writer, ids: Ids, locations: readonly DiagramLocation[]): void {
  if (locations.length > 0) w.line(`class ${locations.map((l) => ids.get('loc', l.id)).join(',')} location`);
  const open = locations.filter((l) => l.public);
  if (open.length > 0) w.line(`class ${open.map((l) => ids.get('loc', l.id)).join(',')} public-area`);
}

/** `class <ids> added` and so on, for the elements written that have a state (media nodes included). */
function writeStateClasses(w: Writer, ids: Ids, elements: readonly { readonly kind: 'site' | 'loc' | 'dev' | 'media'; readonly id: string; readonly state?: DiagramState | undefined }[]): void {
  for (const state of DIAGRAM_STATES) {
    const of = elements.filter((e) => e.state === state).map((e) => ids.get(e.kind, e.id));
    if (of.length > 0) w.line(`class ${[...new Set(of)].join(',')} ${state}`);
  }
}

type Stated = { readonly kind: 'site' | 'loc' | 'dev' | 'media'; readonly id: string; readonly state?: DiagramState | undefined };
const stated = (kind: Stated['kind']) => (e: { readonly id: string; readonly state?: DiagramState | undefined }): Stated => ({ kind, id: e.id, state: e.state });

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

  const ids = new Ids();
  const w = new Writer();
  const locations = graph.sites.flatMap((s) => s.locations);
  header(w, graph, options, { sites: graph.sites, locations, media: media.length > 0, stubs: false, states: statesUsed(graph) });
  for (const site of graph.sites) writeSite(w, ids, graph, site);
  const edges = newEdges();
  for (const link of links) addLink(edges, ids, link);
  for (const m of media) addMedia(edges, ids, m);
  writeEdges(w, edges);
  writeOwnerClasses(w, ids, graph.sites);
  writeLocationClasses(w, ids, locations);
  writeStateClasses(w, ids, [
    ...graph.sites.map(stated('site')), ...locations.map(stated('loc')),
    ...locations.flatMap((l) => l.devices.map(stated('dev'))), ...media.map(stated('media')),
  ]);

  const text = w.text();
  return { text, edges: edges.count, warnings: [...limitWarnings(graph, edges.count, text.length), ...warnings] };
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

    const ids = new Ids();
    const w = new Writer();
    header(w, graph, options, { sites: [site, ...farSites], locations: site.locations, media: media.length > 0, stubs: farSites.length > 0, states: statesUsed(graph) });
    writeSite(w, ids, graph, site);
    if (farSites.length > 0) {
      w.open(`subgraph elsewhere["${mermaidText(wd.elsewhere)}"]`);
      for (const far of farSites) {
        w.open(`subgraph ${ids.get('site', far.id)}["${mermaidText(siteTitle(far), far.id)}"]`);
        for (const location of far.locations) {
          if (farLocations.has(location.id)) w.line(`${ids.get('loc', location.id)}["${mermaidText(signed(location.label, location.state), location.id)}"]`);
          for (const device of location.devices) if (farDevices.has(device.id)) w.line(deviceNode(ids, device));
        }
        w.close();
      }
      w.close();
    }

    const edges = newEdges();
    for (const l of links) addLink(edges, ids, l);
    for (const m of media) addMedia(edges, ids, m);
    writeEdges(w, edges);
    writeOwnerClasses(w, ids, [site, ...farSites]);
    writeLocationClasses(w, ids, site.locations);
    const stubs = [
      ...farSites.flatMap((s) => s.locations.filter((l) => farLocations.has(l.id)).map((l) => ids.get('loc', l.id))),
      ...farSites.flatMap((s) => s.locations.flatMap((l) => l.devices.filter((d) => farDevices.has(d.id)).map((d) => ids.get('dev', d.id)))),
    ];
    if (stubs.length > 0) w.line(`class ${stubs.join(',')} stub`);
    if (farSites.length > 0) w.line('class elsewhere elsewhere');
    writeStateClasses(w, ids, [
      stated('site')(site), ...site.locations.map(stated('loc')), ...site.locations.flatMap((l) => l.devices.map(stated('dev'))),
      ...farSites.flatMap((s) => s.locations.filter((l) => farLocations.has(l.id)).map(stated('loc'))),
      ...farSites.flatMap((s) => s.locations.flatMap((l) => l.devices.filter((d) => farDevices.has(d.id)).map(stated('dev')))),
      ...media.map(stated('media')),
    ]);

    const text = w.text();
    const over = edges.count > GITHUB_MAX_EDGES || text.length > GITHUB_MAX_TEXT;
    return { site: site.id, text, edges: edges.count, warnings: over ? [fillTemplate(wd.partTooBig, { site: site.label, edges: edges.count, chars: text.length })] : [] };
  });
}
