// The information-flow table as JSON, for tools. Reads the view only.
import type { FlowTable } from '../../models/flows.js';
import type { Renderer } from '../../models/render.js';
import { jsonDocument } from '../escape.js';

export const flowsJson: Renderer<FlowTable> = (table) => jsonDocument({ title: table.title, lang: table.lang, sections: table.sections });
