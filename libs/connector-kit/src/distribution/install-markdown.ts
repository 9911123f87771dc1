import { describeEnvironment } from '../config/describe-environment.js';
import { bundleFileName } from './bundle-file-name.js';
import { formatConfigJson } from './format-config-json.js';
import type { DistributedConnector } from './distributed-connector.js';
import { claudeCodeWords, installInstructions } from './install-instructions.js';
import { installVariables } from './install-variables.js';

export const installSectionStart = '<!-- install:start -->';
export const installSectionEnd = '<!-- install:end -->';

const code = (text: string) => `\`${text}\``;
const codeList = (names: string[]) => names.map(code).join(', ');

/**
 * A README's install section, markers included: badges for VS Code, VS Code Insiders, Cursor and the
 * Claude Desktop bundle, the Claude Code command, and the JSON config, all from installInstructions.
 */
export function installMarkdown({ connector }: { connector: DistributedConnector }): string {
  const install = installInstructions({ connector });
  const facts = describeEnvironment({ spec: connector.environment });
  const asked = new Set(installVariables({ connector }).map((variable) => variable.name));
  const secrets = facts.filter((variable) => variable.isSecret).map((variable) => variable.name);
  const required = facts.filter((variable) => variable.isRequired).map((variable) => variable.name);
  const optional = facts.filter((variable) => !asked.has(variable.name)).map((variable) => variable.name);
  return [
    installSectionStart,
    "<!-- Written by `npm run docs:install` from the connector's environment spec: edit the spec, not this section. -->",
    '',
    '## Install',
    '',
    `[![Install in VS Code](https://img.shields.io/badge/VS_Code-Install_Server-0098FF?style=flat-square&logo=visualstudiocode&logoColor=white)](${install.vscodeWebUrl})`,
    `[![Install in VS Code Insiders](https://img.shields.io/badge/VS_Code_Insiders-Install_Server-24bfa5?style=flat-square&logo=visualstudiocode&logoColor=white)](${install.vscodeInsidersWebUrl})`,
    `[![Install in Cursor](https://cursor.com/deeplink/mcp-install-dark.svg)](${install.cursorWebUrl})`,
    `[![Download for Claude Desktop](https://img.shields.io/badge/Claude_Desktop-Download_.mcpb-D97757?style=flat-square&logo=anthropic&logoColor=white)](${install.claudeDesktopBundleUrl})`,
    '',
    '**Claude Code**:',
    '',
    '```sh',
    ...claudeCodeWords({ connector }).map(
      (word, index, words) => `${index === 0 ? '' : '  '}${word}${index < words.length - 1 ? ' \\' : ''}`,
    ),
    '```',
    '',
    `**Claude Desktop**: download [${code(bundleFileName({ connector }))}](${install.claudeDesktopBundleUrl}) and open it.`,
    'Claude Desktop installs the bundle with one click and asks for the settings in a form' +
      (secrets.length > 0 ? `, keeping secrets (${codeList(secrets)}) in the operating system's keychain` : '') +
      '; the server runs from the bundle, with no `npx` and no download at start.',
    '',
    '**VS Code** asks for each value when the server first starts (secrets as passwords, kept in its secret storage,',
    'never in the link). **Cursor** adds the configuration below: replace the placeholders in its `mcp.json`.',
    '',
    "**JSON config** for Claude Desktop's `claude_desktop_config.json`, Cursor's `mcp.json` and most other hosts:",
    '',
    '```json',
    formatConfigJson({ value: install.jsonConfig }),
    '```',
    '',
    [
      'Replace each `<your …>` with your value.',
      ...(required.length > 0 ? [`Required: ${codeList(required)}.`] : []),
      ...(optional.length > 0
        ? [`Optional, added the same way: ${codeList(optional)} (see [Environment variables](#environment-variables)).`]
        : []),
    ].join(' '),
    installSectionEnd,
  ].join('\n');
}

/** The README with its install section rewritten; throws when the markers are missing. */
export function replaceInstallSection({
  readme,
  connector,
}: {
  readme: string;
  connector: DistributedConnector;
}): string {
  const start = readme.indexOf(installSectionStart);
  const end = readme.indexOf(installSectionEnd);
  if (start < 0 || end < start) {
    throw new Error(
      `The README of ${connector.packageName} has no ${installSectionStart} … ${installSectionEnd} section`,
    );
  }
  return readme.slice(0, start) + installMarkdown({ connector }) + readme.slice(end + installSectionEnd.length);
}
