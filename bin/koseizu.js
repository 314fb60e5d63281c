#!/usr/bin/env node
// The installed command: runs the compiled CLI and sets the exit code it returns.
import { setFlagsFromString } from 'node:v8';

// The font subsetter is WebAssembly (harfbuzz). V8 would optimise it with TurboFan on background threads,
// and Node waits for those before its next turn of the event loop: ~0.5 s on every PNG, for code that runs
// once. Its baseline compiler is plenty for one subset.
setFlagsFromString('--liftoff-only');
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); // the reader went away, e.g. `| head`
  throw error;
});
let cli;
try {
  cli = await import('../dist/koseizu.mjs');
} catch (error) {
  if (process.env.KOSEIZU_DEBUG) console.error(error);
  process.stderr.write('koseizu is not built: run `npm install` (or `npm run build`) in the koseizu folder\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
