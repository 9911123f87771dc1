import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ConnectorEndpoint } from './connector-endpoint.js';
import type { DatasourceConfig } from './datasource-config.js';

const run = promisify(execFile);

/** A connector run here as a child process, speaking MCP over its stdin and stdout. */
export function createStdioEndpoint({ datasource }: { datasource: DatasourceConfig }): ConnectorEndpoint {
  const command = datasource.command!;
  const environment = () => ({ ...getDefaultEnvironment(), ...datasource.env });
  return {
    async connect({ client }) {
      const transport = new StdioClientTransport({
        command,
        args: datasource.args,
        env: environment(),
        stderr: 'pipe',
      });
      let stderrTail = '';
      transport.stderr?.on('data', (chunk: Buffer) => {
        stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
      });
      try {
        await client.connect(transport, { timeout: 30_000 });
      } catch (error) {
        throw new Error(
          `${datasource.name} connector did not start: ${(error as Error).message}${stderrTail ? ` (${lastLogMessage(stderrTail)})` : ''}`,
        );
      }
      return {
        ...(transport.pid ? { pid: transport.pid } : {}),
        stoppedMessage: () =>
          `${datasource.name} connector stopped${stderrTail ? `: ${lastLogMessage(stderrTail)}` : ''}`,
        // A process has no session to end: closing its stdin stops it.
        end: async () => {},
      };
    },
    // A process that dies closes the client, which fails its calls: a failed request says nothing more.
    describeRequestFailure: (error) => ({ kind: 'other', message: (error as Error).message }),
    async check({ timeoutMs, signal }) {
      try {
        const { stdout } = await run(command, [...datasource.args, '--check'], {
          env: environment(),
          timeout: timeoutMs,
          ...(signal ? { signal } : {}),
        });
        return { ok: true, output: stdout.trim() };
      } catch (error) {
        const failed = error as { code?: unknown; killed?: boolean; stdout?: string; stderr?: string; message: string };
        // Said here in words, since the process's own message would name the command line.
        if (signal?.aborted) return { ok: false, output: 'The check was stopped.' };
        if (failed.code === 'ENOENT')
          return {
            ok: false,
            output: `The ${datasource.name} connector could not be started: ${command} was not found.`,
          };
        if (failed.killed)
          return {
            ok: false,
            output: `The ${datasource.name} connector's check did not finish within ${Math.round(timeoutMs / 1000)} s.`,
          };
        return {
          ok: false,
          output: (failed.stderr || failed.stdout || failed.message)
            .trim()
            .split('\n')
            .filter((line) => !/^npm warn/i.test(line))
            .join('\n'),
        };
      }
    },
  };
}

/** The message of the last JSON log line a connector wrote (its logs are redacted by the connector). */
function lastLogMessage(stderr: string): string {
  const lines = stderr.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as { msg?: string };
      if (parsed.msg) return parsed.msg;
    } catch {
      if (line.trim()) return line.trim().slice(0, 300);
    }
  }
  return '';
}
