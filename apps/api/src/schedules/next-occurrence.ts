import { CronExpressionParser } from 'cron-parser';

/**
 * The occurrence a schedule's chain queues next, after the one at `dueAt` (or from nothing, at `now`):
 * the first occurrence after both, unless an occurrence later than `dueAt` has already passed (a backlog,
 * or instances that were down), in which case the latest of those, once: it runs at once and its own
 * successor is in the future again, so an outage costs one catch-up run, not one per missed occurrence.
 */
export function nextOccurrence({
  cron,
  timezone,
  dueAt,
  now,
}: {
  cron: string;
  timezone: string;
  dueAt?: Date;
  now: Date;
}): Date {
  if (dueAt) {
    // prev() answers strictly before its reference: a millisecond on keeps an occurrence at `now` itself.
    const latest = CronExpressionParser.parse(cron, { tz: timezone, currentDate: new Date(now.getTime() + 1) })
      .prev()
      .toDate();
    if (latest.getTime() > dueAt.getTime()) return latest;
  }
  const after = dueAt && dueAt.getTime() > now.getTime() ? dueAt : now;
  return CronExpressionParser.parse(cron, { tz: timezone, currentDate: after }).next().toDate();
}

/** Whether `at` is an occurrence of the cron in the time zone (a queued job from before a change may not be). */
export function isOccurrence({ cron, timezone, at }: { cron: string; timezone: string; at: Date }): boolean {
  try {
    const next = CronExpressionParser.parse(cron, { tz: timezone, currentDate: new Date(at.getTime() - 1) }).next();
    return next.toDate().getTime() === at.getTime();
  } catch {
    return false;
  }
}
