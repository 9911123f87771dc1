import type { AlertTestResponse } from './alert-types.js';

const channelLabels = { webhook: 'Webhook', email: 'Email' } as const;

/** What each channel answered to "Send test": sent, or why not. */
export function AlertTestResults({ deliveries }: { deliveries: AlertTestResponse['deliveries'] }) {
  if (deliveries.length === 0) return <p className="text-xs">No channel to send to.</p>;
  return (
    <ul className="space-y-0.5 text-xs" aria-label="Test results">
      {deliveries.map((delivery) => (
        <li
          key={delivery.channel}
          className={delivery.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}
        >
          {channelLabels[delivery.channel]}: {delivery.ok ? 'sent' : 'failed'}
          {delivery.status !== null ? ` (${delivery.channel === 'webhook' ? 'HTTP ' : 'SMTP '}${delivery.status})` : ''}
          {delivery.error ? ` — ${delivery.error}` : ''}
        </li>
      ))}
    </ul>
  );
}
