import { cronDescription } from './cron-description.js';

describe('cronDescription', () => {
  it('reads five-field crons in words, in 24-hour time', () => {
    expect(cronDescription({ cron: '0 7 * * 1-5' })).toBe('At 07:00, Monday through Friday');
    expect(cronDescription({ cron: '*/15 * * * *' })).toBe('Every 15 minutes');
    expect(cronDescription({ cron: '  30   18 1 * *  ' })).toBe('At 18:30, on day 1 of the month');
  });

  it('has no reading for what the server would refuse for its shape', () => {
    expect(cronDescription({ cron: '0 7 * *' })).toBeNull();
    expect(cronDescription({ cron: '0 0 7 * * *' })).toBeNull();
    expect(cronDescription({ cron: 'every morning at 7' })).toBeNull();
    expect(cronDescription({ cron: '' })).toBeNull();
  });
});
