// npm run bench (after bench/validate.mjs): what `koseizu diagram` costs, against peers measured in the same run.
//   koseizu SVG / PNG, cold        the whole CLI (`node bin/koseizu.js diagram <model> -o x.svg|x.png`)
//   koseizu in-process split       a fresh child calling dist/ directly: load, layout+SVG, font subset, PNG
//   peak RSS                       of the cold PNG run (/usr/bin/time -f %M, else the child's maxRSS)
//   Graphviz dot -Tsvg             the same graph as DOT (clusters for sites and locations), cold
//   Mermaid in headless Chromium   mermaid.render of koseizu's own Mermaid text, in the page (launch apart)
//   Graphviz dot -Gsplines=ortho   dot's orthogonal mode, once, on the 3,000-device model (the peer of the biggest size)
// on generated models of 25, 100, 300, 500 and 3,000 devices (the most koseizu reads) and on the cloud-EHR example, then
// the targets. Mermaid is rendered up to 500 devices.
// Generated models are deterministic (a seeded PRNG); they go to a temporary folder that is removed.
// Prints medians; nothing here fails the run except a real crash: numbers are for people and the notes.
//
// Environment: BENCH_RUNS (runs per case; default 1 for 3,000 devices, 3 for 300 and 500, 5 otherwise), BENCH_KEEP=1 (keep the
// temporary folder with the models, DOT files and pictures, to look at them), KOSEIZU_PLAYWRIGHT
// (path to a playwright-core package folder or its index.mjs, when it is not resolvable from here;
// playwright-core is not a dependency of koseizu).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failure, mb, median, ms, prng, ratio, section, table, targets } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const cli = join(root, 'bin', 'koseizu.js');
const example = join(root, 'examples', 'cloud-ehr', 'model.yaml');
const mermaidBundle = join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const CHROMIUM = '/usr/bin/chromium';
const GNU_TIME = '/usr/bin/time';
const GITHUB_MAX_EDGES = 500; // what renderMermaid warns about: GitHub's Mermaid refuses more edges
const GITHUB_MAX_TEXT = 50_000;
const RUNS_OVERRIDE = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
// Fewer runs at the big sizes keep the whole bench near 6 minutes on 2 cores: one at 3,000 devices (and for dot there).
const runsFor = (devices) => (RUNS_OVERRIDE > 0 ? Math.min(RUNS_OVERRIDE, devices >= 3000 ? 1 : RUNS_OVERRIDE) : devices >= 3000 ? 1 : devices >= 300 ? 3 : 5);
/** Mermaid in Chromium is timed up to this size: past it GitHub renders nothing anyway, and the render takes minutes. */
const MERMAID_MAX_DEVICES = 500;
/** dot's orthogonal mode (`-Gsplines=ortho`), the peer of the biggest model, is run from this size up. */
const DOT_ORTHO_DEVICES = 3000;
// The in-process split shows where the time goes; it is not what the targets are about, so it runs 3 times on the
// cloud-EHR example and once on the generated models, which keeps the bench near 3 minutes on 2 cores.
const splitRunsFor = (example, runs) => Math.min(runs, example ? 3 : 1);

// ---- Small helpers ----

/** Runs a command once; returns wall time and the result. A crash (signal, spawn error) is reported, not thrown. */
function run(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  return { wall, r };
}

function firstLine(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return null;
  const text = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /\d+\.\d+/.test(l));
  return text ?? null;
}

function which(cmd) {
  const r = spawnSync('which', [cmd], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function pngSize(path) {
  const b = readFileSync(path);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}

// ---- The generated models ----

const SITES = [
  { id: 'main-hospital', label: '中央総合病院（本院）', owner: 'institution', region: '東京' },
  { id: 'provider-dc', label: '電子カルテ事業者データセンター', owner: 'provider', region: '千葉' },
  { id: 'lab-center', label: '外部検査センター（受託臨床検査）', owner: 'third-party', region: '埼玉' },
  { id: 'branch-clinic', label: '附属クリニック（分院）', owner: 'institution', region: '神奈川' },
  { id: 'cloud-region', label: 'クラウド事業者 東京リージョン', owner: 'provider', region: '東京' },
];

// Rooms per owner, as [id part, label, pool of device kinds, public?]. The first is where the gateway stands.
const ROOMS = {
  institution: [
    ['server-room', 'サーバ室', ['server', 'database', 'storage', 'log-server']],
    ['medical-office', '医事課事務室', ['terminal', 'terminal', 'printer']],
    ['outpatient', '外来診察室', ['terminal', 'terminal', 'printer', 'medical-device']],
    ['ward-station', '病棟ナースステーション', ['terminal', 'tablet', 'smartphone', 'medical-device']],
    ['radiology', '放射線科撮影室', ['medical-device', 'medical-device', 'terminal', 'server']],
    ['clinical-lab', '臨床検査室', ['medical-device', 'terminal', 'printer']],
    ['reception', '受付・待合ロビー', ['tablet', 'printer', 'terminal'], true],
    ['pharmacy', '薬剤部調剤室', ['terminal', 'printer']],
  ],
  provider: [
    ['server-hall', 'サーバルーム（本番系）', ['server', 'server', 'database', 'storage', 'log-server']],
    ['noc', '運用監視センター', ['terminal', 'server']],
    ['dev-room', '開発・保守室', ['terminal', 'server']],
    ['backup-room', 'バックアップ媒体保管室', ['storage']],
  ],
  'third-party': [
    ['gateway-room', '接続用機械室', ['external-system', 'server']],
    ['specimen-lab', '検体受付・検査室', ['external-system', 'terminal', 'printer']],
    ['report-room', '報告書作成室', ['terminal', 'printer']],
    ['media-vault', '媒体保管庫', ['storage']],
  ],
};

// Device names per kind: [id part, label base]; labels get "-N" as people number their equipment.
const NAMES = {
  server: [['ehr-server', '電子カルテサーバ（本番環境）'], ['billing-server', '医事会計サーバ（本番環境）'], ['pacs-server', 'PACS画像サーバ'],
    ['gateway-server', '部門システム連携サーバ（HL7）'], ['order-server', 'オーダリングサーバ'], ['web-server', 'Webアプリケーションサーバ']],
  database: [['ehr-db', '電子カルテデータベース'], ['billing-db', '医事会計データベース'], ['lab-db', '検体検査結果データベース']],
  'log-server': [['log-server', '統合ログサーバ（SIEM連携）']],
  storage: [['backup-nas', 'バックアップストレージ（NAS）'], ['image-archive', '画像アーカイブストレージ']],
  terminal: [['ehr-terminal', '電子カルテ端末'], ['billing-terminal', '医事会計端末'], ['viewer-terminal', '画像参照端末（読影用）'],
    ['dept-terminal', '部門システム端末'], ['maint-terminal', '保守用端末']],
  tablet: [['intake-tablet', '問診用タブレット'], ['nurse-tablet', '病棟看護師用タブレット']],
  smartphone: [['doctor-phone', '医師用スマートフォン（院内PHS代替）']],
  printer: [['reception-printer', '外来受付プリンタ'], ['label-printer', 'ラベルプリンタ（検体用）'], ['rx-printer', '処方箋プリンタ']],
  'medical-device': [['ct-scanner', 'CT装置'], ['mri-scanner', 'MRI装置'], ['vital-monitor', '生体情報モニタ'], ['ultrasound', '超音波診断装置']],
  'external-system': [['lab-system', '外部検査センター受付システム'], ['regional-network', '地域医療連携システム']],
  router: [['floor-router', 'フロアスイッチ兼ルータ']],
  'wireless-ap': [['wireless-ap', '無線アクセスポイント']],
  firewall: [['border-firewall', '境界ファイアウォール（UTM）']],
  'vpn-gateway': [['vpn-gateway', '拠点間VPN装置']],
};
const GATEWAY_KIND = { institution: 'vpn-gateway', provider: 'firewall', 'third-party': 'router' };
const CLIENTS = new Set(['terminal', 'tablet', 'smartphone', 'printer', 'medical-device', 'external-system']);
const BACKENDS = new Set(['server', 'database', 'log-server', 'storage']);

/** A model of `devices` devices in `locations` locations over `sites` sites, as YAML text, and its counts. */
export function generateModel(devices, locations, sites, seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const q = (s) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  const siteList = SITES.slice(0, sites);

  // Locations, round-robin over the sites; each site's first room holds its gateway.
  const locs = [];
  const roomIndex = new Map();
  for (let i = 0; i < locations; i++) {
    const site = siteList[i % sites];
    const k = roomIndex.get(site.id) ?? 0;
    roomIndex.set(site.id, k + 1);
    const rooms = ROOMS[site.owner];
    const [part, label, pool, isPublic] = rooms[k % rooms.length];
    const floor = Math.floor(k / rooms.length);
    locs.push({
      id: `${site.id}-${part}${floor > 0 ? `-${floor + 1}` : ''}`,
      label: floor > 0 ? `${label}（${floor + 1}号棟）` : k === 0 ? label : `${label}（${k + 1}階）`,
      site, pool, public: Boolean(isPublic), first: k === 0,
    });
  }

  // Devices: spread evenly over the rooms; in each room a hub first (the site's gateway in its first room,
  // a floor router elsewhere), a wireless AP in larger institution rooms, then devices of the room's kinds.
  const counters = new Map();
  const devs = [];
  const newDevice = (kind, loc) => {
    const [part, base] = pick(NAMES[kind]);
    const n = (counters.get(part) ?? 0) + 1;
    counters.set(part, n);
    const d = { id: `${part}-${n}`, label: `${base}-${n}`, kind, loc, count: 1 };
    if (kind === 'terminal') d.count = 1 + Math.floor(rand() * 8);
    if (kind === 'tablet' || kind === 'smartphone') d.count = 2 + Math.floor(rand() * 10);
    devs.push(d);
    return d;
  };
  const hubs = new Map();
  const aps = new Map();
  const gateways = new Map();
  for (let i = 0; i < locs.length; i++) {
    const loc = locs[i];
    const quota = Math.floor(devices / locations) + (i < devices % locations ? 1 : 0);
    const hub = newDevice(loc.first ? GATEWAY_KIND[loc.site.owner] : 'router', loc);
    hubs.set(loc.id, hub);
    if (loc.first) gateways.set(loc.site.id, hub);
    let left = quota - 1;
    if (loc.site.owner === 'institution' && quota >= 6 && left > 0) {
      aps.set(loc.id, newDevice('wireless-ap', loc));
      left--;
    }
    for (let j = 0; j < left; j++) newDevice(loc.pool[j % loc.pool.length], loc);
  }

  // Networks: a LAN per site, a wireless LAN per institution site, a VPC per provider site; lines between sites.
  const nets = [];
  for (const site of siteList) {
    nets.push({ id: `${site.id}-lan`, label: `${site.label} 構内LAN`, kind: 'lan' });
    if (site.owner === 'institution') nets.push({ id: `${site.id}-wlan`, label: `${site.label} 業務用無線LAN`, kind: 'wireless-lan', extra: 'wlan-security: wpa2-enterprise, ieee8021x: true' });
    if (site.owner === 'provider') nets.push({ id: `${site.id}-vpc`, label: `${site.label} 内部ネットワーク（VPC）`, kind: 'cloud-internal' });
  }
  nets.push({ id: 'site-vpn', label: '拠点間 IPsec-VPN', kind: 'ipsec-vpn', extra: 'ike: true, auth: certificate' });
  nets.push({ id: 'lab-closed-net', label: '検査センター接続用閉域網', kind: 'closed-network' });
  nets.push({ id: 'internet', label: 'インターネット', kind: 'internet' });

  // Links: every device to its room's hub (tablets and phones over the wireless LAN), hubs to the gateway,
  // gateways between sites, and about half the clients and servers to a server of their site.
  const links = [];
  const pairs = new Set();
  const link = (a, b, network, protocol, tls) => {
    const key = a.id < b.id ? `${a.id} ${b.id}` : `${b.id} ${a.id}`;
    if (a === b || pairs.has(key)) return false;
    pairs.add(key);
    links.push({ from: a.id, to: b.id, network, protocol, tls });
    return true;
  };
  const protocolOf = (kind) => ({
    terminal: ['https', pick(['1.2', '1.3'])], tablet: ['https', '1.3'], smartphone: ['https', '1.3'], printer: ['ipp', undefined],
    'medical-device': ['dicom', undefined], 'external-system': ['hl7', undefined], database: ['sql', undefined],
    'log-server': ['syslog-tls', undefined],
  }[kind] ?? [undefined, undefined]);
  for (const d of devs) {
    const hub = hubs.get(d.loc.id);
    if (d === hub) {
      const gw = gateways.get(d.loc.site.id);
      if (gw !== d) link(d, gw, `${d.loc.site.id}-lan`);
      continue;
    }
    const ap = aps.get(d.loc.id);
    if (ap && (d.kind === 'tablet' || d.kind === 'smartphone')) link(d, ap, `${d.loc.site.id}-wlan`, 'https', '1.3');
    else link(d, hub, `${d.loc.site.id}-lan`, ...protocolOf(d.kind));
  }
  for (const ap of aps.values()) link(ap, hubs.get(ap.loc.id), `${ap.loc.site.id}-lan`);
  const gw = siteList.map((s) => gateways.get(s.id));
  for (let s = 1; s < sites; s++) {
    const owner = siteList[s].owner;
    link(gw[0], gw[s], owner === 'third-party' ? 'lab-closed-net' : 'site-vpn');
    if (s >= 2) link(gw[1], gw[s], 'internet', 'https', '1.2');
  }
  const backendsOf = new Map(siteList.map((s) => [s.id, devs.filter((d) => d.loc.site.id === s.id && BACKENDS.has(d.kind))]));
  for (const d of devs) {
    if (!(CLIENTS.has(d.kind) || d.kind === 'server') || rand() >= 0.62) continue;
    const candidates = backendsOf.get(d.loc.site.id).filter((b) => b !== d && (d.kind !== 'server' || b.kind !== 'server'));
    if (candidates.length === 0) continue;
    const target = pick(candidates);
    const cloud = d.loc.site.owner === 'provider' && BACKENDS.has(d.kind);
    const [protocol, tls] = target.kind === 'database' ? ['sql', undefined] : target.kind === 'log-server' ? ['syslog-tls', undefined]
      : target.kind === 'storage' ? [undefined, undefined] : protocolOf(d.kind);
    link(d, target, cloud ? `${d.loc.site.id}-vpc` : `${d.loc.site.id}-lan`, protocol, tls);
  }

  // A few media transports between rooms of different sites (backups to a vault) and within the hospital.
  const roomOf = (site, part) => locs.find((l) => l.site.id === site && l.id.startsWith(`${site}-${part}`));
  const candidatesMedia = [
    ['backup-tape', 'バックアップテープ（週次）', 'tape', roomOf('provider-dc', 'server-hall'), roomOf('lab-center', 'media-vault') ?? roomOf('provider-dc', 'backup-room') ?? roomOf('main-hospital', 'server-room'), 'courier', 'backup-data'],
    ['image-usb', '画像データ持ち出し用USBメモリ', 'usb-memory', roomOf('main-hospital', 'radiology') ?? locs[0], roomOf('main-hospital', 'medical-office'), 'clerk', 'images'],
    ['migration-disk', 'データ移行用外付けHDD', 'external-hdd', roomOf('provider-dc', 'dev-room') ?? roomOf('provider-dc', 'server-hall'), roomOf('main-hospital', 'server-room'), 'operator', 'records'],
    ['branch-disc', '紹介状添付画像の光ディスク', 'optical-disc', roomOf('branch-clinic', 'medical-office') ?? roomOf('branch-clinic', 'server-room'), roomOf('main-hospital', 'outpatient'), 'courier', 'images'],
  ];
  const media = candidatesMedia.filter(([, , , from, to]) => from && to && from !== to).slice(0, sites <= 2 ? 2 : sites <= 3 ? 3 : 4);

  // One flow, so the model reads like a real one: a doctor at a terminal, through the room's hub.
  const terminal = devs.find((d) => d.kind === 'terminal' && pairs.has([d.id, hubs.get(d.loc.id).id].sort().join(' ')));

  const y = [];
  y.push('# Generated by bench/diagram.mjs: a deterministic model for the diagram benchmark.');
  y.push('koseizu: 1');
  y.push(`system: {id: bench-${devices}, title: ${q(`ベンチマーク用 病院情報システム（機器${devices}台）`)}, forms: [application], phases: [operation]}`);
  y.push('sites:');
  for (const s of siteList) y.push(`  - {id: ${s.id}, label: ${q(s.label)}, owner: ${s.owner}, country: JP, region: ${q(s.region)}}`);
  y.push('locations:');
  for (const l of locs) y.push(`  - {id: ${l.id}, label: ${q(l.label)}, site: ${l.site.id}${l.public ? ', public: true' : ''}}`);
  y.push('actors:');
  y.push(`  - {id: doctor, label: ${q('医師/代行入力者')}, org: institution}`);
  y.push(`  - {id: clerk, label: ${q('医事課職員')}, org: institution}`);
  y.push(`  - {id: operator, label: ${q('事業者の運用担当者')}, org: provider}`);
  y.push(`  - {id: courier, label: ${q('委託運送業者')}, org: third-party}`);
  y.push('data:');
  y.push(`  - {id: records, label: ${q('診療録/診療諸記録等')}, class: medical, kind: record}`);
  y.push(`  - {id: images, label: ${q('医用画像（DICOM）')}, class: medical}`);
  y.push(`  - {id: backup-data, label: ${q('バックアップデータ')}, class: medical, kind: backup}`);
  y.push('devices:');
  for (const d of devs) {
    const auth = d.kind === 'terminal' ? ', auth: [password, ic-card]' : d.kind === 'tablet' || d.kind === 'smartphone' ? ', auth: [pin, certificate]' : '';
    y.push(`  - {id: ${d.id}, label: ${q(d.label)}, kind: ${d.kind}, at: ${d.loc.id}${d.count > 1 ? `, count: ${d.count}` : ''}${auth}}`);
  }
  y.push('networks:');
  for (const n of nets) y.push(`  - {id: ${n.id}, label: ${q(n.label)}, kind: ${n.kind}${n.extra ? `, ${n.extra}` : ''}}`);
  y.push('links:');
  for (const l of links) y.push(`  - {from: ${l.from}, to: ${l.to}, network: ${l.network}${l.protocol ? `, protocol: ${l.protocol}` : ''}${l.tls ? `, tls: "${l.tls}"` : ''}}`);
  y.push('media:');
  for (const [id, label, kind, from, to, carrier, data] of media) {
    y.push(`  - {id: ${id}, label: ${q(label)}, kind: ${kind}, from: ${from.id}, to: ${to.id}, carrier: ${carrier}, encrypted: true, data: [${data}]}`);
  }
  if (terminal) {
    y.push('flows:');
    y.push(`  - {id: ehr-view, label: ${q('医師が電子カルテ端末で診療録を閲覧する')}, phase: operation, who: doctor, where: ${terminal.loc.id}, which: ${terminal.id}, what: [records], how: [view], path: [${terminal.id}, ${hubs.get(terminal.loc.id).id}]}`);
  }
  return { text: `${y.join('\n')}\n`, counts: { sites, locations: locs.length, devices: devs.length, links: links.length, media: media.length } };
}

// ---- The in-process child: dist/ called directly, timing each stage ----

const CHILD = `
const t0 = performance.now();
const [model, out, emit] = process.argv.slice(2);
const dist = ${JSON.stringify(pathToFileURL(join(root, 'dist')).href)};
const [{ loadModel, renderDiagramSvg }, { diskHost, withTempFiles }, { readDiagramFonts }, { renderPng, fitScale }, { charactersOf, subsetFonts }] = await Promise.all([
  import(dist + '/src/index.js'), import(dist + '/src/io/disk.js'), import(dist + '/src/io/package.js'), import(dist + '/renderers/png/index.js'),
  import(dist + '/renderers/font/index.js'),
]);
const { writeFileSync } = await import('node:fs');
const result = loadModel(model, diskHost);
if (!result.model) { console.error('invalid model'); process.exit(2); }
const fonts = readDiagramFonts();
const t1 = performance.now();
const rendered = await renderDiagramSvg(result.model, { lang: 'ja' });
const t2 = performance.now();
const subset = await subsetFonts(fonts, charactersOf(rendered.graph));
const t3 = performance.now();
const png = await withTempFiles({ 'regular.ttf': subset.regular, 'bold.ttf': subset.bold }, (p) => renderPng(rendered.svg, [p['regular.ttf'], p['bold.ttf']], fitScale(rendered.layout.width, rendered.layout.height, 1)));
const t4 = performance.now();
writeFileSync(out, png);
const report = {
  loadMs: t1 - t0, layoutSvgMs: t2 - t1, subsetMs: t3 - t2, pngMs: t4 - t3, totalMs: t4 - t0,
  maxRssKb: process.resourceUsage().maxRSS, fast: rendered.layout.fast,
  svgWidth: rendered.layout.width, svgHeight: rendered.layout.height, svgBytes: rendered.svg.length,
};
if (emit) {
  const { renderMermaid, renderMermaidBySite } = await import(dist + '/renderers/mermaid/diagram.js');
  const whole = renderMermaid(rendered.graph, { direction: 'TB' });
  const parts = renderMermaidBySite(rendered.graph, { direction: 'TB' }).map((p) => ({ site: p.site, text: p.text, edges: p.edges }));
  writeFileSync(emit, JSON.stringify({ graph: rendered.graph, mermaid: { text: whole.text, edges: whole.edges }, parts }));
}
process.stdout.write(JSON.stringify(report));
`;

// ---- DOT: the same graph for Graphviz ----

function dotOf(graph) {
  const esc = (s) => String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  const nodeId = (id) => `"${esc(id)}"`;
  const out = ['digraph koseizu {', '  rankdir=TB;', '  newrank=true;', '  compound=true;', '  node [shape=box, style="rounded,filled", fillcolor="#f5f6fc", fontname="Noto Sans CJK JP", fontsize=11];',
    '  edge [dir=none, fontname="Noto Sans CJK JP", fontsize=9];', `  label="${esc(graph.title)}";`];
  const mediaEnds = new Set(graph.media.flatMap((m) => [m.from, m.to]));
  let clusters = 0;
  let nodes = 0;
  for (const site of graph.sites) {
    clusters++;
    out.push(`  subgraph "cluster_${esc(site.id)}" {`, `    label="${esc(`${site.label}［${site.ownerLabel}］`)}";`);
    for (const loc of site.locations) {
      clusters++;
      out.push(`    subgraph "cluster_${esc(loc.id)}" {`, `      label="${esc(loc.label)}";`);
      for (const d of loc.devices) {
        nodes++;
        out.push(`      ${nodeId(d.id)} [label="${esc(d.count > 1 ? `${d.label} ×${d.count}` : d.label)}\\n(${esc(d.kindLabel)})"];`);
      }
      if (mediaEnds.has(loc.id)) out.push(`      "anchor:${esc(loc.id)}" [shape=point, style=invis];`);
      out.push('    }');
    }
    out.push('  }');
  }
  let edges = 0;
  for (const l of graph.links) {
    edges++;
    out.push(`  ${nodeId(l.from)} -> ${nodeId(l.to)}${l.label ? ` [label="${esc(l.label)}"]` : ''};`);
  }
  for (const m of graph.media) {
    nodes++;
    edges += 2;
    out.push(`  "media:${esc(m.id)}" [shape=trapezium, style=dashed, label="${esc(m.label)}"];`);
    out.push(`  "anchor:${esc(m.from)}" -> "media:${esc(m.id)}" [style=dashed, ltail="cluster_${esc(m.from)}"];`);
    out.push(`  "media:${esc(m.id)}" -> "anchor:${esc(m.to)}" [style=dashed, dir=forward, lhead="cluster_${esc(m.to)}"];`);
  }
  out.push('}');
  return { text: `${out.join('\n')}\n`, nodes, edges, clusters };
}

// ---- Mermaid in Chromium ----

async function loadPlaywright() {
  const tried = [];
  const override = process.env.KOSEIZU_PLAYWRIGHT;
  if (override) {
    const target = existsSync(override) && statSync(override).isDirectory() ? join(override, 'index.mjs') : override;
    try {
      return { pw: await import(pathToFileURL(resolve(target)).href), from: target };
    } catch (error) {
      tried.push(`KOSEIZU_PLAYWRIGHT=${override}: ${error.code ?? error.message}`);
    }
  }
  try {
    return { pw: await import('playwright-core'), from: 'playwright-core' };
  } catch (error) {
    tried.push(`import('playwright-core'): ${error.code ?? error.message}`);
  }
  return { pw: null, tried };
}

async function startMermaid() {
  if (!existsSync(CHROMIUM)) return { skip: `${CHROMIUM} not found (apt-get install --no-install-recommends chromium)` };
  if (!existsSync(mermaidBundle)) return { skip: `${mermaidBundle} not found (npm install)` };
  const { pw, from, tried } = await loadPlaywright();
  if (!pw) return { skip: `playwright-core is not installed (it is not a koseizu dependency; set KOSEIZU_PLAYWRIGHT=/path/to/playwright-core): ${tried.join('; ')}` };
  const chromium = pw.chromium ?? pw.default?.chromium;
  const start = process.hrtime.bigint();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const launchMs = Number(process.hrtime.bigint() - start) / 1e6;
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    const scriptStart = process.hrtime.bigint();
    await page.addScriptTag({ path: mermaidBundle });
    await page.evaluate(() => {
      globalThis.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 100_000, maxTextSize: 10_000_000 });
    });
    const scriptMs = Number(process.hrtime.bigint() - scriptStart) / 1e6;
    return { browser, page, launchMs, scriptMs, from, version: browser.version() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Renders every text once per run in the page; returns the median over runs of the summed render time. */
async function mermaidRender(page, texts, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(async (list) => {
      let total = 0;
      for (const text of list) {
        const id = `m${Math.random().toString(36).slice(2)}`;
        const start = performance.now();
        try {
          await globalThis.mermaid.render(id, text);
        } catch (error) {
          return { error: String(error && error.message ? error.message : error).slice(0, 200) };
        }
        total += performance.now() - start;
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
      }
      return { ms: total };
    }, texts);
    if (r.error) return { error: r.error };
    samples.push(r.ms);
  }
  return { ms: median(samples) };
}

// ---- Main ----

async function main() {
const started = process.hrtime.bigint();
const dir = mkdtempSync(join(tmpdir(), 'koseizu-bench-diagram-'));
let mermaidSession = null;
/** Stops the bench with a message and a non-zero exit code (process.exit skips the finally below, so clean up here). */
const bail = (message) => {
  console.error(message);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
};
try {
  if (!existsSync(join(root, 'dist', 'koseizu.mjs'))) bail('koseizu is not built: run `npm run build` first');
  const dotPath = which('dot');
  const dotVersion = dotPath ? firstLine(dotPath, ['-V']) : null;
  const chromiumVersion = existsSync(CHROMIUM) ? firstLine(CHROMIUM, ['--version']) : null;
  const hasTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

  console.log('# koseizu diagram benchmark\n');
  table(['machine', ''], [
    ['node', process.version],
    ['CPU', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`],
    ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['kernel', `${process.platform} ${release()}`],
    ['dot -V', dotVersion ?? 'absent (`which dot` found nothing)'],
    ['chromium', chromiumVersion ?? `absent (${CHROMIUM})`],
    ['peak RSS from', hasTime ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS in the in-process child'],
  ], ['l', 'l']);

  // The models: generated ones, then the guideline's example.
  const cases = [];
  for (const [devices, locations, sites, seed] of [[25, 5, 2, 25], [100, 10, 3, 100], [300, 15, 5, 500], [500, 25, 5, 5000], [3000, 100, 5, 3000]]) {
    const { text, counts } = generateModel(devices, locations, sites, seed);
    const file = join(dir, `bench-${devices}.yaml`);
    writeFileSync(file, text);
    const runs = runsFor(devices);
    cases.push({ name: `generated, ${devices} devices`, file, counts, runs, splitRuns: splitRunsFor(false, runs) });
  }
  const exampleRuns = runsFor(0);
  cases.push({ name: 'cloud-EHR example', file: example, counts: null, runs: exampleRuns, splitRuns: splitRunsFor(true, exampleRuns), example: true });

  section('Models (`koseizu validate`)');
  const modelRows = [];
  for (const c of cases) {
    const { r } = run(node, [cli, 'validate', '--lang', 'en', c.file]);
    if (r.status !== 0 || r.signal) bail(failure(`koseizu validate ${c.file}`, r));
    const warnings = (r.stderr.match(/: warning /g) ?? []).length;
    const m = r.stdout.match(/(\d+) sites?, (\d+) locations?, (\d+) devices?, (\d+) links?, (\d+) media transports?/);
    const [sites, locations, devices, links, media] = m ? m.slice(1).map(Number) : [NaN, NaN, NaN, NaN, NaN];
    c.counts = { sites, locations, devices, links, media };
    modelRows.push([c.name, sites, locations, devices, links, (links / devices).toFixed(2), media, `ok, ${warnings} warnings`]);
  }
  table(['model', 'sites', 'locations', 'devices', 'links', 'links/device', 'media', 'validate'], modelRows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);

  // One run that fills the OS file cache (node_modules, fonts) before anything is timed.
  run(node, [cli, 'diagram', example, '-o', join(dir, 'warm.png')]);

  // koseizu: cold CLI runs, the in-process split, peak RSS.
  for (const c of cases) {
    const base = join(dir, c.example ? 'cloud-ehr' : `bench-${c.counts.devices}`);
    const svgTimes = [];
    const pngTimes = [];
    const rss = [];
    for (let i = 0; i < c.runs; i++) {
      const svg = run(node, [cli, 'diagram', c.file, '-o', `${base}.svg`]);
      if (svg.r.status !== 0 || svg.r.signal) throw new Error(failure(`koseizu diagram ${c.name} -o x.svg`, svg.r));
      svgTimes.push(svg.wall);
      const png = hasTime
        ? run(GNU_TIME, ['-f', '%M', node, cli, 'diagram', c.file, '-o', `${base}.png`])
        : run(node, [cli, 'diagram', c.file, '-o', `${base}.png`]);
      if (png.r.status !== 0 || png.r.signal) throw new Error(failure(`koseizu diagram ${c.name} -o x.png`, png.r));
      pngTimes.push(png.wall);
      if (hasTime) rss.push(Number(png.r.stderr.trim().split('\n').pop()));
    }
    c.svgMs = median(svgTimes);
    c.pngMs = median(pngTimes);
    c.png = pngSize(`${base}.png`);

    const childFile = join(dir, 'child.mjs');
    if (!existsSync(childFile)) writeFileSync(childFile, CHILD);
    const splits = [];
    for (let i = 0; i < c.splitRuns; i++) {
      const emit = i === 0 ? `${base}.json` : '';
      const { r } = run(node, [childFile, c.file, `${base}-child.png`, emit]);
      if (r.status !== 0 || r.signal) throw new Error(failure(`in-process child on ${c.name}`, r));
      splits.push(JSON.parse(r.stdout));
    }
    const pick = (key) => median(splits.map((s) => s[key]));
    c.split = { load: pick('loadMs'), layoutSvg: pick('layoutSvgMs'), subset: pick('subsetMs'), png: pick('pngMs'), total: pick('totalMs'), maxRssKb: Math.max(...splits.map((s) => s.maxRssKb)), fast: splits[0].fast, svgBytes: splits[0].svgBytes };
    c.rssKb = hasTime ? Math.max(...rss) : c.split.maxRssKb;
    const emitted = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    c.graph = emitted.graph;
    c.mermaid = emitted.mermaid;
    c.parts = emitted.parts;
  }

  section('koseizu, end to end from a cold start (`node bin/koseizu.js diagram <model> -o x.svg|x.png`)');
  table(['model', 'runs', 'SVG ms (median)', 'PNG ms (median)', 'PNG px', 'PNG KiB', `peak RSS, PNG run (MB${hasTime ? '' : ', in-process child'})`, 'ELK fast settings'],
    cases.map((c) => [c.name, c.runs, ms(c.svgMs), ms(c.pngMs), `${c.png.width} x ${c.png.height}`, (c.png.bytes / 1024).toFixed(0), mb(c.rssKb), c.split.fast ? 'yes' : 'no']),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l']);

  section('koseizu in process (a fresh `node` child calling dist/ directly, split by stage; medians)');
  table(['model', 'runs', 'import + load + fonts ms', 'layout + SVG ms', 'font subset ms', 'PNG (resvg) ms', 'total ms', 'SVG KiB', 'child maxRSS MB'],
    cases.map((c) => [c.name, c.splitRuns, ms(c.split.load), ms(c.split.layoutSvg), ms(c.split.subset), ms(c.split.png), ms(c.split.total), (c.split.svgBytes / 1024).toFixed(0), mb(c.split.maxRssKb)]),
    ['l']);
  console.log('\nimport + load + fonts: importing dist/ and loading the model, reading the two 5.4 MB Noto Sans JP files;');
  console.log('layout + SVG: renderDiagramSvg (diagram graph, font measurer, elkjs import and layout, SVG);');
  console.log("font subset: subsetFonts over the drawing's characters; PNG: renderPng with the subset fonts written to temporary files.");

  // Graphviz.
  section('Graphviz `dot -Tsvg` on the same graph (cold, medians)');
  if (!dotPath) {
    console.log('skipped: `dot` not found (`which dot`); install Graphviz (Debian: apt-get install graphviz) to compare.');
  } else {
    const rows = [];
    for (const c of cases) {
      const dot = dotOf(c.graph);
      const file = join(dir, `${c.example ? 'cloud-ehr' : `bench-${c.counts.devices}`}.dot`);
      writeFileSync(file, dot.text);
      /** dot `runs` times with these extra arguments: the median wall time and the largest peak RSS, or why it failed. */
      const timeDot = (extra, runs) => {
        const times = [];
        const rss = [];
        for (let i = 0; i < runs; i++) {
          const args = [...extra, '-Tsvg', file, '-o', `${file}.svg`];
          const { wall, r } = hasTime ? run(GNU_TIME, ['-f', '%M', dotPath, ...args]) : run(dotPath, args);
          if (r.status !== 0 || r.signal || r.error) {
            const why = (r.stderr ?? '').split('\n').find((l) => /error/i.test(l))?.trim().slice(0, 80);
            const signal = r.signal ?? (/Command terminated by signal (\d+)/.exec(r.stderr ?? '')?.[1] ? `signal ${/Command terminated by signal (\d+)/.exec(r.stderr)[1]}` : null);
            return { ms: NaN, rssKb: NaN, crash: signal ? `crashed (${signal})` : `failed (exit ${r.status}${why ? `: ${why}` : ''})` };
          }
          times.push(wall);
          if (hasTime) rss.push(Number(r.stderr.trim().split('\n').pop()));
        }
        return { ms: median(times), rssKb: hasTime ? Math.max(...rss) : NaN, crash: null };
      };
      const plain = timeDot([], c.runs);
      c.dotMs = plain.ms;
      // The orthogonal peer: one run (41 s and near 1 GB at 3,000 devices).
      const ortho = c.counts.devices >= DOT_ORTHO_DEVICES ? timeDot(['-Gsplines=ortho'], 1) : null;
      c.dotOrtho = ortho;
      rows.push([c.name, dot.nodes, dot.edges, dot.clusters, plain.crash ?? ms(plain.ms), plain.crash ? '-' : mb(plain.rssKb),
        ortho ? ortho.crash ?? ms(ortho.ms) : 'not run', ortho && !ortho.crash ? mb(ortho.rssKb) : '-']);
    }
    table(['model', 'nodes', 'edges', 'clusters', 'dot -Tsvg ms', 'dot peak RSS MB', 'dot -Gsplines=ortho ms', 'ortho peak RSS MB'], rows, ['l']);
    console.log(`\ndot -Gsplines=ortho (orthogonal edges, as koseizu draws them) runs once, on the models of ${DOT_ORTHO_DEVICES} devices and more.`);
    console.log('\nDOT: rankdir=TB, a cluster per site and per location, devices as labelled boxes, links as labelled edges,');
    console.log('media as a node between invisible anchors in their rooms (compound=true). Default splines: `splines=ortho`');
    console.log('crashes dot 2.43 (signal 6 / 11) on clustered graphs with edge labels, so dot draws curves here while');
    console.log('koseizu routes orthogonally. newrank=true: without it dot 2.43 fails the 500-device graph ("trouble in');
    console.log('init_rank", exit 1). dot sizes Japanese labels from its own font estimates.');
  }

  // Mermaid in Chromium.
  section('Mermaid in headless Chromium (`mermaid.render` in the page, medians)');
  try {
    mermaidSession = await startMermaid();
  } catch (error) {
    mermaidSession = { skip: `Chromium did not start: ${error.message.split('\n')[0]}` };
  }
  if (mermaidSession.skip) {
    console.log(`skipped: ${mermaidSession.skip}`);
  } else {
    // One untimed render warms the page (JIT, Mermaid's lazily built parsers) before anything is timed.
    const warm = await mermaidRender(mermaidSession.page, [cases.find((c) => c.example).mermaid.text], 1);
    console.log(`Chromium ${mermaidSession.version} via ${mermaidSession.from}: launch ${ms(mermaidSession.launchMs)} ms (once), mermaid.min.js load + initialize ${ms(mermaidSession.scriptMs)} ms (once), first render (warm-up, cloud-EHR) ${warm.error ? `error: ${warm.error}` : `${ms(warm.ms)} ms`}.\n`);
    const rows = [];
    for (const c of cases) {
      if (!c.example && c.counts.devices > MERMAID_MAX_DEVICES) {
        c.mermaidMs = NaN;
        rows.push([c.name, c.mermaid.edges, '-', `not rendered (over ${MERMAID_MAX_DEVICES} devices: minutes in the page, and nothing GitHub would draw)`, '-']);
        continue;
      }
      const split = c.mermaid.edges > GITHUB_MAX_EDGES;
      const texts = split ? c.parts.map((p) => p.text) : [c.mermaid.text];
      const chars = texts.reduce((n, t) => n + t.length, 0);
      const r = await mermaidRender(mermaidSession.page, texts, c.runs);
      c.mermaidMs = r.error ? NaN : r.ms;
      const what = split
        ? `per site (renderMermaidBySite): ${texts.length} diagrams of ${c.parts.map((p) => p.edges).join(' + ')} edges, rendered one after the other; the whole (${c.mermaid.edges} edges) is over the ${GITHUB_MAX_EDGES} GitHub's Mermaid accepts`
        : `whole diagram${c.mermaid.text.length > GITHUB_MAX_TEXT ? ` (over GitHub's ${GITHUB_MAX_TEXT} characters; maxTextSize raised here)` : ''}`;
      rows.push([c.name, c.mermaid.edges, chars, what, r.error ? `error: ${r.error}` : ms(r.ms)]);
    }
    table(['model', 'edges (whole)', 'characters rendered', 'what was rendered', 'render ms (median)'], rows, ['l', 'r', 'r', 'l', 'r']);
    console.log('\nmermaid.initialize({ startOnLoad: false, securityLevel: "strict", maxEdges: 100000, maxTextSize: 10000000 });');
    console.log('Mermaid lays out with dagre and measures text with the page\'s fonts (whatever CJK font the system has), so');
    console.log('its boxes are not the same size as koseizu\'s; medians over the same number of runs as the CLI.');
  }

  // Ratios.
  section('Ratios');
  table(['model', 'koseizu SVG cold ms', 'dot cold ms', 'koseizu / dot', 'koseizu layout + SVG ms (in process)', 'Mermaid render ms (in page)', 'koseizu / Mermaid'],
    cases.map((c) => [c.name, ms(c.svgMs), ms(c.dotMs), ratio(c.svgMs, c.dotMs), ms(c.split.layoutSvg), ms(c.mermaidMs),
      `${ratio(c.split.layoutSvg, c.mermaidMs)}${c.mermaid.edges > GITHUB_MAX_EDGES && Number.isFinite(c.mermaidMs) ? ' (vs per-site split)' : ''}`]),
    ['l']);
  console.log('\nCold against cold for dot (both start a process); in process against in page for Mermaid (neither counts start-up).');

  // Targets (issue 15): the example under 1 s cold, 500 devices under 2 s and 300 MB, 3,000 devices faster than dot's orthogonal mode.
  const ehr = cases.find((c) => c.example);
  const size = (n) => cases.find((c) => !c.example && c.counts.devices === n);
  const big = size(300);
  const mid = size(500);
  const huge = size(3000);
  const dot = (c) => (Number.isFinite(c.dotMs) ? { name: 'dot, cold, same graph', value: c.dotMs } : null);
  const ortho = huge.dotOrtho && !huge.dotOrtho.crash ? huge.dotOrtho : null;
  targets('diagram', [
    { figure: 'cloud-EHR example, SVG end to end, cold', value: ehr.svgMs, unit: 'ms', peer: dot(ehr), limit: 1000, pass: ehr.svgMs <= 1000 },
    { figure: 'cloud-EHR example, PNG end to end, cold', value: ehr.pngMs, unit: 'ms', peer: dot(ehr), limit: 1000, pass: ehr.pngMs <= 1000 },
    { figure: '300 devices, PNG end to end, cold', value: big.pngMs, unit: 'ms', peer: dot(big), limit: 3000, pass: big.pngMs <= 3000 },
    { figure: '300 devices, peak RSS of the PNG run', value: big.rssKb / 1024, unit: 'MB', peer: null, limit: 400, pass: big.rssKb / 1024 <= 400 },
    { figure: '500 devices, PNG end to end, cold', value: mid.pngMs, unit: 'ms', peer: dot(mid), limit: 2000, pass: mid.pngMs <= 2000 },
    { figure: '500 devices, peak RSS of the PNG run', value: mid.rssKb / 1024, unit: 'MB', peer: null, limit: 300, pass: mid.rssKb / 1024 <= 300 },
    { figure: '3,000 devices, PNG end to end, cold', value: huge.pngMs, unit: 'ms', peer: ortho ? { name: 'dot -Gsplines=ortho, cold, same graph', value: ortho.ms } : dot(huge),
      limit: ortho ? ortho.ms : null, pass: ortho !== null && huge.pngMs < ortho.ms },
    { figure: '3,000 devices, peak RSS of the PNG run', value: huge.rssKb / 1024, unit: 'MB', peer: ortho ? { name: 'dot -Gsplines=ortho peak RSS', value: ortho.rssKb / 1024 } : null,
      limit: ortho ? ortho.rssKb / 1024 : null, pass: ortho !== null && huge.rssKb < ortho.rssKb },
  ]);

  console.log(`\nbench/diagram.mjs took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s.`);
} finally {
  if (mermaidSession?.browser) await mermaidSession.browser.close().catch(() => {});
  if (process.env.BENCH_KEEP) console.log(`\nkept the models and outputs in ${dir} (BENCH_KEEP)`);
  else rmSync(dir, { recursive: true, force: true });
}
}

// Run as a script (bench/serve.mjs imports generateModel from here without running it).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
