import type { MessagesRequest } from './validate-messages-request.js';

export type FakeContent =
  { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: unknown; id?: string };

export interface FakeTurn {
  content: FakeContent[];
  /** Defaults to `tool_use` when the turn calls a tool, else `end_turn`. */
  stopReason?: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';
  /** Pause between streamed events, to test cancellation mid-stream. */
  delayMs?: number;
  /** Stream this turn until this much text was sent, then an `overloaded_error` event (after the 200). */
  failAfterText?: string;
}

/** A scripted answer, or a function that answers from the request (its tools, its messages). */
export type TurnScript = FakeTurn | ((request: MessagesRequest) => FakeTurn);

export type FakeFailure =
  | { kind: 'status'; status: 429 | 500 | 503 | 529; retryAfterSeconds?: number }
  | { kind: 'mid-stream'; afterText: string };
