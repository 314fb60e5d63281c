// The JSON Schema of the koseizu DSL, version 1: the reference of the language.
// It is built here from the vocabularies, written to models/koseizu.schema.json for editors
// (`npm run gen`), and compiled ahead of time into models/generated/schema-validator.ts so that
// `koseizu validate` does not compile a schema at start-up. A test keeps both files current.
import {
  ACTOR_ORGS, AUTH_FACTORS, CERTIFICATIONS, DATA_CLASSES, DATA_KINDS, DECISIONS, DEVICE_CONTROLS, DEVICE_KINDS, DEVICE_OWNERS,
  DEVICE_ROLES, ENVIRONMENTS, EXPOSURES, FORMS, KEPT_AS, LANGS, LOCATION_CONTROLS, MEASURE_CATEGORIES,
  MEASURE_OWNERS, MEDIA_CONTROLS, MEDIA_KINDS, NETWORK_KINDS, OPERATIONS, OPERATORS, ORGS, PARTY_KINDS, PHASES,
  RANKS, RESPONSE_NEEDS, SITE_CONTROLS, TLS_VERSIONS, VOLUMES, WLAN_SECURITY, type Term,
} from './vocabulary.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type SchemaNode = { readonly [key: string]: Json };

export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const CUSTOM_CONTROL_PATTERN = '^x-[a-z0-9]+(-[a-z0-9]+)*$';
export const RETENTION_PATTERN = '^([1-9][0-9]{0,3}(y|m|d)|permanent)$';
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
export const RISK_PATTERN = '^[a-z0-9*?][a-z0-9*?-]*@[^\\s]+$';

/** An enum whose description lists every value with its Japanese and English names. */
function vocab(table: Readonly<Record<string, Term>>, what: string): SchemaNode {
  const values = Object.keys(table);
  const lines = values.map((v) => `- ${v}: ${table[v]?.en} (${table[v]?.ja})`);
  return { type: 'string', enum: values, description: `${what}\n${lines.join('\n')}` };
}

function listOf(item: SchemaNode, description: string, extra: SchemaNode = {}): SchemaNode {
  return { type: 'array', items: item, uniqueItems: true, description, ...extra };
}

function ref(kind: string, ja: string): SchemaNode {
  return { type: 'string', pattern: ID_PATTERN, description: `The id of a ${kind} (${ja}) declared in this model.` };
}

function controls(table: Readonly<Record<string, Term>>, what: string): SchemaNode {
  return listOf(
    { anyOf: [vocab(table, `A ${what} control`), { type: 'string', pattern: CUSTOM_CONTROL_PATTERN, description: 'A custom control of your own, prefixed with "x-" (read by custom rules only).' }] },
    `Controls already in place (既存の管理策) that the threat rules read to lower likelihood or impact. Custom ones start with "x-".\n${Object.keys(table).map((v) => `- ${v}: ${table[v]?.en} (${table[v]?.ja})`).join('\n')}`,
  );
}

/** An element with the id and label every element has. */
function element(title: string, description: string, properties: Record<string, SchemaNode>, required: readonly string[]): SchemaNode {
  return {
    type: 'object',
    title,
    description,
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

/** Who runs an element: one of `words`, or the id of a party the model names. */
function operator(words: Readonly<Record<string, Term>>, what: string): SchemaNode {
  return {
    type: 'string',
    pattern: ID_PATTERN,
    description: `${what} (運用主体): the id of a party (parties:) of this model, or one of these words:\n${Object.keys(words).map((v) => `- ${v}: ${words[v]?.en} (${words[v]?.ja})`).join('\n')}`,
    examples: Object.keys(words),
  };
}

const boundary: SchemaNode = {
  type: 'string', minLength: 1, maxLength: 500,
  description: 'Where responsibility passes from one party to the next (責任分界点), e.g. "the WAN port of the clinic\'s router: the carrier up to it, the clinic after it". Links and networks between two organisations should say it.',
};

function section(item: string, description: string): SchemaNode {
  return { type: 'array', items: { $ref: `#/definitions/${item}` }, description };
}

const auth: SchemaNode = {
  description:
    'Authentication of users (利用者認証): "none", one factor, or a list of factors. Two or more factor types ' +
    '(knowledge 知識 / possession 所持 / biometric 生体) make multi-factor authentication (多要素認証).\n' +
    Object.keys(AUTH_FACTORS).map((v) => `- ${v}: ${AUTH_FACTORS[v as keyof typeof AUTH_FACTORS].en} (${AUTH_FACTORS[v as keyof typeof AUTH_FACTORS].ja})`).join('\n'),
  anyOf: [
    { type: 'string', enum: ['none', ...Object.keys(AUTH_FACTORS)], description: 'No authentication ("none") or a single factor.' },
    listOf({ type: 'string', enum: Object.keys(AUTH_FACTORS) }, 'The factors used together.', { minItems: 1 }),
  ],
};

export const schema: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:koseizu:dsl:1',
  title: 'koseizu model (version 1)',
  description:
    'A koseizu model: the configuration diagram (全体構成図) and information flows (情報流) of a medical information ' +
    'system, from which koseizu draws the diagram and derives the risk assessment. Every element has a stable kebab-case ' +
    '`id` (used in risk ids; unique across the whole model) and a human `label`.',
  type: 'object',
  additionalProperties: false,
  patternProperties: {
    '^x-': { description: 'Extension keys (拡張): ignored by koseizu; handy to hold YAML anchors.' },
  },
  required: ['koseizu'],
  properties: {
    koseizu: { const: 1, description: 'DSL version (DSL バージョン). Always 1 for this schema.' },
    include: listOf(
      { type: 'string', minLength: 1, pattern: '^[^\\\\]*\\.ya?ml$', description: 'A relative path to a .yaml file.' },
      'Other model files (分割ファイル) whose sections are appended to this one, in order. Paths are relative to this file, ' +
        'must stay inside the root model\'s folder, and may not form a cycle. Included files start with `koseizu: 1` and hold no `system`.',
    ),
    system: { $ref: '#/definitions/system' },
    parties: section('party', 'Parties (関係者): the organisations that run sites, devices and networks, or carry media: the institution, the provider, contractors, other vendors, carriers. Name them to say who answers for what.'),
    sites: section('site', 'Physical sites (拠点): a medical institution, a data centre, a cloud region, a vault. A site contains locations.'),
    locations: section('location', 'Locations (設置場所): rooms or areas inside a site where devices stand or people work.'),
    actors: section('actor', 'Actors (利用者・関係者): who handles information (the "Who" of a flow).'),
    data: section('data', 'Information assets (情報資産) and their class (重要度分類).'),
    devices: section('device', 'Devices (機器): servers, terminals, printers, network equipment, external systems. A group of identical devices is one element with `count`.'),
    networks: section('network', 'Networks (ネットワーク): the lines and segments links run over, with their security facts.'),
    links: section('link', 'Links (接続): which devices talk to each other over which network.'),
    media: section('media', 'Media transport (記憶媒体の搬送): storage media carried by hand or courier between locations.'),
    flows: section('flow', 'Information flows (情報流): Who / Where / Which / What / How, per phase and provision form, with the path the information takes.'),
    responses: section('response', 'Risk responses (リスク対応), keyed by stable risk id: kept here so they survive re-runs.'),
    'risk-matrix': { $ref: '#/definitions/risk-matrix' },
    rules: listOf(
      { type: 'string', minLength: 1, pattern: '^[^\\\\]*$', description: 'A relative path to a rule file (.yaml) or to a folder of them.' },
      'Your own threat rules (独自の脅威ルール), added to the built-in catalogue: YAML files, or folders whose .yaml files are all rule files. ' +
        'Paths are relative to this file and must stay inside the root model\'s folder. Only in the root file.',
    ),
  },
  definitions: {
    id: { type: 'string', pattern: ID_PATTERN, maxLength: 64, description: 'Stable identifier (識別子): kebab-case (a-z, 0-9, "-"), unique across the whole model. Risk ids are built from ids, so renaming a label never changes them.' },
    label: { type: 'string', minLength: 1, maxLength: 100, description: 'Display name (表示名) shown in diagrams and reports; Japanese is normal. At most 100 characters: it is repeated in every risk that names the element.' },
    description: { type: 'string', maxLength: 2000, description: 'Free notes (説明) shown in reports.' },
    phase: vocab(PHASES, 'Lifecycle phase (フェーズ).'),
    form: vocab(FORMS, 'Provision form (提供形態).'),
    system: {
      type: 'object',
      title: 'system',
      description: 'The system being assessed (対象システム). Required in the root model file only.',
      additionalProperties: false,
      required: ['id', 'title', 'forms', 'phases'],
      properties: {
        id: { $ref: '#/definitions/id' },
        title: { type: 'string', minLength: 1, maxLength: 200, description: 'Title of the system (システム名), shown on the diagram and the report.' },
        description: { $ref: '#/definitions/description' },
        provider: { type: 'string', minLength: 1, maxLength: 200, description: 'Name of the provider (対象事業者名).' },
        forms: listOf({ $ref: '#/definitions/form' }, 'Provision forms this provider offers (提供形態): application / platform / infrastructure.', { minItems: 1 }),
        phases: listOf({ $ref: '#/definitions/phase' }, 'Lifecycle phases assessed (フェーズ): development / operation / termination.', { minItems: 1 }),
        lang: { type: 'string', enum: [...LANGS], default: 'ja', description: 'Language of the outputs (出力言語): ja (default) or en.' },
      },
    },
    party: element('party', 'An organisation (関係者) that runs sites, devices or networks, or carries media.', {
      kind: vocab(PARTY_KINDS, 'What the party is to the system (種別).'),
      agreement: { type: 'string', minLength: 1, maxLength: 500, description: 'The agreement with it that covers security and who answers for what (契約・SLA・責任分界の合意), e.g. "maintenance contract with SLA, 2026-04". A party that carries medical information with no agreement stated is a gap in responsibility.' },
      country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'Country where the party is based (所在国), ISO 3166-1 alpha-2.' },
      'foreign-law': { type: 'boolean', description: 'A foreign law may reach the information it holds (国外法の適用可能性), e.g. through a parent company abroad.' },
      certifications: listOf(vocab(CERTIFICATIONS, 'A certification'), 'Third-party certifications and evaluations it holds (第三者認証), which the institution confirms when it selects a provider.'),
      'engaged-by': { type: 'string', enum: ['provider', 'institution'], description: 'For a third party or a carrier: whom it works for under its agreement (委託元), the provider or the institution. What it holds for the provider is the provider\'s to return or erase at contract termination.' },
    }, ['kind']),
    site: element('site', 'A physical site (拠点) that contains locations.', {
      owner: vocab(ORGS, 'Who runs the site (管理主体). Devices in it are owned by the same party unless they say otherwise.'),
      operator: operator(ORGS, 'Who runs the site, when it is not simply its owner, or to name the party'),
      country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'Country where the site is (所在国), ISO 3166-1 alpha-2 such as JP. Medical information stored outside Japan is a risk the rules check.' },
      region: { type: 'string', minLength: 1, maxLength: 100, description: 'Region within the country (地域), e.g. a cloud region or a prefecture.' },
      controls: controls(SITE_CONTROLS, 'site'),
    }, ['owner']),
    location: element('location', 'A room or area (設置場所) inside a site.', {
      site: ref('site', '拠点'),
      public: { type: 'boolean', default: false, description: 'Open to the public (不特定多数が立ち入る場所), such as a waiting room.' },
      controls: controls(LOCATION_CONTROLS, 'physical'),
    }, ['site']),
    actor: element('actor', 'A person or role (利用者・関係者) who handles information.', {
      org: vocab(ACTOR_ORGS, 'Organisation the actor belongs to (所属).'),
      party: ref('party', '所属する関係者'),
    }, ['org']),
    data: element('data', 'An information asset (情報資産).', {
      class: vocab(DATA_CLASSES, 'Class of the information (情報の分類): application providers use the institution\'s classes; platform and infrastructure providers at least separate areas that may contain medical information from other information.'),
      kind: vocab(DATA_KINDS, 'What the information is (種類). Logs are marked `log` so retention rules can find them.'),
      'legal-record': { type: 'boolean', default: false, description: 'A record the law requires to be kept (法定保存文書, e-文書法): authenticity, legibility and preservation apply.' },
      retention: { type: 'string', pattern: RETENTION_PATTERN, description: 'How long it is kept (保存期間): a number and y (years), m (months) or d (days), e.g. 5y; or "permanent".' },
    }, ['class']),
    device: element('device', 'A device or a group of identical devices (機器).', {
      kind: vocab(DEVICE_KINDS, 'Kind of device (機器の種類); sets its icon and its default roles.'),
      at: ref('location', '設置場所'),
      count: { type: 'integer', minimum: 1, maximum: 100000, default: 1, description: 'Number of identical devices in this group (台数); drawn as one node with "×N".' },
      owner: vocab(DEVICE_OWNERS, 'Who owns the device (所有者). Defaults to the owner of its site. `patient` is a patient\'s own device, `staff` a staff member\'s personal device (BYOD).'),
      operator: operator(OPERATORS, 'Who runs and manages the device (管理主体). Defaults to its owner when stated, otherwise to its site\'s operator'),
      supplier: operator(ORGS, 'Whose system or software runs on it (提供元), when not its operator\'s: `provider` for the provider\'s application on a hospital\'s own server, a party for another vendor\'s system. Risks of the application itself (input validation, processing, authentication, signatures) are answered by the supplier as well as the operator'),
      stores: listOf(
        { anyOf: [ref('data', '情報資産'), { $ref: '#/definitions/kept' }] },
        'What the device keeps (保存する情報): data ids (kept as the record), or entries saying how each is kept. A device that lists them is a storage segment only of flows that write these to it (caches and temporary copies also of flows that read them through it). Without `stores`, a device with the store or backup role keeps whatever writing flows bring it.',
      ),
      auth,
      exposure: vocab(EXPOSURES, 'Reachability (公開範囲). Defaults to what its links say: a device that answers connections (anything but a terminal, a printer or a screen) on a link over an internet network is reachable from the internet; otherwise internal. A stated value its links contradict is warned about (KZ311).'),
      roles: listOf(vocab(DEVICE_ROLES, 'A role'), 'What the device does with information (役割). Defaults by kind: servers process, databases and storage store, log servers log, terminals input and display, printers print, network equipment relays, external systems and medical devices input, process and display.'),
      env: vocab(ENVIRONMENTS, 'Environment (環境): production, staging, development or test.'),
      eol: { type: 'boolean', default: false, description: 'Runs software past its end of support (サポート終了製品).' },
      controls: controls(DEVICE_CONTROLS, 'device'),
    }, ['kind', 'at']),
    network: element('network', 'A network (ネットワーク) that links run over.', {
      kind: vocab(NETWORK_KINDS, 'Kind of network (回線種別).'),
      encrypted: { type: 'boolean', description: 'Traffic is encrypted on the network itself (経路の暗号化). Defaults to true for VPNs and for wireless LANs with WPA2 or WPA3, false otherwise.' },
      ike: { type: 'boolean', description: 'IPsec keys are managed with IKE (IKE の併用). Only for ipsec-vpn.' },
      auth: { ...auth, description: `Authentication to join the network (接続時の認証), e.g. VPN user authentication. ${String(auth['description'])}` },
      'wlan-security': vocab(WLAN_SECURITY, 'Wireless LAN security mode (無線LANのセキュリティ方式). Only for wireless-lan.'),
      ieee8021x: { type: 'boolean', description: 'IEEE 802.1X with certificates restricts which devices join (IEEE 802.1X と電子証明書). Only for wireless-lan.' },
      'mac-filter': { type: 'boolean', description: 'MAC address filtering (MACアドレスによる接続制限); spoofable on its own. Only for wireless-lan.' },
      operator: operator(ORGS, 'Who runs the network: for a closed network, a leased line or Direct Connect, the carrier (a party with its agreement). Defaults to the operator of the devices it joins, when they have one'),
      boundary,
    }, ['kind']),
    kept: {
      type: 'object',
      title: 'kept',
      description: 'Information a device keeps, and how (保存の形態).',
      additionalProperties: false,
      required: ['data'],
      properties: {
        data: { anyOf: [ref('data', '情報資産'), listOf(ref('data', '情報資産'), 'The data kept.', { minItems: 1 })], description: 'The data kept (保存する情報): an id or a list of ids.' },
        as: { ...vocab(KEPT_AS, 'How it is kept (保存の形態). Defaults to record. Record-keeping risks (backups, authenticity, disasters) concern records; caches and temporary copies raise loss, theft and data left behind.'), default: 'record' },
        retention: { type: 'string', pattern: RETENTION_PATTERN, description: 'How long it is kept on this device (保存期間), e.g. 1d, 30d, 5y. A temporary copy of medical information should have an agreed one.' },
        'backup-to': listOf({ type: 'string', pattern: ID_PATTERN, description: 'The id of a device or a media transport (バックアップ先) declared in this model.' }, 'Where its backups go (バックアップ先): backup devices, or media transports carrying the backup away. Without it, backups are found from the backup devices its flows reach and its backup controls.'),
        of: ref('device', '原本を保存する機器'),
      },
    },
    link: {
      type: 'object',
      title: 'link',
      description: 'A connection between two devices over a network (機器間の接続). Links are undirected.',
      additionalProperties: false,
      required: ['from', 'to', 'network'],
      properties: {
        id: { $ref: '#/definitions/id', description: 'Stable identifier (識別子). Defaults to "<from>--<to>"; give one when two links join the same devices.' },
        label: { $ref: '#/definitions/label', description: 'Display name (表示名). Defaults to the protocol and TLS version; with neither, a link over anything but a LAN shows its network\'s label.' },
        description: { $ref: '#/definitions/description' },
        from: ref('device', '機器'),
        to: ref('device', '機器'),
        network: ref('network', 'ネットワーク'),
        protocol: { type: 'string', pattern: '^[a-z0-9][a-z0-9+.-]*$', maxLength: 32, examples: ['https', 'http', 'sftp', 'ssh', 'rdp', 'smb', 'dicom', 'hl7', 'fhir', 'sql', 'syslog', 'ipp'], description: 'Application protocol (プロトコル), lower case, e.g. https, sftp, dicom, hl7, sql.' },
        tls: { enum: [...TLS_VERSIONS, 1, 1.1, 1.2, 1.3], description: 'Lowest TLS version accepted on this link (TLSの最低バージョン): "1.0" to "1.3". CRYPTREC\'s high-security settings, which the guideline asks for, accept only "1.2" and "1.3": a link that accepts less is a risk.' },
        encrypted: { type: 'boolean', description: 'Traffic on this link is encrypted end to end (通信の暗号化). Defaults to true when `tls` is given or the protocol encrypts on its own (https, ssh, sftp, scp, ftps, ldaps...), otherwise to the network\'s encryption.' },
        boundary,
      },
    },
    media: element('media', 'A storage medium carried between locations (記憶媒体の搬送).', {
      kind: vocab(MEDIA_KINDS, 'Kind of medium (媒体の種類).'),
      from: ref('location', '搬送元'),
      to: ref('location', '搬送先'),
      carrier: ref('actor', '運搬者'),
      encrypted: { type: 'boolean', default: false, description: 'The medium is encrypted (媒体の暗号化).' },
      data: listOf(ref('data', '情報資産'), 'What is carried (搬送される情報).', { minItems: 1 }),
      phases: listOf({ $ref: '#/definitions/phase' }, 'Phases in which the transport happens (フェーズ). Defaults to every phase of the system.', { minItems: 1 }),
      controls: controls(MEDIA_CONTROLS, 'media'),
    }, ['kind', 'from', 'to', 'carrier', 'data']),
    flow: element('flow', 'An information flow (情報流): Who / Where / Which / What / How, and the path of devices it takes.', {
      phase: { $ref: '#/definitions/phase' },
      form: { $ref: '#/definitions/form', description: 'Provision form (提供形態). May be left out when the system declares one form.' },
      who: ref('actor', '誰が'),
      where: { type: 'string', pattern: ID_PATTERN, description: 'Where (どこの): the location of the `which` device, or its site. Defaults to the device\'s location.' },
      which: ref('device', 'どの機器で'),
      what: listOf(ref('data', '何を'), 'What (何を): the information handled.', { minItems: 1 }),
      how: listOf(vocab(OPERATIONS, 'An operation'), 'How (どうするか): what is done with it.', { minItems: 1 }),
      path: { type: 'array', items: ref('device', '経路上の機器'), minItems: 1, description: 'The devices the information passes through, in order (経路). Each pair of neighbours must be joined by a link. Defaults to the `which` device alone.' },
      volume: vocab(VOLUMES, 'How much and how often (取扱量・頻度); large, frequent flows of patient information raise impact.'),
    }, ['phase', 'which', 'what', 'how']),
    'risk-matrix': {
      type: 'object',
      title: 'risk-matrix',
      description:
        'Your own risk matrix (リスクマトリクス) and rank criteria (対応基準), replacing the sample the guideline gives. ' +
        'Only in the root file. `levels` maps each impact (影響度) to the levels (リスクレベル 1-5) for likelihood (顕在化率) 1 to 5; ' +
        'level 5 is rank S, 4 A, 3 B, 2 C and 1 D.',
      additionalProperties: false,
      properties: {
        levels: {
          type: 'object',
          description: 'Risk level (リスクレベル) per impact (rows impact-1 .. impact-5) and likelihood (the five columns, likelihood 1 to 5). All five rows are required.',
          additionalProperties: false,
          required: ['impact-1', 'impact-2', 'impact-3', 'impact-4', 'impact-5'],
          properties: Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`impact-${i}`, {
            type: 'array', minItems: 5, maxItems: 5, items: { type: 'integer', minimum: 1, maximum: 5 },
            description: `Levels for impact ${i} (影響度 ${i}), for likelihood (顕在化率) 1, 2, 3, 4 and 5.`,
          }])),
        },
        ranks: {
          type: 'object',
          description: 'Per rank, whether a response is needed (対応要否) and the criterion in your words (対応基準).',
          additionalProperties: false,
          properties: Object.fromEntries(RANKS.map((r) => [r, {
            type: 'object',
            description: `Rank ${r} (${r}ランク): its response need and criterion.`,
            additionalProperties: false,
            properties: {
              response: vocab(RESPONSE_NEEDS, `Whether rank ${r} needs a response.`),
              criteria: { type: 'string', minLength: 1, maxLength: 300, description: `The criterion for rank ${r}, as your organisation words it (対応基準).` },
            },
          }])),
        },
      },
    },
    response: {
      type: 'object',
      title: 'response',
      description: 'The team\'s response to one risk, or to every risk matched by a glob (リスク対応).',
      additionalProperties: false,
      required: ['risk', 'decision'],
      properties: {
        risk: { type: 'string', pattern: RISK_PATTERN, maxLength: 300, description: 'The stable risk id (リスクID) "<rule>@<flow>/<elements>", or a glob with * and ?.' },
        decision: vocab(DECISIONS, 'The response chosen (リスク対応の選択肢).'),
        measures: {
          type: 'array',
          description: 'Measures (対策) that implement the response.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['category', 'owner', 'text'],
            properties: {
              category: vocab(MEASURE_CATEGORIES, 'Category of the measure (対策の観点).'),
              owner: vocab(MEASURE_OWNERS, 'Who carries it out (実施主体); institution-owned measures are what the institution is asked to do (医療機関等へ対応を求める事項).'),
              text: { type: 'string', minLength: 1, maxLength: 1000, description: 'The measure, in words (対策の内容).' },
            },
          },
        },
        residual: {
          type: 'object',
          description: 'The risk re-scored after the measures (残存リスク).',
          additionalProperties: false,
          required: ['impact', 'likelihood'],
          properties: {
            impact: { type: 'integer', minimum: 1, maximum: 5, description: 'Residual impact (影響度) 1-5.' },
            likelihood: { type: 'integer', minimum: 1, maximum: 5, description: 'Residual likelihood (顕在化率) 1-5.' },
          },
        },
        rationale: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why this response (理由).' },
        'agreed-with': { type: 'string', minLength: 1, maxLength: 200, description: 'Who agreed to it on the institution\'s side (合意先).' },
        date: { type: 'string', pattern: DATE_PATTERN, description: 'Date of the decision (決定日), YYYY-MM-DD.' },
      },
    },
  },
};
