import { CronExpressionParser } from 'cron-parser';

const fieldNames = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;

// `H` picks a value from a seed: the time shown here and the time the queue runs it would disagree.
const hashedValue = /(^|[^a-z])h(?![a-z])/i;

const parse = ({ cron, timezone, after }: { cron: string; timezone: string; after?: Date }) =>
  CronExpressionParser.parse(cron, { tz: timezone, strict: false, ...(after ? { currentDate: after } : {}) });

const withoutPeriod = (message: string) => message.replace(/\.$/, '');

/**
 * Why a five-field cron expression (minute hour day-of-month month day-of-week) cannot be used, in words that
 * name the field at fault; undefined when cron-parser reads it and it comes round again.
 */
export function findCronProblem({ cron }: { cron: string }): string | undefined {
  const fields = cron.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5)
    return `A cron expression has five fields (minute hour day-of-month month day-of-week); "${cron.trim()}" has ${fields.length}.`;
  // Each field alone first, so the message names the one at fault rather than the whole expression.
  for (const [index, field] of fields.entries()) {
    if (hashedValue.test(field))
      return `The ${fieldNames[index]} field "${field}" uses H (a random value), which is not supported.`;
    const alone = fields.map((other, position) => (position === index ? other : '*')).join(' ');
    try {
      parse({ cron: alone, timezone: 'UTC' });
    } catch (error) {
      return `The ${fieldNames[index]} field "${field}" is not valid: ${withoutPeriod((error as Error).message)}.`;
    }
  }
  try {
    parse({ cron: fields.join(' '), timezone: 'UTC' }).next();
  } catch (error) {
    return `"${fields.join(' ')}" never comes round: ${withoutPeriod((error as Error).message)}.`;
  }
  return undefined;
}

/** The first time after `after` (now by default) that `cron` is due, read in `timezone` (an IANA name). */
export function nextRunAt({
  cron,
  timezone,
  after = new Date(),
}: {
  cron: string;
  timezone: string;
  after?: Date;
}): Date {
  return parse({ cron, timezone, after }).next().toDate();
}
