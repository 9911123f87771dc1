import { ConnectorError } from '../errors/connector-error.js';
import { toConnectorError } from '../errors/to-connector-error.js';
import { createSilentLogger, type Logger } from '../logging/create-logger.js';
import { createSecretRedactor, type SecretRedactor } from '../secrets/secret-redactor.js';
import type {
  ConnectorCheckResult,
  ConnectorConfig,
  ConnectorContext,
  ConnectorDefinition,
} from './define-connector.js';

export const defaultMaxResultChars = 20_000;

/**
 * What one connector process shares between its MCP sessions: the config, the lazily created context
 * (pools, clients) and the redactor. A config error is kept and reported on each call instead of
 * stopping start-up, because MCP hosts list tools at launch.
 */
export interface ConnectorRuntime<
  Config extends ConnectorConfig = ConnectorConfig,
  Context extends ConnectorContext = ConnectorContext,
> {
  connector: ConnectorDefinition<Config, Context>;
  logger: Logger;
  redact: SecretRedactor;
  allowWrites: boolean;
  maxResultChars: number;
  /** Budget of a tool's `structuredContent`, as JSON characters; the text's budget unless set apart. */
  maxStructuredChars: number;
  /** Defaults the connection supplies for tool inputs (`ConnectorDefinition.inputDefaults`); none without a config. */
  inputDefaults: Record<string, unknown>;
  /** The context, created on first use; throws the config error when the config is invalid. */
  context(): Context;
  check(options?: { signal?: AbortSignal }): Promise<ConnectorCheckResult>;
  close(): Promise<void>;
}

export function createConnectorRuntime<Config extends ConnectorConfig, Context extends ConnectorContext>({
  connector,
  config,
  configError,
  allowWrites = config?.allowWrites ?? false,
  logger = createSilentLogger(),
  redact = createSecretRedactor(),
  maxResultChars = defaultMaxResultChars,
  maxStructuredChars = maxResultChars,
}: {
  connector: ConnectorDefinition<Config, Context>;
  config?: Config;
  configError?: ConnectorError;
  /** Only needed with a config error: the writes setting read on its own. */
  allowWrites?: boolean;
  logger?: Logger;
  redact?: SecretRedactor;
  maxResultChars?: number;
  maxStructuredChars?: number;
}): ConnectorRuntime<Config, Context> {
  if (!config && !configError) throw new Error('createConnectorRuntime needs a config or a config error');
  if (config) redact.add(connector.secretsOf({ config }));
  let context: Context | undefined;
  let closed = false;

  const getContext = () => {
    if (closed) throw new ConnectorError({ code: 'UPSTREAM_UNAVAILABLE', message: 'The connector is shutting down.' });
    if (!config) throw configError!;
    context ??= connector.createContext({ config, logger });
    return context;
  };

  return {
    connector,
    logger,
    redact,
    allowWrites,
    maxResultChars,
    maxStructuredChars,
    inputDefaults: config && connector.inputDefaults ? connector.inputDefaults({ config }) : {},
    context: getContext,
    async check({ signal = AbortSignal.timeout(15_000) } = {}) {
      try {
        return await connector.check({ context: getContext(), signal });
      } catch (error) {
        throw toConnectorError({ error, mapError: connector.mapError });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A source that is down often fails its own clean-up (a pool ending a connection that never
      // opened rejects with ECONNREFUSED); that is no reason to fail a shutdown, so it is only logged.
      await context?.close().catch((error: unknown) => {
        logger.debug({ code: (error as { code?: unknown } | undefined)?.code }, 'closing the source failed, ignored');
      });
    },
  };
}
