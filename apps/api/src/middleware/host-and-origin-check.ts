import {
  createHostOriginPolicy,
  hostOriginGuard,
  loopbackHostNames,
} from '@connectormcp/connector-kit/host-origin-guard';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ApiError } from '../api-error.js';

/**
 * The kit's Host and Origin checks (the same as the connectors' `--http` mode), answered in the API's
 * error format: 403 `forbidden_host` or `forbidden_origin`, with a log line naming what was refused.
 */
export function hostAndOriginCheck({
  logger,
  allowedHosts = [...loopbackHostNames],
  corsOrigins,
}: {
  logger: Logger;
  allowedHosts?: string[];
  corsOrigins: string[];
}): RequestHandler {
  const policy = createHostOriginPolicy({
    allowedHosts,
    allowedOrigins: corsOrigins,
    hostsVariable: 'ALLOWED_HOSTS',
    originsVariable: 'CORS_ORIGINS',
  });
  return hostOriginGuard<Request, Response>({
    policy,
    onRefused: ({ refusal, request, next }) => {
      logger.warn(
        {
          code: refusal.code,
          method: request.method,
          path: request.path,
          host: request.headers.host,
          origin: request.headers.origin,
        },
        `refused: ${refusal.message}`,
      );
      next(new ApiError({ status: 403, code: refusal.code, message: refusal.message }));
    },
  });
}
