// The diff diagram: one configuration diagram of the union of two versions of a model, so what did not
// change stays in place, with every site, location, device, link and media transport that was added,
// removed or changed marked with its state (src/diff/diff.ts says which). Pure up to the layout:
// Models in, DiagramGraph out, laid out and drawn like any other diagram.
import { DIAGRAM_STATES, STATE_SIGNS, type DiagramGraph, type DiagramState, type LegendEntry } from '../../models/diagram.js';
import type { ElementChange } from '../../models/diff.js';
import type { ElementKind, Model } from '../../models/model.js';
import type { Lang } from '../../models/vocabulary.js';
import { diagramGraph, type DiagramOptions } from '../diagram/graph.js';
import { elementChanges, elementStates } from './diff.js';

export interface DiffDiagramRequest extends DiagramOptions {
  /** How the two versions are named in the title ("main:model.yaml", a file); their hashes by default. */
  readonly labels?: { readonly old: string; readonly new: string } | undefined;
}

const WORDS: Readonly<Record<Lang, { title: (a: string, b: string) => string; states: Readonly<Record<DiagramState, string>> }>> = {
  ja: { title: (a, b) => `差分: ${a} → ${b}`, states: { added: '追加', removed: '削除', changed: '変更' } },
  en: { title: (a, b) => `Diff: ${a} → ${b}`, states: { added: 'Added', removed: 'Removed', changed: 'Changed' } },
};

type Section = 'sites' | 'locations' | 'actors' | 'devices' | 'networks' | 'links' | 'media' | 'flows';

/**
 * Every element of both versions once, in the old version's order, so the diagram draws what was there
 * where it was (the Mermaid diagram puts sites top to bottom in this order). An element only the new
 * version has goes after the element before it there (the nearest one that the old version has too, or
 * first when none is); an element in both is the new version's.
 */
function merged<T extends { readonly id: string }>(old: readonly T[], next: readonly T[]): T[] {
  const now = new Map(next.map((e) => [e.id, e]));
  const out = old.map((e) => now.get(e.id) ?? e);
  const present = new Set(old.map((e) => e.id));
  let previous: string | null = null;
  for (const e of next) {
    if (!present.has(e.id)) {
      const at = previous === null ? -1 : out.findIndex((x) => x.id === previous);
      out.splice(at + 1, 0, e);
      present.add(e.id);
    }
    previous = e.id;
  }
  return out;
}

/**
 * Both versions in one Model: the new one's elements, plus what the old one had and the new one has not,
 * in the old version's order (see merged). A removed device brings back its location and site when those
 * went too; removed links and media join ends that exist in the union, since every removed end is in it.
 */
export function unionModel(old: Model, next: Model): Model {
  const sections: readonly Section[] = ['sites', 'locations', 'actors', 'devices', 'networks', 'links', 'media', 'flows'];
  const union: Record<string, unknown> = { ...next };
  for (const s of sections) union[s] = merged<{ id: string }>(old[s], next[s]);
  return union as unknown as Model;
}

/** Element id -> state, per kind (ids are unique within a kind). */
function statesByKind(changes: readonly ElementChange[]): (kind: ElementKind, id: string) => DiagramState | undefined {
  const byKind = new Map<ElementKind, Map<string, DiagramState>>();
  for (const kind of new Set(changes.map((c) => c.kind))) byKind.set(kind, elementStates(changes.filter((c) => c.kind === kind)));
  return (kind, id) => byKind.get(kind)?.get(id);
}

/** `{ state }` when there is one: absent, not undefined, otherwise. */
const withState = (state: DiagramState | undefined): { state?: DiagramState } => (state ? { state } : {});

/**
 * The diagram of the union of `old` and `next`, each element marked added, removed or changed. A device
 * that moved is changed and drawn where it is now; a link over a network that changed is changed too.
 */
export function diffGraph(old: Model, next: Model, request: DiffDiagramRequest): DiagramGraph {
  const changes = elementChanges(old, next);
  const state = statesByKind(changes);
  const base = diagramGraph(unionModel(old, next), request);
  const w = WORDS[request.lang];

  const sites = base.sites.map((site) => ({
    ...site,
    ...withState(state('site', site.id)),
    locations: site.locations.map((location) => ({
      ...location,
      ...withState(state('location', location.id)),
      devices: location.devices.map((device) => ({ ...device, ...withState(state('device', device.id)) })),
    })),
  }));
  const networkChanged = new Set(changes.filter((c) => c.kind === 'network' && c.state !== 'removed').map((c) => c.id));
  const links = base.links.map((link) => ({
    ...link,
    ...withState(state('link', link.id) ?? (networkChanged.has(link.network) ? 'changed' : undefined)),
  }));
  const media = base.media.map((m) => ({ ...m, ...withState(state('media', m.id)) }));

  const used = new Set<DiagramState>([
    ...sites.flatMap((s) => [s.state, ...s.locations.flatMap((l) => [l.state, ...l.devices.map((d) => d.state)])]),
    ...links.map((l) => l.state),
    ...media.map((m) => m.state),
  ].filter((s): s is DiagramState => s !== undefined));
  const legend: LegendEntry[] = [
    ...DIAGRAM_STATES.filter((s) => used.has(s)).map((s): LegendEntry => ({ key: `state:${s}`, label: `${STATE_SIGNS[s]} ${w.states[s]}` })),
    ...base.legend,
  ];

  const hashes = { old: old.contentHash.slice(0, 12), new: next.contentHash.slice(0, 12) };
  const labels = request.labels ?? hashes;
  return {
    ...base,
    title: w.title(labels.old, labels.new),
    subtitle: `${next.system.title} — ${base.subtitle}`,
    hash: `${hashes.old} → ${hashes.new}`,
    sites,
    links,
    media,
    legend,
  };
}
