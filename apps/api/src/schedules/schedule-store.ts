import { randomBytes } from 'node:crypto';
import type { LastFiring, Schedule } from '../contracts/index.js';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import { nextRunAt } from './next-run-at.js';
import type { ScheduleRow } from './schedule-rows.js';
import type { ScheduleRunStore } from './schedule-run-store.js';

type ScheduleWithSaved = ScheduleRow & { name: string; kind: 'tool_call' | 'question' };

export type CreateScheduleOutcome =
  { status: 'created'; schedule: ScheduleRow } | { status: 'unknown_saved' } | { status: 'too_many' };

export interface ScheduleStore {
  /** Adds a schedule of the owner's saved item, unless they already have `limit` schedules. */
  create(options: {
    owner: string;
    savedId: string;
    cron: string;
    timezone: string;
    paused: boolean;
    limit: number;
  }): Promise<CreateScheduleOutcome>;
  /** The owner's, newest first, as the wire shows them. */
  list(options: { owner: string }): Promise<Schedule[]>;
  find(options: { owner: string; id: string }): Promise<Schedule | undefined>;
  update(options: {
    owner: string;
    id: string;
    changes: { cron?: string; timezone?: string; paused?: boolean };
  }): Promise<ScheduleRow | undefined>;
  /** Deletes the owner's schedule (its runs, alerts and firings by cascade); false when it is not theirs. */
  delete(options: { owner: string; id: string }): Promise<boolean>;
}

const scheduleColumns = `schedules.id, schedules.owner, schedules.saved_id, schedules.cron, schedules.timezone,
  schedules.paused, schedules.created_at, schedules.updated_at, saved_items.name, saved_items.kind`;

interface FiringRow {
  schedule_id: string;
  alert_id: string;
  alert_name: string;
  fired_at: Date;
  status: LastFiring['status'];
  message: string;
}

const nextRunOf = (row: ScheduleRow) => {
  if (row.paused) return null;
  try {
    return nextRunAt({ cron: row.cron, timezone: row.timezone }).toISOString();
  } catch {
    // Checked when saved; a runtime whose zone data dropped the name shows no next run rather than failing the list.
    return null;
  }
};

/** Schedules (`schedules`) of saved items, each its owner's alone, with what a list shows about their runs and alerts. */
export function createScheduleStore({
  database,
  runStore,
}: {
  database: Database;
  runStore: ScheduleRunStore;
}): ScheduleStore {
  const toSchedules = async (rows: ScheduleWithSaved[]): Promise<Schedule[]> => {
    const scheduleIds = rows.map((row) => row.id);
    if (scheduleIds.length === 0) return [];
    const [lastRuns, running, alertCounts, firings] = await Promise.all([
      runStore.lastRuns({ scheduleIds }),
      runStore.runningSince({ scheduleIds }),
      database.query<{ schedule_id: string; alerts: number | string }>(
        'SELECT schedule_id, count(*) AS alerts FROM alert_rules WHERE schedule_id = ANY($1) GROUP BY schedule_id',
        [scheduleIds],
      ),
      // A test notification is not a firing of the condition: the list shows real ones.
      database.query<FiringRow>(
        `SELECT DISTINCT ON (alert_rules.schedule_id) alert_rules.schedule_id, alert_rules.id AS alert_id,
           alert_rules.name AS alert_name, alert_firings.fired_at, alert_firings.status, alert_firings.message
         FROM alert_firings JOIN alert_rules ON alert_rules.id = alert_firings.alert_id
         WHERE alert_rules.schedule_id = ANY($1) AND NOT alert_firings.test
         ORDER BY alert_rules.schedule_id, alert_firings.fired_at DESC, alert_firings.id DESC`,
        [scheduleIds],
      ),
    ]);
    const alerts = new Map(alertCounts.map((row) => [row.schedule_id, Number(row.alerts)]));
    const lastFirings = new Map(firings.map((row) => [row.schedule_id, row]));
    return rows.map((row) => {
      const firing = lastFirings.get(row.id);
      return {
        id: row.id,
        saved_id: row.saved_id,
        name: row.name,
        kind: row.kind,
        cron: row.cron,
        timezone: row.timezone,
        paused: row.paused,
        next_run_at: nextRunOf(row),
        running_since: running.get(row.id) ?? null,
        last_run: lastRuns.get(row.id) ?? null,
        alerts: alerts.get(row.id) ?? 0,
        last_firing: firing
          ? {
              alert_id: firing.alert_id,
              alert_name: firing.alert_name,
              fired_at: isoTimestamp(firing.fired_at),
              status: firing.status,
              message: firing.message,
            }
          : null,
        created_at: isoTimestamp(row.created_at),
        updated_at: isoTimestamp(row.updated_at),
      };
    });
  };

  return {
    async create({ owner, savedId, cron, timezone, paused, limit }) {
      // One statement checks that the saved item is the owner's and counts their schedules: no window between
      // a separate read and the insert (two inserts at the very same instant could still both pass).
      const [row] = await database.query<ScheduleRow>(
        `INSERT INTO schedules (id, owner, saved_id, cron, timezone, paused)
         SELECT $1, $2, saved_items.id, $4, $5, $6 FROM saved_items
         WHERE saved_items.id = $3 AND saved_items.owner = $2
           AND (SELECT count(*) FROM schedules WHERE owner = $2) < $7
         RETURNING id, owner, saved_id, cron, timezone, paused, created_at, updated_at`,
        [`sc_${randomBytes(12).toString('hex')}`, owner, savedId, cron, timezone, paused, limit],
      );
      if (row) return { status: 'created', schedule: row };
      const saved = await database.query('SELECT 1 FROM saved_items WHERE id = $1 AND owner = $2', [savedId, owner]);
      return saved.length === 0 ? { status: 'unknown_saved' } : { status: 'too_many' };
    },
    async list({ owner }) {
      return toSchedules(
        await database.query<ScheduleWithSaved>(
          `SELECT ${scheduleColumns} FROM schedules JOIN saved_items ON saved_items.id = schedules.saved_id
           WHERE schedules.owner = $1 ORDER BY schedules.created_at DESC, schedules.id DESC`,
          [owner],
        ),
      );
    },
    async find({ owner, id }) {
      const rows = await database.query<ScheduleWithSaved>(
        `SELECT ${scheduleColumns} FROM schedules JOIN saved_items ON saved_items.id = schedules.saved_id
         WHERE schedules.id = $1 AND schedules.owner = $2`,
        [id, owner],
      );
      return (await toSchedules(rows))[0];
    },
    async update({ owner, id, changes }) {
      const [row] = await database.query<ScheduleRow>(
        `UPDATE schedules SET cron = COALESCE($3, cron), timezone = COALESCE($4, timezone),
           paused = COALESCE($5, paused), updated_at = now()
         WHERE id = $1 AND owner = $2
         RETURNING id, owner, saved_id, cron, timezone, paused, created_at, updated_at`,
        [id, owner, changes.cron ?? null, changes.timezone ?? null, changes.paused ?? null],
      );
      return row;
    },
    async delete({ owner, id }) {
      const rows = await database.query('DELETE FROM schedules WHERE id = $1 AND owner = $2 RETURNING id', [id, owner]);
      return rows.length > 0;
    },
  };
}
