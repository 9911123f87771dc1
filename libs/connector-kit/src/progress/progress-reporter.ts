import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

export type ToolCallExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

/** Sends MCP progress notifications; a no-op when the client asked for none. */
export type ProgressReporter = (update: ProgressUpdate) => Promise<void>;

export function createProgressReporter({ extra }: { extra: ToolCallExtra }): ProgressReporter {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return async () => {};
  let last = -Infinity;
  return async ({ progress, total, message }) => {
    // The spec requires progress to increase with every notification.
    if (progress <= last || extra.signal.aborted) return;
    last = progress;
    await extra.sendNotification({
      method: 'notifications/progress',
      params: { progressToken, progress, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) },
    });
  };
}
