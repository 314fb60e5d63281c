// koseizu diff as JSON, for tools: the summary line, then every change with its words in both languages.
import type { ModelDiffTerms } from '../../models/diff.js';
import type { Renderer } from '../../models/render.js';
import { jsonDocument } from '../escape.js';

/** The diff for tools: its summary line, then every change with its words in both languages. */
export const diffJson: Renderer<ModelDiffTerms, { readonly summary: string }> = (diff, options) => jsonDocument({ line: options.summary, ...diff });
