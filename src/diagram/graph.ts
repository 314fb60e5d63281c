// The configuration diagram's view model: which sites, locations, devices, links and media a diagram
// shows, in the output language, in model order. Pure: Model in, DiagramGraph out.
import {
  LINK_STYLE_OF, type DiagramDevice, type DiagramGraph, type DiagramLink, type DiagramLocation, type DiagramMedia,
  type DiagramSite, type LegendEntry, type LinkStyle,
} from '../../models/diagram.js';
import type { Model } from '../../models/model.js';
import { DEVICE_KINDS, MEDIA_KINDS, ORGS, PHASES, type Lang, type Org, type Phase } from '../../models/vocabulary.js';

export interface DiagramOptions {
  readonly lang: Lang;
  /** Show only what this phase uses: its flows' devices (and devices no flow uses), its media. */
  readonly phase?: Phase | undefined;
}

const LINK_STYLE_ORDER: readonly LinkStyle[] = ['internet', 'vpn', 'closed', 'lan', 'wireless', 'cloud'];
const OWNER_ORDER: readonly Org[] = ['institution', 'provider', 'third-party'];

const WORDS = {
  ja: {
    subtitle: '全体構成図',
    phase: (p: string) => `${p}フェーズ`,
    legend: '凡例',
    hash: 'モデルのハッシュ',
    encrypted: '暗号化あり',
    plain: '暗号化なし',
    style: { internet: 'インターネット', vpn: 'VPN', closed: '閉域網・専用線', lan: 'LAN', wireless: '無線LAN', cloud: 'クラウド内部ネットワーク' },
    media: '記憶媒体の搬送',
    public: '不特定多数が立ち入る場所',
    owner: (o: string) => `${o}の拠点`,
    medium: (label: string, kind: string) => `${label}（${kind}）`,
    caption: (site: string, owner: string) => `${site}［${owner}］`,
    mermaid: {
      elsewhere: '外部（他の拠点）',
      split: 'GitHub が一つの図として描画できる大きさを超えるため、拠点ごとの図に分けました。',
      tooManyEdges: 'Mermaid の図の線が {n} 本あり、GitHub が描画できる {max} 本を超えています。拠点ごとの図に分けてください。',
      tooLong: 'Mermaid の図が {n} 文字あり、GitHub が描画できる {max} 文字を超えています。拠点ごとの図に分けてください。',
      partTooBig: '拠点「{site}」の Mermaid の図（線 {edges} 本、{chars} 文字）も GitHub の上限を超えています。',
      missingEnd: '{what} "{id}" の端 "{end}" が図にないため、Mermaid の図から省きました。',
      stroke: {
        'link:internet': '赤の太線', 'link:vpn': '青の破線', 'link:closed': '紫の線', 'link:lan': '灰色の線',
        'link:wireless': '青緑の点線', 'link:cloud': 'オレンジの線', media: '破線の台形と矢印', public: '赤茶の破線の枠',
        'owner:institution': '青の枠', 'owner:provider': '緑の枠', 'owner:third-party': '黄色の枠',
        'state:added': '緑の太枠・太線（+）', 'state:removed': '薄い赤の破線（−）', 'state:changed': '琥珀色の太枠・太線（~）',
      },
    },
  },
  en: {
    subtitle: 'Configuration diagram',
    phase: (p: string) => `${p} phase`,
    legend: 'Legend',
    hash: 'model hash',
    encrypted: 'encrypted',
    plain: 'not encrypted',
    style: { internet: 'Internet', vpn: 'VPN', closed: 'Closed network / leased line', lan: 'LAN', wireless: 'Wireless LAN', cloud: 'Cloud-internal network' },
    media: 'Media transport',
    public: 'Area open to the public',
    owner: (o: string) => `${o.charAt(0).toUpperCase()}${o.slice(1)} site`,
    medium: (label: string, kind: string) => `${label} (${kind})`,
    caption: (site: string, owner: string) => `${site} (${owner})`,
    mermaid: {
      elsewhere: 'Elsewhere (other sites)',
      split: 'Too large for GitHub to render as one diagram: drawn as one diagram per site.',
      tooManyEdges: 'The Mermaid diagram has {n} edges, more than the {max} GitHub renders: split it per site.',
      tooLong: 'The Mermaid diagram is {n} characters long, more than the {max} GitHub renders: split it per site.',
      partTooBig: 'The Mermaid diagram of site "{site}" ({edges} edges, {chars} characters) is over GitHub\'s limits too.',
      missingEnd: '{what} "{id}" left out of the Mermaid diagram: its end "{end}" is not in the diagram.',
      stroke: {
        'link:internet': 'thick red', 'link:vpn': 'dashed blue', 'link:closed': 'purple', 'link:lan': 'grey',
        'link:wireless': 'dotted teal', 'link:cloud': 'orange', media: 'dashed trapezoid and arrow', public: 'dashed red-brown box',
        'owner:institution': 'blue box', 'owner:provider': 'green box', 'owner:third-party': 'yellow box',
        'state:added': 'thick green (+)', 'state:removed': 'faint dashed red (−)', 'state:changed': 'thick amber (~)',
      },
    },
  },
} as const;

/** Protocols as people write them; others are upper-cased (dicom -> DICOM). */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { syslog: 'syslog', 'syslog-tls': 'syslog over TLS', https: 'HTTPS', http: 'HTTP', ipp: 'IPP', ipps: 'IPPS' };

function protocolName(protocol: string): string {
  return PROTOCOL_NAMES[protocol] ?? protocol.toUpperCase();
}

/** The words a diagram prints around its labels, in `lang`. */
export function diagramWords(lang: Lang): DiagramGraph['words'] {
  const w = WORDS[lang];
  return { legend: w.legend, media: w.media, hash: w.hash, mermaid: w.mermaid };
}

export function diagramGraph(model: Model, options: DiagramOptions): DiagramGraph {
  const { lang, phase } = options;
  const w = WORDS[lang];

  // Devices a phase shows: those on its flows, and those on no flow at all (infrastructure).
  const visibleDevice = (() => {
    if (!phase) return (_id: string): boolean => true;
    const onPhase = new Set<string>();
    const onAny = new Set<string>();
    for (const flow of model.flows) {
      for (const id of [flow.which, ...flow.path]) {
        onAny.add(id);
        if (flow.phase === phase) onPhase.add(id);
      }
    }
    return (id: string): boolean => onPhase.has(id) || !onAny.has(id);
  })();

  const actorLabel = new Map(model.actors.map((a) => [a.id, a.label]));
  const media: DiagramMedia[] = model.media
    .filter((m) => !phase || m.phases.includes(phase))
    .map((m) => ({
      id: m.id,
      from: m.from,
      to: m.to,
      kind: m.kind,
      encrypted: m.encrypted,
      label: [
        w.medium(m.label, MEDIA_KINDS[m.kind][lang]),
        actorLabel.get(m.carrier) ?? m.carrier,
        m.encrypted ? w.encrypted : w.plain,
      ].join(' / '),
    }));
  const mediaEnds = new Set(media.flatMap((m) => [m.from, m.to]));

  const devicesAt = new Map<string, DiagramDevice[]>();
  for (const d of model.devices) {
    if (!visibleDevice(d.id)) continue;
    const list = devicesAt.get(d.at) ?? [];
    list.push({ id: d.id, label: d.label, kind: d.kind, kindLabel: DEVICE_KINDS[d.kind][lang], count: d.count });
    devicesAt.set(d.at, list);
  }
  const shown = new Set<string>();
  for (const list of devicesAt.values()) for (const d of list) shown.add(d.id);

  const locationsIn = new Map<string, DiagramLocation[]>();
  for (const l of model.locations) {
    const devices = devicesAt.get(l.id) ?? [];
    // A phase view leaves out rooms with nothing of that phase in them.
    if (phase && devices.length === 0 && !mediaEnds.has(l.id)) continue;
    const list = locationsIn.get(l.site) ?? [];
    list.push({ id: l.id, label: l.label, public: l.public, devices });
    locationsIn.set(l.site, list);
  }
  const sites: DiagramSite[] = model.sites
    .filter((s) => !phase || (locationsIn.get(s.id)?.length ?? 0) > 0)
    .map((s) => ({
      id: s.id, label: s.label, owner: s.owner, ownerLabel: ORGS[s.owner][lang], caption: w.caption(s.label, ORGS[s.owner][lang]),
      locations: locationsIn.get(s.id) ?? [],
    }));

  const networkById = new Map(model.networks.map((n) => [n.id, n]));
  const links: DiagramLink[] = model.links
    .filter((l) => shown.has(l.from) && shown.has(l.to))
    .map((l) => {
      const network = networkById.get(l.network);
      const facts = [l.protocol ? protocolName(l.protocol) : undefined, l.tls ? `TLS ${l.tls}` : undefined].filter((x): x is string => Boolean(x));
      const style: LinkStyle = network ? LINK_STYLE_OF[network.kind] : 'lan';
      // With nothing else to say, a link over anything but a LAN shows its network ("医療機関-DC間 IPsec-VPN");
      // on a LAN that would repeat the same name on every link.
      const fallback = style !== 'lan' && network ? network.label : null;
      return {
        id: l.id,
        from: l.from,
        to: l.to,
        style,
        network: l.network,
        networkLabel: network?.label ?? l.network,
        label: l.label ?? (facts.length > 0 ? facts.join(' / ') : fallback),
      };
    });

  const usedStyles = new Set(links.map((l) => l.style));
  const usedOwners = new Set(sites.map((s) => s.owner));
  const legend: LegendEntry[] = [
    ...LINK_STYLE_ORDER.filter((s) => usedStyles.has(s)).map((s): LegendEntry => ({ key: `link:${s}`, label: w.style[s] })),
    ...(media.length > 0 ? [{ key: 'media', label: w.media } as const] : []),
    ...(sites.some((s) => s.locations.some((l) => l.public)) ? [{ key: 'public', label: w.public } as const] : []),
    ...OWNER_ORDER.filter((o) => usedOwners.has(o)).map((o): LegendEntry => ({ key: `owner:${o}`, label: w.owner(ORGS[o][lang]) })),
  ];

  return {
    lang,
    title: model.system.title,
    subtitle: phase ? `${w.subtitle} — ${w.phase(PHASES[phase][lang])}` : w.subtitle,
    hash: model.contentHash.slice(0, 12),
    phase: phase ?? null,
    sites,
    links,
    media,
    legend,
    words: diagramWords(lang),
  };
}
