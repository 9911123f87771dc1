import type { JsonSchema } from '@connectormcp/orchestrator';
import { z } from 'zod';

// The orchestrator's type (the one `tool_call_finished.outputSchema` has), not a copy of it.
export type { JsonSchema };

// Tools' schemas come from connectors as they are: only their being an object is the API's promise.
export const jsonSchemaSchema = z.custom<JsonSchema>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a JSON Schema object',
);
