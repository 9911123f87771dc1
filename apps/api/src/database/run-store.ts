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

/** An approval as the approvals endpoints see it. */
export interface StoredApproval {
  id: string;
  runId: string;
  sessionId: string;
  owner: { id: string; name: string };
  datasource: string;
  tool: string;
  arguments: unknown;
  /** null while nobody has answered. */
  decision: boolean | null;
  /** Whether its run is still running (only then can it be answered). */
  running: boolean;
  createdAt: string;
}

interface ApprovalRow {
  id: string;
  run_id: string;
  session_id: string;
  owner: string;
  owner_name: string | null;
  datasource: string;
  tool: string;
  arguments: unknown;
  decision: boolean | null;
  run_status: RunStatus;
  created_at: string | Date;
}

const approvalColumns = `a.id, a.run_id, r.session_id, a.owner, u.name AS owner_name, a.datasource, a.tool, a.arguments,
  a.decision, r.status AS run_status, a.created_at`;

const toStoredApproval = (row: ApprovalRow): StoredApproval => ({
  id: row.id,
  runId: row.run_id,
  sessionId: row.session_id,
  // Users who acted have a row (the sign-in and API key middleware upsert it); an older owner shows its id.
  owner: { id: row.owner, name: row.owner_name ?? row.owner },
  datasource: row.datasource,
  tool: row.tool,
  arguments: row.arguments ?? null,
  decision: row.decision,
  running: row.run_status === 'running',
  createdAt: isoTimestamp(row.created_at),
});

/**
 * Runs and their approvals as rows every API instance sees; each query is scoped to the owner, except the
 * approval look-ups an approver of another user's run needs (the caller checks who may decide).
 */
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
    /**
     * 'decided', 'already_decided' (the first answer stands), or 'unknown'. With `owner`, only that owner's
     * approval; without, whoever decides must have been checked before (see `findApproval`).
     */
    async decideApproval({
      id,
      owner = null,
      approve,
      decidedBy = owner,
    }: {
      id: string;
      owner?: string | null;
      approve: boolean;
      /** Who answered: recorded with the decision. */
      decidedBy?: string | null;
    }): Promise<'decided' | 'already_decided' | 'unknown'> {
      const [decided] = await database.query<{ id: string }>(
        `UPDATE pending_approvals SET decision = $3, decided_at = now(), decided_by = $4
         WHERE id = $1 AND ($2::text IS NULL OR owner = $2) AND decision IS NULL
           AND run_id IN (SELECT id FROM runs WHERE status = 'running')
         RETURNING id`,
        [id, owner, approve, decidedBy],
      );
      if (decided) return 'decided';
      const [existing] = await database.query<{ id: string }>(
        'SELECT id FROM pending_approvals WHERE id = $1 AND ($2::text IS NULL OR owner = $2)',
        [id, owner],
      );
      return existing ? 'already_decided' : 'unknown';
    },
    /** One approval, whoever owns it, with its run's session and whether it can still be answered. */
    async findApproval({ id }: { id: string }): Promise<StoredApproval | undefined> {
      const [row] = await database.query<ApprovalRow>(
        `SELECT ${approvalColumns} FROM pending_approvals a JOIN runs r ON r.id = a.run_id
         LEFT JOIN users u ON u.id = a.owner WHERE a.id = $1`,
        [id],
      );
      return row ? toStoredApproval(row) : undefined;
    },
    /** Approvals still waiting for an answer on running runs, oldest first (whoever owns them). */
    async pendingApprovals(): Promise<StoredApproval[]> {
      const rows = await database.query<ApprovalRow>(
        `SELECT ${approvalColumns} FROM pending_approvals a JOIN runs r ON r.id = a.run_id
         LEFT JOIN users u ON u.id = a.owner
         WHERE a.decision IS NULL AND r.status = 'running' ORDER BY a.created_at, a.id`,
      );
      return rows.map(toStoredApproval);
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
