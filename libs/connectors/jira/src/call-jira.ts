import { setTimeout as delay } from 'node:timers/promises';
import { isRateLimitError, isServerError } from 'jira.js';
import { mapJiraError } from './map-jira-error.js';

const attempts = 3;
const maxWaitMs = 10_000;

/**
 * Calls Jira, retrying 429 and 503 after the wait Jira asks for (Retry-After) or a growing backoff, then
 * failing with RATE_LIMITED / UPSTREAM_UNAVAILABLE. Errors come back as ConnectorErrors.
 */
export async function callJira<Result>({
  call,
  signal,
  usesToken,
}: {
  call: () => Promise<Result>;
  signal?: AbortSignal;
  usesToken: boolean;
}): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const retryable = isRateLimitError(error) || (isServerError(error) && error.status === 503);
      if (!retryable || attempt >= attempts || signal?.aborted) throw mapJiraError(error, { usesToken }) ?? error;
      const advised = isRateLimitError(error) ? error.retryAfterMs : undefined;
      await delay(Math.min(maxWaitMs, advised ?? 500 * 2 ** (attempt - 1)), undefined, signal ? { signal } : {});
    }
  }
}
