// wlan-access-control: a wireless LAN without IEEE 802.1X and certificates; open/WEP 5, MAC filtering as
// the restriction 4, a personal passphrase or an unstated mode 3, unconfirmed enterprise mode 2. One risk per network.
import { describe, expect, it } from 'vitest';
import { rule } from '../../threat-rules/wlan-access-control.js';
import { loadModel } from '../../src/index.js';
import { diskHost } from '../../src/io/disk.js';
import { codes, el, ruleTable, type World } from '../helpers/rule-table.js';
import { analyse } from '../../src/analysis/analyse.js';

/** The clinic LAN (crossed by the doctor's and the printing flows) becomes a wireless LAN with these settings. */
const wireless = (settings: Record<string, unknown>) => (w: World): void => {
  Object.assign(el(w, 'networks', 'lan'), { kind: 'wireless-lan', ...settings });
};

describe('wlan-access-control', () => {
  ruleTable(rule, [
    {
      name: 'WPA2-Personal with MAC filtering and no 802.1X (the guideline\'s named case): likely, one risk for every flow crossing it',
      edit: wireless({ 'wlan-security': 'wpa2-personal', 'mac-filter': true, ieee8021x: false }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['macFilterOnly']);
        expect(r?.segments).toEqual(['print/router>printer', 'view/terminal>router']);
        expect(r?.messageId).toBe('unauthorisedDevice');
        expect(r?.data).toMatchObject({ network: { ref: 'lan' } });
        expect(r?.cia).toEqual(['C', 'I']);
      },
    },
    {
      name: 'an open wireless LAN: very likely',
      edit: wireless({ 'wlan-security': 'open' }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'anyoneJoins', data: { security: { term: 'wlanSecurity', key: 'open' } } });
      },
    },
    {
      name: 'WEP, MAC filtering or not: very likely',
      edit: wireless({ 'wlan-security': 'wep', 'mac-filter': true }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(5);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'anyoneJoins', data: { security: { term: 'wlanSecurity', key: 'wep' } } });
      },
    },
    {
      name: 'MAC filtering with no mode stated: likely',
      edit: wireless({ 'mac-filter': true }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(4);
        expect(codes(r!.likelihood)).toEqual(['macFilterOnly']);
      },
    },
    {
      name: 'WPA3-Personal without 802.1X: a shared passphrase, moderate',
      edit: wireless({ 'wlan-security': 'wpa3-personal' }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'sharedPassphrase', data: { security: { term: 'wlanSecurity', key: 'wpa3-personal' } } });
      },
    },
    {
      name: 'nothing stated about the wireless LAN: moderate, and says so',
      edit: wireless({}),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(3);
        expect(codes(r!.likelihood)).toEqual(['modeUnstated']);
      },
    },
    {
      name: 'WPA2-Enterprise not confirmed as 802.1X with certificates: low',
      edit: wireless({ 'wlan-security': 'wpa2-enterprise' }),
      fires: ['wlan-access-control@lan'],
      check: ([r]) => {
        expect(r?.likelihood.value).toBe(2);
        expect(r?.likelihood.reasons[0]).toMatchObject({ code: 'enterpriseUnconfirmed', data: { security: { term: 'wlanSecurity', key: 'wpa2-enterprise' } } });
      },
    },
    {
      name: 'IEEE 802.1X with certificates',
      edit: wireless({ 'wlan-security': 'wpa3-enterprise', ieee8021x: true, 'mac-filter': true }),
      fires: [],
    },
    {
      name: 'a wired LAN (the base world)',
      fires: [],
    },
    {
      name: 'only other information crosses an open wireless LAN (the developer\'s code)',
      edit: (w) => {
        w.flows = w.flows.filter((f) => f['id'] === 'dev');
        Object.assign(el(w, 'networks', 'dc-lan'), { kind: 'wireless-lan', 'wlan-security': 'open' });
      },
      fires: [],
    },
  ]);

  it('on the cloud-EHR example: the intake tablets\' wireless LAN relies on MAC filtering (likely)', () => {
    const { model } = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    if (!model) throw new Error('the example does not load');
    const risks = analyse(model, [rule]).risks;
    expect(risks.map((r) => r.id)).toEqual(['wlan-access-control@clinic-wlan']);
    expect(risks[0]?.likelihood.value).toBe(4);
    expect(risks[0]?.likelihood.reasons[0]?.code).toBe('macFilterOnly');
  });
});
