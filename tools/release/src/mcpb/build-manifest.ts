import type { v0_3 } from '@anthropic-ai/mcpb';
import type { ConnectorDefinition } from '@connectormcp/connector-kit';
import type { EnvironmentFacts } from './bundle-environment.ts';
import { userConfigOption } from './user-config-option.ts';

/** A manifest as MCPB 0.3 (the newest version that mcpb 2.1 does not call experimental) defines it. */
export type BundleManifest = (typeof v0_3.McpbManifestSchema)['_output'];

export const manifestVersion = '0.3';
export const bundleEntryPoint = 'server/bin.js';

export interface ConnectorPackageJson {
  name: string;
  version: string;
  description: string;
  license?: string;
  keywords?: string[];
  repository?: { type: string; url: string; directory?: string };
}

const projectUrl = 'https://github.com/connectormcp/connectormcp';

// The services each connector sends user data to, for hosts that show privacy policies. MySQL talks to the
// user's own server only.
const privacyPolicies: Record<string, string[]> = {
  s3: ['https://aws.amazon.com/privacy/'],
  jira: ['https://www.atlassian.com/legal/privacy-policy'],
  shopify: ['https://www.shopify.com/legal/privacy'],
};

function repositoryWebUrl({ packageJson }: { packageJson: ConnectorPackageJson }): string {
  const url = packageJson.repository?.url.replace(/^git\+/, '').replace(/\.git$/, '') ?? projectUrl;
  const directory = packageJson.repository?.directory;
  return directory ? `${url}/tree/main/${directory}` : url;
}

/**
 * The manifest.json of a connector's MCP Bundle: Claude Desktop starts `node server/bin.js` from the
 * unpacked bundle with every environment variable of the connector taken from `user_config`.
 */
export function buildManifest({
  connector,
  packageJson,
  facts,
  longDescription,
  icon,
}: {
  connector: ConnectorDefinition;
  packageJson: ConnectorPackageJson;
  facts: EnvironmentFacts[];
  longDescription?: string;
  /** Path of a PNG icon inside the bundle. */
  icon?: string;
}): BundleManifest {
  const documentation = `${repositoryWebUrl({ packageJson })}#readme`;
  const writesNote = ` Registered only when ${connector.allowWritesVariable} is true.`;
  return {
    manifest_version: manifestVersion,
    name: `connectormcp-${connector.name}`,
    display_name: `ConnectorMCP ${connector.title}`,
    version: packageJson.version,
    description: packageJson.description,
    ...(longDescription ? { long_description: longDescription } : {}),
    author: { name: 'ConnectorMCP', url: 'https://github.com/connectormcp' },
    repository: { type: 'git', url: `${projectUrl}.git` },
    homepage: documentation,
    documentation,
    support: `${projectUrl}/issues`,
    ...(icon ? { icon } : {}),
    server: {
      type: 'node',
      entry_point: bundleEntryPoint,
      mcp_config: {
        command: 'node',
        args: [`\${__dirname}/${bundleEntryPoint}`],
        env: Object.fromEntries(facts.map(({ name }) => [name, `\${user_config.${name}}`])),
      },
    },
    tools: connector.tools.map((tool) => ({
      name: tool.name,
      description: tool.writes ? `${tool.description}${writesNote}` : tool.description,
    })),
    tools_generated: false,
    keywords: packageJson.keywords ?? [],
    license: packageJson.license ?? 'MIT',
    ...(privacyPolicies[connector.name] ? { privacy_policies: privacyPolicies[connector.name] } : {}),
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: '>=22.0.0' },
    },
    user_config: Object.fromEntries(facts.map((fact) => [fact.name, userConfigOption({ facts: fact })])),
  };
}
