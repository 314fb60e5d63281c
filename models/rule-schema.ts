// User rule files (独自の脅威ルール), version 1: threat rules written as YAML with declarative conditions over
// the facts of a segment (断面), read by src/load/user-rules.ts. No code and no expressions: a condition names a
// fact from FACTS and tests it with one of OPERATORS, and conditions combine with not / any / all /
// some-device. This module is the reference of the format: the fact catalogue (name, type, values, words),
// the operators each type of fact accepts, the placeholders a message may use, and the JSON Schema, which
// `npm run gen` writes to models/koseizu-rules.schema.json for editors and compiles ahead of time into
// models/generated/rule-schema-validator.ts. docs/rules.md explains it with a worked example.
import { bilingual, gradeList, ID_PATTERN, valueTexts } from './schema.js';
import {
  ACTOR_ORGS, AUTH_FACTORS, CIA, DATA_CLASSES, DATA_KINDS, DEVICE_CONTROLS, DEVICE_KINDS, DEVICE_ROLES, ENVIRONMENTS,
  EXPOSURES, FORMS, LOCATION_CONTROLS, MEASURE_CATEGORIES, MEDIA_CONTROLS, MEDIA_KINDS, NETWORK_KINDS, OPERATIONS, ORGS,
  LIKELIHOOD_GRADES, PHASES, SEGMENT_KINDS, SITE_CONTROLS, THREATS, TLS_VERSIONS, VOLUMES, WLAN_SECURITY, type DefinedTerm, type Term,
} from './vocabulary.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type SchemaNode = { readonly [key: string]: Json };

/** The version a rule file declares with `koseizu-rules: 1`. */
export const RULES_VERSION = 1;

/**
 * What a fact holds, which decides the operators it takes:
 * - enum: one value of a closed vocabulary (`values`); `ordered` ones also take gte / lte, in the order of `values`;
 * - id: a model id (kebab-case); text: a string of the given `pattern`;
 * - boolean; number (an integer);
 * - set: a list of values (`values`, plus custom "x-" controls when `custom`).
 */
export type FactType = 'enum' | 'id' | 'text' | 'boolean' | 'number' | 'set';

export interface FactSpec {
  readonly type: FactType;
  /** Allowed values (enum, set); for an ordered enum, from the lowest to the highest. */
  readonly values?: readonly string[];
  readonly ordered?: boolean;
  /** A set of controls: custom controls ("x-...") are allowed besides `values`. */
  readonly custom?: boolean;
  /** A text fact's format. */
  readonly pattern?: string;
  /** What the fact reads, in both languages. */
  readonly ja: string;
  readonly en: string;
}

const keys = (table: Readonly<Record<string, Term>>): readonly string[] => Object.freeze(Object.keys(table));
const CONTROLS_OF = (table: Readonly<Record<string, Term>>): readonly string[] => keys(table);

/**
 * Every fact a condition may test. Facts of devices, their locations and sites hold for a segment when they
 * hold for ANY of its devices (and, for locations and sites, any end of a media transport): see
 * docs/rules.md. A fact with no value in a segment (no network outside a hop, no device in a media
 * transport, a value the model leaves out) satisfies no operator but `exists: false`.
 */
export const FACTS = {
  phase: { type: 'enum', values: keys(PHASES), ja: 'フェーズ', en: 'the phase of the segment' },
  form: { type: 'enum', values: keys(FORMS), ja: '提供形態', en: 'the provision form' },
  segment: { type: 'enum', values: keys(SEGMENT_KINDS), ja: '断面の種類', en: 'the kind of segment' },
  'flow.id': { type: 'id', ja: '情報流の id（記憶媒体の搬送には無い）', en: 'the flow\'s id (none for a media transport)' },
  'flow.volume': { type: 'enum', values: keys(VOLUMES), ordered: true, ja: '情報流の取扱量・頻度（low < medium < high）', en: 'the flow\'s volume (low < medium < high)' },
  'flow.how': { type: 'set', values: keys(OPERATIONS), ja: '情報流の操作（how）', en: 'the flow\'s operations (how)' },
  'actor.id': { type: 'id', ja: '利用者（情報流の who、または媒体の運搬者）の id', en: 'the actor\'s id (the flow\'s who, or the media carrier)' },
  'actor.org': { type: 'enum', values: keys(ACTOR_ORGS), ja: '利用者の所属', en: 'the actor\'s organisation' },
  'device.id': { type: 'id', ja: '機器の id', en: 'a device\'s id' },
  'device.kind': { type: 'enum', values: keys(DEVICE_KINDS), ja: '機器の種類', en: 'a device\'s kind' },
  'device.owner': { type: 'enum', values: keys(ORGS), ja: '機器の管理主体', en: 'who owns a device' },
  'device.env': { type: 'enum', values: keys(ENVIRONMENTS), ja: '機器の環境（本番・検証・開発・テスト）', en: 'a device\'s environment' },
  'device.exposure': { type: 'enum', values: keys(EXPOSURES), ja: '機器の公開範囲', en: 'a device\'s exposure' },
  'device.eol': { type: 'boolean', ja: '機器がサポート終了製品を使っている', en: 'a device runs software past its end of support' },
  'device.count': { type: 'number', ja: '機器の台数', en: 'the number of devices in a group' },
  'device.roles': { type: 'set', values: keys(DEVICE_ROLES), ja: '機器の役割（既定値を含む）', en: 'a device\'s roles (defaults included)' },
  'device.controls': { type: 'set', values: CONTROLS_OF(DEVICE_CONTROLS), custom: true, ja: '機器の既存の管理策', en: 'a device\'s controls in place' },
  'device.auth': { type: 'set', values: keys(AUTH_FACTORS), ja: '機器の認証要素（none は空、記載なしは値なし）', en: 'a device\'s authentication factors (empty for none; no value when unstated)' },
  'device.mfa': { type: 'boolean', ja: '機器が多要素認証（2種類以上の要素）', en: 'a device uses multi-factor authentication (two factor types or more)' },
  'device.auth-stated': { type: 'boolean', ja: '機器の認証方式がモデルに記載されている（none を含む）', en: 'the model states how a device authenticates ("none" included)' },
  'location.id': { type: 'id', ja: '設置場所の id', en: 'a location\'s id' },
  'location.public': { type: 'boolean', ja: '不特定多数が立ち入る場所', en: 'a location is open to the public' },
  'location.controls': { type: 'set', values: CONTROLS_OF(LOCATION_CONTROLS), custom: true, ja: '設置場所の物理的管理策', en: 'a location\'s physical controls' },
  'site.id': { type: 'id', ja: '拠点の id', en: 'a site\'s id' },
  'site.owner': { type: 'enum', values: keys(ORGS), ja: '拠点の管理主体', en: 'who runs a site' },
  'site.country': { type: 'text', pattern: '^[A-Z]{2}$', ja: '拠点の所在国（ISO 3166-1 の2文字）', en: 'a site\'s country (ISO 3166-1 alpha-2)' },
  'site.controls': { type: 'set', values: CONTROLS_OF(SITE_CONTROLS), custom: true, ja: '拠点の管理策', en: 'a site\'s controls' },
  'network.id': { type: 'id', ja: '通信区間のネットワークの id', en: 'the hop\'s network id' },
  'network.kind': { type: 'enum', values: keys(NETWORK_KINDS), ja: '回線種別', en: 'the hop\'s network kind' },
  'network.encrypted': { type: 'boolean', ja: 'ネットワーク自体が暗号化されている', en: 'the hop\'s network is encrypted' },
  'network.wlan-security': { type: 'enum', values: keys(WLAN_SECURITY), ja: '無線LANのセキュリティ方式', en: 'the wireless LAN security mode' },
  'network.ieee8021x': { type: 'boolean', ja: 'IEEE 802.1X と電子証明書による接続制限', en: 'IEEE 802.1X with certificates' },
  'network.ike': { type: 'boolean', ja: 'IPsec の鍵管理に IKE を併用', en: 'IPsec keys managed with IKE' },
  'link.id': { type: 'id', ja: '接続の id', en: 'the hop\'s link id' },
  'link.protocol': { type: 'text', pattern: '^[a-z0-9][a-z0-9+.-]*$', ja: '接続のプロトコル', en: 'the hop\'s protocol' },
  'link.tls': { type: 'enum', values: TLS_VERSIONS, ordered: true, ja: '接続の TLS 最低バージョン（1.0 < 1.1 < 1.2 < 1.3）', en: 'the hop\'s lowest TLS version (1.0 < 1.1 < 1.2 < 1.3)' },
  'link.encrypted': { type: 'boolean', ja: '接続の通信が暗号化されている（TLS、またはネットワークの暗号化）', en: 'the hop\'s traffic is encrypted (TLS, or the network\'s own encryption)' },
  'data.id': { type: 'id', ja: '情報資産の id', en: 'a data item\'s id' },
  'data.class': { type: 'enum', values: [...keys(DATA_CLASSES)].reverse(), ordered: true, ja: '情報の分類（other < may-contain-medical < medical）', en: 'a data item\'s class (other < may-contain-medical < medical)' },
  'data.kind': { type: 'enum', values: keys(DATA_KINDS), ja: '情報の種類', en: 'a data item\'s kind' },
  'data.legal-record': { type: 'boolean', ja: '法定保存文書', en: 'a data item is a record the law requires to be kept' },
  'media.id': { type: 'id', ja: '記憶媒体の搬送の id', en: 'the media transport\'s id' },
  'media.kind': { type: 'enum', values: keys(MEDIA_KINDS), ja: '媒体の種類', en: 'the medium\'s kind' },
  'media.encrypted': { type: 'boolean', ja: '媒体が暗号化されている', en: 'the medium is encrypted' },
  'media.controls': { type: 'set', values: CONTROLS_OF(MEDIA_CONTROLS), custom: true, ja: '媒体の管理策', en: 'the medium\'s controls' },
  'path.internet': { type: 'boolean', ja: '情報流の経路がインターネットから到達可能（機器の公開、またはインターネットを経由）', en: 'the flow\'s path is reachable from the internet (an exposed device, or a hop over the internet)' },
} as const satisfies Readonly<Record<string, FactSpec>>;
export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.freeze(Object.keys(FACTS) as FactName[]);

/** The operators of a fact test, with what they ask. */
export const OPERATORS = {
  is: { ja: '値が等しい', en: 'the value equals' },
  in: { ja: '値がリストのいずれか', en: 'the value is one of a list' },
  has: { ja: 'リストがその値を含む', en: 'the list holds the value' },
  'has-any': { ja: 'リストがいずれかを含む', en: 'the list holds any of the values' },
  'has-all': { ja: 'リストがすべてを含む', en: 'the list holds all the values' },
  gte: { ja: '以上（数値、または順序のある値）', en: 'at least (numbers, or ordered values)' },
  lte: { ja: '以下（数値、または順序のある値）', en: 'at most (numbers, or ordered values)' },
  exists: { ja: '値がある（true）／ない（false）', en: 'the fact has a value (true) or has none (false)' },
} as const satisfies Readonly<Record<string, Term>>;
export type Operator = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.freeze(Object.keys(OPERATORS) as Operator[]);

/** The operators each type of fact takes (gte / lte on enums only when ordered). */
export const OPERATORS_BY_TYPE: Readonly<Record<FactType, readonly Operator[]>> = Object.freeze({
  enum: ['is', 'in', 'gte', 'lte', 'exists'],
  id: ['is', 'in', 'exists'],
  text: ['is', 'in', 'exists'],
  boolean: ['is', 'exists'],
  number: ['is', 'in', 'gte', 'lte', 'exists'],
  set: ['has', 'has-any', 'has-all', 'exists'],
});

export function operatorsOf(fact: FactSpec): readonly Operator[] {
  const all = OPERATORS_BY_TYPE[fact.type];
  return fact.type === 'enum' && !fact.ordered ? all.filter((o) => o !== 'gte' && o !== 'lte') : all;
}

/** Combinators: conditions made of conditions. */
export const COMBINATORS = {
  not: { ja: '条件が成り立たない', en: 'the condition does not hold' },
  any: { ja: 'いずれかの条件が成り立つ', en: 'any of the conditions holds' },
  all: { ja: 'すべての条件が成り立つ', en: 'all of the conditions hold' },
  'some-device': { ja: '同じ1台の機器（とその設置場所・拠点）ですべての条件が成り立つ', en: 'all of the conditions hold for one and the same device (with its location and site)' },
} as const satisfies Readonly<Record<string, Term>>;
export type Combinator = keyof typeof COMBINATORS;
export const COMBINATOR_NAMES = Object.freeze(Object.keys(COMBINATORS) as Combinator[]);

/** Conditions nest at most this deep (a guard against absurd input; real rules nest two or three levels). */
export const MAX_CONDITION_DEPTH = 16;

/** Placeholders a rule's `message` may use, filled with labels (never ids) of the segment's elements. */
export const PLACEHOLDERS = {
  device: { ja: '最初の機器と設置場所（例: 電子カルテ端末（診察室））', en: 'the first device with its location, e.g. "EHR terminal (exam room)"' },
  devices: { ja: '断面のすべての機器（→ でつなぐ）', en: 'every device of the segment, joined by arrows' },
  location: { ja: '設置場所（機器の設置場所、媒体の搬送元・搬送先）', en: 'the locations (of the devices, or the ends of a media transport)' },
  site: { ja: '拠点', en: 'the sites' },
  network: { ja: '通信区間のネットワーク', en: 'the hop\'s network' },
  actor: { ja: '利用者（who、運搬者）', en: 'the actor (who, or the carrier)' },
  flow: { ja: '情報流（または記憶媒体の搬送）', en: 'the flow (or the media transport)' },
  media: { ja: '記憶媒体の搬送', en: 'the media transport' },
  data: { ja: '情報資産', en: 'the information handled' },
  phase: { ja: 'フェーズ', en: 'the phase' },
  segment: { ja: '断面の種類', en: 'the kind of segment' },
} as const satisfies Readonly<Record<string, Term>>;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** What `at` may key a rule's risks by, instead of the segment: the element, and which one it is. */
export const AT_TARGETS = {
  device: { ja: '機器', en: 'device', means: { ja: '断面の最初の機器。', en: 'The segment\'s first device.' } },
  location: { ja: '設置場所', en: 'location', means: { ja: '最初の機器の設置場所（媒体は搬送元）。', en: 'The first device\'s location (a medium\'s origin).' } },
  site: { ja: '拠点', en: 'site', means: { ja: '最初の機器の拠点（媒体は搬送元）。', en: 'The first device\'s site (a medium\'s origin).' } },
  network: { ja: 'ネットワーク', en: 'network', means: { ja: '通信区間のネットワーク。', en: 'The hop\'s network.' } },
  link: { ja: '接続', en: 'link', means: { ja: '通信区間の接続。', en: 'The hop\'s link.' } },
  media: { ja: '記憶媒体の搬送', en: 'media transport', means: { ja: '記憶媒体の搬送。', en: 'The media transport.' } },
} as const satisfies Readonly<Record<string, DefinedTerm>>;
export type AtTarget = keyof typeof AT_TARGETS;

/** Every control of every element kind: what `mitigate.controls` may name (besides "x-" controls). */
export const ALL_CONTROLS: readonly string[] = Object.freeze([...new Set([
  ...Object.keys(DEVICE_CONTROLS), ...Object.keys(LOCATION_CONTROLS), ...Object.keys(SITE_CONTROLS), ...Object.keys(MEDIA_CONTROLS),
])].sort());

// ---- The JSON Schema ----
// Like the model's schema: every property in Japanese then English, every enum value with its meaning.

function vocab(table: Readonly<Record<string, DefinedTerm>>, ja: string, en: string): SchemaNode {
  return { type: 'string', enum: Object.keys(table), ...bilingual(ja, en), ...valueTexts(Object.values(table)) };
}

function listOf(item: SchemaNode, ja: string, en: string): SchemaNode {
  return { type: 'array', items: item, minItems: 1, uniqueItems: true, ...bilingual(ja, en) };
}

const term = (ja: string, en: string): SchemaNode => ({ $ref: '#/definitions/term', ...bilingual(ja, en) });
const terms = (ja: string, en: string): SchemaNode => ({ type: 'array', items: { $ref: '#/definitions/term' }, ...bilingual(ja, en) });
const grade = (ja: string, en: string): SchemaNode => ({ type: 'integer', minimum: 1, maximum: 5, ...bilingual(ja, en) });

/** A phrase of the tables above as a sentence: "。" after the Japanese, a capital and a full stop in English. */
const sentenceJa = (s: string): string => (s.endsWith('。') ? s : `${s}。`);
const sentenceEn = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}${s.endsWith('.') ? '' : '.'}`;

/** Each fact as a value of `fact`: its name, what it reads and its type. */
const factTerms: readonly DefinedTerm[] = Object.entries(FACTS as Readonly<Record<string, FactSpec>>).map(([name, f]) => ({
  ja: name, en: name,
  means: { ja: `${sentenceJa(f.ja)}型: ${f.type}${f.ordered ? '（順序あり）' : ''}。`, en: `${sentenceEn(f.en)} Type: ${f.type}${f.ordered ? ', ordered' : ''}.` },
}));

const operand = (op: Operator, ja: string, en: string): SchemaNode => bilingual(`${sentenceJa(OPERATORS[op].ja)}${ja}`, `${sentenceEn(OPERATORS[op].en)} ${en}`);
const combinator = (c: Combinator): SchemaNode => bilingual(sentenceJa(COMBINATORS[c].ja), sentenceEn(COMBINATORS[c].en));
const placeholders = (lang: 'ja' | 'en'): string => Object.entries(PLACEHOLDERS).map(([k, t]) => `\`{${k}}\` ${t[lang]}`).join(lang === 'ja' ? '、' : '; ');

export const ruleSchema: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:koseizu:rules:1',
  title: 'koseizu rule file (version 1)',
  ...bilingual(
    'koseizu の独自の脅威ルール: モデルの `rules:` または `--rules` で、組み込みのカタログに加える。各ルールは情報流の一つの断面を読み、条件が成り立つと、' +
      '影響度と顕在化率で採点したリスクを、各段階の理由とともに挙げる。条件は宣言的で、コードも式も書かない。docs/rules.md を参照。',
    'Your own threat rules for koseizu, added to the built-in catalogue from the model\'s `rules:` or `--rules`. ' +
      'Each rule reads one segment of an information flow and, when its conditions hold, raises a risk scored by impact ' +
      'and likelihood with a reason for every step. Conditions are declarative: no code, no expressions. See docs/rules.md.',
  ),
  type: 'object',
  additionalProperties: false,
  patternProperties: {
    '^x-': bilingual('拡張キー: koseizu は読まない。YAML のアンカーを置くのに便利。', 'Extension keys: ignored by koseizu; handy to hold YAML anchors.'),
  },
  required: ['koseizu-rules', 'rules'],
  properties: {
    'koseizu-rules': { const: RULES_VERSION, ...bilingual('ルールファイルの形式のバージョン。常に 1。', 'Rule file format version. Always 1.') },
    rules: {
      type: 'array', items: { $ref: '#/definitions/rule' }, maxItems: 1000,
      ...bilingual('このファイルのルール。id はすべてのルールファイルを通じて一意で、組み込みのルールの id とも異なる。', 'The rules of this file. Ids are unique across every rule file and differ from the built-in rules\' ids.'),
    },
  },
  definitions: {
    term: {
      type: 'object',
      ...bilingual('日本語と英語の文言。', 'A text in Japanese and English.'),
      additionalProperties: false,
      required: ['ja', 'en'],
      properties: {
        ja: { type: 'string', minLength: 1, maxLength: 1000, ...bilingual('日本語の文言。', 'The Japanese text.') },
        en: { type: 'string', minLength: 1, maxLength: 1000, ...bilingual('英語の文言。', 'The English text.') },
      },
    },
    condition: {
      type: 'object',
      ...bilingual(
        '条件: 事実の判定 `{fact: <事実>, <演算子>: <値>}`（演算子はちょうど一つ）、または一つの結合子（not / any / all / some-device）。' +
          '機器・設置場所・拠点の事実は、断面のいずれかの機器について成り立てば成り立つ。',
        'A condition: a fact test `{fact: <fact>, <operator>: <value>}` with exactly one operator, or one combinator ' +
          '(not / any / all / some-device). Facts of devices, locations and sites hold when they hold for any of the segment\'s devices.',
      ),
      additionalProperties: false,
      properties: {
        fact: { type: 'string', enum: [...FACT_NAMES], ...bilingual('判定する事実。', 'The fact tested.'), ...valueTexts(factTerms) },
        is: operand('is', 'その事実の型の値を一つ: 語彙の値、id、true/false、または数。', 'A single value of the fact\'s type: a value of its vocabulary, an id, true/false or a number.'),
        in: operand('in', '値のリスト。', 'A list of values.'),
        has: operand('has', 'リストの事実（roles、controls、auth、how）に。独自の管理策は "x-" で始まる。', 'For list facts (roles, controls, auth, how). Custom controls start with "x-".'),
        'has-any': operand('has-any', 'リストの事実に、値のリストを。', 'A list of values, for list facts.'),
        'has-all': operand('has-all', 'リストの事実に、値のリストを。', 'A list of values, for list facts.'),
        gte: operand('gte', '数、または順序のある事実（flow.volume、link.tls、data.class）の値。', 'A number, or a value of an ordered fact (flow.volume, link.tls, data.class).'),
        lte: operand('lte', '数、または順序のある事実（flow.volume、link.tls、data.class）の値。', 'A number, or a value of an ordered fact (flow.volume, link.tls, data.class).'),
        exists: operand('exists', 'true または false。', 'true or false.'),
        not: { $ref: '#/definitions/condition', ...combinator('not') },
        any: { type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1, ...combinator('any') },
        all: { type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1, ...combinator('all') },
        'some-device': { type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1, ...combinator('some-device') },
      },
    },
    adjustment: {
      type: 'object',
      ...bilingual('採点の補正: 条件が成り立つと、段階が `by` だけ動く（1-5 の範囲に収める）。理由を添える。', 'A step of a score: when the condition holds, the grade moves by `by` (kept within 1-5), for the reason given.'),
      additionalProperties: false,
      required: ['when', 'by', 'reason'],
      properties: {
        when: { $ref: '#/definitions/condition', ...bilingual('適用条件: この補正が当てはまるとき。', 'When the step applies.') },
        by: { type: 'integer', minimum: -4, maximum: 4, not: { const: 0 }, ...bilingual('補正値: -4 から 4。0 は不可。', 'How far the grade moves: -4 to 4, not 0.') },
        reason: term('理由: 報告書に出る文言。', 'Why, as reports show it.'),
      },
    },
    rule: {
      type: 'object',
      title: 'rule',
      ...bilingual('脅威ルール: 組み込みのルールと同じメタデータ、条件、採点の仕方。', 'A threat rule: metadata like a built-in rule, conditions, and how it scores.'),
      additionalProperties: false,
      required: ['id', 'threat', 'title', 'risk', 'cia', 'segments', 'likelihood', 'countermeasures'],
      properties: {
        id: {
          type: 'string', pattern: ID_PATTERN, maxLength: 64,
          ...bilingual('ルールID: kebab-case。このルールが挙げるすべてのリスクIDの先頭になる。組み込みのルールの id と異なること。',
            'Stable rule id, kebab-case: the first part of every risk id it raises. Must differ from the built-in rules\' ids.'),
        },
        threat: vocab(THREATS, '代表的な脅威: ガイドラインの11の代表的な脅威のうち、このルールが具体化するもの。', 'Which of the guideline\'s eleven representative threats it instantiates.'),
        title: term('ルール名。', 'Title of the rule.'),
        risk: term('想定されるリスク: 一般的な言葉で。ルールの一覧に出て、`message` がなければすべての指摘に出る。', 'The assumed risk in general words, shown in the rule catalogue and, without `message`, in every finding.'),
        message: term(`指摘の文言: 一つの断面についての文。プレースホルダには表示名が入る: ${placeholders('ja')}。`,
          `The finding's text for one segment. Placeholders are filled with labels: ${placeholders('en')}.`),
        cia: listOf({ type: 'string', enum: Object.keys(CIA), ...valueTexts(Object.values(CIA)) }, '守るもの: 脅威にさらされる性質（CIA）。', 'Properties at stake (CIA).'),
        segments: listOf(vocab(SEGMENT_KINDS, '断面の種類。', 'A kind of segment.'), '対象の断面: このルールが読む断面の種類。', 'The segment kinds the rule reads.'),
        phases: listOf(vocab(PHASES, 'フェーズ。', 'A phase.'), '対象フェーズ: このルールが当てはまるフェーズ。既定はすべてのフェーズ。', 'The phases it applies in. Defaults to every phase.'),
        when: {
          type: 'array', items: { $ref: '#/definitions/condition' }, minItems: 1,
          ...bilingual('発生条件: すべて成り立たなければならない条件。`when` がなければ、その種類とフェーズのすべての断面で成り立つ。',
            'Conditions that must all hold. Without `when` the rule fires on every segment of its kinds and phases.'),
        },
        impact: {
          type: 'object',
          ...bilingual('影響度: `base` がなければ、組み込みのルールと同じく、対象の情報（分類、取扱量、法定保存文書）から決まる共通の影響度。',
            'Impact. Without `base`, the shared impact of the information at stake (its class, volume and legal records), as the built-in rules use.'),
          additionalProperties: false,
          properties: {
            base: grade('基準値 1-5。', 'Starting grade, 1-5.'),
            reason: term('基準値の理由。', 'Why the starting grade.'),
            adjust: { type: 'array', items: { $ref: '#/definitions/adjustment' }, ...bilingual('補正: 順に適用する。', 'Steps applied in order.') },
          },
        },
        likelihood: {
          type: 'object',
          ...bilingual('顕在化率: 基準値、補正、それを下げる管理策。', 'Likelihood: a starting grade, steps, and controls that lower it.'),
          additionalProperties: false,
          required: ['base'],
          properties: {
            base: grade(`基準値 1-5: ${gradeList(LIKELIHOOD_GRADES, 'ja')}。`, `Starting grade, 1-5: ${gradeList(LIKELIHOOD_GRADES, 'en')}.`),
            reason: term('基準値の理由。', 'Why the starting grade.'),
            adjust: { type: 'array', items: { $ref: '#/definitions/adjustment' }, ...bilingual('補正: 順に適用する。', 'Steps applied in order.') },
            mitigate: {
              type: 'object',
              ...bilingual('既存の管理策: 断面の機器・設置場所・拠点・媒体にあると、一つにつき顕在化率を一つ、`floor` まで下げる。',
                'Controls in place on the segment\'s devices, locations, sites or medium: each lowers the likelihood by one, down to `floor`.'),
              additionalProperties: false,
              required: ['controls'],
              properties: {
                controls: listOf({ type: 'string' }, '管理策: 見る順に。独自の管理策は "x-" で始まる。', 'The controls, in the order they are looked at; custom ones start with "x-".'),
                floor: grade('下限: 管理策で下げられる最も低い段階。既定は 1。', 'The lowest grade controls can bring it to. Defaults to 1.'),
              },
            },
          },
        },
        at: vocab(AT_TARGETS, 'リスクの単位: 断面の代わりに一つの要素でリスクをまとめる（どの情報流から届いても同じリスク）。その要素のない断面は自分の単位のまま。',
          'Key the risks by one element whatever flow reaches it, instead of by the segment; a segment without that element keeps its own key.'),
        countermeasures: {
          type: 'object',
          ...bilingual('対策: このルールが求める対策を、ガイドラインの三つの観点で。', 'Countermeasures the rule asks for, in the guideline\'s three categories.'),
          additionalProperties: false,
          minProperties: 1,
          properties: Object.fromEntries(Object.entries(MEASURE_CATEGORIES).map(([k, t]) => [k, terms(`${t.ja}対策。`, `${t.en.charAt(0).toUpperCase()}${t.en.slice(1)} measures.`)])),
        },
        references: terms('参照: ガイドラインのどこが求めているか。例: 提供事業者ガイドライン 5.2.1。', 'Where the guideline asks for it, e.g. 提供事業者ガイドライン 5.2.1.'),
      },
    },
  },
};
