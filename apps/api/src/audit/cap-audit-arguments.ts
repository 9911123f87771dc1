/** The most JSON of a tool's arguments the audit log keeps per entry. */
export const maximumAuditArgumentBytes = 16 * 1024;

/** What stands in for arguments too large to keep: says so, how large they were, and how they began. */
export interface TruncatedAuditArguments {
  $truncated: true;
  originalBytes: number;
  preview: string;
}

/**
 * Arguments as the audit log stores them: unchanged up to 16 KB of JSON, else a marker with the first part
 * of the JSON, so one huge statement cannot bloat the trail yet the entry still shows what ran.
 */
export function capAuditArguments(value: unknown): unknown {
  const json = JSON.stringify(value ?? null);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes <= maximumAuditArgumentBytes) return value ?? null;
  const preview = Buffer.from(json, 'utf8')
    .subarray(0, maximumAuditArgumentBytes - 256)
    .toString('utf8')
    // A multi-byte character cut in half decodes as U+FFFD: drop it.
    .replace(/\uFFFD$/, '');
  const truncated: TruncatedAuditArguments = { $truncated: true, originalBytes: bytes, preview };
  return truncated;
}
