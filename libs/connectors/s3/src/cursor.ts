import { ConnectorError } from '@connectormcp/connector-kit';

/** Opaque cursors: base64url JSON, so the model passes them back verbatim and cannot mistake them for keys. */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<Value extends Record<string, unknown>>({ cursor }: { cursor: string }): Value {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object') return value as Value;
  } catch {
    // fall through to the error below
  }
  throw new ConnectorError({
    code: 'INVALID_INPUT',
    message: 'cursor is not one this connector returned; pass next_cursor unchanged.',
  });
}
