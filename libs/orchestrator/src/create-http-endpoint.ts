import { setTimeout as delay } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ConnectorEndpoint } from './connector-endpoint.js';
import type { DatasourceConfig } from './datasource-config.js';
import { describeHttpFailure, displayUrl } from './describe-http-failure.js';
import { packageVersion } from './package-version.js';
import { redactHeaderValues } from './redact-header-values.js';

/** Ending a session is a courtesy to the server: it never holds up closing the hub for long. */
const endSessionMs = 2000;

/** A remote MCP server speaking Streamable HTTP, reached at the datasource's `url` with its `headers`. */
export function createHttpEndpoint({ datasource }: { datasource: DatasourceConfig }): ConnectorEndpoint {
  const url = datasource.url!;
  const where = displayUrl({ url });
  const redact = (text: string) => redactHeaderValues({ text, headers: datasource.headers, url });
  const createTransport = () =>
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: datasource.headers } });
  const endSession = async (transport: StreamableHTTPClientTransport) => {
    await Promise.race([transport.terminateSession().catch(() => {}), delay(endSessionMs, undefined, { ref: false })]);
  };
  const connectFailure = (error: unknown) => redact(describeHttpFailure({ error, url, phase: 'connect' }).message);

  return {
    async connect({ client, onBroken }) {
      const transport = createTransport();
      client.onerror = (error) => {
        // The SDK reopens a dropped event stream by itself; once it gives up, the session is of no more use.
        if (/^Maximum reconnection attempts/.test(error.message)) {
          onBroken(`${datasource.name}: the connection to ${where} was lost`);
        }
      };
      try {
        await client.connect(transport, { timeout: 30_000 });
      } catch (error) {
        throw new Error(`${datasource.name} could not connect: ${connectFailure(error)}`);
      }
      return {
        stoppedMessage: () => `${datasource.name}: the connection to ${where} was closed`,
        end: () => endSession(transport),
      };
    },
    describeRequestFailure(error) {
      const { kind, message } = describeHttpFailure({ error, url, phase: 'request' });
      return { kind, message: redact(kind === 'other' ? message : `${datasource.name}: ${message}`) };
    },
    async check({ timeoutMs, signal }) {
      // A session of its own, like a stdio connector's `--check` process: it says whether the server can be
      // reached and answers now, whatever state the pooled session is in.
      const deadline = AbortSignal.timeout(timeoutMs);
      const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
      const transport = createTransport();
      const client = new Client({ name: 'connectormcp-orchestrator-check', version: packageVersion });
      const options = { timeout: timeoutMs, signal: stop };
      let step = 'connect';
      try {
        await client.connect(transport, options);
        step = 'answer a ping';
        await client.ping(options);
        step = 'list its tools';
        let count = 0;
        let cursor: string | undefined;
        do {
          const page = await client.listTools(cursor ? { cursor } : {}, options);
          count += page.tools.length;
          cursor = page.nextCursor;
        } while (cursor);
        const server = client.getServerVersion();
        return {
          ok: true,
          output: redact(
            `ok: ${where} answers${server ? ` (${server.name} ${server.version})` : ''} with ${count} tool${count === 1 ? '' : 's'}`,
          ),
        };
      } catch (error) {
        if (signal?.aborted) return { ok: false, output: 'The check was stopped.' };
        if (deadline.aborted || /timed out/i.test((error as Error).message))
          return {
            ok: false,
            output: `${datasource.name}: the server at ${where} did not ${step} within ${Math.round(timeoutMs / 1000)} s.`,
          };
        return { ok: false, output: `${datasource.name}: ${connectFailure(error)}` };
      } finally {
        await endSession(transport);
        await client.close().catch(() => {});
      }
    },
  };
}
