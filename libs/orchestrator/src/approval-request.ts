/** What a human is asked before a tool that is not annotated read-only runs. */
export interface ApprovalRequest {
  id: string;
  datasource: string;
  tool: string;
  arguments: unknown;
  destructive: boolean;
}

/** Resolves true to run the tool; anything else (false, a rejection) refuses it. */
export type ApproveToolCall = (request: ApprovalRequest) => Promise<boolean>;
