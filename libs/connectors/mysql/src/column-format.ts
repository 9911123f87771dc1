import type { ValueFormat } from '@connectormcp/connector-kit/value-format';

/**
 * The value format of a result column, from its MySQL type, in the kit's vocabulary, so a client shows the
 * values for what they are without guessing:
 * - DECIMAL and BIGINT arrive as strings (the pool reads them so: JSON numbers would lose digits beyond
 *   2^53 or a decimal's scale), marked `decimal`: an exact base-10 number as text.
 * - TIMESTAMP is read in the session's pinned UTC and sent with `Z`; DATETIME holds no time zone (writes keep
 *   the server's), so it is sent as written, without an offset, and shown as the wall-clock time it is.
 * - DATE is `YYYY-MM-DD`.
 * Other types arrive as JSON numbers or text and need no format.
 */
const formats = new Map<string, ValueFormat>([
  ['DECIMAL', 'decimal'],
  ['NEWDECIMAL', 'decimal'],
  ['LONGLONG', 'decimal'],
  ['TIMESTAMP', 'date-time'],
  ['TIMESTAMP2', 'date-time'],
  ['DATETIME', 'date-time'],
  ['DATETIME2', 'date-time'],
  ['DATE', 'date'],
  ['NEWDATE', 'date'],
]);

export function columnFormat({ typeName }: { typeName: string }): ValueFormat | undefined {
  return formats.get(typeName);
}
