// User rules (独自の脅威ルール): threat rules written as YAML with declarative conditions over the facts of a
// segment (models/rule-schema.ts; docs/rules.md). No code and no eval: a rule file is parsed with the model's
// YAML parser (positions, alias and size limits), checked against the rule schema (compiled ahead of time)
// and then fact by fact, every problem reported at once with file:line:col; each valid rule becomes a `Rule`
// whose check evaluates its conditions on the segment, builds scores with the shared predicates (every step
// with its reason) and returns findings. Reading goes through a SourceHost, so this stage stays pure.
//
// The caller (src/index.ts) passes the model's `rules:` (see modelRulePaths) and any `--rules` paths, and the
// ids of the built-in rules, which user rules may not take. A path is a rule file or a folder whose *.yaml and
// *.yml files (sorted, not recursive) are all rule files. Rules come back sorted by id.
import { posix } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Diagnostic, DiagnosticArgs, DiagnosticCode } from '../../models/diagnostic.js';
import validateRuleFile from '../../models/generated/rule-schema-validator.js';
import type { Model } from '../../models/model.js';
import type { Facts } from '../../models/facts.js';
import type { Score } from '../../models/risk.js';
import type { Countermeasures, Finding, Rule, RuleContext } from '../../models/rule.js';
import {
  ALL_CONTROLS, COMBINATOR_NAMES, FACTS, FACT_NAMES, MAX_CONDITION_DEPTH, OPERATOR_NAMES, PLACEHOLDERS, RULES_VERSION,
  operatorsOf, ruleSchema, type AtTarget, type FactName, type FactSpec, type Operator, type Placeholder,
} from '../../models/rule-schema.js';
import { CUSTOM_CONTROL_PATTERN, ID_PATTERN } from '../../models/schema.js';
import type { Place, PlacedDevice, Segment } from '../../models/segment.js';
import type { SourceRange } from '../../models/source.js';
import {
  MEASURE_CATEGORIES, PHASES, SEGMENT_KINDS,
  type CiaProperty, type Phase, type SegmentKind, type Term, type Threat,
} from '../../models/vocabulary.js';
import { adjust, clampGrade, impactOf, mitigate, start } from '../../models/grades.js';
import { sayer, type Arg, type MessageData, type MessageRef, type Messages } from '../../models/message.js';
import { toSlashes, type SourceHost } from './files.js';
import { MAX_FILE_BYTES, describeType, diagnostic, parseYaml, pointRange, type Locator, type ParsedFile, type PathSegment } from './parse.js';
import { toPath, valueAt } from './structure.js';
import { suggest } from './suggest.js';

/** A rule file or folder to read. */
export interface UserRulePath {
  readonly path: string;
  /** Where it was named (the model's `rules:` entry), or null when it comes from the command line. */
  readonly source: SourceRange | null;
  /**
   * The folder it must stay inside, symbolic links included. Defaults to the folder of `source`'s file
   * (the root model's folder), and to no limit for a path from the command line.
   */
  readonly within?: string | null;
}

export interface LoadedUserRules {
  /** The valid rules, sorted by id. Use none of them when `diagnostics` hold an error. */
  readonly rules: Rule[];
  /** Every problem of every file, in the order the files were read, each file's by position. */
  readonly diagnostics: Diagnostic[];
  /** Every rule file read, in order. */
  readonly files: readonly string[];
}

/** The model's `rules:` as paths to load: inside the root model's folder. */
export function modelRulePaths(model: Pick<Model, 'file' | 'rules'>): UserRulePath[] {
  const within = posix.dirname(toSlashes(model.file));
  return model.rules.map((r) => ({ path: r.path, source: r.source, within }));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isRuleFileName = (name: string): boolean => /\.ya?ml$/.test(name);
const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
type Raw = Record<string, unknown>;

/** Reads, checks and compiles user rules. Pure given the host; never throws for bad input. */
export function loadUserRules(paths: readonly UserRulePath[], host: SourceHost, builtinIds: Iterable<string> = []): LoadedUserRules {
  /** Diagnostics in read order: those of a path itself, then each file's own (sorted by position at the end). */
  const slots: Diagnostic[][] = [];
  const files: CheckedFile[] = [];
  const seen = new Set<string>();

  const readFile = (file: string, within: string | null, at: SourceRange): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const result = host.read(file, within);
    if (!result.ok) {
      slots.push([readFailure(result.reason, file, at, result.detail, result.size)]);
      return;
    }
    const checked = checkFile(parseYaml({ path: file, text: result.text }));
    files.push(checked);
    slots.push(checked.diagnostics);
  };

  for (const entry of paths) {
    const path = toSlashes(entry.path);
    const at = entry.source ?? pointRange(path);
    const within = entry.within !== undefined ? entry.within : entry.source ? posix.dirname(toSlashes(entry.source.file)) : null;
    if (within !== null && outsideByName(path, within)) {
      slots.push([diagnostic('KZ412', at, { file: path })]);
      continue;
    }
    const listed = host.list?.(path, within);
    if (!listed || (!listed.ok && listed.reason === 'not-a-folder')) {
      readFile(path, within, at);
    } else if (listed.ok) {
      const names = listed.files.filter(isRuleFileName);
      if (names.length === 0) slots.push([diagnostic('KZ413', at, { folder: path })]);
      for (const name of names) readFile(posix.join(path, name), within, pointRange(posix.join(path, name)));
    } else {
      slots.push([readFailure(listed.reason === 'too-many' ? 'unreadable' : listed.reason, path, at, listed.reason === 'too-many' ? 'too-many' : listed.detail)]);
    }
  }

  // Ids across every file: none may take a built-in rule's, none may appear twice.
  const builtin = new Set(builtinIds);
  const first = new Map<string, SourceRange>();
  for (const file of files) {
    for (const raw of file.rules) {
      if (builtin.has(raw.id)) {
        file.diagnostics.push(diagnostic('KZ410', raw.idRange, { id: raw.id }));
        raw.valid = false;
        continue;
      }
      const earlier = first.get(raw.id);
      if (earlier) {
        file.diagnostics.push(diagnostic('KZ411', raw.idRange, { id: raw.id, first: `${earlier.file}:${earlier.start.line}:${earlier.start.col}` }));
        raw.valid = false;
      } else {
        first.set(raw.id, raw.idRange);
      }
    }
  }

  for (const file of files) file.diagnostics.sort(byPosition);
  const rules = files
    .flatMap((f) => f.rules.filter((r) => r.valid).map((r) => compileRule(r.value, f.file, r.range)))
    .sort((a, b) => compare(a.id, b.id));
  return { rules, diagnostics: slots.flat(), files: files.map((f) => f.file) };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col || compare(a.code, b.code);
}

function outsideByName(path: string, within: string): boolean {
  if (posix.isAbsolute(path) !== posix.isAbsolute(within)) return false; // the host compares real paths
  const rel = posix.relative(posix.normalize(within), path);
  return rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel);
}

function readFailure(reason: string, file: string, at: SourceRange, detail?: string, size?: number): Diagnostic {
  switch (reason) {
    case 'too-large': return diagnostic('KZ003', at, { file, size: size ?? 0, limit: MAX_FILE_BYTES });
    case 'binary': return diagnostic('KZ004', at, { file });
    case 'outside': return diagnostic('KZ412', at, { file });
    default: return diagnostic('KZ006', at, { file, detail: detail ?? reason });
  }
}

// ---- One file: YAML, schema, facts ----

interface RawRule {
  readonly id: string;
  readonly idRange: SourceRange;
  readonly range: SourceRange;
  readonly value: Raw;
  /** No error inside it, and its id is free. */
  valid: boolean;
}

interface CheckedFile {
  readonly file: string;
  readonly rules: RawRule[];
  readonly diagnostics: Diagnostic[];
}

function checkFile(parsed: ParsedFile): CheckedFile {
  const { file, locator } = parsed;
  // The YAML stage speaks of models when the document is not a mapping: a rule file says it its own way.
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) =>
    (d.code === 'KZ007' ? diagnostic('KZ400', d.range, { found: d.args['found'] === 'null' ? 'none' : String(d.args['found']) }) : d));
  const out: CheckedFile = { file, rules: [], diagnostics };
  const value = parsed.value;
  if (!isRaw(value)) return out;
  if (!('koseizu-rules' in value)) {
    diagnostics.push('koseizu' in value
      ? diagnostic('KZ400', locator.keyRange(['koseizu']), { found: 'model' })
      : diagnostic('KZ400', pointRange(file), { found: 'none' }));
    return out;
  }
  if (value['koseizu-rules'] !== RULES_VERSION) {
    diagnostics.push(diagnostic('KZ400', locator.range(['koseizu-rules']), { found: 'version', value: show(value['koseizu-rules']) }));
    return out;
  }

  // Conditions nest through the schema's recursion: refuse absurd depths before validating.
  const tooDeep = deepCondition(value);
  if (tooDeep) {
    diagnostics.push(diagnostic('KZ405', locator.range(tooDeep), { field: fieldOf(tooDeep), value: '{...}', rule: `depth:${MAX_CONDITION_DEPTH}` }));
    return out;
  }

  const errors: { readonly path: readonly PathSegment[]; readonly d: Diagnostic }[] = [];
  const report = (path: readonly PathSegment[], code: DiagnosticCode, range: SourceRange, args: DiagnosticArgs, suggestions?: readonly string[]): void => {
    errors.push({ path, d: diagnostic(code, range, args, suggestions) });
  };
  const validate = validateRuleFile as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };
  if (!validate(value)) {
    for (const e of validate.errors ?? []) schemaError(e, value, locator, report);
  }
  const rules = Array.isArray(value['rules']) ? value['rules'] : [];
  rules.forEach((rule, i) => { if (isRaw(rule)) checkRule(rule, ['rules', i], locator, report); });
  controlCharacters(value, [], locator, report);

  const keys = new Set<string>();
  for (const { d } of errors) {
    const key = `${d.code}:${d.range.start.line}:${d.range.start.col}:${JSON.stringify(d.args)}`;
    if (keys.has(key)) continue;
    keys.add(key);
    diagnostics.push(d);
  }
  rules.forEach((rule, i) => {
    if (!isRaw(rule) || typeof rule['id'] !== 'string' || !new RegExp(ID_PATTERN).test(rule['id'])) return;
    const broken = errors.some((e) => e.d.severity === 'error' && e.path[0] === 'rules' && e.path[1] === i);
    out.rules.push({ id: rule['id'], idRange: locator.range(['rules', i, 'id']), range: locator.range(['rules', i]), value: rule, valid: !broken });
  });
  return out;
}

type Report = (path: readonly PathSegment[], code: DiagnosticCode, range: SourceRange, args: DiagnosticArgs, suggestions?: readonly string[]) => void;

/** The path of the first condition nested deeper than MAX_CONDITION_DEPTH, if any (looks no deeper than that). */
function deepCondition(value: Raw): PathSegment[] | undefined {
  const walk = (c: unknown, path: PathSegment[], depth: number): PathSegment[] | undefined => {
    if (!isRaw(c)) return undefined;
    if (depth > MAX_CONDITION_DEPTH) return path;
    if ('not' in c) {
      const found = walk(c['not'], [...path, 'not'], depth + 1);
      if (found) return found;
    }
    for (const key of ['any', 'all', 'some-device']) {
      const list = c[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const found = walk(list[i], [...path, key, i], depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  const rules = Array.isArray(value['rules']) ? value['rules'] : [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (!isRaw(rule)) continue;
    const when = Array.isArray(rule['when']) ? rule['when'] : [];
    for (let i = 0; i < when.length; i++) {
      const found = walk(when[i], ['rules', r, 'when', i], 1);
      if (found) return found;
    }
    for (const score of ['impact', 'likelihood']) {
      const steps = isRaw(rule[score]) ? (rule[score] as Raw)['adjust'] : undefined;
      if (!Array.isArray(steps)) continue;
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const found = isRaw(step) ? walk(step['when'], ['rules', r, score, 'adjust', i, 'when'], 1) : undefined;
        if (found) return found;
      }
    }
  }
  return undefined;
}

// ---- Schema errors in the user's terms ----

type SchemaNode = Record<string, unknown>;


/** The schema node describing the value at `path`, and the part of a rule file it is (for messages). */
function schemaAt(path: readonly PathSegment[]): { node: SchemaNode | undefined; element: string } {
  const definitions = ruleSchema['definitions'] as Record<string, SchemaNode>;
  let element = 'rule-file';
  const deref = (node: SchemaNode | undefined): SchemaNode | undefined => {
    const ref = node?.['$ref'];
    if (typeof ref !== 'string') return node;
    const name = ref.replace('#/definitions/', '');
    element = name;
    return definitions[name];
  };
  let node = deref(ruleSchema as SchemaNode);
  for (const segment of path) {
    if (!node) break;
    if (typeof segment === 'number') {
      node = deref(node['items'] as SchemaNode | undefined);
    } else {
      const child = (node['properties'] as Record<string, SchemaNode> | undefined)?.[segment];
      if (child && typeof child['$ref'] !== 'string' && child['type'] === 'object') element = segment;
      node = deref(child);
    }
  }
  return { node, element };
}

/** A path as the user reads it, from the rule down: "likelihood.adjust[0].by", "when[1].any[0].fact". */
function fieldOf(path: readonly PathSegment[]): string {
  const from = path[0] === 'rules' && typeof path[1] === 'number' ? path.slice(2) : path;
  let out = from.length === 0 && path.length === 2 ? `rules[${String(path[1])}]` : '';
  for (const s of from) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out || 'koseizu-rules';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? '[...]' : '{...}';
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function kebab(value: string): string {
  return value.normalize('NFKC')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function schemaError(error: ErrorObject, root: Raw, locator: Locator, report: Report): void {
  const path = toPath(error.instancePath);
  const value = valueAt(root, path);
  const field = fieldOf(path);
  const range = locator.range(path);
  const { node, element } = schemaAt(path);
  const last = path[path.length - 1];
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const known = Object.keys((node?.['properties'] as object | undefined) ?? {});
      report(path, 'KZ401', locator.keyRange([...path, key]), { key, element, known }, suggest(key, known));
      return;
    }
    case 'required':
      report(path, 'KZ404', range, { key: String(error.params['missingProperty']), element });
      return;
    case 'type':
      report(path, 'KZ402', range, { field, element, expected: String(error.params['type']), found: describeType(value) });
      return;
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      if (last === 'fact') {
        const fact = show(value);
        const family = FACT_NAMES.filter((f) => f.split('.')[0] === fact.split('.')[0] && fact.includes('.'));
        report(path, 'KZ406', range, { fact, family }, suggest(fact, FACT_NAMES));
      } else {
        report(path, 'KZ403', range, { field, value: show(value), allowed }, typeof value === 'string' ? suggest(value, allowed) : []);
      }
      return;
    }
    case 'const':
      report(path, 'KZ403', range, { field, value: show(value), allowed: [String(error.params['allowedValue'])] });
      return;
    case 'pattern': {
      const s = show(value);
      const fix = kebab(s);
      report(path, 'KZ405', range, { field, value: s, rule: 'kebab-case' }, fix && fix !== s ? [fix] : []);
      return;
    }
    case 'minimum': case 'maximum':
      report(path, 'KZ405', range, { field, value: show(value), rule: `${error.keyword === 'minimum' ? 'min' : 'max'}:${String(error.params['limit'])}` });
      return;
    case 'not':
      report(path, 'KZ405', range, { field, value: show(value), rule: 'non-zero' });
      return;
    case 'minLength': case 'minItems': case 'minProperties':
      report(path, 'KZ405', range, { field, value: show(value), rule: 'non-empty', empty: describeType(value) });
      return;
    case 'maxLength':
      report(path, 'KZ405', range, { field, value: show(value), rule: `maxLength:${String(error.params['limit'])}` });
      return;
    case 'maxItems':
      report(path, 'KZ405', range, { field, value: show(value), rule: `maxItems:${String(error.params['limit'])}` });
      return;
    case 'uniqueItems': {
      const later = Math.max(Number(error.params['i']), Number(error.params['j']));
      report(path, 'KZ405', locator.range([...path, later]), { field, value: show(valueAt(root, [...path, later])), rule: 'unique' });
      return;
    }
    default:
      report(path, 'KZ402', range, { field, element, expected: error.message ?? error.keyword, found: describeType(value) });
  }
}

// ---- What the schema cannot say: conditions fact by fact, placeholders, controls ----

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

function controlCharacters(value: unknown, path: PathSegment[], locator: Locator, report: Report): void {
  if (typeof value === 'string') {
    const found = CONTROL.exec(value)?.[0];
    if (found !== undefined) {
      report(path, 'KZ112', locator.range(path), { field: fieldOf(path), char: `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => { controlCharacters(v, [...path, i], locator, report); });
  } else if (isRaw(value)) {
    for (const [k, v] of Object.entries(value)) controlCharacters(v, [...path, k], locator, report);
  }
}

function checkRule(rule: Raw, path: readonly PathSegment[], locator: Locator, report: Report): void {
  const when = rule['when'];
  if (Array.isArray(when)) when.forEach((c, i) => { checkCondition(c, [...path, 'when', i], locator, report); });
  for (const score of ['impact', 'likelihood']) {
    const spec = rule[score];
    const steps = isRaw(spec) ? spec['adjust'] : undefined;
    if (Array.isArray(steps)) {
      steps.forEach((step, i) => { if (isRaw(step)) checkCondition(step['when'], [...path, score, 'adjust', i, 'when'], locator, report); });
    }
  }
  const likelihood = rule['likelihood'];
  const controls = isRaw(likelihood) && isRaw(likelihood['mitigate']) ? likelihood['mitigate']['controls'] : undefined;
  if (Array.isArray(controls)) {
    controls.forEach((c, i) => {
      if (typeof c !== 'string' || ALL_CONTROLS.includes(c) || new RegExp(CUSTOM_CONTROL_PATTERN).test(c)) return;
      const at = [...path, 'likelihood', 'mitigate', 'controls', i];
      report(at, 'KZ403', locator.range(at), { field: fieldOf(at), value: c, allowed: [...ALL_CONTROLS], hint: 'controls' }, suggest(c, ALL_CONTROLS));
    });
  }
  const message = rule['message'];
  if (isRaw(message)) {
    for (const lang of ['ja', 'en'] as const) {
      const text = message[lang];
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(/\{([^{}\s]*)\}/g)) {
        const name = match[1] ?? '';
        if (name in PLACEHOLDERS) continue;
        const at = [...path, 'message', lang];
        const known = Object.keys(PLACEHOLDERS);
        report(at, 'KZ409', locator.range(at), { placeholder: name, field: fieldOf(at), known: known.map((k) => `{${k}}`).join(', ') }, suggest(name, known).map((s) => `{${s}}`));
      }
    }
  }
}

const isOperator = (key: string): key is Operator => (OPERATOR_NAMES as readonly string[]).includes(key);
const isCombinator = (key: string): boolean => (COMBINATOR_NAMES as readonly string[]).includes(key);
const isFact = (name: unknown): name is FactName => typeof name === 'string' && Object.hasOwn(FACTS, name);
const factSpec = (name: FactName): FactSpec => FACTS[name];

/** Operators that would fit a fact, for "did you mean" when the one written does not apply. */
function fittingOperator(op: Operator, spec: FactSpec): string[] {
  const allowed = operatorsOf(spec);
  const swap: Partial<Record<Operator, Operator>> = spec.type === 'set'
    ? { is: 'has', in: 'has-any' }
    : { has: 'is', 'has-any': 'in', 'has-all': 'in' };
  const to = swap[op];
  return to && allowed.includes(to) ? [to] : [];
}

function checkCondition(c: unknown, path: readonly PathSegment[], locator: Locator, report: Report): void {
  if (!isRaw(c)) return; // the schema says what it should be
  const keys = Object.keys(c);
  const ops = keys.filter(isOperator);
  const combinators = keys.filter(isCombinator);
  const range = locator.range(path);
  if (keys.length === 0) {
    report(path, 'KZ407', range, { problem: 'empty' });
    return;
  }
  // A misspelt key is the schema's to report ("did you mean"); what follows from it would only repeat it.
  if (keys.some((k) => k !== 'fact' && !isOperator(k) && !isCombinator(k))) return;
  if (combinators.length > 0 && ('fact' in c || ops.length > 0)) {
    report(path, 'KZ407', range, { problem: 'mixed', operators: combinators });
    return;
  }
  if (combinators.length > 1) {
    report(path, 'KZ407', range, { problem: 'combinators', operators: combinators });
    return;
  }
  const combinator = combinators[0];
  if (combinator === 'not') {
    checkCondition(c['not'], [...path, 'not'], locator, report);
    return;
  }
  if (combinator !== undefined) {
    const list = c[combinator];
    if (Array.isArray(list)) list.forEach((item, i) => { checkCondition(item, [...path, combinator, i], locator, report); });
    return;
  }
  if (!('fact' in c)) {
    if (ops.length > 0) report(path, 'KZ404', range, { key: 'fact', element: 'condition' });
    return;
  }
  const fact = c['fact'];
  if (!isFact(fact)) return; // the schema reports an unknown fact, with "did you mean"
  const spec = factSpec(fact);
  const allowed = operatorsOf(spec);
  if (ops.length === 0) {
    report(path, 'KZ407', range, { problem: 'none', fact, allowed: [...allowed] });
    return;
  }
  if (ops.length > 1) {
    report(path, 'KZ407', locator.keyRange([...path, ops[1] as string]), { problem: 'several', operators: ops });
    return;
  }
  const op = ops[0] as Operator;
  if (!allowed.includes(op)) {
    report(path, 'KZ407', locator.keyRange([...path, op]), { problem: 'not-for-fact', operator: op, fact, type: spec.type, allowed: [...allowed] }, fittingOperator(op, spec));
    return;
  }
  checkOperand(fact, spec, op, c[op], [...path, op], locator, report);
}

/** What an operator takes: one value, a list of values, or true/false. */
function arity(op: Operator): 'one' | 'list' | 'boolean' {
  return op === 'exists' ? 'boolean' : op === 'in' || op === 'has-any' || op === 'has-all' ? 'list' : 'one';
}

/** TLS versions may be written as numbers (1.2), as the model allows. */
function normalise(spec: FactSpec, value: unknown): unknown {
  return spec === FACTS['link.tls'] && typeof value === 'number' ? value.toFixed(1) : value;
}

function checkOperand(fact: FactName, spec: FactSpec, op: Operator, value: unknown, path: readonly PathSegment[], locator: Locator, report: Report): void {
  const kind = arity(op);
  const typeError = (at: readonly PathSegment[], expected: string, found: unknown): void => {
    report(at, 'KZ408', locator.range(at), { problem: 'type', fact, operator: op, expected, found: describeType(found) });
  };
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') typeError(path, 'boolean', value);
    return;
  }
  if (kind === 'list') {
    if (!Array.isArray(value)) {
      typeError(path, 'array', value);
      return;
    }
    if (value.length === 0) {
      report(path, 'KZ405', locator.range(path), { field: fieldOf(path), value: '[]', rule: 'non-empty', empty: 'array' });
      return;
    }
    value.forEach((v, i) => { checkScalar(fact, spec, op, v, [...path, i], locator, report, typeError); });
    return;
  }
  if (Array.isArray(value)) {
    typeError(path, 'one-value', value);
    return;
  }
  checkScalar(fact, spec, op, value, path, locator, report, typeError);
}

function checkScalar(
  fact: FactName, spec: FactSpec, op: Operator, raw: unknown, path: readonly PathSegment[], locator: Locator, report: Report,
  typeError: (at: readonly PathSegment[], expected: string, found: unknown) => void,
): void {
  const value = normalise(spec, raw);
  const range = locator.range(path);
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') typeError(path, 'boolean', value);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) typeError(path, 'integer', value);
      return;
    case 'id':
      if (typeof value !== 'string') typeError(path, 'string', value);
      else if (!new RegExp(ID_PATTERN).test(value)) report(path, 'KZ408', range, { problem: 'format', fact, operator: op, value, rule: 'kebab-case' });
      return;
    case 'text':
      if (typeof value !== 'string') typeError(path, 'string', value);
      else if (spec.pattern && !new RegExp(spec.pattern).test(value)) report(path, 'KZ408', range, { problem: 'format', fact, operator: op, value, rule: fact === 'site.country' ? 'country' : 'protocol' });
      return;
    case 'enum': case 'set': {
      if (typeof value !== 'string') {
        typeError(path, 'string', value);
        return;
      }
      const values = spec.values ?? [];
      if (values.includes(value) || (spec.custom === true && new RegExp(CUSTOM_CONTROL_PATTERN).test(value))) return;
      report(path, 'KZ408', range, { problem: 'value', fact, operator: op, value, allowed: [...values], hint: spec.custom ? 'controls' : '' }, suggest(value, values));
    }
  }
}

// ---- Compiling a checked rule ----

/** A segment as conditions see it; `some-device` narrows it to one device. */
interface View {
  readonly segment: Segment;
  /** The facts of the assessment (multi-factor sign-in, reach from the internet). */
  readonly facts: Facts;
  readonly devices: readonly PlacedDevice[];
  /** The ends of a media transport (none once narrowed to one device). */
  readonly places: readonly Place[];
}

type FactValue = string | number | boolean | readonly string[] | null;
type Getter = (v: View) => readonly FactValue[];

const locationsOf = (v: Pick<View, 'devices' | 'places'>): Place['location'][] => [...v.devices.map((d) => d.location), ...v.places.map((p) => p.location)];
const sitesOf = (v: Pick<View, 'devices' | 'places'>): Place['site'][] => [...v.devices.map((d) => d.site), ...v.places.map((p) => p.site)];
const devicesOf = (v: View): PlacedDevice['device'][] => v.devices.map((d) => d.device);

/** How each fact reads a segment: every candidate value (one per device, location, site or data item). */
const GETTERS = {
  phase: (v) => [v.segment.phase],
  form: (v) => [v.segment.form],
  segment: (v) => [v.segment.kind],
  'flow.id': (v) => [v.segment.flow?.id ?? null],
  'flow.volume': (v) => [v.segment.flow?.volume ?? null],
  'flow.how': (v) => [v.segment.flow?.how ?? null],
  'actor.id': (v) => [v.segment.actor?.id ?? null],
  'actor.org': (v) => [v.segment.actor?.org ?? null],
  'device.id': (v) => devicesOf(v).map((d) => d.id),
  'device.kind': (v) => devicesOf(v).map((d) => d.kind),
  'device.owner': (v) => devicesOf(v).map((d) => d.owner),
  'device.env': (v) => devicesOf(v).map((d) => d.env),
  'device.exposure': (v) => devicesOf(v).map((d) => d.exposure),
  'device.eol': (v) => devicesOf(v).map((d) => d.eol),
  'device.count': (v) => devicesOf(v).map((d) => d.count),
  'device.roles': (v) => devicesOf(v).map((d) => d.roles),
  'device.controls': (v) => devicesOf(v).map((d) => d.controls),
  'device.auth': (v) => devicesOf(v).map((d) => d.auth),
  'device.mfa': (v) => devicesOf(v).map((d) => v.facts.devices[d.id]?.auth === 'multi'),
  'device.auth-stated': (v) => devicesOf(v).map((d) => d.auth !== null),
  'location.id': (v) => locationsOf(v).map((l) => l.id),
  'location.public': (v) => locationsOf(v).map((l) => l.public),
  'location.controls': (v) => locationsOf(v).map((l) => l.controls),
  'site.id': (v) => sitesOf(v).map((s) => s.id),
  'site.owner': (v) => sitesOf(v).map((s) => s.owner),
  'site.country': (v) => sitesOf(v).map((s) => s.country),
  'site.controls': (v) => sitesOf(v).map((s) => s.controls),
  'network.id': (v) => [v.segment.hop?.network.id ?? null],
  'network.kind': (v) => [v.segment.hop?.network.kind ?? null],
  'network.encrypted': (v) => [v.segment.hop?.network.encrypted ?? null],
  'network.wlan-security': (v) => [v.segment.hop?.network.wlanSecurity ?? null],
  'network.ieee8021x': (v) => [v.segment.hop?.network.ieee8021x ?? null],
  'network.ike': (v) => [v.segment.hop?.network.ike ?? null],
  'link.id': (v) => [v.segment.hop?.link.id ?? null],
  'link.protocol': (v) => [v.segment.hop?.link.protocol ?? null],
  'link.tls': (v) => [v.segment.hop?.link.tls ?? null],
  'link.encrypted': (v) => [v.segment.hop?.link.encrypted ?? null],
  'data.id': (v) => v.segment.data.map((d) => d.id),
  'data.class': (v) => v.segment.data.map((d) => d.class),
  'data.kind': (v) => v.segment.data.map((d) => d.kind),
  'data.legal-record': (v) => v.segment.data.map((d) => d.legalRecord),
  'media.id': (v) => [v.segment.media?.id ?? null],
  'media.kind': (v) => [v.segment.media?.kind ?? null],
  'media.encrypted': (v) => [v.segment.media?.encrypted ?? null],
  'media.controls': (v) => [v.segment.media?.controls ?? null],
  'path.internet': (v) => [v.segment.flow !== null && v.facts.flows[v.segment.flow.id]?.internet === true],
} as const satisfies Readonly<Record<FactName, Getter>>;

type Test = (v: View) => boolean;

const isList = (x: FactValue): x is readonly string[] => Array.isArray(x);
const isScalar = (x: FactValue): x is string | number | boolean => x !== null && !Array.isArray(x);

function compileCondition(c: Raw): Test {
  if ('not' in c) {
    const inner = compileCondition(c['not'] as Raw);
    return (v) => !inner(v);
  }
  for (const key of ['any', 'all', 'some-device'] as const) {
    if (!(key in c)) continue;
    const parts = (c[key] as Raw[]).map(compileCondition);
    if (key === 'any') return (v) => parts.some((t) => t(v));
    if (key === 'all') return (v) => parts.every((t) => t(v));
    return (v) => v.devices.some((d) => {
      const one: View = { segment: v.segment, facts: v.facts, devices: [d], places: [] };
      return parts.every((t) => t(one));
    });
  }
  const fact = c['fact'] as FactName;
  const spec = factSpec(fact);
  const get: Getter = GETTERS[fact];
  const op = Object.keys(c).find(isOperator) as Operator;
  const raw = c[op];
  const operand = Array.isArray(raw) ? raw.map((x) => normalise(spec, x)) : normalise(spec, raw);
  const rank = (x: unknown): number => (spec.values ?? []).indexOf(String(x));
  const measure = (x: FactValue): number => (spec.type === 'number' ? Number(x) : rank(x));
  switch (op) {
    case 'is': return (v) => get(v).some((x) => isScalar(x) && x === operand);
    case 'in': {
      const set = new Set(operand as unknown[]);
      return (v) => get(v).some((x) => isScalar(x) && set.has(x));
    }
    case 'has': return (v) => get(v).some((x) => isList(x) && x.includes(operand as string));
    case 'has-any': return (v) => get(v).some((x) => isList(x) && (operand as string[]).some((o) => x.includes(o)));
    case 'has-all': return (v) => get(v).some((x) => isList(x) && (operand as string[]).every((o) => x.includes(o)));
    case 'gte': {
      const bound = spec.type === 'number' ? Number(operand) : rank(operand);
      return (v) => get(v).some((x) => isScalar(x) && measure(x) >= bound);
    }
    case 'lte': {
      const bound = spec.type === 'number' ? Number(operand) : rank(operand);
      return (v) => get(v).some((x) => isScalar(x) && measure(x) <= bound && measure(x) >= 0);
    }
    case 'exists': {
      const wanted = operand === true;
      return (v) => get(v).some((x) => x !== null && !(isList(x) && x.length === 0)) === wanted;
    }
  }
}

interface Step {
  readonly when: Test;
  readonly by: number;
  readonly reason: Term;
}

const termOf = (raw: unknown): Term => {
  const t = raw as Raw;
  return Object.freeze({ ja: String(t['ja']), en: String(t['en']) });
};
const termsOf = (raw: unknown): readonly Term[] => Object.freeze(Array.isArray(raw) ? raw.map(termOf) : []);
const stepsOf = (raw: unknown): readonly Step[] =>
  (Array.isArray(raw) ? raw : []).map((s: Raw) => ({ when: compileCondition(s['when'] as Raw), by: Number(s['by']), reason: termOf(s['reason']) }));

/**
 * The words every compiled user rule shares: where a finding is when the rule gives no message, a reason
 * written in the rule file, and the grade a rule assumes when it gives no reason. The rule's own message,
 * when it has one, joins them as "message".
 */
const USER_RULE_MESSAGES = {
  placed: { ja: '{place}：{risk}', en: '{place}: {risk}' },
  placedMedia: { ja: '{media}（{ends}）：{risk}', en: '{media} ({ends}): {risk}' },
  reason: { ja: '{reason}', en: '{reason}' },
  assumed: { ja: 'ルール「{title}」の想定: {grade}', en: 'as rule "{title}" assumes: {grade}' },
} as const satisfies Messages;
const say = sayer(USER_RULE_MESSAGES);

const NONE: Arg = { none: true };

/** Elements with distinct labels, the first of each label kept: the names a placeholder lists. */
function distinctLabels(elements: readonly { readonly id: string; readonly label: string }[]): Arg {
  const seen = new Set<string>();
  const kept = elements.filter((e) => !seen.has(e.label) && seen.add(e.label) !== undefined);
  return kept.length === 0 ? NONE : { list: kept.map((e) => ({ ref: e.id })) };
}

/** The value a placeholder takes on a segment: ids to name, never words. */
function placeholder(name: Placeholder, s: Segment): Arg {
  const v = { devices: s.devices, places: s.places };
  const first = s.devices[0];
  switch (name) {
    case 'device': return first ? { at: first.device.id } : NONE;
    case 'devices': return s.devices.length > 0 ? { list: s.devices.map((d) => ({ at: d.device.id })), join: 'steps' } : NONE;
    case 'location': return distinctLabels(locationsOf(v));
    case 'site': return distinctLabels(sitesOf(v));
    case 'network': return s.hop ? { ref: s.hop.network.id } : NONE;
    case 'actor': return s.actor ? { ref: s.actor.id } : NONE;
    case 'flow': return s.flow ? { ref: s.flow.id } : s.media ? { ref: s.media.id } : NONE;
    case 'media': return s.media ? { ref: s.media.id } : NONE;
    case 'data': return s.data.length > 0 ? { list: s.data.map((d) => ({ ref: d.id })) } : NONE;
    case 'phase': return { term: 'phase', key: s.phase };
    case 'segment': return { term: 'segment', key: s.kind };
  }
}

/** The placeholders a rule's message uses, with their values on a segment. */
function placeholderData(message: Term, s: Segment): MessageData {
  const data: Record<string, Arg> = {};
  for (const text of [message.ja, message.en]) {
    for (const match of text.matchAll(/\{([^{}\s]*)\}/g)) {
      const name = match[1] ?? '';
      if (Object.hasOwn(PLACEHOLDERS, name)) data[name] = placeholder(name as Placeholder, s);
    }
  }
  return data;
}

/** Where a finding is, for a rule without `message`: the devices, or the medium and its ends. */
function placed(s: Segment, risk: Term): MessageRef {
  const text = { text: risk };
  if (s.devices.length > 0) return say('placed', { place: placeholder('devices', s), risk: text });
  const media = s.media ? { ref: s.media.id } : placeholder('flow', s);
  if (s.places.length === 0) return say('placed', { place: media, risk: text });
  return say('placedMedia', { media, ends: { list: s.places.map((p) => ({ ref: p.location.id })), join: 'steps' }, risk: text });
}

/** The element a rule's risks are keyed by, when it says `at` and the segment has one. */
function atOf(target: AtTarget | undefined, s: Segment): string | undefined {
  if (target === undefined) return undefined;
  const first = s.devices[0] ?? s.places[0];
  switch (target) {
    case 'device': return s.devices[0]?.device.id;
    case 'location': return first?.location.id;
    case 'site': return first?.site.id;
    case 'network': return s.hop?.network.id;
    case 'link': return s.hop?.link.id;
    case 'media': return s.media?.id;
  }
}

/** Every control in place on the segment's devices, their locations and sites, and its medium. */
function controlsOf(s: Segment): { readonly controls: readonly string[] } {
  const all = [
    ...s.devices.flatMap((d) => [...d.device.controls, ...d.location.controls, ...d.site.controls]),
    ...s.places.flatMap((p) => [...p.location.controls, ...p.site.controls]),
    ...(s.media?.controls ?? []),
  ];
  return { controls: [...new Set(all)] };
}

function compileRule(raw: Raw, file: string, range: SourceRange): Rule {
  const id = String(raw['id']);
  const title = termOf(raw['title']);
  const risk = termOf(raw['risk']);
  const message = raw['message'] === undefined ? null : termOf(raw['message']);
  const cia = (['C', 'I', 'A'] as const).filter((c) => (raw['cia'] as string[]).includes(c));
  const inOrder = <K extends string>(table: Readonly<Record<K, Term>>, listed: unknown): K[] => {
    const wanted = Array.isArray(listed) ? (listed as string[]) : Object.keys(table);
    return (Object.keys(table) as K[]).filter((k) => wanted.includes(k));
  };
  const segments = inOrder<SegmentKind>(SEGMENT_KINDS, raw['segments']);
  const phases = inOrder<Phase>(PHASES, raw['phases']);
  const when = (Array.isArray(raw['when']) ? (raw['when'] as Raw[]) : []).map(compileCondition);
  const impactSpec = isRaw(raw['impact']) ? raw['impact'] : {};
  const likelihoodSpec = raw['likelihood'] as Raw;
  const impactBase = typeof impactSpec['base'] === 'number' ? impactSpec['base'] : null;
  const impactReason = impactSpec['reason'] === undefined ? null : termOf(impactSpec['reason']);
  const impactSteps = stepsOf(impactSpec['adjust']);
  const likelihoodBase = Number(likelihoodSpec['base']);
  const likelihoodReason = likelihoodSpec['reason'] === undefined ? null : termOf(likelihoodSpec['reason']);
  const likelihoodSteps = stepsOf(likelihoodSpec['adjust']);
  const mitigation = isRaw(likelihoodSpec['mitigate']) ? likelihoodSpec['mitigate'] : null;
  const mitigating = mitigation ? Object.freeze([...(mitigation['controls'] as string[])]) : null;
  const floor = mitigation && typeof mitigation['floor'] === 'number' ? mitigation['floor'] : 1;
  const at = raw['at'] as AtTarget | undefined;
  const measures = isRaw(raw['countermeasures']) ? raw['countermeasures'] : {};
  const countermeasures = Object.freeze(Object.fromEntries(
    (Object.keys(MEASURE_CATEGORIES) as (keyof Countermeasures)[]).map((k) => [k, termsOf(measures[k])]),
  )) as Countermeasures;
  const based = (kind: 'impact' | 'likelihood', grade: number): MessageRef =>
    say('assumed', { title: { text: title }, grade: { term: kind, key: String(clampGrade(grade)) } });
  const because = (reason: Term): MessageRef => say('reason', { reason: { text: reason } });
  const steps = (score: Score, list: readonly Step[], v: View): Score =>
    list.reduce((s, step) => (step.when(v) ? adjust(s, step.by, because(step.reason)) : s), score);
  const messages: Messages = Object.freeze(message ? { ...USER_RULE_MESSAGES, message } : USER_RULE_MESSAGES);

  return Object.freeze({
    id,
    threat: raw['threat'] as Threat,
    title,
    risk,
    cia: Object.freeze(cia) as readonly CiaProperty[],
    segments: Object.freeze(segments),
    phases: Object.freeze(phases),
    countermeasures,
    references: termsOf(raw['references']),
    messages,
    origin: Object.freeze({ file, range }),
    check(segment: Segment, context: RuleContext): readonly Finding[] {
      const v: View = { segment, facts: context.facts, devices: segment.devices, places: segment.places };
      if (!when.every((t) => t(v))) return [];
      const impact = steps(
        impactBase === null ? impactOf(segment, cia) : start(impactBase, impactReason ? because(impactReason) : based('impact', impactBase)),
        impactSteps, v,
      );
      let likelihood = steps(start(likelihoodBase, likelihoodReason ? because(likelihoodReason) : based('likelihood', likelihoodBase)), likelihoodSteps, v);
      if (mitigating) likelihood = mitigate(likelihood, controlsOf(segment), mitigating, floor);
      const said = message ? { messageId: 'message', data: placeholderData(message, segment) } : placed(segment, risk);
      const key = atOf(at, segment);
      const found = { messageId: said.messageId, data: said.data, impact, likelihood };
      return [key === undefined ? found : { at: key, ...found }];
    },
  });
}
