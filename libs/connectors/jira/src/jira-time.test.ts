import { toDate, toDateTime } from './jira-time.js';

describe('toDateTime', () => {
  it('puts a colon in the offset, keeping the instant', () => {
    expect(toDateTime('2026-11-20T09:30:00.000+0000')).toBe('2026-11-20T09:30:00.000+00:00');
    expect(toDateTime('2026-11-20T09:30:00.123-0530')).toBe('2026-11-20T09:30:00.123-05:30');
    expect(Date.parse(toDateTime('2026-11-20T09:30:00.000+0100')!)).toBe(Date.parse('2026-11-20T08:30:00Z'));
  });

  it('leaves RFC 3339 as it is and answers null for anything else', () => {
    expect(toDateTime('2026-11-20T09:30:00Z')).toBe('2026-11-20T09:30:00Z');
    expect(toDateTime('2026-11-20T09:30:00+02:00')).toBe('2026-11-20T09:30:00+02:00');
    expect(toDateTime('2026-11-20')).toBeNull();
    expect(toDateTime(undefined)).toBeNull();
    expect(toDateTime(null)).toBeNull();
  });
});

describe('toDate', () => {
  it('keeps YYYY-MM-DD and answers null otherwise', () => {
    expect(toDate('2026-12-01')).toBe('2026-12-01');
    expect(toDate('')).toBeNull();
    expect(toDate(null)).toBeNull();
  });
});
