// responsibility-gap: medical information over a link between two organisations with no boundary, or over a
// carrier's network with no operator or no agreement with it (3). One risk per link or network.
import { describe, expect } from 'vitest';
import { rule } from '../../threat-rules/responsibility-gap.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';

/** The clinic and the DC joined by a carrier's closed network, its boundary stated. */
function closed(w: World, network: Record<string, unknown>): void {
  Object.assign(el(w, 'networks', 'vpn'), { kind: 'closed-network', boundary: 'the clinic router\'s WAN port', ...network });
  delete el(w, 'networks', 'vpn')['ike'];
}

describe('responsibility-gap', () => {
  ruleTable(rule, [
    {
      name: 'the base world: the clinic-DC VPN link has no boundary',
      fires: ['responsibility-gap@router--gateway'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['noBoundary']);
        expect(r?.messageId).toBe('unanswered');
        expect(r?.responsibility.who).toBe('both');
      },
    },
    {
      name: 'the boundary stated on the network',
      edit: (w) => { el(w, 'networks', 'vpn')['boundary'] = 'the clinic router\'s WAN port'; },
      fires: [],
    },
    {
      name: 'a carrier\'s closed network with no operator named',
      edit: (w) => closed(w, {}),
      fires: ['responsibility-gap@vpn'],
      check: ([r]) => expect(codes(r!.likelihood)).toEqual(['noOperator']),
    },
    {
      name: 'its carrier named, but no agreement with it',
      edit: (w) => {
        (w as unknown as { parties: unknown[] }).parties = [{ id: 'telco', label: 'Telco', kind: 'carrier' }];
        closed(w, { operator: 'telco' });
      },
      fires: ['responsibility-gap@vpn'],
      check: ([r]) => {
        expect(codes(r!.likelihood)).toEqual(['noAgreement']);
        expect(r?.responsibility.parties).toEqual(['provider', 'institution', 'telco']);
      },
    },
    {
      name: 'the carrier and its agreement named',
      edit: (w) => {
        (w as unknown as { parties: unknown[] }).parties = [{ id: 'telco', label: 'Telco', kind: 'carrier', agreement: 'closed network service contract' }];
        closed(w, { operator: 'telco' });
      },
      fires: [],
    },
    {
      name: 'only other information crosses it',
      edit: (w: World) => { w.flows = w.flows.filter((f) => f['id'] === 'dev' || f['id'] === 'logs'); },
      fires: [],
    },
  ]);
});
