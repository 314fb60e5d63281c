import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';

describe('cloud-EHR example', () => {
  it('loads without diagnostics', () => {
    const result = loadModel('examples/cloud-ehr/model.yaml', diskHost);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.flows.filter((f) => f.phase === 'operation')).toHaveLength(8);
    expect(readFileSync('examples/cloud-ehr/model.yaml', 'utf8').startsWith('# yaml-language-server: $schema=../../models/koseizu.schema.json\n')).toBe(true);
  });
});
