// channel-mutual-auth: the ends of a VPN or carrier line between two organisations do not authenticate each
// other with certificates: unstated 2, a shared key 3, none 4. One risk per network.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/channel-mutual-auth.js';
import { codes, el, ruleTable } from '../helpers/rule-table.js';

describe('channel-mutual-auth', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the clinic-DC VPN says nothing of how its ends authenticate: 2',
      fires: ['channel-mutual-auth@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(codes(r!.likelihood)).toEqual(['unstated']);
        expect(r?.messageId).toBe('posed');
        expect(r?.data).toMatchObject({ a: { term: 'operator', key: 'institution' }, b: { term: 'operator', key: 'provider' } });
      },
    },
    {
      name: 'a pre-shared key: 3',
      edit: (w) => { el(w, 'networks', 'vpn')['auth'] = 'pre-shared-key'; },
      fires: ['channel-mutual-auth@vpn'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['sharedKey']);
      },
    },
    {
      name: 'no authentication of the ends at all: 4',
      edit: (w) => { el(w, 'networks', 'vpn')['auth'] = 'none'; },
      fires: ['channel-mutual-auth@vpn'],
      check: ([r]) => expect(codes(r!.likelihood)).toEqual(['none']),
    },
    {
      name: 'certificates on both ends',
      edit: (w) => { el(w, 'networks', 'vpn')['auth'] = ['certificate', 'pre-shared-key']; },
      fires: [],
    },
    {
      name: 'one organisation at both ends (the provider runs the clinic\'s router)',
      edit: (w) => { el(w, 'devices', 'router')['operator'] = 'provider'; },
      fires: [],
    },
    {
      name: 'a LAN is not a channel between organisations',
      edit: (w) => { el(w, 'networks', 'vpn')['kind'] = 'lan'; delete el(w, 'networks', 'vpn')['ike']; },
      fires: [],
    },
  ]);
});
