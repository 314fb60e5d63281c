// The risk assessment result list as JSON, for tools: the rows with their ids, grades and words. Reads the view only.
import type { Renderer } from '../../models/render.js';
import type { ThreatList } from '../../models/threats.js';
import { jsonDocument } from '../escape.js';

export const threatsJson: Renderer<ThreatList> = (list) => {
  const { headings: _headings, words: _words, ...rest } = list;
  return jsonDocument(rest);
};
