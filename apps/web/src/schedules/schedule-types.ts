// The API's wire contract for saved items, schedules and runs, type-only (nothing of the API is bundled): a
// shape the API changes fails the web's typecheck instead of being copied by hand (CONTRACT-17).
// eslint-disable-next-line @nx/enforce-module-boundaries
export type {
  CreateScheduleRequest,
  RunDiff,
  SavedItem,
  SavedItemsResponse,
  Schedule,
  ScheduleRunDetail,
  ScheduleRunSummary,
  ScheduleRunsResponse,
  SchedulesResponse,
  UpdateScheduleRequest,
} from '@connectormcp/api/contracts';
