import { z } from 'zod';

/** `GET /api/status`: whether the chat can answer before anything is sent. */
export const statusResponseSchema = z.object({
  chat: z.object({
    available: z.boolean(),
    code: z.enum(['missing_api_key']).nullable(),
    message: z.string().nullable(),
    model: z.string(),
  }),
});

export type StatusResponse = z.infer<typeof statusResponseSchema>;
