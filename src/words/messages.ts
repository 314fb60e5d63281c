// Messages into words: the one place a message's template and data (models/message.ts) become a sentence
// in one language. The view builders call `say`; nothing else fills a template. How a list is joined, how
// a device is named with its place, how a retention is said: each language's way is in the table below.
import type { Arg, ListJoin, Message, MessageData } from '../../models/message.js';
import type { Model } from '../../models/model.js';
import { VOCABULARY, type Lang, type Term } from '../../models/vocabulary.js';

/** Labels by id, for the placeholders that name model elements. */
export interface Names {
  /** The label of any element (the id itself when there is none: a link without a label). */
  label(id: string): string;
  /** The location a device stands in, by the device's id. */
  locationOf(device: string): string | undefined;
}

export function namesOf(model: Model): Names {
  const labels = new Map<string, string>();
  for (const list of [model.parties, model.sites, model.locations, model.actors, model.data, model.devices, model.networks, model.media, model.flows]) {
    for (const e of list) labels.set(e.id, e.label);
  }
  for (const l of model.links) if (l.label !== null) labels.set(l.id, l.label);
  const at = new Map(model.devices.map((d) => [d.id, d.at]));
  return {
    label: (id) => labels.get(id) ?? id,
    locationOf: (device) => at.get(device),
  };
}

interface LanguageWays {
  readonly join: Readonly<Record<ListJoin, string>>;
  readonly at: (device: string, location: string) => string;
  readonly none: string;
  readonly permanent: string;
  readonly retention: (n: string, unit: 'y' | 'm' | 'd') => string;
  /** The end of a list cut short: "ほか3件" / "and 3 more". */
  readonly more: (n: number) => string;
}

/** A list of items (data, devices) longer than this is cut to its first ones and a count: a sentence stays a sentence. */
export const MAX_LISTED_ITEMS = 8;

const WAYS = {
  ja: {
    join: { items: '・', clauses: '、', steps: '→' },
    at: (device, location) => `${device}（${location}）`,
    none: '（なし）',
    permanent: '永年',
    retention: (n, unit) => `${n}${unit === 'y' ? '年' : unit === 'm' ? 'か月' : '日'}`,
    more: (n) => `ほか${n}件`,
  },
  en: {
    join: { items: ', ', clauses: '; ', steps: ' → ' },
    at: (device, location) => `${device} (${location})`,
    none: '(none)',
    permanent: 'permanent',
    retention: (n, unit) => `${n} ${unit === 'y' ? 'year' : unit === 'm' ? 'month' : 'day'}${n === '1' ? '' : 's'}`,
    more: (n) => `and ${n} more`,
  },
} as const satisfies Readonly<Record<Lang, LanguageWays>>;

/** The table a message's own clauses ({message} values) are looked up in. */
export type Table = (id: string) => Message | undefined;

/** A placeholder's value in words. */
export function argText(arg: Arg, lang: Lang, names: Names, table: Table = () => undefined): string {
  const ways: LanguageWays = WAYS[lang];
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if ('ref' in arg) return names.label(arg.ref);
  if ('at' in arg) {
    const location = names.locationOf(arg.at);
    return location === undefined ? names.label(arg.at) : ways.at(names.label(arg.at), names.label(location));
  }
  if ('term' in arg) {
    const table: Readonly<Record<string, Term>> = VOCABULARY[arg.term];
    return table[arg.key]?.[lang] ?? arg.key;
  }
  if ('text' in arg) return arg.text[lang];
  if ('list' in arg) {
    const join = arg.join ?? 'items';
    const cut = join === 'items' && arg.list.length > MAX_LISTED_ITEMS;
    const shown = cut ? arg.list.slice(0, MAX_LISTED_ITEMS - 1) : arg.list;
    const words = shown.map((a) => argText(a, lang, names, table));
    return (cut ? [...words, ways.more(arg.list.length - shown.length)] : words).join(ways.join[join]);
  }
  if ('message' in arg) {
    const message = table(arg.message.messageId);
    if (!message) throw new Error(`no message "${arg.message.messageId}" for a clause`);
    return fill(message[lang], arg.message.data, lang, names, table);
  }
  if ('retention' in arg) {
    if (arg.days === 'permanent') return ways.permanent;
    const match = arg.retention === null ? null : /^(\d+)([ymd])$/.exec(arg.retention);
    return ways.retention(match?.[1] ?? String(arg.days), (match?.[2] ?? 'd') as 'y' | 'm' | 'd');
  }
  return ways.none;
}

/** A template with its placeholders filled; a {name} the data does not give is left as it is. */
export function fill(template: string, data: MessageData, lang: Lang, names: Names, table: Table = () => undefined): string {
  return template.replace(/\{([A-Za-z][\w-]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    return value === undefined ? whole : argText(value, lang, names, table);
  });
}

/** A message in `lang`, with its data; clauses come from `table`. */
export function say(message: Message, data: MessageData, lang: Lang, names: Names, table?: Table): string {
  return fill(message[lang], data, lang, names, table);
}
