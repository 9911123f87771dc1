import type { EnvironmentSpec } from '../config/environment-spec.js';
import type { ConnectorDefinition } from '../connector/define-connector.js';

function variableLines({ spec }: { spec: EnvironmentSpec }): string[] {
  const width = Math.max(...Object.keys(spec).map((name) => name.length));
  return Object.entries(spec).map(
    ([name, variable]) => `  ${name.padEnd(width)}  ${variable.description}${variable.secret ? ' (secret)' : ''}`,
  );
}

export function formatHelp({
  connector,
  binName,
  commonEnvironment,
}: {
  connector: ConnectorDefinition<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  binName: string;
  commonEnvironment: EnvironmentSpec;
}): string {
  return [
    `${binName} ${connector.version}: ConnectorMCP ${connector.title} MCP server (${connector.packageName})`,
    '',
    'Usage:',
    `  ${binName}                      serve MCP over stdio (what Claude Desktop and most hosts use)`,
    `  ${binName} --http [--port N] [--host H]`,
    '                                 serve MCP over Streamable HTTP at /mcp (default 127.0.0.1:3333)',
    `  ${binName} --check              validate the configuration and connectivity, exit 0 or 1`,
    `  ${binName} --version | --help`,
    '',
    'Configuration comes from environment variables only (never arguments, which other users can see):',
    ...variableLines({ spec: connector.environment }),
    '',
    'Common to every ConnectorMCP connector:',
    ...variableLines({ spec: commonEnvironment }),
    '',
    `Tools: ${connector.tools.map((tool) => `${tool.name}${tool.writes ? ` (with ${connector.allowWritesVariable}=true)` : ''}`).join(', ')}`,
    '',
  ].join('\n');
}
