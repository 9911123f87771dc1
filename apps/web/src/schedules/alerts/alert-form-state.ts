import type { Alert, AlertCondition, CreateAlertRequest, UpdateAlertRequest } from './alert-types.js';

export type ConditionType = AlertCondition['type'];
export type ComparisonOperator = Extract<AlertCondition, { type: 'row_count' }>['operator'];

export const comparisonOperators: ComparisonOperator[] = ['>', '>=', '<', '<=', '==', '!='];

/** Everything the alert form edits, as typed (numbers stay text until the form is sent). */
export interface AlertFormState {
  name: string;
  conditionType: ConditionType;
  operator: ComparisonOperator;
  value: string;
  column: string;
  match: 'any' | 'all';
  webhookOn: boolean;
  /** An alert being edited already has a webhook: its URL is write-only, so it is kept unless replaced. */
  webhookStored: { urlHint: string; hasSecret: boolean } | null;
  webhookReplacing: boolean;
  webhookUrl: string;
  webhookSecret: string;
  emailOn: boolean;
  emailTo: string;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  quietTimezone: string;
  enabled: boolean;
}

/** The field of the form a problem is about. */
export type AlertFormField =
  'name' | 'value' | 'column' | 'channels' | 'webhookUrl' | 'webhookSecret' | 'emailTo' | 'quietHours';

export class AlertFormError extends Error {
  readonly field: AlertFormField;
  constructor({ field, message }: { field: AlertFormField; message: string }) {
    super(message);
    this.name = 'AlertFormError';
    this.field = field;
  }
}

export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The form for a new alert, or for editing `alert`. */
export function initialAlertFormState({ alert }: { alert?: Alert | undefined } = {}): AlertFormState {
  const condition = alert?.condition;
  return {
    name: alert?.name ?? '',
    conditionType: condition?.type ?? 'row_count',
    operator: condition && 'operator' in condition ? condition.operator : '>',
    value: condition && 'value' in condition ? String(condition.value) : '0',
    column: condition?.type === 'column' ? condition.column : '',
    match: condition?.type === 'column' ? condition.match : 'any',
    webhookOn: alert ? alert.webhook !== null : true,
    webhookStored: alert?.webhook ? { urlHint: alert.webhook.url_hint, hasSecret: alert.webhook.has_secret } : null,
    webhookReplacing: false,
    webhookUrl: '',
    webhookSecret: '',
    emailOn: Boolean(alert?.email),
    emailTo: alert?.email?.to.join(', ') ?? '',
    quietOn: Boolean(alert?.quiet_hours),
    quietStart: alert?.quiet_hours?.start ?? '22:00',
    quietEnd: alert?.quiet_hours?.end ?? '07:00',
    quietTimezone: alert?.quiet_hours?.timezone ?? browserTimezone(),
    enabled: alert?.enabled ?? true,
  };
}

const numberPattern = /^-?\d+(\.\d+)?$/;

function conditionFromState(state: AlertFormState): AlertCondition {
  const value = state.value.trim();
  switch (state.conditionType) {
    case 'changed':
    case 'failed':
      return { type: state.conditionType };
    case 'row_count':
      if (!numberPattern.test(value))
        throw new AlertFormError({ field: 'value', message: 'The row count is compared with a number.' });
      return { type: 'row_count', operator: state.operator, value: Number(value) };
    case 'column': {
      const column = state.column.trim();
      if (!column) throw new AlertFormError({ field: 'column', message: 'Name the column to check.' });
      // A number typed is compared as a number (the server compares numeric text numerically too).
      if (numberPattern.test(value))
        return { type: 'column', column, operator: state.operator, value: Number(value), match: state.match };
      if (state.operator !== '==' && state.operator !== '!=')
        throw new AlertFormError({
          field: 'value',
          message: 'Text is compared with “is” or “is not” only; type a number to compare sizes.',
        });
      return { type: 'column', column, operator: state.operator, value, match: state.match };
    }
  }
}

const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function recipients(state: AlertFormState): string[] {
  const addresses = state.emailTo
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
  if (addresses.length === 0)
    throw new AlertFormError({ field: 'emailTo', message: 'Add at least one email address.' });
  if (addresses.length > 10) throw new AlertFormError({ field: 'emailTo', message: 'At most 10 email addresses.' });
  const invalid = addresses.find((address) => !emailPattern.test(address));
  if (invalid) throw new AlertFormError({ field: 'emailTo', message: `“${invalid}” is not an email address.` });
  return addresses;
}

function webhookFromState(state: AlertFormState): { url: string; secret?: string } {
  const url = state.webhookUrl.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    throw new AlertFormError({ field: 'webhookUrl', message: 'The webhook needs an https:// (or http://) URL.' });
  const secret = state.webhookSecret.trim();
  if (secret && secret.length < 16)
    throw new AlertFormError({ field: 'webhookSecret', message: 'A signing secret has at least 16 characters.' });
  return secret ? { url, secret } : { url };
}

function quietHoursFromState(state: AlertFormState) {
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!clock.test(state.quietStart) || !clock.test(state.quietEnd))
    throw new AlertFormError({ field: 'quietHours', message: 'Quiet hours start and end as HH:MM (24-hour).' });
  if (!state.quietTimezone.trim())
    throw new AlertFormError({ field: 'quietHours', message: 'Quiet hours need a time zone.' });
  return { start: state.quietStart, end: state.quietEnd, timezone: state.quietTimezone.trim() };
}

/** The webhook as the form leaves it: unchanged (stored and not replaced), replaced, or none. */
function webhookChange(state: AlertFormState): { url: string; secret?: string } | null | 'unchanged' {
  if (!state.webhookOn) return null;
  if (state.webhookStored && !state.webhookReplacing) return 'unchanged';
  return webhookFromState(state);
}

function alertBody(state: AlertFormState) {
  const name = state.name.trim();
  if (!name) throw new AlertFormError({ field: 'name', message: 'Give the alert a name.' });
  const condition = conditionFromState(state);
  if (!state.webhookOn && !state.emailOn)
    throw new AlertFormError({ field: 'channels', message: 'Choose a webhook, email, or both to notify.' });
  return {
    fields: {
      name,
      condition,
      email: state.emailOn ? { to: recipients(state) } : null,
      quiet_hours: state.quietOn ? quietHoursFromState(state) : null,
      enabled: state.enabled,
    },
    webhook: webhookChange(state),
  };
}

/** `POST …/alerts` body; throws AlertFormError naming the field that is wrong. */
export function createAlertBody(state: AlertFormState): CreateAlertRequest {
  const { fields, webhook } = alertBody({ ...state, webhookStored: null });
  return { ...fields, webhook: webhook === 'unchanged' ? null : webhook };
}

/** `PATCH …/alerts/:id` body: everything, except a stored webhook nobody replaced (its URL is not known here). */
export function updateAlertBody(state: AlertFormState): UpdateAlertRequest {
  const { fields, webhook } = alertBody(state);
  return webhook === 'unchanged' ? fields : { ...fields, webhook };
}
