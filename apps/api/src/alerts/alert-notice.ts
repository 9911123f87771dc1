import type { AlertCondition } from '../contracts/index.js';
import type { ScheduleRunRow } from '../schedules/schedule-rows.js';

/** What a notification says, on every channel. */
export interface AlertNotice {
  firingId: string;
  alert: { id: string; name: string };
  /** The schedule, named after its saved question or tool call. */
  schedule: { id: string; name: string };
  run: ScheduleRunRow | null;
  condition: AlertCondition;
  firedAt: Date;
  message: string;
  test: boolean;
}

/** The condition in words: `row count > 10`, `stock < 5 in any row`, `changed`, `failed`. */
export function describeCondition(condition: AlertCondition): string {
  switch (condition.type) {
    case 'row_count':
      return `row count ${condition.operator} ${condition.value}`;
    case 'column':
      return `${condition.column} ${condition.operator} ${JSON.stringify(condition.value)} in ${condition.match} row${
        condition.match === 'all' ? 's' : ''
      }`;
    case 'changed':
      return 'the result changed since the previous run';
    case 'failed':
      return 'the run failed';
  }
}
