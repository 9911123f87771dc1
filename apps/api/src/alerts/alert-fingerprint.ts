import { createHash } from 'node:crypto';
import type { AlertCondition } from '../contracts/index.js';

/** sha256 of the alert, its condition and the values that made it fire: equal for a repeat of the same news. */
export function alertFingerprint({
  alertId,
  condition,
  values,
}: {
  alertId: string;
  condition: AlertCondition;
  values: unknown;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([alertId, condition, values]))
    .digest('hex');
}
