import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Requires `Authorization: Bearer <token>`. Both sides are hashed first so the comparison takes the same
 * time whatever the length of the guess.
 */
export function bearerTokenGuard({ token }: { token: string }): RequestHandler {
  const expected = digest(token);
  return (request, response, next) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match?.[1] && timingSafeEqual(digest(match[1].trim()), expected)) {
      next();
      return;
    }
    response
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="connectormcp"')
      .json({
        jsonrpc: '2.0',
        error: { code: -32001, message: 'Unauthorized: send the MCP_HTTP_TOKEN value as a Bearer token.' },
        id: null,
      });
  };
}
