// Mermaid flowcharts: the configuration diagram whole, or one per site for a diagram too large for GitHub.
export { renderMermaid as diagram, renderMermaidBySite as diagramBySite, GITHUB_MAX_EDGES, GITHUB_MAX_TEXT } from './diagram.js';
export type { MermaidDirection, MermaidOptions, MermaidResult, MermaidSitePart } from './diagram.js';
