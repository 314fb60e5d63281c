// The JSON Schema of the DSL (models/koseizu.schema.json), as editors see it: compiled on its own with
// Ajv, it must accept every example, reject the broken fixtures whose problem is structural, explain
// every property (with its Japanese term), and be the file the generator writes today.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DiagnosticCode } from '../models/diagnostic.js';
import {
  CATALOGUE_DOC_PATH, catalogueMarkdown, DIAGNOSTICS_DOC_PATH, GLOSSARY_PATH, REFERENCE_PATH, SCHEMA_JSON_PATH, VALIDATOR_PATH,
  diagnosticsMarkdown, glossaryMarkdown, referenceMarkdown, schemaJson, validatorSource,
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
/** The schema compiled once, strictly: a keyword Ajv does not know would be an error in the schema itself. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  return compiled;
}

/** Reads a model file as plain data, the way an editor's YAML language server would. */
function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
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

  it('describes every property (itself or through its $ref), with its Japanese term', () => {
    const definitions = schema['definitions'] as Record<string, SchemaNode>;
    const deref = (node: SchemaNode): SchemaNode | undefined => {
      const ref = node['$ref'];
      return typeof ref === 'string' ? definitions[ref.replace('#/definitions/', '')] : undefined;
    };
    const undescribed: string[] = [];
    const notJapanese: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((child, i) => { walk(child, `${at}/${i}`); });
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const properties = (node as SchemaNode)['properties'];
      if (properties && typeof properties === 'object') {
        for (const [key, value] of Object.entries(properties as Record<string, SchemaNode>)) {
          const description = value['description'] ?? deref(value)?.['description'];
          if (typeof description !== 'string' || description.trim() === '') undescribed.push(`${at}/properties/${key}`);
          else if (!/[\u3040-\u9fff]/.test(description)) notJapanese.push(`${at}/properties/${key}`);
        }
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(undescribed).toEqual([]);
    expect(notJapanese).toEqual([]);
  });

  it('has element-level properties to check (the walk above is not vacuous)', () => {
    const device = (schema['definitions'] as Record<string, SchemaNode>)['device'];
    expect(Object.keys((device?.['properties'] as object | undefined) ?? {})).toContain('at');
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
