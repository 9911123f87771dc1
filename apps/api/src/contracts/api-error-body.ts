import { z } from 'zod';

/** Every error the API answers: a stable `code` (snake_case words) and a message for people. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
