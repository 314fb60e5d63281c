// The information-flow table as JSON, for tools. Reads the view only.
import type { FlowTable } from '../../models/flows.js';
import type { Renderer } from '../../models/render.js';

export const flowsJson: Renderer<FlowTable> = (table) => `${JSON.stringify({ title: table.title, lang: table.lang, sections: table.sections }, null, 2)}\n`;
