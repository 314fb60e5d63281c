// koseizu's own files: its folder, version, JSON Schema and the bundled diagram font, found beside the
// running module whether it runs from the repository, the CLI's bundle or an installed package.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * koseizu's own folder: the nearest one above this module holding koseizu's package.json. The module runs
 * from dist/koseizu.mjs (the CLI's bundle) or from dist/src/io/ (the library), in the repository or installed.
 */
export function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown }).name === 'koseizu') return dir;
      } catch {
        // not ours: keep looking above
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** koseizu's version, from its package.json (read only when asked for). */
export function packageVersion(): string {
  const root = packageRoot();
  return root === null ? 'unknown' : (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The JSON Schema file shipped with koseizu (models/koseizu.schema.json in its folder). */
export function schemaFile(): string {
  return join(packageRoot() ?? process.cwd(), 'models', 'koseizu.schema.json');
}

const requireHere = createRequire(import.meta.url);

/** The bundled Noto Sans JP files (regular and bold), from the npm package. */
export function diagramFontFiles(): { readonly regular: string; readonly bold: string } {
  return {
    regular: requireHere.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: requireHere.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  };
}

export function readDiagramFonts(): { readonly regular: Uint8Array; readonly bold: Uint8Array } {
  const files = diagramFontFiles();
  return { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
}

