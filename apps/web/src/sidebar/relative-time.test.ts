import { fullDateTime, relativeTime } from './relative-time.js';

const now = new Date('2026-11-29T12:00:00Z');
const before = (seconds: number) => new Date(now.getTime() - seconds * 1_000);

describe('relativeTime', () => {
  it.each([
    [10, 'now'],
    [5 * 60, '5 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [26 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
    [8 * 24 * 3600, 'last week'],
    [70 * 24 * 3600, '2 months ago'],
    [400 * 24 * 3600, 'last year'],
  ])('%i seconds ago reads "%s"', (seconds, expected) => {
    expect(relativeTime({ date: before(seconds), now, locale: 'en' })).toBe(expected);
  });

  it('speaks the given language', () => {
    expect(relativeTime({ date: before(2 * 3600), now, locale: 'de' })).toBe('vor 2 Stunden');
  });
});

describe('fullDateTime', () => {
  it('names the weekday, the date and the time', () => {
    const text = fullDateTime({ date: now, locale: 'en-GB' });
    expect(text).toMatch(/Sunday/);
    expect(text).toMatch(/29 November 2026/);
  });
});
