import { createKeyMatcher } from './key-matcher.js';

describe('createKeyMatcher', () => {
  it('matches globs over whole keys', () => {
    const matches = createKeyMatcher({ pattern: 'logs/**/*.gz' });
    expect(matches('logs/2026/11/app.log.gz')).toBe(true);
    expect(matches('logs/app.log')).toBe(false);
  });

  it('matches /regex/flags', () => {
    const matches = createKeyMatcher({ pattern: '/REPORT-\\d{4}\\.csv$/i' });
    expect(matches('a/report-2026.csv')).toBe(true);
    expect(matches('a/report-26.csv')).toBe(false);
  });

  it('names an invalid regular expression', () => {
    expect(() => createKeyMatcher({ pattern: '/(unclosed/' })).toThrow(/pattern is not a valid regular expression/);
  });
});
