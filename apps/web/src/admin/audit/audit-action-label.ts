import type { AuditAction } from './audit-types.js';

/** Each audited action in words, in the order the filter offers them. */
export const auditActionLabels: Record<AuditAction, string> = {
  question: 'Question asked',
  tool_call: 'Tool call',
  approval: 'Approval decision',
  datasource_created: 'Datasource added',
  datasource_updated: 'Datasource changed',
  datasource_deleted: 'Datasource deleted',
  sign_in: 'Sign-in',
  sign_out: 'Sign-out',
  api_key_created: 'API key created',
  api_key_revoked: 'API key revoked',
  user_updated: 'User changed',
  settings_updated: 'Settings changed',
  saved_create: 'Saved item created',
  saved_delete: 'Saved item deleted',
  schedule_create: 'Schedule created',
  schedule_update: 'Schedule changed',
  schedule_delete: 'Schedule deleted',
  schedule_run_now: 'Schedule run now',
  alert_create: 'Alert created',
  alert_update: 'Alert changed',
  alert_delete: 'Alert deleted',
  alert_test: 'Alert test sent',
};

/** An action in words; one this page does not know yet is still shown, as the API names it. */
export function auditActionLabel({ action }: { action: string }): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action.replaceAll('_', ' ');
}
