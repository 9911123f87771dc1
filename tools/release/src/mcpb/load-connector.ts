import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConnectorDefinition } from '@connectormcp/connector-kit';
import type { ConnectorPackageJson } from './build-manifest.ts';

export interface LoadedConnector {
  connector: ConnectorDefinition;
  packageJson: ConnectorPackageJson;
}

function isConnectorOf(packageName: string) {
  return (value: unknown): value is ConnectorDefinition => {
    if (typeof value !== 'object' || value === null) return false;
    const candidate = value as Partial<ConnectorDefinition>;
    return candidate.packageName === packageName && Array.isArray(candidate.tools) && !!candidate.environment;
  };
}

/** The connector definition exported by a built connector package (its dist/index.js), with its package.json. */
export async function loadConnector({ connectorDirectory }: { connectorDirectory: string }): Promise<LoadedConnector> {
  const packageJson = JSON.parse(
    await readFile(join(connectorDirectory, 'package.json'), 'utf8'),
  ) as ConnectorPackageJson;
  const library = (await import(pathToFileURL(join(connectorDirectory, 'dist', 'index.js')).href)) as Record<
    string,
    unknown
  >;
  const connector = Object.values(library).find(isConnectorOf(packageJson.name));
  if (!connector) throw new Error(`${packageJson.name}: dist/index.js exports no connector definition; build it first`);
  return { connector, packageJson };
}
