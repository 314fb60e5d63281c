// `npm run gen`: rewrites every generated file: models/koseizu.schema.json, models/generated/schema-validator.ts,
// models/koseizu-rules.schema.json, models/generated/rule-schema-validator.ts,
// docs/reference.md, glossary.md, diagnostics.md, catalogue.md, and renderers/font/metrics.ts (the font's advance widths).
import { writeFileSync } from 'node:fs';
import { FONT_METRICS_PATH, fontMetricsSource } from './font-metrics.js';
import {
  CATALOGUE_DOC_PATH, catalogueMarkdown, DIAGNOSTICS_DOC_PATH, GLOSSARY_PATH, diagnosticsMarkdown, REFERENCE_PATH, glossaryMarkdown, RULE_SCHEMA_JSON_PATH, RULE_VALIDATOR_PATH,
  SCHEMA_JSON_PATH, VALIDATOR_PATH, referenceMarkdown, ruleSchemaJson, ruleValidatorSource, schemaJson, validatorSource,
} from './schema-codegen.js';

writeFileSync(SCHEMA_JSON_PATH, schemaJson());
writeFileSync(VALIDATOR_PATH, validatorSource());
writeFileSync(RULE_SCHEMA_JSON_PATH, ruleSchemaJson());
writeFileSync(RULE_VALIDATOR_PATH, ruleValidatorSource());
writeFileSync(REFERENCE_PATH, referenceMarkdown());
writeFileSync(GLOSSARY_PATH, glossaryMarkdown());
writeFileSync(DIAGNOSTICS_DOC_PATH, diagnosticsMarkdown());
writeFileSync(CATALOGUE_DOC_PATH, catalogueMarkdown());
writeFileSync(FONT_METRICS_PATH, fontMetricsSource());
process.stdout.write(`wrote ${[SCHEMA_JSON_PATH, VALIDATOR_PATH, RULE_SCHEMA_JSON_PATH, RULE_VALIDATOR_PATH, REFERENCE_PATH, GLOSSARY_PATH, DIAGNOSTICS_DOC_PATH, CATALOGUE_DOC_PATH, FONT_METRICS_PATH].join(', ')}\n`);
