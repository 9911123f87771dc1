import { z } from 'zod';
import { maximumMessageLength } from './chat.js';
import { datasourceIdSchema, datasourceSelectionSchema } from './session.js';

const timestamp = z.iso.datetime({ offset: true });

const savedName = z.string().trim().min(1, 'a name is required').max(120);

/** A tool call saved from a tool card: re-run as is, without the model. Only read-only tools can be saved. */
export const createSavedToolCallRequestSchema = z.strictObject({
  name: savedName,
  datasource: datasourceIdSchema,
  tool: z.string().min(1).max(128),
  arguments: z.record(z.string(), z.unknown()).default({}),
});

/** A whole question saved from the chat: re-asked through the chat loop, with a token cap and no approvals. */
export const createSavedQuestionRequestSchema = z.strictObject({
  name: savedName,
  question: z.string().trim().min(1, 'the question is empty').max(maximumMessageLength),
  datasources: datasourceSelectionSchema.min(1, 'name at least one datasource'),
});

/** `POST /api/saved`: a tool call or a question, told apart by their fields. */
export const createSavedRequestSchema = z.union([createSavedToolCallRequestSchema, createSavedQuestionRequestSchema]);

export const savedItemSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('tool_call'),
    name: z.string(),
    datasource: z.string(),
    tool: z.string(),
    arguments: z.record(z.string(), z.unknown()),
    created_at: timestamp,
    /** How many schedules run it. */
    schedules: z.number().int().nonnegative(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('question'),
    name: z.string(),
    question: z.string(),
    datasources: z.array(z.string()),
    created_at: timestamp,
    schedules: z.number().int().nonnegative(),
  }),
]);

/** `GET /api/saved`: the caller's own, newest first. */
export const savedItemsResponseSchema = z.object({ saved: z.array(savedItemSchema) });

export type CreateSavedRequest = z.input<typeof createSavedRequestSchema>;
export type SavedItem = z.infer<typeof savedItemSchema>;
export type SavedItemsResponse = z.infer<typeof savedItemsResponseSchema>;
