import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commonEnvironment,
  environmentString,
  type ConnectorDefinition,
  type EnvironmentSpec,
} from '@connectormcp/connector-kit';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { repositoryRoot } from '../src/repository-root.ts';
import { buildServerJson } from '../src/server-json/build-server-json.ts';
import { loadPublishableConnectors } from '../src/server-json/load-publishable-connectors.ts';
import { releaseServerJson } from '../src/server-json/release-server-json.ts';
import { publisherMetaKey, type ServerJson } from '../src/server-json/server-json.ts';
import { validateServerJson } from '../src/server-json/validate-server-json.ts';

const connectors = await loadPublishableConnectors({ root: repositoryRoot });

function readJson(file: string): ServerJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ServerJson;
}

async function servedToolNames({ bin, env }: { bin: string; env: Record<string, string> }): Promise<string[]> {
  const connection = await spawnStdioClient({ args: [bin], env });
  try {
    const { tools } = await connection.client.listTools();
    return tools.map((tool) => tool.name).sort();
  } finally {
    await connection.close();
  }
}

test('every connector of libs/connectors is published with a server.json', () => {
  expect(connectors.map((connector) => connector.name).sort()).toEqual(['jira', 'mysql', 's3', 'shopify']);
});

describe.each(connectors.map((entry) => [entry.name, entry] as const))('%s server.json', (_name, entry) => {
  const { directory, packageJson, connector } = entry;
  const committed = readJson(join(directory, 'server.json'));
  const npmPackage = committed.packages.find((candidate) => candidate.registryType === 'npm');
  const variables = npmPackage?.environmentVariables ?? [];

  test('is valid against the registry schema 2025-12-11', () => {
    expect(validateServerJson({ serverJson: committed })).toEqual([]);
  });

  test('is what the generator makes of the built connector (else run npm run registry:write)', () => {
    expect(committed).toEqual(buildServerJson({ connector, packageJson }));
  });

  test('names the package and its version as package.json does', () => {
    expect(committed.name).toBe(packageJson.mcpName);
    expect(committed.name).toBe(`io.github.connectormcp/${connector.name}`);
    expect(committed.version).toBe(packageJson.version);
    expect(committed.packages).toHaveLength(1);
    expect(npmPackage).toMatchObject({
      registryType: 'npm',
      registryBaseUrl: 'https://registry.npmjs.org',
      identifier: packageJson.name,
      version: packageJson.version,
      transport: { type: 'stdio' },
    });
    expect(committed.description.length).toBeLessThanOrEqual(100);
  });

  test("lists every variable of the connector's spec and the kit's stdio variables, and no other", () => {
    const httpOnly = Object.entries(commonEnvironment).filter(([name]) => name.startsWith('MCP_HTTP_'));
    // Only what concerns the HTTP transport is left out of a stdio package.
    for (const [, variable] of httpOnly) expect(variable.description).toMatch(/^With --http/);
    const expected = [
      ...Object.keys(connector.environment),
      ...Object.keys(commonEnvironment).filter((name) => !httpOnly.some(([httpName]) => httpName === name)),
    ];
    expect(variables.map((variable) => variable.name)).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
  });

  test('marks exactly the secret variables secret and keeps their values out', () => {
    const spec: EnvironmentSpec = { ...connector.environment, ...commonEnvironment };
    const secrets = Object.entries(spec)
      .filter(([, variable]) => variable.secret)
      .map(([name]) => name);
    for (const variable of variables) {
      expect({ name: variable.name, isSecret: variable.isSecret }).toEqual({
        name: variable.name,
        isSecret: secrets.includes(variable.name),
      });
      if (variable.isSecret) expect(variable.default).toBeUndefined();
    }
  });

  test('gives each variable the format and default its schema really parses', () => {
    // Probed through the built connector's own schemas, so the facts cannot be lost between the bundled
    // kit that made a schema and the kit that describes it.
    const spec: EnvironmentSpec = { ...connector.environment, ...commonEnvironment };
    for (const variable of variables) {
      const schema = spec[variable.name]!.schema;
      const parses = (value: string | undefined) => schema.safeParse(value);
      const number = ['1', '100', '5000', '70000'].some((value) => typeof parses(value).data === 'number');
      const boolean = typeof parses('true').data === 'boolean';
      const parsedDefault = parses(undefined).data as unknown;
      expect({ name: variable.name, format: variable.format }).toEqual({
        name: variable.name,
        format: number ? 'number' : boolean ? 'boolean' : variable.format === 'filepath' ? 'filepath' : 'string',
      });
      expect({ name: variable.name, default: variable.default }).toEqual({
        name: variable.name,
        default: ['string', 'number', 'boolean'].includes(typeof parsedDefault) ? String(parsedDefault) : undefined,
      });
      for (const choice of variable.choices ?? []) expect(parses(choice).data).toBe(choice);
      if (variable.choices) expect(parses('not-a-choice').success).toBe(false);
    }
    expect(variables.find((variable) => variable.name === 'LOG_LEVEL')?.choices).toEqual(
      expect.arrayContaining(['debug', 'info', 'warn', 'error']),
    );
  });

  test('lists the tools the built bin serves, read-only by default and with writes enabled', async () => {
    const meta = committed._meta[publisherMetaKey];
    const bin = join(directory, Object.values(packageJson.bin)[0] ?? '');
    expect(await servedToolNames({ bin, env: {} })).toEqual([...meta.tools].sort());
    expect(await servedToolNames({ bin, env: { [meta.writeToolsVariable]: 'true' } })).toEqual(
      [...meta.tools, ...meta.writeTools].sort(),
    );
    expect(meta.writeToolsVariable).toBe(connector.allowWritesVariable);
    // The official registry refuses publisher-provided metadata over 4 KB.
    expect(Buffer.byteLength(JSON.stringify(meta))).toBeLessThanOrEqual(4096);
  });
});

test('a variable added to a spec without regenerating makes the committed file out of date', () => {
  const [{ directory, packageJson, connector }] = connectors as [(typeof connectors)[number]];
  const committed = readJson(join(directory, 'server.json'));
  const grown: ConnectorDefinition = {
    ...connector,
    environment: { ...connector.environment, NEW_SETTING: { description: 'Added.', schema: environmentString() } },
  };
  const generated = buildServerJson({ connector: grown, packageJson });
  expect(generated).not.toEqual(committed);
  expect(generated.packages[0]?.environmentVariables?.map((variable) => variable.name)).toContain('NEW_SETTING');
});

test('a version bump without regenerating makes the committed file out of date', () => {
  const [{ directory, packageJson, connector }] = connectors as [(typeof connectors)[number]];
  const committed = readJson(join(directory, 'server.json'));
  expect(buildServerJson({ connector, packageJson: { ...packageJson, version: '9.9.9' } })).not.toEqual(committed);
});

test('the schema check rejects what the registry rejects', () => {
  const [{ directory }] = connectors as [(typeof connectors)[number]];
  const committed = readJson(join(directory, 'server.json'));
  expect(validateServerJson({ serverJson: { ...committed, description: 'x'.repeat(101) } })).toEqual([
    '/description must NOT have more than 100 characters',
  ]);
  const { packages } = releaseServerJson({
    serverJson: committed,
    connector: connectors[0]!.connector,
    bundleSha256: 'ab'.repeat(32),
  });
  const withBadSha = { ...committed, packages: [{ ...packages[1], fileSha256: 'not a sha' }] };
  expect(validateServerJson({ serverJson: withBadSha })).toEqual([
    '/packages/0/fileSha256 must match pattern "^[a-f0-9]{64}$"',
  ]);
});
