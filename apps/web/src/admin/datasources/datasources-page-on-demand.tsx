import { lazy, Suspense } from 'react';
import { PageLoading } from './page-loading.js';

// Only admins open it: its code loads when it is opened, not with the chat.
const DatasourcesPage = lazy(async () => ({ default: (await import('./datasources-page.js')).DatasourcesPage }));

export function DatasourcesPageOnDemand() {
  return (
    <Suspense fallback={<PageLoading what="the datasources page" />}>
      <DatasourcesPage />
    </Suspense>
  );
}
