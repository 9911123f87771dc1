import type { AlertNotice } from './alert-notice.js';
import { describeCondition } from './alert-notice.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Names are the user's own text: no line breaks (or other controls) inside a header.
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

/** The email of a notification: `[ConnectorMCP] <alert>: <schedule>`, as text and as simple HTML. */
export function alertEmail(notice: AlertNotice): { subject: string; text: string; html: string } {
  const { alert, schedule, run, condition, firedAt, message, test } = notice;
  const subject = `[ConnectorMCP] ${oneLine(alert.name)}: ${oneLine(schedule.name)}${test ? ' (test)' : ''}`;
  const facts: Array<[string, string]> = [
    ['Alert', alert.name],
    ['Schedule', schedule.name],
    ['Condition', describeCondition(condition)],
    ['Fired at', firedAt.toISOString()],
    ...(run ? ([['Run', `${run.status}, started ${run.started_at.toISOString()}`]] as Array<[string, string]>) : []),
  ];
  const text = [
    test ? 'This is a test notification.\n' : '',
    message,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
  const html = `<!doctype html><html><body>${test ? '<p><em>This is a test notification.</em></p>' : ''}<p>${escapeHtml(
    message,
  )}</p><table>${facts
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('')}</table></body></html>`;
  return { subject, text, html };
}
