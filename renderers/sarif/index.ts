// SARIF 2.1.0, for code scanning: the check.
export { checkSarif as check } from './check.js';
