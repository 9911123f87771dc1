import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ApiError } from '../api-error.js';

/** Errors as `{ error: { code, message, details } }`; unexpected ones are logged, never echoed. */
export function errorHandler({ logger }: { logger: Logger }): ErrorRequestHandler {
  return (error, _request, response, _next) => {
    void _next;
    if (error instanceof ApiError) {
      response
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, details: error.details ?? null } });
      return;
    }
    if (error instanceof z.ZodError) {
      response.status(400).json({
        error: {
          code: 'invalid_request',
          message: 'The request is not valid.',
          details: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        },
      });
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413 || status === 400) {
      response.status(status).json({
        error: {
          code: status === 413 ? 'payload_too_large' : 'invalid_json',
          message: status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.',
          details: null,
        },
      });
      return;
    }
    logger.error({ err: error }, 'request failed');
    response
      .status(500)
      .json({ error: { code: 'internal', message: 'Something went wrong on our side.', details: null } });
  };
}
