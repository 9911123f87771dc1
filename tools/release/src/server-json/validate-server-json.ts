import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// The registry's schema, byte for byte as published (tools/release/README.md says where it comes from).
const schemaFile = new URL('../../schemas/server.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

function compiledValidator(): ValidateFunction {
  if (!validator) {
    // strict: false because the published schema uses `example`, an OpenAPI keyword JSON Schema does not know.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  }
  return validator;
}

/** What the registry's JSON Schema finds wrong with a server.json, one line each; empty when it is valid. */
export function validateServerJson({ serverJson }: { serverJson: unknown }): string[] {
  const validate = compiledValidator();
  if (validate(serverJson)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
