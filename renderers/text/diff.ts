// koseizu diff as a terminal listing: the versions, the summary, each risk, element and response change.
// Reads the diff view only (src/diff/view.ts): every word is in it already.
import type { DiffView, PropertyChange } from '../../models/diff.js';
import type { Renderer } from '../../models/render.js';
import { terminalText } from '../escape.js';

/** A property's values, shortened for a line or a table cell. */
const values = (p: PropertyChange): string => {
  const short = (v: string): string => (v.length > 80 ? `${v.slice(0, 77)}…` : v || '—');
  return `${p.key}: ${short(p.old)} → ${short(p.new)}`;
};

export const diffText: Renderer<DiffView> = (view) => {
  const lines = [`${view.old.label} → ${view.new.label}`, view.summary, view.elementLine];
  for (const r of view.risks) {
    lines.push(`  ${r.stateWord.padEnd(view.words.statePad)} ${r.rankMove}  ${r.id}  ${r.title}`);
    for (const why of r.why) lines.push(`      ${why}`);
  }
  for (const e of view.elements) {
    const label = e.state === 'renamed' ? `"${e.label.old}" → "${e.label.new}"` : (e.label.new ?? e.label.old ?? '');
    lines.push(`  ${e.stateWord} ${e.kindWord} ${e.id} ${label}${e.state === 'changed' ? ` (${e.properties.map((p) => p.key).join(', ')})` : ''}`);
  }
  for (const r of view.responses) {
    lines.push(`  ${r.stateWord} ${view.words.response} ${r.pattern} ${r.source}`);
    for (const p of r.properties) lines.push(`      ${values(p)}`);
  }
  return `${lines.map(terminalText).join('\n')}\n`;
};

