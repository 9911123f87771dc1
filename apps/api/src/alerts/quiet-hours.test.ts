import { isKnownTimezone, quietHoursEnd } from './quiet-hours.js';

describe('quietHoursEnd', () => {
  it('is null outside the window and the window end inside it', () => {
    const quietHours = { start: '09:00', end: '17:00', timezone: 'UTC' };
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-02T08:59:00Z') })).toBeNull();
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-02T12:34:56.789Z') })?.toISOString()).toBe(
      '2026-03-02T17:00:00.000Z',
    );
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-02T17:00:00Z') })).toBeNull();
  });

  it('spans midnight when the start is after the end', () => {
    const quietHours = { start: '22:00', end: '07:00', timezone: 'UTC' };
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-02T23:30:00Z') })?.toISOString()).toBe(
      '2026-03-03T07:00:00.000Z',
    );
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-03T03:00:00Z') })?.toISOString()).toBe(
      '2026-03-03T07:00:00.000Z',
    );
    expect(quietHoursEnd({ quietHours, now: new Date('2026-03-03T12:00:00Z') })).toBeNull();
  });

  it('reads the clock in the window time zone, across a daylight saving change', () => {
    // 23:30 in Paris (UTC+1 in winter) is 22:30 UTC; quiet until 07:00 Paris = 06:00 UTC.
    const paris = { start: '22:00', end: '07:00', timezone: 'Europe/Paris' };
    expect(quietHoursEnd({ quietHours: paris, now: new Date('2026-01-15T22:30:00Z') })?.toISOString()).toBe(
      '2026-01-16T06:00:00.000Z',
    );
    // The night clocks go forward (29 March 2026, 02:00 → 03:00): 07:00 is then UTC+2, 05:00 UTC.
    expect(quietHoursEnd({ quietHours: paris, now: new Date('2026-03-28T22:30:00Z') })?.toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    );
    expect(quietHoursEnd({ quietHours: paris, now: new Date('2026-01-15T12:00:00Z') })).toBeNull();
  });

  it('has no window when start and end are equal', () => {
    expect(
      quietHoursEnd({ quietHours: { start: '08:00', end: '08:00', timezone: 'UTC' }, now: new Date() }),
    ).toBeNull();
  });

  it('knows the runtime time zones', () => {
    expect(isKnownTimezone('Europe/Paris')).toBe(true);
    expect(isKnownTimezone('Mars/Olympus')).toBe(false);
  });
});
