import type { ConnectorDefinition } from '@connectormcp/connector-kit';
import type { ConnectorPackageJson } from './load-publishable-connectors.ts';
import { registryDescription } from './registry-description.ts';
import { registryEnvironmentVariables } from './registry-environment-variables.ts';
import { publisherMetaKey, serverSchemaUrl, type ServerJson } from './server-json.ts';

/** `git+https://github.com/owner/repo.git` → `https://github.com/owner/repo`. */
function browsableRepositoryUrl({ url }: { url: string }): string {
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * The committed server.json of a connector: its npm package with every variable it reads over stdio.
 * The bundle (mcpb) entry is added at release time, once its sha256 exists (see releaseServerJson).
 */
export function buildServerJson({
  connector,
  packageJson,
}: {
  connector: Pick<ConnectorDefinition, 'name' | 'title' | 'environment' | 'tools' | 'allowWritesVariable'>;
  packageJson: ConnectorPackageJson;
}): ServerJson {
  const repositoryUrl = browsableRepositoryUrl({ url: packageJson.repository.url });
  const subfolder = packageJson.repository.directory;
  return {
    $schema: serverSchemaUrl,
    name: packageJson.mcpName,
    title: `ConnectorMCP ${connector.title}`,
    description: registryDescription({ connectorName: connector.name, packageDescription: packageJson.description }),
    version: packageJson.version,
    repository: { url: repositoryUrl, source: 'github', subfolder },
    websiteUrl: `${repositoryUrl}/tree/main/${subfolder}#readme`,
    packages: [
      {
        registryType: 'npm',
        registryBaseUrl: 'https://registry.npmjs.org',
        identifier: packageJson.name,
        version: packageJson.version,
        runtimeHint: 'npx',
        transport: { type: 'stdio' },
        environmentVariables: registryEnvironmentVariables({ connector }),
      },
    ],
    // The registry has no field for tools; listing them here lets a test hold them to what the server serves.
    _meta: {
      [publisherMetaKey]: {
        tools: connector.tools.filter((tool) => !tool.writes).map((tool) => tool.name),
        writeTools: connector.tools.filter((tool) => tool.writes).map((tool) => tool.name),
        writeToolsVariable: connector.allowWritesVariable,
      },
    },
  };
}
