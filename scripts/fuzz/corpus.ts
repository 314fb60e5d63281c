// The seeds the fuzzer mutates: every examples/*/model.yaml with the files it includes, read once from the
// repository (paths as the CLI would be given them, relative to the repository root, with "/").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Example {
  /** The example's folder name: "cloud-ehr". */
  readonly name: string;
  /** The root model's path: "examples/cloud-ehr/model.yaml". */
  readonly root: string;
  /** Every file of the model by path, the root first, then its includes (transitively). */
  readonly files: Readonly<Record<string, string>>;
}

/** The repository's root: the nearest folder above this file with package.json and examples/ (works from scripts/ and dist/scripts/). */
export function repositoryRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    if (dirname(dir) === dir) throw new Error(`fuzz: no repository root (package.json and examples/) above ${from}`);
  }
}

/** The include entries a model's text names, as paths next to it (unparseable text names none). */
export function includesOf(path: string, text: string): string[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return [];
  }
  const entries = (value as { include?: unknown } | null)?.include;
  if (!Array.isArray(entries)) return [];
  return entries.filter((e): e is string => typeof e === 'string').map((e) => posix.normalize(posix.join(posix.dirname(path), e)));
}

/** Every example, sorted by name, each with its includes read. */
export function readCorpus(root: string = repositoryRoot()): Example[] {
  const names = readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'examples', e.name, 'model.yaml')))
    .map((e) => e.name)
    .sort();
  return names.map((name) => {
    const model = `examples/${name}/model.yaml`;
    const files: Record<string, string> = {};
    const queue = [model];
    while (queue.length > 0 && Object.keys(files).length < 100) {
      const path = queue.shift() as string;
      if (Object.hasOwn(files, path) || !existsSync(join(root, path))) continue;
      files[path] = readFileSync(join(root, path), 'utf8');
      queue.push(...includesOf(path, files[path]));
    }
    return { name, root: model, files };
  });
}
