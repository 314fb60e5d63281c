// Stage 2: the shape of each file, checked against the DSL's JSON Schema (compiled ahead of time),
// with every schema error turned into a positioned diagnostic in the user's terms.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../models/diagnostic.js';
import validateSchema from '../../models/generated/schema-validator.js';
import { ID_PATTERN, schema } from '../../models/schema.js';
import { describeType, diagnostic, pointRange, type Locator, type ParsedFile, type PathSegment } from './parse.js';
import { suggest } from './suggest.js';

type SchemaNode = Record<string, unknown>;

/** Section key -> the name of one of its elements, as messages say it. */
export const SECTION_ELEMENT: Readonly<Record<string, string>> = {
  parties: 'party', sites: 'site', locations: 'location', actors: 'actor', data: 'data', devices: 'device',
  networks: 'network', links: 'link', media: 'media', flows: 'flow', responses: 'response',
};
/** Lists nested inside elements whose items are elements of their own in messages. */
const NESTED_ELEMENT: Readonly<Record<string, string>> = { measures: 'measure' };

/** Schema errors of one file that are turned into diagnostics, at most. */
const MAX_SCHEMA_ERRORS = 2000;

export function checkStructure(parsed: ParsedFile): Diagnostic[] {
  if (parsed.value === undefined) return [];
  const controls = controlCharacters(parsed);
  const validate = validateSchema as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };
  if (validate(parsed.value)) return controls;
  // Past a few thousand, more errors tell the user nothing new, and matching anyOf branches grows with
  // their square: the first ones are reported (the model is refused either way).
  const selected = selectAnyOfBranches((validate.errors ?? []).slice(0, MAX_SCHEMA_ERRORS), parsed.value);
  // A value of the wrong type also fails its enum or pattern: the type error says it all.
  const typed = new Set(selected.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const errors = selected.filter((e) => e.keyword === 'type' || !typed.has(e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const d = toDiagnostic(error, parsed.value, parsed.locator, parsed.file);
    if (!d) continue;
    const key = `${d.code}:${d.range.start.line}:${d.range.start.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return [...out, ...controls];
}

/** Characters that no XML, CSV cell or terminal line can hold: C0 controls but tab, line feed and return, and U+FFFE/U+FFFF. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** Every string in the file holding a control character, reported where it is. */
function controlCharacters(parsed: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const found = CONTROL.exec(value)?.[0];
      if (found !== undefined) {
        const { field } = describePath(path);
        out.push(diagnostic('KZ112', parsed.locator.range(path), { field, char: `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` }));
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(parsed.value, []);
  return out;
}

/** An Ajv instance path ("/devices/3/auth") as path segments. */
export function toPath(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
  });
}

/** The value at a path in a parsed document, or undefined. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The schema node that describes the value at `path`, following properties, items and $ref. */
function schemaAt(path: readonly PathSegment[]): SchemaNode | undefined {
  const deref = (node: SchemaNode | undefined): SchemaNode | undefined => {
    const ref = node?.['$ref'];
    if (typeof ref !== 'string') return node;
    const name = ref.replace('#/definitions/', '');
    return (schema['definitions'] as Record<string, SchemaNode>)[name];
  };
  let node = deref(schema as SchemaNode);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = deref(node['items'] as SchemaNode | undefined);
    else node = deref((node['properties'] as Record<string, SchemaNode> | undefined)?.[segment]);
  }
  return node;
}

/**
 * The element a path is inside ("device", or "measure" inside a response), and the key being checked
 * ("kind"; an item of a list is named with its index, "sites[0]").
 */
function describePath(path: readonly PathSegment[]): { element: string; field: string; key: string } {
  let element = path.length === 0 ? 'model' : String(path[0]);
  for (let i = 0; i + 1 < path.length; i++) {
    const key = path[i];
    if (typeof key === 'string' && typeof path[i + 1] === 'number') element = (i === 0 ? SECTION_ELEMENT[key] : NESTED_ELEMENT[key]) ?? element;
  }
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const field = typeof last === 'number' ? `${String(parent)}[${last}]` : (last ?? 'model');
  const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? 'model';
  return { element, field, key };
}

/**
 * anyOf reports the errors of every branch. Keep only the branch meant: the one whose type fits the
 * value (a single string vs a list for `auth`; the named controls rather than the "x-" pattern).
 */
function selectAnyOfBranches(errors: readonly ErrorObject[], root: unknown): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const anyOf of anyOfs) {
    dropped.add(anyOf);
    const prefix = `${anyOf.schemaPath}/`;
    const branches = new Map<number, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix) || !(e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`))) continue;
      const index = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      branches.set(index, [...(branches.get(index) ?? []), e]);
      dropped.add(e);
    }
    const fitting = [...branches.entries()]
      .filter(([, errs]) => !errs.some((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath))
      .sort(([a], [b]) => a - b);
    const chosen = fitting[0];
    if (chosen) {
      added.push(...chosen[1]);
    } else {
      const types = [...branches.values()].flatMap((errs) => errs.filter((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath).map((e) => String(e.params['type'])));
      added.push({ ...anyOf, keyword: 'type', params: { type: [...new Set(types)].join(' or ') }, data: valueAt(root, toPath(anyOf.instancePath)) });
    }
  }
  return [...errors.filter((e) => !dropped.has(e)), ...added];
}

function toDiagnostic(error: ErrorObject, root: unknown, locator: Locator, file: string): Diagnostic | undefined {
  const path = toPath(error.instancePath);
  const value = valueAt(root, path);
  const { element, field, key: fieldKey } = describePath(path);
  const range = locator.range(path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const known = Object.keys((schemaAt(path)?.['properties'] as object | undefined) ?? {});
      return diagnostic('KZ101', locator.keyRange([...path, key]), { key, element, known }, suggest(key, known));
    }
    case 'required': {
      const key = String(error.params['missingProperty']);
      if (path.length === 0 && key === 'koseizu') return diagnostic('KZ100', pointRange(file), { found: 'none' });
      return diagnostic('KZ105', range, { key, element });
    }
    case 'const':
      if (path.length === 1 && path[0] === 'koseizu') return diagnostic('KZ100', range, { found: show(value), quoted: value === '1' ? 'yes' : '' });
      return diagnostic('KZ103', range, { field, element, value: show(value), allowed: [String(error.params['allowedValue'])] });
    case 'type':
      return diagnostic('KZ102', range, { field, element, expected: String(error.params['type']), found: describeType(value) });
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      const hint = fieldKey === 'controls' ? 'controls' : '';
      return diagnostic('KZ103', range, { field, element, value: show(value), allowed, hint }, typeof value === 'string' ? suggest(value, allowed) : []);
    }
    case 'pattern': {
      const pattern = String(error.params['pattern']);
      if (pattern === ID_PATTERN) {
        const kebab = show(value).normalize('NFKC')
          .replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2') // EhrTerminal -> Ehr-Terminal
          .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
        return diagnostic('KZ107', range, { field, element, value: show(value) }, kebab && kebab !== value ? [kebab] : []);
      }
      return diagnostic('KZ108', range, { field, element, value: show(value), rule: patternRule(fieldKey) });
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return diagnostic('KZ108', range, { field, element, value: show(value), rule: `${error.keyword === 'minimum' || error.keyword === 'exclusiveMinimum' ? 'min' : 'max'}:${String(error.params['limit'])}` });
    case 'minLength':
      return Number(error.params['limit']) <= 1
        ? diagnostic('KZ111', range, { field, element, empty: 'string' })
        : diagnostic('KZ108', range, { field, element, value: show(value), rule: `minLength:${String(error.params['limit'])}` });
    case 'maxLength':
      return diagnostic('KZ108', range, { field, element, value: truncate(show(value)), rule: `maxLength:${String(error.params['limit'])}` });
    case 'minItems':
      return diagnostic('KZ111', range, { field, element, empty: 'list' });
    case 'uniqueItems': {
      const later = Math.max(Number(error.params['i']), Number(error.params['j']));
      const item = valueAt(root, [...path, later]);
      return diagnostic('KZ109', locator.range([...path, later]), { field, element, value: show(item) });
    }
    default:
      return diagnostic('KZ102', range, { field, element, expected: error.message ?? error.keyword, found: describeType(value) });
  }
}

/** What a patterned field must look like, named for the message table. */
function patternRule(field: string): string {
  switch (field) {
    case 'retention': return 'retention';
    case 'date': return 'date';
    case 'risk': return 'risk';
    case 'country': return 'country';
    case 'protocol': return 'protocol';
    case 'include': return 'include';
    case 'controls': return 'custom-control';
    default: return 'format';
  }
}

/** A value as a message shows it; mappings and lists by their kind (they may hold anything, even "toString"). */
function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? '[...]' : '{...}';
  return String(value);
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
