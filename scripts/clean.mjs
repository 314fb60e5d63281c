// Empties dist/ before a build, so files of modules that were moved or removed are not left there to be
// imported by mistake or packed into the npm package.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
