// The closed vocabularies of the DSL: every enum the schema, the validator and later stages share.
// Each list is the one place its values are written; the Japanese term sits beside each value so the
// schema's descriptions, the messages and the reports all say the same thing (see docs/glossary.md),
// and so does what each value means, in one sentence per language, which editors show for each value.

/** A value of a vocabulary, with its Japanese and English names. */
export interface Term {
  readonly ja: string;
  readonly en: string;
}

/** A term of a closed vocabulary: its names and what it means (one modest sentence in each language). */
export interface DefinedTerm extends Term {
  readonly means: Term;
}

function terms<K extends string>(table: Record<K, DefinedTerm>): Readonly<Record<K, DefinedTerm>> {
  return Object.freeze(table);
}

export const PHASES = terms({
  development: { ja: '開発', en: 'development', means: { ja: '医療情報システム等を設計・開発・試験するフェーズ（保守での改修を含む）。', en: 'Designing, building and testing the system, changes made in maintenance included.' } },
  operation: { ja: '運用', en: 'operation', means: { ja: '医療機関等にサービスを提供し、医療情報を日々取り扱うフェーズ。', en: 'Providing the service to the institution and handling medical information day to day.' } },
  termination: { ja: '契約終了', en: 'contract termination', means: { ja: '契約の終了に伴い、情報を返却・移管・廃棄するフェーズ。', en: 'The end of the contract: the information is returned, handed over or destroyed.' } },
});
export type Phase = keyof typeof PHASES;

export const FORMS = terms({
  application: { ja: 'アプリケーション', en: 'application', means: { ja: '電子カルテ等のアプリケーションを医療機関等に提供する形態（SaaS 等）。', en: 'Providing an application such as an EHR to the institution (SaaS and the like).' } },
  platform: { ja: 'プラットフォーム', en: 'platform', means: { ja: 'アプリケーションを動かす基盤（OS・ミドルウェア等）を提供する形態（PaaS 等）。', en: 'Providing the platform applications run on: operating systems, middleware and the like (PaaS and the like).' } },
  infrastructure: { ja: 'インフラ', en: 'infrastructure', means: { ja: 'サーバ・ストレージ・ネットワーク等の基盤を提供する形態（IaaS、データセンター等）。', en: 'Providing servers, storage and networks (IaaS, data centres and the like).' } },
});
export type Form = keyof typeof FORMS;

export const ORGS = terms({
  institution: { ja: '医療機関等', en: 'medical institution', means: { ja: '医療情報システム等を利用する病院・診療所・薬局等。', en: 'The hospital, clinic, pharmacy or the like that uses the system.' } },
  provider: { ja: '対象事業者', en: 'provider', means: { ja: '医療機関等に医療情報システム等やサービスを提供する事業者。このリスク評価を行う側。', en: 'The business that provides the system or service to the institution: the one making this assessment.' } },
  'third-party': { ja: '第三者', en: 'third party', means: { ja: '医療機関等・対象事業者以外の者（委託先、他社、外部サービス等）。', en: 'Anyone other than the institution and the provider: contractors, other vendors, outside services.' } },
});
export type Org = keyof typeof ORGS;

export const ACTOR_ORGS = terms({
  ...ORGS,
  public: { ja: '一般（患者等）', en: 'public (patients etc.)', means: { ja: '患者・来訪者等、どの組織にも属さない一般の人。', en: 'Members of the public, such as patients and visitors, who belong to none of the organisations.' } },
});
export type ActorOrg = keyof typeof ACTOR_ORGS;

/** Who a device belongs to: an organisation, or a person (a patient's own device, a staff member's personal device: BYOD). */
export const DEVICE_OWNERS = terms({
  ...ORGS,
  patient: { ja: '患者個人', en: 'the patient', means: { ja: '患者本人。患者自身の機器（患者のスマートフォン等）に使う。', en: 'The patient: for the patient\'s own device, such as their smartphone.' } },
  staff: { ja: '職員個人（BYOD）', en: 'a staff member (personal device, BYOD)', means: { ja: '職員個人。職員が個人で所有し、業務にも使う機器（BYOD）に使う。', en: 'A staff member in person: for a personal device also used for work (BYOD).' } },
});
export type DeviceOwner = keyof typeof DEVICE_OWNERS;

/** Kinds of party (関係者): the organisations a model names, by what they are to the system. */
export const PARTY_KINDS = terms({
  institution: { ja: '医療機関等', en: 'medical institution', means: { ja: '医療情報システム等を利用する病院・診療所・薬局等。', en: 'The hospital, clinic, pharmacy or the like that uses the system.' } },
  provider: { ja: '対象事業者', en: 'provider', means: { ja: '医療機関等に医療情報システム等やサービスを提供する事業者。', en: 'The business that provides the system or service to the institution.' } },
  'third-party': { ja: '第三者（委託先・他社）', en: 'third party (contractor, other vendor)', means: { ja: '対象事業者や医療機関等から業務を受託する事業者、または連携する他社システムの提供元。', en: 'A contractor of the provider or the institution, or the vendor of another system linked to this one.' } },
  carrier: { ja: '回線事業者・ネットワークサービス提供者', en: 'carrier or network service provider', means: { ja: '回線・閉域網・データ通信サービスを提供する通信事業者。', en: 'A telecommunications company providing lines, closed networks or data services.' } },
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
  pmark: { ja: 'プライバシーマーク', en: 'PrivacyMark', means: { ja: '個人情報を適切に取り扱う体制を JIS Q 15001 に基づき認定する制度。', en: 'The mark that certifies proper handling of personal information, based on JIS Q 15001.' } },
  isms: { ja: 'ISMS認証（ISO/IEC 27001）', en: 'ISMS certification (ISO/IEC 27001)', means: { ja: '情報セキュリティマネジメントシステムの国際規格 ISO/IEC 27001 への適合の認証。', en: 'Certification of the information security management system against ISO/IEC 27001.' } },
  ismap: { ja: 'ISMAP', en: 'ISMAP', means: { ja: '政府のセキュリティ要求を満たすクラウドサービスを評価・登録する制度。', en: 'The Japanese government\'s register of cloud services assessed against its security requirements.' } },
  fedramp: { ja: 'FedRAMP', en: 'FedRAMP', means: { ja: '米国政府によるクラウドサービスのセキュリティ評価・認可の制度。', en: 'The US government\'s programme for assessing and authorising the security of cloud services.' } },
  soc2: { ja: 'SOC2', en: 'SOC 2', means: { ja: '受託業務のセキュリティ等の内部統制について監査人が出す保証報告書。', en: 'An auditor\'s assurance report on a service organisation\'s controls for security and related criteria.' } },
  soc3: { ja: 'SOC3', en: 'SOC 3', means: { ja: 'SOC2 と同じ基準による、一般に公開できる要約版の保証報告書。', en: 'A summary assurance report on the same criteria as SOC 2, fit for publication.' } },
  'cloud-evaluation': { ja: '医療情報に係るクラウドサービスの評価（HISPRO）', en: 'HISPRO evaluation of cloud services for medical information', means: { ja: '医療情報を取り扱うクラウドサービスの安全管理についての、HISPRO による評価。', en: 'HISPRO\'s evaluation of how a cloud service handling medical information is kept safe.' } },
  'external-audit': { ja: '有資格者による外部監査', en: 'external audit by a qualified auditor', means: { ja: '有資格の監査人による情報セキュリティの外部監査。', en: 'An information security audit by a qualified outside auditor.' } },
});
export type Certification = keyof typeof CERTIFICATIONS;

/**
 * How a device keeps information (保存の形態): the store of record (原本), a copy kept for use, a cache
 * kept to work faster or offline, a temporary copy kept only until the work is done, or a backup.
 */
export const KEPT_AS = terms({
  record: { ja: '原本', en: 'record', means: { ja: 'その情報の原本として保存する。真正性・見読性・保存性とバックアップが問われる。', en: 'Kept as the store of record: authenticity, legibility, preservation and backups apply.' } },
  copy: { ja: '複製', en: 'copy', means: { ja: '利用のために原本から複製して保存する。', en: 'A copy of the record, kept for use.' } },
  cache: { ja: 'キャッシュ', en: 'cache', means: { ja: '処理の高速化やオフラインでの利用のために保持する。', en: 'Kept to work faster or offline.' } },
  temporary: { ja: '一時保管', en: 'temporary copy', means: { ja: '作業が終わるまでの間だけ保持し、その後消去する。', en: 'Kept only until the work is done, then erased.' } },
  backup: { ja: 'バックアップ', en: 'backup', means: { ja: '障害や災害から復旧するために保存する複製。', en: 'A copy kept to recover from failures and disasters.' } },
});
export type KeptAs = keyof typeof KEPT_AS;

export const DATA_CLASSES = terms({
  medical: { ja: '医療情報', en: 'medical information', means: { ja: '患者情報・診療録等、医療機関等の分類で医療情報とされる情報。', en: 'Medical information, such as patient information and medical records, as the institution classifies it.' } },
  'may-contain-medical': { ja: '医療情報を含む可能性のある領域', en: 'may contain medical information', means: { ja: '中身を見ずに扱うため、医療情報を含む可能性のある領域（データベース・ストレージ・ログ等）。', en: 'An area that may hold medical information, handled without looking inside: databases, storage, logs.' } },
  other: { ja: 'それ以外の情報', en: 'other information', means: { ja: '医療情報を含まない情報（機器や OS・ミドルウェアの設定情報等）。', en: 'Information that holds no medical information, such as device, OS and middleware settings.' } },
});
export type DataClass = keyof typeof DATA_CLASSES;

export const DATA_KINDS = terms({
  record: { ja: '記録', en: 'record', means: { ja: '診療録・検査結果等、業務で作成し参照する記録。', en: 'Records made and read in the work, such as medical records and test results.' } },
  document: { ja: '帳票', en: 'document', means: { ja: 'レセプト・処方箋・紹介状等、出力し交付する書類。', en: 'Documents printed or issued, such as claims, prescriptions and referral letters.' } },
  log: { ja: 'ログ', en: 'log', means: { ja: '操作・アクセス・システムの記録。保存期間の規則が対象にする。', en: 'Records of operations, access and system events; the retention rules look for them.' } },
  backup: { ja: 'バックアップ', en: 'backup', means: { ja: '復旧のために保存する情報の複製。', en: 'Copies of information kept to restore it.' } },
  config: { ja: '設定情報', en: 'configuration', means: { ja: '機器・OS・ミドルウェア・アプリケーションの設定。', en: 'Settings of devices, operating systems, middleware and applications.' } },
  code: { ja: 'プログラム', en: 'program code', means: { ja: 'アプリケーション等のプログラム（ソースコード、実行形式）。', en: 'Program code of applications and the like, as source or built.' } },
  credential: { ja: '認証情報', en: 'credentials', means: { ja: 'パスワード・鍵・証明書等、認証に使う情報。', en: 'Passwords, keys, certificates and other information used to authenticate.' } },
  other: { ja: 'その他', en: 'other', means: { ja: '上のいずれにも当たらない情報。', en: 'Information of none of the kinds above.' } },
});
export type DataKind = keyof typeof DATA_KINDS;

export const DEVICE_KINDS = terms({
  server: { ja: 'サーバ', en: 'server', means: { ja: '業務アプリケーション等を動かす機器。', en: 'A machine that runs applications.' } },
  database: { ja: 'データベース', en: 'database', means: { ja: '情報を構造化して保存するデータベース（サーバ）。', en: 'A database server that keeps structured information.' } },
  'log-server': { ja: 'ログサーバ', en: 'log server', means: { ja: 'ログを集めて保存する機器。', en: 'A machine that collects and keeps logs.' } },
  terminal: { ja: '端末', en: 'terminal', means: { ja: '利用者が情報の入力・閲覧に使う PC 等。', en: 'A PC or the like that users enter and view information on.' } },
  tablet: { ja: 'タブレット', en: 'tablet', means: { ja: '持ち運べるタブレット型の端末。', en: 'A portable tablet used as a terminal.' } },
  smartphone: { ja: 'スマートフォン', en: 'smartphone', means: { ja: '持ち運べるスマートフォン型の端末。', en: 'A smartphone used as a terminal.' } },
  printer: { ja: 'プリンタ', en: 'printer', means: { ja: '帳票等を紙に出力する機器（複合機を含む）。', en: 'A printer or multifunction device that puts documents on paper.' } },
  router: { ja: 'ルータ', en: 'router', means: { ja: 'ネットワーク間で通信を中継する機器。', en: 'Network equipment that forwards traffic between networks.' } },
  firewall: { ja: 'ファイアウォール', en: 'firewall', means: { ja: '許可した通信だけを通すネットワーク機器。', en: 'Network equipment that lets only permitted traffic through.' } },
  'vpn-gateway': { ja: 'VPN装置', en: 'VPN gateway', means: { ja: 'VPN の終端となる機器。', en: 'The device where a VPN ends.' } },
  'wireless-ap': { ja: '無線アクセスポイント', en: 'wireless access point', means: { ja: '無線LAN の端末を有線のネットワークにつなぐ機器。', en: 'Connects wireless LAN clients to the wired network.' } },
  storage: { ja: 'ストレージ', en: 'storage', means: { ja: 'ファイルやバックアップ等を保存する機器（NAS、オブジェクトストレージ等）。', en: 'Keeps files, backups and the like (NAS, object storage).' } },
  'external-system': { ja: '外部システム', en: 'external system', means: { ja: '他社・他施設のシステム等、このモデルの外で運用されるシステム。', en: 'A system run outside this model, such as another vendor\'s or another facility\'s.' } },
  'medical-device': { ja: '医療機器', en: 'medical device', means: { ja: '検査装置・画像診断装置等、医療情報を扱う医療機器。', en: 'A medical device that handles medical information, such as a lab analyser or an imaging modality.' } },
});
export type DeviceKind = keyof typeof DEVICE_KINDS;

export const DEVICE_ROLES = terms({
  input: { ja: '入力', en: 'input', means: { ja: '利用者や他の機器から情報を受け付ける。', en: 'Takes in information from users or other devices.' } },
  display: { ja: '表示', en: 'display', means: { ja: '情報を画面に表示する。', en: 'Shows information on a screen.' } },
  print: { ja: '印刷', en: 'print', means: { ja: '情報を紙に出力する。', en: 'Puts information on paper.' } },
  process: { ja: '処理', en: 'processing', means: { ja: '情報を処理する（アプリケーションを動かす等）。', en: 'Processes information, e.g. runs the application.' } },
  store: { ja: '保存', en: 'storage', means: { ja: '情報を保存する。', en: 'Keeps information.' } },
  log: { ja: 'ログ保存', en: 'logging', means: { ja: 'ログを保存する。', en: 'Keeps logs.' } },
  backup: { ja: 'バックアップ', en: 'backup', means: { ja: '他の機器の情報のバックアップを保存する。', en: 'Keeps backups of other devices\' information.' } },
  relay: { ja: '中継', en: 'relay', means: { ja: '通信を中継する（情報そのものは扱わない）。', en: 'Forwards traffic without handling the information itself.' } },
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
  production: { ja: '本番環境', en: 'production', means: { ja: '医療機関等が実際に使う環境。', en: 'The environment the institution actually uses.' } },
  staging: { ja: '検証環境', en: 'staging', means: { ja: '本番に入れる前の確認に使う、本番に近い環境。', en: 'A production-like environment for checks before release.' } },
  development: { ja: '開発環境', en: 'development', means: { ja: '開発作業に使う環境。', en: 'The environment development work is done in.' } },
  test: { ja: 'テスト環境', en: 'test', means: { ja: '試験に使う環境。', en: 'The environment tests are run in.' } },
});
export type Environment = keyof typeof ENVIRONMENTS;

export const EXPOSURES = terms({
  internet: { ja: 'インターネットから到達可能', en: 'reachable from the internet', means: { ja: 'インターネットからの接続を受け付ける。', en: 'Accepts connections from the internet.' } },
  internal: { ja: '内部のみ', en: 'internal only', means: { ja: '組織内や閉じたネットワークからだけ到達できる。', en: 'Reachable only from inside the organisation or from closed networks.' } },
  isolated: { ja: '外部接続なし', en: 'isolated', means: { ja: '外部のネットワークにつながっていない。', en: 'Not connected to any outside network.' } },
});
export type Exposure = keyof typeof EXPOSURES;

/** Authentication factors, each with the factor type the guideline counts for multi-factor authentication. */
export const AUTH_FACTORS = terms({
  password: { ja: 'パスワード', en: 'password', means: { ja: '利用者が記憶する文字列（知識）。', en: 'A secret string the user remembers (knowledge).' } },
  pin: { ja: 'PIN', en: 'PIN', means: { ja: 'カードや機器と組み合わせて使う暗証番号（知識）。', en: 'A short secret number, often used with a card or a device (knowledge).' } },
  'ic-card': { ja: 'ICカード', en: 'IC card', means: { ja: '職員証等の IC カード（所持）。', en: 'An IC card such as a staff ID card (possession).' } },
  'hpki-card': { ja: 'HPKIカード', en: 'HPKI card', means: { ja: '医師等の資格を証明する HPKI の電子証明書を格納した IC カード（所持）。', en: 'An IC card holding an HPKI certificate, which proves a healthcare qualification (possession).' } },
  certificate: { ja: '電子証明書', en: 'certificate', means: { ja: '利用者や端末に発行した電子証明書（所持）。', en: 'A digital certificate issued to a user or a device (possession).' } },
  otp: { ja: 'ワンタイムパスワード', en: 'one-time password', means: { ja: 'トークンやアプリが出す、一度だけ使えるパスワード（所持）。', en: 'A password valid once, from a token or an app (possession).' } },
  'hardware-token': { ja: 'ハードウェアトークン', en: 'hardware token', means: { ja: '認証用の物理的なトークン（セキュリティキー等、所持）。', en: 'A physical authentication token such as a security key (possession).' } },
  passkey: { ja: 'パスキー', en: 'passkey', means: { ja: '端末に保存した鍵による FIDO 認証（所持）。', en: 'FIDO authentication with a key kept on the device (possession).' } },
  biometric: { ja: '生体認証', en: 'biometrics', means: { ja: '指紋・静脈・顔等による認証（生体）。', en: 'Fingerprint, vein, face or the like (biometric).' } },
  'pre-shared-key': { ja: '事前共有鍵', en: 'pre-shared key', means: { ja: '接続する双方が事前に共有した鍵（知識）。', en: 'A key both ends share beforehand (knowledge).' } },
});
export type AuthFactor = keyof typeof AUTH_FACTORS;
/** `auth: none`: no authentication, stated (which differs from leaving `auth` out). */
export const NO_AUTH: DefinedTerm = Object.freeze({ ja: '認証なし', en: 'none', means: { ja: '認証を行わない。', en: 'No authentication at all.' } });
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
  internet: { ja: 'インターネット', en: 'internet', means: { ja: '公衆のインターネット。経路上で盗聴・改ざんされうる。', en: 'The public internet: traffic may be read or altered on the way.' } },
  'closed-network': { ja: '閉域網', en: 'closed network', means: { ja: '通信事業者が提供する、インターネットから分離された網（IP-VPN 等）。', en: 'A carrier\'s network kept apart from the internet (IP-VPN and the like).' } },
  'leased-line': { ja: '専用線', en: 'leased line', means: { ja: '拠点間を占有して結ぶ回線。', en: 'A line dedicated to joining two sites.' } },
  'ipsec-vpn': { ja: 'IPsec-VPN', en: 'IPsec VPN', means: { ja: 'IPsec で暗号化した仮想的な専用網。鍵の管理に IKE の併用が求められる。', en: 'A virtual private network encrypted with IPsec; IKE is expected for its keys.' } },
  'ssl-vpn-client': { ja: 'SSL-VPN（クライアント型）', en: 'SSL-VPN (client type)', means: { ja: '端末に専用のソフトウェアを入れて接続する SSL-VPN。', en: 'SSL-VPN through client software installed on the device.' } },
  'ssl-vpn-clientless': { ja: 'SSL-VPN（クライアントレス型）', en: 'SSL-VPN (clientless)', means: { ja: 'Web ブラウザだけで接続する SSL-VPN。ガイドラインは原則として使わないよう求める。', en: 'SSL-VPN through a web browser alone; the guideline advises against it.' } },
  lan: { ja: 'LAN', en: 'LAN', means: { ja: '施設内の有線のネットワーク。', en: 'A wired network inside a facility.' } },
  'wireless-lan': { ja: '無線LAN', en: 'wireless LAN', means: { ja: '施設内の無線のネットワーク（Wi-Fi）。', en: 'A wireless network inside a facility (Wi-Fi).' } },
  'cloud-internal': { ja: 'クラウド内部ネットワーク（VPC等）', en: 'cloud-internal network (VPC etc.)', means: { ja: 'クラウド内の仮想ネットワーク（VPC 等）。', en: 'A virtual network inside a cloud (VPC and the like).' } },
  'private-link': { ja: 'PrivateLink', en: 'PrivateLink', means: { ja: 'インターネットを通らずにクラウドのサービスへ私的に接続する仕組み。', en: 'Private access to a cloud service without crossing the internet.' } },
  'vpc-peering': { ja: 'VPCピアリング', en: 'VPC peering', means: { ja: 'クラウドの仮想ネットワーク同士を直接つなぐ接続。', en: 'A direct connection between two virtual cloud networks.' } },
  'direct-connect': { ja: 'Direct Connect', en: 'Direct Connect', means: { ja: '自社の拠点とクラウドを結ぶ専用の接続サービス。', en: 'A dedicated connection service from your premises to a cloud.' } },
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
  open: { ja: '暗号化なし', en: 'open', means: { ja: '暗号化も認証もない無線LAN。', en: 'No encryption and no authentication.' } },
  wep: { ja: 'WEP', en: 'WEP', means: { ja: '既に破られている古い暗号方式。使ってはならない。', en: 'An old cipher that has been broken: not to be used.' } },
  'wpa2-personal': { ja: 'WPA2-Personal', en: 'WPA2-Personal', means: { ja: '共通のパスフレーズで接続する WPA2。', en: 'WPA2 with one shared passphrase.' } },
  'wpa2-enterprise': { ja: 'WPA2-Enterprise', en: 'WPA2-Enterprise', means: { ja: 'IEEE 802.1X で利用者・端末ごとに認証する WPA2。', en: 'WPA2 with per-user or per-device authentication through IEEE 802.1X.' } },
  'wpa3-personal': { ja: 'WPA3-Personal', en: 'WPA3-Personal', means: { ja: '共通のパスフレーズで接続する WPA3（SAE）。', en: 'WPA3 with one shared passphrase (SAE).' } },
  'wpa3-enterprise': { ja: 'WPA3-Enterprise', en: 'WPA3-Enterprise', means: { ja: 'IEEE 802.1X で利用者・端末ごとに認証する WPA3。', en: 'WPA3 with per-user or per-device authentication through IEEE 802.1X.' } },
});
export type WlanSecurity = keyof typeof WLAN_SECURITY;

export const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];
/** What each lowest TLS version means for a link: CRYPTREC's high-security settings, which the guideline asks for, accept 1.2 and 1.3 only. */
export const TLS_TERMS: Readonly<Record<TlsVersion, DefinedTerm>> = terms({
  '1.0': { ja: 'TLS 1.0', en: 'TLS 1.0', means: { ja: '古い版。CRYPTREC の高セキュリティ型の設定では使えない。', en: 'An old version, outside CRYPTREC\'s high-security settings.' } },
  '1.1': { ja: 'TLS 1.1', en: 'TLS 1.1', means: { ja: '古い版。CRYPTREC の高セキュリティ型の設定では使えない。', en: 'An old version, outside CRYPTREC\'s high-security settings.' } },
  '1.2': { ja: 'TLS 1.2', en: 'TLS 1.2', means: { ja: 'CRYPTREC の高セキュリティ型の設定で使える版。', en: 'A version CRYPTREC\'s high-security settings accept.' } },
  '1.3': { ja: 'TLS 1.3', en: 'TLS 1.3', means: { ja: 'CRYPTREC の高セキュリティ型の設定で使える、最新の版。', en: 'The newest version, which CRYPTREC\'s high-security settings accept.' } },
});

/**
 * Application protocols often named on links, for editors to offer: a link's `protocol` may be any lower-case
 * name. Whether one encrypts on its own is ENCRYPTING_PROTOCOLS' to say; the meanings below agree with it.
 */
export const COMMON_PROTOCOLS = terms({
  https: { ja: 'HTTPS', en: 'HTTPS', means: { ja: 'TLS で暗号化した HTTP。暗号化された接続とみなす。', en: 'HTTP over TLS; counted as encrypted.' } },
  http: { ja: 'HTTP', en: 'HTTP', means: { ja: '暗号化しない HTTP。', en: 'Plain HTTP, not encrypted.' } },
  sftp: { ja: 'SFTP', en: 'SFTP', means: { ja: 'SSH 上のファイル転送。暗号化された接続とみなす。', en: 'File transfer over SSH; counted as encrypted.' } },
  ssh: { ja: 'SSH', en: 'SSH', means: { ja: '暗号化したリモートログイン。暗号化された接続とみなす。', en: 'Encrypted remote login; counted as encrypted.' } },
  rdp: { ja: 'RDP', en: 'RDP', means: { ja: 'Windows のリモートデスクトップ。暗号化は `tls` か `encrypted` で示す。', en: 'Windows Remote Desktop; state its encryption with `tls` or `encrypted`.' } },
  smb: { ja: 'SMB', en: 'SMB', means: { ja: 'Windows のファイル共有。暗号化は `encrypted` で示す。', en: 'Windows file sharing; state its encryption with `encrypted`.' } },
  dicom: { ja: 'DICOM', en: 'DICOM', means: { ja: '医用画像の通信規格 DICOM（TLS なし）。TLS 上なら dicom-tls とする。', en: 'DICOM, the medical imaging protocol, without TLS; over TLS, name it dicom-tls.' } },
  'dicom-tls': { ja: 'DICOM（TLS）', en: 'DICOM over TLS', means: { ja: 'TLS で暗号化した DICOM。暗号化された接続とみなす。', en: 'DICOM over TLS; counted as encrypted.' } },
  hl7: { ja: 'HL7', en: 'HL7', means: { ja: '医療情報を交換する HL7 のメッセージ（v2 等）。暗号化は `tls` か `encrypted` で示す。', en: 'HL7 messages for exchanging medical information (v2 and the like); state their encryption with `tls` or `encrypted`.' } },
  fhir: { ja: 'HL7 FHIR', en: 'HL7 FHIR', means: { ja: 'HL7 FHIR の Web API。暗号化は `tls` で示す。', en: 'The HL7 FHIR web API; state its TLS with `tls`.' } },
  sql: { ja: 'SQL', en: 'SQL', means: { ja: 'データベースへの接続。暗号化は `tls` か `encrypted` で示す。', en: 'Connections to a database; state their encryption with `tls` or `encrypted`.' } },
  syslog: { ja: 'syslog', en: 'syslog', means: { ja: 'ログの転送。暗号化は `tls` か `encrypted` で示す。', en: 'Log shipping; state its encryption with `tls` or `encrypted`.' } },
  ipp: { ja: 'IPP', en: 'IPP', means: { ja: 'プリンタへ印刷を送るプロトコル。暗号化は `tls` で示す。', en: 'The Internet Printing Protocol, for print jobs; state its TLS with `tls`.' } },
});

export const MEDIA_KINDS = terms({
  'usb-memory': { ja: 'USBメモリ', en: 'USB memory', means: { ja: 'USB で接続する小型のフラッシュメモリ。紛失しやすく、医療情報を入れないよう求められる。', en: 'A small USB flash drive: easily lost; the guideline advises against putting medical information on it.' } },
  'external-hdd': { ja: '外付けHDD/SSD', en: 'external disk', means: { ja: '持ち運べる外付けのハードディスクや SSD。', en: 'A portable external hard disk or SSD.' } },
  tape: { ja: 'テープ', en: 'tape', means: { ja: 'バックアップ等に使う磁気テープ。', en: 'Magnetic tape, as used for backups.' } },
  'optical-disc': { ja: '光ディスク', en: 'optical disc', means: { ja: 'CD・DVD・Blu-ray 等の光ディスク。', en: 'An optical disc: CD, DVD, Blu-ray and the like.' } },
  'sd-card': { ja: 'SDカード', en: 'SD card', means: { ja: 'SD カード等の小型のメモリカード。', en: 'An SD card or a similar small memory card.' } },
  laptop: { ja: 'ノートPC', en: 'laptop', means: { ja: '情報を保存したまま持ち運ぶノート PC。', en: 'A laptop carried with information on it.' } },
  paper: { ja: '紙', en: 'paper', means: { ja: '印刷した帳票・書類。', en: 'Printed documents and forms.' } },
  other: { ja: 'その他', en: 'other', means: { ja: '上のいずれにも当たらない媒体。', en: 'A medium of none of the kinds above.' } },
});
export type MediaKind = keyof typeof MEDIA_KINDS;

export const OPERATIONS = terms({
  view: { ja: '閲覧', en: 'view', means: { ja: '画面で情報を見る。', en: 'Looks at information on a screen.' } },
  operate: { ja: '操作', en: 'operate', means: { ja: 'システムを操作する（検索・選択等）。', en: 'Works the system: searches, selects and the like.' } },
  input: { ja: '入力', en: 'input', means: { ja: '情報を入力する。', en: 'Enters information.' } },
  edit: { ja: '編集', en: 'edit', means: { ja: '既にある情報を書き換える。', en: 'Changes existing information.' } },
  print: { ja: '帳票出力', en: 'print', means: { ja: '帳票等を印刷する。', en: 'Prints documents or forms.' } },
  process: { ja: '処理', en: 'process', means: { ja: '情報を自動で処理する。', en: 'Processes information automatically.' } },
  create: { ja: '作成', en: 'create', means: { ja: '新しい情報（記録等）を作成する。', en: 'Creates new information, such as records.' } },
  store: { ja: '保存', en: 'store', means: { ja: '情報を保存する。', en: 'Keeps information.' } },
  transfer: { ja: '移送', en: 'transfer', means: { ja: '情報を他の機器や拠点へ送る。', en: 'Sends information to another device or site.' } },
  backup: { ja: 'バックアップ', en: 'back up', means: { ja: '情報のバックアップを取る。', en: 'Takes a backup of information.' } },
  restore: { ja: '復元', en: 'restore', means: { ja: 'バックアップから情報を復元する。', en: 'Restores information from a backup.' } },
  export: { ja: '書き出し', en: 'export', means: { ja: '情報をファイルや媒体に書き出す。', en: 'Writes information out to a file or a medium.' } },
  develop: { ja: '開発', en: 'develop', means: { ja: 'プログラムを開発・改修する。', en: 'Builds or changes program code.' } },
  test: { ja: '試験', en: 'test', means: { ja: 'システムを試験する。', en: 'Tests the system.' } },
  maintain: { ja: '保守', en: 'maintain', means: { ja: '機器やシステムの保守作業を行う。', en: 'Does maintenance work on devices or the system.' } },
  return: { ja: '返却', en: 'return', means: { ja: '契約終了時に情報を医療機関等へ返す。', en: 'Gives the information back to the institution at contract termination.' } },
  migrate: { ja: '移管', en: 'hand over', means: { ja: '契約終了時に情報を次の事業者等へ引き渡す。', en: 'Hands the information over to the next provider at contract termination.' } },
  erase: { ja: '消去', en: 'erase', means: { ja: '機器や媒体の情報を復元できないよう消去する。', en: 'Erases information from a device or medium beyond recovery.' } },
  dispose: { ja: '廃棄', en: 'dispose', means: { ja: '機器・媒体・紙を廃棄する。', en: 'Disposes of devices, media or paper.' } },
});
export type Operation = keyof typeof OPERATIONS;

export const VOLUMES = terms({
  low: { ja: '少量・低頻度', en: 'low volume, infrequent', means: { ja: '扱う件数が少なく、頻度も低い。', en: 'Few records, handled now and then.' } },
  medium: { ja: '中程度', en: 'medium', means: { ja: '件数・頻度が中程度。', en: 'A moderate number of records, handled regularly.' } },
  high: { ja: '大量・高頻度', en: 'high volume, frequent', means: { ja: '多数の患者情報を日常的に扱う。影響度を上げる。', en: 'Many patients\' information handled routinely; raises impact.' } },
});
export type Volume = keyof typeof VOLUMES;

export const DECISIONS = terms({
  reduce: { ja: '低減', en: 'reduce', means: { ja: '対策を講じてリスクを下げる。', en: 'Take measures that lower the risk.' } },
  avoid: { ja: '回避', en: 'avoid', means: { ja: 'リスクの原因となる情報流をやめる、または変える。', en: 'Drop or change the flow that causes the risk.' } },
  share: { ja: '共有', en: 'share', means: { ja: '保険や委託等により、リスクを他者と分け合う。', en: 'Share the risk with others, e.g. through insurance or outsourcing.' } },
  accept: { ja: '受容・保有', en: 'accept / retain', means: { ja: '追加の対策をとらず、リスクをそのまま受け入れる。', en: 'Take no further measure and keep the risk as it is.' } },
});
export type Decision = keyof typeof DECISIONS;

export const MEASURE_CATEGORIES = terms({
  human: { ja: '人的・組織的', en: 'human / organisational', means: { ja: '規程・教育・体制・契約等による対策。', en: 'Measures through rules, training, organisation and contracts.' } },
  physical: { ja: '物理的', en: 'physical', means: { ja: '施錠・入退室管理・設備等による対策。', en: 'Measures through locks, entry control, facilities and equipment.' } },
  technical: { ja: '技術的', en: 'technical', means: { ja: '認証・暗号化・ログ等、情報システムの機能による対策。', en: 'Measures built into the systems: authentication, encryption, logs and the like.' } },
});
export type MeasureCategory = keyof typeof MEASURE_CATEGORIES;

export const MEASURE_OWNERS = terms({
  provider: { ja: '対象事業者', en: 'provider', means: { ja: '対象事業者が実施する。', en: 'The provider carries it out.' } },
  institution: { ja: '医療機関等', en: 'medical institution', means: { ja: '医療機関等が実施する。医療機関等へ対応を求める事項になる。', en: 'The institution carries it out: it is listed among what the institution is asked to do.' } },
  both: { ja: '双方', en: 'both', means: { ja: '対象事業者と医療機関等が分担して実施する。', en: 'The provider and the institution carry it out together.' } },
});
export type MeasureOwner = keyof typeof MEASURE_OWNERS;

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
/** The output languages, for `system.lang`. */
export const LANGUAGES: Readonly<Record<Lang, DefinedTerm>> = terms({
  ja: { ja: '日本語', en: 'Japanese', means: { ja: '出力を日本語で書く（既定）。', en: 'Outputs are written in Japanese (the default).' } },
  en: { ja: '英語', en: 'English', means: { ja: '出力を英語で書く。', en: 'Outputs are written in English.' } },
});

// Controls: the measures already in place that the rules read. Custom controls start with "x-".
export const SITE_CONTROLS = terms({
  bcp: { ja: '事業継続計画', en: 'business continuity plan', means: { ja: '災害や障害のときにも業務を続けるための計画がある。', en: 'A plan to keep the service running through disasters and failures is in place.' } },
  'disaster-recovery-site': { ja: '遠隔地の災害復旧拠点', en: 'disaster recovery site', means: { ja: '災害のときに業務を引き継ぐ拠点が遠隔地にある。', en: 'A distant site can take over when a disaster strikes.' } },
  'seismic-design': { ja: '耐震・免震', en: 'seismic design', means: { ja: '建物が耐震または免震の構造である。', en: 'The building is earthquake-resistant or base-isolated.' } },
  'redundant-power': { ja: '電源冗長化', en: 'redundant power', means: { ja: '電源を複数の系統から受けている（自家発電等）。', en: 'Power comes over more than one path, e.g. with on-site generation.' } },
  'redundant-network': { ja: '回線冗長化', en: 'redundant network', means: { ja: '通信回線を複数にしている。', en: 'More than one network line serves the site.' } },
  'security-guard': { ja: '警備', en: 'security guard', means: { ja: '警備員が警備している。', en: 'Security guards protect the site.' } },
  'third-party-certification': { ja: '第三者認証（ISMS/ISMAP等）', en: 'third-party certification', means: { ja: '拠点の運用が第三者認証（ISMS、ISMAP 等）を受けている。', en: 'The site\'s operation holds a third-party certification (ISMS, ISMAP and the like).' } },
});
export type SiteControl = keyof typeof SITE_CONTROLS;

export const LOCATION_CONTROLS = terms({
  locked: { ja: '施錠', en: 'locked', means: { ja: '部屋や区画を施錠している。', en: 'The room or area is locked.' } },
  'entry-control': { ja: '入退室管理', en: 'entry control', means: { ja: '入室できる者を制限している（カード、生体認証等）。', en: 'Only authorised people can enter (cards, biometrics and the like).' } },
  'entry-log': { ja: '入退室記録', en: 'entry log', means: { ja: '入退室を記録している。', en: 'Entries and exits are recorded.' } },
  cctv: { ja: '監視カメラ', en: 'CCTV', means: { ja: '監視カメラで撮影・記録している。', en: 'Cameras watch and record the area.' } },
  'visitor-escort': { ja: '来訪者の付き添い', en: 'visitor escort', means: { ja: '来訪者には職員が付き添う。', en: 'Visitors are escorted by staff.' } },
  'clean-desk': { ja: 'クリアデスク', en: 'clean desk', means: { ja: '机の上に書類や媒体を放置しない。', en: 'No papers or media are left out on desks.' } },
  'fire-suppression': { ja: '消火設備', en: 'fire suppression', means: { ja: '消火設備がある。', en: 'Fire suppression equipment is installed.' } },
  ups: { ja: '無停電電源装置', en: 'UPS', means: { ja: '停電のときも電源を供給する無停電電源装置がある。', en: 'An uninterruptible power supply keeps equipment running through power cuts.' } },
  'staffed-always': { ja: '常時有人', en: 'always staffed', means: { ja: '常に職員がいて、無人にならない。', en: 'Staff are always present: the area is never left unattended.' } },
});
export type LocationControl = keyof typeof LOCATION_CONTROLS;

export const DEVICE_CONTROLS = terms({
  'access-control': { ja: 'アクセス制御', en: 'access control', means: { ja: '利用者ごとに閲覧・操作できる範囲を制限している。', en: 'What each user may view and do is restricted.' } },
  'least-privilege': { ja: '最小権限', en: 'least privilege', means: { ja: '利用者やプログラムに必要最小限の権限だけを与えている。', en: 'Users and programs get only the rights they need.' } },
  'separation-of-duties': { ja: '職務分離', en: 'separation of duties', means: { ja: '開発・運用・承認等の役割を別の者に分けている。', en: 'Development, operation and approval are given to different people.' } },
  'input-validation': { ja: '入力検証', en: 'input validation', means: { ja: '入力を検証し、不正なリクエスト（SQL インジェクション等）を防いでいる。', en: 'Input is validated against illegitimate requests such as SQL injection.' } },
  'code-review': { ja: 'コードレビュー', en: 'code review', means: { ja: 'プログラムの変更を別の者がレビューしている。', en: 'Changes to the code are reviewed by someone else.' } },
  'vulnerability-scan': { ja: '脆弱性診断', en: 'vulnerability scanning', means: { ja: '脆弱性診断を定期的に行っている。', en: 'Vulnerability scans or assessments are done regularly.' } },
  'patch-management': { ja: 'パッチ管理', en: 'patch management', means: { ja: 'OS やソフトウェアの修正プログラムを計画的に適用している。', en: 'Security updates to the OS and software are applied on a plan.' } },
  antivirus: { ja: 'マルウェア対策ソフト', en: 'antivirus', means: { ja: 'マルウェア対策ソフトを導入している。', en: 'Anti-malware software is installed.' } },
  edr: { ja: 'EDR', en: 'EDR', means: { ja: '端末の不審な挙動を検知し対処する EDR を導入している。', en: 'Endpoint detection and response watches for suspicious behaviour and acts on it.' } },
  waf: { ja: 'WAF', en: 'WAF', means: { ja: 'Web アプリケーションへの攻撃を防ぐ WAF を置いている。', en: 'A web application firewall blocks attacks on the web application.' } },
  'ids-ips': { ja: 'IDS/IPS', en: 'IDS/IPS', means: { ja: '不正な通信を検知・遮断する IDS/IPS を置いている。', en: 'Intrusion detection or prevention watches the traffic and blocks attacks.' } },
  'encryption-at-rest': { ja: '保存データの暗号化', en: 'encryption at rest', means: { ja: '保存している情報を暗号化している。', en: 'Stored information is encrypted.' } },
  backup: { ja: 'バックアップ', en: 'backup', means: { ja: 'バックアップを取得している。', en: 'Backups are taken.' } },
  'offline-backup': { ja: 'オフラインバックアップ', en: 'offline backup', means: { ja: 'ネットワークから切り離したバックアップがある（ランサムウェア対策）。', en: 'A backup is kept off the network, out of ransomware\'s reach.' } },
  'immutable-backup': { ja: '改変不能なバックアップ', en: 'immutable backup', means: { ja: '書き換えも削除もできないバックアップがある。', en: 'A backup that cannot be altered or deleted is kept.' } },
  'offsite-backup': { ja: '遠隔地バックアップ', en: 'off-site backup', means: { ja: '別の拠点にバックアップを保管している。', en: 'A backup is kept at another site.' } },
  redundancy: { ja: '冗長化', en: 'redundancy', means: { ja: '機器を冗長化しており、1台の故障では止まらない。', en: 'The device is redundant: one failure does not stop the service.' } },
  monitoring: { ja: '稼働監視', en: 'monitoring', means: { ja: '稼働状況を監視し、異常に気付ける。', en: 'Its operation is monitored, so failures are noticed.' } },
  'audit-log': { ja: 'アクセスログ', en: 'audit log', means: { ja: '誰がいつ何をしたかをアクセスログに記録している。', en: 'Access logs record who did what and when.' } },
  'log-masking': { ja: 'ログのマスキング', en: 'log masking', means: { ja: 'ログに個人情報が残らないよう伏せている。', en: 'Personal information is masked in the logs.' } },
  'log-integrity': { ja: 'ログの改ざん防止', en: 'log integrity', means: { ja: 'ログを改ざんできないよう保護している。', en: 'Logs are protected against tampering.' } },
  'time-sync': { ja: '時刻同期', en: 'time synchronisation', means: { ja: '時刻を同期し、ログの時刻を正確にしている。', en: 'Clocks are synchronised, so log times are accurate.' } },
  'screen-lock': { ja: '画面ロック', en: 'screen lock', means: { ja: '一定時間操作がないと画面をロックする。', en: 'The screen locks after a period without use.' } },
  'privacy-filter': { ja: '覗き見防止フィルタ', en: 'privacy filter', means: { ja: '画面に覗き見防止フィルタを付けている。', en: 'A privacy filter keeps others from reading the screen.' } },
  'auto-logout': { ja: '自動ログアウト', en: 'automatic log-out', means: { ja: '一定時間操作がないとログアウトする。', en: 'Users are logged out after a period without use.' } },
  mdm: { ja: 'MDM', en: 'mobile device management', means: { ja: 'モバイル端末を MDM で一元的に管理している。', en: 'Mobile devices are managed centrally with MDM.' } },
  'remote-wipe': { ja: 'リモートワイプ', en: 'remote wipe', means: { ja: '紛失したときに遠隔でデータを消去できる。', en: 'Data can be erased remotely if the device is lost.' } },
  'usb-blocked': { ja: '外部媒体の利用制限', en: 'USB media blocked', means: { ja: 'USB メモリ等の外部媒体の利用を制限している。', en: 'USB memory and other removable media are blocked or restricted.' } },
  'print-log': { ja: '印刷ログ', en: 'print log', means: { ja: '印刷を記録している。', en: 'Printing is logged.' } },
  'secure-print': { ja: '認証印刷', en: 'secure (pull) printing', means: { ja: '利用者がプリンタで認証してから印刷物が出る。', en: 'Printouts come out only after the user authenticates at the printer.' } },
  'data-masking': { ja: 'データのマスキング', en: 'data masking', means: { ja: '開発・試験等に使う情報で、個人を特定できる部分を伏せている。', en: 'Identifying parts of the information are masked, e.g. for development and test.' } },
  'secure-erase': { ja: '確実なデータ消去', en: 'secure erasure', means: { ja: '廃棄・返却の前に情報を復元できないよう消去する。', en: 'Information is erased beyond recovery before disposal or return.' } },
  'erasure-certificate': { ja: '消去証明', en: 'erasure certificate', means: { ja: '消去や破壊を証明する記録を発行または受領している。', en: 'A certificate proving the erasure or destruction is issued or obtained.' } },
  'electronic-signature': { ja: '電子署名', en: 'electronic signature', means: { ja: '記録に電子署名を付け、作成者と改ざんの有無を確かめられる。', en: 'Records are electronically signed: the author and any change can be verified.' } },
  timestamp: { ja: 'タイムスタンプ', en: 'timestamp', means: { ja: '記録にタイムスタンプを付け、その時点で存在し以後変更されていないことを示せる。', en: 'Records are time-stamped: they can be shown to have existed then and not to have changed since.' } },
  hardening: { ja: 'ハードニング', en: 'hardening', means: { ja: '不要なサービスやアカウントを止め、設定を堅牢にしている。', en: 'Unneeded services and accounts are removed and the settings made secure.' } },
  'maintenance-approval': { ja: '保守作業の事前合意・承認', en: 'maintenance agreed and approved beforehand', means: { ja: '保守作業の内容を事前に医療機関等と合意し、承認を得ている。', en: 'Maintenance work is agreed with the institution and approved beforehand.' } },
  'maintenance-record': { ja: '保守作業の記録・報告', en: 'maintenance work recorded and reported', means: { ja: '保守作業を記録し、医療機関等に報告している。', en: 'Maintenance work is recorded and reported to the institution.' } },
  'access-on-demand': { ja: '保守接続は必要時のみ開放', en: 'maintenance access opened only when needed', means: { ja: '保守用の接続を必要なときだけ開き、普段は閉じている。', en: 'Maintenance access is opened only when needed and closed otherwise.' } },
  'vpn-route-separation': { ja: 'VPN接続経路・ゾーンの分離', en: 'VPN route and zone separated', means: { ja: 'VPN の接続経路・ゾーンを他の用途と分けている。', en: 'The VPN\'s routes and zones are kept apart from other uses.' } },
  'vpn-routing-control': { ja: 'VPN間の経路制御・中継の禁止', en: 'routing control between VPNs, no relaying', means: { ja: 'VPN 間の経路を制御し、VPN から VPN への中継をさせない。', en: 'Routing between VPNs is controlled: no traffic is relayed from one VPN to another.' } },
});
export type DeviceControl = keyof typeof DEVICE_CONTROLS;

export const MEDIA_CONTROLS = terms({
  'locked-case': { ja: '施錠可能なケース', en: 'locked case', means: { ja: '施錠できるケースに入れて運ぶ。', en: 'Carried in a case that locks.' } },
  'tamper-evident': { ja: '開封検知', en: 'tamper-evident packaging', means: { ja: '開封すると分かる梱包で運ぶ。', en: 'Packed so that any opening shows.' } },
  tracking: { ja: '追跡', en: 'tracking', means: { ja: '搬送中の所在を追跡できる。', en: 'Where it is in transit can be tracked.' } },
  'handover-record': { ja: '受け渡し記録', en: 'hand-over record', means: { ja: '受け渡しのたびに記録を残す。', en: 'Every hand-over is recorded.' } },
  'media-inventory': { ja: '媒体台帳', en: 'media inventory', means: { ja: '媒体を台帳で管理している。', en: 'Media are kept on an inventory.' } },
  'secure-erase': { ja: '確実なデータ消去', en: 'secure erasure', means: { ja: '使い終えた情報を復元できないよう消去する。', en: 'Information is erased beyond recovery after use.' } },
  'physical-destruction': { ja: '物理破壊', en: 'physical destruction', means: { ja: '廃棄するときに媒体を物理的に破壊する。', en: 'The medium is physically destroyed on disposal.' } },
  'erasure-certificate': { ja: '消去証明', en: 'erasure certificate', means: { ja: '消去や破壊を証明する記録を発行または受領している。', en: 'A certificate proving the erasure or destruction is issued or obtained.' } },
});
export type MediaControl = keyof typeof MEDIA_CONTROLS;

/** A custom control, read by user rules only: "x-" and kebab-case. */
export type CustomControl = `x-${string}`;

// ---- The risk walk: segments, threats, CIA, grades and ranks ----

/** Kinds of flow segment (断面). The first four are the guideline's example (イメージ1); the others complete the walk. */
export const SEGMENT_KINDS = terms({
  input: { ja: '入力', en: 'input', means: { ja: '利用者が最初の機器に入力し、処理する機器へ渡るまで（A→B）。', en: 'The actor\'s entry at the first device and the first hop into processing (A→B).' } },
  processing: { ja: '処理', en: 'processing', means: { ja: '処理の役割を持つ機器の内部（B）。', en: 'Inside each device with the processing role (B).' } },
  storage: { ja: '保存', en: 'storage', means: { ja: '保存する機器への書き込みと、そこでの保存（B→C）。', en: 'The hop into each device that stores, and the information at rest there (B→C).' } },
  logging: { ja: 'ログ', en: 'logging', means: { ja: 'ログを保存する機器への送信と、保存されたログ（C→D）。', en: 'The hop into each log device, and the logs at rest (C→D).' } },
  transfer: { ja: '移送（通信）', en: 'transfer', means: { ja: '機器間のネットワーク上の通信（回線種別、暗号化、認証）。', en: 'Each network hop between devices: the network kind, encryption and authentication.' } },
  display: { ja: '画面表示', en: 'display', means: { ja: '端末の画面に表示された情報（覗き見等）。', en: 'Information on screens at terminals (shoulder surfing and the like).' } },
  print: { ja: '印刷', en: 'print', means: { ja: 'プリンタで印刷された紙（放置、持ち去り等）。', en: 'Printouts at printers: left behind, taken away.' } },
  media: { ja: '記憶媒体の搬送', en: 'media transport', means: { ja: '記憶媒体の搬送（紛失、盗難、複製、廃棄）。', en: 'Each media transport: loss, theft, copying, disposal.' } },
  disposal: { ja: '返却・廃棄', en: 'return and disposal', means: { ja: '契約終了時の、情報と機器の返却・移管・破棄。', en: 'Returning, handing over or destroying data and devices at contract termination.' } },
});
export type SegmentKind = keyof typeof SEGMENT_KINDS;

/** The guideline's eleven representative threats (代表的な脅威), in its order. The list is not exhaustive. */
export const THREATS = terms({
  'unauthorised-access': { ja: '不正な閲覧・操作', en: 'unauthorised viewing or operation', means: { ja: '正当な権限を持たない者（組織の内外を問わない）が医療情報や認証情報を盗み見る、または端末等を不適切に操作する。', en: 'Someone without legitimate rights, inside or outside, reads medical or authentication information or misuses a terminal.' } },
  'eavesdropping-spoofing': { ja: 'ネットワーク上の盗聴・なりすまし', en: 'eavesdropping and spoofing on the network', means: { ja: 'ネットワーク上の盗聴で認証情報等を入手し、正当な権限を持つ者になりすます。', en: 'Credentials are captured by eavesdropping on the network and used to pose as someone with legitimate rights.' } },
  'advanced-attack': { ja: '高度サイバー攻撃', en: 'advanced cyber attack', means: { ja: '標的型メール等により、システムや関連する端末をマルウェアに感染させる。', en: 'Targeted mail and the like infect the system or its terminals with malware.' } },
  ransomware: { ja: 'ランサムウェア感染', en: 'ransomware infection', means: { ja: 'マルウェアで端末やファイルを使えなくし、復元と引き換えに身代金を要求する。', en: 'Malware locks terminals or encrypts files, and a ransom is demanded to restore them.' } },
  'theft-leak': { ja: '情報の窃取・漏洩', en: 'theft or leak of information', means: { ja: '医療情報等を物理的・電子的に盗み出す、または故意・過失を問わず組織外へ流出させる。', en: 'Medical information is stolen, physically or electronically, or leaks out, by intent or by mistake.' } },
  'tampering-destruction': { ja: '情報の改竄・破壊', en: 'tampering with or destruction of information', means: { ja: '故意・過失を問わず、医療情報等を不正に書き換える、または破壊する。', en: 'Medical information is altered without right or destroyed, by intent or by mistake.' } },
  outage: { ja: '医療情報システム等の停止', en: 'outage of the system', means: { ja: '攻撃や設定ミス・誤操作等により、医療情報システム等が停止する。', en: 'Attacks, misconfiguration or mistakes stop the system.' } },
  vulnerability: { ja: '技術的脆弱性の混入', en: 'introduction of technical vulnerabilities', means: { ja: 'ソフトウェアやネットワーク機器の脆弱性が、故意・過失を問わずシステムに入り込む。', en: 'Vulnerabilities in software or network equipment enter the system, by intent or by mistake.' } },
  'loss-theft-taken-out': { ja: '機器や記憶媒体の持ち出し時の紛失・盗難', en: 'loss or theft of devices or media taken off site', means: { ja: '業務で施設の外へ持ち出した機器や記憶媒体を紛失する、または盗まれる。', en: 'Devices or media taken off site for work are lost or stolen.' } },
  'physical-intrusion': { ja: '施設への物理的侵入', en: 'physical intrusion into facilities', means: { ja: '正当な権限を持たない者が、機器や記憶媒体のある執務エリアやデータセンター等に侵入する。', en: 'Someone without legitimate rights enters offices or data centres where devices and media are.' } },
  disaster: { ja: '災害等', en: 'disasters and the like', means: { ja: '自然災害や社会インフラの損失等で機器が壊れ、サービスの提供に支障をきたす。', en: 'Natural disasters or the loss of public infrastructure damage equipment and disrupt the service.' } },
});
export type Threat = keyof typeof THREATS;

/** The properties a threat puts at stake. */
export const CIA = terms({
  C: { ja: '機密性', en: 'confidentiality', means: { ja: '許可された者だけが情報を見られること。', en: 'Only those authorised can see the information.' } },
  I: { ja: '完全性', en: 'integrity', means: { ja: '情報が正確で、不正に変更されていないこと。', en: 'The information is accurate and has not been changed without right.' } },
  A: { ja: '可用性', en: 'availability', means: { ja: '必要なときに情報とシステムを使えること。', en: 'The information and the system can be used when needed.' } },
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

/** Whether a rank needs a response (対応要否), as the guideline's sample criteria say, with what each means. */
export const RESPONSE_NEED_TERMS = terms({
  several: { ja: '複数の対策による対応が必須', en: 'several measures required', means: { ja: '複数の対策でリスクを下げる必要がある（サンプルの基準では S ランク）。', en: 'The risk must be lowered with more than one measure (rank S in the sample criteria).' } },
  required: { ja: '対応が必須', en: 'a measure required', means: { ja: '対策が必要（サンプルの基準では A ランク）。', en: 'A measure is required (rank A in the sample criteria).' } },
  consider: { ja: '事情を勘案して検討', en: 'decide case by case', means: { ja: '事情を勘案し、高いものから対応を検討する（サンプルの基準では B・C ランク）。', en: 'Decide case by case, higher ones first (ranks B and C in the sample criteria).' } },
  none: { ja: '対応不要', en: 'no response needed', means: { ja: '対応は不要（サンプルの基準では D ランク）。', en: 'No response is needed (rank D in the sample criteria).' } },
});
export type ResponseNeed = keyof typeof RESPONSE_NEED_TERMS;

/** The same, names only: the sample criteria's words, which the scoring keeps in every risk matrix. */
export const RESPONSE_NEEDS: Readonly<Record<ResponseNeed, Term>> = Object.freeze(Object.fromEntries(
  Object.entries<Term>(RESPONSE_NEED_TERMS).map(([k, t]) => [k, Object.freeze({ ja: t.ja, en: t.en })]),
) as Record<ResponseNeed, Term>);

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
