// Who must act on a risk (対応主体, the guideline's role split, 4.2): the organisations that run what the
// risk is about. A risk about a device is its operator's; about a hop, its two ends' and its network's
// carrier; about an input, the device used and the one that takes it; about a site or a room, the site's.
// The provider and the institution together are "both"; a third party is named. A person's own device
// is answered for by the institution (a staff member's, under its rules for personal devices) or by both
// (a patient's: the provider keeps the app's footprint small, the institution explains the risk). A risk of
// the application itself (a rule's concern) is its supplier's as well, on a device someone else runs. Pure.
import type { Model } from '../../models/model.js';
import type { Answerer, Responsibility } from '../../models/risk.js';
import type { Finding } from '../../models/rule.js';
import type { Segment } from '../../models/segment.js';
import { organisationKind } from './organisations.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Basis = Responsibility['basis'][number];

/** The elements a segment's risk is about, by its kind: what its operators answer for. */
function subjects(segment: Segment): string[] {
  const devices = segment.devices.map((d) => d.device.id);
  switch (segment.kind) {
    case 'storage':
    case 'logging':
      return devices.slice(-1);
    case 'transfer':
      return segment.hop ? [segment.hop.from.device.id, segment.hop.to.device.id, segment.hop.network.id] : devices;
    case 'media':
      return segment.media ? [segment.media.id] : [];
    case 'disposal':
      return segment.media ? [segment.media.id] : devices;
    default:
      return devices;
  }
}

/** The organisations that run an element: a device's or a site's operator, a room's site's, a network's carrier, a medium's carrier and sender. */
function operatorsOf(id: string, model: Model): Basis[] {
  const device = model.devices.find((d) => d.id === id);
  if (device) return [{ element: id, operator: device.organisation, role: 'runs' }];
  const site = model.sites.find((s) => s.id === id) ?? model.sites.find((s) => s.id === model.locations.find((l) => l.id === id)?.site);
  if (site) return [{ element: id, operator: site.organisation, role: 'runs' }];
  const network = model.networks.find((n) => n.id === id);
  if (network) {
    if (network.organisation !== null) return [{ element: id, operator: network.organisation, role: 'runs' }];
    // Run by nobody in particular: those at its links' ends answer for it.
    const ends = new Set(model.links.filter((l) => l.network === id).flatMap((l) => l.ends));
    return [...ends].map((operator): Basis => ({ element: id, operator, role: 'runs' }));
  }
  const link = model.links.find((l) => l.id === id);
  if (link) return link.ends.map((operator): Basis => ({ element: id, operator, role: 'runs' }));
  const media = model.media.find((m) => m.id === id);
  if (media) {
    const carrier = model.actors.find((a) => a.id === media.carrier);
    const from = model.sites.find((s) => s.id === model.locations.find((l) => l.id === media.from)?.site);
    const carried = carrier ? carrier.party ?? (carrier.org === 'public' ? null : carrier.org) : null;
    return [...(from ? [{ element: id, operator: from.organisation, role: 'runs' } as const] : []), ...(carried ? [{ element: id, operator: carried, role: 'runs' } as const] : [])];
  }
  return [];
}

/** The one party of a kind when the model names exactly one, else the word itself. */
function named(word: 'institution' | 'provider', model: Model): string {
  const of = model.parties.filter((p) => p.kind === word);
  return of.length === 1 ? (of[0] as { id: string }).id : word;
}

/**
 * Who must act on a risk made of `merged` findings and their segments. A finding's `by` names the
 * elements outright; its `at`, when it names a site, room, network, link or medium, is the risk's subject;
 * otherwise the segment's kind says (subjects).
 */
export function responsibilityOf(merged: readonly { readonly finding: Finding; readonly segment: Segment }[], model: Model, concern?: 'application'): Responsibility {
  const elements = new Set<string>();
  for (const { finding, segment } of merged) {
    const at = finding.at;
    const ids = finding.by ?? (at !== undefined && !model.devices.some((d) => d.id === at) ? [at] : subjects(segment));
    for (const id of ids) elements.add(id);
  }
  // A risk of the application itself is its supplier's too, where the supplier is not who runs the device.
  const suppliers = concern === 'application'
    ? [...elements].flatMap((id) => {
        const d = model.devices.find((x) => x.id === id);
        return d && d.supplier !== null && d.supplier !== d.organisation ? [{ element: id, operator: d.supplier, role: 'supplies' } as const] : [];
      })
    : [];
  const basis = [...[...elements].flatMap((id) => operatorsOf(id, model)), ...suppliers]
    .filter((b, i, all) => all.findIndex((x) => x.element === b.element && x.operator === b.operator && x.role === b.role) === i)
    .sort((a, b) => compare(a.element, b.element) || compare(a.role, b.role) || compare(a.operator, b.operator));
  const acting = new Set<string>();
  for (const { operator } of basis) {
    const kind = organisationKind(operator, model);
    if (kind === 'staff') acting.add(named('institution', model));
    else if (kind === 'patient') { acting.add(named('provider', model)); acting.add(named('institution', model)); }
    else acting.add(operator);
  }
  const rank = (p: string): number => ({ provider: 0, institution: 1 } as Record<string, number>)[organisationKind(p, model)] ?? 2;
  const parties = [...acting].sort((a, b) => rank(a) - rank(b) || compare(a, b));
  const kinds = new Set(parties.map((p) => organisationKind(p, model)));
  const onlyOthers = [...kinds].every((k) => k === 'third-party' || k === 'carrier');
  const who: Answerer = parties.length === 0 ? 'provider'
    : kinds.size === 1 && kinds.has('provider') ? 'provider'
      : kinds.size === 1 && kinds.has('institution') ? 'institution'
        : kinds.size === 2 && kinds.has('provider') && kinds.has('institution') ? 'both'
          : onlyOthers ? 'third-party' : 'shared';
  return { who, parties, basis };
}
