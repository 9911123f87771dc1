import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

/**
 * The MCP SDK's own JSON Schema validator (Ajv), built on first use. A server only needs it to check an
 * elicitation's answer, yet the SDK builds one for every server it creates, and building Ajv (its meta-schema
 * and formats) took about 8 ms of each start.
 */
export function createLazyJsonSchemaValidator(): jsonSchemaValidator {
  let validator: AjvJsonSchemaValidator | undefined;
  return {
    getValidator(schema) {
      validator ??= new AjvJsonSchemaValidator();
      return validator.getValidator(schema);
    },
  };
}
