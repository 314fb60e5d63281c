// The words of every diagnostic, in Japanese and English, and a fix hint for each.
// Diagnostics carry only a code and arguments; this table is the one place they become sentences.
import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from '../../models/diagnostic.js';
import { OPERATORS, type Lang } from '../../models/vocabulary.js';

type Text = (a: Args) => string;
interface Entry {
  readonly ja: Text;
  readonly en: Text;
  /** How to fix it, or undefined when the message says it all. */
  readonly hint?: { readonly ja: Text; readonly en: Text };
}

interface CommonWords {
  /** After a list cut short: " ほか3件" / " and 3 more". */
  readonly more: (n: number) => string;
  /** Between alternatives: "文字列または整数" / "a string or an integer". */
  readonly or: string;
  readonly limit: Readonly<Record<'depth' | 'maxItems' | 'min' | 'max' | 'minLength' | 'maxLength', (limit: string) => string>>;
  readonly suggestions: (names: readonly string[]) => string;
  /** The label of a diagnostic's hint line, and the count of problems. */
  readonly hint: string;
  readonly summary: (errors: number, warnings: number) => string;
}

/** The words every diagnostic shares. */
export const COMMON_WORDS = {
  ja: {
    more: (n) => ` ほか${n}件`,
    or: 'または',
    limit: {
      depth: (l) => `入れ子の深さ ${l} 以内`, maxItems: (l) => `${l} 件以下`, min: (l) => `${l} 以上`, max: (l) => `${l} 以下`,
      minLength: (l) => `${l} 文字以上`, maxLength: (l) => `${l} 文字以下`,
    },
    suggestions: (names) => `（${names.join('、')} のことですか？）`,
    hint: 'ヒント',
    summary: (errors, warnings) => `エラー ${errors} 件、警告 ${warnings} 件`,
  },
  en: {
    more: (n) => ` and ${n} more`,
    or: ' or ',
    limit: {
      depth: (l) => `nested at most ${l} deep`, maxItems: (l) => `at most ${l} items`, min: (l) => `at least ${l}`, max: (l) => `at most ${l}`,
      minLength: (l) => `at least ${l} characters`, maxLength: (l) => `at most ${l} characters`,
    },
    suggestions: (names) => ` (did you mean ${names.join(' or ')}?)`,
    hint: 'hint',
    summary: (errors, warnings) => `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  },
} as const satisfies Readonly<Record<Lang, CommonWords>>;

/** Argument accessors that never fail: a missing argument prints as empty. */
class Args {
  constructor(private readonly args: DiagnosticArgs, private readonly lang: Lang) {}
  s(key: string): string {
    const v = this.args[key];
    return Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
  }
  q(key: string): string {
    return `"${this.s(key)}"`;
  }
  /** A list of values, quoted, shortened past `max`. */
  list(key: string, max = 12): string {
    const v = this.args[key];
    const items = Array.isArray(v) ? (v as readonly string[]) : v === undefined ? [] : [String(v)];
    const shown = items.slice(0, max).map((x) => `"${x}"`);
    const more = items.length > max ? COMMON_WORDS[this.lang].more(items.length - max) : '';
    return shown.join(', ') + more;
  }
  kind(key: string): string {
    return this.s(key).split('|').map((k) => KIND_NAMES[k]?.[this.lang] ?? k).join(COMMON_WORDS[this.lang].or);
  }
  /** Who runs something: a word of the vocabulary (institution, provider...) in words, or a party's id, quoted. */
  operator(key: string): string {
    const v = this.s(key);
    return Object.hasOwn(OPERATORS, v) ? OPERATORS[v as keyof typeof OPERATORS][this.lang] : `"${v}"`;
  }
}

const KIND_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  model: { ja: 'モデル', en: 'model' },
  system: { ja: 'システム', en: 'system' },
  site: { ja: '拠点', en: 'site' },
  location: { ja: '設置場所', en: 'location' },
  actor: { ja: '利用者', en: 'actor' },
  data: { ja: '情報資産', en: 'data' },
  device: { ja: '機器', en: 'device' },
  network: { ja: 'ネットワーク', en: 'network' },
  link: { ja: '接続', en: 'link' },
  media: { ja: '記憶媒体の搬送', en: 'media transport' },
  flow: { ja: '情報流', en: 'flow' },
  response: { ja: 'リスク対応', en: 'response' },
  include: { ja: 'include', en: 'include' },
  party: { ja: '関係者', en: 'party' },
  measure: { ja: '対策', en: 'measure' },
};

/** The yaml library's error codes in Japanese (its own English messages are used for en). */
const YAML_ERRORS_JA: Readonly<Record<string, string>> = {
  NESTING: '入れ子が深すぎます',
  BAD_INDENT: 'インデントが揃っていないか、括弧が閉じていません',
  TAB_AS_INDENT: 'インデントにタブは使えません（空白を使ってください）',
  MISSING_CHAR: '閉じ括弧・引用符などが足りません',
  UNEXPECTED_TOKEN: 'この位置には書けない記号があります',
  BLOCK_AS_IMPLICIT_KEY: '1行の中に入れ子のマッピングは書けません（値に「: 」を含むなら引用符で囲んでください）',
  MULTILINE_IMPLICIT_KEY: 'キーは1行で書いてください',
  BLOCK_IN_FLOW: '{ } や [ ] の中にブロック形式は書けません',
  BAD_DQ_ESCAPE: '二重引用符の中のエスケープが不正です',
  BAD_SCALAR_START: '値をこの記号で始めることはできません（引用符で囲んでください）',
  BAD_PROP_ORDER: 'アンカーとタグの書き方が不正です',
  MULTIPLE_ANCHORS: '1つの値にアンカーが複数あります',
  MULTIPLE_TAGS: '1つの値にタグが複数あります',
  BAD_ALIAS: 'エイリアスが不正です（定義されていないアンカーなど）',
  ALIAS_PROPS: 'エイリアスにアンカーやタグは付けられません',
  BAD_DIRECTIVE: 'ディレクティブが不正です',
  KEY_OVER_1024_CHARS: 'キーが長すぎます（1024文字まで）',
  NON_STRING_KEY: 'キーは文字列で書いてください',
  BAD_COLLECTION_TYPE: 'マッピングとリストの種類が合いません',
  RESOURCE_EXHAUSTION: 'YAML が大きすぎて展開できません',
};

/** Why a file could not be read, as the host says it. */
const READ_ERRORS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'not-found': { ja: 'ファイルがありません', en: 'no such file' },
  directory: { ja: 'フォルダです', en: 'it is a directory' },
  'not-a-file': { ja: '通常のファイルではありません（名前付きパイプ・デバイス・ソケット等は読みません）', en: 'it is not a regular file (named pipes, devices and sockets are not read)' },
  EACCES: { ja: '読み取り権限がありません', en: 'permission denied' },
  EPERM: { ja: '読み取り権限がありません', en: 'permission denied' },
  unresolvable: { ja: 'パスを解決できません', en: 'the path cannot be resolved' },
  'too-many': { ja: 'フォルダ内の項目が多すぎます', en: 'the folder holds too many entries' },
};

/** What a model's size is counted in, for KZ014. */
const LIMITED: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  parties: { ja: '関係者の数', en: 'parties' },
  sites: { ja: '拠点の数', en: 'sites' },
  locations: { ja: '設置場所の数', en: 'locations' },
  actors: { ja: '利用者の数', en: 'actors' },
  data: { ja: '情報資産の数', en: 'data items' },
  networks: { ja: 'ネットワークの数', en: 'networks' },
  carried: { ja: '1つの情報流・搬送が運ぶ情報資産の数', en: 'data items one flow or medium carries' },
  devices: { ja: '機器の数', en: 'devices' },
  flows: { ja: '情報流の数', en: 'flows' },
  links: { ja: '接続の数', en: 'links' },
  media: { ja: '記憶媒体の搬送の数', en: 'media transports' },
  responses: { ja: 'リスク対応の数', en: 'responses' },
  path: { ja: '1つの情報流の経路（path）の機器の数', en: 'devices on one flow\'s path' },
  steps: { ja: '全情報流の経路の機器の延べ数', en: 'devices on all flows\' paths together' },
};

/** Parts of a user rule file, as messages name them. */
const RULE_PARTS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'rule-file': { ja: 'ルールファイル', en: 'the rule file' },
  rule: { ja: 'ルール', en: 'a rule' },
  condition: { ja: '条件', en: 'a condition' },
  term: { ja: '文言（ja/en）', en: 'a text (ja/en)' },
  impact: { ja: '影響度（impact）', en: 'impact' },
  likelihood: { ja: '顕在化率（likelihood）', en: 'likelihood' },
  adjustment: { ja: '補正（adjust）', en: 'an adjustment' },
  mitigate: { ja: '管理策による低減（mitigate）', en: 'mitigate' },
  countermeasures: { ja: '対策（countermeasures）', en: 'countermeasures' },
};
const part = (a: Args, lang: Lang): string => RULE_PARTS[a.s('element')]?.[lang] ?? a.s('element');

/** What a value must look like, for KZ405 and KZ408. */
const RULE_FORMATS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'kebab-case': { ja: 'ケバブケース（英小文字・数字・ハイフン）', en: 'kebab-case (a-z, 0-9 and "-")' },
  'non-zero': { ja: '0 以外', en: 'other than 0' },
  country: { ja: 'ISO 3166-1 の2文字の国コード（例: JP）', en: 'a two-letter ISO 3166-1 country code such as JP' },
  protocol: { ja: '小文字のプロトコル名（例: https, sftp, dicom）', en: 'a lower-case protocol name such as https, sftp, dicom' },
  depth: { ja: `入れ子の深さが上限以内`, en: 'nested no deeper than the limit' },
};
function ruleFormat(a: Args, lang: Lang): string {
  const [name, limit] = a.s('rule').split(':');
  if (name === 'depth' || name === 'maxItems') return COMMON_WORDS[lang].limit[name](limit ?? '');
  return RULE_FORMATS[a.s('rule')]?.[lang] ?? rule(a, lang);
}

const RULE_TEXT: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  retention: { ja: '数値と y/m/d（例: 5y, 6m, 90d）または permanent', en: 'a number and y/m/d (e.g. 5y, 6m, 90d) or "permanent"' },
  date: { ja: 'YYYY-MM-DD 形式の日付', en: 'a date as YYYY-MM-DD' },
  risk: { ja: '"<ルールID>@<情報流ID>/<要素>" 形式のリスクID（* と ? のグロブ可）', en: 'a risk id "<rule>@<flow>/<elements>" (globs with * and ? allowed)' },
  country: { ja: 'ISO 3166-1 の2文字の国コード（例: JP）', en: 'a two-letter ISO 3166-1 country code such as JP' },
  protocol: { ja: '小文字のプロトコル名（例: https, sftp, dicom）', en: 'a lower-case protocol name such as https, sftp, dicom' },
  include: { ja: '.yaml で終わる相対パス', en: 'a relative path ending in .yaml' },
  'custom-control': { ja: '既知の管理策、または x- で始まる独自の管理策', en: 'a known control, or a custom one starting with "x-"' },
  format: { ja: '正しい形式', en: 'the expected format' },
};

function rule(a: Args, lang: Lang): string {
  const r = a.s('rule');
  const [name, limit] = r.split(':');
  if (name === 'min' || name === 'max' || name === 'minLength' || name === 'maxLength') return COMMON_WORDS[lang].limit[name](limit ?? '');
  return RULE_TEXT[r]?.[lang] ?? r;
}

const TYPE_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  string: { ja: '文字列', en: 'a string' },
  integer: { ja: '整数', en: 'an integer' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: '真偽値（true/false）', en: 'true or false' },
  array: { ja: 'リスト', en: 'a list' },
  object: { ja: 'マッピング', en: 'a mapping' },
  null: { ja: '空の値', en: 'an empty value' },
};
function typeName(t: string, lang: Lang): string {
  return t.split(/ or |,/).map((x) => TYPE_NAMES[x.trim()]?.[lang] ?? x.trim()).join(COMMON_WORDS[lang].or);
}

/** The words of the user rule file codes (KZ4xx), kept together. */
const RULE_MESSAGES: Readonly<Record<Extract<DiagnosticCode, `KZ4${string}`>, Entry>> = {
  KZ400: {
    ja: (a) => {
      switch (a.s('found')) {
        case 'none': return 'ルールファイルではありません（"koseizu-rules: 1" がありません）';
        case 'model': return 'これはモデルファイルです。ルールファイルではありません';
        case 'version': return `未対応のルールファイルのバージョン ${a.q('value')} です`;
        default: return `ルールファイルはマッピング（キー: 値）である必要がありますが、${typeName(a.s('found'), 'ja')}です`;
      }
    },
    en: (a) => {
      switch (a.s('found')) {
        case 'none': return 'not a koseizu rule file: "koseizu-rules: 1" is missing';
        case 'model': return 'this is a koseizu model, not a rule file';
        case 'version': return `unsupported rule file version ${a.q('value')}`;
        default: return `a rule file must be a mapping (key: value), not ${typeName(a.s('found'), 'en')}`;
      }
    },
    hint: {
      ja: (a) => (a.s('found') === 'model'
        ? 'rules: にはルールファイル（またはそのフォルダ）を指定してください。モデルを分割するときは include: を使います'
        : a.s('found') === 'version' ? 'このバージョンの koseizu が読めるのは "koseizu-rules: 1" のルールファイルです'
          : '1行目に "koseizu-rules: 1" と書き、続けて rules: にルールを並べてください（docs/rules.md）'),
      en: (a) => (a.s('found') === 'model'
        ? 'name rule files (or folders of them) in rules:; a model is split with include:'
        : a.s('found') === 'version' ? 'this koseizu reads rule files of version 1: "koseizu-rules: 1"'
          : 'start the file with "koseizu-rules: 1", then list the rules under rules: (see docs/rules.md)'),
    },
  },
  KZ401: {
    ja: (a) => `${part(a, 'ja')}に不明なキー ${a.q('key')} があります`,
    en: (a) => `unknown key ${a.q('key')} in ${part(a, 'en')}`,
    hint: { ja: (a) => `使えるキー: ${a.s('known')}`, en: (a) => `known keys: ${a.s('known')}` },
  },
  KZ402: {
    ja: (a) => `${a.q('field')} は${typeName(a.s('expected'), 'ja')}である必要がありますが、${typeName(a.s('found'), 'ja')}です`,
    en: (a) => `${a.q('field')} must be ${typeName(a.s('expected'), 'en')}, not ${typeName(a.s('found'), 'en')}`,
    hint: {
      ja: (a) => (a.s('element') === 'term' ? '{ja: 日本語, en: English} のように書いてください'
        : a.s('element') === 'condition' ? '条件は {fact: <事実>, <演算子>: <値>}、または not: / any: / all: / some-device: で書いてください'
          : a.s('expected') === 'array' ? '[C, I] のようにリストで書いてください' : 'docs/rules.md の例を参照してください'),
      en: (a) => (a.s('element') === 'term' ? 'write it as {ja: ..., en: ...}'
        : a.s('element') === 'condition' ? 'a condition reads {fact: <fact>, <operator>: <value>}, or not:, any:, all: or some-device:'
          : a.s('expected') === 'array' ? 'write a list, such as [C, I]' : 'see the examples in docs/rules.md'),
    },
  },
  KZ403: {
    ja: (a) => `${a.q('field')} に使えない値 ${a.q('value')} です`,
    en: (a) => `invalid ${a.s('field')} ${a.q('value')}`,
    hint: {
      ja: (a) => `使える値: ${a.list('allowed')}${a.s('hint') === 'controls' ? '（独自の管理策は x- で始めてください）' : ''}`,
      en: (a) => `allowed: ${a.list('allowed')}${a.s('hint') === 'controls' ? ' (custom controls start with "x-")' : ''}`,
    },
  },
  KZ404: {
    ja: (a) => `${part(a, 'ja')}に必須のキー ${a.q('key')} がありません`,
    en: (a) => `${part(a, 'en')} is missing required key ${a.q('key')}`,
    hint: {
      ja: (a) => (a.s('key') === 'fact' ? '条件は {fact: <事実>, <演算子>: <値>} の形で書いてください' : 'docs/rules.md の例を参照してください'),
      en: (a) => (a.s('key') === 'fact' ? 'a condition reads {fact: <fact>, <operator>: <value>}' : 'see the example in docs/rules.md'),
    },
  },
  KZ405: {
    ja: (a) => {
      switch (a.s('rule')) {
        case 'non-empty': return `${a.q('field')} が空です`;
        case 'unique': return `${a.q('field')} に ${a.q('value')} が重複しています`;
        case 'kebab-case': return `${a.q('field')} ${a.q('value')} はケバブケース（英小文字・数字・ハイフン）ではありません`;
        default: return `${a.q('field')} の値 ${a.q('value')} が不正です: ${ruleFormat(a, 'ja')}にしてください`;
      }
    },
    en: (a) => {
      switch (a.s('rule')) {
        case 'non-empty': return `${a.q('field')} is empty`;
        case 'unique': return `${a.q('value')} appears twice in ${a.s('field')}`;
        case 'kebab-case': return `${a.s('field')} ${a.q('value')} is not kebab-case (lower-case letters, digits and "-")`;
        default: return `invalid ${a.s('field')} ${a.q('value')}: must be ${ruleFormat(a, 'en')}`;
      }
    },
    hint: {
      ja: (a) => {
        switch (a.s('rule')) {
          case 'non-empty': return a.s('empty') === 'string' ? '値を書くか、キーごと削除してください' : '少なくとも1つ指定してください';
          case 'unique': return '重複した項目を削除してください';
          case 'kebab-case': return 'ルールIDには英小文字・数字・ハイフンを使い、日本語は title に書いてください';
          default: return /(^|\.)(base|floor)$/.test(a.s('field')) ? '段階は 1（極めて低い・極めて小さい）から 5（極めて高い・極めて大きい）です' : '';
        }
      },
      en: (a) => {
        switch (a.s('rule')) {
          case 'non-empty': return a.s('empty') === 'string' ? 'write a value, or remove the key' : 'give at least one';
          case 'unique': return 'remove the repeated item';
          case 'kebab-case': return 'use a-z, 0-9 and "-" in rule ids; put Japanese in the title';
          default: return /(^|\.)(base|floor)$/.test(a.s('field')) ? 'grades run from 1 (very low / very small) to 5 (very high / very large)' : '';
        }
      },
    },
  },
  KZ406: {
    ja: (a) => `不明な事実 ${a.q('fact')} です`,
    en: (a) => `unknown fact ${a.q('fact')}`,
    hint: {
      ja: (a) => (a.s('family') ? `${a.s('fact').split('.')[0] ?? ''} の事実: ${a.s('family')}` : '使える事実の一覧は docs/rules.md にあります'),
      en: (a) => (a.s('family') ? `facts of ${a.s('fact').split('.')[0] ?? ''}: ${a.s('family')}` : 'docs/rules.md lists every fact'),
    },
  },
  KZ407: {
    ja: (a) => {
      switch (a.s('problem')) {
        case 'none': return `事実 ${a.q('fact')} の条件に演算子がありません`;
        case 'several': return `1つの条件に演算子が複数あります（${a.s('operators')}）`;
        case 'combinators': return `1つの条件に組み合わせが複数あります（${a.s('operators')}）`;
        case 'mixed': return `1つの条件に事実の判定と ${a.s('operators')} が混在しています`;
        case 'empty': return '条件が空です';
        default: return `演算子 ${a.q('operator')} は事実 ${a.q('fact')}（${FACT_TYPES[a.s('type')]?.ja ?? a.s('type')}）には使えません`;
      }
    },
    en: (a) => {
      switch (a.s('problem')) {
        case 'none': return `the condition on fact ${a.q('fact')} has no operator`;
        case 'several': return `a condition with several operators (${a.s('operators')})`;
        case 'combinators': return `a condition with several combinators (${a.s('operators')})`;
        case 'mixed': return `a condition mixes a fact test with ${a.s('operators')}`;
        case 'empty': return 'empty condition';
        default: return `operator ${a.q('operator')} does not apply to fact ${a.q('fact')}, which holds ${FACT_TYPES[a.s('type')]?.en ?? a.s('type')}`;
      }
    },
    hint: {
      ja: (a) => {
        switch (a.s('problem')) {
          case 'several': case 'combinators': case 'mixed': return '条件を分けて all: [...] に並べてください';
          case 'empty': return '{fact: <事実>, <演算子>: <値>}、または not: / any: / all: / some-device: を書いてください';
          default: return `この事実に使える演算子: ${a.s('allowed')}`;
        }
      },
      en: (a) => {
        switch (a.s('problem')) {
          case 'several': case 'combinators': case 'mixed': return 'split it into several conditions under all: [...]';
          case 'empty': return 'write {fact: <fact>, <operator>: <value>}, or not:, any:, all: or some-device:';
          default: return `operators for this fact: ${a.s('allowed')}`;
        }
      },
    },
  },
  KZ408: {
    ja: (a) => (a.s('problem') === 'type'
      ? `事実 ${a.q('fact')} の ${a.s('operator')} には${a.s('expected') === 'one-value' ? '値を1つだけ' : `${typeName(a.s('expected'), 'ja')}を`}書いてください（${typeName(a.s('found'), 'ja')}が書かれています）`
      : a.s('problem') === 'format'
        ? `${a.q('value')} は事実 ${a.q('fact')} の値として不正です: ${ruleFormat(a, 'ja')}にしてください`
        : `${a.q('value')} は事実 ${a.q('fact')} の値ではありません`),
    en: (a) => (a.s('problem') === 'type'
      ? `${a.s('operator')} on fact ${a.q('fact')} takes ${a.s('expected') === 'one-value' ? 'one value' : typeName(a.s('expected'), 'en')}, not ${typeName(a.s('found'), 'en')}`
      : a.s('problem') === 'format'
        ? `${a.q('value')} is not a valid value of fact ${a.q('fact')}: must be ${ruleFormat(a, 'en')}`
        : `${a.q('value')} is not a value of fact ${a.q('fact')}`),
    hint: {
      ja: (a) => {
        if (a.s('problem') === 'value') return `使える値: ${a.list('allowed')}${a.s('hint') === 'controls' ? '（独自の管理策は x- で始めてください）' : ''}`;
        if (a.s('problem') !== 'type') return '';
        switch (a.s('expected')) {
          case 'array': return '1つの値なら is / has、複数なら in / has-any / has-all を使ってください';
          case 'one-value': return a.s('operator') === 'is' ? '複数の値のいずれかなら in を使ってください' : a.s('operator') === 'has' ? '複数の値には has-any / has-all を使ってください' : '';
          case 'boolean': return 'true または false を書いてください';
          case 'integer': return '0 以上の整数を書いてください';
          default: return '数値や真偽値に読まれる値は引用符で囲んでください（例: "1.2"、"yes"）';
        }
      },
      en: (a) => {
        if (a.s('problem') === 'value') return `allowed: ${a.list('allowed')}${a.s('hint') === 'controls' ? ' (custom controls start with "x-")' : ''}`;
        if (a.s('problem') !== 'type') return '';
        switch (a.s('expected')) {
          case 'array': return 'use is / has for one value, in / has-any / has-all for several';
          case 'one-value': return a.s('operator') === 'is' ? 'for any of several values use in' : a.s('operator') === 'has' ? 'for several values use has-any or has-all' : '';
          case 'boolean': return 'write true or false';
          case 'integer': return 'write a whole number, 0 or more';
          default: return 'quote a value YAML would read as a number or true/false (e.g. "1.2", "yes")';
        }
      },
    },
  },
  KZ409: {
    ja: (a) => `${a.q('field')} に不明なプレースホルダ {${a.s('placeholder')}} があります`,
    en: (a) => `unknown placeholder {${a.s('placeholder')}} in ${a.s('field')}`,
    hint: { ja: (a) => `使えるプレースホルダ: ${a.s('known')}`, en: (a) => `placeholders: ${a.s('known')}` },
  },
  KZ410: {
    ja: (a) => `ルールID ${a.q('id')} は組み込みルールが使っています`,
    en: (a) => `rule id ${a.q('id')} is taken by a built-in rule`,
    hint: {
      ja: (a) => `別のIDにしてください。組織名などを前に付けると衝突しません（例: org-${a.s('id')}）`,
      en: (a) => `choose another id; a prefix such as your organisation's name avoids clashes (e.g. org-${a.s('id')})`,
    },
  },
  KZ411: {
    ja: (a) => `ルールID ${a.q('id')} が重複しています（最初の定義: ${a.s('first')}）`,
    en: (a) => `duplicate rule id ${a.q('id')} (first declared at ${a.s('first')})`,
    hint: { ja: () => 'ルールIDはすべてのルールファイルを通して一意にしてください', en: () => 'rule ids must be unique across every rule file' },
  },
  KZ412: {
    ja: (a) => `ルールファイル ${a.q('file')} はモデルのフォルダの外にあります`,
    en: (a) => `rule file ${a.q('file')} lies outside the model's folder`,
    hint: {
      ja: () => 'モデルのフォルダ以下に置いてください（シンボリックリンクで外を指すこともできません）。外にあるルールはコマンドラインの --rules で指定できます',
      en: () => 'keep it inside the model\'s folder (a symbolic link may not point out of it either); give rules from elsewhere with --rules',
    },
  },
  KZ413: {
    ja: (a) => `ルールのフォルダ ${a.q('folder')} にルールファイル（.yaml / .yml）がありません`,
    en: (a) => `rules folder ${a.q('folder')} holds no rule file (.yaml or .yml)`,
    hint: { ja: () => 'ルールファイルを置くか、rules: から外してください', en: () => 'put rule files in it, or take it out of rules:' },
  },
};

/** Types of facts, as KZ407 names them. */
const FACT_TYPES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  enum: { ja: '決まった値の1つ', en: 'one value of a vocabulary' },
  id: { ja: 'id', en: 'an id' },
  text: { ja: '文字列', en: 'a text' },
  boolean: { ja: '真偽値', en: 'true or false' },
  number: { ja: '数値', en: 'a number' },
  set: { ja: '値のリスト', en: 'a list of values' },
};

/** A key made of what keys never contain: the tail of a value split at a comma. */
function looksLikeValue(key: string): boolean {
  return /[^\x21-\x7e]|[()（）]/.test(key);
}

export const MESSAGES: Readonly<Record<DiagnosticCode, Entry>> = {
  KZ001: {
    ja: (a) => `YAML の構文エラー: ${YAML_ERRORS_JA[a.s('yaml')] ?? a.s('detail')}`,
    en: (a) => `YAML syntax error: ${a.s('detail')}`,
    hint: { ja: () => 'インデント、コロンの後の空白、括弧や引用符の閉じ忘れを確認してください', en: () => 'check the indentation, the space after each colon, and unclosed brackets or quotes' },
  },
  KZ002: {
    ja: (a) => `キー ${a.q('key')} が重複しています`,
    en: (a) => `duplicate key ${a.q('key')}`,
    hint: { ja: () => 'どちらか一方を削除するか、名前を変えてください', en: () => 'remove one of them or rename it' },
  },
  KZ003: {
    ja: (a) => `ファイル${a.s('file') ? ` ${a.q('file')} ` : ''}が大きすぎます（${a.s('size')} バイト、上限 ${a.s('limit')} バイト）`,
    en: (a) => `file${a.s('file') ? ` ${a.q('file')}` : ''} too large (${a.s('size')} bytes; the limit is ${a.s('limit')})`,
    hint: { ja: () => 'include: でモデルを複数のファイルに分割してください', en: () => 'split the model into several files with include:' },
  },
  KZ004: {
    ja: () => 'テキストファイルではありません（バイナリ、または UTF-8 ではない）',
    en: () => 'not a text file (binary, or not UTF-8)',
    hint: { ja: () => 'モデルは UTF-8 の YAML で保存してください', en: () => 'save the model as UTF-8 YAML' },
  },
  KZ005: {
    ja: (a) => `エイリアスが多すぎます（上限 ${a.s('limit')}）。展開すると巨大になる YAML は読み込みません`,
    en: (a) => `too many aliases (limit ${a.s('limit')}): YAML that expands this much is refused`,
    hint: { ja: () => '要素を直接書くか、アンカーとエイリアスの数を減らしてください', en: () => 'write the elements out, or use fewer anchors and aliases' },
  },
  KZ006: {
    ja: (a) => `ファイル ${a.q('file')} を読み込めません: ${READ_ERRORS[a.s('detail')]?.ja ?? a.s('detail')}`,
    en: (a) => `cannot read file ${a.q('file')}: ${READ_ERRORS[a.s('detail')]?.en ?? a.s('detail')}`,
    hint: { ja: () => 'パスとファイルの権限を確認してください', en: () => 'check the path and the file\'s permissions' },
  },
  KZ007: {
    ja: (a) => `モデルはマッピング（キー: 値）である必要がありますが、${typeName(a.s('found'), 'ja')}です`,
    en: (a) => `a model must be a mapping (key: value), not ${typeName(a.s('found'), 'en')}`,
    hint: { ja: () => '1行目に "koseizu: 1" と書き、続けて system: などのセクションを書いてください（koseizu init で雛形を作れます）', en: () => 'start with "koseizu: 1" and the sections such as system: (koseizu init writes a starter model)' },
  },
  KZ008: {
    ja: () => '1つのファイルに複数の YAML ドキュメント（---）があります',
    en: () => 'more than one YAML document (---) in one file',
    hint: { ja: () => '分けたい場合は別ファイルにして include: で読み込んでください', en: () => 'put the other part in its own file and include: it' },
  },
  KZ010: {
    ja: (a) => `include ${a.q('include')} はモデルのフォルダの外を指しています`,
    en: (a) => `include ${a.q('include')} points outside the model's folder`,
    hint: { ja: () => 'ルートのモデルファイルがあるフォルダ以下の相対パスを指定してください', en: () => 'use a relative path inside the root model file\'s folder' },
  },
  KZ011: {
    ja: (a) => `include ${a.q('include')} が循環しています（${a.s('cycle').split(', ').join(' → ')}）`,
    en: (a) => `include ${a.q('include')} forms a cycle (${a.s('cycle').split(', ').join(' -> ')})`,
    hint: { ja: () => '循環している include を1つ削除してください', en: () => 'remove one include of the cycle' },
  },
  KZ012: {
    ja: (a) => `include が多すぎるか深すぎます（上限 ${a.s('limit')}）`,
    en: (a) => `too many or too deeply nested includes (limit ${a.s('limit')})`,
  },
  KZ014: {
    ja: (a) => `モデルが大きすぎます: ${LIMITED[a.s('what')]?.ja ?? a.s('what')}が ${a.s('count')}（上限 ${a.s('limit')}）。これより先は読み込みません`,
    en: (a) => `the model is too large: ${a.s('count')} ${LIMITED[a.s('what')]?.en ?? a.s('what')} (at most ${a.s('limit')}); koseizu reads no further`,
    hint: {
      ja: (a) => (a.s('what') === 'devices'
        ? '同じ種類・同じ場所の機器は count: でまとめて1つに書くか、システムを拠点やサービスごとの複数のモデルに分けてください'
        : 'システムを拠点やサービスごとの複数のモデルに分けてください（docs/dsl.md「上限」）'),
      en: (a) => (a.s('what') === 'devices'
        ? 'write identical devices in one place once, with count:, or split the system into several models (one per site or service)'
        : 'split the system into several models, one per site or service (docs/dsl.md, "Limits")'),
    },
  },
  KZ013: {
    ja: (a) => `koseizu が扱わない YAML タグ ${a.q('tag')} です`,
    en: (a) => `YAML tag ${a.q('tag')} is not read by koseizu`,
    hint: { ja: () => 'タグ（! で始まる記述）を削除し、値をそのまま書いてください', en: () => 'remove the tag (the part starting with !) and write the plain value' },
  },
  KZ100: {
    ja: (a) => (a.s('found') === 'none' ? 'DSL のバージョン "koseizu: 1" がありません'
      : a.s('quoted') ? `DSL のバージョンは数値の 1 です（文字列 ${a.q('found')} ではありません）` : `未対応の DSL バージョン ${a.q('found')} です`),
    en: (a) => (a.s('found') === 'none' ? 'missing DSL version "koseizu: 1"'
      : a.s('quoted') ? `the DSL version is the number 1, not the string ${a.q('found')}` : `unsupported DSL version ${a.q('found')}`),
    hint: { ja: () => 'ファイルの先頭に "koseizu: 1" を書いてください', en: () => 'put "koseizu: 1" at the top of the file' },
  },
  KZ101: {
    ja: (a) => `${KIND_NAMES[a.s('element')]?.ja ?? a.s('element')}に不明なキー ${a.q('key')} があります`,
    en: (a) => `unknown key ${a.q('key')} in ${KIND_NAMES[a.s('element')]?.en ?? a.s('element')}`,
    hint: {
      // A key that no key could look like (Japanese, spaces, brackets) is almost always the rest of a value cut
      // at a comma inside an inline {…}: YAML reads what follows the comma as a new key.
      ja: (a) => (looksLikeValue(a.s('key')) ? `{…} の中の値に「,」があると、そこで区切られて次のキーとして読まれます。値を引用符で囲んでください（例: label: "A, B"）。使えるキー: ${a.s('known')}` : `使えるキー: ${a.s('known')}`),
      en: (a) => (looksLikeValue(a.s('key')) ? `a comma inside a value in an inline {…} ends the value, and what follows is read as a key: put the value in quotes (e.g. label: "A, B"). Known keys: ${a.s('known')}` : `known keys: ${a.s('known')}`),
    },
  },
  KZ102: {
    ja: (a) => `${a.q('field')} は${typeName(a.s('expected'), 'ja')}である必要がありますが、${typeName(a.s('found'), 'ja')}です`,
    en: (a) => `${a.q('field')} must be ${typeName(a.s('expected'), 'en')}, not ${typeName(a.s('found'), 'en')}`,
  },
  KZ103: {
    ja: (a) => `${a.q('field')} に使えない値 ${a.q('value')} です`,
    en: (a) => `invalid ${a.s('field')} ${a.q('value')}`,
    hint: {
      ja: (a) => `使える値: ${a.list('allowed')}${a.s('hint') === 'controls' ? '（独自の管理策は x- で始めてください）' : ''}`,
      en: (a) => `allowed: ${a.list('allowed')}${a.s('hint') === 'controls' ? ' (custom controls start with "x-")' : ''}`,
    },
  },
  KZ104: {
    ja: (a) => `不明な${a.kind('kind')} ${a.q('id')} です`,
    en: (a) => `unknown ${a.kind('kind')} ${a.q('id')}`,
    hint: { ja: (a) => `${a.kind('kind')}を id ${a.q('id')} で宣言するか、宣言済みの id を指定してください`, en: (a) => `declare a ${a.kind('kind')} with id ${a.q('id')}, or use the id of one that exists` },
  },
  KZ105: {
    ja: (a) => `${KIND_NAMES[a.s('element')]?.ja ?? a.s('element')}に必須のキー ${a.q('key')} がありません`,
    en: (a) => `${KIND_NAMES[a.s('element')]?.en ?? a.s('element')} is missing required key ${a.q('key')}`,
  },
  KZ106: {
    ja: (a) => `id ${a.q('id')} が重複しています（最初の定義: ${a.s('first')}${a.s('firstKind') !== a.s('kind') ? `、${a.kind('firstKind')}` : ''}）`,
    en: (a) => `duplicate id ${a.q('id')} (first declared at ${a.s('first')}${a.s('firstKind') !== a.s('kind') ? `, as ${a.kind('firstKind')}` : ''})`,
    hint: {
      ja: (a) => (a.s('implicit') === 'link' ? '同じ機器の間に複数の接続がある場合は、それぞれに id を付けてください' : 'id はモデル全体で一意にしてください'),
      en: (a) => (a.s('implicit') === 'link' ? 'give each link between the same two devices its own id' : 'ids must be unique across the whole model'),
    },
  },
  KZ107: {
    ja: (a) => `${a.q('field')} ${a.q('value')} はケバブケース（英小文字・数字・ハイフン）ではありません`,
    en: (a) => `${a.s('field')} ${a.q('value')} is not kebab-case (lower-case letters, digits and "-")`,
    hint: { ja: () => 'id には英小文字・数字・ハイフンを使い、日本語は label に書いてください', en: () => 'use a-z, 0-9 and "-" in ids; put Japanese in the label' },
  },
  KZ108: {
    ja: (a) => `${a.q('field')} の値 ${a.q('value')} が不正です: ${rule(a, 'ja')}にしてください`,
    en: (a) => `invalid ${a.s('field')} ${a.q('value')}: must be ${rule(a, 'en')}`,
  },
  KZ109: {
    ja: (a) => `${a.q('field')} に ${a.q('value')} が重複しています`,
    en: (a) => `${a.q('value')} appears twice in ${a.s('field')}`,
    hint: { ja: () => '重複した項目を削除してください', en: () => 'remove the repeated item' },
  },
  KZ110: {
    ja: (a) => (a.s('where') === 'root' ? 'system セクションがありません' : `include されたファイルに ${a.s('section') || 'system'} セクションがあります`),
    en: (a) => (a.s('where') === 'root' ? 'missing the system section' : `an included file has a ${a.s('section') || 'system'} section`),
    hint: {
      ja: (a) => (a.s('where') === 'root' ? 'system: {id, title, forms, phases} をルートのモデルファイルに書いてください' : `${a.s('section') || 'system'} はルートのモデルファイルにだけ書いてください`),
      en: (a) => (a.s('where') === 'root' ? 'add system: {id, title, forms, phases} to the root model file' : `keep ${a.s('section') || 'system'} in the root model file only`),
    },
  },
  KZ111: {
    ja: (a) => `${a.q('field')} が空です`,
    en: (a) => `${a.q('field')} is empty`,
    hint: {
      ja: (a) => (a.s('empty') === 'string' ? '値を書くか、キーごと削除してください' : '少なくとも1つ指定してください'),
      en: (a) => (a.s('empty') === 'string' ? 'write a value, or remove the key' : 'give at least one'),
    },
  },
  KZ112: {
    ja: (a) => `${a.q('field')} に制御文字 ${a.s('char')} が含まれています`,
    en: (a) => `${a.q('field')} contains the control character ${a.s('char')}`,
    hint: { ja: () => '文字を削除してください（改行やタブ以外の制御文字は図や表に出せません）', en: () => 'remove it: control characters other than newline and tab cannot appear in diagrams or tables' },
  },
  KZ201: {
    ja: (a) => `経路上の ${a.q('from')} と ${a.q('to')} の間に接続（links）がありません`,
    en: (a) => `no link between ${a.q('from')} and ${a.q('to')} on the flow's path`,
    hint: { ja: (a) => `links に {from: ${a.s('from')}, to: ${a.s('to')}, network: ...} を追加するか、経路を直してください`, en: (a) => `add {from: ${a.s('from')}, to: ${a.s('to')}, network: ...} to links, or fix the path` },
  },
  KZ202: {
    ja: (a) => `where ${a.q('where')} は機器 ${a.q('which')} の設置場所 ${a.q('location')}${a.s('site') ? `（拠点 ${a.q('site')}）` : ''}ではありません`,
    en: (a) => `where ${a.q('where')} is not where device ${a.q('which')} is (${a.q('location')}${a.s('site') ? ` in site ${a.q('site')}` : ''})`,
    hint: { ja: (a) => `where を ${a.q('location')} にするか、機器の at を直してください`, en: (a) => `set where to ${a.q('location')}, or fix the device's at` },
  },
  KZ203: {
    ja: (a) => `フェーズ ${a.q('value')} は system.phases で宣言されていません`,
    en: (a) => `phase ${a.q('value')} is not declared in system.phases`,
    hint: { ja: (a) => `宣言済み: ${a.list('declared')}。system.phases に追加してください`, en: (a) => `declared: ${a.list('declared')}; add it to system.phases` },
  },
  KZ204: {
    ja: (a) => `提供形態 ${a.q('value')} は system.forms で宣言されていません`,
    en: (a) => `provision form ${a.q('value')} is not declared in system.forms`,
    hint: { ja: (a) => `宣言済み: ${a.list('declared')}。system.forms に追加してください`, en: (a) => `declared: ${a.list('declared')}; add it to system.forms` },
  },
  KZ205: {
    ja: () => 'system が複数の提供形態を宣言しているため、情報流に form が必要です',
    en: () => 'the flow needs a form: the system declares several',
    hint: { ja: (a) => `form: に ${a.list('forms')} のいずれかを書いてください`, en: (a) => `add form: with one of ${a.list('forms')}` },
  },
  KZ206: {
    ja: (a) => `機器 ${a.q('which')} が情報流の経路（path）にありません`,
    en: (a) => `device ${a.q('which')} is not on the flow's path`,
    hint: { ja: () => 'which の機器を path に含めてください', en: () => 'include the which device in path' },
  },
  KZ207: {
    ja: (a) => `接続が機器 ${a.q('device')} をそれ自身につないでいます`,
    en: (a) => `link joins device ${a.q('device')} to itself`,
  },
  KZ208: {
    ja: (a) => `${a.q('id')} は${KIND_NAMES[a.s('found')]?.ja ?? a.s('found')}です。ここには${a.kind('kind')}を指定してください`,
    en: (a) => `${a.q('id')} is a ${KIND_NAMES[a.s('found')]?.en ?? a.s('found')}, not a ${a.kind('kind')}`,
  },
  KZ209: {
    ja: (a) => `記憶媒体の搬送元と搬送先が同じ設置場所 ${a.q('location')} です`,
    en: (a) => `media transport from and to the same location ${a.q('location')}`,
  },
  KZ210: {
    ja: (a) => `リスクマトリクスの影響度 ${a.s('impact')}・顕在化率 ${a.s('likelihood')} のレベル ${a.s('level')} が、影響度・顕在化率の低い隣のマスのレベル ${a.s('lower')} より低くなっています`,
    en: (a) => `the risk matrix gives impact ${a.s('impact')}, likelihood ${a.s('likelihood')} level ${a.s('level')}, lower than the level ${a.s('lower')} of a cell with lower impact or likelihood`,
    hint: {
      ja: () => 'レベルは影響度・顕在化率が上がるほど同じか高くなるようにしてください（行は impact-1 から impact-5、列は顕在化率 1 から 5）',
      en: () => 'make levels rise (or stay) as impact and likelihood rise (rows are impact-1 to impact-5, columns likelihood 1 to 5)',
    },
  },
  KZ211: {
    ja: (a) => `${a.q('value')} が運用するのは自分の機器だけです（${a.kind('kind')}には使えません）`,
    en: (a) => `${a.q('value')} runs only devices of their own, not a ${a.kind('kind')}`,
    hint: {
      ja: () => 'parties: に組織を宣言してその id を書くか、institution / provider / third-party のいずれかを書いてください',
      en: () => 'declare the organisation in parties: and give its id, or write institution, provider or third-party',
    },
  },
  KZ301: {
    ja: (a) => `${a.kind('kind')} ${a.q('id')} はどこからも使われていません`,
    en: (a) => `${a.kind('kind')} ${a.q('id')} is never used`,
    hint: { ja: () => '参照するか、不要なら削除してください', en: () => 'refer to it, or remove it' },
  },
  KZ302: {
    ja: (a) => `機器 ${a.q('id')} にはどの接続（links）もありません`,
    en: (a) => `device ${a.q('id')} has no link`,
    hint: { ja: () => 'ネットワークにつながっていない機器なら exposure: isolated と書いてください。そうでなければ links に追加してください', en: () => 'for a stand-alone device, say exposure: isolated; otherwise add it to links' },
  },
  KZ303: {
    ja: (a) => `${a.q('key')} は種別 ${a.q('kind')} のネットワークには当てはまりません`,
    en: (a) => `${a.q('key')} does not apply to a network of kind ${a.q('kind')}`,
    hint: { ja: () => 'ike は ipsec-vpn、wlan-security / ieee8021x / mac-filter は wireless-lan にだけ書きます', en: () => 'ike is for ipsec-vpn; wlan-security, ieee8021x and mac-filter are for wireless-lan' },
  },
  KZ304: {
    ja: (a) => `経路で機器 ${a.q('device')} が続けて2回現れます`,
    en: (a) => `device ${a.q('device')} appears twice in a row on the path`,
  },
  KZ305: {
    ja: (a) => `リスク ${a.q('risk')} を低減とする対応に対策（measures）がありません`,
    en: (a) => `the response reducing ${a.q('risk')} lists no measures`,
    hint: { ja: () => 'measures に {category, owner, text} を追加してください', en: () => 'add measures with category, owner and text' },
  },
  KZ306: {
    ja: (a) => `対応 ${a.q('risk')} に当てはまるリスクがありません（孤立した対応）`,
    en: (a) => `the response for ${a.q('risk')} answers no risk (orphaned)`,
    hint: {
      ja: () => 'リスクIDが変わったか、リスクがなくなった可能性があります。npx koseizu threats で現在のリスクIDを確認し、risk を直すか対応を削除してください',
      en: () => 'the risk id may have changed, or the risk is gone: list the current ids with npx koseizu threats, then fix risk or remove the response',
    },
  },
  KZ307: {
    ja: (a) => `ランク S のリスク ${a.q('risk')} を対策 1 件だけで低減としています`,
    en: (a) => `rank S risk ${a.q('risk')} is reduced by a single measure`,
    hint: {
      ja: () => 'S ランクは複数の対策による対応が必須です（対応基準）。measures に対策を追加してください。それまで check では未対応として扱います',
      en: () => 'rank S needs several measures (the response criteria): add measures; until then check counts it as unanswered',
    },
  },
  KZ308: {
    ja: (a) => `リスク ${a.q('risk')} を受容・保有とする理由（rationale）がありません`,
    en: (a) => `risk ${a.q('risk')} is accepted without a rationale`,
    hint: {
      ja: () => '受容は意思決定に基づくものです。rationale に理由を、agreed-with に合意先を書いてください',
      en: () => 'acceptance is a decision: give its reason in rationale, and who agreed in agreed-with',
    },
  },
  KZ309: {
    ja: (a) => `ランク S のリスク ${a.q('risk')} を受容・保有としています`,
    en: (a) => `rank S risk ${a.q('risk')} is accepted`,
    hint: {
      ja: () => 'S ランクは複数の対策による対応が必須です（対応基準）。低減・回避・共有を検討するか、risk-matrix: で対応基準を見直してください。それまで check では未対応として扱います',
      en: () => 'rank S needs several measures (the response criteria): reduce, avoid or share it, or revise the criteria in risk-matrix:; until then check counts it as unanswered',
    },
  },
  KZ310: {
    ja: (a) => `機器 ${a.q('device')}（${a.q('kind')}）は保存の役割（store）を持ちますが、何をどう保存するか（stores）が書かれていません。情報流が運んでくる情報のキャッシュとみなします`,
    en: (a) => `device ${a.q('device')} (a ${a.s('kind')}) has the store role but does not say what it keeps (stores): koseizu takes it as a cache of what flows bring it`,
    hint: {
      ja: () => 'stores: [{data: [...], as: cache}] のように保存する情報と形態を書いてください（原本を保存する機器なら as: record）',
      en: () => 'say what it keeps and how, e.g. stores: [{data: [...], as: cache}] (as: record if it holds the original)',
    },
  },
  KZ311: {
    ja: (a) => `機器 ${a.q('device')} は exposure: ${a.s('exposure')} ですが、インターネットのネットワークで接続されています。インターネットから到達可能とみなします`,
    en: (a) => `device ${a.q('device')} says exposure: ${a.s('exposure')}, but a link joins it over the internet: koseizu takes it as reachable from the internet`,
    hint: {
      ja: () => 'VPN や閉域網を経由しているなら、その接続（ネットワーク）を links に書いてください。そうでなければ exposure: internet にしてください',
      en: () => 'if it is reached through a VPN or a closed network, put that network on its links; otherwise write exposure: internet',
    },
  },
  KZ312: {
    ja: (a) => `情報資産 ${a.q('data')} は医療情報（medical）に分類されていますが、扱う情報流はすべて提供形態 ${a.s('forms')}（情報の中身を見ない提供）です`,
    en: (a) => `data ${a.q('data')} is classed medical, but only flows of the ${a.s('forms')} form, which do not look inside the data, handle it`,
    hint: {
      ja: () => 'プラットフォーム・インフラの事業者は少なくとも「医療情報を含む可能性のある領域」と「それ以外の情報（機器・OS・ミドルウェアの設定等）」に分類します。class: may-contain-medical にしてください',
      en: () => 'platform and infrastructure providers classify at least areas that may contain medical information and other information (device, OS and middleware settings): write class: may-contain-medical',
    },
  },
  KZ313: {
    ja: (a) => `接続 ${a.q('link')} は ${a.operator('a')} と ${a.operator('b')} の機器を結びますが、責任分界点（boundary）が接続にもそのネットワークにも書かれていません`,
    en: (a) => `link ${a.q('link')} joins devices of ${a.operator('a')} and ${a.operator('b')}, but neither it nor its network states the responsibility boundary (boundary)`,
    hint: {
      ja: () => 'どこまでをどちらが担保するかを boundary に書いてください（例: 院内ルータのWAN側ポートまで回線事業者、それより内側は医療機関）',
      en: () => 'say in boundary where one party\'s responsibility ends and the next one\'s begins (e.g. the carrier up to the WAN port of the clinic\'s router, the clinic inside it)',
    },
  },
  KZ314: {
    ja: (a) => (a.s('agreement') === 'none'
      ? `ネットワーク ${a.q('network')}（${a.s('kind')}）を運用する ${a.q('operator')} との契約・SLA（agreement）が書かれていません`
      : `ネットワーク ${a.q('network')}（${a.s('kind')}）を運用する事業者（operator）が書かれていません`),
    en: (a) => (a.s('agreement') === 'none'
      ? `network ${a.q('network')} (${a.s('kind')}) is run by ${a.q('operator')}, but no agreement with it is stated`
      : `network ${a.q('network')} (${a.s('kind')}) names no operator`),
    hint: {
      ja: () => '回線事業者を parties: に宣言し、責任分界を含む契約・SLA を agreement に書いて、ネットワークの operator で指定してください',
      en: () => 'declare the carrier in parties:, give the agreement that covers who answers for what in agreement, and name it as the network\'s operator',
    },
  },
  ...RULE_MESSAGES,
};

export function message(d: Diagnostic, lang: Lang): string {
  const entry = MESSAGES[d.code];
  const args = new Args(d.args, lang);
  let text = entry[lang](args);
  if (d.suggestions && d.suggestions.length > 0) {
    text += COMMON_WORDS[lang].suggestions(d.suggestions.map((s) => `"${s}"`));
  }
  return text;
}

export function hint(d: Diagnostic, lang: Lang): string | undefined {
  const h = MESSAGES[d.code].hint;
  return h ? h[lang](new Args(d.args, lang)) : undefined;
}
