import type { ConnectorConfig, ConnectorContext, ConnectorDefinition } from '../connector/define-connector.js';
import { enableCompileCache } from './enable-compile-cache.js';

/**
 * The whole of a connector's `bin.ts`, for a fast start: turns on Node's compile cache first, then loads
 * the connector and the CLI through import(), so that their compiled code comes from the cache on every
 * start after the first, and runs them (see runConnectorBin).
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
  const [{ runConnectorBin }, connector] = await Promise.all([import('./run-connector-bin.js'), loadConnector()]);
  await runConnectorBin({ connector, binName, process: running });
}
