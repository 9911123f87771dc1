import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiError } from './api-error.js';
import { ownerDecidesApproval, type CanDecideApproval } from './approvals/approval-permission.js';
import type { AuditLog } from './audit/audit-log.js';
import type { RequestUser } from './auth/request-user.js';
import type { ChatUsage, RunError, StoredRun } from './contracts/index.js';
import type { RunStatus, RunStore, StoredApproval } from './database/run-store.js';

interface LocalRun {
  owner: string;
  controller: AbortController;
  approvals: Map<string, (approved: boolean) => void>;
  finished: Promise<void>;
}

export interface ApprovalRequest {
  id: string;
  datasource: string;
  tool: string;
  arguments: unknown;
}

export interface RunHandle {
  runId: string;
  signal: AbortSignal;
  /** Waits for a human's answer, given through any instance; a cancelled run counts as a denial. */
  waitForApproval(request: ApprovalRequest): Promise<boolean>;
  cancel(): void;
  /** Ends the run with what a reopened chat shows of it: its tokens and cost, and the error that ended it. */
  finish(options: {
    status: Exclude<RunStatus, 'running'>;
    usage?: ChatUsage | null;
    error?: RunError | null;
  }): Promise<void>;
}

export interface RunRegistry {
  start(options: {
    owner: string;
    /** Who started it: their question goes to the audit log. */
    actor?: Pick<RequestUser, 'id' | 'name'>;
    sessionId: string;
    kind?: StoredRun['kind'];
    question?: string | null;
  }): Promise<RunHandle>;
  cancel(options: { owner: string; runId: string }): Promise<void>;
  /** Answers an approval for whoever may decide it (the owner, or an approver of its datasource); audited. */
  answer(options: { user: RequestUser; approvalId: string; approve: boolean }): Promise<void>;
  /** Approvals waiting for an answer that `user` may give, oldest first. */
  pending(options: { user: RequestUser }): Promise<StoredApproval[]>;
  /** Runs executing on this instance. */
  size(): number;
  /** For shutdown: lets running runs finish for `graceMs`, then cancels the rest and waits for them to end. */
  drain(options: { graceMs: number }): Promise<void>;
  close(): void;
}

/**
 * Runs in progress. Each run and each approval it waits for is a row in the database, so the approve and
 * cancel endpoints work on whichever instance a request lands: the instance executing the run acts at
 * once when the request reaches it, and otherwise finds it by polling while it has runs. Runs also beat
 * a heartbeat, so runs of an instance that died are marked interrupted.
 */
export function createRunRegistry({
  runStore,
  auditLog,
  canDecide = ownerDecidesApproval,
  pollIntervalMs = 250,
  heartbeatIntervalMs = 5_000,
}: {
  runStore: RunStore;
  /** Records questions and approval decisions. */
  auditLog?: AuditLog;
  /** Who may answer an approval; by default only the run's owner. */
  canDecide?: CanDecideApproval;
  pollIntervalMs?: number;
  heartbeatIntervalMs?: number;
}): RunRegistry {
  const runs = new Map<string, LocalRun>();
  let timer: NodeJS.Timeout | undefined;
  let lastHeartbeat = 0;
  let polling = false;

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const runIds = [...runs.keys()];
      const approvalIds = [...runs.values()].flatMap((run) => [...run.approvals.keys()]);
      const { cancelledRunIds, decisions } = await runStore.pollRequests({ runIds, approvalIds });
      for (const id of cancelledRunIds) runs.get(id)?.controller.abort();
      for (const { id, decision } of decisions) resolveLocally({ approvalId: id, approve: decision });
      if (Date.now() - lastHeartbeat >= heartbeatIntervalMs) {
        lastHeartbeat = Date.now();
        await runStore.heartbeat({ runIds });
      }
    } catch {
      // The database may blip; the next tick tries again.
    } finally {
      polling = false;
    }
  };
  const updateTimer = () => {
    if (runs.size > 0 && !timer) {
      timer = setInterval(() => void poll(), pollIntervalMs);
      timer.unref();
    } else if (runs.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const resolveLocally = ({ approvalId, approve }: { approvalId: string; approve: boolean }) => {
    for (const run of runs.values()) {
      const resolve = run.approvals.get(approvalId);
      if (resolve) {
        run.approvals.delete(approvalId);
        resolve(approve);
        return;
      }
    }
  };

  return {
    async start({ owner, actor, sessionId, kind = 'chat', question = null }) {
      const runId = randomUUID();
      // Neither write needs the other: sent together, they cost the first event one round trip, not two.
      await Promise.all([
        runStore.createRun({ id: runId, sessionId, owner, kind, question }),
        actor && question !== null
          ? auditLog?.record({ actor, action: 'question', status: 'asked', sessionId, runId, detail: { question } })
          : undefined,
      ]);
      let markFinished!: () => void;
      const run: LocalRun = {
        owner,
        controller: new AbortController(),
        approvals: new Map(),
        finished: new Promise<void>((resolve) => (markFinished = resolve)),
      };
      runs.set(runId, run);
      updateTimer();
      return {
        runId,
        signal: run.controller.signal,
        waitForApproval: async (request) => {
          const decision = new Promise<boolean>((resolve) => {
            run.approvals.set(request.id, resolve);
            run.controller.signal.addEventListener('abort', () => resolve(false), { once: true });
          });
          await runStore.createApproval({ ...request, runId, owner });
          return decision;
        },
        cancel: () => run.controller.abort(),
        finish: async ({ status, usage = null, error = null }) => {
          for (const resolve of run.approvals.values()) resolve(false);
          runs.delete(runId);
          updateTimer();
          try {
            await runStore.finishRun({ id: runId, status, usage, error });
          } finally {
            markFinished();
          }
        },
      };
    },
    async cancel({ owner, runId }) {
      const outcome = await runStore.requestCancel({ id: runId, owner });
      if (outcome === 'unknown') throw new ApiError({ status: 404, code: 'not_found', message: `No run ${runId}.` });
      if (outcome === 'finished')
        throw new ApiError({ status: 409, code: 'run_finished', message: `Run ${runId} has already finished.` });
      const local = runs.get(runId);
      if (local?.owner === owner) local.controller.abort();
    },
    async answer({ user, approvalId, approve }) {
      let approval = await runStore.findApproval({ id: approvalId });
      // The approval's row is written just after its event is streamed: a very quick answer can beat it.
      if (!approval) {
        await delay(pollIntervalMs);
        approval = await runStore.findApproval({ id: approvalId });
      }
      const permission = approval
        ? await canDecide({ user, owner: approval.owner.id, datasource: approval.datasource })
        : undefined;
      if (!approval || !permission || (!permission.allowed && !permission.visible))
        throw new ApiError({ status: 404, code: 'not_found', message: `No pending approval ${approvalId}.` });
      if (!permission.allowed) throw new ApiError({ status: 403, code: 'forbidden', message: permission.message });
      const outcome = await runStore.decideApproval({ id: approvalId, approve, decidedBy: user.id });
      if (outcome !== 'decided')
        throw new ApiError({
          status: 409,
          code: 'already_decided',
          message: `Approval ${approvalId} was already answered, or its run has ended.`,
        });
      await auditLog?.record({
        actor: user,
        action: 'approval',
        datasource: approval.datasource,
        tool: approval.tool,
        arguments: approval.arguments,
        status: approve ? 'approved' : 'denied',
        sessionId: approval.sessionId,
        runId: approval.runId,
        detail: { approvalId, runOwnerId: approval.owner.id },
      });
      resolveLocally({ approvalId, approve });
    },
    async pending({ user }) {
      const approvals = await runStore.pendingApprovals();
      const permissions = await Promise.all(
        approvals.map((approval) => canDecide({ user, owner: approval.owner.id, datasource: approval.datasource })),
      );
      return approvals.filter((_approval, index) => permissions[index]!.allowed);
    },
    size: () => runs.size,
    async drain({ graceMs }) {
      const all = () => Promise.all([...runs.values()].map((run) => run.finished));
      await Promise.race([all(), delay(graceMs, undefined, { ref: false })]);
      for (const run of runs.values()) run.controller.abort();
      // Cancelled runs end quickly (their partial results are stored); don't wait forever for a stuck one.
      await Promise.race([all(), delay(5_000, undefined, { ref: false })]);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
