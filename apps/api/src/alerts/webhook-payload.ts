import type { AlertNotice } from './alert-notice.js';
import { describeCondition } from './alert-notice.js';

/** Slack's mrkdwn gives `&`, `<` and `>` a meaning (links, mentions): names and messages are escaped. */
const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The webhook body: Slack-compatible (`text` for notifications, `blocks` of mrkdwn sections), and the same
 * facts as data in `connectormcp` for other receivers.
 */
export function webhookPayload(notice: AlertNotice): Record<string, unknown> {
  const { alert, schedule, run, condition, firedAt, message, test } = notice;
  const prefix = test ? '[Test] ' : '';
  const title = `${prefix}${escapeMrkdwn(alert.name)}: ${escapeMrkdwn(schedule.name)}`;
  const details = [
    `*Condition:* ${escapeMrkdwn(describeCondition(condition))}`,
    ...(run
      ? [
          `*Run:* ${run.status} at ${(run.finished_at ?? run.started_at).toISOString()}${
            run.result?.row_count !== null && run.result?.row_count !== undefined
              ? ` (${run.result.row_count} row${run.result.row_count === 1 ? '' : 's'})`
              : ''
          }`,
        ]
      : []),
  ];
  return {
    text: `${title} — ${escapeMrkdwn(message)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${title}*\n${escapeMrkdwn(message)}` } },
      { type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } },
    ],
    connectormcp: {
      firing_id: notice.firingId,
      alert: { id: alert.id, name: alert.name },
      schedule: { id: schedule.id, name: schedule.name },
      run: run
        ? {
            id: run.id,
            status: run.status,
            due_at: run.due_at.toISOString(),
            started_at: run.started_at.toISOString(),
            finished_at: run.finished_at?.toISOString() ?? null,
            row_count: run.result?.row_count ?? null,
            diff: run.diff ? { added: run.diff.added, removed: run.diff.removed, changed: run.diff.changed } : null,
            metrics: run.metrics ?? {},
            error: run.error,
          }
        : null,
      condition,
      message,
      fired_at: firedAt.toISOString(),
      test,
    },
  };
}
