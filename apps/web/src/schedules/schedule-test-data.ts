import type { FakeRoutes } from '../../test/fake-api.js';
import type { SavedItem, Schedule, ScheduleRunDetail, ScheduleRunSummary } from './schedule-types.js';

export const savedToolCall: SavedItem = {
  id: 'sv_stock',
  kind: 'tool_call',
  name: 'Low stock',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELECT id, title, stock FROM products WHERE stock < 10' },
  created_at: '2026-11-28T08:00:00.000Z',
  schedules: 1,
};

export const savedQuestion: SavedItem = {
  id: 'sv_orders',
  kind: 'question',
  name: 'Failed orders',
  question: 'How many orders failed yesterday?',
  datasources: ['shop'],
  created_at: '2026-11-27T08:00:00.000Z',
  schedules: 0,
};

export const runSummary = (overrides: Partial<ScheduleRunSummary> = {}): ScheduleRunSummary => ({
  id: 'run_2',
  schedule_id: 'sch_stock',
  status: 'ok',
  trigger: 'schedule',
  due_at: '2026-11-29T07:00:00.000Z',
  started_at: '2026-11-29T07:00:01.000Z',
  finished_at: '2026-11-29T07:00:01.250Z',
  duration_ms: 250,
  attempt: 1,
  row_count: 2,
  summary: '2 rows',
  diff: { added: 1, removed: 1, changed: 1 },
  metrics: { row_count: 2 },
  error: null,
  usage: null,
  ...overrides,
});

export const schedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  id: 'sch_stock',
  saved_id: 'sv_stock',
  name: 'Low stock',
  kind: 'tool_call',
  cron: '0 7 * * 1-5',
  timezone: 'Europe/Paris',
  paused: false,
  next_run_at: '2026-11-30T06:00:00.000Z',
  running_since: null,
  last_run: runSummary(),
  alerts: 2,
  last_firing: {
    alert_id: 'al_1',
    alert_name: 'Below ten',
    fired_at: '2026-11-29T07:00:02.000Z',
    status: 'sent',
    message: '2 rows',
  },
  created_at: '2026-11-28T08:00:00.000Z',
  updated_at: '2026-11-28T08:00:00.000Z',
  ...overrides,
});

export const runDetail = (overrides: Partial<ScheduleRunDetail> = {}): ScheduleRunDetail => ({
  ...runSummary(),
  result: {
    columns: ['id', 'title', 'stock'],
    rows: [
      [1, 'Blue mug', 4],
      [3, 'Red kettle', 2],
    ],
    row_count: 2,
    truncated: false,
    text: null,
  },
  diff_detail: {
    added: 1,
    removed: 1,
    changed: 1,
    key: 'id',
    columns: ['id', 'title', 'stock'],
    added_rows: [[3, 'Red kettle', 2]],
    removed_rows: [[2, 'Green plate', 9]],
    changed_rows: [{ before: [1, 'Blue mug', 7], after: [1, 'Blue mug', 4] }],
    truncated: false,
  },
  ...overrides,
});

/** The schedule and saved routes of a caller with these items, with nothing behind them but the lists. */
export function scheduleRoutes({
  schedules,
  saved,
  runs = [],
}: {
  schedules: Schedule[];
  saved: SavedItem[];
  runs?: ScheduleRunSummary[];
}): FakeRoutes {
  const routes: FakeRoutes = {
    'GET /api/schedules': { body: { schedules } },
    'GET /api/saved': { body: { saved } },
  };
  for (const entry of schedules) {
    routes[`GET /api/schedules/${entry.id}/runs`] = { body: { runs, next_before: null } };
    routes[`GET /api/schedules/${entry.id}/alerts`] = { body: { alerts: [] } };
  }
  return routes;
}
