import { z } from 'zod';
import { chatErrorCodeSchema, chatUsageSchema, toolCallStatusSchema } from './chat-event.js';

const timestamp = z.iso.datetime({ offset: true });

/** A datasource id as the orchestrator's configuration allows it. */
export const datasourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'not a datasource id');

/** The datasources a chat uses; it belongs to the chat and is saved with it. */
export const datasourceSelectionSchema = z.array(datasourceIdSchema).max(20);

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  datasources: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** `GET /api/chat/sessions`, newest activity first. */
export const sessionsResponseSchema = z.object({ sessions: z.array(sessionSummarySchema) });

/** A content block of a stored message, as the Messages API shapes it (its own casing, kept as is). */
export const contentBlockSchema = z.looseObject({ type: z.string() });

export const storedMessageSchema = z.object({
  id: z.number().int(),
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
  createdAt: timestamp,
});

export const storedToolCallSchema = z.object({
  id: z.string(),
  runId: z.string(),
  datasource: z.string(),
  tool: z.string(),
  arguments: z.unknown(),
  status: toolCallStatusSchema,
  durationMs: z.number().int().nonnegative().nullable(),
  summary: z.string().nullable(),
  /** The tool's structured result, when it was small enough to store. */
  result: z.unknown().optional(),
  /** The connector's stable error code when the call failed. */
  errorCode: z.string().nullable(),
  /** The text the model received for this call. */
  modelText: z.string().nullable(),
  createdAt: timestamp,
});

export const runStatusSchema = z.enum(['running', 'finished', 'cancelled', 'interrupted', 'failed']);

export const runErrorSchema = z.object({
  code: chatErrorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});

export const storedRunSchema = z.object({
  id: z.string(),
  /** `chat` for a question to the model, `tool_call` for one tool call re-run from a card. */
  kind: z.enum(['chat', 'tool_call']),
  status: runStatusSchema,
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  /** Tokens and cost as shown live; null while running or when the run never reached the model. */
  usage: chatUsageSchema.nullable(),
  error: runErrorSchema.nullable(),
  /** The user message that started it (for Retry). */
  question: z.string().nullable(),
});

/** `GET /api/chat/sessions/:id`. */
export const sessionDetailSchema = sessionSummarySchema.extend({
  messages: z.array(storedMessageSchema),
  toolCalls: z.array(storedToolCallSchema),
  /** Oldest first. */
  runs: z.array(storedRunSchema),
  latestRun: storedRunSchema.nullable(),
});

/** `POST /api/chat/sessions`. */
export const createSessionRequestSchema = z.object({
  title: z.string().min(1).max(200).default('New chat'),
  datasources: datasourceSelectionSchema.default([]),
});

/** `PATCH /api/chat/sessions/:id`: a new title, a new selection, or both. */
export const updateSessionRequestSchema = z
  .object({
    title: z.string().min(1).max(200).optional(),
    datasources: datasourceSelectionSchema.optional(),
  })
  .strict()
  .refine((body) => body.title !== undefined || body.datasources !== undefined, 'send a title or datasources');

export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>;
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type StoredMessage = z.infer<typeof storedMessageSchema>;
export type StoredToolCall = z.infer<typeof storedToolCallSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type RunError = z.infer<typeof runErrorSchema>;
export type StoredRun = z.infer<typeof storedRunSchema>;
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;
export type UpdateSessionRequest = z.input<typeof updateSessionRequestSchema>;
