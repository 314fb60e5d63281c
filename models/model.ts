// The resolved model: what every later stage (diagram, walk, rules, report) reads.
// Every reference names an element that exists, every default is applied, and every element keeps
// the range of the source it came from. It is plain, serialisable data, frozen once built.
// References are kept as ids (not object pointers) so the model serialises and diffs cleanly;
// src/analysis/walk.ts looks them up for the threat rules.
import type { SourceRange } from './source.js';
import type {
  ActorOrg, AuthFactor, CustomControl, DataClass, DataKind, Decision, DeviceControl, DeviceKind, DeviceRole,
  Environment, Exposure, Form, Lang, LocationControl, MeasureCategory, MeasureOwner, MediaControl, MediaKind,
  NetworkKind, Operation, Org, Phase, Rank, ResponseNeed, SiteControl, TlsVersion, Volume, WlanSecurity,
} from './vocabulary.js';

export type ElementKind =
  | 'site' | 'location' | 'actor' | 'data' | 'device' | 'network' | 'link' | 'media' | 'flow';

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

export interface Site extends Element {
  readonly owner: Org;
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

export interface Device extends Element {
  readonly kind: DeviceKind;
  readonly at: string;
  readonly count: number;
  /** Defaults to the owner of the device's site. */
  readonly owner: Org;
  readonly auth: Auth;
  readonly exposure: Exposure;
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
