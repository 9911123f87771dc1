import { randomUUID } from 'node:crypto';
import type { ApproveToolCall } from './approval-request.js';
import type { ChatEvent, ToolCallFinishedEvent } from './chat-events.js';
import type { ConnectorHub } from './connector-hub.js';
import { executeToolCall } from './execute-tool-call.js';

export interface RunToolCallOptions {
  hub: ConnectorHub;
  datasourceId: string;
  /** The connector's tool name (`execute_query`), not the model's `datasource__tool`. */
  tool: string;
  arguments: Record<string, unknown>;
  /** Asked before a tool not annotated read-only runs; without it, such tools are refused. */
  approve?: ApproveToolCall;
  onEvent: (event: ChatEvent) => void;
  signal?: AbortSignal;
  /** The tool call's id in the events; a random UUID by default. */
  id?: string;
  /** Token budget of the result as a model would see it (`modelText`). */
  toolResultTokens?: number;
}

export interface RunToolCallResult {
  /** `tool_call` once the call finished (whatever its status), else the error event's code. */
  stopReason: string;
  /** Null when the call could not be made (unknown tool, datasource unavailable). */
  finished: ToolCallFinishedEvent | null;
}

/**
 * One tool call without the model (edit and re-run from a tool card), reported with the same events as a
 * chat run: approval_required for a tool that is not read-only, tool_call_started, tool_call_progress and
 * tool_call_finished, then `done` (there is no usage: no model was called). A tool that cannot be found
 * ends with an `error` event (`tool_failed`), a cancelled call with `error` (`cancelled`).
 */
export async function runToolCall({
  hub,
  datasourceId,
  tool,
  arguments: input,
  approve,
  onEvent,
  signal,
  id = randomUUID(),
  toolResultTokens,
}: RunToolCallOptions): Promise<RunToolCallResult> {
  const fail = (code: 'tool_failed' | 'cancelled', message: string, retryable: boolean): RunToolCallResult => {
    onEvent({ type: 'error', code, message, retryable });
    onEvent({ type: 'done', stopReason: code });
    return { stopReason: code, finished: null };
  };
  const { tools, failures } = await hub.tools({ datasourceIds: [datasourceId] });
  const failure = failures[0];
  if (failure) return fail('tool_failed', `The ${datasourceId} datasource is unavailable: ${failure.error}`, true);
  const entry = tools.find((candidate) => candidate.tool.name === tool);
  if (!entry) return fail('tool_failed', `The ${datasourceId} datasource has no tool named ${tool}.`, false);
  if (signal?.aborted) return fail('cancelled', 'The call was cancelled.', false);
  const finished = await executeToolCall({
    hub,
    entry,
    id,
    arguments: input,
    onEvent,
    ...(approve ? { approve } : {}),
    ...(signal ? { signal } : {}),
    ...(toolResultTokens !== undefined ? { toolResultTokens } : {}),
  });
  if (finished.status === 'cancelled') {
    onEvent({ type: 'error', code: 'cancelled', message: 'The call was cancelled.', retryable: false });
    onEvent({ type: 'done', stopReason: 'cancelled' });
    return { stopReason: 'cancelled', finished };
  }
  onEvent({ type: 'done', stopReason: 'tool_call' });
  return { stopReason: 'tool_call', finished };
}
