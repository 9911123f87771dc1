import { ConnectorError } from '@connectormcp/connector-kit';
import {
  isApiError,
  isAuthError,
  isForbiddenError,
  isNetworkError,
  isNotFoundError,
  isRateLimitError,
  isServerError,
} from 'jira.js';

function jiraMessages(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 300) : '';
  const { errorMessages = [], errors = {} } = body as { errorMessages?: string[]; errors?: Record<string, string> };
  return [...errorMessages, ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`)].join(' ');
}

/**
 * Maps jira.js errors to stable codes, keeping Jira's own messages (they explain bad JQL and invalid
 * fields well) and naming the credential variables to check, never their values.
 */
export function mapJiraError(
  error: unknown,
  { usesToken = true }: { usesToken?: boolean } = {},
): ConnectorError | undefined {
  if (isAuthError(error)) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: `Jira rejected the credentials: check ${usesToken ? 'JIRA_EMAIL and JIRA_API_TOKEN' : 'JIRA_PAT'}.`,
      cause: error,
    });
  }
  if (isForbiddenError(error)) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: `Jira refused this for the configured account. ${jiraMessages(error.body)}`.trim(),
      cause: error,
    });
  }
  if (isNotFoundError(error))
    return new ConnectorError({
      code: 'NOT_FOUND',
      message: jiraMessages(error.body) || 'Not found in Jira.',
      cause: error,
    });
  if (isRateLimitError(error))
    return new ConnectorError({
      code: 'RATE_LIMITED',
      message: 'Jira is rate limiting these requests; try again shortly.',
      retryable: true,
      cause: error,
    });
  if (isServerError(error))
    return new ConnectorError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `Jira answered ${error.status}; try again shortly.`,
      retryable: true,
      cause: error,
    });
  if (isNetworkError(error))
    return new ConnectorError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'Jira could not be reached: check JIRA_BASE_URL and the network.',
      retryable: true,
      cause: error,
    });
  if (isApiError(error)) {
    if (error.status === 410)
      return new ConnectorError({
        code: 'UPSTREAM_UNAVAILABLE',
        message: `Jira retired this endpoint: ${jiraMessages(error.body)}`,
        cause: error,
      });
    return new ConnectorError({
      code: 'INVALID_INPUT',
      message: `Jira: ${jiraMessages(error.body) || error.message}`,
      cause: error,
    });
  }
  return undefined;
}
