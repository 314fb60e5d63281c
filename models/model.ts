// The resolved model: what every later stage (diagram, walk, rules, report) reads.
// Every reference names an element that exists, every default is applied, and every element keeps
// the range of the source it came from. It is plain, serialisable data, frozen once built.
// References are kept as ids (not object pointers) so the model serialises and diffs cleanly;
// src/analysis/walk.ts looks them up for the threat rules.
import type { SourceRange } from './source.js';
import type {
  ActorOrg, AuthFactor, Certification, CustomControl, DataClass, DataKind, Decision, DeviceControl, DeviceKind, DeviceOwner, DeviceRole,
  Environment, Exposure, Form, KeptAs, Lang, LocationControl, MeasureCategory, MeasureOwner, MediaControl, MediaKind,
  NetworkKind, Operation, Org, PartyKind, Phase, Rank, ResponseNeed, SiteControl, TlsVersion, Volume, WlanSecurity,
} from './vocabulary.js';

export type ElementKind =
  | 'party' | 'site' | 'location' | 'actor' | 'data' | 'device' | 'network' | 'link' | 'media' | 'flow';

interface Element {
  readonly id: string;
  readonly label: string;
  readonly description: string | null;
  readonly source: SourceRange;
}

export interface System {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly provider: string | null;
  readonly forms: readonly Form[];
  readonly phases: readonly Phase[];
  readonly lang: Lang;
  readonly source: SourceRange;
}

/**
 * An organisation the model names (関係者): a medical institution, the provider, a contractor or another
 * vendor, a carrier. Sites, devices and networks name it as their operator; actors as their employer.
 */
export interface Party extends Element {
  readonly kind: PartyKind;
  /** The agreement with it that covers security and who answers for what (契約・SLA・責任分界), as written; null when none is stated. */
  readonly agreement: string | null;
  /** Where it is based (ISO 3166-1 alpha-2), or null. */
  readonly country: string | null;
  /** Whether a foreign law may reach the information it holds (国外法の適用可能性); null when not stated. */
  readonly foreignLaw: boolean | null;
  readonly certifications: readonly Certification[];
  /** For a third party or a carrier: whom it works for under its agreement (委託元), or null when not stated. */
  readonly engagedBy: 'provider' | 'institution' | null;
}

/**
 * Who runs a site, a device or a network (運用主体): the id of a party of the model, or one of the words
 * institution, provider, third-party (an unnamed one), and for devices patient or staff (their own).
 */
export type Operator = string;

export interface Site extends Element {
  readonly owner: Org;
  /** Defaults to `owner`. */
  readonly operator: Operator;
  /**
   * The organisation that runs it: its operator, with "institution" and "provider" read as the one party
   * of that kind when the model names exactly one (so that two ways of naming one clinic are one clinic).
   */
  readonly organisation: Operator;
  /** ISO 3166-1 alpha-2, or null when the model does not say. */
  readonly country: string | null;
  readonly region: string | null;
  readonly controls: readonly (SiteControl | CustomControl)[];
}

export interface Location extends Element {
  readonly site: string;
  readonly public: boolean;
  readonly controls: readonly (LocationControl | CustomControl)[];
}

export interface Actor extends Element {
  readonly org: ActorOrg;
  /** The party the actor works for, when the model names it. */
  readonly party: string | null;
}

export interface Data extends Element {
  readonly class: DataClass;
  readonly kind: DataKind | null;
  readonly legalRecord: boolean;
  /** Retention in days (a year counts 365, a month 30), 'permanent', or null when not stated. */
  readonly retentionDays: number | 'permanent' | null;
  /** The retention as written, e.g. "5y", for reports. */
  readonly retention: string | null;
}

/** Authentication as stated: null when the model says nothing, [] for "none". */
export type Auth = readonly AuthFactor[] | null;

/** Information a device keeps (保存する情報), and how. */
export interface Kept {
  /** The data ids. */
  readonly data: readonly string[];
  readonly as: KeptAs;
  /** How long it is kept there, as written ("1d"), and in days; null when not stated. */
  readonly retention: string | null;
  readonly retentionDays: number | 'permanent' | null;
  /** Devices and media transports its backups go to, as written ([] when not stated). */
  readonly backupTo: readonly string[];
  /** For a copy, cache or backup: the device that holds the original, or null. */
  readonly of: string | null;
  readonly source: SourceRange;
}

export interface Device extends Element {
  readonly kind: DeviceKind;
  readonly at: string;
  readonly count: number;
  /** Defaults to the owner of the device's site. */
  readonly owner: DeviceOwner;
  /** Defaults to the owner when it is stated, otherwise to the operator of the device's site. */
  readonly operator: Operator;
  /** Its operator read as an organisation (see Site.organisation). */
  readonly organisation: Operator;
  /**
   * Whose system or software it is (提供元), when not its operator's: the provider for its application
   * on a hospital's own server, another vendor for a system the hospital bought. As an organisation; null
   * when not stated.
   */
  readonly supplier: Operator | null;
  readonly auth: Auth;
  readonly exposure: Exposure;
  /** Whether `exposure` was written (the facts stage infers it from the links otherwise). */
  readonly exposureStated: boolean;
  /**
   * What it keeps, as written; null when the model does not say, and the walk takes what writing flows
   * bring to a device with the store or backup role.
   */
  readonly stores: readonly Kept[] | null;
  /** Defaults by kind (see DEFAULT_ROLES). */
  readonly roles: readonly DeviceRole[];
  readonly env: Environment | null;
  readonly eol: boolean;
  readonly controls: readonly (DeviceControl | CustomControl)[];
}

export interface Network extends Element {
  readonly kind: NetworkKind;
  /** Defaults by kind (see DEFAULT_NETWORK_ENCRYPTED); a wireless LAN with WPA2 or WPA3 is encrypted. */
  readonly encrypted: boolean;
  readonly ike: boolean | null;
  readonly auth: Auth;
  readonly wlanSecurity: WlanSecurity | null;
  readonly ieee8021x: boolean | null;
  readonly macFilter: boolean | null;
  /** Who runs it: as written, or the organisation all its links' ends share; null when neither says. */
  readonly operator: Operator | null;
  /** Its operator read as an organisation (see Site.organisation). */
  readonly organisation: Operator | null;
  /** Where responsibility passes from one party to the next on it (責任分界点), as written. */
  readonly boundary: string | null;
}

/** A link's label is optional: renderers show its protocol and TLS version when it has none. */
export interface Link extends Omit<Element, 'label'> {
  readonly label: string | null;
  readonly from: string;
  readonly to: string;
  readonly network: string;
  readonly protocol: string | null;
  readonly tls: TlsVersion | null;
  /** Stated, or true when `tls` is given or the protocol encrypts (https, ssh, sftp...), or the network's own encryption. */
  readonly encrypted: boolean;
  /** Where responsibility passes from one party to the next on this link (責任分界点), as written. */
  readonly boundary: string | null;
  /**
   * The organisations that run its two ends (from, to): their devices' operators, with "institution" and
   * "provider" read as the one party of that kind when the model names exactly one.
   */
  readonly ends: readonly [Operator, Operator];
}

export interface Media extends Element {
  readonly kind: MediaKind;
  readonly from: string;
  readonly to: string;
  readonly carrier: string;
  readonly encrypted: boolean;
  readonly data: readonly string[];
  /** Defaults to every phase of the system. */
  readonly phases: readonly Phase[];
  readonly controls: readonly (MediaControl | CustomControl)[];
}

export interface Flow extends Element {
  readonly phase: Phase;
  /** Defaults to the system's form when it declares only one. */
  readonly form: Form;
  readonly who: string | null;
  /** The location or site as written; defaults to the location of `which`. */
  readonly where: string;
  readonly which: string;
  readonly what: readonly string[];
  readonly how: readonly Operation[];
  /** Defaults to [which]. */
  readonly path: readonly string[];
  readonly volume: Volume | null;
}

export interface Measure {
  readonly category: MeasureCategory;
  readonly owner: MeasureOwner;
  readonly text: string;
}

export interface Response {
  /** A risk id or a glob over risk ids. */
  readonly risk: string;
  readonly decision: Decision;
  readonly measures: readonly Measure[];
  readonly residual: { readonly impact: number; readonly likelihood: number } | null;
  readonly rationale: string | null;
  readonly agreedWith: string | null;
  readonly date: string | null;
  readonly source: SourceRange;
}

/** The model's own risk matrix and rank criteria, as written (src/analysis/score.ts fills in the rest from the sample). */
export interface RiskMatrixSpec {
  /** levels[impact - 1][likelihood - 1], or null to keep the sample's. */
  readonly levels: readonly (readonly number[])[] | null;
  readonly ranks: Readonly<Partial<Record<Rank, { readonly need: ResponseNeed | null; readonly criteria: string | null }>>>;
  readonly source: SourceRange;
}

/** A rule file or folder named by the model's `rules:`, relative to the root model's folder. */
export interface RuleSource {
  /** The path joined to the model's folder, with forward slashes. */
  readonly path: string;
  readonly source: SourceRange;
}

export interface Model {
  readonly version: 1;
  /** The root file, as given. */
  readonly file: string;
  /** Every file read, root first, in include order. */
  readonly files: readonly string[];
  /** sha256 over the files' contents, hex; the diagram's title block shows it. */
  readonly contentHash: string;
  readonly system: System;
  readonly parties: readonly Party[];
  readonly sites: readonly Site[];
  readonly locations: readonly Location[];
  readonly actors: readonly Actor[];
  readonly data: readonly Data[];
  readonly devices: readonly Device[];
  readonly networks: readonly Network[];
  readonly links: readonly Link[];
  readonly media: readonly Media[];
  readonly flows: readonly Flow[];
  readonly responses: readonly Response[];
  /** null: the guideline's sample matrix and criteria. */
  readonly riskMatrix: RiskMatrixSpec | null;
  readonly rules: readonly RuleSource[];
}
