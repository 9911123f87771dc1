import type { Alert } from './alert-types.js';
import { AlertFormError, createAlertBody, initialAlertFormState, updateAlertBody } from './alert-form-state.js';
import { describeChannels, describeCondition } from './describe-alert.js';

const base = { ...initialAlertFormState(), name: 'Check', webhookUrl: 'https://hooks.example.com/a' };

function problem(run: () => unknown): { field: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AlertFormError) return { field: error.field, message: error.message };
    throw error;
  }
}

describe('createAlertBody', () => {
  it('sends a column compared with a number as a number, and with text as text', () => {
    const number = createAlertBody({
      ...base,
      conditionType: 'column',
      column: ' stock ',
      operator: '<',
      value: '10.5',
    });
    expect(number.condition).toEqual({ type: 'column', column: 'stock', operator: '<', value: 10.5, match: 'any' });
    const text = createAlertBody({
      ...base,
      conditionType: 'column',
      column: 'status',
      operator: '!=',
      value: 'paid',
      match: 'all',
    });
    expect(text.condition).toEqual({ type: 'column', column: 'status', operator: '!=', value: 'paid', match: 'all' });
  });

  it('splits recipients on commas, spaces and semicolons, and names a wrong one', () => {
    const body = createAlertBody({
      ...base,
      webhookOn: false,
      emailOn: true,
      emailTo: 'a@example.com; b@example.com,c@example.com',
    });
    expect(body.email).toEqual({ to: ['a@example.com', 'b@example.com', 'c@example.com'] });
    expect(body.webhook).toBeNull();
    expect(problem(() => createAlertBody({ ...base, emailOn: true, emailTo: 'a@example.com, nobody' }))).toEqual({
      field: 'emailTo',
      message: '“nobody” is not an email address.',
    });
  });

  it('keeps quiet hours as HH:MM in their zone, and refuses a row count that is not a number', () => {
    const body = createAlertBody({
      ...base,
      quietOn: true,
      quietStart: '23:30',
      quietEnd: '06:00',
      quietTimezone: 'Asia/Tokyo',
    });
    expect(body.quiet_hours).toEqual({ start: '23:30', end: '06:00', timezone: 'Asia/Tokyo' });
    expect(problem(() => createAlertBody({ ...base, quietOn: true, quietStart: '24:00' }))?.field).toBe('quietHours');
    expect(problem(() => createAlertBody({ ...base, value: 'five' }))?.field).toBe('value');
    expect(problem(() => createAlertBody({ ...base, webhookUrl: 'ftp://example.com' }))?.field).toBe('webhookUrl');
    expect(problem(() => createAlertBody({ ...base, webhookSecret: 'short' }))?.field).toBe('webhookSecret');
  });
});

describe('updateAlertBody', () => {
  const alert: Alert = {
    id: 'al_1',
    schedule_id: 'sc_1',
    name: 'Failures',
    condition: { type: 'failed' },
    webhook: { url_hint: 'https://hooks.example.com/…', has_secret: true },
    email: null,
    quiet_hours: null,
    enabled: true,
    last_firing: null,
    created_at: '2026-11-01T08:00:00.000Z',
    updated_at: '2026-11-01T08:00:00.000Z',
  };

  it('leaves a stored webhook out, removes it when unticked, and replaces it when a URL is typed', () => {
    const state = initialAlertFormState({ alert });
    expect(updateAlertBody(state)).not.toHaveProperty('webhook');
    expect(
      updateAlertBody({ ...state, webhookOn: false, emailOn: true, emailTo: 'ops@example.com' }).webhook,
    ).toBeNull();
    expect(
      updateAlertBody({ ...state, webhookReplacing: true, webhookUrl: 'https://hooks.example.com/b' }).webhook,
    ).toEqual({ url: 'https://hooks.example.com/b' });
  });

  it('reads the alert back in words', () => {
    expect(describeCondition({ condition: alert.condition })).toBe('The run failed');
    expect(describeCondition({ condition: { type: 'row_count', operator: '>=', value: 5 } })).toBe(
      'The row count is at least 5',
    );
    expect(describeCondition({ condition: { type: 'changed' } })).toBe('The result changed since the previous run');
    expect(describeChannels({ alert })).toEqual(['Webhook https://hooks.example.com/… (signed)']);
  });
});
