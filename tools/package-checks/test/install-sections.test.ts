import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  describeEnvironment,
  installInstructions,
  installSectionEnd,
  installSectionStart,
  replaceInstallSection,
  type DistributedConnector,
} from '@connectormcp/connector-kit';
import prettier from 'prettier';

// The install sections of the connector READMEs, checked against the built connectors: current, well
// formed, and carrying placeholders only, never a value.
const root = new URL('../../..', import.meta.url).pathname;
const connectorsDirectory = join(root, 'libs/connectors');

interface LoadedConnector {
  directory: string;
  connector: DistributedConnector;
  readme: string;
}

async function loadConnectors(): Promise<LoadedConnector[]> {
  const directories = readdirSync(connectorsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(connectorsDirectory, entry.name, 'package.json')))
    .map((entry) => join(connectorsDirectory, entry.name));
  return Promise.all(
    directories.map(async (directory) => {
      const module = (await import(pathToFileURL(join(directory, 'dist/index.js')).href)) as Record<string, unknown>;
      const connector = Object.entries(module).find(([name]) =>
        name.endsWith('Connector'),
      )?.[1] as DistributedConnector;
      return { directory, connector, readme: readFileSync(join(directory, 'README.md'), 'utf8') };
    }),
  );
}

function sectionOf({ readme }: { readme: string }): string {
  return readme.slice(
    readme.indexOf(installSectionStart),
    readme.indexOf(installSectionEnd) + installSectionEnd.length,
  );
}

function decodeBase64Json({ value }: { value: string }): unknown {
  return JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
}

// Shapes of real credentials: AWS keys, Shopify and Atlassian tokens, GitHub tokens, a password in a URL.
const secretShapes = [
  /AKIA[0-9A-Z]{16}/,
  /shp(?:at|ca|pa|ss)_[0-9a-f]{8,}/i,
  /ATATT[0-9A-Za-z_-]{8,}/,
  /gh[pousr]_[0-9A-Za-z]{20,}/,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@<>]+:[^\s/@<>]+@/i,
];

const connectors = await loadConnectors();

describe.each(connectors.map((loaded) => [loaded.connector.name, loaded] as const))('%s README', (_name, loaded) => {
  const { connector, readme } = loaded;
  const install = installInstructions({ connector });
  const entry = install.jsonConfig.mcpServers[connector.name]!;
  const facts = describeEnvironment({ spec: connector.environment });
  const section = sectionOf({ readme });

  it('has an install section that npm run docs:install would leave unchanged, and prettier too', async () => {
    expect(readme).toContain(installSectionStart);
    expect(replaceInstallSection({ readme, connector })).toBe(readme);
    const options = await prettier.resolveConfig(join(loaded.directory, 'README.md'));
    expect(await prettier.format(readme, { ...options, parser: 'markdown' })).toBe(readme);
  });

  it('links only URLs that parse, the four install links among them', () => {
    const targets = [...section.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(targets).toEqual(
      expect.arrayContaining([
        install.vscodeWebUrl,
        install.vscodeInsidersWebUrl,
        install.cursorWebUrl,
        install.claudeDesktopBundleUrl,
      ]),
    );
    const anchors = targets.filter((target) => target.startsWith('#'));
    for (const anchor of anchors) {
      const headings = [...readme.matchAll(/^#+ (.+)$/gm)].map((match) => match[1]!.toLowerCase().replaceAll(' ', '-'));
      expect(headings).toContain(anchor.slice(1));
    }
    const urls = targets.filter((target) => !anchors.includes(target));
    for (const url of [...urls, install.vscodeUrl, install.vscodeInsidersUrl, install.cursorUrl]) {
      expect(() => new URL(url)).not.toThrow();
    }
  });

  it('gives VS Code the JSON config with an input for each value, secrets as passwords', () => {
    for (const url of [install.vscodeUrl, install.vscodeInsidersUrl]) {
      const { name, inputs, ...config } = JSON.parse(decodeURIComponent(new URL(url).search.slice(1)));
      expect(name).toBe(connector.name);
      const byId = new Map<string, { password?: boolean }>(inputs.map((input: { id: string }) => [input.id, input]));
      const substituted = Object.fromEntries(
        Object.entries(config.env as Record<string, string>).map(([variable, value]) => {
          const id = /^\$\{input:([a-z0-9_]+)\}$/.exec(value)?.[1];
          expect(byId.has(id!)).toBe(true);
          expect(byId.get(id!)!.password ?? false).toBe(facts.find((fact) => fact.name === variable)!.isSecret);
          return [variable, entry.env![variable]];
        }),
      );
      expect({ ...config, env: substituted }).toEqual(entry);
    }
    for (const url of [install.vscodeWebUrl, install.vscodeInsidersWebUrl]) {
      const query = new URL(url).searchParams;
      const direct = JSON.parse(decodeURIComponent(new URL(install.vscodeUrl).search.slice(1)));
      expect({
        name: query.get('name'),
        inputs: JSON.parse(query.get('inputs')!),
        ...JSON.parse(query.get('config')!),
      }).toEqual(direct);
    }
  });

  it('gives Cursor exactly the JSON config entry, and shows that config in the README', () => {
    for (const url of [install.cursorUrl, install.cursorWebUrl]) {
      const query = new URL(url).searchParams;
      expect(query.get('name')).toBe(connector.name);
      expect(decodeBase64Json({ value: query.get('config')! })).toEqual(entry);
    }
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(JSON.parse(json!)).toEqual(install.jsonConfig);
    expect(entry).toMatchObject({ command: 'npx', args: ['-y', connector.packageName] });
  });

  it('sets every required variable, leaves optional ones to their defaults, and names each variable', () => {
    const env = entry.env ?? {};
    for (const variable of facts) {
      expect(section).toMatch(new RegExp(`\\b${variable.name}\\b`));
      if (variable.isRequired) {
        expect(env[variable.name]).toBe(`<your ${variable.name}>`);
        expect(install.claudeCode).toContain(`--env '${variable.name}=<your ${variable.name}>'`);
      }
      if (!variable.isRequired && !connector.environment[variable.name]!.askAtInstall) {
        expect(env).not.toHaveProperty(variable.name);
        expect(install.claudeCode).not.toContain(`${variable.name}=`);
      }
    }
    expect(install.claudeCode).toMatch(
      new RegExp(`^claude mcp add ${connector.name} (--env '\\w+=<your \\w+>' )*-- npx -y ${connector.packageName}$`),
    );
  });

  it('carries placeholders only: no value, nothing shaped like a credential', () => {
    for (const value of Object.values(entry.env ?? {})) expect(value).toMatch(/^<your [A-Z0-9_]+>$/);
    const decoded = [
      decodeURIComponent(new URL(install.vscodeUrl).search.slice(1)),
      JSON.stringify(decodeBase64Json({ value: new URL(install.cursorUrl).searchParams.get('config')! })),
      section.replace(/\]\([^)]*\)/g, ']()'),
      install.claudeCode,
    ];
    for (const text of decoded) {
      for (const shape of secretShapes) expect(text).not.toMatch(shape);
    }
    for (const { placeholder } of facts) {
      for (const shape of secretShapes) expect(placeholder ?? '').not.toMatch(shape);
    }
  });
});

it('checks every connector', () => {
  expect(connectors.map(({ connector }) => connector.name).sort()).toEqual(['jira', 'mysql', 's3', 'shopify']);
});
