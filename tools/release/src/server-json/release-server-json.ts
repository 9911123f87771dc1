import { bundleDownloadUrl, type ConnectorDefinition } from '@connectormcp/connector-kit';
import type { ServerJson } from './server-json.ts';

/**
 * What gets published: the committed server.json plus the connector's MCP Bundle, downloadable from its
 * GitHub release, with the sha256 hosts check before they install it.
 */
export function releaseServerJson({
  serverJson,
  connector,
  bundleSha256,
}: {
  serverJson: ServerJson;
  connector: ConnectorDefinition;
  bundleSha256: string;
}): ServerJson {
  return {
    ...serverJson,
    packages: [
      ...serverJson.packages.filter((entry) => entry.registryType !== 'mcpb'),
      {
        registryType: 'mcpb',
        identifier: bundleDownloadUrl({ connector }),
        version: serverJson.version,
        fileSha256: bundleSha256,
        transport: { type: 'stdio' },
      },
    ],
  };
}
