// The audit API's wire contract, type-only from the API package like src/api/api-types.ts.
// eslint-disable-next-line @nx/enforce-module-boundaries
export type { AppSettings, AuditAction, AuditEntry, AuditResponse } from '@connectormcp/api/contracts';
