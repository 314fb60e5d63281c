// The built-in rule catalogue: one rule per file, registered here in id order (a test keeps it sorted
// and checks that every file is registered and every rule has its table test).
import type { Rule } from '../models/risk.js';
import { rule as inputInjection } from './input-injection.js';
import { rule as inputSpoofing } from './input-spoofing.js';
import { rule as logLeak } from './log-leak.js';
import { rule as processingIntegrity } from './processing-integrity.js';
import { rule as storageIntegrity } from './storage-integrity.js';

export const BUILTIN_RULES: readonly Rule[] = Object.freeze([
  inputInjection,
  inputSpoofing,
  logLeak,
  processingIntegrity,
  storageIntegrity,
]);
