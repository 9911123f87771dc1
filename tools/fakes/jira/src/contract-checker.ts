import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiSpec } from './load-jira-spec.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface ContractMismatch {
  direction: 'request' | 'response';
  operation: string;
  problems: string[];
}

function withAbsoluteReferences(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAbsoluteReferences);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `jira${value}`
        : withAbsoluteReferences(value),
    ]),
  );
}

/**
 * Validates requests and responses against the Jira OpenAPI spec: query parameters (required, types),
 * JSON bodies, and response bodies (which use `additionalProperties: false` in many schemas, so an
 * invented field fails too). Every mismatch is kept for tests to assert on.
 */
export function createContractChecker({ spec }: { spec: OpenApiSpec }) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(withAbsoluteReferences({ components: spec.components }) as object, 'jira');
  const compiled = new Map<string, ValidateFunction>();
  const mismatches: ContractMismatch[] = [];
  const compile = (key: string, schema: unknown) => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(withAbsoluteReferences(schema) as object);
      compiled.set(key, validate);
    }
    return validate;
  };
  const operationOf = ({ method, path }: { method: string; path: string }) => {
    const operation = spec.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${path} is not in the Jira OpenAPI spec`);
    return operation;
  };
  const problemsOf = (validate: ValidateFunction) =>
    (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`.trim());

  return {
    mismatches,
    /** Returns the problems with a request (empty when it conforms). */
    checkRequest({
      method,
      path,
      query,
      body,
    }: {
      method: string;
      path: string;
      query: URLSearchParams;
      body?: unknown;
    }): string[] {
      const operation = operationOf({ method, path });
      const problems: string[] = [];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query') continue;
        const value = query.get(parameter.name);
        if (value === null) {
          if (parameter.required) problems.push(`query parameter ${parameter.name} is required`);
          continue;
        }
        const type = (parameter.schema as { type?: string } | undefined)?.type;
        if (type === 'integer' && !/^-?\d+$/.test(value))
          problems.push(`query parameter ${parameter.name} must be an integer`);
        if (type === 'boolean' && value !== 'true' && value !== 'false')
          problems.push(`query parameter ${parameter.name} must be true or false`);
      }
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema && body !== undefined) {
        const validate = compile(`${method} ${path} request`, schema);
        if (!validate(body)) problems.push(...problemsOf(validate));
      } else if (operation.requestBody?.required && body === undefined) {
        problems.push('a JSON body is required');
      }
      if (problems.length > 0) mismatches.push({ direction: 'request', operation: `${method} ${path}`, problems });
      return problems;
    },
    /** Returns the problems with a response body for a status (empty when it conforms). */
    checkResponse({
      method,
      path,
      status,
      body,
    }: {
      method: string;
      path: string;
      status: number;
      body: unknown;
    }): string[] {
      const operation = operationOf({ method, path });
      const response = operation.responses[String(status)] ?? operation.responses.default;
      if (!response) {
        const problems = [`status ${status} is not documented`];
        mismatches.push({ direction: 'response', operation: `${method} ${path}`, problems });
        return problems;
      }
      const schema = response.content?.['application/json']?.schema;
      if (!schema || body === undefined) return [];
      const validate = compile(`${method} ${path} ${status}`, schema);
      if (validate(body)) return [];
      const problems = problemsOf(validate);
      mismatches.push({ direction: 'response', operation: `${method} ${path} ${status}`, problems });
      return problems;
    },
  };
}

export type ContractChecker = ReturnType<typeof createContractChecker>;
