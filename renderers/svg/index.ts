// SVG: the configuration diagram, from its view and layout.
export { renderSvg as diagram } from './diagram.js';
