// Facts (事実): what the model implies but does not say in so many words, derived once per assessment from
// the model and its walk by src/analysis/facts.ts. The threat rules, the regulatory checklist, user rules
// and the workshop read these and derive nothing themselves, so that two of them can never disagree about,
// say, whether a store is backed up or whether a flow can be reached from the internet.
//
// Plain, frozen and serialisable: keyed by model ids (in model order), lists of ids in model order unless
// a field says otherwise, no object references and nothing in words.
import type { DeviceControl, KeptAs, NetworkKind, Operation } from './vocabulary.js';

/** How people sign in to a device: not at all, with one type of factor, with two or more, or not stated. */
export type AuthStrength = 'none' | 'single' | 'multi' | 'unstated';

/** Backup controls on a device, in the order koseizu reads them. */
export const BACKUP_CONTROLS = ['backup', 'offline-backup', 'immutable-backup', 'offsite-backup'] as const satisfies readonly DeviceControl[];
export type BackupControl = (typeof BACKUP_CONTROLS)[number];

/** A backup medium carried from a site to another in operation. */
export interface CarriedBackup {
  readonly media: string;
  /** The site it is carried to. */
  readonly site: string;
}

/**
 * Why a device's backups are out of reach of what strikes the device itself (ransomware, a failure): an
 * offline or immutable backup on it, backups carried on a medium to another site, or an offline or
 * immutable backup device, at another site or at its own.
 */
export type BackupsApart =
  | { readonly by: 'control'; readonly control: 'offline-backup' | 'immutable-backup' }
  | { readonly by: 'media'; readonly media: string; readonly site: string }
  | { readonly by: 'remote'; readonly device: string; readonly site: string }
  /** An offline or immutable backup device at the same site: apart from malware, not from a disaster there. */
  | { readonly by: 'device'; readonly device: string };

export interface Backups {
  /** Backup controls on the device itself. */
  readonly controls: readonly BackupControl[];
  /**
   * Backup devices: those its `stores` name in `backup-to`, or (when it names none) the devices with the
   * backup role that share an operation-phase path with it, and devices that keep a backup or a copy `of` it.
   */
  readonly devices: readonly string[];
  /** The backup devices and media come from its `backup-to` (true), or were found on its paths (false). */
  readonly stated: boolean;
  /** It is backed up at all: a backup control, or a backup device on its paths. */
  readonly backedUp: boolean;
  /**
   * Backup media carried from its site to another in operation. A medium does not say which store it
   * copies, so it counts only for a device that is backed up at all.
   */
  readonly carried: readonly CarriedBackup[];
  /** The first reason its backups are apart from it, in the order of BackupsApart, or null. */
  readonly apart: BackupsApart | null;
  /**
   * A copy of what it keeps is at another site: an off-site backup control, a backup device at another
   * site on its paths (for a backup device, the store it copies at another site), or backups carried away.
   */
  readonly elsewhere: boolean;
}

/** One of a device's links, seen from the device: the network it runs over and who is at its far end. */
export interface DeviceLink {
  readonly link: string;
  readonly network: string;
  readonly kind: NetworkKind;
  /** The device at the other end. */
  readonly far: string;
  /** The organisation that runs the other end (the link's `ends`, as the model resolved them). */
  readonly farOperator: string;
}

export interface DeviceFacts {
  readonly auth: AuthStrength;
  /** Its links, in model order (a link to itself twice, once from each end). */
  readonly links: readonly DeviceLink[];
  /** Someone signs in to it to handle medical information (or areas that may contain it): the entry of an input or display segment. */
  readonly entry: boolean;
  /** Devices that share an operation-phase flow path with it, itself excluded, sorted by id. */
  readonly peers: readonly string[];
  /** It handles medical information (class medical) in an operation-phase segment. */
  readonly medicalInOperation: boolean;
  /** Information it keeps in operation as the store of a storage segment, and as the log device of a logging segment. */
  readonly stored: readonly string[];
  readonly logged: readonly string[];
  /** How it keeps each of `stored` (the strongest form the walk found), in the order of `stored`. */
  readonly kept: readonly { readonly data: string; readonly as: KeptAs }[];
  /** It keeps medical information (classed medical or may-contain-medical) as the record or a copy: the stores backups are for. */
  readonly storesMedical: boolean;
  /** It keeps medical information in any form, in `stored` or `logged`: what contract termination must end. */
  readonly keepsMedical: boolean;
  /**
   * The provider holds what it keeps, for the institution: the provider runs it, or a third party or
   * carrier does that is not the institution's own contractor (engaged-by). Not a device the institution,
   * a patient or a staff member runs.
   */
  readonly providerHolds: boolean;
  readonly backups: Backups;
  /** What contract-termination flows do to what it keeps (return, migrate, erase, dispose), in that order; [] when nothing. */
  readonly ended: readonly Operation[];
}

export interface FlowFacts {
  /**
   * The flow can be reached from the internet: its path crosses a network of kind internet, or a device on
   * it is exposed. False for a flow that gives no segment.
   */
  readonly internet: boolean;
  /** Its path crosses a network of kind internet. */
  readonly crossesInternet: boolean;
  /** Someone enters it: it has an input segment. */
  readonly entered: boolean;
}

export interface SiteFacts {
  /** Backup media carried from the site to another in operation, in model order. */
  readonly backupsAway: readonly CarriedBackup[];
  /** Devices that store or log medical information there (any phase but contract termination). */
  readonly keeps: readonly string[];
  /** Media carrying medical information that arrive there to be kept (in development or operation). */
  readonly receives: readonly string[];
}

export interface NetworkFacts {
  /** How one authenticates to the network itself (a VPN's sign-in). */
  readonly auth: AuthStrength;
  /** A hop of a flow carrying medical information crosses it. */
  readonly carriesMedical: boolean;
}

export interface LinkFacts {
  /** A flow carrying medical information travels over it. */
  readonly carriesMedical: boolean;
}

export interface MediaFacts {
  /** It carries medical information (or areas that may contain it). */
  readonly carriesMedical: boolean;
  /** It is returned or disposed of at contract termination (it has a disposal segment). */
  readonly endsAtTermination: boolean;
  /**
   * For a backup medium carried away in operation: the contract-termination medium that takes it out of
   * where it was kept, or null when none does.
   */
  readonly takenOut: string | null;
}

export interface DataFacts {
  /** Devices that keep it in operation as the record or a copy (backups, caches and temporary copies left out), and that display or print it. */
  readonly storedOn: readonly string[];
  readonly displayedOn: readonly string[];
  readonly printedOn: readonly string[];
}

/** The retention logs must reach: the longest legal retention in the model. */
export interface LegalRetention {
  /** The legal record that sets it. */
  readonly record: string;
  readonly days: number | 'permanent';
  /** False when the record states no retention and the medical records' 5 years is assumed. */
  readonly stated: boolean;
}

export interface Facts {
  readonly devices: Readonly<Record<string, DeviceFacts>>;
  readonly flows: Readonly<Record<string, FlowFacts>>;
  readonly sites: Readonly<Record<string, SiteFacts>>;
  readonly networks: Readonly<Record<string, NetworkFacts>>;
  readonly links: Readonly<Record<string, LinkFacts>>;
  readonly media: Readonly<Record<string, MediaFacts>>;
  readonly data: Readonly<Record<string, DataFacts>>;
  /** Devices that keep legal records in operation as the record or a copy, in model order. */
  readonly legalStores: readonly string[];
  /** Production devices that store medical information (class medical) in any phase, sorted by id. */
  readonly productionMedicalStores: readonly string[];
  /** null when the model has no legal record. */
  readonly legalRetention: LegalRetention | null;
}

/** The guideline's example: medical records are kept for 5 years; a legal record that states no retention is taken as this. */
export const MEDICAL_RECORD_DAYS = 5 * 365;
