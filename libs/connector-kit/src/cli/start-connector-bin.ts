import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import { enableCompileCache } from './enable-compile-cache.js';

/**
 * The whole of a connector's `bin.ts`, for a fast start: turns on Node's compile cache first, then loads
 * the connector and the CLI through import(), so that their compiled code comes from the cache on every
 * start after the first, and runs them (see runConnectorBin). Meant for a bundled bin, which has its own
 * copy of zod: it sets zod's `jitless`, which a library user's zod would not want changed behind its back.
 */
export async function startConnectorBin<Config extends ConnectorConfig, Context extends ConnectorContext>({
  loadConnector,
  binName,
  process: running,
}: {
  /** `() => import('./x-connector.js').then((module) => module.xConnector)` */
  loadConnector: () => Promise<ConnectorDefinition<Config, Context>>;
  binName: string;
  process: NodeJS.Process;
}): Promise<void> {
  enableCompileCache();
  // zod compiles a fast parser for each object schema with new Function() on its first use: code no compile
  // cache keeps, compiled on every start for the few small messages a session parses. Off before the MCP
  // SDK and the connector create their schemas (they share this zod), it saves about 40 ms of a start.
  const { config } = await import('zod');
  config({ jitless: true });
  const [{ runConnectorBin }, connector] = await Promise.all([import('./run-connector-bin.js'), loadConnector()]);
  await runConnectorBin({ connector, binName, process: running });
}
