import type { ApproveToolCall, ChatEvent } from '@connectormcp/orchestrator';
import type { Request, Response } from 'express';
import { actingUser } from './audit/acting-user.js';
import type { ChatJsonResponse, StoredRun } from './contracts/index.js';
import type { ChatStore } from './database/chat-store.js';
import { openEventStream } from './open-event-stream.js';
import { createRunRecorder, type RunOutcome } from './run-recorder.js';
import type { RunRegistry } from './run-registry.js';

/** What a run that threw (a bug or a database failure, not a model error) is stored as. */
export const unexpectedRunFailure: RunOutcome = {
  status: 'failed',
  usage: null,
  error: { code: 'upstream', message: 'The run stopped because of an error on our side.', retryable: true },
};

/**
 * Serves one run of a session: registers it (so approvals and cancels reach it from any instance; its
 * question goes to the audit log with who asked), streams
 * its events as Server-Sent Events after a `run` event (or answers JSON at the end), stores its tool calls
 * as they finish, and stores how it ended. A client that goes away cancels the run.
 */
export async function serveRun({
  request,
  response,
  runs,
  store,
  owner,
  sessionId,
  kind,
  question,
  observe,
  execute,
}: {
  request: Request;
  response: Response;
  runs: RunRegistry;
  store: ChatStore;
  owner: string;
  sessionId: string;
  kind: StoredRun['kind'];
  question: string | null;
  /** Sees every event (metrics). */
  observe?: (event: ChatEvent) => void;
  /** Does the run's work, reporting through `onEvent`; resolves once everything it adds is stored. */
  execute: (options: {
    signal: AbortSignal;
    approve: ApproveToolCall;
    onEvent: (event: ChatEvent) => void;
  }) => Promise<{ stopReason: string }>;
}): Promise<void> {
  const actor = actingUser(request);
  const run = await runs.start({ owner, actor, sessionId, kind, question });
  const stream = openEventStream({ request, response, onClose: () => run.cancel() });
  const recorder = createRunRecorder({
    store,
    owner,
    actorName: actor.name,
    sessionId,
    runId: run.runId,
    onRecordFailed: (error) => request.log?.error({ err: error }, 'could not record a tool call'),
  });
  const events: ChatEvent[] = [];
  stream.send({ type: 'run', runId: run.runId, sessionId });
  let outcome = unexpectedRunFailure;
  try {
    const { stopReason } = await execute({
      signal: run.signal,
      approve: (approval) => run.waitForApproval(approval),
      onEvent: (event) => {
        events.push(event);
        observe?.(event);
        recorder.observe(event);
        stream.send(event);
      },
    });
    await recorder.flush();
    // A client that went away while an approval was pending cancelled the run (and refused the write).
    outcome = recorder.outcome({ stopReason, cancelled: run.signal.aborted });
    if (stream.streaming) {
      stream.end();
    } else {
      const answer = events
        .filter((event) => event.type === 'text_delta')
        .map((event) => event.text)
        .join('');
      const json: ChatJsonResponse = { sessionId, runId: run.runId, answer, events };
      response.json(json);
    }
  } catch (error) {
    if (!stream.streaming) throw error;
    // The stream has begun: the failure can only be told in it.
    request.log?.error({ err: error }, 'run failed');
    stream.send({ type: 'error', ...unexpectedRunFailure.error! });
    stream.end();
  } finally {
    await run.finish(outcome);
  }
}
