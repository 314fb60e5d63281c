// npm run bench (after bench/diagram.mjs): what the risk walk costs on a large model, parse -> scored risks,
// against a bare yaml.parse of the same file measured in the same run.
//   yaml.parse(text)            the peer: the yaml library turning the same text into plain data, nothing else
//   koseizu, in process         loadModel -> walk -> assess(BUILTIN_RULES) -> risks, after a warm-up, and each stage
//   loadModel, split            read, parseYaml, checkStructure (schema), resolveModel, as loadModel runs them
//   assess, by rule             each rule's check over the segments it reads, called outside the engine
//   cold, fresh process         `node -e` importing dist/ and running the pipeline once (the CLI-like number),
//                               `node -e` importing yaml and parsing the file (its peer), peak RSS of both
// on a generated model of 1,000 devices and 3,000 flows (BENCH_DEVICES, BENCH_FLOWS change them), about 14,000
// devices on the flows' paths together (paths are 1 to 6 devices, 4.6 on average; docs/dsl.md, Limits: at most
// 3,000 devices, 3,000 flows and 15,000 path steps). The model is deterministic (a seeded PRNG) and goes
// to a temporary folder that is removed. The run fails only when the model does not validate or a child
// crashes; the targets print PASS or MISS: numbers are for people and the notes.
//
// Environment: BENCH_RUNS (timed runs in process, default 15; cold runs are a third of it, at least 3; a slow
// pipeline stops after 3 once 90 s of runs are spent), BENCH_KEEP=1 (keep the temporary folder with the model),
// BENCH_PROFILE=1 (one more cold run under `node --cpu-prof`, and its hot spots).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failure, mb, median, ms, prng, ratio, section, table, targets } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const dist = pathToFileURL(join(root, 'dist')).href;
const GNU_TIME = '/usr/bin/time';
const DEVICES = Number.parseInt(process.env.BENCH_DEVICES ?? "", 10) || 1000;
const FLOWS = Number.parseInt(process.env.BENCH_FLOWS ?? "", 10) || 3000;
const SEED = 3000;
const RUNS_OVERRIDE = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
const RUNS = RUNS_OVERRIDE > 0 ? RUNS_OVERRIDE : 15;
const WARMUP = 3;
const COLD_RUNS = Math.max(3, Math.round(RUNS / 3));
const SPLIT_RUNS = Math.max(3, Math.round(RUNS / 3));
/** Issue 15's targets on the 1,000-device / 3,000-flow model: the pipeline under 0.5 s warm, within 8x of js-yaml's parse of the file. */
const TARGET_MS = 500;
const TARGET_JS_YAML = 8;
/** A cold run, spawn to exit, within this multiple of a cold node + yaml.parse of the same file. */
const TARGET_RATIO = 3;
/** Past this many ms of timed runs (and at least 3 of them), a slow pipeline stops being timed again. */
const BUDGET_MS = 90_000;
/** A pipeline slower than this is far off every target: it gets one warm-up and one timed run, one cold run. */
const SLOW_MS = 10_000;

// ---- Small helpers (the shared ones are in bench/lib.mjs) ----

const share = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${((a / b) * 100).toFixed(0)}%` : '-');
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Wall time of `fn` in ms, and its value. */
function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

// ---- The generated model ----
// A regional hospital group on one cloud EHR provider: six institutions (three hospitals with on-premises
// PACS and a local EHR server, three clinics), a primary and a disaster-recovery data centre, an external
// laboratory, a maintenance vendor and a regional health-information network, an off-site vault and a
// disposal contractor. Every endpoint hangs off its room's floor switch (tablets and phones through the
// room's wireless AP), floor switches off the site's gateway, gateways reach the data centres over an
// IPsec VPN (one clinic's without IKE) or a closed network, the vendor and the regional network over the
// internet. Flows are drawn from templates that each follow real links; every path is checked hop by hop.
// The institutions' outpatient rooms and wards are drawn for 1,000 devices and scale with the device target
// (at least one of each where there are any), and before the round-robin over the rooms every endpoint kind
// gets one device in the first room that has it, so every template has something to pick from.

const INSTITUTIONS = [
  { id: 'central-hospital', label: '中央総合病院', region: '東京', hospital: true, outpatient: 8, wards: 10 },
  { id: 'north-medical-center', label: '北部医療センター', region: '埼玉', hospital: true, outpatient: 6, wards: 6 },
  { id: 'south-hospital', label: '南部市民病院', region: '神奈川', hospital: true, outpatient: 4, wards: 4 },
  { id: 'east-clinic', label: '東診療所', region: '千葉', hospital: false, outpatient: 2, wards: 0 },
  { id: 'west-clinic', label: '西クリニック', region: '東京', hospital: false, outpatient: 2, wards: 0, legacyVpn: true },
  { id: 'branch-clinic', label: '附属分院クリニック', region: '神奈川', hospital: false, outpatient: 3, wards: 0 },
];
const DATA_CENTRES = [
  { id: 'primary-dc', label: '電子カルテ事業者 東京データセンター（本番）', region: '東京' },
  { id: 'dr-dc', label: '電子カルテ事業者 大阪データセンター（災害対策）', region: '大阪' },
];

/** Endpoint kinds: device kind, label, count range, auth, how it connects (lan / wlan), protocol and TLS, controls. */
const ENDPOINTS = {
  'ehr-terminal': { kind: 'terminal', label: '電子カルテ端末', count: [1, 6], auth: '[password, ic-card]', protocol: 'https', tls: '1.3', controls: '[screen-lock, privacy-filter, antivirus]' },
  'billing-terminal': { kind: 'terminal', label: '医事会計端末', count: [2, 8], auth: 'password', protocol: 'https', tls: '1.2', controls: '[screen-lock, antivirus]' },
  'reception-terminal': { kind: 'terminal', label: '受付端末', count: [1, 3], auth: 'password', protocol: 'https', tls: '1.2' },
  'pharmacy-terminal': { kind: 'terminal', label: '調剤支援端末', count: [1, 3], auth: '[password, ic-card]', protocol: 'https', tls: '1.2' },
  'dept-terminal': { kind: 'terminal', label: '検査部門システム端末', count: [1, 4], auth: 'password', protocol: 'hl7' },
  'viewer-terminal': { kind: 'terminal', label: '画像参照端末（読影用）', count: [1, 4], auth: '[password, ic-card]', protocol: 'dicom' },
  'intake-tablet': { kind: 'tablet', label: '問診用タブレット', count: [2, 6], auth: 'none', via: 'wlan', protocol: 'https', tls: '1.2', controls: '[mdm, auto-logout]' },
  'nurse-tablet': { kind: 'tablet', label: '看護師用タブレット', count: [4, 16], auth: '[pin, certificate]', via: 'wlan', protocol: 'https', tls: '1.3', controls: '[mdm, remote-wipe]' },
  'doctor-phone': { kind: 'smartphone', label: '医師用スマートフォン', count: [3, 12], auth: '[pin, certificate]', via: 'wlan', protocol: 'https', tls: '1.3', controls: '[mdm]' },
  'office-printer': { kind: 'printer', label: '帳票プリンタ', protocol: 'ipp' },
  'reception-printer': { kind: 'printer', label: '受付プリンタ', protocol: 'ipp' },
  'rx-printer': { kind: 'printer', label: '処方箋プリンタ', protocol: 'ipp', controls: '[print-log]' },
  'ward-printer': { kind: 'printer', label: '病棟プリンタ', protocol: 'ipp', controls: '[secure-print]' },
  'label-printer': { kind: 'printer', label: 'ラベルプリンタ（検体用）', protocol: 'ipp' },
  'ct-scanner': { kind: 'medical-device', label: 'CT装置', protocol: 'dicom' },
  'mri-scanner': { kind: 'medical-device', label: 'MRI装置', protocol: 'dicom' },
  ultrasound: { kind: 'medical-device', label: '超音波診断装置', protocol: 'dicom' },
  'vital-monitor': { kind: 'medical-device', label: '生体情報モニタ', protocol: 'hl7' },
  'lab-analyzer': { kind: 'medical-device', label: '臨床検査分析装置', protocol: 'hl7' },
};

/** The device target the institutions' room counts are drawn for; other targets scale them. */
const ROOMS_DRAWN_FOR = 1000;

/** Rooms of an institution, `scale` times its outpatient rooms and wards: [id part, label, endpoint pool, public?, wireless?]. */
function roomsOf(inst, scale) {
  const outpatient = Math.max(1, Math.round(inst.outpatient * scale));
  const wards = inst.wards > 0 ? Math.max(1, Math.round(inst.wards * scale)) : 0;
  const rooms = [
    ['medical-office', '医事課事務室', ['billing-terminal', 'office-printer', 'billing-terminal']],
    ['reception', '受付・待合ロビー', ['intake-tablet', 'reception-terminal', 'reception-printer'], true, true],
  ];
  for (let i = 1; i <= outpatient; i++) rooms.push([`outpatient-${i}`, `外来診察室${i}`, ['ehr-terminal', 'rx-printer', 'ehr-terminal', 'ultrasound']]);
  for (let i = 1; i <= wards; i++) rooms.push([`ward-${i}`, `${i + 1}階病棟ナースステーション`, ['ehr-terminal', 'nurse-tablet', 'vital-monitor', 'doctor-phone', 'ward-printer', 'vital-monitor'], false, true]);
  if (inst.hospital) {
    rooms.push(['radiology', '放射線科撮影室', ['ct-scanner', 'viewer-terminal', 'mri-scanner', 'viewer-terminal']]);
    rooms.push(['clinical-lab', '臨床検査室', ['lab-analyzer', 'dept-terminal', 'label-printer']]);
    rooms.push(['pharmacy', '薬剤部調剤室', ['pharmacy-terminal', 'rx-printer']]);
  }
  return rooms;
}

/** DC application servers: [family, label, how many, database family or null, exposure]. */
const DC_SERVERS = [
  ['ehr', '電子カルテAPサーバ', 6, 'ehr', null],
  ['billing', '医事会計APサーバ', 4, 'billing', null],
  ['order', 'オーダリングサーバ', 3, 'order', null],
  ['web', '連携Webサーバ', 4, 'web', 'internet'],
  ['hl7', '部門連携サーバ（HL7）', 2, 'order', null],
  ['pacs', 'PACS画像サーバ', 2, null, null],
];
const DC_DATABASES = [['ehr', '電子カルテDB', 2], ['billing', '医事会計DB', 2], ['order', 'オーダDB', 1], ['web', '連携DB', 1]];

const ACTORS = [
  ['patient', '患者', 'public'], ['doctor', '医師', 'institution'], ['nurse', '看護師', 'institution'],
  ['clerk', '医事課職員', 'institution'], ['radiographer', '診療放射線技師', 'institution'],
  ['lab-technologist', '臨床検査技師', 'institution'], ['pharmacist', '薬剤師', 'institution'],
  ['operator', '事業者の運用担当者', 'provider'], ['devops', '事業者の開発・保守要員', 'provider'],
  ['lab-staff', '検査センター職員', 'third-party'], ['vendor-engineer', '保守委託先の技術者', 'third-party'],
  ['regional-staff', '連携先医療機関の職員', 'third-party'], ['courier', '委託運送業者', 'third-party'],
  ['disposal-vendor', '廃棄事業者の作業員', 'third-party'],
];
const DATA = [
  ['patient-info', '患者基本情報', 'medical', null, null],
  ['orders', 'オーダ', 'medical', null, null],
  ['test-results', '検査結果', 'medical', null, null],
  ['records', '診療録/診療諸記録', 'medical', 'record', '5y', true],
  ['claims', 'レセプト', 'medical', 'document', '3y', true],
  ['prescriptions', '処方箋', 'medical', 'document', '3y', true],
  ['images', '医用画像（DICOM）', 'medical', 'record', '5y'],
  ['referral-letters', '紹介状', 'medical', 'document', null],
  ['backup-data', 'バックアップデータ', 'medical', 'backup', '5y'],
  ['app-log', 'アプリケーションログ', 'may-contain-medical', 'log', '5y'],
  ['audit-log', 'アクセスログ', 'may-contain-medical', 'log', '5y'],
  ['monitoring-data', '稼働監視データ', 'may-contain-medical', 'other', '1y'],
  ['source-code', 'プログラム', 'other', 'code', null],
  ['system-config', '機器・OS・ミドルウェアの設定情報', 'other', 'config', null],
  ['test-data', 'テストデータ（ダミー）', 'other', null, null],
];

/** A model of about `deviceTarget` devices and exactly `flowTarget` flows, as YAML text, with its counts. */
function generateModel(deviceTarget, flowTarget, seed, operations) {
  const rand = prng(seed);
  const pick = (list) => {
    if (list.length === 0) throw new Error('generator: nothing to pick from');
    return list[Math.floor(rand() * list.length)];
  };
  /** 1..n distinct items of `list`, in list order. */
  const some = (list, min = 1) => {
    const n = min + Math.floor(rand() * (list.length - min + 1));
    const chosen = new Set();
    while (chosen.size < n) chosen.add(pick(list));
    return list.filter((x) => chosen.has(x));
  };
  const between = ([lo, hi]) => lo + Math.floor(rand() * (hi - lo + 1));
  const q = (s) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

  const sites = [];
  const locations = [];
  const devices = [];
  const networks = [];
  const links = [];
  const media = [];
  const flows = [];
  const adjacency = new Map();

  const site = (id, label, owner, region, controls) => {
    const s = { id, label, owner, region, controls };
    sites.push(s);
    return s;
  };
  const location = (s, part, label, extra = {}) => {
    const l = { id: `${s.id}-${part}`, label, site: s, ...extra };
    locations.push(l);
    return l;
  };
  const counters = new Map();
  /** A device: ids are "<part>-<n>", numbered per part across the model, as people number their equipment. */
  const device = (part, kind, label, loc, fields = '') => {
    const n = (counters.get(part) ?? 0) + 1;
    counters.set(part, n);
    const d = { id: `${part}-${n}`, label: `${label}-${n}`, part, kind, loc, fields, order: devices.length };
    devices.push(d);
    return d;
  };
  const network = (id, label, kind, fields = '') => {
    networks.push({ id, label, kind, fields });
    return id;
  };
  const link = (a, b, net, protocol, tls) => {
    if (adjacency.get(a.id)?.has(b.id)) return;
    links.push({ from: a.id, to: b.id, network: net, protocol, tls });
    for (const [x, y] of [[a, b], [b, a]]) {
      if (!adjacency.has(x.id)) adjacency.set(x.id, new Set());
      adjacency.get(x.id).add(y.id);
    }
  };

  // Shared networks.
  const dcVpn = network('dc-vpn', '医療機関-DC間 IPsec-VPN', 'ipsec-vpn', 'ike: true, auth: certificate');
  const legacyVpn = network('legacy-vpn', '旧型VPNルータによる拠点間VPN', 'ipsec-vpn', 'ike: false, auth: password');
  const drNet = network('dr-closed-net', '災害対策DC接続用閉域網', 'closed-network');
  const interconnect = network('dc-interconnect', 'DC間接続閉域網', 'closed-network');
  const labNet = network('lab-closed-net', '検査センター接続用閉域網', 'closed-network');
  const internet = network('internet', 'インターネット', 'internet');

  // Data centres.
  const dcs = DATA_CENTRES.map((spec, i) => {
    const s = site(spec.id, spec.label, 'provider', spec.region, '[third-party-certification, redundant-power, seismic-design, security-guard]');
    const hall = location(s, 'server-hall', 'サーバルーム（本番系）', { controls: '[locked, entry-control, entry-log, cctv, fire-suppression, ups]' });
    const noc = location(s, 'noc', '運用監視センター', { controls: '[entry-control, staffed-always]' });
    const devRoom = location(s, 'dev-room', '開発・保守室', { controls: '[entry-control, entry-log]' });
    const backupRoom = location(s, 'backup-room', 'バックアップ媒体保管室', { controls: '[locked, entry-log]' });
    const lan = network(`${s.id}-lan`, `${spec.label} 内部LAN`, 'lan');
    const devLan = network(`${s.id}-dev-lan`, `${spec.label} 開発用LAN`, 'lan');
    const fw = device('dc-firewall', 'firewall', 'DCファイアウォール', hall, 'controls: [hardening, ids-ips, monitoring]');
    const logs = [1, 2].map(() => device('log-server', 'log-server', '統合ログサーバ', hall, 'controls: [access-control, log-integrity, time-sync]'));
    const backups = [1, 2].map(() => device('backup-storage', 'storage', 'バックアップストレージ', backupRoom, 'roles: [backup, store], controls: [encryption-at-rest, offsite-backup]'));
    const dbs = {};
    for (const [family, label, n] of DC_DATABASES) {
      dbs[family] = Array.from({ length: n }, () => device(`${family}-db`, 'database', label, hall, 'env: production, controls: [access-control, encryption-at-rest, backup, audit-log]'));
      dbs[family].forEach((db, k) => link(db, backups[k % backups.length], lan, 'nfs'));
    }
    const imageStores = [1, 2].map(() => device('image-storage', 'storage', '画像アーカイブストレージ', hall, 'controls: [encryption-at-rest, redundancy]'));
    const servers = {};
    for (const [family, label, n, dbFamily, exposure] of DC_SERVERS) {
      servers[family] = Array.from({ length: n }, (_, k) => {
        const controls = k % 3 === 0 ? '[access-control, input-validation, patch-management, edr, audit-log]' : '[access-control, patch-management]';
        const srv = device(`${family}-server`, 'server', label, hall, `env: production${exposure ? `, exposure: ${exposure}` : ''}, controls: ${controls}`);
        link(fw, srv, lan, 'https', k % 2 === 0 ? '1.3' : '1.2');
        srv.log = logs[k % logs.length];
        link(srv, srv.log, lan, 'syslog');
        if (dbFamily) {
          srv.db = dbs[dbFamily][k % dbs[dbFamily].length];
          link(srv, srv.db, lan, 'sql', k % 2 === 0 ? '1.2' : undefined);
        } else {
          srv.db = imageStores[k % imageStores.length];
          link(srv, srv.db, lan, 'dicom');
        }
        return srv;
      });
    }
    const nocRouter = device('noc-switch', 'router', '運用監視LANスイッチ', noc);
    link(nocRouter, fw, lan);
    const nocTerms = [1, 2, 3, 4].map(() => device('noc-terminal', 'terminal', '運用監視端末', noc, `count: ${between([2, 6])}, auth: [password, hardware-token], controls: [screen-lock, usb-blocked]`));
    nocTerms.forEach((t) => link(t, nocRouter, lan, 'https', '1.3'));
    const devRouter = device('dev-switch', 'router', '開発LANスイッチ', devRoom);
    link(devRouter, fw, devLan, 'ssh');
    const devTerms = [1, 2, 3, 4].map(() => device('dev-terminal', 'terminal', '開発・保守端末', devRoom, `count: ${between([2, 8])}, auth: [password, hardware-token], controls: [screen-lock, antivirus, usb-blocked]`));
    devTerms.forEach((t) => link(t, devRouter, devLan, 'ssh'));
    const devServers = [1, 2].map(() => device('dev-server', 'server', '電子カルテサーバ（開発環境）', hall, 'env: development, roles: [process, store], controls: [access-control]'));
    const testServers = [1, 2].map(() => device('test-server', 'server', '電子カルテサーバ（テスト環境）', hall, 'env: test, roles: [process, store], controls: [access-control]'));
    for (const d of devServers) link(d, devRouter, devLan, 'ssh');
    for (const t of testServers) link(t, devRouter, devLan, 'ssh');
    for (const d of devServers) for (const t of testServers) link(d, t, devLan, 'sftp');
    return { index: i, site: s, hall, noc, devRoom, backupRoom, lan, fw, logs, backups, dbs, imageStores, servers, nocRouter, nocTerms, devRouter, devTerms, devServers, testServers };
  });
  const [dc1, dc2] = dcs;
  link(dc1.fw, dc2.fw, interconnect);
  link(dc1.dbs.ehr[0], dc2.dbs.ehr[0], interconnect, 'sql', '1.3');

  // Third parties.
  const labSite = site('lab-center', '外部検査センター（受託臨床検査）', 'third-party', '埼玉', '[third-party-certification]');
  const labGateRoom = location(labSite, 'gateway-room', '接続用機械室', { controls: '[locked]' });
  const labRoom = location(labSite, 'specimen-lab', '検体受付・検査室');
  const reportRoom = location(labSite, 'report-room', '報告書作成室');
  const labLan = network('lab-lan', '検査センター所内LAN', 'lan');
  const labGw = device('lab-gateway', 'router', '検査センター接続ルータ', labGateRoom, 'controls: [hardening]');
  link(labGw, dc1.fw, labNet, 'hl7');
  const labSystems = [1, 2, 3].map(() => device('lab-system', 'external-system', '検査センター受付システム', labRoom, 'owner: third-party, auth: password'));
  const labTerms = [1, 2, 3, 4, 5].map((k) => device('lab-terminal', 'terminal', '検査報告端末', k <= 3 ? labRoom : reportRoom, `count: ${between([1, 4])}, auth: password`));
  const labPrinters = [1, 2, 3].map(() => device('lab-printer', 'printer', '検査報告書プリンタ', reportRoom));
  for (const d of [...labSystems, ...labTerms, ...labPrinters]) link(d, labGw, labLan, d.kind === 'printer' ? 'ipp' : 'hl7');

  const vendorSite = site('maint-vendor', '保守委託先（システム保守会社）', 'third-party', '大阪');
  const vendorRoom = location(vendorSite, 'support-office', 'リモート保守センター', { controls: '[entry-control]' });
  const vendorLan = network('vendor-lan', '保守委託先 社内LAN', 'lan');
  const vendorRouter = device('vendor-router', 'router', '保守委託先ルータ', vendorRoom);
  link(vendorRouter, dc1.fw, internet, 'https', '1.3');
  link(vendorRouter, dc2.fw, internet, 'https', '1.2');
  const maintTerms = [1, 2, 3, 4, 5, 6].map(() => device('maint-terminal', 'terminal', 'リモート保守端末', vendorRoom, `count: ${between([1, 3])}, auth: [password, otp]`));
  maintTerms.forEach((t) => link(t, vendorRouter, vendorLan, 'ssh'));

  const regionalSite = site('regional-hub', '地域医療連携ネットワーク運営事務局', 'third-party', '東京');
  const regionalRoom = location(regionalSite, 'hub-room', '連携サーバ室', { controls: '[locked, entry-log]' });
  const regionalLan = network('regional-lan', '地域連携 事務局LAN', 'lan');
  const regionalRouter = device('regional-router', 'router', '地域連携ルータ', regionalRoom);
  link(regionalRouter, dc1.fw, internet, 'https', '1.2');
  const regionalSystems = [1, 2, 3, 4].map(() => device('regional-system', 'external-system', '地域医療連携システム', regionalRoom, 'owner: third-party, auth: [password, certificate]'));
  regionalSystems.forEach((r) => link(r, regionalRouter, regionalLan, 'https', '1.2'));

  const vaultSite = site('offsite-vault', '遠隔地保管庫（媒体保管業者）', 'third-party', '北海道', '[seismic-design, security-guard]');
  const vault = location(vaultSite, 'vault-room', '媒体保管室', { controls: '[locked, entry-log, cctv]' });
  const disposalSite = site('disposal-contractor', '廃棄事業者', 'third-party', '千葉');
  const shredder = location(disposalSite, 'shredding-facility', '破砕施設', { controls: '[entry-control, cctv]' });

  // Institutions: the gateway, on-premises servers in hospitals, a floor switch per room, an AP in wireless rooms.
  const insts = INSTITUTIONS.map((spec) => {
    const s = site(spec.id, spec.label, 'institution', spec.region);
    const lan = network(`${s.id}-lan`, `${spec.label} 院内LAN`, 'lan');
    const wlan = spec.hospital
      ? network(`${s.id}-wlan`, `${spec.label} 業務用無線LAN`, 'wireless-lan', 'wlan-security: wpa2-enterprise, ieee8021x: true')
      : network(`${s.id}-wlan`, `${spec.label} 無線LAN`, 'wireless-lan', 'wlan-security: wpa2-personal, mac-filter: true, ieee8021x: false');
    const serverRoom = location(s, 'server-room', spec.hospital ? 'サーバ室' : '事務室（機器ラック）', { controls: '[locked]' });
    const gw = device('vpn-gateway', 'vpn-gateway', `${spec.label} VPNルータ`, serverRoom, 'controls: [hardening]');
    link(gw, dc1.fw, spec.legacyVpn ? legacyVpn : dcVpn);
    if (spec.hospital) link(gw, dc2.fw, drNet);
    let onPrem = null;
    if (spec.hospital) {
      const ehr = device('local-ehr-server', 'server', '院内電子カルテ連携サーバ', serverRoom, 'env: production, controls: [access-control, backup]');
      const db = device('local-db', 'database', '院内データベース', serverRoom, 'controls: [access-control, encryption-at-rest]');
      const pacs = device('local-pacs-server', 'server', '院内PACSサーバ', serverRoom, 'controls: [access-control]');
      const archive = device('local-image-archive', 'storage', '院内画像アーカイブ', serverRoom);
      const log = device('local-log-server', 'log-server', '院内ログサーバ', serverRoom, 'controls: [log-integrity]');
      link(ehr, gw, lan, 'https', '1.2');
      link(pacs, gw, lan, 'dicom');
      link(ehr, db, lan, 'sql');
      link(pacs, archive, lan, 'dicom');
      link(ehr, log, lan, 'syslog');
      link(pacs, log, lan, 'syslog');
      onPrem = { ehr, db, pacs, archive, log };
    }
    const rooms = roomsOf(spec, deviceTarget / ROOMS_DRAWN_FOR).map(([part, label, pool, isPublic, wireless]) => {
      const loc = location(s, part, label, isPublic ? { public: true } : {});
      const router = device('floor-switch', 'router', `フロアスイッチ（${label}）`, loc);
      link(router, gw, lan);
      const ap = wireless ? device('wireless-ap', 'wireless-ap', `無線アクセスポイント（${label}）`, loc) : null;
      if (ap) link(ap, router, lan);
      return { loc, router, ap, pool, next: 0 };
    });
    return { spec, site: s, lan, wlan, serverRoom, gw, onPrem, rooms };
  });

  // Endpoints: first one of every kind, in the first room whose pool has it (the first institution is a
  // hospital, as the hospital-only templates need), then one from each room's pool in turn, round-robin over
  // every room, until the model has its devices.
  const endpoints = Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, []]));
  const allRooms = insts.flatMap((inst) => inst.rooms.map((room) => ({ inst, room })));
  const firsts = Object.keys(ENDPOINTS).map((part) => {
    const at = allRooms.find(({ room }) => room.pool.includes(part));
    if (!at) throw new Error(`generator: no room has a place for ${part}`);
    return { ...at, part };
  });
  if (devices.length + firsts.length > deviceTarget) throw new Error(`generator: ${devices.length} fixed devices and ${firsts.length} endpoint kinds, more than ${deviceTarget}`);
  for (let i = 0; devices.length < deviceTarget; i++) {
    const { inst, room, part } = i < firsts.length
      ? firsts[i]
      : (({ inst, room }) => ({ inst, room, part: room.pool[room.next++ % room.pool.length] }))(allRooms[(i - firsts.length) % allRooms.length]);
    const e = ENDPOINTS[part];
    const fields = [
      e.count ? `count: ${between(e.count)}` : '',
      e.auth ? `auth: ${e.auth}` : '',
      e.controls ? `controls: ${e.controls}` : '',
    ].filter(Boolean).join(', ');
    const d = device(part, e.kind, e.label, room.loc, fields);
    Object.assign(d, { inst, room });
    if (e.via === 'wlan') link(d, room.ap, inst.wlan, e.protocol, e.tls);
    else link(d, room.router, inst.lan, e.protocol, e.tls);
    endpoints[part].push(d);
  }

  // ---- Flows ----
  /** From an endpoint to its site's gateway, following its links. */
  const uplink = (d) => (ENDPOINTS[d.part].via === 'wlan' ? [d, d.room.ap, d.room.router, d.inst.gw] : [d, d.room.router, d.inst.gw]);
  /** The data centre a flow of the institution reaches: hospitals fail over to the DR site now and then. */
  const dcFor = (inst) => (inst.spec.hospital && rand() < 0.15 ? dc2 : dc1);
  const volume = () => pick(['high', 'medium', 'low', null]);
  const hospitalOnly = (list) => list.filter((d) => d.inst.spec.hospital);
  const dcSite = (dc) => dc.site.id;

  // Each template: [name, phase, weight, make() -> { who, which, where?, what, how, path, volume? }].
  const TEMPLATES = [
    ['ehr-view', 'operation', 16, () => {
      const t = pick(endpoints['ehr-terminal']);
      const dc = dcFor(t.inst);
      const srv = pick(dc.servers.ehr);
      return { who: 'doctor', which: t, what: some(['patient-info', 'orders', 'test-results', 'records']), how: pick([['view', 'operate'], ['view'], ['input', 'edit'], ['create', 'edit']]), path: [...uplink(t), dc.fw, srv, srv.db], volume: volume() };
    }],
    ['local-ehr', 'operation', 5, () => {
      const t = pick(hospitalOnly(endpoints['ehr-terminal']));
      const { ehr, db } = t.inst.onPrem;
      return { who: pick(['doctor', 'nurse']), which: t, what: some(['patient-info', 'records', 'test-results']), how: pick([['view'], ['view', 'edit']]), path: [...uplink(t), ehr, db] };
    }],
    ['billing', 'operation', 10, () => {
      const t = pick([...endpoints['billing-terminal'], ...endpoints['reception-terminal']]);
      const srv = pick(dc1.servers.billing);
      return { who: 'clerk', which: t, what: some(['patient-info', 'claims']), how: pick([['input', 'edit'], ['view', 'operate'], ['create']]), path: [...uplink(t), dc1.fw, srv, srv.db], volume: pick(['high', 'medium']) };
    }],
    ['intake', 'operation', 5, () => {
      const t = pick(endpoints['intake-tablet']);
      return { who: 'patient', which: t, what: ['patient-info'], how: pick([['input'], ['view', 'input']]), path: [...uplink(t), dc1.fw, pick(dc1.servers.web)], volume: 'medium' };
    }],
    ['nurse-round', 'operation', 8, () => {
      const t = pick(endpoints['nurse-tablet']);
      const dc = dcFor(t.inst);
      return { who: 'nurse', which: t, what: some(['patient-info', 'records', 'orders']), how: pick([['view'], ['view', 'input']]), path: [...uplink(t), dc.fw, pick(dc.servers.ehr)], volume: volume() };
    }],
    ['phone-view', 'operation', 3, () => {
      const t = pick(endpoints['doctor-phone']);
      return { who: 'doctor', which: t, what: some(['patient-info', 'test-results', 'images']), how: ['view'], path: [...uplink(t), dc1.fw, pick(dc1.servers.ehr)], volume: 'low' };
    }],
    ['print', 'operation', 7, () => {
      const p = pick([...endpoints['office-printer'], ...endpoints['reception-printer'], ...endpoints['rx-printer'], ...endpoints['ward-printer']]);
      const [family, who, what] = p.part === 'rx-printer' ? ['order', 'doctor', ['prescriptions']]
        : p.part === 'ward-printer' ? ['ehr', 'nurse', some(['records', 'orders'])]
          : ['billing', 'clerk', some(['claims', 'patient-info'])];
      const srv = pick(dc1.servers[family]);
      return { who, which: p, what, how: ['print'], path: [srv.db, srv, dc1.fw, ...uplink(p).reverse()], volume: volume() };
    }],
    ['pharmacy', 'operation', 3, () => {
      const t = pick(endpoints['pharmacy-terminal']);
      const srv = pick(dc1.servers.order);
      return { who: 'pharmacist', which: t, what: some(['prescriptions', 'orders']), how: pick([['view', 'operate'], ['edit']]), path: [...uplink(t), dc1.fw, srv, srv.db] };
    }],
    ['imaging', 'operation', 5, () => {
      const m = pick([...endpoints['ct-scanner'], ...endpoints['mri-scanner']]);
      const { pacs, archive } = m.inst.onPrem;
      return { who: 'radiographer', which: m, what: ['images'], how: ['create', 'store'], path: [...uplink(m), pacs, archive], volume: 'high' };
    }],
    ['image-view', 'operation', 4, () => {
      const t = pick(endpoints['viewer-terminal']);
      if (rand() < 0.5) return { who: 'doctor', which: t, what: ['images'], how: ['view'], path: [...uplink(t), t.inst.onPrem.pacs] };
      const srv = pick(dc1.servers.pacs);
      return { who: 'doctor', which: t, what: ['images'], how: ['view'], path: [...uplink(t), dc1.fw, srv, srv.db] };
    }],
    ['vital', 'operation', 3, () => {
      const m = pick(endpoints['vital-monitor']);
      const { ehr, db } = m.inst.onPrem;
      return { who: 'nurse', which: m, what: ['test-results'], how: ['input', 'process'], path: [...uplink(m), ehr, db], volume: 'high' };
    }],
    ['bedside-scan', 'operation', 3, () => {
      const m = pick(endpoints.ultrasound);
      return { who: 'doctor', which: m, what: some(['images', 'patient-info']), how: ['view', 'create'], path: [m] };
    }],
    ['lab-analysis', 'operation', 3, () => {
      const m = pick(endpoints['lab-analyzer']);
      const srv = pick(dc1.servers.order);
      return { who: 'lab-technologist', which: m, what: ['test-results'], how: ['input', 'process'], path: [...uplink(m), dc1.fw, srv, srv.db], volume: 'high' };
    }],
    ['lab-dept', 'operation', 2, () => {
      const t = pick(endpoints['dept-terminal']);
      return { who: 'lab-technologist', which: t, what: some(['orders', 'test-results']), how: pick([['view'], ['view', 'edit']]), path: [...uplink(t), dc1.fw, pick(dc1.servers.hl7)] };
    }],
    ['label-print', 'operation', 2, () => {
      const p = pick(endpoints['label-printer']);
      const srv = pick(dc1.servers.order);
      return { who: 'lab-technologist', which: p, what: ['orders'], how: ['print'], path: [srv, dc1.fw, ...uplink(p).reverse()] };
    }],
    ['server-store', 'operation', 6, () => {
      const dc = pick(dcs);
      const family = pick(['ehr', 'billing', 'order']);
      const srv = pick(dc.servers[family]);
      const what = family === 'ehr' ? some(['orders', 'test-results', 'records']) : family === 'billing' ? some(['claims', 'prescriptions', 'patient-info']) : some(['orders', 'prescriptions']);
      const backup = [...adjacency.get(srv.db.id)].map((id) => byId.get(id)).find((d) => d.part === 'backup-storage');
      return { which: srv, where: dcSite(dc), what, how: ['create', 'store'], path: rand() < 0.5 ? [srv, srv.db, backup] : [srv, srv.db], volume: 'high' };
    }],
    ['pacs-store', 'operation', 2, () => {
      const dc = pick(dcs);
      const srv = pick(dc.servers.pacs);
      return { which: srv, where: dcSite(dc), what: ['images'], how: ['store'], path: [srv, srv.db], volume: 'high' };
    }],
    ['logging', 'operation', 5, () => {
      if (rand() < 0.25) {
        const inst = pick(insts.filter((x) => x.onPrem));
        const from = pick([inst.onPrem.ehr, inst.onPrem.pacs]);
        return { which: inst.onPrem.log, where: inst.site.id, what: ['audit-log'], how: ['store'], path: [from, inst.onPrem.log], volume: 'high' };
      }
      const dc = pick(dcs);
      const srv = pick(Object.values(dc.servers).flat());
      return { which: srv.log, where: dcSite(dc), what: some(['app-log', 'audit-log']), how: ['store'], path: [srv, srv.log], volume: 'high' };
    }],
    ['backup', 'operation', 3, () => {
      const dc = pick(dcs);
      const srv = pick(dc.servers.ehr);
      const backup = [...adjacency.get(srv.db.id)].map((id) => byId.get(id)).find((d) => d.part === 'backup-storage');
      return { who: 'operator', which: backup, where: dcSite(dc), what: ['backup-data'], how: ['backup'], path: [srv, srv.db, backup], volume: 'high' };
    }],
    ['replication', 'operation', 1, () => (
      { which: dc1.dbs.ehr[0], where: dcSite(dc1), what: ['records', 'backup-data'], how: ['transfer', 'store'], path: [dc1.dbs.ehr[0], dc2.dbs.ehr[0]], volume: 'high' }
    )],
    ['lab-order', 'operation', 4, () => {
      const ls = pick(labSystems);
      const srv = pick(dc1.servers.order);
      return { who: 'lab-staff', which: ls, what: some(['orders', 'test-results']), how: ['process'], path: [ls, labGw, dc1.fw, srv, srv.db], volume: 'medium' };
    }],
    ['lab-report', 'operation', 2, () => {
      const p = pick(labPrinters);
      return { who: 'lab-staff', which: p, what: ['test-results'], how: ['print'], path: [pick(dc1.servers.order), dc1.fw, labGw, p] };
    }],
    ['lab-entry', 'operation', 2, () => {
      const t = pick(labTerms);
      return { who: 'lab-staff', which: t, what: ['test-results'], how: ['view', 'input'], path: [t, labGw, dc1.fw, pick(dc1.servers.hl7)] };
    }],
    ['regional-view', 'operation', 3, () => {
      const r = pick(regionalSystems);
      const srv = pick(dc1.servers.web);
      return { who: 'regional-staff', which: r, what: some(['patient-info', 'test-results', 'referral-letters']), how: ['view'], path: [r, regionalRouter, dc1.fw, srv, srv.db], volume: 'low' };
    }],
    ['noc-watch', 'operation', 3, () => {
      const dc = pick(dcs);
      const t = pick(dc.nocTerms);
      const srv = pick(Object.values(dc.servers).flat());
      return rand() < 0.5
        ? { who: 'operator', which: t, what: ['monitoring-data'], how: ['view'], path: [t, dc.nocRouter, dc.fw, srv] }
        : { who: 'operator', which: t, what: some(['monitoring-data', 'app-log']), how: ['view', 'operate'], path: [t, dc.nocRouter, dc.fw, srv, srv.log] };
    }],
    ['develop', 'development', 5, () => {
      const dc = pick(dcs);
      const t = pick(dc.devTerms);
      return { who: 'devops', which: t, what: some(['source-code', 'system-config']), how: ['develop'], path: [t, dc.devRouter, pick(dc.devServers)] };
    }],
    ['test', 'development', 4, () => {
      const dc = pick(dcs);
      const t = pick(dc.devTerms);
      return { who: 'devops', which: t, what: ['test-data', 'source-code'], how: ['test'], path: [t, dc.devRouter, pick(dc.testServers)] };
    }],
    ['release', 'development', 2, () => {
      const dc = pick(dcs);
      const d = pick(dc.devServers);
      return { who: 'devops', which: d, where: dcSite(dc), what: ['source-code'], how: ['transfer'], path: [d, pick(dc.testServers)] };
    }],
    ['prod-maint', 'development', 3, () => {
      const dc = pick(dcs);
      const t = pick(dc.devTerms);
      const srv = pick(dc.servers.ehr);
      return { who: 'devops', which: t, what: ['system-config', 'patient-info'], how: ['maintain'], path: [t, dc.devRouter, dc.fw, srv, srv.db], volume: 'low' };
    }],
    ['vendor-maint', 'development', 2, () => {
      const dc = pick(dcs);
      const t = pick(maintTerms);
      return { who: 'vendor-engineer', which: t, what: ['system-config'], how: ['maintain'], path: [t, vendorRouter, dc.fw, pick(Object.values(dc.servers).flat())], volume: 'low' };
    }],
    ['data-return', 'termination', 3, () => {
      const t = pick(endpoints['billing-terminal']);
      const srv = pick(dc1.servers.ehr);
      return { who: 'operator', which: srv, what: some(['records', 'patient-info', 'claims']), how: ['export', 'return'], path: [srv.db, srv, dc1.fw, ...uplink(t).reverse()], volume: 'high' };
    }],
    ['migrate', 'termination', 1, () => {
      const srv1 = dc1.servers.ehr[0];
      const srv2 = dc2.servers.ehr[0];
      return { who: 'operator', which: srv1, what: ['records', 'patient-info'], how: ['migrate'], path: [srv1.db, srv1, dc1.fw, dc2.fw, srv2, srv2.db], volume: 'high' };
    }],
    ['erase', 'termination', 4, () => {
      const dc = pick(dcs);
      const srv = pick([...dc.servers.ehr, ...dc.servers.billing]);
      const backup = [...adjacency.get(srv.db.id)].map((id) => byId.get(id)).find((d) => d.part === 'backup-storage');
      return rand() < 0.5
        ? { who: 'operator', which: srv.db, what: some(['records', 'patient-info', 'claims', 'backup-data']), how: ['erase'], path: [srv.db, backup] }
        : { who: 'operator', which: srv, what: some(['records', 'patient-info']), how: ['erase'], path: [srv, srv.db] };
    }],
    ['log-erase', 'termination', 2, () => {
      const dc = pick(dcs);
      const log = pick(dc.logs);
      return { who: 'operator', which: log, what: some(['app-log', 'audit-log']), how: ['erase'], path: [log] };
    }],
    ['dispose', 'termination', 2, () => {
      const dc = pick(dcs);
      const b = pick(dc.backups);
      return { who: 'operator', which: b, what: ['backup-data'], how: ['dispose'], path: [b] };
    }],
    ['test-erase', 'termination', 1, () => {
      const dc = pick(dcs);
      const t = pick(dc.testServers);
      return { who: 'devops', which: t, what: ['test-data'], how: ['erase'], path: [t] };
    }],
  ];

  const byId = new Map(devices.map((d) => [d.id, d]));
  const actorLabel = new Map(ACTORS.map(([id, label]) => [id, label]));
  const dataLabel = new Map(DATA.map(([id, label]) => [id, label]));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const totalWeight = TEMPLATES.reduce((n, t) => n + t[2], 0);
  let assigned = 0;
  const quotas = TEMPLATES.map((t, i) => {
    const n = i === TEMPLATES.length - 1 ? flowTarget - assigned : Math.round((t[2] / totalWeight) * flowTarget);
    assigned += n;
    return n;
  });
  const PHASE_ORDER = ['development', 'operation', 'termination'];
  const order = TEMPLATES.map((t, i) => i).sort((a, b) => PHASE_ORDER.indexOf(TEMPLATES[a][1]) - PHASE_ORDER.indexOf(TEMPLATES[b][1]) || a - b);
  for (const i of order) {
    const [name, phase, , make] = TEMPLATES[i];
    for (let n = 1; n <= quotas[i]; n++) {
      const f = make();
      const id = `${name}-${n}`;
      // The generator checks what the resolver checks, so a mistake here is found here.
      if (f.path.length < 1 || f.path.length > 6) throw new Error(`generator: ${id} has a path of ${f.path.length} devices`);
      if (new Set(f.path).size !== f.path.length) throw new Error(`generator: ${id} visits a device twice`);
      for (let k = 1; k < f.path.length; k++) {
        if (!adjacency.get(f.path[k - 1].id)?.has(f.path[k].id)) throw new Error(`generator: ${id}: no link ${f.path[k - 1].id} -- ${f.path[k].id}`);
      }
      if (!f.path.includes(f.which)) throw new Error(`generator: ${id}: which ${f.which.id} is not on its path`);
      const where = f.where ?? f.which.loc.id;
      if (where !== f.which.loc.id && where !== f.which.loc.site.id) throw new Error(`generator: ${id}: where ${where} is not where ${f.which.id} is`);
      const place = siteById.get(where)?.label ?? `${f.which.loc.site.label}の${f.which.loc.label}`;
      const what = f.what.map((d) => dataLabel.get(d)).join('・');
      const how = f.how.map((o) => operations[o].ja).join('・');
      const label = f.who
        ? `${actorLabel.get(f.who)}が${place}の${f.which.label}で${what}を${how}する`
        : `${place}の${f.which.label}で${what}を${how}する`;
      flows.push({ id, label, phase, ...f, where, volume: f.volume ?? null });
    }
  }

  // Media transports: backup tapes to the vault and to the DR site, return disks at contract end, the
  // vault's tapes to the shredder, paper and discs that patients and couriers carry, the vendor's USB memory.
  const mediaOf = (id, label, kind, from, to, carrier, data, phases, encrypted, controls) => media.push({ id, label, kind, from, to, carrier, data, phases, encrypted, controls });
  for (const dc of dcs) mediaOf(`backup-tape-${dc.site.id}`, 'バックアップテープ', 'tape', dc.backupRoom, vault, 'courier', ['backup-data'], ['operation'], true, '[locked-case, handover-record, media-inventory]');
  mediaOf('dr-tape', '災害対策用バックアップテープ', 'tape', dc1.backupRoom, dc2.backupRoom, 'courier', ['backup-data'], ['operation'], true, '[locked-case, tracking]');
  mediaOf('tape-disposal', '廃棄するバックアップテープ', 'tape', vault, shredder, 'disposal-vendor', ['backup-data'], ['termination'], true, '[physical-destruction, erasure-certificate]');
  insts.forEach((inst, i) => {
    const office = inst.rooms[0].loc;
    mediaOf(`return-disk-${inst.site.id}`, '返却用データ媒体', 'external-hdd', dc1.hall, office, 'operator', ['records', 'patient-info', 'claims'], ['termination'], true, '[handover-record]');
    if (inst.spec.hospital) {
      const next = insts[(i + 1) % insts.length];
      const outpatient = inst.rooms.find((r) => r.loc.id.endsWith('outpatient-1')).loc;
      mediaOf(`referral-${inst.site.id}`, '紹介状（紙）', 'paper', outpatient, next.rooms[1].loc, 'patient', ['referral-letters'], ['operation'], false);
      const radiology = inst.rooms.find((r) => r.loc.id.endsWith('radiology')).loc;
      mediaOf(`image-cd-${inst.site.id}`, '画像データCD（患者持参用）', 'optical-disc', radiology, next.rooms[1].loc, 'patient', ['images'], ['operation'], false);
    }
  });
  const labRoomOf = insts[0].rooms.find((r) => r.loc.id.endsWith('clinical-lab')).loc;
  mediaOf('lab-report-paper', '検査結果報告書（紙）', 'paper', reportRoom, labRoomOf, 'courier', ['test-results'], ['operation'], false, '[handover-record]');
  mediaOf('maint-usb', '保守用USBメモリ', 'usb-memory', vendorRoom, dc1.hall, 'vendor-engineer', ['system-config'], ['development'], true);

  // ---- YAML ----
  const y = [];
  y.push(`# Generated by bench/threats.mjs (seed ${seed}): a deterministic model for the risk-walk benchmark.`);
  y.push('koseizu: 1');
  y.push(`system: {id: bench-threats, title: ${q(`ベンチマーク用 地域医療グループ クラウド型電子カルテ（機器${deviceTarget}台・情報流${flowTarget}件）`)}, provider: ${q('クラウド型電子カルテ事業者')}, forms: [application], phases: [development, operation, termination], lang: ja}`);
  y.push('sites:');
  for (const s of sites) y.push(`  - {id: ${s.id}, label: ${q(s.label)}, owner: ${s.owner}, country: JP, region: ${q(s.region)}${s.controls ? `, controls: ${s.controls}` : ''}}`);
  y.push('locations:');
  for (const l of locations) y.push(`  - {id: ${l.id}, label: ${q(l.label)}, site: ${l.site.id}${l.public ? ', public: true' : ''}${l.controls ? `, controls: ${l.controls}` : ''}}`);
  y.push('actors:');
  for (const [id, label, org] of ACTORS) y.push(`  - {id: ${id}, label: ${q(label)}, org: ${org}}`);
  y.push('data:');
  for (const [id, label, cls, kind, retention, legal] of DATA) y.push(`  - {id: ${id}, label: ${q(label)}, class: ${cls}${kind ? `, kind: ${kind}` : ''}${legal ? ', legal-record: true' : ''}${retention ? `, retention: ${retention}` : ''}}`);
  y.push('devices:');
  const locIndex = new Map(locations.map((l, i) => [l.id, i]));
  for (const d of [...devices].sort((a, b) => locIndex.get(a.loc.id) - locIndex.get(b.loc.id) || a.order - b.order)) {
    y.push(`  - {id: ${d.id}, label: ${q(d.label)}, kind: ${d.kind}, at: ${d.loc.id}${d.fields ? `, ${d.fields}` : ''}}`);
  }
  y.push('networks:');
  for (const n of networks) y.push(`  - {id: ${n.id}, label: ${q(n.label)}, kind: ${n.kind}${n.fields ? `, ${n.fields}` : ''}}`);
  y.push('links:');
  for (const l of links) y.push(`  - {from: ${l.from}, to: ${l.to}, network: ${l.network}${l.protocol ? `, protocol: ${l.protocol}` : ''}${l.tls ? `, tls: "${l.tls}"` : ''}}`);
  y.push('media:');
  for (const m of media) {
    y.push(`  - {id: ${m.id}, label: ${q(m.label)}, kind: ${m.kind}, from: ${m.from.id}, to: ${m.to.id}, carrier: ${m.carrier}, encrypted: ${m.encrypted}, data: [${m.data.join(', ')}], phases: [${m.phases.join(', ')}]${m.controls ? `, controls: ${m.controls}` : ''}}`);
  }
  y.push('flows:');
  for (const f of flows) {
    y.push(`  - {id: ${f.id}, label: ${q(f.label)}, phase: ${f.phase}${f.who ? `, who: ${f.who}` : ''}, where: ${f.where}, which: ${f.which.id}, what: [${f.what.join(', ')}], how: [${f.how.join(', ')}], path: [${f.path.map((d) => d.id).join(', ')}]${f.volume ? `, volume: ${f.volume}` : ''}}`);
  }

  const steps = flows.reduce((n, f) => n + f.path.length, 0);
  const pathLengths = new Map();
  for (const f of flows) pathLengths.set(f.path.length, (pathLengths.get(f.path.length) ?? 0) + 1);
  const countBy = (list, key) => [...list.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map())].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    text: `${y.join('\n')}\n`,
    counts: {
      sites: sites.length, locations: locations.length, devices: devices.length, networks: networks.length, links: links.length,
      actors: ACTORS.length, data: DATA.length, media: media.length, flows: flows.length, steps,
      deviceKinds: countBy(devices, (d) => d.kind),
      networkKinds: countBy(networks, (n) => n.kind),
      dataClasses: countBy(DATA, (d) => d[2]),
      phases: countBy(flows, (f) => f.phase),
      pathLengths: [...pathLengths].sort((a, b) => a[0] - b[0]),
      units: devices.reduce((n, d) => n + Number(/count: (\d+)/.exec(d.fields)?.[1] ?? 1), 0),
    },
  };
}

// ---- The cold child: a fresh `node -e` importing dist/ and running the pipeline once ----

const COLD = (file) => `
const t0 = performance.now();
const dist = ${JSON.stringify(dist)};
const [{ loadModel }, { diskHost }, { walk }, { assess }, { riskMatrix }, { BUILTIN_RULES }, { deriveFacts }] = await Promise.all([
  import(dist + '/src/index.js'), import(dist + '/src/io/disk.js'), import(dist + '/src/analysis/walk.js'), import(dist + '/src/analysis/engine.js'),
  import(dist + '/src/analysis/score.js'), import(dist + '/threat-rules/index.js'), import(dist + '/src/analysis/facts.js'),
]);
const t1 = performance.now();
const result = loadModel(${JSON.stringify(file)}, diskHost);
if (!result.model) { console.error('invalid model'); process.exit(2); }
const t2 = performance.now();
const segments = walk(result.model);
const t3 = performance.now();
const risks = assess({ model: result.model, segments, facts: deriveFacts(result.model, segments) }, BUILTIN_RULES, riskMatrix(result.model.riskMatrix));
const t4 = performance.now();
process.stdout.write(JSON.stringify({ bootMs: t0, importMs: t1 - t0, loadMs: t2 - t1, walkMs: t3 - t2, assessMs: t4 - t3, sinceStartMs: t4,
  segments: segments.length, risks: risks.length, maxRssKb: process.resourceUsage().maxRSS }));
`;

const COLD_PEER = (file) => `
const t0 = performance.now();
const { parse } = await import('yaml');
const { readFileSync } = await import('node:fs');
const t1 = performance.now();
const value = parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
const t2 = performance.now();
process.stdout.write(JSON.stringify({ bootMs: t0, importMs: t1 - t0, parseMs: t2 - t1, flows: value.flows.length, maxRssKb: process.resourceUsage().maxRSS }));
`;

/** Runs `node --input-type=module -e code` (under GNU time when there is one, for peak RSS); wall time, the child's JSON, its peak RSS. */
function runCold(code, hasTime) {
  const args = ['--input-type=module', '-e', code];
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(GNU_TIME, ['-f', '%M', node, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(node, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 || r.signal || r.error) throw new Error(failure('cold child', r));
  const report = JSON.parse(r.stdout);
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : report.maxRssKb;
  return { wall, report, rssKb };
}

/** Self and inclusive time per function ("file:name:line") of a .cpuprofile, self time highest first. */
function hotSpots(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const sampled = new Map();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const prefix = pathToFileURL(root).href + '/';
  const keyOf = (n) => {
    const f = n.callFrame;
    const inModules = f.url.lastIndexOf('/node_modules/');
    const file = inModules >= 0 ? f.url.slice(inModules + 1) : f.url.startsWith(prefix) ? f.url.slice(prefix.length) : f.url;
    return `${file}${file ? ':' : ''}${f.functionName || '(anonymous)'}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  for (const [id, t] of sampled) {
    totalMs += t;
    const key = keyOf(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + t);
    // Each function once per stack, however deeply it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const k = keyOf(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  return { totalMs, self: [...self].sort((a, b) => b[1] - a[1]), inclusive };
}

// ---- Main (when run; bench/report.mjs imports the generator only) ----

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
const started = process.hrtime.bigint();
const dir = main ? mkdtempSync(join(tmpdir(), 'koseizu-bench-threats-')) : '';
/** Stops the bench with a message and a non-zero exit code (process.exit skips the finally below, so clean up here). */
const bail = (message) => {
  console.error(message);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(1);
};
if (main) try {
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) bail('koseizu is not built: run `npm run build` first');
  const [
    { loadModel, formatDiagnostics }, { diskHost }, { walk }, { assess }, { riskMatrix }, { BUILTIN_RULES },
    { parseYaml }, { checkStructure }, { resolveModel, MODEL_LIMITS }, { OPERATIONS }, yaml, { deriveFacts },
  ] = await Promise.all([
    import(`${dist}/src/index.js`), import(`${dist}/src/io/disk.js`), import(`${dist}/src/analysis/walk.js`), import(`${dist}/src/analysis/engine.js`),
    import(`${dist}/src/analysis/score.js`), import(`${dist}/threat-rules/index.js`), import(`${dist}/src/load/parse.js`),
    import(`${dist}/src/load/structure.js`), import(`${dist}/src/load/resolve.js`), import(`${dist}/models/vocabulary.js`), import('yaml'),
    import(`${dist}/src/analysis/facts.js`),
  ]);
  const yamlVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'yaml', 'package.json'), 'utf8')).version;
  const hasTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

  console.log('# koseizu threats benchmark\n');
  table(['machine', ''], [
    ['node', process.version],
    ['CPU', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`],
    ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['kernel', `${process.platform} ${release()}`],
    ['yaml', yamlVersion],
    ['rules', `${BUILTIN_RULES.length} built-in (${BUILTIN_RULES.map((r) => r.id).join(', ')})`],
    ['peak RSS from', hasTime ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS in the child'],
  ], ['l', 'l']);

  // The model, and proof that it is valid.
  const { text, counts } = generateModel(DEVICES, FLOWS, SEED, OPERATIONS);
  const file = join(dir, 'bench-threats.yaml').split('\\').join('/');
  writeFileSync(file, text);
  const checked = loadModel(file, diskHost);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  const warnings = checked.diagnostics.filter((d) => d.severity === 'warning');
  if (!checked.model || errors.length > 0) {
    bail(`the generated model does not validate (${errors.length} errors): a bug in bench/threats.mjs or in koseizu\n${formatDiagnostics(errors.slice(0, 20), 'en')}`);
  }
  const model = checked.model;
  if (model.devices.length !== counts.devices || model.flows.length !== FLOWS) bail(`the model has ${model.devices.length} devices and ${model.flows.length} flows, not ${counts.devices} and ${FLOWS}`);
  const firstSegments = walk(model);
  const firstRisks = assess({ model, segments: firstSegments, facts: deriveFacts(model, firstSegments) }, BUILTIN_RULES, riskMatrix(model.riskMatrix));

  section(`Model (generated, seed ${SEED}; ${(text.length / 1024).toFixed(0)} K characters, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${text.split('\n').length - 1} lines)`);
  const list = (pairs) => pairs.map(([k, n]) => `${k} ${n}`).join(', ');
  table(['element', 'count', 'of which'], [
    ['sites', counts.sites, `${INSTITUTIONS.length} institutions, ${DATA_CENTRES.length} data centres, ${counts.sites - INSTITUTIONS.length - DATA_CENTRES.length} third parties`],
    ['locations', counts.locations, ''],
    ['devices', counts.devices, `${list(counts.deviceKinds)}; ${counts.units} units counting "count:"`],
    ['networks', counts.networks, list(counts.networkKinds)],
    ['links', counts.links, `${(counts.links / counts.devices).toFixed(2)} per device`],
    ['actors', counts.actors, ''],
    ['data', counts.data, list(counts.dataClasses)],
    ['media transports', counts.media, ''],
    ['flows', counts.flows, `${list(counts.phases)}; path length ${list(counts.pathLengths)}`],
    ['path steps', counts.steps, `devices on all flows' paths together (koseizu reads at most ${MODEL_LIMITS.steps})`],
    ['validation', 'ok', `0 errors, ${warnings.length} warnings${warnings.length ? ` (${[...new Set(warnings.map((w) => w.code))].join(', ')})` : ''}`],
    ['segments', firstSegments.length, list([...firstSegments.reduce((m, s) => m.set(s.kind, (m.get(s.kind) ?? 0) + 1), new Map())])],
    ['risks', firstRisks.length, list([...firstRisks.reduce((m, r) => m.set(r.rank, (m.get(r.rank) ?? 0) + 1), new Map())].sort())],
  ], ['l', 'r', 'l']);

  // In process: the peer and the pipeline interleaved, so drift in the machine hits both alike.
  const peer = [];
  const load = [];
  const walkT = [];
  const assessT = [];
  const total = [];
  let segmentsN = 0;
  let risksN = 0;
  const loopStart = process.hrtime.bigint();
  let warmup = WARMUP;
  let runs = RUNS;
  for (let i = 0; i < warmup + runs; i++) {
    // A slow pipeline stops after 3 timed runs once the budget is spent, so the bench still ends.
    if (i >= warmup + 3 && Number(process.hrtime.bigint() - loopStart) / 1e6 > BUDGET_MS) break;
    const [parseMs] = timed(() => yaml.parse(text));
    const [loadMs, result] = timed(() => loadModel(file, diskHost));
    const [walkMs, segments] = timed(() => walk(result.model));
    const [assessMs, risks] = timed(() => assess({ model: result.model, segments, facts: deriveFacts(result.model, segments) }, BUILTIN_RULES, riskMatrix(result.model.riskMatrix)));
    segmentsN = segments.length;
    risksN = risks.length;
    if (i === 0 && loadMs + walkMs + assessMs > SLOW_MS) {
      warmup = 1;
      runs = 1;
    }
    if (i < warmup) continue;
    peer.push(parseMs);
    load.push(loadMs);
    walkT.push(walkMs);
    assessT.push(assessMs);
    total.push(loadMs + walkMs + assessMs);
  }
  const warm = { peer: median(peer), load: median(load), walk: median(walkT), assess: median(assessT), total: median(total), peerMin: Math.min(...peer), totalMin: Math.min(...total) };
  const benchRssKb = process.resourceUsage().maxRSS;

  section(`In process, warm (median of ${plural(total.length, 'run')} after ${plural(warmup, 'warm-up run')}${runs === 1 ? `; one run: the first took over ${SLOW_MS / 1000} s` : total.length < RUNS ? `; stopped at the ${BUDGET_MS / 1000} s budget` : ''})`);
  table(['step', 'median ms', 'min ms', 'share of pipeline', 'x yaml.parse'], [
    ['yaml.parse(text) (the peer)', ms(warm.peer), ms(warm.peerMin), '', '1.0x'],
    ['loadModel (read, parse, schema, resolve)', ms(warm.load), ms(Math.min(...load)), share(warm.load, warm.total), ratio(warm.load, warm.peer)],
    ['walk -> segments', ms(warm.walk), ms(Math.min(...walkT)), share(warm.walk, warm.total), ratio(warm.walk, warm.peer)],
    [`facts + assess (${BUILTIN_RULES.length} rules) -> risks`, ms(warm.assess), ms(Math.min(...assessT)), share(warm.assess, warm.total), ratio(warm.assess, warm.peer)],
    [`**pipeline: ${segmentsN} segments, ${risksN} risks**`, `**${ms(warm.total)}**`, ms(warm.totalMin), '100%', `**${ratio(warm.total, warm.peer)}**`],
  ], ['l']);

  // loadModel split: the same steps it takes, one file, no includes.
  const split = { read: [], parse: [], jsYaml: [], structure: [], resolve: [], load: [] };
  const jsYaml = await import('js-yaml');
  for (let i = 0; i < 1 + SPLIT_RUNS; i++) {
    const [readMs, read] = timed(() => diskHost.read(file, null));
    const [parseMs, parsed] = timed(() => parseYaml({ path: file, text: read.text }));
    const [jsYamlMs] = timed(() => jsYaml.load(read.text, { schema: jsYaml.CORE_SCHEMA }));
    const [structureMs, structural] = timed(() => checkStructure(parsed));
    const [resolveMs] = timed(() => resolveModel({ files: [parsed], texts: new Map([[file, read.text]]), diagnostics: [...parsed.diagnostics, ...structural] }));
    const [loadMs] = timed(() => loadModel(file, diskHost));
    if (i === 0) continue;
    split.read.push(readMs);
    split.parse.push(parseMs);
    split.jsYaml.push(jsYamlMs);
    split.structure.push(structureMs);
    split.resolve.push(resolveMs);
    split.load.push(loadMs);
  }
  const s = Object.fromEntries(Object.entries(split).map(([k, v]) => [k, median(v)]));
  section(`loadModel, split (median of ${SPLIT_RUNS} runs)`);
  table(['step', 'median ms', 'share of loadModel', 'x yaml.parse'], [
    ['diskHost.read (stat, read, UTF-8 decode)', ms(s.read), share(s.read, s.load), ratio(s.read, warm.peer)],
    ['parseYaml (js-yaml events for a plain file, else the yaml library; cycle check)', ms(s.parse), share(s.parse, s.load), ratio(s.parse, warm.peer)],
    ['js-yaml load of the same text, core schema (the peer of parseYaml; not a step of loadModel)', ms(s.jsYaml), '', ratio(s.jsYaml, warm.peer)],
    ['checkStructure (JSON Schema, control characters)', ms(s.structure), share(s.structure, s.load), ratio(s.structure, warm.peer)],
    ['resolveModel (ids, references, paths, build, freeze)', ms(s.resolve), share(s.resolve, s.load), ratio(s.resolve, warm.peer)],
    ['loadModel, whole', ms(s.load), '100%', ratio(s.load, warm.peer)],
  ], ['l']);

  // assess by rule: each rule's check over the segments it reads, outside the engine; the rest is the engine.
  const context = { model, facts: deriveFacts(model, firstSegments) };
  const ruleRows = [];
  let checksMs = 0;
  for (const rule of BUILTIN_RULES) {
    const applies = firstSegments.filter((seg) => rule.segments.includes(seg.kind) && rule.phases.includes(seg.phase));
    const samples = [];
    let findings = 0;
    for (let i = 0; i < 1 + SPLIT_RUNS; i++) {
      const [t, n] = timed(() => applies.reduce((k, seg) => k + rule.check(seg, context).length, 0));
      findings = n;
      // A rule that takes seconds is timed once: its first run is the sample, the warm-up would not change the story.
      if (i > 0 || t > 1000) samples.push(t);
      if (t > 1000) break;
    }
    const m = median(samples);
    checksMs += m;
    ruleRows.push({ m, row: [rule.id, applies.length, findings, firstRisks.filter((r) => r.rule === rule.id).length, ms(m), share(m, warm.assess)] });
  }
  ruleRows.sort((a, b) => b.m - a.m);
  section(`assess, by rule (each rule's check over its segments, called outside the engine; median of ${SPLIT_RUNS} runs)`);
  table(['rule', 'segments read', 'findings', 'risks', 'ms', 'share of assess'], [
    ...ruleRows.map((r) => r.row),
    ['all checks', '', '', '', ms(checksMs), share(checksMs, warm.assess)],
    warm.assess > checksMs
      ? ['engine (merging findings into risks, ids, sorting): assess minus all checks', '', '', '', ms(warm.assess - checksMs), share(warm.assess - checksMs, warm.assess)]
      : ['engine: assess minus all checks', '', '', '', 'within noise', ''],
  ], ['l']);

  // Cold: fresh processes, the CLI-like number and its peer.
  runCold(COLD_PEER(file), false); // fills the OS file cache
  const cold = [];
  const coldPeer = [];
  const coldStart = process.hrtime.bigint();
  for (let i = 0; i < COLD_RUNS; i++) {
    if ((i >= 3 && Number(process.hrtime.bigint() - coldStart) / 1e6 > BUDGET_MS) || (i >= 1 && warm.total > SLOW_MS)) break;
    cold.push(runCold(COLD(file), hasTime));
    coldPeer.push(runCold(COLD_PEER(file), hasTime));
  }
  const c = {
    wall: median(cold.map((x) => x.wall)), boot: median(cold.map((x) => x.report.bootMs)), import: median(cold.map((x) => x.report.importMs)),
    load: median(cold.map((x) => x.report.loadMs)), walk: median(cold.map((x) => x.report.walkMs)), assess: median(cold.map((x) => x.report.assessMs)),
    rssKb: Math.max(...cold.map((x) => x.rssKb)),
  };
  const p = {
    wall: median(coldPeer.map((x) => x.wall)), boot: median(coldPeer.map((x) => x.report.bootMs)), import: median(coldPeer.map((x) => x.report.importMs)),
    parse: median(coldPeer.map((x) => x.report.parseMs)), rssKb: Math.max(...coldPeer.map((x) => x.rssKb)),
  };
  const cr = cold[0].report;
  if (cr.segments !== segmentsN || cr.risks !== risksN) bail(`the cold child found ${cr.segments} segments and ${cr.risks} risks, the warm runs ${segmentsN} and ${risksN}`);
  section(`Cold, a fresh process (\`node --input-type=module -e\`, median of ${plural(cold.length, 'run')})`);
  table(['case', 'wall ms', 'node start ms', 'import ms', 'load ms', 'walk ms', 'assess ms', 'peak RSS MB', 'x peer (wall)'], [
    ['node + yaml.parse of the file (the peer)', ms(p.wall), ms(p.boot), ms(p.import), ms(p.parse), '', '', mb(p.rssKb), '1.0x'],
    ['node + dist/: loadModel -> walk -> assess', ms(c.wall), ms(c.boot), ms(c.import), ms(c.load), ms(c.walk), ms(c.assess), mb(c.rssKb), ratio(c.wall, p.wall)],
  ], ['l']);
  console.log('\nwall: spawn to exit, as the parent sees it; node start: performance.now() when the script begins; import: dist/ (or yaml) modules;');
  console.log(`the first run of each stage in a fresh process is slower than the warm medians above (lazy compilation, no JIT yet). This bench process's own peak RSS: ${mb(benchRssKb)} MB.`);

  // Optional: where a cold run spends its time, from V8's sampling profiler.
  if (process.env.BENCH_PROFILE) {
    const profDir = join(dir, 'profile');
    const r = spawnSync(node, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--input-type=module', '-e', COLD(file)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 || r.signal || r.error) throw new Error(failure('profiled cold child', r));
    const profile = JSON.parse(readFileSync(join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
    const spots = hotSpots(profile);
    section(`Hot spots of one cold run (\`node --cpu-prof\`, ${ms(spots.totalMs)} ms sampled; self time, and time including callees)`);
    table(['function (file:line in dist/ or node_modules/)', 'self ms', 'inclusive ms'],
      spots.self.slice(0, 15).map(([k, v]) => [k, ms(v), ms(spots.inclusive.get(k))]), ['l']);
  }

  targets('threats', [
    { figure: `pipeline (parse -> scored risks), in process, warm, ${DEVICES} devices / ${FLOWS} flows`, value: warm.total, unit: 'ms', peer: { name: 'yaml.parse of the file', value: warm.peer }, limit: TARGET_MS, pass: warm.total < TARGET_MS },
    { figure: `pipeline, in process, warm, as a multiple of js-yaml load of the file (${ms(s.jsYaml)} ms)`, value: warm.total / s.jsYaml, unit: 'x', peer: null, limit: TARGET_JS_YAML, pass: warm.total <= TARGET_JS_YAML * s.jsYaml },
    { figure: `pipeline, cold, spawn to exit (${ms(c.wall)} ms), as a multiple of cold node + yaml.parse (${ms(p.wall)} ms)`, value: c.wall / p.wall, unit: 'x', peer: null, limit: TARGET_RATIO, pass: c.wall <= TARGET_RATIO * p.wall },
    { figure: 'parseYaml, warm, as a multiple of js-yaml load of the same file', value: s.parse / s.jsYaml, unit: 'x', peer: null, limit: 2.0, pass: s.parse <= 2.0 * s.jsYaml },
  ]);

  console.log(`\nbench/threats.mjs took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s.`);
} finally {
  if (process.env.BENCH_KEEP) console.log(`\nkept the model in ${dir} (BENCH_KEEP)`);
  else rmSync(dir, { recursive: true, force: true });
}

export { generateModel };
