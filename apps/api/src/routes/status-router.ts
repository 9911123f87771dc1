import { defaultModel } from '@connectormcp/orchestrator';
import { Router } from 'express';
import type { StatusResponse } from '../contracts/index.js';

/** `GET /api/status`: whether the chat can answer, known before anything is sent. */
export function statusRouter({
  environment,
  hasAnthropicClient,
}: {
  environment: Record<string, string | undefined>;
  /** A client given to the app (tests, embedding) makes the chat available without a key in the environment. */
  hasAnthropicClient: boolean;
}): Router {
  const router = Router();
  router.get('/', (_request, response) => {
    const available = hasAnthropicClient || Boolean(environment.ANTHROPIC_API_KEY);
    const body: StatusResponse = {
      chat: {
        available,
        code: available ? null : 'missing_api_key',
        message: available
          ? null
          : 'No Anthropic API key is configured: set ANTHROPIC_API_KEY to chat. The tool explorer works without it.',
        model: environment.ANTHROPIC_MODEL ?? defaultModel,
      },
    };
    response.json(body);
  });
  return router;
}
