// Bundles the compiled CLI (dist/src/cli/main.js) and its libraries into one file, dist/koseizu.mjs.
// Why: `koseizu validate` runs cold on every save and in CI; resolving and loading ~90 small modules
// (yaml alone has 60) cost about a quarter of its start-up. One file loads in a fraction of that.
// Ajv's runtime helpers stay outside: the generated validator loads them with require() at run time.
// So do the diagram's heavy libraries (see `external`).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/main.js'],
  outfile: 'dist/koseizu.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // The diagram's heavy libraries stay outside the bundle: they load from node_modules only when a
  // diagram is drawn (resvg is a native addon; elkjs alone is several megabytes).
  external: ['@resvg/resvg-js', 'elkjs', 'exceljs', 'subset-font'],
  // The CommonJS libraries (commander, yaml) require() Node's built-ins; an ES module has no require.
  banner: { js: "import { createRequire as koseizuCreateRequire } from 'node:module';\nconst require = koseizuCreateRequire(import.meta.url);" },
  // The workbook renderer requires exceljs from the file below (renderers/xlsx/report.ts).
  define: { KOSEIZU_EXCELJS: JSON.stringify('./vendor/exceljs.cjs') },
  logLevel: 'warning',
});

// exceljs and its dependencies as one CommonJS file: resolving and loading its ~100 modules from
// node_modules took 0.21-0.24 s of every report, one file 0.08-0.13 s. Loaded only when a workbook is
// written; the licences of what it holds are kept at its end.
await build({
  entryPoints: ['exceljs'],
  outfile: 'dist/vendor/exceljs.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
});
