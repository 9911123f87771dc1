import type { ApproveToolCall } from './approval-request.js';
import type { ChatEvent, ToolCallFinishedEvent, ToolCallStatus } from './chat-events.js';
import type { ConnectorHub, HubTool } from './connector-hub.js';
import type { JsonSchema } from './json-schema.js';
import { readToolError } from './read-tool-error.js';
import { summarizeToolResult } from './summarize-tool-result.js';
import { toolResultForModel } from './tool-result-for-model.js';

/** Token budget of one tool result as the model sees it, unless a caller sets another. */
export const defaultToolResultTokens = 4000;

/**
 * Runs one tool call as a chat does, reporting it through `onEvent`: approval first for a tool not annotated
 * read-only (only the human's answer counts; nothing the model or the data says can approve a write), then
 * started, progress and finished. Resolves with the finished event, whose `modelText` is what the model gets.
 */
export async function executeToolCall({
  hub,
  entry,
  id,
  arguments: input,
  approve,
  onEvent,
  signal,
  toolResultTokens = defaultToolResultTokens,
}: {
  hub: ConnectorHub;
  entry: HubTool;
  id: string;
  arguments: unknown;
  approve?: ApproveToolCall;
  onEvent: (event: ChatEvent) => void;
  signal?: AbortSignal;
  toolResultTokens?: number;
}): Promise<ToolCallFinishedEvent> {
  const started = performance.now();
  const base = { id, datasource: entry.datasourceId, tool: entry.tool.name };
  const outputSchema = entry.tool.outputSchema as JsonSchema | undefined;
  const finish = ({
    status,
    modelText,
    structured,
    error,
  }: {
    status: ToolCallStatus;
    modelText: string;
    structured?: unknown;
    error?: { code: string; retryable: boolean } | null;
  }): ToolCallFinishedEvent => {
    const event: ToolCallFinishedEvent = {
      type: 'tool_call_finished',
      ...base,
      status,
      durationMs: Math.round(performance.now() - started),
      summary: summarizeToolResult({ status, text: modelText, structured, ...(outputSchema ? { outputSchema } : {}) }),
      ...(structured !== undefined ? { result: structured } : {}),
      ...(error ? { errorCode: error.code, retryable: error.retryable } : {}),
      ...(outputSchema ? { outputSchema } : {}),
      modelText,
    };
    onEvent(event);
    return event;
  };

  if (!entry.readOnly) {
    const destructive = entry.tool.annotations?.destructiveHint !== false;
    onEvent({ type: 'approval_required', ...base, arguments: input, destructive });
    const approved = approve
      ? await approve({ ...base, arguments: input, destructive }).then(
          (answer) => answer === true,
          () => false,
        )
      : false;
    if (!approved) {
      return finish({
        status: 'denied',
        modelText: 'The user denied this action; it was not run. Do not retry it unless the user asks.',
      });
    }
  }
  onEvent({ type: 'tool_call_started', ...base, arguments: input });
  try {
    const called = await hub.callTool({
      datasourceId: entry.datasourceId,
      name: entry.tool.name,
      arguments: (input ?? {}) as Record<string, unknown>,
      ...(signal ? { signal } : {}),
      onProgress: (update) => onEvent({ type: 'tool_call_progress', id, ...update }),
    });
    const { text } = toolResultForModel({ result: called, tokenBudget: toolResultTokens });
    return finish({
      status: called.isError ? 'error' : 'ok',
      modelText: text,
      structured: called.structuredContent,
      error: readToolError({ result: called }),
    });
  } catch (error) {
    const cancelled = signal?.aborted === true;
    return finish({
      status: cancelled ? 'cancelled' : 'error',
      modelText: cancelled
        ? 'The call was cancelled.'
        : `The ${entry.datasourceName} connector failed: ${(error as Error).message}`,
    });
  }
}
