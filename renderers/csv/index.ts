// CSV (UTF-8 with a byte order mark, CRLF): the risk list and the flow table, for Excel.
export { flowsCsv as flows } from './flows.js';
export { threatsCsv as threats } from './threats.js';
