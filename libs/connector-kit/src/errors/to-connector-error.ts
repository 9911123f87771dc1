import { ConnectorError } from './connector-error.js';

export type ErrorMapper = (error: unknown) => ConnectorError | undefined;

/**
 * Turns anything thrown into a ConnectorError. Known errors pass through, the connector's own mapper
 * recognises driver errors, and everything else becomes INTERNAL with a message that reveals nothing
 * about the process (the original stays in `cause` for the logs).
 */
export function toConnectorError({ error, mapError }: { error: unknown; mapError?: ErrorMapper }): ConnectorError {
  if (ConnectorError.isInstance(error)) return error;
  const mapped = mapError?.(error);
  if (mapped) return mapped;
  if (error instanceof Error && error.name === 'AbortError') {
    return new ConnectorError({ code: 'CANCELLED', message: 'The request was cancelled.', cause: error });
  }
  return new ConnectorError({
    code: 'INTERNAL',
    message: 'The connector hit an unexpected error; the details are in its log.',
    cause: error,
  });
}
