// An in-memory SourceHost, so tests exercise the pure pipeline without touching the disk (src/load/memory.ts).
export { memoryHost } from '../../src/load/memory.js';
