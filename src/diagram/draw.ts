// A diagram's view model laid out: ELK places the boxes, with every label measured by the bundled font's
// widths. The one place a DiagramGraph becomes a DiagramDrawing, for the diagram, the report, the diff and
// the workshop alike; the renderers draw the drawing.
import type { DiagramDirection, DiagramDrawing, DiagramGraph } from '../../models/diagram.js';
import { fontMeasurer } from '../../renderers/font/index.js';
import { createElkEngine, type ElkLoader } from './elk.js';
import { layoutDiagram } from './layout.js';

export async function drawDiagram(graph: DiagramGraph, direction: DiagramDirection, loadElk?: ElkLoader): Promise<DiagramDrawing> {
  const layout = await layoutDiagram(graph, fontMeasurer(), createElkEngine(loadElk), direction);
  return { graph, layout };
}
