import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorDefinition } from '@connectormcp/connector-kit';

export interface ConnectorPackageJson {
  name: string;
  version: string;
  description: string;
  mcpName: string;
  bin: Record<string, string>;
  repository: { url: string; directory: string };
}

export interface PublishableConnector {
  /** The definition's short id: `mysql`. */
  name: string;
  /** Absolute path of libs/connectors/<name>. */
  directory: string;
  packageJson: ConnectorPackageJson;
  /** The definition as the published package exports it (its built dist). */
  connector: ConnectorDefinition;
}

function isConnectorDefinition(value: unknown, packageName: string): value is ConnectorDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as ConnectorDefinition).packageName === packageName &&
    Array.isArray((value as ConnectorDefinition).tools)
  );
}

/**
 * Every connector package that names its registry entry (`mcpName`), with the definition its published
 * package exports: what users get, not the sources.
 */
export async function loadPublishableConnectors({ root }: { root: string }): Promise<PublishableConnector[]> {
  const parent = join(root, 'libs/connectors');
  const directories = readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')))
    .map((entry) => join(parent, entry.name))
    .sort();
  const connectors: PublishableConnector[] = [];
  for (const directory of directories) {
    const packageJson = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as ConnectorPackageJson;
    if (!packageJson.mcpName) continue;
    const exports = (await import(packageJson.name).catch((error: unknown) => {
      throw new Error(`${packageJson.name} cannot be loaded; build it first (${String(error)})`);
    })) as Record<string, unknown>;
    const connector = Object.values(exports).find((value) => isConnectorDefinition(value, packageJson.name));
    if (!connector) throw new Error(`${packageJson.name} exports no connector definition`);
    connectors.push({ name: connector.name, directory, packageJson, connector });
  }
  return connectors;
}
