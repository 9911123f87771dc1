import { bundleDownloadUrl } from './bundle-download-url.js';
import type { DistributedConnector } from './distributed-connector.js';
import { installVariables, type InstallVariable } from './install-variables.js';

/** A stdio server as Claude Desktop, Cursor and most hosts configure it. */
export interface McpServerEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** A VS Code input: asked for once, secrets kept in VS Code's secret storage. */
export interface VscodeInput {
  type: 'promptString';
  id: string;
  description: string;
  password?: boolean;
}

export interface InstallInstructions {
  /** The server's key in host configs. */
  serverName: string;
  /** `claude mcp add <name> --env K=<value> … -- npx -y <package>`. */
  claudeCode: string;
  /** `vscode:mcp/install?…`: opens VS Code's install dialog (a browser or `xdg-open` hands it over). */
  vscodeUrl: string;
  vscodeInsidersUrl: string;
  /** The https redirect to the same, for places that link only to https, such as GitHub's Markdown. */
  vscodeWebUrl: string;
  vscodeInsidersWebUrl: string;
  /** `cursor://anysphere.cursor-deeplink/mcp/install?…`. */
  cursorUrl: string;
  /** The https page that opens the same deeplink. */
  cursorWebUrl: string;
  /** The MCP Bundle Claude Desktop installs with one click. */
  claudeDesktopBundleUrl: string;
  /** `claude_desktop_config.json` (and Cursor's `mcp.json`) with placeholders to replace. */
  jsonConfig: { mcpServers: Record<string, McpServerEntry> };
}

// Also escapes ( ) ! ' *, which encodeURIComponent leaves: a Markdown link ends at an unescaped parenthesis.
function encodeQueryValue({ value }: { value: string }): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function shellWord({ value }: { value: string }): string {
  return /^[\w./:@=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function base64OfJson({ value }: { value: unknown }): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes));
}

function vscodeInputOf({ variable }: { variable: InstallVariable }): VscodeInput {
  const example = variable.placeholder ? ` Example: ${variable.placeholder}` : '';
  return {
    type: 'promptString',
    id: variable.inputId,
    description: `${variable.name}: ${variable.description}${example}`,
    ...(variable.isSecret ? { password: true } : {}),
  };
}

/** The words of the Claude Code command, for callers that break it over lines. */
export function claudeCodeWords({ connector }: { connector: DistributedConnector }): string[] {
  return [
    `claude mcp add ${connector.name}`,
    // The server name comes first: --env takes several values and would swallow a name that followed it.
    ...installVariables({ connector }).map(
      (variable) => `--env ${shellWord({ value: `${variable.name}=${variable.placeholderValue}` })}`,
    ),
    `-- npx -y ${connector.packageName}`,
  ];
}

/**
 * Every way to install the connector, from its environment spec: the required and usual variables set
 * to placeholders (required first, then secrets), optional ones left to their defaults. VS Code asks for
 * each value through an input, secrets as passwords, so no link ever carries a value.
 */
export function installInstructions({ connector }: { connector: DistributedConnector }): InstallInstructions {
  const variables = installVariables({ connector });
  const serverName = connector.name;
  const command = { command: 'npx', args: ['-y', connector.packageName] };
  const env = Object.fromEntries(variables.map((variable) => [variable.name, variable.placeholderValue]));
  const entry: McpServerEntry = { ...command, ...(variables.length > 0 ? { env } : {}) };

  const inputs = variables.map((variable) => vscodeInputOf({ variable }));
  const vscodeEnv = Object.fromEntries(variables.map((variable) => [variable.name, `\${input:${variable.inputId}}`]));
  const vscodeConfig = { ...command, ...(variables.length > 0 ? { env: vscodeEnv } : {}) };
  const vscodeLink = encodeQueryValue({
    value: JSON.stringify({ name: serverName, ...vscodeConfig, ...(inputs.length > 0 ? { inputs } : {}) }),
  });
  const redirectQuery = [
    `name=${encodeQueryValue({ value: serverName })}`,
    ...(inputs.length > 0 ? [`inputs=${encodeQueryValue({ value: JSON.stringify(inputs) })}`] : []),
    `config=${encodeQueryValue({ value: JSON.stringify(vscodeConfig) })}`,
  ].join('&');

  const cursorConfig = encodeQueryValue({ value: base64OfJson({ value: entry }) });
  const cursorQuery = `name=${encodeQueryValue({ value: serverName })}&config=${cursorConfig}`;

  return {
    serverName,
    claudeCode: claudeCodeWords({ connector }).join(' '),
    vscodeUrl: `vscode:mcp/install?${vscodeLink}`,
    vscodeInsidersUrl: `vscode-insiders:mcp/install?${vscodeLink}`,
    vscodeWebUrl: `https://vscode.dev/redirect/mcp/install?${redirectQuery}`,
    vscodeInsidersWebUrl: `https://insiders.vscode.dev/redirect/mcp/install?${redirectQuery}&quality=insiders`,
    cursorUrl: `cursor://anysphere.cursor-deeplink/mcp/install?${cursorQuery}`,
    cursorWebUrl: `https://cursor.com/en/install-mcp?${cursorQuery}`,
    claudeDesktopBundleUrl: bundleDownloadUrl({ connector }),
    jsonConfig: { mcpServers: { [serverName]: entry } },
  };
}
