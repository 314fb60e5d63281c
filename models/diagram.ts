// The configuration diagram (全体構成図) as renderers see it: a view model built from the Model
// (src/diagram/graph.ts), with every word already in the output language, and the layout of it
// (src/diagram/). Renderers (SVG, PNG, Mermaid) read these two and nothing else.
import type { DeviceKind, Lang, MediaKind, NetworkKind, Org, Phase } from './vocabulary.js';

/** How a link is drawn, by the kind of its network. */
export type LinkStyle = 'internet' | 'vpn' | 'closed' | 'lan' | 'wireless' | 'cloud';

export const LINK_STYLE_OF: Readonly<Record<NetworkKind, LinkStyle>> = Object.freeze({
  internet: 'internet',
  'ipsec-vpn': 'vpn',
  'ssl-vpn-client': 'vpn',
  'ssl-vpn-clientless': 'vpn',
  'closed-network': 'closed',
  'leased-line': 'closed',
  'direct-connect': 'closed',
  lan: 'lan',
  'wireless-lan': 'wireless',
  'cloud-internal': 'cloud',
  'private-link': 'cloud',
  'vpc-peering': 'cloud',
});

/**
 * How an element differs from the older version, in a diff diagram (src/diff/graph.ts): drawn green
 * (added), ghosted red (removed) or amber (changed). Absent in every other diagram.
 */
export type DiagramState = 'added' | 'removed' | 'changed';

export const DIAGRAM_STATES: readonly DiagramState[] = ['added', 'removed', 'changed'];

/** The sign printed beside an element in each state, so the states read without colour. */
export const STATE_SIGNS: Readonly<Record<DiagramState, string>> = Object.freeze({ added: '+', removed: '\u2212', changed: '~' });

export interface DiagramDevice {
  readonly id: string;
  readonly label: string;
  readonly kind: DeviceKind;
  /** The kind in words ("サーバ"), for titles and tooltips. */
  readonly kindLabel: string;
  /** A group of identical devices is one node with a "×N" badge. */
  readonly count: number;
  /** Diff diagrams only. */
  readonly state?: DiagramState;
}

export interface DiagramLocation {
  readonly id: string;
  readonly label: string;
  readonly public: boolean;
  readonly devices: readonly DiagramDevice[];
  /** Diff diagrams only. */
  readonly state?: DiagramState;
}

export interface DiagramSite {
  readonly id: string;
  readonly label: string;
  readonly owner: Org;
  /** "医療機関等" / "provider" ...: shown on the site's box. */
  readonly ownerLabel: string;
  /** The site with its owner on one line, where a box has no room for two: "医療機関［医療機関等］". */
  readonly caption: string;
  readonly locations: readonly DiagramLocation[];
  /** Diff diagrams only. */
  readonly state?: DiagramState;
}

export interface DiagramLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly style: LinkStyle;
  readonly network: string;
  readonly networkLabel: string;
  /** Protocol and TLS ("HTTPS / TLS 1.3"), the link's own label, or null when there is nothing to say. */
  readonly label: string | null;
  /** Diff diagrams only. */
  readonly state?: DiagramState;
}

export interface DiagramMedia {
  readonly id: string;
  /** Location ids. */
  readonly from: string;
  readonly to: string;
  readonly kind: MediaKind;
  readonly encrypted: boolean;
  /** "バックアップテープ（テープ）/ 委託運送業者 / 暗号化あり". */
  readonly label: string;
  /** Diff diagrams only. */
  readonly state?: DiagramState;
}

export type LegendKey = `link:${LinkStyle}` | 'media' | 'public' | `owner:${Org}` | `state:${DiagramState}`;

export interface LegendEntry {
  readonly key: LegendKey;
  readonly label: string;
}

export interface DiagramGraph {
  readonly lang: Lang;
  readonly title: string;
  /** "全体構成図 — 運用フェーズ" and the like. */
  readonly subtitle: string;
  /** The first 12 hex digits of the model's content hash, printed in the title block. */
  readonly hash: string;
  readonly phase: Phase | null;
  readonly sites: readonly DiagramSite[];
  readonly links: readonly DiagramLink[];
  readonly media: readonly DiagramMedia[];
  /** Every style the diagram uses, in a fixed order. */
  readonly legend: readonly LegendEntry[];
  /** Words the renderers print around the drawing ("凡例", "モデルのハッシュ"). */
  readonly words: DiagramWords;
}

export interface DiagramWords {
  readonly legend: string;
  /** Heading of the list of media transport labels. */
  readonly media: string;
  readonly hash: string;
  /** What the Mermaid renderer says besides the labels: templates, their {placeholders} filled by it. */
  readonly mermaid: {
    /** The box of far ends in a per-site diagram. */
    readonly elsewhere: string;
    /** The note above per-site diagrams. */
    readonly split: string;
    /** {n} edges or characters, {max} GitHub's limit. */
    readonly tooManyEdges: string;
    readonly tooLong: string;
    /** {site}, {edges}, {chars}. */
    readonly partTooBig: string;
    /** {what} (link, media), {id}, {end}. */
    readonly missingEnd: string;
    /** How each legend entry looks in Mermaid's colours. */
    readonly stroke: Readonly<Record<LegendKey, string>>;
  };
}

// ---- Layout results: absolute coordinates, top-left origin, in SVG user units (px) ----

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label broken into lines that fit, with its measured size. */
export interface TextBlock {
  readonly lines: readonly string[];
  readonly width: number;
  readonly height: number;
}

export interface LaidOutContainer extends Box {
  readonly id: string;
  readonly kind: 'site' | 'location';
  readonly label: TextBlock;
}

export interface LaidOutDevice extends Box {
  readonly id: string;
  readonly label: TextBlock;
}

export interface LaidOutEdge {
  readonly id: string;
  readonly kind: 'link' | 'media';
  /** The polyline from source to target (orthogonal segments). */
  readonly points: readonly Point[];
  /** Where the label's box sits, when the edge has a label drawn beside it. */
  readonly label: (Box & { readonly text: TextBlock }) | null;
  /** A numbered marker on the edge, when its label did not fit there and is listed under the drawing. */
  readonly callout: (Point & { readonly n: number }) | null;
}

/** A label listed under the drawing, keyed by the number of the marker on its edge. */
export interface LaidOutCaption extends Point {
  readonly n: number;
  readonly text: TextBlock;
}

export interface LaidOutLegendEntry extends Box {
  readonly key: LegendKey;
  readonly label: string;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly containers: readonly LaidOutContainer[];
  readonly devices: readonly LaidOutDevice[];
  readonly edges: readonly LaidOutEdge[];
  /** The title block (title, subtitle, hash lines), below the drawing. */
  readonly titleBlock: Box;
  /** The legend's entries, each a swatch and a label, beside or below the title block. */
  readonly legend: readonly LaidOutLegendEntry[];
  /** The legend's frame, enclosing its heading and entries. */
  readonly legendBox: Box;
  /** Media transports whose labels are listed under the drawing, and the frame around the list. */
  readonly captions: readonly LaidOutCaption[];
  readonly captionBox: Box | null;
  /** True when the fast settings were used (a large model). */
  readonly fast: boolean;
  /** Link labels left out for want of room (large models only; each link's tooltip still has it). */
  readonly omittedLabels: number;
}

/** A diagram as drawn: its view model and where the layout put everything. */
export interface DiagramDrawing {
  readonly graph: DiagramGraph;
  readonly layout: DiagramLayout;
}

// ---- Geometry shared by the layout (which sizes boxes) and the renderers (which draw inside them) ----

export const DIAGRAM_FONT_FAMILY = 'Noto Sans JP';

/** Font sizes, line heights and paddings of the diagram, in px. */
export const METRICS = Object.freeze({
  /** `icon`: the box each device's icon is drawn in (renderers/svg/icons.ts draws for exactly this size). */
  device: { fontSize: 12, lineHeight: 16, maxTextWidth: 148, minWidth: 96, padX: 10, padTop: 8, icon: 32, iconGap: 6, padBottom: 8 },
  location: { fontSize: 12, lineHeight: 16, maxTextWidth: 220, padX: 12, padTop: 8, gap: 8, padBottom: 12 },
  site: { fontSize: 14, lineHeight: 19, ownerFontSize: 11, ownerLineHeight: 15, maxTextWidth: 280, padX: 14, padTop: 10, gap: 10, padBottom: 14 },
  edgeLabel: { fontSize: 10.5, lineHeight: 13, maxTextWidth: 130, pad: 3 },
  mediaLabel: { fontSize: 11, lineHeight: 14, maxTextWidth: 200, pad: 3 },
  footer: { titleSize: 18, titleLine: 24, subtitleSize: 12.5, subtitleLine: 18, legendSize: 12, legendLine: 22, margin: 24, legendSwatch: 36, gap: 32, pad: 10, captionWidth: 360 },
  callout: { radius: 9, fontSize: 11 },
  badge: { fontSize: 11, height: 18, padX: 6 },
  margin: 24,
});

/** Which way the layers run: top to bottom suits documents and pull requests, left to right suits slides. */
export type DiagramDirection = 'down' | 'right';

/** Measures text in the diagram's font: the real font's advance widths, so Japanese labels fit. */
export interface TextMeasurer {
  width(text: string, fontSize: number, bold?: boolean): number;
}
