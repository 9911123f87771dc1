import mysql from 'mysql2';

const typeNames = new Map<number, string>(Object.entries(mysql.Types).map(([name, code]) => [code as number, name]));

export function columnTypeName({ type }: { type: number | undefined }): string {
  return (type !== undefined && typeNames.get(type)) || 'UNKNOWN';
}

const binaryPreviewBytes = 32;

/** A short hex preview of binary with its length: megabytes of base64 would tell a model nothing more. */
export function binaryPreview({ buffer }: { buffer: Buffer }): string {
  const preview = buffer.subarray(0, binaryPreviewBytes).toString('hex');
  return `0x${preview}${buffer.length > binaryPreviewBytes ? '…' : ''} (${buffer.length} bytes)`;
}

/**
 * Values as JSON can carry them without loss: big integers and decimals stay strings (the pool returns
 * them so), date-times become ISO 8601 (TIMESTAMPs are read in UTC), and binary becomes a short hex
 * preview with its length rather than megabytes of base64.
 */
export function toJsonSafeValue({ value, typeName }: { value: unknown; typeName: string }): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return binaryPreview({ buffer: value });
  if (
    typeof value === 'string' &&
    (typeName === 'DATETIME' || typeName === 'TIMESTAMP' || typeName === 'DATETIME2' || typeName === 'TIMESTAMP2')
  ) {
    if (value.startsWith('0000-00-00')) return value;
    return `${value.replace(' ', 'T')}${typeName.startsWith('TIMESTAMP') ? 'Z' : ''}`;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}
