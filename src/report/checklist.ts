// The regulatory checklist (制度上の要求事項への対応): the requirements of the guidelines and the
// e-document law that the model's facts can show met, not met, or not applicable, in a fixed order with
// stable ids, each with the facts that decide it. The provider hands it to the medical institution with
// the risk response list (5.2.3). Pure and deterministic: Model and its facts in, the Checklist of
// models/report.ts out.
//
// "Medical information" here means information classed medical or may-contain-medical, as the rules
// read it. Each check returns its evidence as lines of data (a message of MESSAGES and its values), each
// marked as a shortfall, a fact that meets the requirement, or a note; an item is not applicable when
// nothing it is about is in the model, not met when any line is a shortfall, met otherwise. Shortfalls come
// first, then what meets the requirement, each in model order, so the reader sees what to fix at the top.
// Only regulatoryChecklist turns the lines into words, in one language.
import type { DeviceFacts, Facts } from '../../models/facts.js';
import { clause, refs, sayer, type Arg, type MessageRef, type Messages } from '../../models/message.js';
import type { Data, Device, Link, Media, Model, Network, Site } from '../../models/model.js';
import type { Checklist, ChecklistItem, ChecklistLine, ChecklistStatus } from '../../models/report.js';
import type { Lang, Operation, Term } from '../../models/vocabulary.js';
import { namesOf, say as sayIn } from '../words/messages.js';

/** Every line of evidence and every clause in them, in both languages. */
const MESSAGES = {
  // mfa
  noSignIn: {
    ja: '医療情報（またはそれを含む可能性のある領域）を扱い、利用者がログインして使う機器がモデルにない',
    en: 'no device people sign in to handles medical information (or areas that may contain it) in the model',
  },
  authMulti: { ja: '{device}: {factors}（多要素）', en: '{device}: {factors} (multi-factor)' },
  authSingle: { ja: '{device}: {factors}のみ（単要素）', en: '{device}: {factors} only (single factor)' },
  authNone: { ja: '{device}: 認証なし', en: '{device}: no authentication' },
  authUnstated: { ja: '{device}: 認証方式の記載なし', en: '{device}: authentication not stated' },
  // tls
  noTls: { ja: '医療情報を運ぶ通信にHTTPSやTLSを用いるものがない', en: 'no link carrying medical information uses HTTPS or states a TLS version' },
  linkEnds: { ja: '{from}→{to}（{network}）', en: '{from} → {to} ({network})' },
  linkLabel: { ja: '{link}（{network}）', en: '{link} ({network})' },
  tlsUnstated: {
    ja: '{link}: {protocol}、TLSのバージョンの記載なし（TLS 1.2/1.3のみか確認できない）',
    en: '{link}: {protocol}, TLS version not stated (cannot be shown to be 1.2/1.3 only)',
  },
  tlsOnly: { ja: 'TLS {tls}', en: 'TLS {tls}' },
  tlsWith: { ja: '{protocol}、TLS {tls}', en: '{protocol}, TLS {tls}' },
  tlsLegacy: { ja: '{link}: {stated}（旧版）', en: '{link}: {stated} (legacy)' },
  tlsStated: { ja: '{link}: {stated}', en: '{link}: {stated}' },
  // ssl-vpn
  noSslVpn: { ja: '医療情報を運ぶ経路にSSL-VPNがない', en: 'no SSL-VPN on any path carrying medical information' },
  sslVpnClientless: { ja: '{network}: {kind}（用いない方式）', en: '{network}: {kind}, a type not to be used' },
  sslVpnClient: { ja: '{network}: {kind}', en: '{network}: {kind}' },
  // ipsec-ike
  noIpsec: { ja: '医療情報を運ぶ経路にIPsec-VPNがない', en: 'no IPsec VPN on any path carrying medical information' },
  ike: { ja: '{network}: IKEを併用', en: '{network}: IPsec with IKE' },
  noIke: { ja: '{network}: IKEを使わない（固定鍵）', en: '{network}: no IKE (static keys)' },
  ikeUnstated: { ja: '{network}: IKEの併用の記載なし', en: '{network}: IKE not stated' },
  // wlan-8021x
  noWlan: { ja: '医療情報を運ぶ経路に無線LANがない', en: 'no wireless LAN on any path carrying medical information' },
  wlanModeUnstated: { ja: 'セキュリティ方式の記載なし', en: 'security mode not stated' },
  wlan8021x: { ja: '{network}: {mode}、IEEE 802.1Xによる端末認証', en: '{network}: {mode}, terminals authenticated by IEEE 802.1X' },
  wlanShort: { ja: '{network}: {mode}、{why}', en: '{network}: {mode}, {why}' },
  macOnly: {
    ja: '端末接続制限はMACアドレスフィルタリングのみ（MACアドレスは容易に詐称できるため不十分）',
    en: 'terminals restricted by MAC filtering only (not enough: MAC addresses are easily spoofed)',
  },
  no8021x: { ja: 'IEEE 802.1Xと電子証明書による端末認証を使わない', en: 'no IEEE 802.1X with certificates' },
  unstated8021x: { ja: 'IEEE 802.1Xによる端末認証の記載なし', en: 'IEEE 802.1X not stated' },
  // usb-media
  usbBlocked: { ja: '外部媒体の利用制限がある機器: {devices}', en: 'devices with USB media blocked: {devices}' },
  noMedia: { ja: '医療情報を格納して搬送する記憶媒体がモデルにない', en: 'no medium carrying medical information in the model' },
  notSmallMedium: { ja: '{media}（{kind}）: 小型記憶媒体ではない', en: '{media} ({kind}): not a small medium' },
  smallMedium: { ja: '{media}（{kind}）: {data}を格納', en: '{media} ({kind}): holds {data}' },
  // log-retention
  assumedFiveYears: { ja: '5年（記載がないため診療録の法定保存期間とみなす）', en: '5 years (not stated: taken as the legal retention of medical records)' },
  retentionUnstated: { ja: '保存期間の記載なし', en: 'retention not stated' },
  noLegalRecordForLogs: {
    ja: '法定保存文書がモデルにない（ログの保存期間を比べる法定保存年限がない）',
    en: 'no legal record in the model (no legal retention to compare the logs with)',
  },
  logKept: { ja: '{log}: {kept}', en: '{log}: {kept}' },
  legalBaseline: {
    ja: '基準: {record}の法定保存期間 {retention}（モデル中で最長）',
    en: 'baseline: the legal retention of {record}, {retention} (the longest in the model)',
  },
  noLogs: { ja: 'ログがモデルにない（法定保存年限以上の保存を示せない）', en: 'no log in the model (keeping logs for the legal retention cannot be shown)' },
  logShort: { ja: '{log}: {kept}（{floor}に満たない）', en: '{log}: {kept} (less than {floor})' },
  // storage-jp
  noStores: { ja: '医療情報を保存する機器がモデルにない', en: 'no device stores medical information in the model' },
  regionUnstated: { ja: '地域の記載なし', en: 'region not stated' },
  region: { ja: '地域: {region}', en: 'region: {region}' },
  countryUnstated: { ja: '{site}: 所在国の記載なし、{region}（{what}）', en: '{site}: country not stated, {region} ({what})' },
  abroad: { ja: '{site}: 日本国外（{country}）、{region}（{what}）', en: '{site}: outside Japan ({country}), {region} ({what})' },
  inJapan: { ja: '{site}: 日本（JP）、{region}（{what}）', en: '{site}: Japan (JP), {region} ({what})' },
  // backups-apart
  noOperationStores: { ja: '運用中に医療情報を保存する機器がモデルにない', en: 'no device stores medical information in operation' },
  apartControl: { ja: '{device}: {control}', en: '{device}: {control}' },
  apartMedia: { ja: '{device}: バックアップを{media}で別拠点（{site}）へ搬送', en: '{device}: backups carried on {media} to another site ({site})' },
  apartRemote: {
    ja: '{device}: 別拠点（{site}）の{remote}にオフラインまたは改変不能なバックアップ',
    en: '{device}: offline or immutable backups on {remote} at another site ({site})',
  },
  apartDevice: { ja: '{device}: {backup}にオフラインまたは改変不能なバックアップ（同じ拠点）', en: '{device}: offline or immutable backups on {backup} (at the same site)' },
  noBackup: { ja: '{device}: バックアップの記載なし', en: '{device}: no backup recorded' },
  notApart: {
    ja: '{device}: バックアップ（{backups}）が本体から切り離されていない（オフライン・改変不能・別拠点への搬送のいずれもない）',
    en: '{device}: backups ({backups}) not kept apart (neither offline, immutable nor carried to another site)',
  },
  backupTo: { ja: '{device}へのバックアップ', en: 'backups to {device}' },
  carriedTo: { ja: '{media}で{site}へ搬送', en: '{media} carried to {site}' },
  // legal-records
  noLegalRecords: { ja: '法定保存文書がモデルにない', en: 'no legal record in the model' },
  authentic: { ja: '真正性: {device}: {have}', en: 'authenticity: {device}: {have}' },
  notAuthentic: { ja: '真正性: {device}: {missing}', en: 'authenticity: {device}: {missing}' },
  notAuthenticHeld: { ja: '真正性: {device}: {missing}（あり: {have}）', en: 'authenticity: {device}: {missing} (in place: {have})' },
  noSignature: { ja: '電子署名・タイムスタンプのいずれもない', en: 'neither electronic signature nor timestamp' },
  noAuditLog: { ja: 'アクセスログがない', en: 'no audit log' },
  notLegible: { ja: '見読性: {data}: 表示・印刷する情報流がない', en: 'legibility: {data}: no flow displays or prints it' },
  legible: { ja: '見読性: {data}: {ways}', en: 'legibility: {data}: {ways}' },
  displayedOn: { ja: '{devices}で表示', en: 'displayed on {devices}' },
  printedOn: { ja: '{devices}で印刷', en: 'printed on {devices}' },
  unstored: { ja: '保存性: {data}: 保存する機器がモデルにない', en: 'preservation: {data}: no device stores it in the model' },
  notPreserved: { ja: '保存性: {device}: バックアップの記載なし', en: 'preservation: {device}: no backup recorded' },
  preserved: { ja: '保存性: {device}: {backups}', en: 'preservation: {device}: {backups}' },
  // termination
  noTermination: {
    ja: '契約終了フェーズがモデルにない（system.phases）: 返却・移管・破棄の手順と証跡を示せない',
    en: 'the contract-termination phase is not modelled (system.phases): no procedure for return, transfer or destruction, nor its evidence, can be shown',
  },
  notEnded: {
    ja: '{device}: 契約終了時に返却・移管・消去・廃棄する情報流がない',
    en: '{device}: no contract-termination flow returns, hands over, erases or disposes of its information',
  },
  ended: { ja: '{device}: {ops}', en: '{device}: {ops}' },
  erasedCertified: { ja: '{device}: {ops}（消去証明あり）', en: '{device}: {ops} (erasure certificate)' },
  erasedUncertified: { ja: '{device}: {ops}、消去証明の記載なし', en: '{device}: {ops}; no erasure certificate recorded' },
  returnedRecorded: { ja: '{media}（{site}へ返却）: 受け渡し記録あり', en: '{media} (returned to {site}): hand-over record' },
  returnedUnrecorded: { ja: '{media}（{site}へ返却）: 受け渡し記録の記載なし', en: '{media} (returned to {site}): no hand-over record recorded' },
  disposedEvidenced: { ja: '{media}（{site}で廃棄）: {evidence}', en: '{media} (disposed of at {site}): {evidence}' },
  disposedUnevidenced: {
    ja: '{media}（{site}で廃棄）: 物理破壊・消去証明の記載なし',
    en: '{media} (disposed of at {site}): neither physical destruction nor erasure certificate recorded',
  },
  takenOut: { ja: '{site}に保管した{media}: 契約終了時に{out}で搬出', en: '{media} kept at {site}: taken out at contract termination as {out}' },
  notTakenOut: {
    ja: '{site}に保管した{media}: 契約終了時に搬出・廃棄する媒体がない',
    en: '{media} kept at {site}: no medium takes it out or disposes of it at contract termination',
  },
  noKeeping: { ja: '医療情報を保存する機器・記憶媒体がモデルにない', en: 'no device or medium keeps medical information in the model' },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const STATUS_WORDS: Readonly<Record<ChecklistStatus, Term>> = {
  met: { ja: '対応済み', en: 'met' },
  'not-met': { ja: '未対応', en: 'not met' },
  'not-applicable': { ja: '該当なし', en: 'not applicable' },
};

interface Outcome {
  /** False when nothing the requirement is about is in the model. */
  readonly applicable: boolean;
  readonly lines: readonly ChecklistLine[];
}

/** What every check reads: the model, its facts, and the model's elements by id. */
interface Input {
  readonly model: Model;
  readonly facts: Facts;
  readonly devices: ReadonlyMap<string, Device>;
  readonly media: ReadonlyMap<string, Media>;
  readonly sites: ReadonlyMap<string, Site>;
  readonly data: ReadonlyMap<string, Data>;
  readonly networks: ReadonlyMap<string, Network>;
  /** The site of each location. */
  readonly siteOf: ReadonlyMap<string, Site>;
}

interface ItemSpec {
  readonly id: string;
  readonly title: Term;
  readonly requirement: Term;
  readonly reference: Term;
  readonly check: (input: Input) => Outcome;
}

// ---- Small helpers ----

const t = (ja: string, en: string): Term => ({ ja, en });
const line = (ok: boolean | null, message: MessageRef, ids: readonly string[]): ChecklistLine => ({ ok, messageId: message.messageId, data: message.data, ids });
const ref = (id: string): Arg => ({ ref: id });
const terms = (table: 'control' | 'operation' | 'authFactor', keys: readonly string[]): Arg => ({ list: keys.map((key) => ({ term: table, key })) });
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Notes first, then shortfalls, then what meets the requirement; each group keeps its order. */
function arrange(notes: readonly ChecklistLine[], lines: readonly ChecklistLine[]): ChecklistLine[] {
  return [...notes, ...lines.filter((l) => l.ok === false), ...lines.filter((l) => l.ok !== false)];
}

/** The facts of a device (derived for every device of the model). */
function deviceFacts(input: Input, id: string): DeviceFacts {
  const found = input.facts.devices[id];
  if (!found) throw new Error(`no facts for device "${id}"`);
  return found;
}

/** "電子カルテ端末→院内ルータ（院内LAN）": a link by its label, or by the labels of its ends. */
function linkName(link: Link): Arg {
  return clause(link.label === null
    ? say('linkEnds', { from: ref(link.from), to: ref(link.to), network: ref(link.network) })
    : say('linkLabel', { link: ref(link.id), network: ref(link.network) }));
}

/** The networks that flows carrying medical information cross, in model order. */
function pathNetworks(input: Input): Network[] {
  return input.model.networks.filter((n) => input.facts.networks[n.id]?.carriesMedical === true);
}

type Days = number | 'permanent';
const shorter = (a: Days, b: Days): boolean => (a === 'permanent' ? false : b === 'permanent' ? true : a < b);

/** How a store's information can be restored: its backup controls, backup devices on its paths, backups carried away. */
function backupsOf(device: Device, input: Input): { readonly arg: Arg; readonly ids: readonly string[] }[] {
  const { controls, devices, carried } = deviceFacts(input, device.id).backups;
  const found: { arg: Arg; ids: readonly string[] }[] = [];
  if (controls.length > 0) found.push({ arg: terms('control', controls), ids: [] });
  for (const id of devices) found.push({ arg: clause(say('backupTo', { device: ref(id) })), ids: [id] });
  // Backup media leaving the site say nothing of which store they copy: the facts count them only for a
  // store that is backed up at all (a backup control, or a backup device on its paths).
  for (const { media, site } of carried) found.push({ arg: clause(say('carriedTo', { media: ref(media), site: ref(site) })), ids: [media, site] });
  return found;
}

const clauses = (args: readonly Arg[]): Arg => ({ list: args, join: 'clauses' });

// ---- The checks ----

function mfa(input: Input): Outcome {
  const devices = input.model.devices.filter((d) => deviceFacts(input, d.id).entry);
  if (devices.length === 0) return { applicable: false, lines: [line(null, say('noSignIn'), [])] };
  const lines = devices.map((d) => {
    const data = { device: ref(d.id), factors: terms('authFactor', d.auth ?? []) };
    switch (deviceFacts(input, d.id).auth) {
      case 'multi': return line(true, say('authMulti', data), [d.id]);
      case 'single': return line(false, say('authSingle', data), [d.id]);
      case 'none': return line(false, say('authNone', { device: data.device }), [d.id]);
      case 'unstated': return line(false, say('authUnstated', { device: data.device }), [d.id]);
    }
  });
  return { applicable: true, lines: arrange([], lines) };
}

function tls(input: Input): Outcome {
  const checked = input.model.links.filter((l) => input.facts.links[l.id]?.carriesMedical === true
    && (l.protocol?.toLowerCase() === 'https' || l.tls !== null));
  if (checked.length === 0) return { applicable: false, lines: [line(null, say('noTls'), [])] };
  const lines = checked.map((link) => {
    const ids = [link.id, link.from, link.to, link.network];
    const protocol = link.protocol === null ? null : link.protocol.toUpperCase();
    if (link.tls === null) return line(false, say('tlsUnstated', { link: linkName(link), protocol: protocol ?? 'HTTPS' }), ids);
    const stated = clause(protocol === null ? say('tlsOnly', { tls: link.tls }) : say('tlsWith', { protocol, tls: link.tls }));
    return link.tls === '1.0' || link.tls === '1.1'
      ? line(false, say('tlsLegacy', { link: linkName(link), stated }), ids)
      : line(true, say('tlsStated', { link: linkName(link), stated }), ids);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function sslVpn(input: Input): Outcome {
  const vpns = pathNetworks(input).filter((n) => n.kind === 'ssl-vpn-client' || n.kind === 'ssl-vpn-clientless');
  if (vpns.length === 0) return { applicable: false, lines: [line(null, say('noSslVpn'), [])] };
  const lines = vpns.map((n) => {
    const data = { network: ref(n.id), kind: { term: 'networkKind', key: n.kind } } as const;
    return n.kind === 'ssl-vpn-clientless' ? line(false, say('sslVpnClientless', data), [n.id]) : line(true, say('sslVpnClient', data), [n.id]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function ipsecIke(input: Input): Outcome {
  const vpns = pathNetworks(input).filter((n) => n.kind === 'ipsec-vpn');
  if (vpns.length === 0) return { applicable: false, lines: [line(null, say('noIpsec'), [])] };
  const lines = vpns.map((n) => {
    const data = { network: ref(n.id) };
    return n.ike === true ? line(true, say('ike', data), [n.id])
      : n.ike === false ? line(false, say('noIke', data), [n.id])
        : line(false, say('ikeUnstated', data), [n.id]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function wlan8021x(input: Input): Outcome {
  const wlans = pathNetworks(input).filter((n) => n.kind === 'wireless-lan');
  if (wlans.length === 0) return { applicable: false, lines: [line(null, say('noWlan'), [])] };
  const lines = wlans.map((n) => {
    const mode: Arg = n.wlanSecurity === null ? clause(say('wlanModeUnstated')) : { term: 'wlanSecurity', key: n.wlanSecurity };
    if (n.ieee8021x === true) return line(true, say('wlan8021x', { network: ref(n.id), mode }), [n.id]);
    const why = clause(n.macFilter === true ? say('macOnly') : n.ieee8021x === false ? say('no8021x') : say('unstated8021x'));
    return line(false, say('wlanShort', { network: ref(n.id), mode, why }), [n.id]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

const SMALL_MEDIA = new Set(['usb-memory', 'sd-card']);

function usbMedia(input: Input): Outcome {
  const media = input.model.media.filter((m) => input.facts.media[m.id]?.carriesMedical === true);
  const blocked = input.model.devices.filter((d) => d.controls.includes('usb-blocked'));
  const notes = blocked.length === 0 ? [] : [line(null, say('usbBlocked', { devices: refs(blocked.map((d) => d.id)) }), blocked.map((d) => d.id))];
  if (media.length === 0) return { applicable: false, lines: [line(null, say('noMedia'), []), ...notes] };
  const lines = media.map((m) => {
    const data = { media: ref(m.id), kind: { term: 'mediaKind', key: m.kind } } as const;
    if (!SMALL_MEDIA.has(m.kind)) return line(true, say('notSmallMedium', data), [m.id]);
    const held = m.data.map((id) => input.data.get(id)).filter((d): d is Data => d !== undefined && d.class !== 'other');
    return line(false, say('smallMedium', { ...data, data: refs(held.map((d) => d.id)) }), [m.id, ...held.map((d) => d.id)]);
  });
  return { applicable: true, lines: [...arrange([], lines), ...notes] };
}

function logRetention(input: Input): Outcome {
  const { data } = input.model;
  const retention = input.facts.legalRetention;
  const record = retention ? input.data.get(retention.record) : undefined;
  const legal = retention && record ? {
    record,
    days: retention.days,
    words: retention.stated ? { retention: record.retention, days: retention.days } : clause(say('assumedFiveYears')),
  } : null;
  const logs = data.filter((d) => d.kind === 'log');
  const kept = (d: Data): Arg => (d.retentionDays === null ? clause(say('retentionUnstated')) : { retention: d.retention, days: d.retentionDays });
  if (!legal) {
    return { applicable: false, lines: [
      line(null, say('noLegalRecordForLogs'), []),
      ...logs.map((d) => line(null, say('logKept', { log: ref(d.id), kept: kept(d) }), [d.id])),
    ] };
  }
  const basis = line(null, say('legalBaseline', { record: ref(legal.record.id), retention: legal.words }), [legal.record.id]);
  if (logs.length === 0) return { applicable: true, lines: [basis, line(false, say('noLogs'), [])] };
  const lines = logs.map((d) => {
    const data = { log: ref(d.id), kept: kept(d) };
    if (d.retentionDays === null) return line(false, say('logKept', data), [d.id]);
    return shorter(d.retentionDays, legal.days)
      ? line(false, say('logShort', { ...data, floor: legal.words }), [d.id])
      : line(true, say('logKept', data), [d.id]);
  });
  return { applicable: true, lines: arrange([basis], lines) };
}

function storageJp(input: Input): Outcome {
  const sites = input.model.sites.flatMap((site) => {
    const f = input.facts.sites[site.id];
    const devices = f?.keeps ?? [];
    const media = f?.receives ?? [];
    return devices.length + media.length > 0 ? [{ site, devices, media }] : [];
  });
  if (sites.length === 0) return { applicable: false, lines: [line(null, say('noStores'), [])] };
  const lines = sites.map(({ site, devices, media }) => {
    const data = {
      site: ref(site.id),
      region: clause(site.region === null ? say('regionUnstated') : say('region', { region: site.region })),
      what: refs([...devices, ...media]),
    };
    const ids = [site.id, ...devices, ...media];
    if (site.country === null) return line(false, say('countryUnstated', data), ids);
    if (site.country !== 'JP') return line(false, say('abroad', { ...data, country: site.country }), ids);
    return line(true, say('inJapan', data), ids);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function backupsApart(input: Input): Outcome {
  // Medical information as the rules read it (class medical or may-contain-medical): the stores the
  // ransomware rule scores are the stores this item reads.
  const stores = input.model.devices.filter((d) => deviceFacts(input, d.id).storesMedical);
  if (stores.length === 0) return { applicable: false, lines: [line(null, say('noOperationStores'), [])] };
  const lines = stores.map((device) => {
    const apart = deviceFacts(input, device.id).backups.apart;
    const self = { device: ref(device.id) };
    if (apart?.by === 'control') return line(true, say('apartControl', { ...self, control: { term: 'control', key: apart.control } }), [device.id]);
    if (apart?.by === 'media') {
      return line(true, say('apartMedia', { ...self, media: ref(apart.media), site: ref(apart.site) }), [device.id, apart.media, apart.site]);
    }
    if (apart?.by === 'remote') {
      return line(true, say('apartRemote', { ...self, remote: ref(apart.device), site: ref(apart.site) }), [device.id, apart.device, apart.site]);
    }
    if (apart?.by === 'device') return line(true, say('apartDevice', { ...self, backup: ref(apart.device) }), [device.id, apart.device]);
    const online = backupsOf(device, input);
    return online.length === 0
      ? line(false, say('noBackup', self), [device.id])
      : line(false, say('notApart', { ...self, backups: clauses(online.map((b) => b.arg)) }), [device.id, ...online.flatMap((b) => b.ids)]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function legalRecords(input: Input): Outcome {
  const records = input.model.data.filter((d) => d.legalRecord);
  if (records.length === 0) return { applicable: false, lines: [line(null, say('noLegalRecords'), [])] };
  // A backup device keeps copies whose signatures and timestamps travel with them: the stores are the originals'.
  const stores = input.facts.legalStores;
  const dataFacts = (id: string) => input.facts.data[id] ?? { storedOn: [], displayedOn: [], printedOn: [] };

  const authenticity = stores.map((id) => {
    const device = input.devices.get(id) as Device;
    const have = (['electronic-signature', 'timestamp', 'audit-log'] as const).filter((c) => device.controls.includes(c));
    const signed = device.controls.includes('electronic-signature') || device.controls.includes('timestamp');
    const logged = device.controls.includes('audit-log');
    const self = { device: ref(id) };
    if (signed && logged) return line(true, say('authentic', { ...self, have: terms('control', have) }), [id]);
    const missing = clauses([...(signed ? [] : [clause(say('noSignature'))]), ...(logged ? [] : [clause(say('noAuditLog'))])]);
    return have.length === 0
      ? line(false, say('notAuthentic', { ...self, missing }), [id])
      : line(false, say('notAuthenticHeld', { ...self, missing, have: terms('control', have) }), [id]);
  });

  const legibility = records.map((d) => {
    const { displayedOn, printedOn } = dataFacts(d.id);
    if (displayedOn.length === 0 && printedOn.length === 0) return line(false, say('notLegible', { data: ref(d.id) }), [d.id]);
    const ways = [
      ...(displayedOn.length === 0 ? [] : [clause(say('displayedOn', { devices: refs(displayedOn) }))]),
      ...(printedOn.length === 0 ? [] : [clause(say('printedOn', { devices: refs(printedOn) }))]),
    ];
    return line(true, say('legible', { data: ref(d.id), ways: clauses(ways) }), [d.id, ...displayedOn, ...printedOn]);
  });

  const unstored = records.filter((d) => dataFacts(d.id).storedOn.length === 0).map((d) => line(false, say('unstored', { data: ref(d.id) }), [d.id]));
  const preservation = stores.map((id) => {
    const backups = backupsOf(input.devices.get(id) as Device, input);
    return backups.length === 0
      ? line(false, say('notPreserved', { device: ref(id) }), [id])
      : line(true, say('preserved', { device: ref(id), backups: clauses(backups.map((b) => b.arg)) }), [id, ...backups.flatMap((b) => b.ids)]);
  });
  return { applicable: true, lines: [...authenticity, ...legibility, ...unstored, ...preservation] };
}

const ERASING: readonly Operation[] = ['erase', 'dispose'];

function termination(input: Input): Outcome {
  if (!input.model.system.phases.includes('termination')) return { applicable: true, lines: [line(false, say('noTermination'), [])] };
  const ended = (device: Device): readonly Operation[] => deviceFacts(input, device.id).ended;
  const devices = input.model.devices.filter((d) => deviceFacts(input, d.id).keepsMedical || ended(d).length > 0);
  const deviceLines = devices.map((device) => {
    const done = ended(device);
    const self = { device: ref(device.id) };
    if (done.length === 0) return line(false, say('notEnded', self), [device.id]);
    const data = { ...self, ops: terms('operation', done) };
    if (!done.some((o) => ERASING.includes(o))) return line(true, say('ended', data), [device.id]);
    return device.controls.includes('erasure-certificate')
      ? line(true, say('erasedCertified', data), [device.id])
      : line(false, say('erasedUncertified', data), [device.id]);
  });

  const endMedia = input.model.media.filter((m) => input.facts.media[m.id]?.endsAtTermination === true && input.facts.media[m.id]?.carriesMedical === true);
  const mediaLines = endMedia.flatMap((media) => {
    const site = input.siteOf.get(media.to);
    if (!site) return [];
    const ids = [media.id, site.id];
    const data = { media: ref(media.id), site: ref(site.id) };
    if (site.owner === 'institution') {
      return [media.controls.includes('handover-record') ? line(true, say('returnedRecorded', data), ids) : line(false, say('returnedUnrecorded', data), ids)];
    }
    const evidence = (['physical-destruction', 'erasure-certificate'] as const).filter((c) => media.controls.includes(c));
    return [evidence.length > 0
      ? line(true, say('disposedEvidenced', { ...data, evidence: terms('control', evidence) }), ids)
      : line(false, say('disposedUnevidenced', data), ids)];
  });

  // Backups kept at another site in operation must leave it at contract termination.
  const away = new Map(input.model.sites.flatMap((site) => input.facts.sites[site.id]?.backupsAway ?? []).map((c) => [c.media, c.site]));
  const awayLines = input.model.media.filter((m) => away.has(m.id)).map((media) => {
    const site = away.get(media.id) as string;
    const out = input.facts.media[media.id]?.takenOut ?? null;
    const data = { media: ref(media.id), site: ref(site) };
    return out === null
      ? line(false, say('notTakenOut', data), [media.id, site])
      : line(true, say('takenOut', { ...data, out: ref(out) }), [media.id, site, out]);
  });

  const lines = [...deviceLines, ...mediaLines, ...awayLines];
  if (lines.length === 0) return { applicable: false, lines: [line(null, say('noKeeping'), [])] };
  return { applicable: true, lines: arrange([], lines) };
}

// ---- The items, in the order the checklist lists them ----

const SPECIAL = t('提供事業者ガイドライン 医療情報システム等特有の考慮事項', 'Provider guideline, special considerations');

export const CHECKLIST_ITEMS: readonly ItemSpec[] = [
  {
    id: 'mfa',
    title: t('利用者認証: 多要素認証', 'User authentication: multi-factor'),
    requirement: t(
      '医療情報（またはそれを含む可能性のある領域）を扱い、利用者がログインして使う全ての機器で、知識・所持・生体のうち異なる2つ以上の要素による多要素認証を用いる。',
      'Every device people sign in to that handles medical information (or areas that may contain it) uses multi-factor authentication: two or more different factors of knowledge, possession and biometrics.',
    ),
    reference: t(`${SPECIAL.ja} ① 利用者認証（多要素認証を採用すべき）`, `${SPECIAL.en} ①: user authentication (multi-factor authentication should be used)`),
    check: mfa,
  },
  {
    id: 'tls',
    title: t('ネットワーク経路: HTTPSはTLS 1.3/1.2のみ', 'Network paths: HTTPS with TLS 1.3/1.2 only'),
    requirement: t(
      'HTTPS・TLSで医療情報を運ぶ通信は、CRYPTREC「TLS暗号設定ガイドライン」の高セキュリティ型に準じ、TLS 1.3またはTLS 1.2のみを用いる。',
      'Links that carry medical information over HTTPS or TLS use TLS 1.3 or 1.2 only, per the high-security settings of the CRYPTREC TLS guideline.',
    ),
    reference: t(`${SPECIAL.ja} ③ ネットワーク経路（TLS設定はCRYPTREC「高セキュリティ型」に準じる）`, `${SPECIAL.en} ③: network paths (TLS per the CRYPTREC high-security settings)`),
    check: tls,
  },
  {
    id: 'ssl-vpn',
    title: t('ネットワーク経路: SSL-VPNはクライアント型に限る', 'Network paths: SSL-VPN of the client type only'),
    requirement: t(
      'SSL-VPNは原則として利用せず、やむを得ず利用する場合はクライアント型とする（クライアントレス型は用いない）。',
      'SSL-VPN is not used as a rule; where it cannot be avoided, it is of the client type (never clientless).',
    ),
    reference: t(`${SPECIAL.ja} ③ ネットワーク経路（SSL-VPNは原則として利用しない）`, `${SPECIAL.en} ③: network paths (no SSL-VPN as a rule)`),
    check: sslVpn,
  },
  {
    id: 'ipsec-ike',
    title: t('ネットワーク経路: IPsecとIKEの併用', 'Network paths: IPsec with IKE'),
    requirement: t(
      'IPsec-VPNを用いる場合はIKEを組み合わせ、確実に安全性を確保する。',
      'An IPsec VPN is combined with IKE to make sure it is secure.',
    ),
    reference: t(`${SPECIAL.ja} ③ ネットワーク経路（IPsecを用いる場合はIKEを組み合わせる）`, `${SPECIAL.en} ③: network paths (combine IPsec with IKE)`),
    check: ipsecIke,
  },
  {
    id: 'wlan-8021x',
    title: t('無線LAN: IEEE 802.1Xと電子証明書による端末接続制限', 'Wireless LAN: terminals restricted by IEEE 802.1X with certificates'),
    requirement: t(
      'MACアドレスは容易に詐称できるため、無線LANの端末接続制限にはMACアドレスに加えIEEE 802.1Xと電子証明書を組み合わせる等のより安全な方法を用いる。',
      'MAC addresses are easily spoofed, so wireless LANs restrict terminals by a safer method such as IEEE 802.1X with certificates, beyond MAC addresses.',
    ),
    reference: t(`${SPECIAL.ja} ④ 無線LANの端末接続制限`, `${SPECIAL.en} ④: terminal restriction on wireless LANs`),
    check: wlan8021x,
  },
  {
    id: 'usb-media',
    title: t('小型記憶媒体: USBメモリ等に医療情報を格納しない', 'Small media: no medical information on USB memory and the like'),
    requirement: t(
      'USBメモリ・SDカード等の小型記憶媒体を、医療情報を格納する記憶媒体として使用しない。',
      'USB memory, SD cards and other small media are not used to hold medical information.',
    ),
    reference: t(`${SPECIAL.ja} ⑤ 小型半導体メモリやクラウド上のストレージサービスの利用`, `${SPECIAL.en} ⑤: small semiconductor memory and cloud storage services`),
    check: usbMedia,
  },
  {
    id: 'log-retention',
    title: t('ログの保存期間: 法定保存年限以上', 'Log retention: at least the legal retention'),
    requirement: t(
      '取り扱う医療情報に法定保存年限がある場合、ログを原則としてその年限以上保存する（診療録は5年）。',
      'Where the medical information handled has a legal retention period, logs are kept at least that long as a rule (medical records: 5 years).',
    ),
    reference: t(`${SPECIAL.ja} ② ログの保存期間`, `${SPECIAL.en} ②: log retention`),
    check: logRetention,
  },
  {
    id: 'storage-jp',
    title: t('保存場所: 国内法の適用と所在地（国・地域）', 'Storage: under Japanese law, and where (country, region)'),
    requirement: t(
      '医療情報を保存する機器等は国内法の適用を受ける場所に置き、その所在地（国・地域）を医療機関等に示す。',
      'Equipment that stores medical information is where Japanese law applies, and its location (country, region) is told to the medical institution.',
    ),
    reference: t(
      '提供事業者ガイドライン 事業者の選定基準（国内法の適用、保存場所の地域・国、国外法の適用可能性）',
      'Provider guideline, provider selection criteria (Japanese law applies; the region and country of storage; exposure to foreign law)',
    ),
    check: storageJp,
  },
  {
    id: 'backups-apart',
    title: t('バックアップ: サイバー攻撃に備えた取得・管理', 'Backups: kept apart against cyber attacks'),
    requirement: t(
      'ランサムウェア等のサイバー攻撃による被害を防ぐため、医療情報を保存する機器のバックアップを本体から切り離して（オフライン・改変不能・別拠点への搬送）保管する。',
      'To limit damage from ransomware and other cyber attacks, the backups of devices that store medical information are kept apart from them (offline, immutable, or carried to another site).',
    ),
    reference: t(
      '提供事業者ガイドライン 事業者の選定基準（不正ソフトウェア等のサイバー攻撃による被害を防止するために必要なバックアップの取得及び管理の状況）',
      'Provider guideline, provider selection criteria (the backups taken and how they are managed against damage from malware and other cyber attacks)',
    ),
    check: backupsApart,
  },
  {
    id: 'legal-records',
    title: t('法定保存文書: 真正性・見読性・保存性', 'Legal records: authenticity, legibility, preservation'),
    requirement: t(
      '法令で保存が義務付けられた文書を電子保存する場合、真正性（改変・消去の有無と作成責任を確認できる）、見読性（直ちに表示・印刷できる）、保存性（保存期間中復元できる）を満たす。',
      'Records the law requires to be kept, when kept electronically, have authenticity (changes, deletions and who made them can be traced), legibility (they can be displayed and printed at once) and preservation (they can be restored throughout the retention period).',
    ),
    reference: t(
      '提供事業者ガイドライン 制度上の必須要件 電子文書法の要件（真正性・見読性・保存性）／医療情報安全管理ガイドライン 第6.0版 企画管理編（電子署名）',
      'Provider guideline, regulatory requirements: the e-document law (authenticity, legibility, preservation) / MHLW guideline 6.0, planning and management (electronic signatures)',
    ),
    check: legalRecords,
  },
  {
    id: 'termination',
    title: t('契約終了時の取扱い: 返却・移管・破棄と証跡', 'Contract termination: return, transfer or destruction, with evidence'),
    requirement: t(
      '契約終了時に、事前に合意した手順に従って情報の返却・移管・破棄を行い、適切に実施したことを示す証跡を取得・保存する。',
      'At contract termination, information is returned, transferred or destroyed by the procedure agreed in advance, and evidence that this was done is obtained and kept.',
    ),
    reference: t(
      '提供事業者ガイドライン 通常時の義務（契約終了フェーズ: 合意した手順による返却・移管・破棄と証跡の取得・保存）',
      'Provider guideline, duties in normal times (contract-termination phase: return, transfer or destruction by the agreed procedure, with evidence obtained and kept)',
    ),
    check: termination,
  },
];

/** The regulatory checklist of a model and its facts, in `lang`. */
/** Evidence lines an item prints at most: the shortfalls first when there are more, then a count of the rest. */
const MAX_EVIDENCE_LINES = 20;

function evidenceLines(lines: readonly ChecklistLine[], words: (l: ChecklistLine) => string, lang: Lang): string[] {
  if (lines.length <= MAX_EVIDENCE_LINES) return lines.map(words);
  const ordered = [...lines.filter((l) => l.ok === false), ...lines.filter((l) => l.ok !== false)];
  const shown = ordered.slice(0, MAX_EVIDENCE_LINES - 1);
  const rest = lines.length - shown.length;
  return [...shown.map(words), lang === 'ja' ? `ほか ${rest} 件` : `and ${rest} more`];
}

export function regulatoryChecklist(model: Model, facts: Facts, lang: Lang): Checklist {
  const byId = <T extends { readonly id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((e) => [e.id, e]));
  const sites = byId(model.sites);
  const input: Input = {
    model,
    facts,
    devices: byId(model.devices),
    media: byId(model.media),
    sites,
    data: byId(model.data),
    networks: byId(model.networks),
    siteOf: new Map(model.locations.flatMap((l) => {
      const site = sites.get(l.site);
      return site ? [[l.id, site] as const] : [];
    })),
  };
  const names = namesOf(model);
  const table: Readonly<Record<string, Term>> = MESSAGES;
  const words = (l: ChecklistLine): string => sayIn(table[l.messageId] as Term, l.data, lang, names, (id) => table[id]);
  const items = CHECKLIST_ITEMS.map((spec): ChecklistItem => {
    const { applicable, lines } = spec.check(input);
    const status: ChecklistStatus = !applicable ? 'not-applicable' : lines.some((l) => l.ok === false) ? 'not-met' : 'met';
    return {
      id: spec.id,
      status,
      elements: [...new Set(lines.flatMap((l) => l.ids))].sort(compare),
      lines,
      cells: {
        title: spec.title[lang],
        requirement: spec.requirement[lang],
        status: STATUS_WORDS[status][lang],
        evidence: evidenceLines(lines, words, lang),
        reference: spec.reference[lang],
      },
    };
  });
  const counts: Record<ChecklistStatus, number> = { met: 0, 'not-met': 0, 'not-applicable': 0 };
  for (const item of items) counts[item.status] += 1;
  return { lang, items, counts };
}

/** Every message the checklist's lines may name, for tests. */
export const CHECKLIST_MESSAGES: Messages = MESSAGES;
