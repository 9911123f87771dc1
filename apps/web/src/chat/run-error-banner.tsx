import { Banner } from '../layout/banner.js';
import type { AssistantTurn } from './chat-items.js';

/** Why a run stopped, with what to do about it. */
export function RunErrorBanner({
  error,
  onRetry,
}: {
  error: NonNullable<AssistantTurn['error']>;
  onRetry?: () => void;
}) {
  const retry = onRetry ? (
    <button
      type="button"
      onClick={onRetry}
      className="mt-1 rounded border border-current px-2 py-0.5 text-xs font-medium"
    >
      Retry
    </button>
  ) : null;
  switch (error.code as string) {
    case 'missing_api_key':
      return (
        <Banner tone="warning" title="No Anthropic API key is set on the server">
          <p>
            Chat needs one: start the server with <code>ANTHROPIC_API_KEY=sk-ant-… npm start</code>. The tool explorer
            works without it. Once the key is set, Retry asks the same question again.
          </p>
          {retry}
        </Banner>
      );
    case 'rate_limited':
      return (
        <Banner tone="warning" title="Rate limited">
          <p>{error.message} Wait a moment and retry.</p>
          {retry}
        </Banner>
      );
    case 'cancelled':
      return (
        <Banner tone="info" title="Stopped">
          {retry}
        </Banner>
      );
    case 'unreachable':
      return (
        <Banner tone="error" title="The server cannot be reached">
          <p>{error.message}</p>
          {retry}
        </Banner>
      );
    default:
      return (
        <Banner tone="error" title="The answer could not be finished">
          <p>{error.message}</p>
          {error.retryable ? retry : null}
        </Banner>
      );
  }
}
