// Diagnostics as JSON for tools (an editor, a CI annotation): stable keys, 1-based positions. Reads the diagnostic list only.
import type { DiagnosticList } from '../../models/diagnostic.js';
import type { Renderer } from '../../models/render.js';
import { jsonDocument } from '../escape.js';

export const diagnosticsJson: Renderer<DiagnosticList> = (list) => jsonDocument(list.items);
