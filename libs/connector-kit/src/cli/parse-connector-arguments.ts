import { parseArgs } from 'node:util';
import { ConnectorError } from '../errors/connector-error.js';

export type ConnectorCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check' }
  | { kind: 'describe-config' }
  | { kind: 'serve'; transport: 'stdio' }
  | { kind: 'serve'; transport: 'http'; host: string; port: number };

/** Secrets never come from argv (it is visible to every user of the machine through `ps`). */
export function parseConnectorArguments({ argv }: { argv: string[] }): ConnectorCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        check: { type: 'boolean' },
        'describe-config': { type: 'boolean' },
        http: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
      },
    });
  } catch (error) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: `${(error as Error).message}. Run with --help for usage.`,
    });
  }
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values['describe-config']) return { kind: 'describe-config' };
  if (values.check) return { kind: 'check' };
  if (!values.http) {
    if (values.port !== undefined || values.host !== undefined) {
      throw new ConnectorError({ code: 'INVALID_INPUT', message: '--port and --host only apply with --http.' });
    }
    return { kind: 'serve', transport: 'stdio' };
  }
  const port = values.port === undefined ? 3333 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConnectorError({
      code: 'INVALID_INPUT',
      message: `--port expects a number from 0 to 65535, got "${values.port}".`,
    });
  }
  return { kind: 'serve', transport: 'http', host: values.host ?? '127.0.0.1', port };
}
