// The JSON Schema of the koseizu DSL, version 1: the reference of the language.
// It is built here from the vocabularies, written to models/koseizu.schema.json for editors
// (`npm run gen`), and compiled ahead of time into models/generated/schema-validator.ts so that
// `koseizu validate` does not compile a schema at start-up. A test keeps both files current.
//
// Every property says what it is in Japanese, then in English (`description` as plain text,
// `markdownDescription` for editors that render Markdown), and every value of every enum says what it
// means (`markdownEnumDescriptions`, and `enumDescriptions` for clients that read only those), so that
// completion shows the meaning of the value offered, not the whole property's text.
import {
  ACTOR_ORGS, AUTH_FACTORS, CERTIFICATIONS, COMMON_PROTOCOLS, DATA_CLASSES, DATA_KINDS, DECISIONS, DEVICE_CONTROLS, DEVICE_KINDS,
  DEVICE_OWNERS, DEVICE_ROLES, ENVIRONMENTS, EXPOSURES, FORMS, IMPACT_GRADES, KEPT_AS, LANGUAGES, LIKELIHOOD_GRADES, LOCATION_CONTROLS, MEASURE_CATEGORIES,
  MEASURE_OWNERS, MEDIA_CONTROLS, MEDIA_KINDS, NETWORK_KINDS, NO_AUTH, OPERATIONS, OPERATORS, ORGS, PARTY_KINDS, PHASES,
  RANKS, RESPONSE_NEED_TERMS, SITE_CONTROLS, TLS_TERMS, TLS_VERSIONS, VOLUMES, WLAN_SECURITY, type DefinedTerm, type Lang, type Term, type TlsVersion,
} from './vocabulary.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type SchemaNode = { readonly [key: string]: Json };

export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const CUSTOM_CONTROL_PATTERN = '^x-[a-z0-9]+(-[a-z0-9]+)*$';
export const RETENTION_PATTERN = '^([1-9][0-9]{0,3}(y|m|d)|permanent)$';
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const RISK_PATTERN = '^[a-z0-9*?][a-z0-9*?-]*@[^\\s]+$';
const PROTOCOL_PATTERN = '^[a-z0-9][a-z0-9+.-]*$';

/** The keywords editors read that JSON Schema itself does not define: the validator leaves them out. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions'] as const;

/**
 * Text as Markdown: written as plain text, where `backticks` mark code; outside code spans, the characters
 * Markdown would take for markup (emphasis, links, HTML, tables, headings) are escaped.
 */
export function markdown(text: string): string {
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_<>[\]#|]/g, '\\$&'))).join('');
}

/** A property's description: a Japanese paragraph, then the English one. */
export function bilingual(ja: string, en: string): SchemaNode {
  return { description: `${ja}\n\n${en}`, markdownDescription: `${markdown(ja)}\n\n${markdown(en)}` };
}

/** What editors show for each value of an enum: its names, then what it means in Japanese and in English. */
export function valueTexts(terms: readonly DefinedTerm[]): SchemaNode {
  const en = (t: DefinedTerm, md: (s: string) => string): string => (t.ja === t.en ? '' : ` / ${md(t.en)}`);
  return {
    markdownEnumDescriptions: terms.map((t) => `**${markdown(t.ja)}**${en(t, markdown)} — ${markdown(t.means.ja)} ${markdown(t.means.en)}`),
    enumDescriptions: terms.map((t) => `${t.ja}${en(t, (s) => s)} — ${t.means.ja} ${t.means.en}`),
  };
}

/** An enum of a vocabulary's values, each with its meaning. */
function vocab(table: Readonly<Record<string, DefinedTerm>>, ja: string, en: string): SchemaNode {
  return { type: 'string', enum: Object.keys(table), ...bilingual(ja, en), ...valueTexts(Object.values(table)) };
}

function listOf(item: SchemaNode, ja: string, en: string, extra: SchemaNode = {}): SchemaNode {
  return { type: 'array', items: item, uniqueItems: true, ...bilingual(ja, en), ...extra };
}

/** Where each kind of element is declared, and its name in both languages. */
const DECLARED = {
  party: { section: 'parties', ja: '関係者', en: 'party' },
  site: { section: 'sites', ja: '拠点', en: 'site' },
  location: { section: 'locations', ja: '設置場所', en: 'location' },
  actor: { section: 'actors', ja: '利用者', en: 'actor' },
  data: { section: 'data', ja: '情報資産', en: 'data item' },
  device: { section: 'devices', ja: '機器', en: 'device' },
  network: { section: 'networks', ja: 'ネットワーク', en: 'network' },
  media: { section: 'media', ja: '記憶媒体の搬送', en: 'media transport' },
} as const;
type Declared = keyof typeof DECLARED;

/**
 * A reference to an element of this model: what it is (`ja`, `en`), then which id goes there. Editors cannot
 * offer these ids from the schema (they are the model's own); the sentence says where to find them.
 */
function ref(kind: Declared, ja: string, en: string): SchemaNode {
  const d = DECLARED[kind];
  return {
    type: 'string', pattern: ID_PATTERN,
    ...bilingual(`${ja}: このモデルの \`${d.section}:\` で宣言した${d.ja}の id。`, `${en}: the id of ${/^[aeiou]/.test(d.en) ? 'an' : 'a'} ${d.en} declared under \`${d.section}:\` in this model.`),
  };
}

function controls(table: Readonly<Record<string, DefinedTerm>>, ja: string, en: string): SchemaNode {
  return listOf(
    {
      anyOf: [
        vocab(table, `${ja}。`, `A ${en} control.`),
        { type: 'string', pattern: CUSTOM_CONTROL_PATTERN, ...bilingual('独自の管理策。"x-" で始める（独自の脅威ルールだけが読む）。', 'A custom control of your own, starting with "x-" (read by custom rules only).') },
      ],
    },
    '既存の管理策: 脅威ルールが読み、顕在化率や影響度を下げる。独自の管理策は "x-" で始める。',
    'Controls already in place, which the threat rules read to lower likelihood or impact. Custom ones start with "x-".',
  );
}

/** An element with the id and label every element has. */
function element(title: string, ja: string, en: string, properties: Record<string, SchemaNode>, required: readonly string[]): SchemaNode {
  return {
    type: 'object',
    title,
    ...bilingual(ja, en),
    additionalProperties: false,
    required: ['id', 'label', ...required],
    properties: {
      id: { $ref: '#/definitions/id' },
      label: { $ref: '#/definitions/label' },
      description: { $ref: '#/definitions/description' },
      ...properties,
    },
  };
}

/**
 * Who runs an element: one of `words`, or the id of a party the model names. The words are an enum beside the
 * id pattern so that editors offer each with its meaning; the pattern comes first, so a value that is no id
 * is reported as one.
 */
function operator(words: Readonly<Record<string, DefinedTerm>>, ja: string, en: string): SchemaNode {
  const list = Object.keys(words).join(' / ');
  return {
    type: 'string',
    ...bilingual(
      `${ja}。値は、このモデルの \`parties:\` で宣言した関係者の id、または ${list} のいずれか。`,
      `${en}. Give the id of a party declared under \`parties:\` in this model, or one of ${list}.`,
    ),
    anyOf: [
      { type: 'string', pattern: ID_PATTERN },
      { type: 'string', enum: Object.keys(words), ...valueTexts(Object.values(words)) },
    ],
  };
}

const boundary: SchemaNode = {
  type: 'string', minLength: 1, maxLength: 500,
  ...bilingual(
    '責任分界点: ある関係者から次の関係者へ責任が移る所。例:「診療所のルータの WAN ポート。そこまでは回線事業者、その先は診療所」。二つの組織の間の接続やネットワークには書くとよい。',
    'Where responsibility passes from one party to the next, e.g. "the WAN port of the clinic\'s router: the carrier up to it, the clinic after it". Links and networks between two organisations should say it.',
  ),
};

function section(item: string, ja: string, en: string): SchemaNode {
  return { type: 'array', items: { $ref: `#/definitions/${item}` }, ...bilingual(ja, en) };
}

const authJa = '利用者認証: "none"、一つの要素、または要素のリスト。2種類以上の要素（知識・所持・生体）を組み合わせると多要素認証になる。';
const authEn = 'Authentication of users: "none", one factor, or a list of factors. Two or more factor types (knowledge, possession, biometric) make multi-factor authentication.';
// The two forms carry no text of their own: editors would show a form's text instead of the property's.
const auth: SchemaNode = {
  ...bilingual(authJa, authEn),
  anyOf: [
    { type: 'string', enum: ['none', ...Object.keys(AUTH_FACTORS)], ...valueTexts([NO_AUTH, ...Object.values(AUTH_FACTORS)]) },
    { type: 'array', items: vocab(AUTH_FACTORS, '認証の要素。', 'A factor.'), uniqueItems: true, minItems: 1 },
  ],
};

/** The five grades of impact or likelihood, as "1 very small, 2 small, ...". */
export function gradeList(grades: readonly Term[], lang: Lang): string {
  return grades.map((g, i) => `${i + 1} ${g[lang]}`).join(lang === 'ja' ? '、' : ', ');
}

const tlsValues: readonly (TlsVersion | number)[] = [...TLS_VERSIONS, 1, 1.1, 1.2, 1.3];

export const schema: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:koseizu:dsl:1',
  title: 'koseizu model (version 1)',
  ...bilingual(
    'koseizu のモデル: 医療情報システムの全体構成図と情報流。koseizu はここから構成図を描き、リスクアセスメントを導く。' +
      'どの要素にも変わらない kebab-case の `id`（リスクIDに使う。モデル全体で一意）と、人が読む `label` がある。',
    'A koseizu model: the configuration diagram and information flows of a medical information system, from which koseizu ' +
      'draws the diagram and derives the risk assessment. Every element has a stable kebab-case `id` (used in risk ids; unique ' +
      'across the whole model) and a human `label`.',
  ),
  type: 'object',
  additionalProperties: false,
  patternProperties: {
    '^x-': bilingual('拡張キー: koseizu は読まない。YAML のアンカーを置くのに便利。', 'Extension keys: ignored by koseizu; handy to hold YAML anchors.'),
  },
  required: ['koseizu'],
  properties: {
    koseizu: { const: 1, ...bilingual('DSL のバージョン。このスキーマでは常に 1。', 'DSL version. Always 1 for this schema.') },
    include: listOf(
      { type: 'string', minLength: 1, pattern: '^[^\\\\]*\\.ya?ml$', ...bilingual('.yaml ファイルへの相対パス。', 'A relative path to a .yaml file.') },
      '分割ファイル: その各セクションを、この順にこのファイルへ追加する。パスはこのファイルからの相対で、ルートのモデルのフォルダの中に限る。循環は不可。' +
        '分割ファイルは `koseizu: 1` で始め、`system` を持たない。',
      'Other model files whose sections are appended to this one, in order. Paths are relative to this file, ' +
        'must stay inside the root model\'s folder, and may not form a cycle. Included files start with `koseizu: 1` and hold no `system`.',
    ),
    system: { $ref: '#/definitions/system' },
    parties: section('party', '関係者: 拠点・機器・ネットワークを運用し、媒体を運ぶ組織（医療機関等、対象事業者、委託先、他社、回線事業者）。誰が何に責任を持つかを示すために書く。',
      'Parties: the organisations that run sites, devices and networks, or carry media: the institution, the provider, contractors, other vendors, carriers. Name them to say who answers for what.'),
    sites: section('site', '拠点: 医療機関、データセンター、クラウドのリージョン、保管庫等の物理的な場所。拠点は設置場所を含む。',
      'Physical sites: a medical institution, a data centre, a cloud region, a vault. A site contains locations.'),
    locations: section('location', '設置場所: 拠点の中で機器が置かれ、人が働く部屋や区画。', 'Locations: rooms or areas inside a site where devices stand or people work.'),
    actors: section('actor', '利用者・関係者: 情報を取り扱う人（情報流の「誰が」）。', 'Actors: who handles information (the "Who" of a flow).'),
    data: section('data', '情報資産と、その重要度の分類。', 'Information assets and their class.'),
    devices: section('device', '機器: サーバ、端末、プリンタ、ネットワーク機器、外部システム。同じ機器の群は `count` を持つ一つの要素にする。',
      'Devices: servers, terminals, printers, network equipment, external systems. A group of identical devices is one element with `count`.'),
    networks: section('network', 'ネットワーク: 接続が通る回線やセグメントと、そのセキュリティ上の事実。', 'Networks: the lines and segments links run over, with their security facts.'),
    links: section('link', '接続: どの機器同士がどのネットワークで通信するか。', 'Links: which devices talk to each other over which network.'),
    media: section('media', '記憶媒体の搬送: 手で運ぶ、または配送する記憶媒体の、設置場所の間の移動。', 'Media transport: storage media carried by hand or courier between locations.'),
    flows: section('flow', '情報流: 誰が・どこの・どの機器で・何を・どうするか。フェーズと提供形態ごとに、情報が通る経路とともに書く。',
      'Information flows: Who / Where / Which / What / How, per phase and provision form, with the path the information takes.'),
    responses: section('response', 'リスク対応: 変わらないリスクIDをキーにする。ここに書けば再実行しても残る。', 'Risk responses, keyed by stable risk id: kept here so they survive re-runs.'),
    'risk-matrix': { $ref: '#/definitions/risk-matrix' },
    rules: listOf(
      { type: 'string', minLength: 1, pattern: '^[^\\\\]*$', ...bilingual('ルールファイル（.yaml）またはそのフォルダへの相対パス。', 'A relative path to a rule file (.yaml) or to a folder of them.') },
      '独自の脅威ルール: 組み込みのカタログに加える。YAML ファイル、またはすべての .yaml がルールファイルであるフォルダ。' +
        'パスはこのファイルからの相対で、ルートのモデルのフォルダの中に限る。ルートのファイルにだけ書ける。',
      'Your own threat rules, added to the built-in catalogue: YAML files, or folders whose .yaml files are all rule files. ' +
        'Paths are relative to this file and must stay inside the root model\'s folder. Only in the root file.',
    ),
  },
  definitions: {
    id: {
      type: 'string', pattern: ID_PATTERN, maxLength: 64,
      ...bilingual('識別子: kebab-case（a-z、0-9、"-"）で、モデル全体で一意。リスクIDは id から作るので、表示名を変えてもリスクIDは変わらない。',
        'Stable identifier: kebab-case (a-z, 0-9, "-"), unique across the whole model. Risk ids are built from ids, so renaming a label never changes them.'),
    },
    label: {
      type: 'string', minLength: 1, maxLength: 100,
      ...bilingual('表示名: 構成図と報告書に出る名前。日本語でよい。その要素を挙げるすべてのリスクに繰り返し出るので、100文字まで。',
        'Display name shown in diagrams and reports; Japanese is normal. At most 100 characters: it is repeated in every risk that names the element.'),
    },
    description: { type: 'string', maxLength: 2000, ...bilingual('説明: 報告書に出る自由なメモ。', 'Free notes shown in reports.') },
    phase: vocab(PHASES, 'フェーズ: 医療情報システム等のライフサイクルの段階。', 'Lifecycle phase.'),
    form: vocab(FORMS, '提供形態: 対象事業者が何を提供するか。', 'Provision form: what the provider offers.'),
    system: {
      type: 'object',
      title: 'system',
      ...bilingual('対象システム: 評価する医療情報システム等。ルートのモデルのファイルにだけ書き、そこでは必須。', 'The system being assessed. Required in the root model file only.'),
      additionalProperties: false,
      required: ['id', 'title', 'forms', 'phases'],
      properties: {
        id: { $ref: '#/definitions/id' },
        title: { type: 'string', minLength: 1, maxLength: 200, ...bilingual('システム名: 構成図と報告書に出る。', 'Title of the system, shown on the diagram and the report.') },
        description: { $ref: '#/definitions/description' },
        provider: { type: 'string', minLength: 1, maxLength: 200, ...bilingual('対象事業者名。', 'Name of the provider.') },
        forms: listOf({ $ref: '#/definitions/form' }, 'この対象事業者が提供する提供形態: application / platform / infrastructure。',
          'Provision forms this provider offers: application / platform / infrastructure.', { minItems: 1 }),
        phases: listOf({ $ref: '#/definitions/phase' }, '評価するフェーズ: development / operation / termination。',
          'Lifecycle phases assessed: development / operation / termination.', { minItems: 1 }),
        lang: { type: 'string', enum: [...Object.keys(LANGUAGES)], default: 'ja', ...bilingual('出力言語: ja（既定）または en。', 'Language of the outputs: ja (default) or en.'), ...valueTexts(Object.values(LANGUAGES)) },
      },
    },
    party: element('party', '関係者: 拠点・機器・ネットワークを運用し、または媒体を運ぶ組織。', 'An organisation that runs sites, devices or networks, or carries media.', {
      kind: vocab(PARTY_KINDS, '種別: その関係者がシステムにとって何か。', 'What the party is to the system.'),
      agreement: {
        type: 'string', minLength: 1, maxLength: 500,
        ...bilingual('契約・SLA・責任分界の合意: セキュリティと責任の分担を定めた、その関係者との取り決め。例:「保守契約（SLA 付き）、2026-04」。合意のないまま医療情報を運ぶ関係者は、責任の空白になる。',
          'The agreement with it that covers security and who answers for what, e.g. "maintenance contract with SLA, 2026-04". A party that carries medical information with no agreement stated is a gap in responsibility.'),
      },
      country: { type: 'string', pattern: '^[A-Z]{2}$', ...bilingual('所在国: ISO 3166-1 の2文字（JP 等）。', 'Country where the party is based, ISO 3166-1 alpha-2.') },
      'foreign-law': { type: 'boolean', ...bilingual('国外法の適用可能性: 海外の親会社等を通じて、保有する情報に外国の法律が及びうる。', 'A foreign law may reach the information it holds, e.g. through a parent company abroad.') },
      certifications: listOf(vocab(CERTIFICATIONS, '第三者認証・評価。', 'A certification.'), '第三者認証: 保有する第三者認証と評価。医療機関等は対象事業者の選定のときに確かめる。',
        'Third-party certifications and evaluations it holds, which the institution confirms when it selects a provider.'),
      'engaged-by': {
        type: 'string', enum: ['provider', 'institution'],
        ...bilingual('委託元: 第三者や回線事業者が、その契約のもとで誰のために働くか（対象事業者または医療機関等）。対象事業者のために保有する情報は、契約終了時に対象事業者が返却・消去させる。',
          'For a third party or a carrier: whom it works for under its agreement, the provider or the institution. What it holds for the provider is the provider\'s to return or erase at contract termination.'),
        ...valueTexts([ORGS.provider, ORGS.institution]),
      },
    }, ['kind']),
    site: element('site', '拠点: 設置場所を含む物理的な場所。', 'A physical site that contains locations.', {
      owner: vocab(ORGS, '管理主体: 拠点を管理する者。拠点の機器は、別に書かない限り同じ者が所有する。', 'Who runs the site. Devices in it are owned by the same party unless they say otherwise.'),
      operator: operator(ORGS, '運用主体: 拠点を運用する者。所有者と異なるとき、または関係者を名指しするときに書く', 'Who runs the site, when it is not simply its owner, or to name the party'),
      country: {
        type: 'string', pattern: '^[A-Z]{2}$',
        ...bilingual('所在国: ISO 3166-1 の2文字（JP 等）。医療情報を国外に保存することは、ルールが確かめるリスク。',
          'Country where the site is, ISO 3166-1 alpha-2 such as JP. Medical information stored outside Japan is a risk the rules check.'),
      },
      region: { type: 'string', minLength: 1, maxLength: 100, ...bilingual('地域: 国の中の地域（クラウドのリージョン、都道府県等）。', 'Region within the country, e.g. a cloud region or a prefecture.') },
      controls: controls(SITE_CONTROLS, '拠点の管理策', 'site'),
    }, ['owner']),
    location: element('location', '設置場所: 拠点の中の部屋や区画。', 'A room or area inside a site.', {
      site: ref('site', 'この設置場所がある拠点', 'The site this location is in'),
      public: { type: 'boolean', default: false, ...bilingual('不特定多数が立ち入る場所（待合室等）。', 'Open to the public, such as a waiting room.') },
      controls: controls(LOCATION_CONTROLS, '物理的管理策', 'physical'),
    }, ['site']),
    actor: element('actor', '利用者・関係者: 情報を取り扱う人や役割。', 'A person or role who handles information.', {
      org: vocab(ACTOR_ORGS, '所属: 利用者が属する組織。', 'Organisation the actor belongs to.'),
      party: ref('party', '利用者が属する関係者', 'The party the actor belongs to'),
    }, ['org']),
    data: element('data', '情報資産。', 'An information asset.', {
      class: vocab(DATA_CLASSES, '情報の分類: アプリケーションの対象事業者は医療機関等の分類に従う。プラットフォーム・インフラの対象事業者は、少なくとも医療情報を含む可能性のある領域とそれ以外の情報を分ける。',
        'Class of the information: application providers use the institution\'s classes; platform and infrastructure providers at least separate areas that may contain medical information from other information.'),
      kind: vocab(DATA_KINDS, '種類: その情報が何か。ログは `log` とし、保存期間のルールが見つけられるようにする。', 'What the information is. Logs are marked `log` so retention rules can find them.'),
      'legal-record': {
        type: 'boolean', default: false,
        ...bilingual('法定保存文書: 法令が保存を求める記録（e-文書法）。真正性・見読性・保存性が求められる。', 'A record the law requires to be kept (e-Document Act): authenticity, legibility and preservation apply.'),
      },
      retention: {
        type: 'string', pattern: RETENTION_PATTERN,
        ...bilingual('保存期間: 数と y（年）・m（月）・d（日）。例: 5y。または "permanent"（永年）。', 'How long it is kept: a number and y (years), m (months) or d (days), e.g. 5y; or "permanent".'),
      },
    }, ['class']),
    device: element('device', '機器、または同じ機器の群。', 'A device or a group of identical devices.', {
      kind: vocab(DEVICE_KINDS, '機器の種類: アイコンと既定の役割が決まる。', 'Kind of device; sets its icon and its default roles.'),
      at: ref('location', '機器の設置場所', 'Where the device stands'),
      count: {
        type: 'integer', minimum: 1, maximum: 100000, default: 1,
        ...bilingual('台数: この群の同じ機器の数。構成図では「×N」の付いた一つの機器として描く。', 'Number of identical devices in this group; drawn as one node with "×N".'),
      },
      owner: vocab(DEVICE_OWNERS, '所有者: 既定は拠点の管理主体。`patient` は患者本人の機器、`staff` は職員個人の機器（BYOD）。',
        'Who owns the device. Defaults to the owner of its site. `patient` is a patient\'s own device, `staff` a staff member\'s personal device (BYOD).'),
      operator: operator(OPERATORS, '管理主体: 機器を運用・管理する者。既定は、書かれていれば所有者、そうでなければ拠点の運用者',
        'Who runs and manages the device. Defaults to its owner when stated, otherwise to its site\'s operator'),
      supplier: operator(ORGS,
        '提供元: 運用者のものでないとき、その上で動くシステムやソフトウェアを提供する者。病院所有のサーバで動く対象事業者のアプリケーションなら `provider`、他社のシステムならその関係者。' +
          'アプリケーション自体のリスク（入力検証、処理、認証、署名）には、運用者とともに提供元が答える',
        'Whose system or software runs on it, when not its operator\'s: `provider` for the provider\'s application on a hospital\'s own server, a party for another vendor\'s system. ' +
          'Risks of the application itself (input validation, processing, authentication, signatures) are answered by the supplier as well as the operator'),
      stores: listOf(
        { anyOf: [ref('data', '原本として保存する情報', 'Information kept as the record'), { $ref: '#/definitions/kept' }] },
        '保存する情報: 情報資産の id（原本として保存）、またはそれぞれの保存の形態を書いた項目。これを書いた機器は、これらを書き込む情報流にだけ保存の断面になる（キャッシュと一時保管は、読む情報流にもなる）。' +
          '`stores` がなければ、保存またはバックアップの役割を持つ機器は、書き込む情報流が運ぶものをすべて保存する。',
        'What the device keeps: data ids (kept as the record), or entries saying how each is kept. A device that lists them is a storage segment only of flows that write these to it (caches and temporary copies also of flows that read them through it). ' +
          'Without `stores`, a device with the store or backup role keeps whatever writing flows bring it.',
      ),
      auth,
      exposure: vocab(EXPOSURES,
        '公開範囲: 既定は接続から決まる。接続を受け付ける機器（端末・プリンタ・画面以外）がインターネットのネットワーク上の接続を持てば、インターネットから到達可能。そうでなければ内部のみ。' +
          '接続と矛盾する値を書くと警告になる（KZ311）。',
        'Reachability. Defaults to what its links say: a device that answers connections (anything but a terminal, a printer or a screen) on a link over an internet network is reachable from the internet; otherwise internal. ' +
          'A stated value its links contradict is warned about (KZ311).'),
      roles: listOf(vocab(DEVICE_ROLES, '役割。', 'A role.'),
        '役割: 機器が情報をどう扱うか。既定は種類から決まる: サーバは処理、データベースとストレージは保存、ログサーバはログ保存、端末は入力と表示、プリンタは印刷、ネットワーク機器は中継、外部システムと医療機器は入力・処理・表示。',
        'What the device does with information. Defaults by kind: servers process, databases and storage store, log servers log, terminals input and display, printers print, network equipment relays, external systems and medical devices input, process and display.'),
      env: vocab(ENVIRONMENTS, '環境: 本番・検証・開発・テストのいずれか。', 'Environment: production, staging, development or test.'),
      eol: { type: 'boolean', default: false, ...bilingual('サポート終了製品: サポートの終わったソフトウェアが動いている。', 'Runs software past its end of support.') },
      controls: controls(DEVICE_CONTROLS, '機器の管理策', 'device'),
    }, ['kind', 'at']),
    network: element('network', 'ネットワーク: 接続が通る回線やセグメント。', 'A network that links run over.', {
      kind: vocab(NETWORK_KINDS, '回線種別。', 'Kind of network.'),
      encrypted: {
        type: 'boolean',
        ...bilingual('経路の暗号化: ネットワーク自体が通信を暗号化する。既定は、VPN と WPA2・WPA3 の無線LAN で true、それ以外は false。',
          'Traffic is encrypted on the network itself. Defaults to true for VPNs and for wireless LANs with WPA2 or WPA3, false otherwise.'),
      },
      ike: { type: 'boolean', ...bilingual('IKE の併用: IPsec の鍵を IKE で管理する。ipsec-vpn にだけ書く。', 'IPsec keys are managed with IKE. Only for ipsec-vpn.') },
      auth: { ...auth, ...bilingual(`接続時の認証（VPN の利用者認証等）。${authJa}`, `Authentication to join the network, e.g. VPN user authentication. ${authEn}`) },
      'wlan-security': vocab(WLAN_SECURITY, '無線LANのセキュリティ方式。wireless-lan にだけ書く。', 'Wireless LAN security mode. Only for wireless-lan.'),
      ieee8021x: {
        type: 'boolean',
        ...bilingual('IEEE 802.1X と電子証明書で、接続できる端末を制限する。wireless-lan にだけ書く。', 'IEEE 802.1X with certificates restricts which devices join. Only for wireless-lan.'),
      },
      'mac-filter': {
        type: 'boolean',
        ...bilingual('MACアドレスによる接続制限。これだけではなりすましできる。wireless-lan にだけ書く。', 'MAC address filtering; spoofable on its own. Only for wireless-lan.'),
      },
      operator: operator(ORGS, '運用主体: ネットワークを運用する者。閉域網・専用線・Direct Connect なら回線事業者（契約を書いた関係者）。既定は、つなぐ機器に運用者があればその運用者',
        'Who runs the network: for a closed network, a leased line or Direct Connect, the carrier (a party with its agreement). Defaults to the operator of the devices it joins, when they have one'),
      boundary,
    }, ['kind']),
    kept: {
      type: 'object',
      title: 'kept',
      ...bilingual('機器が保存する情報と、その保存の形態。', 'Information a device keeps, and how.'),
      additionalProperties: false,
      required: ['data'],
      properties: {
        data: {
          anyOf: [ref('data', '保存する情報', 'The data kept'), listOf(ref('data', '保存する情報', 'The data kept'), '保存する情報。', 'The data kept.', { minItems: 1 })],
          ...bilingual('保存する情報: 情報資産の id、またはそのリスト。', 'The data kept: an id or a list of ids.'),
        },
        as: {
          ...vocab(KEPT_AS, '保存の形態。既定は record（原本）。記録の保存に関わるリスク（バックアップ、真正性、災害）は原本が対象。キャッシュと一時保管は紛失・盗難・消し残しのリスクを生む。',
            'How it is kept. Defaults to record. Record-keeping risks (backups, authenticity, disasters) concern records; caches and temporary copies raise loss, theft and data left behind.'),
          default: 'record',
        },
        retention: {
          type: 'string', pattern: RETENTION_PATTERN,
          ...bilingual('この機器での保存期間。例: 1d、30d、5y。医療情報の一時保管には、合意した期間があるべき。', 'How long it is kept on this device, e.g. 1d, 30d, 5y. A temporary copy of medical information should have an agreed one.'),
        },
        'backup-to': listOf(
          {
            type: 'string', pattern: ID_PATTERN,
            ...bilingual('バックアップ先: このモデルの `devices:` で宣言した機器、または `media:` で宣言した記憶媒体の搬送の id。', 'Where a backup goes: the id of a device declared under `devices:` or of a media transport declared under `media:` in this model.'),
          },
          'バックアップ先: バックアップ用の機器、またはバックアップを運び出す記憶媒体の搬送。書かなければ、情報流が届くバックアップ用の機器とバックアップの管理策から判断する。',
          'Where its backups go: backup devices, or media transports carrying the backup away. Without it, backups are found from the backup devices its flows reach and its backup controls.',
        ),
        of: ref('device', '原本を保存する機器（複製・キャッシュ等の元）', 'The device that keeps the record this is a copy of'),
      },
    },
    link: {
      type: 'object',
      title: 'link',
      ...bilingual('機器間の接続: 二つの機器をネットワークでつなぐ。向きはない。', 'A connection between two devices over a network. Links are undirected.'),
      additionalProperties: false,
      required: ['from', 'to', 'network'],
      properties: {
        id: {
          $ref: '#/definitions/id',
          ...bilingual('識別子。既定は "<from>--<to>"。同じ機器の組を二つの接続でつなぐときは書く。', 'Stable identifier. Defaults to "<from>--<to>"; give one when two links join the same devices.'),
        },
        label: {
          $ref: '#/definitions/label',
          ...bilingual('表示名。既定はプロトコルと TLS のバージョン。どちらもなければ、LAN 以外の接続はネットワークの表示名を出す。',
            'Display name. Defaults to the protocol and TLS version; with neither, a link over anything but a LAN shows its network\'s label.'),
        },
        description: { $ref: '#/definitions/description' },
        from: ref('device', '一方の端の機器', 'One end of the link'),
        to: ref('device', 'もう一方の端の機器', 'The other end of the link'),
        network: ref('network', '接続が通るネットワーク', 'The network the link runs over'),
        protocol: {
          type: 'string', maxLength: 32,
          ...bilingual('プロトコル: アプリケーションのプロトコル名を小文字で（https、sftp、dicom、hl7、sql 等）。よく使うものは補完に出るが、ほかの名前も書ける。',
            'Application protocol, lower case, e.g. https, sftp, dicom, hl7, sql. Editors offer common ones; any other name may be written.'),
          anyOf: [
            { type: 'string', pattern: PROTOCOL_PATTERN },
            { type: 'string', enum: Object.keys(COMMON_PROTOCOLS), ...valueTexts(Object.values(COMMON_PROTOCOLS)) },
          ],
        },
        tls: {
          enum: [...tlsValues],
          ...bilingual('TLSの最低バージョン: この接続が受け付ける最も低い版、"1.0" から "1.3"。ガイドラインが求める CRYPTREC の高セキュリティ型の設定は "1.2" と "1.3" だけを認める。それより低い版を受け付ける接続はリスク。',
            'Lowest TLS version accepted on this link: "1.0" to "1.3". CRYPTREC\'s high-security settings, which the guideline asks for, accept only "1.2" and "1.3": a link that accepts less is a risk.'),
          ...valueTexts(tlsValues.map((v) => TLS_TERMS[(typeof v === 'number' ? v.toFixed(1) : v) as TlsVersion])),
        },
        encrypted: {
          type: 'boolean',
          ...bilingual('通信の暗号化: この接続の通信が端から端まで暗号化されている。既定は、`tls` があるか、プロトコル自体が暗号化するとき（https、ssh、sftp、scp、ftps、ldaps 等）true、それ以外はネットワークの暗号化に従う。',
            'Traffic on this link is encrypted end to end. Defaults to true when `tls` is given or the protocol encrypts on its own (https, ssh, sftp, scp, ftps, ldaps...), otherwise to the network\'s encryption.'),
        },
        boundary,
      },
    },
    media: element('media', '記憶媒体の搬送: 設置場所の間で運ぶ記憶媒体。', 'A storage medium carried between locations.', {
      kind: vocab(MEDIA_KINDS, '媒体の種類。', 'Kind of medium.'),
      from: ref('location', '搬送元', 'Where the medium is carried from'),
      to: ref('location', '搬送先', 'Where the medium is carried to'),
      carrier: ref('actor', '運搬者', 'Who carries it'),
      encrypted: { type: 'boolean', default: false, ...bilingual('媒体の暗号化: 媒体が暗号化されている。', 'The medium is encrypted.') },
      data: listOf(ref('data', '搬送される情報', 'Information carried'), '搬送される情報。', 'What is carried.', { minItems: 1 }),
      phases: listOf({ $ref: '#/definitions/phase' }, '搬送が行われるフェーズ。既定はシステムのすべてのフェーズ。', 'Phases in which the transport happens. Defaults to every phase of the system.', { minItems: 1 }),
      controls: controls(MEDIA_CONTROLS, '媒体の管理策', 'media'),
    }, ['kind', 'from', 'to', 'carrier', 'data']),
    flow: element('flow', '情報流: 誰が・どこの・どの機器で・何を・どうするか、と情報が通る機器の経路。', 'An information flow: Who / Where / Which / What / How, and the path of devices it takes.', {
      phase: { $ref: '#/definitions/phase' },
      form: { $ref: '#/definitions/form', ...bilingual('提供形態。システムが一つの提供形態だけを宣言していれば省略できる。', 'Provision form. May be left out when the system declares one form.') },
      who: ref('actor', '誰が', 'Who'),
      where: {
        type: 'string', pattern: ID_PATTERN,
        ...bilingual('どこの: `which` の機器の設置場所として `locations:` で宣言した設置場所の id、またはその拠点として `sites:` で宣言した拠点の id。既定は機器の設置場所。',
          'Where: the id of the `which` device\'s location, declared under `locations:`, or of its site, declared under `sites:`, in this model. Defaults to the device\'s location.'),
      },
      which: ref('device', 'どの機器で', 'Which device'),
      what: listOf(ref('data', '何を', 'What'), '何を: 取り扱う情報。', 'What: the information handled.', { minItems: 1 }),
      how: listOf(vocab(OPERATIONS, '操作。', 'An operation.'), 'どうするか: その情報に対して行うこと。', 'How: what is done with it.', { minItems: 1 }),
      path: {
        type: 'array', items: ref('device', '経路上の機器', 'A device on the path'), minItems: 1,
        ...bilingual('経路: 情報が通る機器を順に並べる。隣り合う二つの機器は接続でつながっていなければならない。既定は `which` の機器だけ。',
          'The devices the information passes through, in order. Each pair of neighbours must be joined by a link. Defaults to the `which` device alone.'),
      },
      volume: vocab(VOLUMES, '取扱量・頻度: 患者情報を大量・高頻度に扱う情報流は影響度を上げる。', 'How much and how often; large, frequent flows of patient information raise impact.'),
    }, ['phase', 'which', 'what', 'how']),
    'risk-matrix': {
      type: 'object',
      title: 'risk-matrix',
      ...bilingual(
        '独自のリスクマトリクスと対応基準: ガイドラインのサンプルを置き換える。ルートのファイルにだけ書ける。`levels` は影響度ごとに、顕在化率 1 から 5 のリスクレベル（1-5）を並べる。' +
          'レベル 5 は S ランク、4 は A、3 は B、2 は C、1 は D。',
        'Your own risk matrix and rank criteria, replacing the sample the guideline gives. ' +
          'Only in the root file. `levels` maps each impact to the levels (1-5) for likelihood 1 to 5; ' +
          'level 5 is rank S, 4 A, 3 B, 2 C and 1 D.',
      ),
      additionalProperties: false,
      properties: {
        levels: {
          type: 'object',
          ...bilingual('影響度（行 impact-1 から impact-5）と顕在化率（5つの列、顕在化率 1 から 5）ごとのリスクレベル。5行すべて必須。',
            'Risk level per impact (rows impact-1 .. impact-5) and likelihood (the five columns, likelihood 1 to 5). All five rows are required.'),
          additionalProperties: false,
          required: ['impact-1', 'impact-2', 'impact-3', 'impact-4', 'impact-5'],
          properties: Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`impact-${i}`, {
            type: 'array', minItems: 5, maxItems: 5, items: { type: 'integer', minimum: 1, maximum: 5 },
            ...bilingual(`影響度 ${i} のレベル: 顕在化率 1、2、3、4、5 の順。`, `Levels for impact ${i}, for likelihood 1, 2, 3, 4 and 5.`),
          }])),
        },
        ranks: {
          type: 'object',
          ...bilingual('ランクごとの対応要否と、自組織の言葉での対応基準。', 'Per rank, whether a response is needed and the criterion in your words.'),
          additionalProperties: false,
          properties: Object.fromEntries(RANKS.map((r) => [r, {
            type: 'object',
            ...bilingual(`${r}ランク: その対応要否と対応基準。`, `Rank ${r}: its response need and criterion.`),
            additionalProperties: false,
            properties: {
              response: vocab(RESPONSE_NEED_TERMS, `${r}ランクの対応要否。`, `Whether rank ${r} needs a response.`),
              criteria: { type: 'string', minLength: 1, maxLength: 300, ...bilingual(`${r}ランクの対応基準を、自組織の言葉で。`, `The criterion for rank ${r}, as your organisation words it.`) },
            },
          }])),
        },
      },
    },
    response: {
      type: 'object',
      title: 'response',
      ...bilingual('リスク対応: 一つのリスク、またはグロブに合うすべてのリスクへのチームの対応。', 'The team\'s response to one risk, or to every risk matched by a glob.'),
      additionalProperties: false,
      required: ['risk', 'decision'],
      properties: {
        risk: {
          type: 'string', pattern: RISK_PATTERN, maxLength: 300,
          ...bilingual('リスクID: `<rule>@<flow>/<elements>` の形の変わらない id、または `*` と `?` を使うグロブ。', 'The stable risk id `<rule>@<flow>/<elements>`, or a glob with `*` and `?`.'),
        },
        decision: vocab(DECISIONS, 'リスク対応の選択肢。', 'The response chosen.'),
        measures: {
          type: 'array',
          ...bilingual('対応を実現する対策。', 'Measures that implement the response.'),
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['category', 'owner', 'text'],
            properties: {
              category: vocab(MEASURE_CATEGORIES, '対策の観点。', 'Category of the measure.'),
              owner: vocab(MEASURE_OWNERS, '実施主体: 医療機関等が実施する対策は、医療機関等へ対応を求める事項になる。',
                'Who carries it out; institution-owned measures are what the institution is asked to do.'),
              text: { type: 'string', minLength: 1, maxLength: 1000, ...bilingual('対策の内容。', 'The measure, in words.') },
            },
          },
        },
        residual: {
          type: 'object',
          ...bilingual('残存リスク: 対策の後に採点し直したリスク。', 'The risk re-scored after the measures.'),
          additionalProperties: false,
          required: ['impact', 'likelihood'],
          properties: {
            impact: {
              type: 'integer', minimum: 1, maximum: 5,
              ...bilingual(`残存する影響度 1-5: ${gradeList(IMPACT_GRADES, 'ja')}。`, `Residual impact 1-5: ${gradeList(IMPACT_GRADES, 'en')}.`),
            },
            likelihood: {
              type: 'integer', minimum: 1, maximum: 5,
              ...bilingual(`残存する顕在化率 1-5: ${gradeList(LIKELIHOOD_GRADES, 'ja')}。`, `Residual likelihood 1-5: ${gradeList(LIKELIHOOD_GRADES, 'en')}.`),
            },
          },
        },
        rationale: { type: 'string', minLength: 1, maxLength: 2000, ...bilingual('理由: この対応を選んだわけ。', 'Why this response.') },
        'agreed-with': { type: 'string', minLength: 1, maxLength: 200, ...bilingual('合意先: 医療機関等の側でこれに合意した者。', 'Who agreed to it on the institution\'s side.') },
        date: { type: 'string', pattern: DATE_PATTERN, ...bilingual('決定日: YYYY-MM-DD。', 'Date of the decision, YYYY-MM-DD.') },
      },
    },
  },
};
