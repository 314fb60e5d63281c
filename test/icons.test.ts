import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, type DeviceKind } from '../models/vocabulary.js';
import { DEVICE_ICONS, ICON_SIZE, iconMarkup } from '../renderers/svg/icons.js';

const KINDS = Object.keys(DEVICE_KINDS) as DeviceKind[];
const PALETTE = new Set(['#334155', '#cbd5e1', '#e2e8f0', '#ffffff', '#0ea5e9', '#16a34a', '#dc2626']);

/** The attributes each element may carry: its geometry, plus fill and stroke. */
const GEOMETRY: Readonly<Record<string, readonly string[]>> = {
  path: ['d'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
};
const PAINT = ['fill', 'stroke'];

interface Element {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
}

/** A strict little parser for the icon subset of XML: elements and attributes only, tags balanced. */
function parse(markup: string): Element[] {
  const elements: Element[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w:-]*="[^"<>&]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < markup.length) {
    const gap = markup.indexOf('<', at);
    const text = gap < 0 ? markup.slice(at) : markup.slice(at, gap);
    if (text.trim() !== '') throw new Error(`text outside any tag: ${JSON.stringify(text)}`);
    if (gap < 0) break;
    tag.lastIndex = gap;
    const m = tag.exec(markup);
    if (m === null) throw new Error(`malformed tag at ${gap}: ${markup.slice(gap, gap + 40)}`);
    const [, closing = '', name = '', attrText = '', selfClosing = ''] = m;
    if (closing !== '') {
      if (selfClosing !== '' || attrText !== '') throw new Error(`malformed closing tag </${name}>`);
      if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      const attrs = new Map<string, string>();
      for (const a of attrText.matchAll(/([A-Za-z][\w:-]*)="([^"]*)"/g)) {
        const [, key = '', value = ''] = a;
        if (attrs.has(key)) throw new Error(`duplicate attribute ${key} on <${name}>`);
        attrs.set(key, value);
      }
      elements.push({ name, attrs });
      if (selfClosing === '') open.push(name);
    }
    at = tag.lastIndex;
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join('>, <')}>`);
  return elements;
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)/g;
const numbers = (s: string): number[] => (s.match(NUMBER) ?? []).map(Number);

/** The absolute points a path passes through or pulls towards (end and control points), and its arc radii. */
function pathPoints(d: string): { points: [number, number][]; radii: number[] } {
  const ARITY: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
  const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  expect(tokens.join(''), `path data has only commands and numbers: ${d}`).toBe(d.replace(/[\s,]+/g, ''));
  const points: [number, number][] = [];
  const radii: number[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  let command = '';
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    if (/[A-Za-z]/.test(t)) {
      command = t;
      i += 1;
    } else if (command === '') {
      throw new Error(`path data starts with a number: ${d}`);
    }
    const lower = command.toLowerCase();
    const arity = ARITY[lower] ?? 0;
    const relative = command === lower;
    if (arity === 0) {
      if (!/^[A-Za-z]?$/.test(tokens[i] ?? '')) throw new Error(`number after closepath: ${d}`);
      x = startX;
      y = startY;
      continue;
    }
    const args = tokens.slice(i, i + arity).map(Number);
    if (args.length < arity || args.some(Number.isNaN)) throw new Error(`path data ends early: ${d}`);
    i += arity;
    const px = (v: number): number => (relative ? x + v : v);
    const py = (v: number): number => (relative ? y + v : v);
    const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0] = args;
    let nx: number;
    let ny: number;
    if (lower === 'h') {
      nx = px(a0);
      ny = y;
    } else if (lower === 'v') {
      nx = x;
      ny = py(a0);
    } else if (lower === 'a') {
      radii.push(a0, a1);
      nx = px(a5);
      ny = py(a6);
    } else {
      for (let k = 0; k + 2 < arity; k += 2) points.push([px(args[k] ?? 0), py(args[k + 1] ?? 0)]);
      nx = px(arity === 2 ? a0 : arity === 4 ? a2 : a4);
      ny = py(arity === 2 ? a1 : arity === 4 ? a3 : a5);
    }
    x = nx;
    y = ny;
    points.push([x, y]);
    if (lower === 'm') {
      startX = x;
      startY = y;
      command = relative ? 'l' : 'L'; // further pairs after a moveto are linetos
    }
  }
  return { points, radii };
}

/** Every point an element's geometry names, in icon coordinates. */
function elementPoints(e: Element): [number, number][] {
  const n = (key: string): number => Number(e.attrs.get(key) ?? '0');
  switch (e.name) {
    case 'path':
      return pathPoints(e.attrs.get('d') ?? '').points;
    case 'rect':
      return [[n('x'), n('y')], [n('x') + n('width'), n('y') + n('height')]];
    case 'circle':
      return [[n('cx') - n('r'), n('cy') - n('r')], [n('cx') + n('r'), n('cy') + n('r')]];
    case 'ellipse':
      return [[n('cx') - n('rx'), n('cy') - n('ry')], [n('cx') + n('rx'), n('cy') + n('ry')]];
    case 'line':
      return [[n('x1'), n('y1')], [n('x2'), n('y2')]];
    case 'polyline': {
      const v = numbers(e.attrs.get('points') ?? '');
      expect(v.length % 2, 'polyline points come in pairs').toBe(0);
      const out: [number, number][] = [];
      for (let k = 0; k + 1 < v.length; k += 2) out.push([v[k] ?? 0, v[k + 1] ?? 0]);
      return out;
    }
    default:
      return [];
  }
}

/** The icon as the renderer draws it, in a standalone document with room around the 32x32 box. */
function wrapped(icon: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="-16 -16 64 64">' +
    '<g fill="none" stroke="#334155" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">' +
    `${icon}</g></svg>`
  );
}

describe('device icons', () => {
  it('has exactly one icon per device kind', () => {
    expect(ICON_SIZE).toBe(32);
    expect(Object.keys(DEVICE_ICONS).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) {
      expect(iconMarkup(kind)).toBe(DEVICE_ICONS[kind]);
      expect(iconMarkup(kind).length, kind).toBeGreaterThan(0);
      expect(iconMarkup(kind).length, `${kind} stays small`).toBeLessThan(600);
    }
  });

  it('gives every kind a different icon', () => {
    expect(new Set(Object.values(DEVICE_ICONS)).size).toBe(KINDS.length);
  });

  describe.each(KINDS)('%s', (kind) => {
    const icon = DEVICE_ICONS[kind];

    it('is well-formed markup of the allowed elements and attributes only', () => {
      const elements = parse(`<svg xmlns="http://www.w3.org/2000/svg">${icon}</svg>`).slice(1);
      expect(elements.length).toBeGreaterThan(0);
      for (const e of elements) {
        const geometry = GEOMETRY[e.name];
        expect(geometry, `<${e.name}> is not an allowed element`).toBeDefined();
        for (const key of e.attrs.keys()) {
          expect([...(geometry ?? []), ...PAINT], `<${e.name} ${key}> is not an allowed attribute`).toContain(key);
        }
      }
    });

    it('uses palette colours only', () => {
      for (const e of parse(icon)) {
        for (const key of PAINT) {
          const value = e.attrs.get(key);
          if (value !== undefined && value !== 'none') expect(PALETTE, `${key}="${value}"`).toContain(value);
        }
      }
      for (const hex of icon.match(/#[0-9A-Za-z]+/g) ?? []) expect(PALETTE).toContain(hex);
      expect(icon).not.toMatch(/url\(|href|rgb|hsl|currentColor|opacity/i);
    });

    it('keeps every coordinate within the 32x32 box, with at most one decimal', () => {
      for (const e of parse(icon)) {
        for (const [key, value] of e.attrs) {
          if (PAINT.includes(key)) continue;
          expect(value, `<${e.name} ${key}="${value}"> has at most one decimal`).not.toMatch(/\.\d\d/);
          if (e.name !== 'path') {
            for (const v of numbers(value)) {
              expect(v, `<${e.name} ${key}>`).toBeGreaterThanOrEqual(0);
              expect(v, `<${e.name} ${key}>`).toBeLessThanOrEqual(ICON_SIZE);
            }
          }
        }
        if (e.name === 'path') {
          for (const r of pathPoints(e.attrs.get('d') ?? '').radii) {
            expect(r).toBeGreaterThan(0);
            expect(r).toBeLessThanOrEqual(ICON_SIZE);
          }
        }
        for (const [x, y] of elementPoints(e)) {
          expect(x, `<${e.name}> x`).toBeGreaterThanOrEqual(0);
          expect(x, `<${e.name}> x`).toBeLessThanOrEqual(ICON_SIZE);
          expect(y, `<${e.name}> y`).toBeGreaterThanOrEqual(0);
          expect(y, `<${e.name}> y`).toBeLessThanOrEqual(ICON_SIZE);
        }
      }
    });

    it('renders, inside the box with a margin and about its centre', () => {
      const resvg = new Resvg(wrapped(icon));
      const box = resvg.getBBox(); // includes the stroke
      expect(box).toBeDefined();
      if (box === undefined) return;
      expect(box.x).toBeGreaterThanOrEqual(1);
      expect(box.y).toBeGreaterThanOrEqual(1);
      expect(box.x + box.width).toBeLessThanOrEqual(ICON_SIZE - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(ICON_SIZE - 1);
      expect(Math.abs(box.x + box.width / 2 - ICON_SIZE / 2)).toBeLessThanOrEqual(1);
      expect(Math.abs(box.y + box.height / 2 - ICON_SIZE / 2)).toBeLessThanOrEqual(1);
      const image = resvg.render();
      expect(image.width).toBe(64);
      expect(image.pixels.some((v, k) => k % 4 === 3 && v > 0), 'draws something').toBe(true);
    });
  });
});
