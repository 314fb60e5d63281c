// Rules of the catalogue as JSON, for tools. Reads the view only.
import type { RuleEntry } from '../../models/catalogue.js';
import type { Renderer } from '../../models/render.js';
import { jsonDocument } from '../escape.js';

export const rulesJson: Renderer<readonly RuleEntry[]> = (rules) => jsonDocument(rules);
