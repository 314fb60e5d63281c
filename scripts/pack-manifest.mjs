// `npm pack` and `npm publish` run this before packing (`strip`) and after (`restore`). The package's
// package.json is the repository's without its "scripts": they are for developing koseizu (build, tests,
// benchmarks, the fuzzer) and name files the package does not hold, and their `prepare` would be run, or
// reported as skipped, by every install of the tarball itself. The repository's file is kept aside whole
// (.package.json.repo) and put back by `restore`; if a pack dies in between, the next `strip` refuses until
// `node scripts/pack-manifest.mjs restore` has put it back, so the repository's file is never lost.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const KEPT = '.package.json.repo';

const step = process.argv[2];
if (step === 'strip') {
  if (existsSync(KEPT)) {
    process.stderr.write(`${KEPT} is still here from a pack that did not finish: run \`node scripts/pack-manifest.mjs restore\` first\n`);
    process.exit(1);
  }
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  delete manifest.scripts;
  copyFileSync(MANIFEST, KEPT);
  writeFileSync(`${MANIFEST}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${MANIFEST}.tmp`, MANIFEST);
} else if (step === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exit(2);
}
