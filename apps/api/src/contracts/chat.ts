import { z } from 'zod';
import { chatEventSchema } from './chat-event.js';
import { datasourceIdSchema } from './session.js';

/** The longest question the chat takes, in characters (the web shows a counter against it). */
export const maximumMessageLength = 20_000;

/** `POST /api/chat/message`: answers as SSE when `Accept: text/event-stream`, else as JSON. */
export const chatMessageRequestSchema = z.object({
  sessionId: z.uuid().optional(),
  message: z.string().min(1).max(maximumMessageLength),
  /** Also saved as the session's selection. */
  datasources: z.array(datasourceIdSchema).min(1).max(20),
});

/** `POST /api/chat/message` without a stream. */
export const chatJsonResponseSchema = z.object({
  sessionId: z.string(),
  runId: z.string(),
  answer: z.string(),
  events: z.array(chatEventSchema),
});

/** `POST /api/chat/sessions/:id/tool-calls`: one tool call without the model (edit and re-run from a card). */
export const toolCallRequestSchema = z.object({
  datasource: datasourceIdSchema,
  tool: z.string().min(1).max(128),
  arguments: z.record(z.string(), z.unknown()).default({}),
});

/** `POST /api/chat/approvals/:id`. */
export const approvalRequestSchema = z.object({ approve: z.boolean() });

export type ChatMessageRequest = z.input<typeof chatMessageRequestSchema>;
export type ChatJsonResponse = z.infer<typeof chatJsonResponseSchema>;
export type ToolCallRequest = z.input<typeof toolCallRequestSchema>;
export type ApprovalRequestBody = z.infer<typeof approvalRequestSchema>;
