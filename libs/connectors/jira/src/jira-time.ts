// Jira writes times as `2026-11-20T09:30:00.000+0000`: ISO 8601 but with an offset without a colon, which
// JSON Schema's `date-time` (RFC 3339) and some browsers' Date parsing refuse.
const jiraDateTime = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:?\d\d)$/;
const isoDate = /^\d{4}-\d\d-\d\d$/;

/** A Jira time as RFC 3339 (`…+00:00`), or null when absent or not a time. */
export function toDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = jiraDateTime.exec(value);
  if (!match) return null;
  const [, local, offset] = match as unknown as [string, string, string];
  return `${local}${offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`;
}

/** A Jira date (`duedate`, a version's `releaseDate`) as `YYYY-MM-DD`, or null when absent. */
export function toDate(value: unknown): string | null {
  return typeof value === 'string' && isoDate.test(value) ? value : null;
}
