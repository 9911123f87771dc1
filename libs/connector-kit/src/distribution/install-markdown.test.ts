import { environmentBoolean, environmentString } from '../config/environment-schemas.js';
import { defineEnvironment } from '../config/environment-spec.js';
import { installInstructions } from './install-instructions.js';
import { installMarkdown, installSectionEnd, installSectionStart, replaceInstallSection } from './install-markdown.js';

const connector = {
  name: 'demo',
  packageName: '@connectormcp/demo',
  version: '1.0.0',
  environment: defineEnvironment({
    DEMO_SITE: { description: 'Site.', schema: environmentString(), required: true },
    DEMO_KEY: { description: 'Key.', schema: environmentString(), secret: true, askAtInstall: true },
    DEMO_ALLOW_WRITES: { description: 'Writes.', schema: environmentBoolean() },
  }),
};

describe('installMarkdown', () => {
  const markdown = installMarkdown({ connector });
  const install = installInstructions({ connector });

  it('links every host, shows the Claude Code command and the JSON config, and names every variable', () => {
    for (const url of [
      install.vscodeWebUrl,
      install.vscodeInsidersWebUrl,
      install.cursorWebUrl,
      install.claudeDesktopBundleUrl,
    ]) {
      expect(markdown).toContain(`](${url})`);
    }
    expect(markdown).toContain(
      "```sh\nclaude mcp add demo \\\n  --env 'DEMO_SITE=<your DEMO_SITE>' \\\n  --env 'DEMO_KEY=<your DEMO_KEY>' \\\n  -- npx -y @connectormcp/demo\n```",
    );
    const json = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(JSON.parse(json!)).toEqual(install.jsonConfig);
    expect(markdown).toContain('keeping secrets (`DEMO_KEY`)');
    expect(markdown).toContain('Required: `DEMO_SITE`.');
    expect(markdown).toContain('Optional, added the same way: `DEMO_ALLOW_WRITES`');
  });

  it('rewrites only what lies between the markers, and is stable', () => {
    const readme = `# Demo\n\nIntro.\n\n${installSectionStart}\nold\n${installSectionEnd}\n\nCheck it first.\n`;
    const written = replaceInstallSection({ readme, connector });
    expect(written.startsWith('# Demo\n\nIntro.\n\n<!-- install:start -->')).toBe(true);
    expect(written.endsWith('<!-- install:end -->\n\nCheck it first.\n')).toBe(true);
    expect(written).toContain(markdown);
    expect(replaceInstallSection({ readme: written, connector })).toBe(written);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceInstallSection({ readme: '# Demo\n', connector })).toThrow(/has no <!-- install:start -->/);
  });
});
