// VPN route separation (VPN接続経路の分離, HEASNET via seed 003): where a device terminates a VPN that
// carries medical information and also takes general internet traffic, outsiders reach the VPN's side
// through it, and a host that should not connect to the VPN can (3). Separating the VPN route and a zone
// for the hosts that use it (control vpn-route-separation) is what is asked. One risk per device.
import type { Messages } from '../models/message.js';
import type { Rule } from '../models/rule.js';
import type { NetworkKind } from '../models/vocabulary.js';
import { at, dataList, deviceFacts, findingBy, hasControl, impactOf, sayer, start } from './predicates.js';

const MESSAGES = {
  mixed: {
    ja: '{device}でVPN接続とインターネットへの一般の接続が同じ経路を通り、外部からVPN側の{data}に到達される、または許可されない端末がVPNに接続する',
    en: 'VPN traffic and general internet traffic share the route at {device}, so outsiders reach {data} on the VPN side, or hosts that should not can join the VPN',
  },
  shared: {
    ja: '{device}はVPN（{vpn}）とインターネット（{internet}）の両方につながっている',
    en: '{device} is on both the VPN ({vpn}) and the internet ({internet})',
  },
} as const satisfies Messages;
const say = sayer(MESSAGES);

const VPNS: ReadonlySet<NetworkKind> = new Set(['ipsec-vpn', 'ssl-vpn-client', 'ssl-vpn-clientless']);

export const rule: Rule = {
  id: 'vpn-separation',
  threat: 'unauthorised-access',
  title: { ja: 'VPN接続経路とインターネット接続の未分離', en: 'VPN route not separated from internet traffic' },
  risk: {
    ja: 'インターネット接続点でVPN接続とそれ以外の接続が分離されておらず、外部からの不正なアクセスや不適切な端末からのVPN接続によって医療情報に到達される',
    en: 'at the internet connection point VPN traffic is not separated from other traffic, so outside access, or a VPN connection from a host that should not have one, reaches medical information',
  },
  cia: ['C', 'I'],
  segments: ['transfer'],
  phases: ['development', 'operation'],
  countermeasures: {
    human: [
      { ja: 'VPNの接続点・経路・ゾーンの構成を文書化し、変更時に確認する', en: 'document the VPN connection points, routes and zones, and check them on every change' },
    ],
    physical: [
      { ja: 'VPN装置とインターネット接続用の装置を分ける', en: 'use separate devices for the VPN and for general internet access' },
    ],
    technical: [
      { ja: 'VPN接続とそれ以外の接続を経路上で分離し、FW通過後に必ず認証する', en: 'separate VPN traffic from other traffic on the route, and always authenticate after the firewall' },
      { ja: 'VPN接続用の端末を置く専用ゾーンと通常のゾーンを分け、その間の通信を制限する', en: 'put hosts that use the VPN in a zone of their own, and restrict traffic between it and the ordinary zone' },
    ],
  },
  references: [
    { ja: 'HEASNET「ガイドラインの実装事例に関する報告書」VPN接続経路の分離・ゾーンの分離（地域医療連携のネットワーク上の安全管理）', en: 'HEASNET report on implementing the guideline: separating VPN routes and zones (network security of regional health information networks)' },
    { ja: '医療情報システムの安全管理に関するガイドライン 6.11（外部と個人情報を含む医療情報を交換する場合の安全管理）', en: 'MHLW guideline 6.11 (exchanging medical information with outside parties)' },
  ],
  messages: MESSAGES,
  origin: 'builtin',
  check(segment, context) {
    const hop = segment.hop;
    if (!hop || segment.dataClass === 'other' || !VPNS.has(hop.network.kind)) return [];
    return [hop.from, hop.to].flatMap((end) => {
      if (hasControl(end.device, 'vpn-route-separation')) return [];
      const open = deviceFacts(context, end.device.id).links.find((l) => l.kind === 'internet');
      if (!open) return [];
      const self = { device: at(end) };
      return [findingBy(
        [end.device.id],
        say('mixed', { ...self, data: dataList(segment.data) }),
        impactOf(segment, ['C', 'I']),
        start(3, say('shared', { ...self, vpn: { ref: hop.network.id }, internet: { ref: open.network } })),
        end.device.id,
      )];
    });
  },
};
