import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorError } from './connector-error.js';

/** Result `_meta` key carrying the stable error code, so MCP clients need not parse the text. */
export const errorCodeMetaKey = 'connectormcp/error';

export function toToolErrorResult({
  error,
  redact,
}: {
  error: ConnectorError;
  redact: (text: string) => string;
}): CallToolResult {
  const message = redact(error.message);
  return {
    isError: true,
    content: [{ type: 'text', text: `${error.code}: ${message}` }],
    _meta: {
      [errorCodeMetaKey]: {
        code: error.code,
        retryable: error.retryable,
        ...(error.details ? { details: JSON.parse(redact(JSON.stringify(error.details))) } : {}),
      },
    },
  };
}
