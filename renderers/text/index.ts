// Plain text for a terminal or a CI log: the check and the diff.
export { checkText as check } from './check.js';
export { diffText as diff } from './diff.js';
export { diagnosticsText as diagnostics } from './diagnostics.js';
