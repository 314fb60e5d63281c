// The JSON Schema of the DSL (models/koseizu.schema.json), as editors see it: compiled on its own with
// Ajv, it must accept every example, reject the broken fixtures whose problem is structural, explain
// every property in Japanese then English, give every enum value its own meaning in both languages,
// and be the file the generator writes today. test/schema-lsp.test.ts asks a real language server.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DiagnosticCode } from '../models/diagnostic.js';
import { ruleSchema } from '../models/rule-schema.js';
import { EDITOR_KEYWORDS, ID_PATTERN, markdown } from '../models/schema.js';
import { COMMON_PROTOCOLS, DEVICE_KINDS, ENCRYPTING_PROTOCOLS, NO_AUTH, RESPONSE_NEED_TERMS, TLS_TERMS, VOCABULARY, type DefinedTerm } from '../models/vocabulary.js';
import {
  CATALOGUE_DOC_PATH, catalogueMarkdown, DIAGNOSTICS_DOC_PATH, GLOSSARY_PATH, REFERENCE_PATH, SCHEMA_JSON_PATH, VALIDATOR_PATH,
  diagnosticsMarkdown, glossaryMarkdown, referenceMarkdown, RULE_SCHEMA_JSON_PATH, schemaJson, validatorSource, withoutAnnotations,
} from '../scripts/schema-codegen.js';
import { fontMeasurer } from '../renderers/font/index.js';
import { FONT_METRICS_PATH, fontMetricsSource, readFont } from '../scripts/font-metrics.js';
import { loadModel } from '../src/index.js';
import { diskHost } from '../src/io/disk.js';

type SchemaNode = Record<string, unknown>;

const BROKEN = 'test/fixtures/broken';
const schemaText = readFileSync(SCHEMA_JSON_PATH, 'utf8');
const schema = JSON.parse(schemaText) as SchemaNode;

let compiled: ValidateFunction | undefined;
/** The schema compiled once, strictly: a keyword Ajv does not know (but the editors' own) would be an error in the schema itself. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, keywords: [...EDITOR_KEYWORDS] }).compile(schema);
  return compiled;
}

/** Reads a model file as plain data, the way an editor's YAML language server would. */
function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

/** Why a description is not a Japanese paragraph then an English one, the same in plain text and in Markdown; null when it is. */
function bilingualProblem(plain: unknown, md: unknown): string | null {
  if (typeof plain !== 'string' || typeof md !== 'string') return 'no description or no markdownDescription';
  const [ja = '', en, ...rest] = plain.split('\n\n');
  if (en === undefined || rest.length > 0) return `not two paragraphs: ${plain}`;
  if (!/[\u3040-\u9fff]/.test(ja)) return `the first paragraph is not Japanese: ${ja}`;
  if (!/^[A-Z"`]/.test(en)) return `the second paragraph is not English: ${en}`;
  if (md !== `${markdown(ja)}\n\n${markdown(en)}`) return `the Markdown says something else: ${md}`;
  return null;
}

/** Codes of the problems the schema itself can see. */
const STRUCTURAL: readonly DiagnosticCode[] = ['KZ100', 'KZ101', 'KZ102', 'KZ103', 'KZ105', 'KZ107', 'KZ108', 'KZ109', 'KZ111'];
/** Codes the schema cannot see: references, ids across the model, meaning, warnings. */
const BEYOND_SCHEMA = (code: DiagnosticCode): boolean => ['KZ104', 'KZ106', 'KZ110'].includes(code) || code >= 'KZ200';

/** Broken fixtures whose problem is structural (their codes include one of STRUCTURAL): the schema must reject each. */
const REJECTED = [
  'bad-enum-near-miss.yaml', // KZ103: kind servr, phase operaton, class medicl
  'bad-retention.yaml', // KZ108: retention "5 years"
  'count-zero.yaml', // KZ108: count 0
  'devices-as-mapping.yaml', // KZ102: devices is a mapping
  'duplicate-list-item.yaml', // KZ109: how [view, edit, view]
  'empty-label.yaml', // KZ111: label ""
  'empty-what.yaml', // KZ111: what []
  'id-not-kebab-case.yaml', // KZ107: ids 診察室 and EhrTerminal
  'missing-required-key.yaml', // KZ105: a device without kind, a flow without what
  'missing-version.yaml', // KZ100: no koseizu: 1
  'response-bad-values.yaml', // KZ108: risk id, residual impact 6, date
  'unknown-key-in-device.yaml', // KZ101: onwer
  'unknown-key-comma-in-flow-mapping.yaml', // KZ101: the tail of a label cut at a comma
  'unknown-key-in-measure.yaml', // KZ101, KZ105: categroy
  'unknown-key-top-level.yaml', // KZ101: respones
  'version-2.yaml', // KZ100: koseizu: 2
  'version-quoted.yaml', // KZ100: koseizu: "1"
  'wrong-types.yaml', // KZ102: public "yes", count "three"
] as const;

/** The root model file of every fixture: a .yaml at the top of the folder, or a folder's model.yaml (one level down at most). */
function fixtureRoots(): string[] {
  const roots: string[] = [];
  for (const entry of readdirSync(BROKEN, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.yaml')) roots.push(entry.name);
    if (entry.isDirectory()) {
      const inner = readdirSync(join(BROKEN, entry.name), { recursive: true, encoding: 'utf8' })
        .map((p) => p.replace(/\\/g, '/'))
        .filter((p) => p.endsWith('model.yaml'));
      roots.push(...inner.map((p) => `${entry.name}/${p}`));
    }
  }
  return roots.sort();
}

describe('the JSON Schema', () => {
  it('compiles with Ajv in strict mode', () => {
    expect(typeof validator()).toBe('function');
  });

  const examples = readdirSync('examples', { recursive: true, encoding: 'utf8' })
    .map((p) => p.replace(/\\/g, '/'))
    .filter((p) => p.endsWith('.yaml'))
    .sort();
  it('finds the example models', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  for (const file of examples) {
    it(`accepts examples/${file}`, () => {
      const validate = validator();
      const ok = validate(readYaml(`examples/${file}`));
      expect(validate.errors ?? [], `examples/${file}`).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  for (const file of REJECTED) {
    it(`rejects ${BROKEN}/${file}`, () => {
      expect(validator()(readYaml(`${BROKEN}/${file}`))).toBe(false);
    });
  }

  it('rejects exactly the fixtures whose diagnostics are structural, and accepts those whose problems lie beyond it', () => {
    const structural: string[] = [];
    for (const root of fixtureRoots()) {
      const codes = loadModel(`${BROKEN}/${root}`, diskHost).diagnostics.map((d) => d.code);
      if (codes.some((c) => STRUCTURAL.includes(c))) {
        structural.push(root);
      } else if (codes.length > 0 && codes.every(BEYOND_SCHEMA)) {
        // References and meaning are the validator's job, not the schema's: the schema lets these through.
        const validate = validator();
        validate(readYaml(`${BROKEN}/${root}`));
        expect(validate.errors ?? [], root).toEqual([]);
      }
    }
    expect(structural).toEqual([...REJECTED].sort());
  });

  it('describes every property (itself or through its $ref) in Japanese, then in English, as plain text and as Markdown', () => {
    const definitions = schema['definitions'] as Record<string, SchemaNode>;
    const deref = (node: SchemaNode): SchemaNode | undefined => {
      const ref = node['$ref'];
      return typeof ref === 'string' ? definitions[ref.replace('#/definitions/', '')] : undefined;
    };
    const wrong: string[] = [];
    let checked = 0;
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => { walk(child, `${at}/${i}`); });
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const properties = (node as SchemaNode)['properties'];
      if (properties && typeof properties === 'object') {
        for (const [key, value] of Object.entries(properties as Record<string, SchemaNode>)) {
          const own = typeof value['description'] === 'string' ? value : deref(value) ?? {};
          const problem = bilingualProblem(own['description'], own['markdownDescription']);
          if (problem) wrong.push(`${at}/properties/${key}: ${problem}`);
          checked++;
        }
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    walk(ruleSchema, 'rules#');
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('gives every value of every enum (also inside anyOf and list items) its names and meaning, in both languages', () => {
    const missing: string[] = [];
    let values = 0;
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) { node.forEach((child, i) => { walk(child, `${at}/${i}`); }); return; }
      if (node === null || typeof node !== 'object') return;
      const n = node as SchemaNode;
      const list = n['enum'];
      if (Array.isArray(list)) {
        const md = n['markdownEnumDescriptions'] as unknown[] | undefined;
        const plain = n['enumDescriptions'] as unknown[] | undefined;
        if (!Array.isArray(md) || !Array.isArray(plain) || md.length !== list.length || plain.length !== list.length) {
          missing.push(`${at}: ${list.length} values, ${Array.isArray(md) ? md.length : 'no'} Markdown texts, ${Array.isArray(plain) ? plain.length : 'no'} plain texts`);
        } else {
          list.forEach((value, i) => {
            // "<ja name> / <en name> — <one sentence in Japanese>。 <one in English>."
            const text = plain[i];
            if (typeof text !== 'string' || !/^\S.* — .*[\u3040-\u9fff].*。 [A-Z"`].*[.)]$/.test(text)) missing.push(`${at}/${String(value)}: ${String(text)}`);
            if (typeof md[i] !== 'string' || !md[i].startsWith('**')) missing.push(`${at}/${String(value)}: Markdown ${String(md[i])}`);
          });
        }
        values += list.length;
      }
      for (const [key, child] of Object.entries(n)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    walk(ruleSchema, 'rules#');
    expect(missing).toEqual([]);
    // Not vacuous: the model's and the rule file's enums, the operators', protocols' and TLS versions' included.
    expect(values).toBeGreaterThan(300);
  });

  it('writes each value as the example does: "**サーバ** / server — <ja> <en>"', () => {
    const kind = ((schema['definitions'] as Record<string, SchemaNode>)['device']?.['properties'] as Record<string, SchemaNode>)['kind'] as SchemaNode;
    const at = (kind['enum'] as string[]).indexOf('server');
    expect((kind['markdownEnumDescriptions'] as string[])[at]).toBe(`**サーバ** / server — ${DEVICE_KINDS.server.means.ja} ${DEVICE_KINDS.server.means.en}`);
    expect((kind['enumDescriptions'] as string[])[at]).toBe(`サーバ / server — ${DEVICE_KINDS.server.means.ja} ${DEVICE_KINDS.server.means.en}`);
    // The property's own text no longer lists every value: editors list them, each with its text.
    expect(String(kind['description'])).not.toContain('database');
  });

  it('says, for every reference, in both languages which section declares the id that goes there', () => {
    const vague: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) { node.forEach((child, i) => { walk(child, `${at}/${i}`); }); return; }
      if (node === null || typeof node !== 'object') return;
      const n = node as SchemaNode;
      const isRef = n['pattern'] === ID_PATTERN && !at.endsWith('/definitions/id') && !at.endsWith('/rule/properties/id') && !/\/anyOf\/\d+$/.test(at);
      const text = String(n['description'] ?? '');
      if (isRef && !(/`[a-z]+:` で宣言した/.test(text) && /declared under `[a-z]+:`/.test(text))) vague.push(`${at}: ${text}`);
      for (const [key, child] of Object.entries(n)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(vague).toEqual([]);
  });

  it('escapes Markdown outside code spans and keeps code spans as they are', () => {
    expect(markdown('a glob with * and ? and <rule>@<flow>')).toBe('a glob with \\* and ? and \\<rule\\>@\\<flow\\>');
    expect(markdown('`<rule>@<flow>/*` or [x]_y_')).toBe('`<rule>@<flow>/*` or \\[x\\]\\_y\\_');
    expect(markdown('サーバ（本番）')).toBe('サーバ（本番）');
  });

  it('annotations only: the validator is compiled from the schema without the words editors show', () => {
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) { node.forEach(walk); return; }
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        keys.add(k);
        // The keys of these maps are names of properties and definitions (such as `description`), not keywords.
        if (k === 'properties' || k === 'definitions' || k === 'patternProperties') Object.values(v as object).forEach(walk);
        else walk(v);
      }
    };
    walk(withoutAnnotations(schema));
    walk(withoutAnnotations(ruleSchema));
    for (const word of [...EDITOR_KEYWORDS, 'description', 'title', 'examples']) expect(keys.has(word), word).toBe(false);
  });

  it('stays a reasonable size for editors (both schemas, with every text in two languages)', () => {
    // 69,564 bytes before per-value meanings and Japanese sentences; the texts are about two thirds of it now.
    expect(Buffer.byteLength(schemaText)).toBeLessThan(260_000);
    expect(Buffer.byteLength(readFileSync(RULE_SCHEMA_JSON_PATH, 'utf8'))).toBeLessThan(70_000);
  });

  it('has element-level properties to check (the walk above is not vacuous)', () => {
    const device = (schema['definitions'] as Record<string, SchemaNode>)['device'];
    expect(Object.keys((device?.['properties'] as object | undefined) ?? {})).toContain('at');
  });
});

describe('the vocabulary\'s meanings', () => {
  const tables: [string, Readonly<Record<string, DefinedTerm>>][] = [
    ...Object.entries(VOCABULARY).filter(([name]) => !['impact', 'likelihood', 'responseNeed'].includes(name)) as [string, Readonly<Record<string, DefinedTerm>>][],
    ['responseNeed', RESPONSE_NEED_TERMS], ['tls', TLS_TERMS], ['protocol', COMMON_PROTOCOLS], ['auth', { none: NO_AUTH }],
  ];

  it('gives every term a Japanese sentence and an English one', () => {
    const bad: string[] = [];
    for (const [name, table] of tables) {
      for (const [value, term] of Object.entries(table)) {
        const m = term.means as { ja?: unknown; en?: unknown } | undefined;
        const ja = typeof m?.ja === 'string' ? m.ja : '';
        const en = typeof m?.en === 'string' ? m.en : '';
        if (!/[\u3040-\u9fff]/.test(ja) || !ja.endsWith('。')) bad.push(`${name}.${value} ja: ${ja}`);
        if (!/^[A-Z"`]/.test(en) || !en.endsWith('.') || /[\u3040-\u9fff]/.test(en)) bad.push(`${name}.${value} en: ${en}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('says a common protocol is counted as encrypted exactly when the walk counts it so', () => {
    for (const [name, term] of Object.entries(COMMON_PROTOCOLS)) {
      expect(term.means.en.includes('counted as encrypted'), name).toBe(ENCRYPTING_PROTOCOLS.includes(name));
      expect(term.means.ja.includes('暗号化された接続とみなす'), name).toBe(ENCRYPTING_PROTOCOLS.includes(name));
    }
  });
});

describe('generated files are current', () => {
  it(`${SCHEMA_JSON_PATH} is what scripts/schema-codegen.ts writes (run npm run gen)`, () => {
    expect(schemaText).toBe(schemaJson());
  });

  it(`${VALIDATOR_PATH} is what scripts/schema-codegen.ts writes (run npm run gen)`, () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(validatorSource());
  });
});

describe('generated reference pages', () => {
  it.each([
    [REFERENCE_PATH, referenceMarkdown],
    [GLOSSARY_PATH, glossaryMarkdown],
    [DIAGNOSTICS_DOC_PATH, diagnosticsMarkdown],
    [CATALOGUE_DOC_PATH, catalogueMarkdown],
  ])('%s is current (run npm run gen)', (path, generate) => {
    expect(readFileSync(path, 'utf8')).toBe(generate());
  });
});

describe('the font metrics table', () => {
  it('renderers/font/metrics.ts is current (run npm run gen)', () => {
    expect(readFileSync(FONT_METRICS_PATH, 'utf8')).toBe(fontMetricsSource());
  });

  it('measures what the font itself measures, for Japanese, Latin, symbols and missing characters', () => {
    const measure = fontMeasurer();
    const samples = ['電子カルテサーバ（本番環境）', 'HTTPS / TLS 1.3', 'Appointment server ×12', '医療機関-DC間 IPsec-VPN', '①②③ ・「」', 'ｶﾀｶﾅ ＡＢＣ', '😀 emoji', ''];
    for (const [weight, bold] of [['regular', false], ['bold', true]] as const) {
      const font = readFont(weight);
      for (const text of samples) {
        const units = font.glyphsForString(text).reduce((sum, g) => sum + g.advanceWidth, 0);
        expect(measure.width(text, 12, bold), `${weight} ${text}`).toBeCloseTo((units / font.unitsPerEm) * 12, 6);
      }
    }
  });
});
