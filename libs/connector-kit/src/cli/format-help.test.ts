import { environmentBoolean, environmentString } from '../config/environment-schemas.js';
import { defineEnvironment } from '../config/environment-spec.js';
import { installInstructions } from '../distribution/install-instructions.js';
import { formatHelp } from './format-help.js';

const connector = {
  name: 'demo',
  packageName: '@connectormcp/demo',
  title: 'Demo',
  version: '1.0.0',
  environment: defineEnvironment({
    DEMO_SITE: { description: 'Site.', schema: environmentString(), required: true },
    DEMO_KEY: { description: 'Key.', schema: environmentString(), secret: true, askAtInstall: true },
    DEMO_ALLOW_WRITES: { description: 'Writes.', schema: environmentBoolean() },
  }),
  allowWritesVariable: 'DEMO_ALLOW_WRITES',
  tools: [],
} as unknown as Parameters<typeof formatHelp>[0]['connector'];

describe('formatHelp', () => {
  const help = formatHelp({ connector, binName: 'connectormcp-demo', commonEnvironment: {} });
  const install = installInstructions({ connector });

  it('ends with an Install section: Claude Code, each link on its own line, the bundle and the JSON config', () => {
    const section = help.slice(help.indexOf('Install ('));
    expect(section).toContain(
      [
        '    claude mcp add demo \\',
        "      --env 'DEMO_SITE=<your DEMO_SITE>' \\",
        "      --env 'DEMO_KEY=<your DEMO_KEY>' \\",
        '      -- npx -y @connectormcp/demo',
      ].join('\n'),
    );
    const lines = section.split('\n').map((line) => line.trim());
    for (const url of [
      install.vscodeWebUrl,
      install.vscodeInsidersWebUrl,
      install.cursorWebUrl,
      install.claudeDesktopBundleUrl,
    ]) {
      expect(lines).toContain(url);
    }
    const json = section.slice(section.indexOf('{'), section.lastIndexOf('}') + 1);
    expect(JSON.parse(json)).toEqual(install.jsonConfig);
  });

  it('keeps every line but the links and the command short enough to read', () => {
    const long = help.split('\n').filter((line) => line.length > 120 && !line.trim().startsWith('https://'));
    expect(long.filter((line) => !line.includes('  DEMO_') && !line.startsWith('Configuration'))).toEqual([]);
  });
});
