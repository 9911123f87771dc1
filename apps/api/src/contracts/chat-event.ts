import type { ChatErrorCode, ChatEvent, ChatUsage, ToolCallStatus } from '@connectormcp/orchestrator';
import { z } from 'zod';
import { jsonSchemaSchema } from './json-schema.js';

// The chat events are the orchestrator's (its types are re-exported, not copied); these schemas describe
// the same events on the wire so that a test can hold every stream the API sends against them.
export type { ChatErrorCode, ChatEvent, ChatUsage, ToolCallStatus };

export const chatErrorCodeSchema = z.enum([
  'missing_api_key',
  'rate_limited',
  'overloaded',
  'upstream',
  'step_limit',
  'token_budget',
  'cancelled',
  'tool_failed',
]);

export const toolCallStatusSchema = z.enum(['ok', 'error', 'denied', 'cancelled']);

export const chatUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  estimatedCostUsd: z.number().nonnegative(),
});

export const chatEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text_delta'), text: z.string() }),
  z.object({
    type: z.literal('tool_call_started'),
    id: z.string(),
    datasource: z.string(),
    tool: z.string(),
    arguments: z.unknown(),
  }),
  z.object({
    type: z.literal('tool_call_progress'),
    id: z.string(),
    progress: z.number(),
    total: z.number().optional(),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal('tool_call_finished'),
    id: z.string(),
    datasource: z.string(),
    tool: z.string(),
    status: toolCallStatusSchema,
    durationMs: z.number().int().nonnegative(),
    summary: z.string(),
    result: z.unknown().optional(),
    errorCode: z.string().optional(),
    retryable: z.boolean().optional(),
    outputSchema: jsonSchemaSchema.optional(),
    modelText: z.string(),
  }),
  z.object({
    type: z.literal('approval_required'),
    id: z.string(),
    datasource: z.string(),
    tool: z.string(),
    arguments: z.unknown(),
    destructive: z.boolean(),
  }),
  chatUsageSchema.extend({ type: z.literal('usage') }),
  z.object({ type: z.literal('done'), stopReason: z.string() }),
  z.object({ type: z.literal('error'), code: chatErrorCodeSchema, message: z.string(), retryable: z.boolean() }),
]);

/** The API's first event of every stream: which run this is, and which session it belongs to. */
export const runEventSchema = z.object({ type: z.literal('run'), runId: z.string(), sessionId: z.string() });

export type RunEvent = z.infer<typeof runEventSchema>;

/** One Server-Sent Event's data: the `run` acknowledgement, then the orchestrator's events. */
export const chatStreamEventSchema = z.union([runEventSchema, chatEventSchema]);

export type ChatStreamEvent = RunEvent | ChatEvent;

// The schemas above describe the orchestrator's events, not others: this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasDescribeTheOrchestratorsEvents: Same<z.infer<typeof chatEventSchema>, ChatEvent> &
  Same<z.infer<typeof chatUsageSchema>, ChatUsage> &
  Same<z.infer<typeof chatErrorCodeSchema>, ChatErrorCode> &
  Same<z.infer<typeof toolCallStatusSchema>, ToolCallStatus> = true;
void schemasDescribeTheOrchestratorsEvents;
