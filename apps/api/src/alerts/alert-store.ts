import type { AlertCondition, QuietHours } from '../contracts/index.js';
import type { Database } from '../database/open-database.js';
import type { ScheduleRunRow } from '../schedules/schedule-rows.js';
import type { DeliveryOutcome } from './delivery-outcome.js';

/** An `alert_rules` row; the webhook URL and secret are ciphertexts of the secret box. */
export interface AlertRuleRow {
  id: string;
  schedule_id: string;
  name: string;
  condition: AlertCondition;
  webhook_url: string | null;
  webhook_secret: string | null;
  email_to: string[] | null;
  quiet_hours: QuietHours | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export type FiringStatus = 'pending' | 'deferred' | 'sent' | 'failed' | 'suppressed';

/** One attempt on one channel, as kept in `alert_firings.deliveries`. */
export type DeliveryRecord = Omit<DeliveryOutcome, 'retryable'> & { attempt: number; at: string };

/** An `alert_firings` row. */
export interface AlertFiringRow {
  id: string;
  alert_id: string;
  run_id: string | null;
  test: boolean;
  fingerprint: string;
  status: FiringStatus;
  message: string;
  deliveries: DeliveryRecord[];
  fired_at: Date;
  deliver_after: Date | null;
  delivered_at: Date | null;
}

/** A firing with what its notification needs: the rule, the schedule's name and the run. */
export interface FiringForDelivery {
  firing: AlertFiringRow;
  rule: AlertRuleRow;
  schedule: { id: string; name: string };
  run: ScheduleRunRow | null;
}

/** Changes to a rule: a column set to a value (null clears it); columns not given stay as they are. */
export type AlertRuleChanges = Partial<
  Pick<AlertRuleRow, 'name' | 'condition' | 'webhook_url' | 'webhook_secret' | 'email_to' | 'quiet_hours' | 'enabled'>
>;

const jsonColumns = new Set(['condition', 'email_to', 'quiet_hours']);

const asJson = (column: string, value: unknown) =>
  jsonColumns.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value;

// Firings that notify (or will): a failed one did not, a suppressed one was a duplicate, a test is apart.
const notifying = `status IN ('pending', 'deferred', 'sent') AND NOT test`;

/** Alert rules and their firings, shared by every API instance. */
export function createAlertStore({ database }: { database: Database }) {
  return {
    async listRules({ scheduleId }: { scheduleId: string }) {
      return database.query<AlertRuleRow>('SELECT * FROM alert_rules WHERE schedule_id = $1 ORDER BY created_at, id', [
        scheduleId,
      ]);
    },
    async findRule({ scheduleId, alertId }: { scheduleId: string; alertId: string }) {
      const rows = await database.query<AlertRuleRow>('SELECT * FROM alert_rules WHERE id = $1 AND schedule_id = $2', [
        alertId,
        scheduleId,
      ]);
      return rows[0];
    },
    /** The new rule, or undefined when the schedule already has `limit` alerts (counted in the same statement). */
    async insertRule({ limit, ...rule }: Omit<AlertRuleRow, 'created_at' | 'updated_at'> & { limit: number }) {
      const rows = await database.query<AlertRuleRow>(
        `INSERT INTO alert_rules (id, schedule_id, name, condition, webhook_url, webhook_secret, email_to, quiet_hours, enabled)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
         WHERE (SELECT count(*) FROM alert_rules WHERE schedule_id = $2) < $10
         RETURNING *`,
        [
          rule.id,
          rule.schedule_id,
          rule.name,
          asJson('condition', rule.condition),
          rule.webhook_url,
          rule.webhook_secret,
          asJson('email_to', rule.email_to),
          asJson('quiet_hours', rule.quiet_hours),
          rule.enabled,
          limit,
        ],
      );
      return rows[0];
    },
    async updateRule({ id, changes }: { id: string; changes: AlertRuleChanges }) {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      const assignments = entries.map(([column], index) => `${column} = $${index + 2}`);
      const rows = await database.query<AlertRuleRow>(
        `UPDATE alert_rules SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING *`,
        [id, ...entries.map(([column, value]) => asJson(column, value))],
      );
      return rows[0];
    },
    async deleteRule({ scheduleId, alertId }: { scheduleId: string; alertId: string }) {
      const rows = await database.query<{ id: string }>(
        'DELETE FROM alert_rules WHERE id = $1 AND schedule_id = $2 RETURNING id',
        [alertId, scheduleId],
      );
      return rows.length > 0;
    },
    /** The newest firing (not a test) of each alert of the schedule. */
    async lastFirings({ scheduleId }: { scheduleId: string }) {
      const rows = await database.query<AlertFiringRow>(
        `SELECT DISTINCT ON (f.alert_id) f.* FROM alert_firings f JOIN alert_rules r ON r.id = f.alert_id
         WHERE r.schedule_id = $1 AND NOT f.test ORDER BY f.alert_id, f.fired_at DESC, f.id DESC`,
        [scheduleId],
      );
      return new Map(rows.map((row) => [row.alert_id, row]));
    },
    /** Adds a firing; undefined when the alert already fired for this run (the unique index), so it notifies once. */
    async insertFiring(
      firing: Pick<
        AlertFiringRow,
        'id' | 'alert_id' | 'run_id' | 'test' | 'fingerprint' | 'status' | 'message' | 'deliver_after'
      >,
    ) {
      const rows = await database.query<AlertFiringRow>(
        `INSERT INTO alert_firings (id, alert_id, run_id, test, fingerprint, status, message, deliver_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (alert_id, run_id) WHERE run_id IS NOT NULL DO NOTHING RETURNING *`,
        [
          firing.id,
          firing.alert_id,
          firing.run_id,
          firing.test,
          firing.fingerprint,
          firing.status,
          firing.message,
          firing.deliver_after,
        ],
      );
      return rows[0];
    },
    /** The alert's latest notification (sent, or on its way) of the last 24 hours. */
    async lastNotified({ alertId }: { alertId: string }) {
      const rows = await database.query<Pick<AlertFiringRow, 'id' | 'fingerprint'>>(
        `SELECT id, fingerprint FROM alert_firings WHERE alert_id = $1 AND ${notifying}
         AND fired_at > now() - interval '24 hours' ORDER BY fired_at DESC, id DESC LIMIT 1`,
        [alertId],
      );
      return rows[0];
    },
    /** Whether a newer firing of the same alert will notify (a deferred one then goes unsent). */
    async isSuperseded({ firing }: { firing: Pick<AlertFiringRow, 'id' | 'alert_id' | 'fired_at'> }) {
      const rows = await database.query<{ id: string }>(
        `SELECT id FROM alert_firings WHERE alert_id = $1 AND id <> $2 AND ${notifying} AND fired_at > $3 LIMIT 1`,
        [firing.alert_id, firing.id, firing.fired_at],
      );
      return rows.length > 0;
    },
    async findForDelivery({ firingId }: { firingId: string }): Promise<FiringForDelivery | undefined> {
      const firings = await database.query<AlertFiringRow>('SELECT * FROM alert_firings WHERE id = $1', [firingId]);
      const firing = firings[0];
      if (!firing) return undefined;
      const rules = await database.query<AlertRuleRow & { saved_name: string }>(
        `SELECT r.*, si.name AS saved_name FROM alert_rules r JOIN schedules s ON s.id = r.schedule_id
         JOIN saved_items si ON si.id = s.saved_id WHERE r.id = $1`,
        [firing.alert_id],
      );
      const rule = rules[0];
      if (!rule) return undefined;
      const runs = firing.run_id
        ? await database.query<ScheduleRunRow>('SELECT * FROM schedule_runs WHERE id = $1', [firing.run_id])
        : [];
      const { saved_name: name, ...ruleRow } = rule;
      return { firing, rule: ruleRow, schedule: { id: rule.schedule_id, name }, run: runs[0] ?? null };
    },
    /** Deletes the schedule's firings older than `days` days (runs are kept as long; dedup looks back a day). */
    async deleteOldFirings({ scheduleId, days }: { scheduleId: string; days: number }) {
      await database.query(
        `DELETE FROM alert_firings WHERE alert_id IN (SELECT id FROM alert_rules WHERE schedule_id = $1)
         AND fired_at < now() - make_interval(days => $2::int)`,
        [scheduleId, days],
      );
    },
    async deleteFiring({ id }: { id: string }) {
      await database.query('DELETE FROM alert_firings WHERE id = $1', [id]);
    },
    async updateFiring({
      id,
      status,
      deliveries,
      delivered,
    }: {
      id: string;
      status: FiringStatus;
      deliveries?: DeliveryRecord[];
      delivered?: boolean;
    }) {
      await database.query(
        `UPDATE alert_firings SET status = $2, deliveries = COALESCE($3::jsonb, deliveries),
         delivered_at = CASE WHEN $4::boolean THEN now() ELSE delivered_at END WHERE id = $1`,
        [id, status, deliveries ? JSON.stringify(deliveries) : null, delivered ?? false],
      );
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
