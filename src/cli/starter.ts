// The commented starter model `koseizu init` writes: small, valid, and a tour of every section.
import type { Lang } from '../../models/vocabulary.js';

const LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  title: { ja: 'クラウド型電子カルテサービス', en: 'Cloud EHR service' },
  clinic: { ja: '医療機関', en: 'Clinic' },
  dc: { ja: '対象事業者DC', en: 'Provider data centre' },
  exam: { ja: '診察室', en: 'Exam room' },
  serverRoom: { ja: 'サーバ室', en: 'Server room' },
  doctor: { ja: '医師', en: 'Doctor' },
  records: { ja: '診療録', en: 'Medical records' },
  appLog: { ja: 'アプリケーションログ', en: 'Application log' },
  terminal: { ja: '電子カルテ端末', en: 'EHR terminal' },
  server: { ja: '電子カルテサーバ', en: 'EHR server' },
  logServer: { ja: 'ログサーバ', en: 'Log server' },
  vpn: { ja: 'IPsec-VPN', en: 'IPsec VPN' },
  dcLan: { ja: 'DC内部ネットワーク', en: 'DC internal network' },
  boundary: { ja: '端末のVPNクライアントで分界（端末は医療機関、VPNとDCは対象事業者）', en: 'the terminal\'s VPN client: the clinic runs the terminal, the provider the VPN and the data centre' },
  logFlow: { ja: 'ログサーバでアプリケーションログが保存される', en: 'Application logs are stored on the log server' },
  flow: { ja: '医師が診察室の電子カルテ端末で診療録を閲覧・操作する', en: 'Doctor views and edits records at the exam-room terminal' },
};

export function starterModel(lang: Lang, schemaPath: string): string {
  const l = (key: string): string => LABELS[key]?.[lang] ?? key;
  return `# yaml-language-server: $schema=${schemaPath}
# A koseizu model: the configuration diagram (全体構成図) and information flows (情報流) of one system.
# Check it with:  npx koseizu validate <this file>
# Every element has a stable kebab-case id (used in risk ids) and a label (shown in outputs).
koseizu: 1

system:
  id: my-system
  title: ${l('title')}
  forms: [application]                            # application / platform / infrastructure (提供形態)
  phases: [development, operation, termination]   # lifecycle phases assessed (フェーズ)
  lang: ${lang}

# Physical sites (拠点) and who runs them: institution / provider / third-party.
sites:
  - {id: clinic, label: ${l('clinic')}, owner: institution}
  - {id: provider-dc, label: ${l('dc')}, owner: provider, country: JP}

# Rooms or areas inside a site (設置場所), with physical controls.
locations:
  - {id: exam-room, label: ${l('exam')}, site: clinic}
  - {id: server-room, label: ${l('serverRoom')}, site: provider-dc, controls: [locked, entry-log]}

# Who handles information (Who): org is institution / provider / third-party / public.
actors:
  - {id: doctor, label: ${l('doctor')}, org: institution}

# Information assets (What) and their class: medical / may-contain-medical / other.
data:
  - {id: records, label: ${l('records')}, class: medical, legal-record: true, retention: 5y}
  - {id: app-log, label: ${l('appLog')}, class: may-contain-medical, kind: log, retention: 5y}

# Devices (Which): kind, location (at), count, auth, exposure, controls, and what they keep (stores).
devices:
  - {id: ehr-terminal, label: ${l('terminal')}, kind: terminal, at: exam-room, count: 4, auth: [password, ic-card]}
  - {id: ehr-server, label: ${l('server')}, kind: server, at: server-room, roles: [process, store], stores: [records],
     controls: [encryption-at-rest, offline-backup, audit-log]}
  - {id: log-server, label: ${l('logServer')}, kind: log-server, at: server-room, controls: [log-masking]}

# Networks with their security facts, and the links that run over them. Between two organisations,
# say where responsibility passes from one to the other (boundary, 責任分界点).
networks:
  - {id: vpn, label: ${l('vpn')}, kind: ipsec-vpn, ike: true, boundary: "${l('boundary')}"}
  - {id: dc-lan, label: ${l('dcLan')}, kind: cloud-internal}
links:
  - {from: ehr-terminal, to: ehr-server, network: vpn, protocol: https, tls: "1.3"}
  - {from: ehr-server, to: log-server, network: dc-lan, protocol: syslog}

# Storage media carried between locations (記憶媒体の搬送) go under media:.

# Information flows: Who / Where / Which / What / How, per phase, with the path of devices.
flows:
  - id: exam-records
    label: ${l('flow')}
    phase: operation
    who: doctor
    where: exam-room
    which: ehr-terminal
    what: [records]
    how: [view, edit]
    path: [ehr-terminal, ehr-server, log-server]
  - {id: app-logging, label: ${l('logFlow')}, phase: operation, where: server-room, which: log-server,
     what: [app-log], how: [store]}

# Responses to risks (リスク対応), keyed by risk id, go under responses:.
`;
}
