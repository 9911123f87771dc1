import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error.js';

interface Run {
  owner: string;
  controller: AbortController;
  approvals: Map<string, (approved: boolean) => void>;
}

export interface RunHandle {
  runId: string;
  signal: AbortSignal;
  waitForApproval(approvalId: string): Promise<boolean>;
  cancel(): void;
  finish(): void;
}

export interface RunRegistry {
  start(options: { owner: string }): RunHandle;
  cancel(options: { owner: string; runId: string }): void;
  answer(options: { owner: string; approvalId: string; approve: boolean }): void;
  size(): number;
}

/** Runs in progress on this instance: their cancel switches and the approvals they wait for. */
export function createRunRegistry(): RunRegistry {
  const runs = new Map<string, Run>();
  const find = ({ owner, runId }: { owner: string; runId: string }) => {
    const run = runs.get(runId);
    if (!run || run.owner !== owner)
      throw new ApiError({ status: 404, code: 'not_found', message: `No run ${runId} in progress.` });
    return run;
  };
  return {
    start({ owner }: { owner: string }) {
      const runId = randomUUID();
      const run: Run = { owner, controller: new AbortController(), approvals: new Map() };
      runs.set(runId, run);
      return {
        runId,
        signal: run.controller.signal,
        /** Waits for a human's answer; a cancelled run counts as a denial. */
        waitForApproval: (approvalId: string) =>
          new Promise<boolean>((resolve) => {
            run.approvals.set(approvalId, resolve);
            run.controller.signal.addEventListener('abort', () => resolve(false), { once: true });
          }),
        cancel: () => run.controller.abort(),
        finish: () => {
          for (const resolve of run.approvals.values()) resolve(false);
          runs.delete(runId);
        },
      };
    },
    cancel({ owner, runId }: { owner: string; runId: string }) {
      find({ owner, runId }).controller.abort();
    },
    answer({ owner, approvalId, approve }: { owner: string; approvalId: string; approve: boolean }) {
      for (const run of runs.values()) {
        const resolve = run.owner === owner ? run.approvals.get(approvalId) : undefined;
        if (resolve) {
          run.approvals.delete(approvalId);
          resolve(approve);
          return;
        }
      }
      throw new ApiError({ status: 404, code: 'not_found', message: `No pending approval ${approvalId}.` });
    },
    size: () => runs.size,
  };
}
