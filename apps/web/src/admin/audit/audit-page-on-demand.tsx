import { lazy, Suspense } from 'react';
import { PageLoading } from '../datasources/page-loading.js';

// Only admins open it: its code loads when it is opened, not with the chat.
const AuditPage = lazy(async () => ({ default: (await import('./audit-page.js')).AuditPage }));

export function AuditPageOnDemand() {
  return (
    <Suspense fallback={<PageLoading what="the audit log" />}>
      <AuditPage />
    </Suspense>
  );
}
