import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describeHttpFailure, displayUrl } from './describe-http-failure.js';

const url = 'https://user:pass@mcp.internal/mcp?key=abc';

describe('describeHttpFailure', () => {
  it('reads a 404 within a session as a session the server forgot, and at connect as a wrong URL', () => {
    const error = new StreamableHTTPError(404, 'Error POSTing to endpoint: {"error":{"message":"Unknown session"}}');
    expect(describeHttpFailure({ error, url, phase: 'request' })).toEqual({
      kind: 'session-gone',
      message: 'the server at https://mcp.internal/mcp no longer knows this session (HTTP 404)',
    });
    expect(describeHttpFailure({ error, url, phase: 'connect' })).toEqual({
      kind: 'broken',
      message: 'there is no MCP endpoint at https://mcp.internal/mcp (HTTP 404): Unknown session',
    });
  });

  it("names a refusal with the server's own words, never an HTML page", () => {
    const refused = new StreamableHTTPError(
      401,
      'Error POSTing to endpoint: {"jsonrpc":"2.0","error":{"code":-32001,"message":"Unauthorized."},"id":null}',
    );
    expect(describeHttpFailure({ error: refused, url, phase: 'request' }).message).toBe(
      "the server at https://mcp.internal/mcp refused the credentials (HTTP 401): check the datasource's headers: Unauthorized.",
    );
    const page = new StreamableHTTPError(502, 'Error POSTing to endpoint: <html><body>Bad gateway</body></html>');
    expect(describeHttpFailure({ error: page, url, phase: 'request' })).toEqual({
      kind: 'broken',
      message: 'the server at https://mcp.internal/mcp answered HTTP 502',
    });
  });

  it("reads fetch's network failures by their code", () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    expect(describeHttpFailure({ error, url, phase: 'connect' })).toEqual({
      kind: 'broken',
      message: 'could not reach https://mcp.internal/mcp: the host name does not resolve',
    });
  });

  it('leaves an MCP answer to the session', () => {
    expect(describeHttpFailure({ error: new Error('MCP error -32602: bad'), url, phase: 'request' })).toEqual({
      kind: 'other',
      message: 'MCP error -32602: bad',
    });
  });

  it('says in words that a server did not answer in time', () => {
    expect(
      describeHttpFailure({ error: new Error('MCP error -32001: Request timed out'), url, phase: 'connect' }),
    ).toEqual({ kind: 'other', message: 'the server at https://mcp.internal/mcp did not answer in time' });
  });

  it('shows a URL without credentials or query', () => {
    expect(displayUrl({ url })).toBe('https://mcp.internal/mcp');
  });
});
