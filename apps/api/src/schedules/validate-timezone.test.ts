import { ApiError } from '../api-error.js';
import { validateTimezone } from './validate-timezone.js';

const refusal = (timezone: string) => {
  try {
    validateTimezone({ timezone });
  } catch (error) {
    return error;
  }
  throw new Error(`${timezone} was accepted`);
};

describe('validateTimezone', () => {
  it('spells IANA names as the runtime does', () => {
    expect(validateTimezone({ timezone: 'Europe/Paris' })).toBe('Europe/Paris');
    expect(validateTimezone({ timezone: 'europe/paris' })).toBe('Europe/Paris');
    expect(validateTimezone({ timezone: 'utc' })).toBe('UTC');
    expect(validateTimezone({ timezone: ' America/New_York ' })).toBe('America/New_York');
  });

  it('keeps an alias the runtime knows', () => {
    expect(validateTimezone({ timezone: 'Europe/Kiev' })).toBe('Europe/Kiev');
    expect(validateTimezone({ timezone: 'GMT' })).toBe('GMT');
  });

  it('refuses unknown names and bare offsets with invalid_timezone', () => {
    for (const timezone of ['Mars/Olympus', '', '+01:00', 'Europe/']) {
      const error = refusal(timezone);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_timezone' });
      expect((error as ApiError).message).toContain(`"${timezone}"`);
    }
  });
});
