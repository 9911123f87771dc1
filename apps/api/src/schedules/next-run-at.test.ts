import { findCronProblem, nextRunAt } from './next-run-at.js';

describe('findCronProblem', () => {
  it('accepts five-field expressions cron-parser reads, names and ranges included', () => {
    for (const cron of ['* * * * *', '*/15 9-17 * * 1-5', '0 7 * * MON', '30 6 1,15 JAN-JUN *', '0 0 L * *'])
      expect(findCronProblem({ cron })).toBeUndefined();
  });

  it('names the field at fault and what is wrong with it', () => {
    expect(findCronProblem({ cron: '61 * * * *' })).toBe(
      'The minute field "61" is not valid: Constraint error, got value 61 expected range 0-59.',
    );
    expect(findCronProblem({ cron: '0 25 * * *' })).toMatch(/^The hour field "25" is not valid: .*0-23/);
    expect(findCronProblem({ cron: '0 0 * 13 *' })).toMatch(/^The month field "13"/);
    expect(findCronProblem({ cron: '0 0 * * 1#9' })).toMatch(/^The day-of-week field "1#9"/);
    expect(findCronProblem({ cron: 'every day at noon please' })).toMatch(/^The minute field "every" is not valid/);
  });

  it('counts the fields: seconds and the @-shortcuts are not five fields', () => {
    expect(findCronProblem({ cron: '0 * * * * *' })).toBe(
      'A cron expression has five fields (minute hour day-of-month month day-of-week); "0 * * * * *" has 6.',
    );
    expect(findCronProblem({ cron: '@daily' })).toMatch(/has 1\.$/);
    expect(findCronProblem({ cron: '   ' })).toMatch(/has 0\.$/);
  });

  it('refuses a date that never comes and the random H', () => {
    expect(findCronProblem({ cron: '0 0 31 2 *' })).toMatch(/^"0 0 31 2 \*" never comes round: /);
    expect(findCronProblem({ cron: 'H * * * *' })).toMatch(/^The minute field "H" uses H/);
    // THU is a weekday's name, not H.
    expect(findCronProblem({ cron: '0 9 * * THU' })).toBeUndefined();
  });
});

describe('nextRunAt', () => {
  it('reads the expression in the time zone, across a change to summer time', () => {
    // Paris moves to UTC+2 on 2026-03-29 at 02:00 local time.
    const before = new Date('2026-03-28T12:00:00Z');
    expect(nextRunAt({ cron: '0 9 * * *', timezone: 'Europe/Paris', after: before }).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(nextRunAt({ cron: '0 9 * * *', timezone: 'UTC', after: before }).toISOString()).toBe(
      '2026-03-29T09:00:00.000Z',
    );
    expect(nextRunAt({ cron: '0 9 * * *', timezone: 'America/New_York', after: before }).toISOString()).toBe(
      '2026-03-28T13:00:00.000Z',
    );
  });

  it('is strictly after the given time', () => {
    const at = new Date('2026-01-01T10:15:00Z');
    expect(nextRunAt({ cron: '15 10 * * *', timezone: 'UTC', after: at }).toISOString()).toBe(
      '2026-01-02T10:15:00.000Z',
    );
    expect(nextRunAt({ cron: '*/5 * * * *', timezone: 'UTC', after: at }).toISOString()).toBe(
      '2026-01-01T10:20:00.000Z',
    );
  });
});
