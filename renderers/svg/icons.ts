// Device-kind icons for the configuration diagram, drawn by hand in a 32x32 box (origin top-left).
//
// Each entry is the inner markup of one icon. The renderer wraps it as
//   <g transform="translate(x y)" fill="none" stroke="#334155" stroke-width="1.6"
//      stroke-linecap="round" stroke-linejoin="round">ICON</g>
// so icons are line drawings that inherit stroke and fill; a part that should be filled carries its
// own `fill`, taken only from the palette below. test/icons.test.ts holds the icons to this contract.
import { METRICS } from '../../models/diagram.js';
import type { DeviceKind } from '../../models/vocabulary.js';

/** Icons are drawn in an ICON_SIZE x ICON_SIZE box: the diagram's METRICS.device.icon, which the layout reserves. */
export const ICON_SIZE = METRICS.device.icon;

// Palette: ink, light, lighter, white, and one accent per family (network gear, medical, firewall).
const INK = '#334155';
const LIGHT = '#cbd5e1';
const LIGHTER = '#e2e8f0';
const WHITE = '#ffffff';
const NET = '#0ea5e9';
const MED = '#16a34a';
const FIRE = '#dc2626';

export const DEVICE_ICONS: Readonly<Record<DeviceKind, string>> = Object.freeze({
  // Two stacked 1U rack units, each with two LEDs and a drive slot.
  server:
    `<rect x="4" y="5" width="24" height="10" rx="1.5" fill="${LIGHTER}"/>` +
    `<rect x="4" y="17" width="24" height="10" rx="1.5" fill="${LIGHTER}"/>` +
    `<circle cx="8.5" cy="10" r="1.2" fill="${INK}" stroke="none"/>` +
    `<circle cx="12" cy="10" r="1.2" fill="${INK}" stroke="none"/>` +
    `<circle cx="8.5" cy="22" r="1.2" fill="${INK}" stroke="none"/>` +
    `<circle cx="12" cy="22" r="1.2" fill="${INK}" stroke="none"/>` +
    `<line x1="16" y1="10" x2="24" y2="10"/>` +
    `<line x1="16" y1="22" x2="24" y2="22"/>`,

  // A cylinder with one band.
  database:
    `<path d="M6 8v16a10 3.5 0 0 0 20 0V8" fill="${LIGHTER}"/>` +
    `<ellipse cx="16" cy="8" rx="10" ry="3.5" fill="${WHITE}"/>` +
    `<path d="M6 16a10 3.5 0 0 0 20 0"/>`,

  // A page of text lines with a small rack unit in front of it.
  'log-server':
    `<path d="M5 3h11l5 5v14H5z" fill="${WHITE}"/>` +
    `<path d="M16 3v5h5"/>` +
    `<line x1="8.5" y1="11" x2="17.5" y2="11"/>` +
    `<line x1="8.5" y1="14.5" x2="17.5" y2="14.5"/>` +
    `<line x1="8.5" y1="18" x2="13" y2="18"/>` +
    `<rect x="12" y="20" width="16" height="9" rx="1.5" fill="${LIGHTER}"/>` +
    `<circle cx="15.5" cy="24.5" r="1.2" fill="${INK}" stroke="none"/>` +
    `<line x1="19" y1="24.5" x2="25" y2="24.5"/>`,

  // A desktop monitor on a stand.
  terminal:
    `<rect x="3" y="4" width="26" height="18" rx="2"/>` +
    `<rect x="6" y="7" width="20" height="12" rx="0.5" fill="${LIGHTER}" stroke="none"/>` +
    `<path d="M16 22v5"/>` +
    `<line x1="10" y1="27.5" x2="22" y2="27.5"/>`,

  // A portrait tablet with a home dot.
  tablet:
    `<rect x="6" y="3" width="20" height="26" rx="2.5"/>` +
    `<rect x="8.5" y="6" width="15" height="17.5" rx="0.5" fill="${LIGHTER}" stroke="none"/>` +
    `<circle cx="16" cy="26" r="1.1" fill="${INK}" stroke="none"/>`,

  // A narrower phone with a speaker slot.
  smartphone:
    `<rect x="9.5" y="3" width="13" height="26" rx="2.5"/>` +
    `<line x1="14.5" y1="6" x2="17.5" y2="6"/>` +
    `<rect x="11.5" y="8.5" width="9" height="15.5" rx="0.5" fill="${LIGHTER}" stroke="none"/>` +
    `<line x1="14.5" y1="26.5" x2="17.5" y2="26.5"/>`,

  // A printer with a sheet going in at the top and a printed sheet coming out at the front.
  printer:
    `<path d="M9 11V4h14v7"/>` +
    `<rect x="3" y="11" width="26" height="11" rx="2" fill="${LIGHTER}"/>` +
    `<circle cx="24.5" cy="14.5" r="1.1" fill="${INK}" stroke="none"/>` +
    `<path d="M9 18h14v10H9z" fill="${WHITE}"/>` +
    `<line x1="12" y1="21.5" x2="20" y2="21.5"/>` +
    `<line x1="12" y1="24.5" x2="17" y2="24.5"/>`,

  // The classic router symbol: a disc with four arrows, in along one axis and out along the other.
  router:
    `<circle cx="16" cy="16" r="12.5" fill="${LIGHTER}"/>` +
    `<path d="M16 13.5V7M13.2 9.8l2.8-2.8 2.8 2.8M16 18.5V25M13.2 22.2l2.8 2.8 2.8-2.8" stroke="${NET}"/>` +
    `<path d="M7 16h5.5M9.7 13.2l2.8 2.8-2.8 2.8M25 16h-5.5M22.3 13.2l-2.8 2.8 2.8 2.8" stroke="${NET}"/>`,

  // A brick wall.
  firewall:
    `<rect x="3" y="5" width="26" height="22" rx="1" fill="${FIRE}"/>` +
    `<path d="M3 10.5h26M3 16h26M3 21.5h26"/>` +
    `<path d="M11.5 5v5.5M20.5 5v5.5M7 10.5V16M16 10.5V16M25 10.5V16M11.5 16v5.5M20.5 16v5.5M7 21.5V27M16 21.5V27M25 21.5V27"/>`,

  // A padlock sitting on a network appliance.
  'vpn-gateway':
    `<path d="M12 11.5V8.5a4 4 0 0 1 8 0v3"/>` +
    `<rect x="9.5" y="11.5" width="13" height="9" rx="1.5" fill="${NET}"/>` +
    `<circle cx="16" cy="15.5" r="1.3" fill="${WHITE}" stroke="none"/>` +
    `<rect x="3" y="22.5" width="26" height="6" rx="1.5" fill="${LIGHTER}"/>` +
    `<circle cx="7" cy="25.5" r="1" fill="${INK}" stroke="none"/>` +
    `<line x1="11" y1="25.5" x2="25" y2="25.5"/>`,

  // A dot with three radiating arcs, on a post and a small base.
  'wireless-ap':
    `<path d="M12.5 13.5a5 5 0 0 1 7 0M9.6 10.6a9 9 0 0 1 12.8 0M6.8 7.7a13 13 0 0 1 18.4 0" stroke="${NET}"/>` +
    `<circle cx="16" cy="17" r="1.8" fill="${NET}" stroke="none"/>` +
    `<path d="M16 19v4"/>` +
    `<rect x="8" y="23" width="16" height="5.5" rx="1.5" fill="${LIGHTER}"/>`,

  // A NAS with three vertical drive bays, each with its LED.
  storage:
    `<rect x="4" y="4" width="24" height="24" rx="2" fill="${LIGHTER}"/>` +
    `<rect x="7.5" y="7.5" width="4.3" height="13" rx="0.6" fill="${WHITE}"/>` +
    `<rect x="13.9" y="7.5" width="4.3" height="13" rx="0.6" fill="${WHITE}"/>` +
    `<rect x="20.2" y="7.5" width="4.3" height="13" rx="0.6" fill="${WHITE}"/>` +
    `<circle cx="9.7" cy="24.3" r="1" fill="${INK}" stroke="none"/>` +
    `<circle cx="16" cy="24.3" r="1" fill="${INK}" stroke="none"/>` +
    `<circle cx="22.3" cy="24.3" r="1" fill="${INK}" stroke="none"/>`,

  // A cloud with an arrow leaving it.
  'external-system':
    `<path d="M9.5 25h13a5.5 5.5 0 0 0 1-10.9A7.5 7.5 0 1 0 8.5 14.1 5.5 5.5 0 0 0 9.5 25z" fill="${LIGHTER}"/>` +
    `<path d="M12.5 21.5l7-7M14.5 14.5h5v5"/>`,

  // A patient monitor: a dark screen with a green heartbeat trace, a green cross, and feet.
  'medical-device':
    `<rect x="3" y="5" width="26" height="19" rx="2"/>` +
    `<rect x="5.5" y="7.5" width="16" height="14" rx="0.5" fill="${INK}" stroke="none"/>` +
    `<polyline points="6.5,15.5 10,15.5 11.5,12 14,19 15.5,14 16.5,15.5 20.5,15.5" stroke="${MED}"/>` +
    `<path d="M25.3 9v5M22.8 11.5h5" stroke="${MED}"/>` +
    `<circle cx="25.3" cy="19" r="1" fill="${LIGHT}"/>` +
    `<path d="M8 24v3M24 24v3"/>`,
});

/** The inner markup of the icon for a device kind (see DEVICE_ICONS). */
export function iconMarkup(kind: DeviceKind): string {
  return DEVICE_ICONS[kind];
}
