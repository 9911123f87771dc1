import type { ChatErrorCode, ChatStreamEvent, ToolCallStatus } from '../api/api-types.js';

export type ToolCallState = 'running' | 'awaiting_approval' | ToolCallStatus;

export interface ToolCallView {
  id: string;
  datasource: string;
  tool: string;
  arguments: unknown;
  state: ToolCallState;
  /** Set when the call needs a human's decision. */
  approval?: { destructive: boolean };
  durationMs?: number;
  summary?: string;
  /** The tool's structured result (live runs only). */
  result?: unknown;
  /** What the model read. */
  resultText?: string;
  /** The connector's stable error code when the call failed (e.g. INVALID_INPUT). */
  errorCode?: string;
  /** Whether trying the same call again may work. */
  retryable?: boolean;
  /** Rebuilt from the stored history rather than seen live. */
  stored?: boolean;
  /** A stored call of the chat's last answer: its card opens as it was seen live. */
  openOnReopen?: boolean;
  progress?: { progress: number; total?: number; message?: string };
}

export type AssistantPart = { kind: 'text'; text: string } | { kind: 'tool'; call: ToolCallView };

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  estimatedCostUsd: number;
}

export interface AssistantTurn {
  kind: 'assistant';
  id: string;
  parts: AssistantPart[];
  state: 'streaming' | 'done' | 'error';
  runId?: string;
  usage?: Usage;
  error?: { code: ChatErrorCode; message: string; retryable: boolean };
  /** `rerun`: a tool call someone edited and ran again from its card, without the model. */
  origin?: 'rerun';
}

export interface UserTurn {
  kind: 'user';
  id: string;
  text: string;
}

export type ChatItem = UserTurn | AssistantTurn;

function updateCall(turn: AssistantTurn, id: string, change: (call: ToolCallView) => ToolCallView): AssistantTurn {
  return {
    ...turn,
    parts: turn.parts.map((part) =>
      part.kind === 'tool' && part.call.id === id ? { kind: 'tool', call: change(part.call) } : part,
    ),
  };
}

function hasCall(turn: AssistantTurn, id: string): boolean {
  return turn.parts.some((part) => part.kind === 'tool' && part.call.id === id);
}

/** Folds one streamed event into the assistant turn it belongs to (pure; the chat view keeps the state). */
export function applyChatEvent({ turn, event }: { turn: AssistantTurn; event: ChatStreamEvent }): AssistantTurn {
  switch (event.type) {
    case 'run':
      return { ...turn, runId: event.runId };
    case 'text_delta': {
      const last = turn.parts.at(-1);
      if (last?.kind === 'text')
        return { ...turn, parts: [...turn.parts.slice(0, -1), { kind: 'text', text: last.text + event.text }] };
      return { ...turn, parts: [...turn.parts, { kind: 'text', text: event.text }] };
    }
    case 'approval_required': {
      const call: ToolCallView = {
        id: event.id,
        datasource: event.datasource,
        tool: event.tool,
        arguments: event.arguments,
        state: 'awaiting_approval',
        approval: { destructive: event.destructive },
      };
      if (hasCall(turn, event.id)) return updateCall(turn, event.id, (existing) => ({ ...existing, ...call }));
      return { ...turn, parts: [...turn.parts, { kind: 'tool', call }] };
    }
    case 'tool_call_started': {
      if (hasCall(turn, event.id))
        return updateCall(turn, event.id, (call) => ({ ...call, state: 'running', approval: undefined }));
      const call: ToolCallView = {
        id: event.id,
        datasource: event.datasource,
        tool: event.tool,
        arguments: event.arguments,
        state: 'running',
      };
      return { ...turn, parts: [...turn.parts, { kind: 'tool', call }] };
    }
    case 'tool_call_progress':
      return updateCall(turn, event.id, (call) => ({
        ...call,
        progress: {
          progress: event.progress,
          ...(event.total !== undefined ? { total: event.total } : {}),
          ...(event.message ? { message: event.message } : {}),
        },
      }));
    case 'tool_call_finished': {
      const finished = (call: ToolCallView): ToolCallView => ({
        ...call,
        state: event.status,
        approval: undefined,
        durationMs: event.durationMs,
        summary: event.summary,
        result: event.result,
        ...(event.modelText ? { resultText: event.modelText } : {}),
        ...(event.errorCode ? { errorCode: event.errorCode } : {}),
        ...(event.retryable !== undefined ? { retryable: event.retryable } : {}),
        progress: undefined,
      });
      if (hasCall(turn, event.id)) return updateCall(turn, event.id, finished);
      const call = finished({
        id: event.id,
        datasource: event.datasource,
        tool: event.tool,
        arguments: undefined,
        state: 'running',
      });
      return { ...turn, parts: [...turn.parts, { kind: 'tool', call }] };
    }
    case 'usage': {
      // Sent once per run with the run's totals.
      const { type: _type, ...usage } = event;
      return { ...turn, usage };
    }
    case 'done':
      return { ...turn, state: turn.state === 'error' ? 'error' : 'done' };
    case 'error':
      return {
        ...finishOpenCalls({ turn, state: 'cancelled' }),
        state: 'error',
        error: { code: event.code, message: event.message, retryable: event.retryable },
      };
  }
}

/** Marks calls that never finished (stream cut, run stopped) so no card spins forever. */
export function finishOpenCalls({ turn, state }: { turn: AssistantTurn; state: ToolCallStatus }): AssistantTurn {
  return {
    ...turn,
    parts: turn.parts.map((part) =>
      part.kind === 'tool' && (part.call.state === 'running' || part.call.state === 'awaiting_approval')
        ? { kind: 'tool', call: { ...part.call, state, approval: undefined, progress: undefined } }
        : part,
    ),
  };
}
