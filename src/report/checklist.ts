// The regulatory checklist (制度上の要求事項への対応): the requirements of the guidelines and the
// e-document law that the model's facts can show met, not met, or not applicable, in a fixed order with
// stable ids, each with the facts that decide it. The provider hands it to the medical institution with
// the risk response list (5.2.3). Pure and deterministic: Model and its facts in, the Checklist of
// models/report.ts out, every word in the output language.
//
// "Medical information" here means information classed medical or may-contain-medical, as the rules
// read it. Each check returns its evidence as lines in both languages, each marked as a shortfall, a fact
// that meets the requirement, or a note; an item is not applicable when nothing it is about is in the
// model, not met when any line is a shortfall, met otherwise. Shortfalls come first, then what meets the
// requirement, each in model order, so the reader sees what to fix at the top.
import type { Data, Device, Link, Media, Model, Network, Site } from '../../models/model.js';
import type { Checklist, ChecklistItem, ChecklistStatus } from '../../models/report.js';
import type { DataFacts, DeviceFacts, Facts } from '../../models/facts.js';
import {
  AUTH_FACTORS, DEVICE_CONTROLS, MEDIA_CONTROLS, MEDIA_KINDS, NETWORK_KINDS, OPERATIONS, WLAN_SECURITY,
  type Lang, type Operation, type Term,
} from '../../models/vocabulary.js';

/** One line of evidence: a shortfall (false), a fact that meets the requirement (true), or a note (null). */
interface Line {
  readonly ok: boolean | null;
  readonly text: Term;
  /** The model elements the line names. */
  readonly ids: readonly string[];
}

interface Outcome {
  /** False when nothing the requirement is about is in the model. */
  readonly applicable: boolean;
  readonly lines: readonly Line[];
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

const STATUS_WORDS: Readonly<Record<ChecklistStatus, Term>> = {
  met: { ja: '対応済み', en: 'met' },
  'not-met': { ja: '未対応', en: 'not met' },
  'not-applicable': { ja: '該当なし', en: 'not applicable' },
};

// ---- Small helpers ----

const t = (ja: string, en: string): Term => ({ ja, en });
const line = (ok: boolean | null, text: Term, ids: readonly string[]): Line => ({ ok, text, ids });
const names = (labels: readonly string[]): Term => t(labels.join('・'), labels.join(', '));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Notes first, then shortfalls, then what meets the requirement; each group keeps its order. */
function arrange(notes: readonly Line[], lines: readonly Line[]): Line[] {
  return [...notes, ...lines.filter((l) => l.ok === false), ...lines.filter((l) => l.ok !== false)];
}

/** The facts of a device (derived for every device of the model). */
function deviceFacts(input: Input, id: string): DeviceFacts {
  const found = input.facts.devices[id];
  if (!found) throw new Error(`no facts for device "${id}"`);
  return found;
}

/** "パスワード・ICカード" / "password, IC card": the factors in words. */
const factorNames = (auth: Device['auth'], lang: Lang): string => (auth ?? []).map((f) => AUTH_FACTORS[f][lang]).join(lang === 'ja' ? '・' : ', ');

const labelOf = (map: ReadonlyMap<string, { readonly label: string }>, id: string): string => map.get(id)?.label ?? id;

/** "電子カルテ端末→院内ルータ（院内LAN）": a link by its label, or by the labels of its ends. */
function linkName(link: Link, network: Network, input: Input): Term {
  const from = labelOf(input.devices, link.from);
  const to = labelOf(input.devices, link.to);
  return link.label === null
    ? t(`${from}→${to}（${network.label}）`, `${from} → ${to} (${network.label})`)
    : t(`${link.label}（${network.label}）`, `${link.label} (${network.label})`);
}

/** The networks that flows carrying medical information cross, in model order. */
function pathNetworks(input: Input): Network[] {
  return input.model.networks.filter((n) => input.facts.networks[n.id]?.carriesMedical === true);
}

/** "5年" / "5 years", from the retention as written. */
function retentionWords(written: string | null, days: number | 'permanent'): Term {
  if (days === 'permanent') return t('永年', 'permanent');
  const match = written === null ? null : /^(\d+)([ymd])$/.exec(written);
  const n = match?.[1] ?? String(days);
  const unit = match?.[2] ?? 'd';
  const s = n === '1' ? '' : 's';
  return unit === 'y' ? t(`${n}年`, `${n} year${s}`) : unit === 'm' ? t(`${n}か月`, `${n} month${s}`) : t(`${n}日`, `${n} day${s}`);
}

type Days = number | 'permanent';
const shorter = (a: Days, b: Days): boolean => (a === 'permanent' ? false : b === 'permanent' ? true : a < b);

/** How a store's information can be restored: its backup controls, backup devices on its paths, backups carried away. */
function backupsOf(device: Device, input: Input): { readonly text: Term; readonly ids: readonly string[] }[] {
  const { controls, devices, carried } = deviceFacts(input, device.id).backups;
  const found: { text: Term; ids: readonly string[] }[] = [];
  if (controls.length > 0) {
    found.push({ text: t(controls.map((c) => DEVICE_CONTROLS[c].ja).join('・'), controls.map((c) => DEVICE_CONTROLS[c].en).join(', ')), ids: [] });
  }
  for (const id of devices) {
    const label = labelOf(input.devices, id);
    found.push({ text: t(`${label}へのバックアップ`, `backups to ${label}`), ids: [id] });
  }
  // Backup media leaving the site say nothing of which store they copy: the facts count them only for a
  // store that is backed up at all (a backup control, or a backup device on its paths).
  for (const { media, site } of carried) {
    found.push({ text: t(`${labelOf(input.media, media)}で${labelOf(input.sites, site)}へ搬送`, `${labelOf(input.media, media)} carried to ${labelOf(input.sites, site)}`), ids: [media, site] });
  }
  return found;
}

// ---- The checks ----

function mfa(input: Input): Outcome {
  const devices = input.model.devices.filter((d) => deviceFacts(input, d.id).entry);
  if (devices.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報（またはそれを含む可能性のある領域）を扱い、利用者がログインして使う機器がモデルにない',
      'no device people sign in to handles medical information (or areas that may contain it) in the model',
    ), [])] };
  }
  const lines = devices.map((d) => {
    const factors = t(factorNames(d.auth, 'ja'), factorNames(d.auth, 'en'));
    switch (deviceFacts(input, d.id).auth) {
      case 'multi': return line(true, t(`${d.label}: ${factors.ja}（多要素）`, `${d.label}: ${factors.en} (multi-factor)`), [d.id]);
      case 'single': return line(false, t(`${d.label}: ${factors.ja}のみ（単要素）`, `${d.label}: ${factors.en} only (single factor)`), [d.id]);
      case 'none': return line(false, t(`${d.label}: 認証なし`, `${d.label}: no authentication`), [d.id]);
      case 'unstated': return line(false, t(`${d.label}: 認証方式の記載なし`, `${d.label}: authentication not stated`), [d.id]);
    }
  });
  return { applicable: true, lines: arrange([], lines) };
}

function tls(input: Input): Outcome {
  const checked = input.model.links.filter((l) => input.facts.links[l.id]?.carriesMedical === true
    && (l.protocol?.toLowerCase() === 'https' || l.tls !== null));
  if (checked.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報を運ぶ通信にHTTPSやTLSを用いるものがない',
      'no link carrying medical information uses HTTPS or states a TLS version',
    ), [])] };
  }
  const lines = checked.map((link) => {
    const network = input.networks.get(link.network) as Network;
    const name = linkName(link, network, input);
    const ids = [link.id, link.from, link.to, network.id];
    const protocol = link.protocol === null ? null : link.protocol.toUpperCase();
    if (link.tls === null) {
      return line(false, t(
        `${name.ja}: ${protocol ?? 'HTTPS'}、TLSのバージョンの記載なし（TLS 1.2/1.3のみか確認できない）`,
        `${name.en}: ${protocol ?? 'HTTPS'}, TLS version not stated (cannot be shown to be 1.2/1.3 only)`,
      ), ids);
    }
    const stated = t(protocol === null ? `TLS ${link.tls}` : `${protocol}、TLS ${link.tls}`, protocol === null ? `TLS ${link.tls}` : `${protocol}, TLS ${link.tls}`);
    return link.tls === '1.0' || link.tls === '1.1'
      ? line(false, t(`${name.ja}: ${stated.ja}（旧版）`, `${name.en}: ${stated.en} (legacy)`), ids)
      : line(true, t(`${name.ja}: ${stated.ja}`, `${name.en}: ${stated.en}`), ids);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function sslVpn(input: Input): Outcome {
  const vpns = pathNetworks(input).filter((n) => n.kind === 'ssl-vpn-client' || n.kind === 'ssl-vpn-clientless');
  if (vpns.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報を運ぶ経路にSSL-VPNがない',
      'no SSL-VPN on any path carrying medical information',
    ), [])] };
  }
  const lines = vpns.map((n) => n.kind === 'ssl-vpn-clientless'
    ? line(false, t(`${n.label}: ${NETWORK_KINDS[n.kind].ja}（用いない方式）`, `${n.label}: ${NETWORK_KINDS[n.kind].en}, a type not to be used`), [n.id])
    : line(true, t(`${n.label}: ${NETWORK_KINDS[n.kind].ja}`, `${n.label}: ${NETWORK_KINDS[n.kind].en}`), [n.id]));
  return { applicable: true, lines: arrange([], lines) };
}

function ipsecIke(input: Input): Outcome {
  const vpns = pathNetworks(input).filter((n) => n.kind === 'ipsec-vpn');
  if (vpns.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報を運ぶ経路にIPsec-VPNがない',
      'no IPsec VPN on any path carrying medical information',
    ), [])] };
  }
  const lines = vpns.map((n) => n.ike === true
    ? line(true, t(`${n.label}: IKEを併用`, `${n.label}: IPsec with IKE`), [n.id])
    : n.ike === false
      ? line(false, t(`${n.label}: IKEを使わない（固定鍵）`, `${n.label}: no IKE (static keys)`), [n.id])
      : line(false, t(`${n.label}: IKEの併用の記載なし`, `${n.label}: IKE not stated`), [n.id]));
  return { applicable: true, lines: arrange([], lines) };
}

function wlan8021x(input: Input): Outcome {
  const wlans = pathNetworks(input).filter((n) => n.kind === 'wireless-lan');
  if (wlans.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報を運ぶ経路に無線LANがない',
      'no wireless LAN on any path carrying medical information',
    ), [])] };
  }
  const lines = wlans.map((n) => {
    const mode = n.wlanSecurity === null ? t('セキュリティ方式の記載なし', 'security mode not stated') : WLAN_SECURITY[n.wlanSecurity];
    if (n.ieee8021x === true) {
      return line(true, t(`${n.label}: ${mode.ja}、IEEE 802.1Xによる端末認証`, `${n.label}: ${mode.en}, terminals authenticated by IEEE 802.1X`), [n.id]);
    }
    const why = n.macFilter === true
      ? t('端末接続制限はMACアドレスフィルタリングのみ（MACアドレスは容易に詐称できるため不十分）', 'terminals restricted by MAC filtering only (not enough: MAC addresses are easily spoofed)')
      : n.ieee8021x === false
        ? t('IEEE 802.1Xと電子証明書による端末認証を使わない', 'no IEEE 802.1X with certificates')
        : t('IEEE 802.1Xによる端末認証の記載なし', 'IEEE 802.1X not stated');
    return line(false, t(`${n.label}: ${mode.ja}、${why.ja}`, `${n.label}: ${mode.en}, ${why.en}`), [n.id]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

const SMALL_MEDIA = new Set(['usb-memory', 'sd-card']);

function usbMedia(input: Input): Outcome {
  const media = input.model.media.filter((m) => input.facts.media[m.id]?.carriesMedical === true);
  const blocked = input.model.devices.filter((d) => d.controls.includes('usb-blocked'));
  const notes = blocked.length === 0 ? [] : [line(null, t(
    `外部媒体の利用制限がある機器: ${names(blocked.map((d) => d.label)).ja}`,
    `devices with USB media blocked: ${names(blocked.map((d) => d.label)).en}`,
  ), blocked.map((d) => d.id))];
  if (media.length === 0) {
    return { applicable: false, lines: [line(null, t(
      '医療情報を格納して搬送する記憶媒体がモデルにない',
      'no medium carrying medical information in the model',
    ), []), ...notes] };
  }
  const dataOf = new Map(input.model.data.map((d) => [d.id, d]));
  const lines = media.map((m) => {
    const kind = MEDIA_KINDS[m.kind];
    if (!SMALL_MEDIA.has(m.kind)) {
      return line(true, t(`${m.label}（${kind.ja}）: 小型記憶媒体ではない`, `${m.label} (${kind.en}): not a small medium`), [m.id]);
    }
    const held = m.data.map((id) => dataOf.get(id)).filter((d): d is Data => d !== undefined && d.class !== 'other');
    return line(false, t(
      `${m.label}（${kind.ja}）: ${names(held.map((d) => d.label)).ja}を格納`,
      `${m.label} (${kind.en}): holds ${names(held.map((d) => d.label)).en}`,
    ), [m.id, ...held.map((d) => d.id)]);
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
    term: retention.stated
      ? retentionWords(record.retention, retention.days)
      : t('5年（記載がないため診療録の法定保存期間とみなす）', '5 years (not stated: taken as the legal retention of medical records)'),
  } : null;
  const logs = data.filter((d) => d.kind === 'log');
  const kept = (d: Data): Term => (d.retentionDays === null ? t('保存期間の記載なし', 'retention not stated') : retentionWords(d.retention, d.retentionDays));
  if (!legal) {
    return { applicable: false, lines: [
      line(null, t('法定保存文書がモデルにない（ログの保存期間を比べる法定保存年限がない）', 'no legal record in the model (no legal retention to compare the logs with)'), []),
      ...logs.map((d) => line(null, t(`${d.label}: ${kept(d).ja}`, `${d.label}: ${kept(d).en}`), [d.id])),
    ] };
  }
  const basis = line(null, t(
    `基準: ${legal.record.label}の法定保存期間 ${legal.term.ja}（モデル中で最長）`,
    `baseline: the legal retention of ${legal.record.label}, ${legal.term.en} (the longest in the model)`,
  ), [legal.record.id]);
  if (logs.length === 0) {
    return { applicable: true, lines: [basis, line(false, t(
      'ログがモデルにない（法定保存年限以上の保存を示せない）',
      'no log in the model (keeping logs for the legal retention cannot be shown)',
    ), [])] };
  }
  const floor = legal;
  const lines = logs.map((d) => {
    if (d.retentionDays === null) return line(false, t(`${d.label}: 保存期間の記載なし`, `${d.label}: retention not stated`), [d.id]);
    const words = retentionWords(d.retention, d.retentionDays);
    return shorter(d.retentionDays, floor.days)
      ? line(false, t(`${d.label}: ${words.ja}（${floor.term.ja}に満たない）`, `${d.label}: ${words.en} (less than ${floor.term.en})`), [d.id])
      : line(true, t(`${d.label}: ${words.ja}`, `${d.label}: ${words.en}`), [d.id]);
  });
  return { applicable: true, lines: arrange([basis], lines) };
}

function storageJp(input: Input): Outcome {
  const sites = input.model.sites.flatMap((site) => {
    const f = input.facts.sites[site.id];
    const devices = (f?.keeps ?? []).map((id) => input.devices.get(id) as Device);
    const media = (f?.receives ?? []).map((id) => input.media.get(id) as Media);
    return devices.length + media.length > 0 ? [{ site, devices, media }] : [];
  });
  if (sites.length === 0) {
    return { applicable: false, lines: [line(null, t('医療情報を保存する機器がモデルにない', 'no device stores medical information in the model'), [])] };
  }
  const lines = sites.map(({ site, devices, media }) => {
    const ds = devices;
    const ms = media;
    const what = names([...ds.map((d) => d.label), ...ms.map((m) => m.label)]);
    const region = site.region === null ? t('地域の記載なし', 'region not stated') : t(`地域: ${site.region}`, `region: ${site.region}`);
    const ids = [site.id, ...ds.map((d) => d.id), ...ms.map((m) => m.id)];
    if (site.country === null) {
      return line(false, t(`${site.label}: 所在国の記載なし、${region.ja}（${what.ja}）`, `${site.label}: country not stated, ${region.en} (${what.en})`), ids);
    }
    if (site.country !== 'JP') {
      return line(false, t(
        `${site.label}: 日本国外（${site.country}）、${region.ja}（${what.ja}）`,
        `${site.label}: outside Japan (${site.country}), ${region.en} (${what.en})`,
      ), ids);
    }
    return line(true, t(`${site.label}: 日本（JP）、${region.ja}（${what.ja}）`, `${site.label}: Japan (JP), ${region.en} (${what.en})`), ids);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function backupsApart(input: Input): Outcome {
  // Medical information as the rules read it (class medical or may-contain-medical): the stores the
  // ransomware rule scores are the stores this item reads.
  const stores = input.model.devices.filter((d) => deviceFacts(input, d.id).storesMedical);
  if (stores.length === 0) {
    return { applicable: false, lines: [line(null, t('運用中に医療情報を保存する機器がモデルにない', 'no device stores medical information in operation'), [])] };
  }
  const lines = stores.map((device) => {
    const apart = deviceFacts(input, device.id).backups.apart;
    if (apart?.by === 'control') {
      const c = apart.control;
      return line(true, t(`${device.label}: ${DEVICE_CONTROLS[c].ja}`, `${device.label}: ${DEVICE_CONTROLS[c].en}`), [device.id]);
    }
    if (apart?.by === 'media') {
      const media = labelOf(input.media, apart.media);
      const site = labelOf(input.sites, apart.site);
      return line(true, t(
        `${device.label}: バックアップを${media}で別拠点（${site}）へ搬送`,
        `${device.label}: backups carried on ${media} to another site (${site})`,
      ), [device.id, apart.media, apart.site]);
    }
    if (apart?.by === 'remote') {
      const remote = labelOf(input.devices, apart.device);
      const site = labelOf(input.sites, apart.site);
      return line(true, t(
        `${device.label}: 別拠点（${site}）の${remote}にオフラインまたは改変不能なバックアップ`,
        `${device.label}: offline or immutable backups on ${remote} at another site (${site})`,
      ), [device.id, apart.device, apart.site]);
    }
    const online = backupsOf(device, input);
    return online.length === 0
      ? line(false, t(`${device.label}: バックアップの記載なし`, `${device.label}: no backup recorded`), [device.id])
      : line(false, t(
        `${device.label}: バックアップ（${online.map((b) => b.text.ja).join('、')}）が本体から切り離されていない（オフライン・改変不能・別拠点への搬送のいずれもない）`,
        `${device.label}: backups (${online.map((b) => b.text.en).join('; ')}) not kept apart (neither offline, immutable nor carried to another site)`,
      ), [device.id, ...online.flatMap((b) => b.ids)]);
  });
  return { applicable: true, lines: arrange([], lines) };
}

function legalRecords(input: Input): Outcome {
  const records = input.model.data.filter((d) => d.legalRecord);
  if (records.length === 0) {
    return { applicable: false, lines: [line(null, t('法定保存文書がモデルにない', 'no legal record in the model'), [])] };
  }
  // A backup device keeps copies whose signatures and timestamps travel with them: the stores are the originals'.
  const stores = input.facts.legalStores.map((id) => input.devices.get(id) as Device);
  const dataFacts = (id: string): DataFacts => input.facts.data[id] ?? { storedOn: [], displayedOn: [], printedOn: [] };

  const authenticity = stores.map((device) => {
    const have = (['electronic-signature', 'timestamp', 'audit-log'] as const).filter((c) => device.controls.includes(c));
    const haveWords = names(have.map((c) => DEVICE_CONTROLS[c].ja));
    const haveEn = have.map((c) => DEVICE_CONTROLS[c].en).join(', ');
    const signed = device.controls.includes('electronic-signature') || device.controls.includes('timestamp');
    const logged = device.controls.includes('audit-log');
    if (signed && logged) return line(true, t(`真正性: ${device.label}: ${haveWords.ja}`, `authenticity: ${device.label}: ${haveEn}`), [device.id]);
    const missing = [
      ...(signed ? [] : [t('電子署名・タイムスタンプのいずれもない', 'neither electronic signature nor timestamp')]),
      ...(logged ? [] : [t('アクセスログがない', 'no audit log')]),
    ];
    const held = have.length === 0 ? t('', '') : t(`（あり: ${haveWords.ja}）`, ` (in place: ${haveEn})`);
    return line(false, t(
      `真正性: ${device.label}: ${missing.map((m) => m.ja).join('、')}${held.ja}`,
      `authenticity: ${device.label}: ${missing.map((m) => m.en).join('; ')}${held.en}`,
    ), [device.id]);
  });

  const legibility = records.map((d) => {
    const displays = dataFacts(d.id).displayedOn.map((id) => input.devices.get(id) as Device);
    const printers = dataFacts(d.id).printedOn.map((id) => input.devices.get(id) as Device);
    if (displays.length === 0 && printers.length === 0) {
      return line(false, t(`見読性: ${d.label}: 表示・印刷する情報流がない`, `legibility: ${d.label}: no flow displays or prints it`), [d.id]);
    }
    const ways = [
      ...(displays.length === 0 ? [] : [t(`${names(displays.map((x) => x.label)).ja}で表示`, `displayed on ${names(displays.map((x) => x.label)).en}`)]),
      ...(printers.length === 0 ? [] : [t(`${names(printers.map((x) => x.label)).ja}で印刷`, `printed on ${names(printers.map((x) => x.label)).en}`)]),
    ];
    return line(true, t(
      `見読性: ${d.label}: ${ways.map((w) => w.ja).join('、')}`,
      `legibility: ${d.label}: ${ways.map((w) => w.en).join('; ')}`,
    ), [d.id, ...displays.map((x) => x.id), ...printers.map((x) => x.id)]);
  });

  const unstored = records.filter((d) => dataFacts(d.id).storedOn.length === 0)
    .map((d) => line(false, t(`保存性: ${d.label}: 保存する機器がモデルにない`, `preservation: ${d.label}: no device stores it in the model`), [d.id]));
  const preservation = stores.map((device) => {
    const backups = backupsOf(device, input);
    return backups.length === 0
      ? line(false, t(`保存性: ${device.label}: バックアップの記載なし`, `preservation: ${device.label}: no backup recorded`), [device.id])
      : line(true, t(
        `保存性: ${device.label}: ${backups.map((b) => b.text.ja).join('、')}`,
        `preservation: ${device.label}: ${backups.map((b) => b.text.en).join('; ')}`,
      ), [device.id, ...backups.flatMap((b) => b.ids)]);
  });
  return { applicable: true, lines: [...authenticity, ...legibility, ...unstored, ...preservation] };
}

const ERASING: readonly Operation[] = ['erase', 'dispose'];

function termination(input: Input): Outcome {
  if (!input.model.system.phases.includes('termination')) {
    return { applicable: true, lines: [line(false, t(
      '契約終了フェーズがモデルにない（system.phases）: 返却・移管・破棄の手順と証跡を示せない',
      'the contract-termination phase is not modelled (system.phases): no procedure for return, transfer or destruction, nor its evidence, can be shown',
    ), [])] };
  }
  const ended = (device: Device): readonly Operation[] => deviceFacts(input, device.id).ended;
  const devices = input.model.devices.filter((d) => deviceFacts(input, d.id).keepsMedical || ended(d).length > 0);
  const deviceLines = devices.map((device) => {
    const done = ended(device);
    if (done.length === 0) {
      return line(false, t(
        `${device.label}: 契約終了時に返却・移管・消去・廃棄する情報流がない`,
        `${device.label}: no contract-termination flow returns, hands over, erases or disposes of its information`,
      ), [device.id]);
    }
    const words = t(done.map((o) => OPERATIONS[o].ja).join('・'), done.map((o) => OPERATIONS[o].en).join(', '));
    if (!done.some((o) => ERASING.includes(o))) return line(true, t(`${device.label}: ${words.ja}`, `${device.label}: ${words.en}`), [device.id]);
    return device.controls.includes('erasure-certificate')
      ? line(true, t(`${device.label}: ${words.ja}（消去証明あり）`, `${device.label}: ${words.en} (erasure certificate)`), [device.id])
      : line(false, t(`${device.label}: ${words.ja}、消去証明の記載なし`, `${device.label}: ${words.en}; no erasure certificate recorded`), [device.id]);
  });

  const endMedia = input.model.media.filter((m) => input.facts.media[m.id]?.endsAtTermination === true && input.facts.media[m.id]?.carriesMedical === true);
  const mediaLines = endMedia.flatMap((media) => {
    const to = { location: media.to, site: input.siteOf.get(media.to) };
    if (!to.site) return [];
    const ids = [media.id, to.site.id];
    if (to.site.owner === 'institution') {
      return [media.controls.includes('handover-record')
        ? line(true, t(`${media.label}（${to.site.label}へ返却）: 受け渡し記録あり`, `${media.label} (returned to ${to.site.label}): hand-over record`), ids)
        : line(false, t(`${media.label}（${to.site.label}へ返却）: 受け渡し記録の記載なし`, `${media.label} (returned to ${to.site.label}): no hand-over record recorded`), ids)];
    }
    const evidence = (['physical-destruction', 'erasure-certificate'] as const).filter((c) => media.controls.includes(c));
    const words = t(evidence.map((c) => MEDIA_CONTROLS[c].ja).join('・'), evidence.map((c) => MEDIA_CONTROLS[c].en).join(', '));
    return [evidence.length > 0
      ? line(true, t(`${media.label}（${to.site.label}で廃棄）: ${words.ja}`, `${media.label} (disposed of at ${to.site.label}): ${words.en}`), ids)
      : line(false, t(`${media.label}（${to.site.label}で廃棄）: 物理破壊・消去証明の記載なし`, `${media.label} (disposed of at ${to.site.label}): neither physical destruction nor erasure certificate recorded`), ids)];
  });

  // Backups kept at another site in operation must leave it at contract termination.
  const away = new Map(input.model.sites.flatMap((site) => input.facts.sites[site.id]?.backupsAway ?? []).map((c) => [c.media, c.site]));
  const awayLines = input.model.media.filter((m) => away.has(m.id)).map((media) => {
    const toSite = input.sites.get(away.get(media.id) as string) as Site;
    const outId = input.facts.media[media.id]?.takenOut ?? null;
    const out = outId === null ? undefined : input.media.get(outId);
    return out
      ? line(true, t(
        `${toSite.label}に保管した${media.label}: 契約終了時に${out.label}で搬出`,
        `${media.label} kept at ${toSite.label}: taken out at contract termination as ${out.label}`,
      ), [media.id, toSite.id, out.id])
      : line(false, t(
        `${toSite.label}に保管した${media.label}: 契約終了時に搬出・廃棄する媒体がない`,
        `${media.label} kept at ${toSite.label}: no medium takes it out or disposes of it at contract termination`,
      ), [media.id, toSite.id]);
  });

  const lines = [...deviceLines, ...mediaLines, ...awayLines];
  if (lines.length === 0) {
    return { applicable: false, lines: [line(null, t('医療情報を保存する機器・記憶媒体がモデルにない', 'no device or medium keeps medical information in the model'), [])] };
  }
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

/** The regulatory checklist of a model and its walk, in `lang`. */
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
  const items = CHECKLIST_ITEMS.map((spec): ChecklistItem => {
    const { applicable, lines } = spec.check(input);
    const status: ChecklistStatus = !applicable ? 'not-applicable' : lines.some((l) => l.ok === false) ? 'not-met' : 'met';
    return {
      id: spec.id,
      status,
      elements: [...new Set(lines.flatMap((l) => l.ids))].sort(compare),
      cells: {
        title: spec.title[lang],
        requirement: spec.requirement[lang],
        status: STATUS_WORDS[status][lang],
        evidence: lines.map((l) => l.text[lang]),
        reference: spec.reference[lang],
      },
    };
  });
  const counts: Record<ChecklistStatus, number> = { met: 0, 'not-met': 0, 'not-applicable': 0 };
  for (const item of items) counts[item.status] += 1;
  return { lang, items, counts };
}
