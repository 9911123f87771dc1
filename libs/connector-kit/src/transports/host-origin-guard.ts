// Entry point of `@connectormcp/connector-kit/host-origin-guard`: the Host/Origin checks shared by the
// connectors' `--http` mode and the API. It loads neither Express nor the MCP SDK, only Node's types.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkHostAndOrigin, type HostOriginPolicy, type HostOriginRefusal } from './host-origin-policy.js';

export {
  checkHostAndOrigin,
  createHostOriginPolicy,
  loopbackHostNames,
  normalizeHostName,
  parseHostHeader,
  resolveAllowedHosts,
  type HostOriginPolicy,
  type HostOriginRefusal,
  type HostOriginRefusalCode,
} from './host-origin-policy.js';

export type HostOriginRefused<Request extends IncomingMessage, Response extends ServerResponse> = (details: {
  refusal: HostOriginRefusal;
  request: Request;
  response: Response;
  next: (error?: unknown) => void;
}) => void;

/**
 * Middleware (Express or plain `(request, response, next)`) that refuses requests from names and
 * origins the policy does not allow, before their body is read. `onRefused` answers in the server's
 * own error format and logs; it is called once per refused request.
 */
export function hostOriginGuard<
  Request extends IncomingMessage = IncomingMessage,
  Response extends ServerResponse = ServerResponse,
>({
  policy,
  onRefused,
}: {
  policy: HostOriginPolicy;
  onRefused: HostOriginRefused<Request, Response>;
}): (request: Request, response: Response, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    const refusal = checkHostAndOrigin({
      policy,
      method: request.method ?? 'GET',
      // Express rewrites `url` under a mount path; the target as received is what counts.
      target: (request as { originalUrl?: string }).originalUrl ?? request.url ?? '/',
      rawHeaders: request.rawHeaders,
    });
    if (refusal) onRefused({ refusal, request, response, next });
    else next();
  };
}
