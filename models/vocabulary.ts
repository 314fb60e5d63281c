// The closed vocabularies of the DSL: every enum the schema, the validator and later stages share.
// Each list is the one place its values are written; the Japanese term sits beside each value so the
// schema's descriptions, the messages and the reports all say the same thing (see docs/glossary.md).

/** A value of a vocabulary, with its Japanese and English names. */
export interface Term {
  readonly ja: string;
  readonly en: string;
}

function terms<K extends string>(table: Record<K, Term>): Readonly<Record<K, Term>> {
  return Object.freeze(table);
}

export const PHASES = terms({
  development: { ja: '開発', en: 'development' },
  operation: { ja: '運用', en: 'operation' },
  termination: { ja: '契約終了', en: 'contract termination' },
});
export type Phase = keyof typeof PHASES;

export const FORMS = terms({
  application: { ja: 'アプリケーション', en: 'application' },
  platform: { ja: 'プラットフォーム', en: 'platform' },
  infrastructure: { ja: 'インフラ', en: 'infrastructure' },
});
export type Form = keyof typeof FORMS;

export const ORGS = terms({
  institution: { ja: '医療機関等', en: 'medical institution' },
  provider: { ja: '対象事業者', en: 'provider' },
  'third-party': { ja: '第三者', en: 'third party' },
});
export type Org = keyof typeof ORGS;

export const ACTOR_ORGS = terms({
  ...ORGS,
  public: { ja: '一般（患者等）', en: 'public (patients etc.)' },
});
export type ActorOrg = keyof typeof ACTOR_ORGS;

/** Who a device belongs to: an organisation, or a person (a patient's own device, a staff member's personal device: BYOD). */
export const DEVICE_OWNERS = terms({
  ...ORGS,
  patient: { ja: '患者個人', en: 'the patient' },
  staff: { ja: '職員個人（BYOD）', en: 'a staff member (personal device, BYOD)' },
});
export type DeviceOwner = keyof typeof DEVICE_OWNERS;

/** Kinds of party (関係者): the organisations a model names, by what they are to the system. */
export const PARTY_KINDS = terms({
  institution: { ja: '医療機関等', en: 'medical institution' },
  provider: { ja: '対象事業者', en: 'provider' },
  'third-party': { ja: '第三者（委託先・他社）', en: 'third party (contractor, other vendor)' },
  carrier: { ja: '回線事業者・ネットワークサービス提供者', en: 'carrier or network service provider' },
});
export type PartyKind = keyof typeof PARTY_KINDS;

/**
 * Who runs a site, a device or a network (管理主体・運用主体): these words, or the id of a party the model
 * names. `patient` and `staff` run only devices (their own).
 */
export const OPERATORS = terms({
  ...ORGS,
  patient: DEVICE_OWNERS.patient,
  staff: DEVICE_OWNERS.staff,
});
export type OperatorKind = keyof typeof OPERATORS | 'carrier';

/** Third-party certifications and evaluations a provider or party holds (事業者の選定基準). */
export const CERTIFICATIONS = terms({
  pmark: { ja: 'プライバシーマーク', en: 'PrivacyMark' },
  isms: { ja: 'ISMS認証（ISO/IEC 27001）', en: 'ISMS certification (ISO/IEC 27001)' },
  ismap: { ja: 'ISMAP', en: 'ISMAP' },
  fedramp: { ja: 'FedRAMP', en: 'FedRAMP' },
  soc2: { ja: 'SOC2', en: 'SOC 2' },
  soc3: { ja: 'SOC3', en: 'SOC 3' },
  'cloud-evaluation': { ja: '医療情報に係るクラウドサービスの評価（HISPRO）', en: 'HISPRO evaluation of cloud services for medical information' },
  'external-audit': { ja: '有資格者による外部監査', en: 'external audit by a qualified auditor' },
});
export type Certification = keyof typeof CERTIFICATIONS;

/**
 * How a device keeps information (保存の形態): the store of record (原本), a copy kept for use, a cache
 * kept to work faster or offline, a temporary copy kept only until the work is done, or a backup.
 */
export const KEPT_AS = terms({
  record: { ja: '原本', en: 'record' },
  copy: { ja: '複製', en: 'copy' },
  cache: { ja: 'キャッシュ', en: 'cache' },
  temporary: { ja: '一時保管', en: 'temporary copy' },
  backup: { ja: 'バックアップ', en: 'backup' },
});
export type KeptAs = keyof typeof KEPT_AS;

export const DATA_CLASSES = terms({
  medical: { ja: '医療情報', en: 'medical information' },
  'may-contain-medical': { ja: '医療情報を含む可能性のある領域', en: 'may contain medical information' },
  other: { ja: 'それ以外の情報', en: 'other information' },
});
export type DataClass = keyof typeof DATA_CLASSES;

export const DATA_KINDS = terms({
  record: { ja: '記録', en: 'record' },
  document: { ja: '帳票', en: 'document' },
  log: { ja: 'ログ', en: 'log' },
  backup: { ja: 'バックアップ', en: 'backup' },
  config: { ja: '設定情報', en: 'configuration' },
  code: { ja: 'プログラム', en: 'program code' },
  credential: { ja: '認証情報', en: 'credentials' },
  other: { ja: 'その他', en: 'other' },
});
export type DataKind = keyof typeof DATA_KINDS;

export const DEVICE_KINDS = terms({
  server: { ja: 'サーバ', en: 'server' },
  database: { ja: 'データベース', en: 'database' },
  'log-server': { ja: 'ログサーバ', en: 'log server' },
  terminal: { ja: '端末', en: 'terminal' },
  tablet: { ja: 'タブレット', en: 'tablet' },
  smartphone: { ja: 'スマートフォン', en: 'smartphone' },
  printer: { ja: 'プリンタ', en: 'printer' },
  router: { ja: 'ルータ', en: 'router' },
  firewall: { ja: 'ファイアウォール', en: 'firewall' },
  'vpn-gateway': { ja: 'VPN装置', en: 'VPN gateway' },
  'wireless-ap': { ja: '無線アクセスポイント', en: 'wireless access point' },
  storage: { ja: 'ストレージ', en: 'storage' },
  'external-system': { ja: '外部システム', en: 'external system' },
  'medical-device': { ja: '医療機器', en: 'medical device' },
});
export type DeviceKind = keyof typeof DEVICE_KINDS;

export const DEVICE_ROLES = terms({
  input: { ja: '入力', en: 'input' },
  display: { ja: '表示', en: 'display' },
  print: { ja: '印刷', en: 'print' },
  process: { ja: '処理', en: 'processing' },
  store: { ja: '保存', en: 'storage' },
  log: { ja: 'ログ保存', en: 'logging' },
  backup: { ja: 'バックアップ', en: 'backup' },
  relay: { ja: '中継', en: 'relay' },
});
export type DeviceRole = keyof typeof DEVICE_ROLES;

/** Roles a device has when the model does not list them: what a device of that kind does. */
export const DEFAULT_ROLES: Readonly<Record<DeviceKind, readonly DeviceRole[]>> = Object.freeze({
  server: ['process'],
  database: ['store'],
  'log-server': ['log'],
  terminal: ['input', 'display'],
  tablet: ['input', 'display'],
  smartphone: ['input', 'display'],
  printer: ['print'],
  router: ['relay'],
  firewall: ['relay'],
  'vpn-gateway': ['relay'],
  'wireless-ap': ['relay'],
  storage: ['store'],
  'external-system': ['input', 'process', 'display'],
  'medical-device': ['input', 'process', 'display'],
});

export const ENVIRONMENTS = terms({
  production: { ja: '本番環境', en: 'production' },
  staging: { ja: '検証環境', en: 'staging' },
  development: { ja: '開発環境', en: 'development' },
  test: { ja: 'テスト環境', en: 'test' },
});
export type Environment = keyof typeof ENVIRONMENTS;

export const EXPOSURES = terms({
  internet: { ja: 'インターネットから到達可能', en: 'reachable from the internet' },
  internal: { ja: '内部のみ', en: 'internal only' },
  isolated: { ja: '外部接続なし', en: 'isolated' },
});
export type Exposure = keyof typeof EXPOSURES;

/** Authentication factors, each with the factor type the guideline counts for multi-factor authentication. */
export const AUTH_FACTORS = terms({
  password: { ja: 'パスワード', en: 'password' },
  pin: { ja: 'PIN', en: 'PIN' },
  'ic-card': { ja: 'ICカード', en: 'IC card' },
  'hpki-card': { ja: 'HPKIカード', en: 'HPKI card' },
  certificate: { ja: '電子証明書', en: 'certificate' },
  otp: { ja: 'ワンタイムパスワード', en: 'one-time password' },
  'hardware-token': { ja: 'ハードウェアトークン', en: 'hardware token' },
  passkey: { ja: 'パスキー', en: 'passkey' },
  biometric: { ja: '生体認証', en: 'biometrics' },
  'pre-shared-key': { ja: '事前共有鍵', en: 'pre-shared key' },
});
export type AuthFactor = keyof typeof AUTH_FACTORS;
export type AuthFactorType = 'knowledge' | 'possession' | 'biometric';
export const AUTH_FACTOR_TYPES: Readonly<Record<AuthFactor, AuthFactorType>> = Object.freeze({
  password: 'knowledge',
  pin: 'knowledge',
  'ic-card': 'possession',
  'hpki-card': 'possession',
  certificate: 'possession',
  otp: 'possession',
  'hardware-token': 'possession',
  passkey: 'possession',
  biometric: 'biometric',
  'pre-shared-key': 'knowledge',
});

export const NETWORK_KINDS = terms({
  internet: { ja: 'インターネット', en: 'internet' },
  'closed-network': { ja: '閉域網', en: 'closed network' },
  'leased-line': { ja: '専用線', en: 'leased line' },
  'ipsec-vpn': { ja: 'IPsec-VPN', en: 'IPsec VPN' },
  'ssl-vpn-client': { ja: 'SSL-VPN（クライアント型）', en: 'SSL-VPN (client type)' },
  'ssl-vpn-clientless': { ja: 'SSL-VPN（クライアントレス型）', en: 'SSL-VPN (clientless)' },
  lan: { ja: 'LAN', en: 'LAN' },
  'wireless-lan': { ja: '無線LAN', en: 'wireless LAN' },
  'cloud-internal': { ja: 'クラウド内部ネットワーク（VPC等）', en: 'cloud-internal network (VPC etc.)' },
  'private-link': { ja: 'PrivateLink', en: 'PrivateLink' },
  'vpc-peering': { ja: 'VPCピアリング', en: 'VPC peering' },
  'direct-connect': { ja: 'Direct Connect', en: 'Direct Connect' },
});
export type NetworkKind = keyof typeof NETWORK_KINDS;

/** Whether traffic on a network of this kind is encrypted when the model does not say. */
export const DEFAULT_NETWORK_ENCRYPTED: Readonly<Record<NetworkKind, boolean>> = Object.freeze({
  internet: false,
  'closed-network': false,
  'leased-line': false,
  'ipsec-vpn': true,
  'ssl-vpn-client': true,
  'ssl-vpn-clientless': true,
  lan: false,
  'wireless-lan': false,
  'cloud-internal': false,
  'private-link': false,
  'vpc-peering': false,
  'direct-connect': false,
});

/** Application protocols that encrypt on their own: a link using one is encrypted unless the model says otherwise. */
export const ENCRYPTING_PROTOCOLS: readonly string[] = Object.freeze(['https', 'ssh', 'sftp', 'scp', 'ftps', 'imaps', 'pop3s', 'smtps', 'ldaps', 'wss', 'dicom-tls']);

export const WLAN_SECURITY = terms({
  open: { ja: '暗号化なし', en: 'open' },
  wep: { ja: 'WEP', en: 'WEP' },
  'wpa2-personal': { ja: 'WPA2-Personal', en: 'WPA2-Personal' },
  'wpa2-enterprise': { ja: 'WPA2-Enterprise', en: 'WPA2-Enterprise' },
  'wpa3-personal': { ja: 'WPA3-Personal', en: 'WPA3-Personal' },
  'wpa3-enterprise': { ja: 'WPA3-Enterprise', en: 'WPA3-Enterprise' },
});
export type WlanSecurity = keyof typeof WLAN_SECURITY;

export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export const MEDIA_KINDS = terms({
  'usb-memory': { ja: 'USBメモリ', en: 'USB memory' },
  'external-hdd': { ja: '外付けHDD/SSD', en: 'external disk' },
  tape: { ja: 'テープ', en: 'tape' },
  'optical-disc': { ja: '光ディスク', en: 'optical disc' },
  'sd-card': { ja: 'SDカード', en: 'SD card' },
  laptop: { ja: 'ノートPC', en: 'laptop' },
  paper: { ja: '紙', en: 'paper' },
  other: { ja: 'その他', en: 'other' },
});
export type MediaKind = keyof typeof MEDIA_KINDS;

export const OPERATIONS = terms({
  view: { ja: '閲覧', en: 'view' },
  operate: { ja: '操作', en: 'operate' },
  input: { ja: '入力', en: 'input' },
  edit: { ja: '編集', en: 'edit' },
  print: { ja: '帳票出力', en: 'print' },
  process: { ja: '処理', en: 'process' },
  create: { ja: '作成', en: 'create' },
  store: { ja: '保存', en: 'store' },
  transfer: { ja: '移送', en: 'transfer' },
  backup: { ja: 'バックアップ', en: 'back up' },
  restore: { ja: '復元', en: 'restore' },
  export: { ja: '書き出し', en: 'export' },
  develop: { ja: '開発', en: 'develop' },
  test: { ja: '試験', en: 'test' },
  maintain: { ja: '保守', en: 'maintain' },
  return: { ja: '返却', en: 'return' },
  migrate: { ja: '移管', en: 'hand over' },
  erase: { ja: '消去', en: 'erase' },
  dispose: { ja: '廃棄', en: 'dispose' },
});
export type Operation = keyof typeof OPERATIONS;

export const VOLUMES = terms({
  low: { ja: '少量・低頻度', en: 'low volume, infrequent' },
  medium: { ja: '中程度', en: 'medium' },
  high: { ja: '大量・高頻度', en: 'high volume, frequent' },
});
export type Volume = keyof typeof VOLUMES;

export const DECISIONS = terms({
  reduce: { ja: '低減', en: 'reduce' },
  avoid: { ja: '回避', en: 'avoid' },
  share: { ja: '共有', en: 'share' },
  accept: { ja: '受容・保有', en: 'accept / retain' },
});
export type Decision = keyof typeof DECISIONS;

export const MEASURE_CATEGORIES = terms({
  human: { ja: '人的・組織的', en: 'human / organisational' },
  physical: { ja: '物理的', en: 'physical' },
  technical: { ja: '技術的', en: 'technical' },
});
export type MeasureCategory = keyof typeof MEASURE_CATEGORIES;

export const MEASURE_OWNERS = terms({
  provider: { ja: '対象事業者', en: 'provider' },
  institution: { ja: '医療機関等', en: 'medical institution' },
  both: { ja: '双方', en: 'both' },
});
export type MeasureOwner = keyof typeof MEASURE_OWNERS;

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Controls: the measures already in place that the rules read. Custom controls start with "x-".
export const SITE_CONTROLS = terms({
  bcp: { ja: '事業継続計画', en: 'business continuity plan' },
  'disaster-recovery-site': { ja: '遠隔地の災害復旧拠点', en: 'disaster recovery site' },
  'seismic-design': { ja: '耐震・免震', en: 'seismic design' },
  'redundant-power': { ja: '電源冗長化', en: 'redundant power' },
  'redundant-network': { ja: '回線冗長化', en: 'redundant network' },
  'security-guard': { ja: '警備', en: 'security guard' },
  'third-party-certification': { ja: '第三者認証（ISMS/ISMAP等）', en: 'third-party certification' },
});
export type SiteControl = keyof typeof SITE_CONTROLS;

export const LOCATION_CONTROLS = terms({
  locked: { ja: '施錠', en: 'locked' },
  'entry-control': { ja: '入退室管理', en: 'entry control' },
  'entry-log': { ja: '入退室記録', en: 'entry log' },
  cctv: { ja: '監視カメラ', en: 'CCTV' },
  'visitor-escort': { ja: '来訪者の付き添い', en: 'visitor escort' },
  'clean-desk': { ja: 'クリアデスク', en: 'clean desk' },
  'fire-suppression': { ja: '消火設備', en: 'fire suppression' },
  ups: { ja: '無停電電源装置', en: 'UPS' },
  'staffed-always': { ja: '常時有人', en: 'always staffed' },
});
export type LocationControl = keyof typeof LOCATION_CONTROLS;

export const DEVICE_CONTROLS = terms({
  'access-control': { ja: 'アクセス制御', en: 'access control' },
  'least-privilege': { ja: '最小権限', en: 'least privilege' },
  'separation-of-duties': { ja: '職務分離', en: 'separation of duties' },
  'input-validation': { ja: '入力検証', en: 'input validation' },
  'code-review': { ja: 'コードレビュー', en: 'code review' },
  'vulnerability-scan': { ja: '脆弱性診断', en: 'vulnerability scanning' },
  'patch-management': { ja: 'パッチ管理', en: 'patch management' },
  antivirus: { ja: 'マルウェア対策ソフト', en: 'antivirus' },
  edr: { ja: 'EDR', en: 'EDR' },
  waf: { ja: 'WAF', en: 'WAF' },
  'ids-ips': { ja: 'IDS/IPS', en: 'IDS/IPS' },
  'encryption-at-rest': { ja: '保存データの暗号化', en: 'encryption at rest' },
  backup: { ja: 'バックアップ', en: 'backup' },
  'offline-backup': { ja: 'オフラインバックアップ', en: 'offline backup' },
  'immutable-backup': { ja: '改変不能なバックアップ', en: 'immutable backup' },
  'offsite-backup': { ja: '遠隔地バックアップ', en: 'off-site backup' },
  redundancy: { ja: '冗長化', en: 'redundancy' },
  monitoring: { ja: '稼働監視', en: 'monitoring' },
  'audit-log': { ja: 'アクセスログ', en: 'audit log' },
  'log-masking': { ja: 'ログのマスキング', en: 'log masking' },
  'log-integrity': { ja: 'ログの改ざん防止', en: 'log integrity' },
  'time-sync': { ja: '時刻同期', en: 'time synchronisation' },
  'screen-lock': { ja: '画面ロック', en: 'screen lock' },
  'privacy-filter': { ja: '覗き見防止フィルタ', en: 'privacy filter' },
  'auto-logout': { ja: '自動ログアウト', en: 'automatic log-out' },
  mdm: { ja: 'MDM', en: 'mobile device management' },
  'remote-wipe': { ja: 'リモートワイプ', en: 'remote wipe' },
  'usb-blocked': { ja: '外部媒体の利用制限', en: 'USB media blocked' },
  'print-log': { ja: '印刷ログ', en: 'print log' },
  'secure-print': { ja: '認証印刷', en: 'secure (pull) printing' },
  'data-masking': { ja: 'データのマスキング', en: 'data masking' },
  'secure-erase': { ja: '確実なデータ消去', en: 'secure erasure' },
  'erasure-certificate': { ja: '消去証明', en: 'erasure certificate' },
  'electronic-signature': { ja: '電子署名', en: 'electronic signature' },
  timestamp: { ja: 'タイムスタンプ', en: 'timestamp' },
  hardening: { ja: 'ハードニング', en: 'hardening' },
  'maintenance-approval': { ja: '保守作業の事前合意・承認', en: 'maintenance agreed and approved beforehand' },
  'maintenance-record': { ja: '保守作業の記録・報告', en: 'maintenance work recorded and reported' },
  'access-on-demand': { ja: '保守接続は必要時のみ開放', en: 'maintenance access opened only when needed' },
  'vpn-route-separation': { ja: 'VPN接続経路・ゾーンの分離', en: 'VPN route and zone separated' },
  'vpn-routing-control': { ja: 'VPN間の経路制御・中継の禁止', en: 'routing control between VPNs, no relaying' },
});
export type DeviceControl = keyof typeof DEVICE_CONTROLS;

export const MEDIA_CONTROLS = terms({
  'locked-case': { ja: '施錠可能なケース', en: 'locked case' },
  'tamper-evident': { ja: '開封検知', en: 'tamper-evident packaging' },
  tracking: { ja: '追跡', en: 'tracking' },
  'handover-record': { ja: '受け渡し記録', en: 'hand-over record' },
  'media-inventory': { ja: '媒体台帳', en: 'media inventory' },
  'secure-erase': { ja: '確実なデータ消去', en: 'secure erasure' },
  'physical-destruction': { ja: '物理破壊', en: 'physical destruction' },
  'erasure-certificate': { ja: '消去証明', en: 'erasure certificate' },
});
export type MediaControl = keyof typeof MEDIA_CONTROLS;

/** A custom control, read by user rules only: "x-" and kebab-case. */
export type CustomControl = `x-${string}`;

// ---- The risk walk: segments, threats, CIA, grades and ranks ----

/** Kinds of flow segment (断面). The first four are the guideline's example (イメージ1); the others complete the walk. */
export const SEGMENT_KINDS = terms({
  input: { ja: '入力', en: 'input' },
  processing: { ja: '処理', en: 'processing' },
  storage: { ja: '保存', en: 'storage' },
  logging: { ja: 'ログ', en: 'logging' },
  transfer: { ja: '移送（通信）', en: 'transfer' },
  display: { ja: '画面表示', en: 'display' },
  print: { ja: '印刷', en: 'print' },
  media: { ja: '記憶媒体の搬送', en: 'media transport' },
  disposal: { ja: '返却・廃棄', en: 'return and disposal' },
});
export type SegmentKind = keyof typeof SEGMENT_KINDS;

/** The guideline's eleven representative threats (代表的な脅威), in its order. The list is not exhaustive. */
export const THREATS = terms({
  'unauthorised-access': { ja: '不正な閲覧・操作', en: 'unauthorised viewing or operation' },
  'eavesdropping-spoofing': { ja: 'ネットワーク上の盗聴・なりすまし', en: 'eavesdropping and spoofing on the network' },
  'advanced-attack': { ja: '高度サイバー攻撃', en: 'advanced cyber attack' },
  ransomware: { ja: 'ランサムウェア感染', en: 'ransomware infection' },
  'theft-leak': { ja: '情報の窃取・漏洩', en: 'theft or leak of information' },
  'tampering-destruction': { ja: '情報の改竄・破壊', en: 'tampering with or destruction of information' },
  outage: { ja: '医療情報システム等の停止', en: 'outage of the system' },
  vulnerability: { ja: '技術的脆弱性の混入', en: 'introduction of technical vulnerabilities' },
  'loss-theft-taken-out': { ja: '機器や記憶媒体の持ち出し時の紛失・盗難', en: 'loss or theft of devices or media taken off site' },
  'physical-intrusion': { ja: '施設への物理的侵入', en: 'physical intrusion into facilities' },
  disaster: { ja: '災害等', en: 'disasters and the like' },
});
export type Threat = keyof typeof THREATS;

/** The properties a threat puts at stake. */
export const CIA = terms({
  C: { ja: '機密性', en: 'confidentiality' },
  I: { ja: '完全性', en: 'integrity' },
  A: { ja: '可用性', en: 'availability' },
});
export type CiaProperty = keyof typeof CIA;

/** Impact (影響度), five grades, with the guideline's wording. */
export const IMPACT_GRADES: readonly Term[] = Object.freeze([
  { ja: '極めて小さい', en: 'very small' },
  { ja: '小さい', en: 'small' },
  { ja: '中程度', en: 'moderate' },
  { ja: '大きい', en: 'large' },
  { ja: '極めて大きい', en: 'very large' },
]);

/** Likelihood (顕在化率), five grades, with the guideline's wording. */
export const LIKELIHOOD_GRADES: readonly Term[] = Object.freeze([
  { ja: '極めて低い', en: 'very low' },
  { ja: '低い', en: 'low' },
  { ja: '中程度', en: 'moderate' },
  { ja: '高い', en: 'high' },
  { ja: '極めて高い', en: 'very high' },
]);

/** Risk ranks, highest first. Level 5 is S, level 1 is D. */
export const RANKS = ['S', 'A', 'B', 'C', 'D'] as const;
export type Rank = (typeof RANKS)[number];

/** Whether a rank needs a response (対応要否), as the guideline's sample criteria say. */
export const RESPONSE_NEEDS = terms({
  several: { ja: '複数の対策による対応が必須', en: 'several measures required' },
  required: { ja: '対応が必須', en: 'a measure required' },
  consider: { ja: '事情を勘案して検討', en: 'decide case by case' },
  none: { ja: '対応不要', en: 'no response needed' },
});
export type ResponseNeed = keyof typeof RESPONSE_NEEDS;

const grades = (list: readonly Term[]): Readonly<Record<string, Term>> => Object.freeze(Object.fromEntries(list.map((t, i) => [String(i + 1), t])));

/**
 * Every table of words, by name: what a message's {term} placeholders name, and what the view builders
 * look words up in. `control` holds every kind of control (a device's wins where names meet); `impact`
 * and `likelihood` are keyed by grade, "1" to "5".
 */
export const VOCABULARY = Object.freeze({
  phase: PHASES, form: FORMS, org: ORGS, actorOrg: ACTOR_ORGS, dataClass: DATA_CLASSES, dataKind: DATA_KINDS,
  deviceKind: DEVICE_KINDS, deviceRole: DEVICE_ROLES, environment: ENVIRONMENTS, exposure: EXPOSURES, authFactor: AUTH_FACTORS,
  networkKind: NETWORK_KINDS, wlanSecurity: WLAN_SECURITY, mediaKind: MEDIA_KINDS, operation: OPERATIONS, volume: VOLUMES,
  decision: DECISIONS, measureCategory: MEASURE_CATEGORIES, measureOwner: MEASURE_OWNERS,
  deviceOwner: DEVICE_OWNERS, partyKind: PARTY_KINDS, operator: OPERATORS, certification: CERTIFICATIONS, keptAs: KEPT_AS,
  control: Object.freeze({ ...SITE_CONTROLS, ...LOCATION_CONTROLS, ...MEDIA_CONTROLS, ...DEVICE_CONTROLS }),
  segment: SEGMENT_KINDS, threat: THREATS, cia: CIA, impact: grades(IMPACT_GRADES), likelihood: grades(LIKELIHOOD_GRADES),
  responseNeed: RESPONSE_NEEDS,
} satisfies Readonly<Record<string, Readonly<Record<string, Term>>>>);
export type VocabularyName = keyof typeof VOCABULARY;
