import type { RequestHandler } from 'express';
import type { Logger } from '../logging/create-logger.js';
import { hostOriginGuard } from './host-origin-guard.js';
import { createHostOriginPolicy, resolveAllowedHosts } from './host-origin-policy.js';

const hostsVariable = 'MCP_HTTP_ALLOWED_HOSTS';

/**
 * The `--http` mode's Host and Origin checks against DNS rebinding and cross-site requests, answered as
 * JSON-RPC errors. Throws, before anything listens, when bound to every interface without the host names.
 */
export function mcpHostOriginGuard({
  bindHost,
  allowedHosts,
  logger,
}: {
  bindHost: string;
  allowedHosts: string[];
  logger: Logger;
}): RequestHandler {
  const policy = createHostOriginPolicy({
    allowedHosts: resolveAllowedHosts({ bindHost, extraHosts: allowedHosts, hostsVariable }),
    hostsVariable,
  });
  return hostOriginGuard({
    policy,
    onRefused: ({ refusal, request, response }) => {
      logger.warn(
        { code: refusal.code, method: request.method, host: request.headers.host, origin: request.headers.origin },
        `refused: ${refusal.message}`,
      );
      response.status(403).json({
        jsonrpc: '2.0',
        error: { code: -32000, message: refusal.message, data: { code: refusal.code } },
        id: null,
      });
    },
  });
}
