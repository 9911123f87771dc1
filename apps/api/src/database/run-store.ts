import type { ChatUsage, RunError, RunStatus, StoredRun } from '../contracts/index.js';
import { isoTimestamp } from './chat-store.js';
import type { Database } from './open-database.js';

export type { RunStatus };

interface RunRow {
  id: string;
  kind: StoredRun['kind'];
  status: RunStatus;
  created_at: string | Date;
  finished_at: string | Date | null;
  usage: ChatUsage | null;
  error: RunError | null;
  question: string | null;
}

const runColumns = 'id, kind, status, created_at, finished_at, usage, error, question';

const toStoredRun = (row: RunRow): StoredRun => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  createdAt: isoTimestamp(row.created_at),
  finishedAt: row.finished_at === null ? null : isoTimestamp(row.finished_at),
  usage: row.usage,
  error: row.error,
  question: row.question,
});

/** Runs and their approvals as rows every API instance sees; each query is scoped to the owner. */
export function createRunStore({ database }: { database: Database }) {
  return {
    async createRun({
      id,
      sessionId,
      owner,
      kind = 'chat',
      question = null,
    }: {
      id: string;
      sessionId: string;
      owner: string;
      kind?: StoredRun['kind'];
      /** The user message that started it, so a reopened chat can offer to ask it again. */
      question?: string | null;
    }): Promise<void> {
      await database.query('INSERT INTO runs (id, session_id, owner, kind, question) VALUES ($1, $2, $3, $4, $5)', [
        id,
        sessionId,
        owner,
        kind,
        question,
      ]);
    },
    async finishRun({
      id,
      status,
      usage = null,
      error = null,
    }: {
      id: string;
      status: Exclude<RunStatus, 'running'>;
      usage?: ChatUsage | null;
      error?: RunError | null;
    }): Promise<void> {
      await database.query(
        "UPDATE runs SET status = $2, finished_at = now(), usage = $3, error = $4 WHERE id = $1 AND status = 'running'",
        [id, status, usage === null ? null : JSON.stringify(usage), error === null ? null : JSON.stringify(error)],
      );
    },
    /** 'requested', 'finished' when the run is over, or 'unknown' (no such run of this owner). */
    async requestCancel({ id, owner }: { id: string; owner: string }): Promise<'requested' | 'finished' | 'unknown'> {
      const [row] = await database.query<{ status: string }>(
        "UPDATE runs SET cancel_requested = (status = 'running') WHERE id = $1 AND owner = $2 RETURNING status",
        [id, owner],
      );
      if (!row) return 'unknown';
      return row.status === 'running' ? 'requested' : 'finished';
    },
    async createApproval(approval: {
      id: string;
      runId: string;
      owner: string;
      datasource: string;
      tool: string;
      arguments: unknown;
    }): Promise<void> {
      await database.query(
        'INSERT INTO pending_approvals (id, run_id, owner, datasource, tool, arguments) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
        [
          approval.id,
          approval.runId,
          approval.owner,
          approval.datasource,
          approval.tool,
          JSON.stringify(approval.arguments ?? null),
        ],
      );
    },
    /** 'decided', 'already_decided' (the first answer stands), or 'unknown'. */
    async decideApproval({
      id,
      owner,
      approve,
    }: {
      id: string;
      owner: string;
      approve: boolean;
    }): Promise<'decided' | 'already_decided' | 'unknown'> {
      const [decided] = await database.query<{ id: string }>(
        `UPDATE pending_approvals SET decision = $3, decided_at = now()
         WHERE id = $1 AND owner = $2 AND decision IS NULL
           AND run_id IN (SELECT id FROM runs WHERE status = 'running')
         RETURNING id`,
        [id, owner, approve],
      );
      if (decided) return 'decided';
      const [existing] = await database.query<{ id: string }>(
        'SELECT id FROM pending_approvals WHERE id = $1 AND owner = $2',
        [id, owner],
      );
      return existing ? 'already_decided' : 'unknown';
    },
    /** What other instances asked of these runs: cancels and approval decisions. */
    async pollRequests({ runIds, approvalIds }: { runIds: string[]; approvalIds: string[] }) {
      const cancelled =
        runIds.length === 0
          ? []
          : await database.query<{ id: string }>('SELECT id FROM runs WHERE id = ANY($1) AND cancel_requested', [
              runIds,
            ]);
      const decisions =
        approvalIds.length === 0
          ? []
          : await database.query<{ id: string; decision: boolean }>(
              'SELECT id, decision FROM pending_approvals WHERE id = ANY($1) AND decision IS NOT NULL',
              [approvalIds],
            );
      return { cancelledRunIds: cancelled.map((row) => row.id), decisions };
    },
    async heartbeat({ runIds }: { runIds: string[] }): Promise<void> {
      if (runIds.length > 0) await database.query('UPDATE runs SET heartbeat_at = now() WHERE id = ANY($1)', [runIds]);
    },
    /** Runs whose instance stopped beating (it crashed or was killed) are marked interrupted. */
    async markInterrupted({ staleAfterSeconds }: { staleAfterSeconds: number }): Promise<number> {
      const rows = await database.query<{ id: string }>(
        `UPDATE runs SET status = 'interrupted', finished_at = now()
         WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1::double precision)
         RETURNING id`,
        [staleAfterSeconds],
      );
      return rows.length;
    },
    /** A session's runs, oldest first. */
    async runs({ sessionId }: { sessionId: string }): Promise<StoredRun[]> {
      const rows = await database.query<RunRow>(
        `SELECT ${runColumns} FROM runs WHERE session_id = $1 ORDER BY created_at, id`,
        [sessionId],
      );
      return rows.map(toStoredRun);
    },
    async latestRun({ sessionId }: { sessionId: string }): Promise<StoredRun | undefined> {
      const [row] = await database.query<RunRow>(
        `SELECT ${runColumns} FROM runs WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [sessionId],
      );
      return row ? toStoredRun(row) : undefined;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
