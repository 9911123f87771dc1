/** The parts of the MCP Registry's server.json (schema 2025-12-11) that the connectors use. */

export const serverSchemaUrl = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** Key under which the registry keeps what the publisher adds, passed on to downstream registries. */
export const publisherMetaKey = 'io.modelcontextprotocol.registry/publisher-provided';

export interface RegistryEnvironmentVariable {
  name: string;
  description: string;
  isRequired: boolean;
  isSecret: boolean;
  format: 'string' | 'number' | 'boolean' | 'filepath';
  default?: string;
  choices?: string[];
  placeholder?: string;
}

export interface RegistryPackage {
  registryType: 'npm' | 'mcpb';
  registryBaseUrl?: string;
  identifier: string;
  version: string;
  runtimeHint?: string;
  fileSha256?: string;
  transport: { type: 'stdio' };
  environmentVariables?: RegistryEnvironmentVariable[];
}

export interface PublisherMeta {
  /** Tools the server always lists. */
  tools: string[];
  /** Tools it lists only when `writeToolsVariable` is true. */
  writeTools: string[];
  writeToolsVariable: string;
}

export interface ServerJson {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  repository: { url: string; source: 'github'; subfolder: string };
  websiteUrl: string;
  packages: RegistryPackage[];
  _meta: { [publisherMetaKey]: PublisherMeta };
}
