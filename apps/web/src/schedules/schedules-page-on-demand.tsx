import { lazy, Suspense } from 'react';
import { PageLoading } from '../admin/datasources/page-loading.js';

// Its code (and cronstrue's) loads when the page is opened, not with the chat.
const SchedulesPage = lazy(async () => ({ default: (await import('./schedules-page.js')).SchedulesPage }));

export function SchedulesPageOnDemand({ scheduleId }: { scheduleId?: string | null | undefined }) {
  return (
    <Suspense fallback={<PageLoading what="schedules" />}>
      <SchedulesPage scheduleId={scheduleId} />
    </Suspense>
  );
}
