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

/** Each segment's subjects, worked out once: every rule that finds something on a segment asks again. */
const SUBJECTS = new WeakMap<Segment, readonly string[]>();

function subjectsOf(segment: Segment): readonly string[] {
  let ids = SUBJECTS.get(segment);
  if (!ids) {
    ids = subjects(segment);
    SUBJECTS.set(segment, ids);
  }
  return ids;
}

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

/**
 * The organisations that run an element: a device's or a site's operator, a room's site's, a network's
 * carrier, a medium's carrier and sender. Worked out once per element of a model (a large model's risks ask
 * for the same elements thousands of times), in the model's own order of lookup.
 */
function operatorsOf(id: string, model: Model): readonly Basis[] {
  let known = OPERATORS.get(model);
  if (!known) {
    known = new Map();
    OPERATORS.set(model, known);
  }
  let basis = known.get(id);
  if (!basis) {
    basis = findOperators(id, model, indexOf(model));
    known.set(id, basis);
  }
  return basis;
}

const OPERATORS = new WeakMap<Model, Map<string, readonly Basis[]>>();

interface Index {
  readonly devices: ReadonlyMap<string, Model['devices'][number]>;
  readonly sites: ReadonlyMap<string, Model['sites'][number]>;
  readonly locations: ReadonlyMap<string, Model['locations'][number]>;
  readonly networks: ReadonlyMap<string, Model['networks'][number]>;
  readonly links: ReadonlyMap<string, Model['links'][number]>;
  readonly media: ReadonlyMap<string, Model['media'][number]>;
  readonly actors: ReadonlyMap<string, Model['actors'][number]>;
}

const INDEXES = new WeakMap<Model, Index>();

/** Each section by id (the first of an id wins, as `find` would: ids are unique in a valid model). */
function indexOf(model: Model): Index {
  let index = INDEXES.get(model);
  if (!index) {
    const byId = <T extends { readonly id: string }>(items: readonly T[]): Map<string, T> => {
      const map = new Map<string, T>();
      for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
      return map;
    };
    index = {
      devices: byId(model.devices), sites: byId(model.sites), locations: byId(model.locations), networks: byId(model.networks),
      links: byId(model.links), media: byId(model.media), actors: byId(model.actors),
    };
    INDEXES.set(model, index);
  }
  return index;
}

function findOperators(id: string, model: Model, index: Index): Basis[] {
  const device = index.devices.get(id);
  if (device) return [{ element: id, operator: device.organisation, role: 'runs' }];
  const locationSite = index.locations.get(id)?.site;
  const site = index.sites.get(id) ?? (locationSite === undefined ? undefined : index.sites.get(locationSite));
  if (site) return [{ element: id, operator: site.organisation, role: 'runs' }];
  const network = index.networks.get(id);
  if (network) {
    if (network.organisation !== null) return [{ element: id, operator: network.organisation, role: 'runs' }];
    // Run by nobody in particular: those at its links' ends answer for it.
    const ends = new Set(model.links.filter((l) => l.network === id).flatMap((l) => l.ends));
    return [...ends].map((operator): Basis => ({ element: id, operator, role: 'runs' }));
  }
  const link = index.links.get(id);
  if (link) return link.ends.map((operator): Basis => ({ element: id, operator, role: 'runs' }));
  const media = index.media.get(id);
  if (media) {
    const carrier = index.actors.get(media.carrier);
    const fromSite = index.locations.get(media.from)?.site;
    const from = fromSite === undefined ? undefined : index.sites.get(fromSite);
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

interface Organisations {
  readonly institution: string;
  readonly provider: string;
  /** Each operator's kind (organisationKind), as asked. */
  readonly kinds: Map<string, ReturnType<typeof organisationKind>>;
  /** Who must act, by concern and set of elements (responsibilityOf's key). */
  readonly answers: Map<string, Responsibility>;
}

const ORGANISATIONS = new WeakMap<Model, Organisations>();

/** The model's named institution and provider and its operators' kinds, worked out once per model. */
function organisationsOf(model: Model): Organisations {
  let known = ORGANISATIONS.get(model);
  if (!known) {
    known = { institution: named('institution', model), provider: named('provider', model), kinds: new Map(), answers: new Map() };
    ORGANISATIONS.set(model, known);
  }
  return known;
}

function kindOf(operator: string, model: Model, known: Organisations): ReturnType<typeof organisationKind> {
  let kind = known.kinds.get(operator);
  if (kind === undefined) {
    kind = organisationKind(operator, model);
    known.kinds.set(operator, kind);
  }
  return kind;
}

/**
 * Who must act on a risk made of `merged` findings and their segments. A finding's `by` names the
 * elements outright; its `at`, when it names a site, room, network, link or medium, is the risk's subject;
 * otherwise the segment's kind says (subjects).
 */
export function responsibilityOf(merged: readonly { readonly finding: Finding; readonly segment: Segment }[], model: Model, concern?: 'application'): Responsibility {
  const index = indexOf(model);
  const elements = new Set<string>();
  for (const { finding, segment } of merged) {
    const at = finding.at;
    const ids = finding.by ?? (at !== undefined && !index.devices.has(at) ? [at] : subjectsOf(segment));
    for (const id of ids) elements.add(id);
  }
  // What follows depends only on the set of elements and the concern: many risks (every rule on one
  // segment, one device reached by many flows) share it, so each set is worked out once per model.
  const known = organisationsOf(model);
  const key = `${concern ?? ''}\u0000${elements.size === 1 ? [...elements][0] : [...elements].sort().join('\u0000')}`;
  let answer = known.answers.get(key);
  if (!answer) {
    answer = answerFor(elements, model, index, known, concern);
    known.answers.set(key, answer);
  }
  return answer;
}

function answerFor(elements: ReadonlySet<string>, model: Model, index: Index, known: Organisations, concern?: 'application'): Responsibility {
  // A risk of the application itself is its supplier's too, where the supplier is not who runs the device.
  const suppliers = concern === 'application'
    ? [...elements].flatMap((id) => {
        const d = index.devices.get(id);
        return d && d.supplier !== null && d.supplier !== d.organisation ? [{ element: id, operator: d.supplier, role: 'supplies' } as const] : [];
      })
    : [];
  // Each (element, role, operator) once, the first kept; "\u0000" cannot occur in an id or an operator.
  const seen = new Set<string>();
  const basis = [...[...elements].flatMap((id) => operatorsOf(id, model)), ...suppliers]
    .filter((b) => {
      const key = `${b.element}\u0000${b.operator}\u0000${b.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compare(a.element, b.element) || compare(a.role, b.role) || compare(a.operator, b.operator));
  const acting = new Set<string>();
  for (const { operator } of basis) {
    const kind = kindOf(operator, model, known);
    if (kind === 'staff') acting.add(known.institution);
    else if (kind === 'patient') { acting.add(known.provider); acting.add(known.institution); }
    else acting.add(operator);
  }
  const rank = (p: string): number => ({ provider: 0, institution: 1 } as Record<string, number>)[kindOf(p, model, known)] ?? 2;
  const parties = [...acting].sort((a, b) => rank(a) - rank(b) || compare(a, b));
  const kinds = new Set(parties.map((p) => kindOf(p, model, known)));
  const onlyOthers = [...kinds].every((k) => k === 'third-party' || k === 'carrier');
  const who: Answerer = parties.length === 0 ? 'provider'
    : kinds.size === 1 && kinds.has('provider') ? 'provider'
      : kinds.size === 1 && kinds.has('institution') ? 'institution'
        : kinds.size === 2 && kinds.has('provider') && kinds.has('institution') ? 'both'
          : onlyOthers ? 'third-party' : 'shared';
  return { who, parties, basis };
}
