import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './seeds';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'annotations.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The schema's complaints about an export, empty when it is valid. */
export function schemaErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
