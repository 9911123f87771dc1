import Anthropic from '@anthropic-ai/sdk';
import type { ChatErrorCode } from './chat-events.js';

/** Turns SDK errors (after its own retries) into the run's typed errors, with messages safe to show. */
export function classifyAnthropicError(error: unknown): { code: ChatErrorCode; message: string; retryable: boolean } {
  if (error instanceof Anthropic.APIUserAbortError)
    return { code: 'cancelled', message: 'The run was cancelled.', retryable: false };
  if (error instanceof Anthropic.AuthenticationError) {
    return {
      code: 'missing_api_key',
      message: 'The Anthropic API rejected the key: check ANTHROPIC_API_KEY.',
      retryable: false,
    };
  }
  if (error instanceof Anthropic.RateLimitError) {
    return {
      code: 'rate_limited',
      message: 'The Anthropic API is rate limiting this key; try again in a moment.',
      retryable: true,
    };
  }
  const apiError = error as { status?: number; error?: { error?: { type?: string } }; message?: string };
  const type = apiError.error?.error?.type ?? '';
  if (apiError.status === 529 || type === 'overloaded_error' || /overloaded/i.test(apiError.message ?? '')) {
    return { code: 'overloaded', message: 'Claude is overloaded right now; try again shortly.', retryable: true };
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return { code: 'upstream', message: 'The Anthropic API could not be reached.', retryable: true };
  }
  if (error instanceof Anthropic.APIError) {
    return {
      code: 'upstream',
      message: `The Anthropic API answered ${apiError.status ?? 'an error'}: ${(apiError.message ?? '').slice(0, 300)}`,
      retryable: (apiError.status ?? 500) >= 500,
    };
  }
  return {
    code: 'upstream',
    message: `The model call failed: ${(error as Error)?.message ?? String(error)}`,
    retryable: false,
  };
}
