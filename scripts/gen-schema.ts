// `npm run gen`: rewrites models/koseizu.schema.json and models/generated/schema-validator.ts.
import { writeFileSync } from 'node:fs';
import { SCHEMA_JSON_PATH, VALIDATOR_PATH, schemaJson, validatorSource } from './schema-codegen.js';

writeFileSync(SCHEMA_JSON_PATH, schemaJson());
writeFileSync(VALIDATOR_PATH, validatorSource());
process.stdout.write(`wrote ${SCHEMA_JSON_PATH} and ${VALIDATOR_PATH}\n`);
