// The kit's stable codes (ConnectorError) in the words someone reading the result needs.
const messages: Record<string, string> = {
  INVALID_INPUT: 'The tool did not accept the input.',
  INVALID_CONFIG: 'The datasource is not configured correctly.',
  NOT_FOUND: 'What was asked for does not exist.',
  ACCESS_DENIED: 'The datasource refused access.',
  READ_ONLY: 'This would change data, which this tool or connection does not allow.',
  RATE_LIMITED: 'The datasource is rate limiting requests; try again shortly.',
  TIMEOUT: 'The tool took too long and was stopped.',
  CANCELLED: 'The call was cancelled.',
  UPSTREAM_UNAVAILABLE: 'The datasource cannot be reached.',
  INTERNAL: 'The connector failed unexpectedly.',
};

/** A tool error's code in plain words; an unknown code is still named so nothing is hidden. */
export function errorCodeMessage({ code }: { code: string | null | undefined }): string {
  if (!code) return 'The tool reported an error.';
  return messages[code] ?? `The tool reported an error (${code}).`;
}
