import { environmentBoolean, environmentInteger, environmentString } from '../config/environment-schemas.js';
import { defineEnvironment } from '../config/environment-spec.js';
import { bundleDownloadUrl } from './bundle-download-url.js';
import { bundleFileName } from './bundle-file-name.js';
import { installInstructions } from './install-instructions.js';
import { registryName } from './registry-name.js';

const connector = {
  name: 'demo',
  packageName: '@connectormcp/demo',
  version: '1.2.3',
  environment: defineEnvironment({
    DEMO_HOST: { description: 'Host.', schema: environmentString(), askAtInstall: true, placeholder: 'db.example.com' },
    DEMO_PASSWORD: {
      description: "Password, with a ' quote.",
      schema: environmentString(),
      secret: true,
      askAtInstall: true,
    },
    DEMO_SITE: { description: 'Site.', schema: environmentString(), required: true },
    DEMO_TOKEN: { description: 'Alternative token.', schema: environmentString(), secret: true },
    DEMO_ROWS: { description: 'Rows.', schema: environmentInteger({ default: 5 }) },
    DEMO_ALLOW_WRITES: { description: 'Writes.', schema: environmentBoolean() },
  }),
};

const serverEntry = {
  command: 'npx',
  args: ['-y', '@connectormcp/demo'],
  env: {
    DEMO_SITE: '<your DEMO_SITE>',
    DEMO_HOST: '<your DEMO_HOST>',
    DEMO_PASSWORD: '<your DEMO_PASSWORD>',
  },
};

function decodeBase64Json({ value }: { value: string }): unknown {
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(value), (character) => character.charCodeAt(0))));
}

describe('names and the bundle URL', () => {
  it('follow the registry and release conventions', () => {
    expect(registryName({ connector })).toBe('io.github.connectormcp/demo');
    expect(bundleFileName({ connector })).toBe('connectormcp-demo-1.2.3.mcpb');
    expect(bundleDownloadUrl({ connector })).toBe(
      'https://github.com/connectormcp/connectormcp/releases/download/%40connectormcp%2Fdemo%401.2.3/connectormcp-demo-1.2.3.mcpb',
    );
  });
});

describe('installInstructions', () => {
  const instructions = installInstructions({ connector });

  it('sets the required and usual variables to placeholders, required first, then in spec order, and nothing else', () => {
    expect(instructions.jsonConfig).toEqual({ mcpServers: { demo: serverEntry } });
    expect(Object.keys(instructions.jsonConfig.mcpServers.demo!.env!)).toEqual([
      'DEMO_SITE',
      'DEMO_HOST',
      'DEMO_PASSWORD',
    ]);
  });

  it('writes the Claude Code command with the name before the variables and each value quoted', () => {
    expect(instructions.claudeCode).toBe(
      "claude mcp add demo --env 'DEMO_SITE=<your DEMO_SITE>' --env 'DEMO_HOST=<your DEMO_HOST>' --env 'DEMO_PASSWORD=<your DEMO_PASSWORD>' -- npx -y @connectormcp/demo",
    );
  });

  it('links VS Code to a config whose inputs ask for every value, secrets as passwords', () => {
    for (const [url, scheme] of [
      [instructions.vscodeUrl, 'vscode:'],
      [instructions.vscodeInsidersUrl, 'vscode-insiders:'],
    ] as const) {
      const parsed = new URL(url);
      expect(parsed.protocol).toBe(scheme);
      expect(parsed.pathname).toBe('mcp/install');
      // VS Code's handler reads the query with decodeURIComponent, as written here.
      const { name, inputs, ...config } = JSON.parse(decodeURIComponent(parsed.search.slice(1)));
      expect(name).toBe('demo');
      expect(inputs).toEqual([
        { type: 'promptString', id: 'demo_site', description: 'DEMO_SITE: Site.' },
        { type: 'promptString', id: 'demo_host', description: 'DEMO_HOST: Host. Example: db.example.com' },
        {
          type: 'promptString',
          id: 'demo_password',
          description: "DEMO_PASSWORD: Password, with a ' quote.",
          password: true,
        },
      ]);
      expect(config).toEqual({
        ...serverEntry,
        env: {
          DEMO_SITE: '${input:demo_site}',
          DEMO_HOST: '${input:demo_host}',
          DEMO_PASSWORD: '${input:demo_password}',
        },
      });
    }
  });

  it('gives the https redirects the same name, inputs and config', () => {
    const direct = JSON.parse(decodeURIComponent(new URL(instructions.vscodeUrl).search.slice(1)));
    const stable = new URL(instructions.vscodeWebUrl);
    const insiders = new URL(instructions.vscodeInsidersWebUrl);
    expect(stable.origin + stable.pathname).toBe('https://vscode.dev/redirect/mcp/install');
    expect(insiders.origin + insiders.pathname).toBe('https://insiders.vscode.dev/redirect/mcp/install');
    expect(insiders.searchParams.get('quality')).toBe('insiders');
    for (const url of [stable, insiders]) {
      expect({
        name: url.searchParams.get('name'),
        inputs: JSON.parse(url.searchParams.get('inputs')!),
        ...JSON.parse(url.searchParams.get('config')!),
      }).toEqual(direct);
    }
  });

  it('links Cursor to the JSON config entry, base64-encoded', () => {
    const deeplink = new URL(instructions.cursorUrl);
    expect(deeplink.protocol).toBe('cursor:');
    expect(deeplink.host + deeplink.pathname).toBe('anysphere.cursor-deeplink/mcp/install');
    const web = new URL(instructions.cursorWebUrl);
    expect(web.origin + web.pathname).toBe('https://cursor.com/en/install-mcp');
    for (const url of [deeplink, web]) {
      expect(url.searchParams.get('name')).toBe('demo');
      expect(decodeBase64Json({ value: url.searchParams.get('config')! })).toEqual(serverEntry);
    }
  });

  it('escapes every character that would end a Markdown link or a shell word', () => {
    for (const url of [
      instructions.vscodeUrl,
      instructions.vscodeWebUrl,
      instructions.vscodeInsidersWebUrl,
      instructions.cursorUrl,
      instructions.cursorWebUrl,
    ]) {
      expect(url).not.toMatch(/[\s()'"!*<>]/);
    }
  });

  it('points Claude Desktop at the release bundle', () => {
    expect(instructions.claudeDesktopBundleUrl).toBe(bundleDownloadUrl({ connector }));
  });

  it('leaves env out when nothing needs setting', () => {
    const bare = installInstructions({ connector: { ...connector, environment: {} } });
    expect(bare.jsonConfig).toEqual({ mcpServers: { demo: { command: 'npx', args: ['-y', '@connectormcp/demo'] } } });
    expect(bare.claudeCode).toBe('claude mcp add demo -- npx -y @connectormcp/demo');
    expect(new URL(bare.vscodeWebUrl).searchParams.has('inputs')).toBe(false);
  });
});
