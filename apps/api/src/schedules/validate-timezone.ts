import { ApiError } from '../api-error.js';

const supportedTimezones = new Map(
  [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((name) => [name.toLowerCase(), name] as const),
);

/**
 * The time zone's IANA name as the runtime spells it (`europe/paris` → `Europe/Paris`); an alias the runtime
 * knows (`Europe/Kiev`, `GMT`) as given. Offsets (`+01:00`) and unknown names are refused with 400
 * `invalid_timezone`: schedules follow a named zone, daylight saving time included.
 */
export function validateTimezone({ timezone }: { timezone: string }): string {
  const name = timezone.trim();
  const canonical = supportedTimezones.get(name.toLowerCase());
  if (canonical) return canonical;
  let known = false;
  try {
    known = /^[a-z]/i.test(new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone);
  } catch {
    known = false;
  }
  if (known && /^[a-z]/i.test(name)) return name;
  throw new ApiError({
    status: 400,
    code: 'invalid_timezone',
    message: `Unknown time zone "${timezone}": use an IANA name such as UTC, Europe/Paris or America/New_York.`,
  });
}
