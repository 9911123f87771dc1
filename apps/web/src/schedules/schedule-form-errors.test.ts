import { ApiRequestError } from '../api/api-request-error.js';
import { checkScheduleFields, scheduleFormErrors } from './schedule-form-errors.js';

describe('scheduleFormErrors', () => {
  it('puts the server’s cron and zone refusals next to their field', () => {
    const cron = new ApiRequestError({ status: 400, code: 'invalid_cron', message: 'Minute 61 is out of range.' });
    expect(scheduleFormErrors({ error: cron })).toEqual({ cron: 'Minute 61 is out of range.' });
    const zone = new ApiRequestError({ status: 400, code: 'invalid_timezone', message: 'Unknown zone Mars/Base.' });
    expect(scheduleFormErrors({ error: zone })).toEqual({ timezone: 'Unknown zone Mars/Base.' });
    const request = new ApiRequestError({
      status: 400,
      code: 'invalid_request',
      message: 'Invalid request.',
      details: [{ path: 'cron', message: 'cron needs five fields' }],
    });
    expect(scheduleFormErrors({ error: request })).toEqual({ cron: 'cron needs five fields' });
    const limit = new ApiRequestError({ status: 409, code: 'too_many_schedules', message: 'At most 100 schedules.' });
    expect(scheduleFormErrors({ error: limit })).toEqual({ form: 'At most 100 schedules.' });
  });
});

describe('checkScheduleFields', () => {
  it('asks for five cron fields and a zone before sending', () => {
    expect(checkScheduleFields({ cron: '0 7 * * *', timezone: 'UTC' })).toEqual({});
    expect(Object.keys(checkScheduleFields({ cron: '0 7 * *', timezone: ' ' }))).toEqual(['cron', 'timezone']);
  });
});
