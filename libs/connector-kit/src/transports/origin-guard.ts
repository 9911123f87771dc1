import type { RequestHandler } from 'express';

/**
 * Browsers send `Origin` on cross-site requests; a page on another site must not drive a local MCP
 * server (DNS rebinding, CSRF). Requests without an Origin (non-browser clients) pass.
 */
export function originGuard({ allowedHostnames }: { allowedHostnames: string[] }): RequestHandler {
  const allowed = new Set(allowedHostnames.map((name) => name.toLowerCase()));
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (!origin) {
      next();
      return;
    }
    let hostname: string | undefined;
    try {
      hostname = new URL(origin).hostname.toLowerCase();
    } catch {
      hostname = undefined;
    }
    if (hostname && allowed.has(hostname)) {
      next();
      return;
    }
    response
      .status(403)
      .json({ jsonrpc: '2.0', error: { code: -32000, message: `Forbidden origin: ${origin}` }, id: null });
  };
}
