// Messages as data. A finding, a score reason or a line of evidence names a message by id and gives the
// values of its placeholders; the message tables say it in Japanese and English, and the view builders
// (src/words/) are the only place a message becomes words. So a finding can be compared, stored, diffed
// and tested without its wording, and rewording a sentence changes one table.
//
// A placeholder is written {name} in both languages of a message. Its value is data: an id the view
// looks up (a label, a device with its location), a key of the vocabulary, a number, or text as the model
// or a user gives it; never a word in one language.
import type { VocabularyName } from './vocabulary.js';

/** A message in both languages; {name} marks a placeholder. */
export interface Message {
  readonly ja: string;
  readonly en: string;
}

export type Messages = Readonly<Record<string, Message>>;

/** How a list is joined: items ("A・B" / "A, B"), clauses ("A、B" / "A; B") or steps ("A→B" / "A → B"). */
export type ListJoin = 'items' | 'clauses' | 'steps';

/** The value of a placeholder. */
export type Arg =
  /** Shown as written: model text such as a country code, a protocol or a TLS version. */
  | string
  | number
  /** A model element's label, by id. */
  | { readonly ref: string }
  /** A device and where it stands: "電子カルテ端末（診察室）" / "EHR terminal (Exam room)". */
  | { readonly at: string }
  /** A word of the vocabulary (models/vocabulary.ts), by table and key. */
  | { readonly term: VocabularyName; readonly key: string }
  /** Words given in both languages by the model or a user's rule file. */
  | { readonly text: Message }
  /** Values joined as a list; `join` defaults to items. */
  | { readonly list: readonly Arg[]; readonly join?: ListJoin }
  /** A retention as written ("5y"), or a number of days, in words: "5年" / "5 years". */
  | { readonly retention: string | null; readonly days: number | 'permanent' }
  /** Nothing to name: "（なし）" / "(none)". */
  | { readonly none: true }
  /** Another message of the same table, with its data: a clause that has variants of its own. */
  | { readonly message: MessageRef };

export type MessageData = Readonly<Record<string, Arg>>;

/** A message named by id, with the values of its placeholders. */
export interface MessageRef {
  readonly messageId: string;
  readonly data: MessageData;
}

/** The names of the placeholders of a template: "x {a} y {b}" gives "a" | "b". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

/** The data a message needs: one value per placeholder of either language, no more. */
export type DataFor<M extends Message> = { readonly [K in Placeholders<M['ja']> | Placeholders<M['en']>]: Arg };

type DataArgs<M extends Message> = [Placeholders<M['ja']> | Placeholders<M['en']>] extends [never] ? [] : [data: DataFor<M>];

/** Names a message of `M` with its data, checked by the compiler: an unknown id or a missing placeholder is a type error. */
export type Say<M extends Messages> = <K extends keyof M & string>(id: K, ...data: DataArgs<M[K]>) => MessageRef;

/** The `Say` of a message table (declare it `as const satisfies Messages` so its templates keep their literal types). */
export function sayer<M extends Messages>(_messages: M): Say<M> {
  return (id, ...data) => ({ messageId: id, data: (data[0] ?? {}) as MessageData });
}

/** A message as the value of a placeholder of another message of its table. */
export const clause = (message: MessageRef): Arg => ({ message });

/** A list of element labels by id. */
export const refs = (ids: readonly string[], join?: ListJoin): Arg => (join ? { list: ids.map((ref) => ({ ref })), join } : { list: ids.map((ref) => ({ ref })) });
