import type {} from '../auth/request-user.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '../api-error.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Requires one of the API keys (Bearer or X-API-Key) on every request when keys are configured. The
 * request's owner is a hash of its key, so sessions belong to keys without storing them.
 */
export function apiKeyAuth({ apiKeys }: { apiKeys: string[] }): RequestHandler {
  const expected = apiKeys.map(digest);
  return (request, _response, next) => {
    if (expected.length === 0) {
      request.owner = 'local';
      return next();
    }
    const presented =
      /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ??
      (request.headers['x-api-key'] as string | undefined);
    const candidate = presented ? digest(presented.trim()) : undefined;
    // Every key is compared, in constant time, whatever matches first.
    const matched = candidate
      ? expected.reduce((found, key) => timingSafeEqual(key, candidate) || found, false)
      : false;
    if (!matched)
      return next(
        new ApiError({
          status: 401,
          code: 'unauthorized',
          message: 'Send a valid API key as a Bearer token or in X-API-Key.',
        }),
      );
    request.owner = candidate!.toString('hex').slice(0, 32);
    next();
  };
}
