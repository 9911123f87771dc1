import type pg from 'pg';

export interface ExtraExecutions {
  /** Tool calls of the schedules in the audit log since `from`. */
  executions: number;
  /** Attempts of their finished runs due since `from` (one tool call each). */
  attempts: number;
  /** Per schedule, tool calls beyond its runs' attempts, summed: runs that were executed twice. */
  extra: number;
}

/**
 * The run rows cannot show an occurrence that was executed twice when the second taker stopped at the
 * unique (schedule_id, due_at) after calling the tool; the audit log can: each scheduled tool call is audited
 * as the owner's with `detail.schedule_id`. Read once the API instances have stopped, so every run that
 * started has finished and been audited; `from` is a due minute by which the runs due before it had ended.
 */
export async function countExtraExecutions({
  pool,
  scheduleIds,
  from,
}: {
  pool: pg.Pool;
  scheduleIds: string[];
  from: Date;
}): Promise<ExtraExecutions> {
  const { rows } = await pool.query<{ schedule_id: string; executions: string; attempts: string }>(
    `WITH audited AS (
       SELECT detail->>'schedule_id' AS schedule_id, count(*) AS executions
         FROM audit_log
        WHERE action = 'tool_call' AND detail->>'schedule_id' = ANY($1) AND created_at >= $2
        GROUP BY 1
     ), attempted AS (
       SELECT schedule_id, sum(attempt) AS attempts
         FROM schedule_runs
        WHERE schedule_id = ANY($1) AND due_at >= $2 AND status <> 'running'
        GROUP BY 1
     )
     SELECT coalesce(audited.schedule_id, attempted.schedule_id) AS schedule_id,
            coalesce(audited.executions, 0) AS executions, coalesce(attempted.attempts, 0) AS attempts
       FROM audited FULL JOIN attempted ON audited.schedule_id = attempted.schedule_id`,
    [scheduleIds, from],
  );
  let executions = 0;
  let attempts = 0;
  let extra = 0;
  for (const row of rows) {
    executions += Number(row.executions);
    attempts += Number(row.attempts);
    extra += Math.max(0, Number(row.executions) - Number(row.attempts));
  }
  return { executions, attempts, extra };
}
