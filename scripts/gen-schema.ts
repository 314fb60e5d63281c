// `npm run gen`: rewrites models/koseizu.schema.json, models/generated/schema-validator.ts, and docs/reference.md, glossary.md, diagnostics.md.
import { writeFileSync } from 'node:fs';
import { DIAGNOSTICS_DOC_PATH, GLOSSARY_PATH, diagnosticsMarkdown, REFERENCE_PATH, glossaryMarkdown, SCHEMA_JSON_PATH, VALIDATOR_PATH, referenceMarkdown, schemaJson, validatorSource } from './schema-codegen.js';

writeFileSync(SCHEMA_JSON_PATH, schemaJson());
writeFileSync(VALIDATOR_PATH, validatorSource());
writeFileSync(REFERENCE_PATH, referenceMarkdown());
writeFileSync(GLOSSARY_PATH, glossaryMarkdown());
writeFileSync(DIAGNOSTICS_DOC_PATH, diagnosticsMarkdown());
process.stdout.write(`wrote ${[SCHEMA_JSON_PATH, VALIDATOR_PATH, REFERENCE_PATH, GLOSSARY_PATH, DIAGNOSTICS_DOC_PATH].join(', ')}\n`);
