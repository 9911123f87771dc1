import type { QuietHours } from '../contracts/index.js';

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** The wall-clock time in a time zone, in minutes since midnight (seconds kept as a fraction). */
function localMinutes({ at, timezone }: { at: Date; timezone: string }): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute') + (part('second') + at.getUTCMilliseconds() / 1000) / 60;
}

/** Whether the time zone is one the runtime knows (`Europe/Paris`, `UTC`). */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When the quiet hours that hold at `now` end, or null outside them. The window is [start, end) in its time
 * zone and spans midnight when start > end (22:00–07:00); start = end is no window.
 */
export function quietHoursEnd({ quietHours, now }: { quietHours: QuietHours; now: Date }): Date | null {
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return null;
  const current = localMinutes({ at: now, timezone: quietHours.timezone });
  const inside = start < end ? current >= start && current < end : current >= start || current < end;
  if (!inside) return null;
  const ahead = (end - current + 1440) % 1440;
  let candidate = new Date(Math.round(now.getTime() + ahead * 60_000));
  // Across a daylight saving change the wall clock jumps: correct once by what the end looks like there.
  const drift = localMinutes({ at: candidate, timezone: quietHours.timezone }) - end;
  if (Math.abs(drift) >= 1 && Math.abs(drift) <= 120) candidate = new Date(candidate.getTime() - drift * 60_000);
  return candidate;
}
