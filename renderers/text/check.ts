// koseizu check's text: one line per failing risk for a terminal or a CI log, then the orphaned responses
// and a summary. Reads the check view only: every word is in it already.
import type { CheckView } from '../../models/check.js';
import type { Renderer } from '../../models/render.js';
import type { SourceRange } from '../../models/source.js';
import { terminalText } from '../escape.js';

const at = (r: SourceRange): string => `${r.file}:${r.start.line}:${r.start.col}`;

/** "model.yaml:120:5: A input-spoofing@…: タイトル — メッセージ", then orphaned responses, then a summary. */
export const checkText: Renderer<CheckView> = (view) => {
  const lines = view.failing.map(({ risk, primary, title, message }) => `${at(primary)}: ${risk.rank} ${risk.id}: ${title} — ${message}`);
  for (const o of view.orphaned) lines.push(`${at(o.source)}: ${o.line}`);
  lines.push(view.summary);
  return `${lines.map(terminalText).join('\n')}\n`;
};

