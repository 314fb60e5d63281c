// Diagnostics as JSON for tools (an editor, a CI annotation): stable keys, 1-based positions. Reads the diagnostic list only.
import type { DiagnosticList } from '../../models/diagnostic.js';
import type { Renderer } from '../../models/render.js';

export const diagnosticsJson: Renderer<DiagnosticList> = (list) => `${JSON.stringify(list.items, null, 2)}\n`;
