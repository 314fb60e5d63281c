// JSON, for tools: the risk list, the flow table, the rule catalogue, the diff, the diagnostics, the workshop state.
export { rulesJson as catalogue } from './catalogue.js';
export { diffJson as diff } from './diff.js';
export { flowsJson as flows } from './flows.js';
export { threatsJson as threats } from './threats.js';
export { diagnosticsJson as diagnostics } from './diagnostics.js';
export { workshopJson as workshop } from './workshop.js';
