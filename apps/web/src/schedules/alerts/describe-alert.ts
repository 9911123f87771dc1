import type { Alert, AlertCondition, LastFiring } from './alert-types.js';
import type { ComparisonOperator } from './alert-form-state.js';

export const operatorWords: Record<ComparisonOperator, string> = {
  '>': 'is more than',
  '>=': 'is at least',
  '<': 'is less than',
  '<=': 'is at most',
  '==': 'is',
  '!=': 'is not',
};

/** "The row count is more than 5", "stock is less than 10 in any row", "The run failed". */
export function describeCondition({ condition }: { condition: AlertCondition }): string {
  switch (condition.type) {
    case 'row_count':
      return `The row count ${operatorWords[condition.operator]} ${condition.value}`;
    case 'column': {
      const value = typeof condition.value === 'string' ? `“${condition.value}”` : String(condition.value);
      const rows = condition.match === 'all' ? 'in every row' : 'in any row';
      return `${condition.column} ${operatorWords[condition.operator]} ${value} ${rows}`;
    }
    case 'changed':
      return 'The result changed since the previous run';
    case 'failed':
      return 'The run failed';
  }
}

/** Where the alert notifies: "Webhook https://hooks.slack.com/… (signed)", "Email a@example.com". */
export function describeChannels({ alert }: { alert: Pick<Alert, 'webhook' | 'email'> }): string[] {
  const channels: string[] = [];
  if (alert.webhook) channels.push(`Webhook ${alert.webhook.url_hint}${alert.webhook.has_secret ? ' (signed)' : ''}`);
  if (alert.email) channels.push(`Email ${alert.email.to.join(', ')}`);
  return channels;
}

export const firingStatusLabels: Record<LastFiring['status'], string> = {
  pending: 'Sending',
  deferred: 'Waiting for quiet hours to end',
  sent: 'Sent',
  failed: 'Delivery failed',
  suppressed: 'Not sent again (same as the last one)',
};
