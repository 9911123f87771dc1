import type { EnvironmentSpec } from '../config/environment-spec.js';
import type { ConnectorDefinition } from '../connector/define-connector.js';
import type { DistributedConnector } from '../distribution/distributed-connector.js';
import { formatConfigJson } from '../distribution/format-config-json.js';
import { claudeCodeWords, installInstructions } from '../distribution/install-instructions.js';

function variableLines({ spec }: { spec: EnvironmentSpec }): string[] {
  const width = Math.max(...Object.keys(spec).map((name) => name.length));
  return Object.entries(spec).map(
    ([name, variable]) => `  ${name.padEnd(width)}  ${variable.description}${variable.secret ? ' (secret)' : ''}`,
  );
}

// Links are long: each gets a line of its own, so a terminal can still pick it up with a click.
function installLines({ connector }: { connector: DistributedConnector }): string[] {
  const install = installInstructions({ connector });
  const json = formatConfigJson({ value: install.jsonConfig }).split('\n');
  return [
    'Install (replace each <your …> with your value; the variables above can be added the same way):',
    '  Claude Code:',
    ...claudeCodeWords({ connector }).map(
      (word, index, words) => `${index === 0 ? '    ' : '      '}${word}${index < words.length - 1 ? ' \\' : ''}`,
    ),
    '  VS Code (asks for each value, secrets as passwords):',
    `    ${install.vscodeWebUrl}`,
    '  VS Code Insiders:',
    `    ${install.vscodeInsidersWebUrl}`,
    '  Cursor:',
    `    ${install.cursorWebUrl}`,
    '  Claude Desktop (MCP Bundle: open the downloaded file; secrets go to the OS keychain):',
    `    ${install.claudeDesktopBundleUrl}`,
    "  JSON config (Claude Desktop's claude_desktop_config.json, Cursor's mcp.json):",
    ...json.map((line) => `    ${line}`),
  ];
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
    `  ${binName} --describe-config    print the configuration variables as JSON (no settings needed)`,
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
    ...installLines({ connector }),
    '',
  ].join('\n');
}
