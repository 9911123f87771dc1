// The saved items API's wire contract, type-only from the API package like src/api/api-types.ts: a shape the
// API changes fails the web's typecheck.
// eslint-disable-next-line @nx/enforce-module-boundaries
export type { CreateSavedRequest, SavedItem, Schedule } from '@connectormcp/api/contracts';

/** What can be saved from the chat: a read-only tool call from its card, or a question someone asked. */
export type SaveTarget =
  | { kind: 'tool_call'; datasource: string; tool: string; arguments: Record<string, unknown> }
  | { kind: 'question'; question: string; datasources: string[] };
