import { bundleFileName } from './bundle-file-name.js';
import { repositoryUrl, type DistributedConnector } from './distributed-connector.js';

/**
 * Where the release publishes the connector's MCP Bundle: an asset of the GitHub release tagged
 * `<package>@<version>`, the tag changesets gives each package of a monorepo.
 */
export function bundleDownloadUrl({
  connector,
}: {
  connector: Pick<DistributedConnector, 'name' | 'packageName' | 'version'>;
}): string {
  const tag = `${connector.packageName}@${connector.version}`;
  return `${repositoryUrl}/releases/download/${encodeURIComponent(tag)}/${bundleFileName({ connector })}`;
}
