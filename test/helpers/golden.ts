// Golden files: expected outputs beside the tests, compared byte for byte.
// On a mismatch the actual output is written next to the golden as <name>.got.<ext> for review;
// KOSEIZU_ACCEPT=1 rewrites the golden on purpose. Read the diff of a golden file before committing it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { expect } from 'vitest';

export const ACCEPT = process.env['KOSEIZU_ACCEPT'] === '1';

export function expectGolden(path: string, actual: string): void {
  const ext = extname(path);
  const got = `${path.slice(0, path.length - ext.length)}.got${ext}`;
  if (ACCEPT) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    rmSync(got, { force: true });
    return;
  }
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(got, actual);
    throw new Error(`missing golden file ${path}: wrote ${got}; review it and run with KOSEIZU_ACCEPT=1 to accept`);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) writeFileSync(got, actual);
  else rmSync(got, { force: true });
  expect(actual, `${path} differs: see ${got}; KOSEIZU_ACCEPT=1 accepts on purpose`).toBe(expected);
}
