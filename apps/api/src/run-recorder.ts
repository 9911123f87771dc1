import type { ChatEvent } from '@connectormcp/orchestrator';
import type { ChatUsage, RunError, RunStatus } from './contracts/index.js';
import type { ChatStore } from './database/chat-store.js';

export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  usage: ChatUsage | null;
  error: RunError | null;
}

export interface RunRecorder {
  /** Sees every event of the run, in order. */
  observe(event: ChatEvent): void;
  /** Waits for the tool calls being written. */
  flush(): Promise<void>;
  /** How the run ended, from its stop reason and the events seen; `cancelled` when its signal was aborted. */
  outcome(options: { stopReason: string; cancelled?: boolean }): RunOutcome;
}

/**
 * Stores what a run does as it happens (each finished tool call with its arguments, error code and the text
 * the model read; the audit log with it) and works out what a reopened chat shows of the run: its tokens and
 * cost, and the error that ended it.
 */
export function createRunRecorder({
  store,
  owner,
  actorName,
  sessionId,
  runId,
  onRecordFailed,
}: {
  store: ChatStore;
  owner: string;
  /** The owner's name as the audit log shows it. */
  actorName?: string;
  sessionId: string;
  runId: string;
  onRecordFailed: (error: unknown) => void;
}): RunRecorder {
  const toolArguments = new Map<string, unknown>();
  let lastError: RunError | null = null;
  let usage: ChatUsage | null = null;
  let recorded = Promise.resolve();
  return {
    observe(event) {
      if (event.type === 'tool_call_started' || event.type === 'approval_required')
        toolArguments.set(event.id, event.arguments);
      if (event.type === 'error') lastError = { code: event.code, message: event.message, retryable: event.retryable };
      if (event.type === 'usage') {
        const { type: _type, ...totals } = event;
        void _type;
        // A run that never reached the model (no key, cancelled at once) used nothing: there is no cost line.
        usage = totals.inputTokens + totals.outputTokens > 0 ? totals : null;
      }
      if (event.type !== 'tool_call_finished') return;
      const record = store
        .recordToolCall({
          id: event.id,
          sessionId,
          runId,
          owner,
          ...(actorName ? { actorName } : {}),
          datasource: event.datasource,
          tool: event.tool,
          arguments: toolArguments.get(event.id),
          status: event.status,
          durationMs: event.durationMs,
          summary: event.summary,
          result: event.result,
          errorCode: event.errorCode ?? null,
          modelText: event.modelText,
        })
        .catch(onRecordFailed);
      recorded = recorded.then(() => record);
    },
    flush: () => recorded,
    outcome({ stopReason, cancelled = false }) {
      if (cancelled || stopReason === 'cancelled')
        return {
          status: 'cancelled',
          usage,
          error: lastError ?? { code: 'cancelled', message: 'The run was cancelled.', retryable: false },
        };
      // An error event that is also the stop reason ended the run; others (one datasource down) did not.
      const ended = lastError !== null && (lastError as RunError).code === stopReason;
      return ended ? { status: 'failed', usage, error: lastError } : { status: 'finished', usage, error: null };
    },
  };
}
