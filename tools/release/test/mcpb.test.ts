import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getMcpConfigForManifest, unpackExtension } from '@anthropic-ai/mcpb';
import { secretVariableNames } from '@connectormcp/connector-kit';
import { buildBundle } from '../src/mcpb/build-bundle.ts';
import type { BundleManifest } from '../src/mcpb/build-manifest.ts';
import { loadConnector, type LoadedConnector } from '../src/mcpb/load-connector.ts';
import { runMcpbCli } from '../src/mcpb/run-mcpb-cli.ts';
import { stdioCommonEnvironment } from '../src/server-json/stdio-common-environment.ts';
import { startBundleSandbox, type BundleSandbox } from './support/mcpb-sandboxes.ts';
import { packageImports } from './support/package-imports.ts';
import { spawnLaunchConfig } from './support/spawn-launch-config.ts';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const connectors = ['mysql', 's3', 'jira', 'shopify'];
// Largest archive accepted: the bin with the kit, the SDK, zod and the driver bundled in, without the HTTP
// transport, compressed (0.29 to 0.78 MB when this was written; MySQL is the largest, with its SQL parser).
const maximumBundleBytes = 1024 * 1024;
// Packages a bundle may name without shipping them, each loaded in a try/catch that does without it.
const optionalPackages: Record<string, string[]> = {
  // mysql2 colours the SQL of its debug output with cardinal when it happens to be installed.
  mysql: ['cardinal'],
};

interface BundleUnderTest {
  file: string;
  /** The sha256 the release reports: release/server.json's mcpb package, or buildBundle's result. */
  reportedSha256: string;
  /** Where the archive was unpacked, outside the repository. */
  extensionPath: string;
  manifest: BundleManifest;
}

async function reportedReleaseSha256({ releaseDirectory }: { releaseDirectory: string }): Promise<string> {
  const serverJson = JSON.parse(await readFile(join(releaseDirectory, 'server.json'), 'utf8')) as {
    packages?: Array<{ registryType: string; fileSha256?: string }>;
  };
  const entry = serverJson.packages?.find((item) => item.registryType === 'mcpb');
  if (!entry?.fileSha256) throw new Error(`${releaseDirectory}/server.json lists no mcpb package with its sha256`);
  return entry.fileSha256;
}

/**
 * The bundle `npm run release:dry` packed into the connector's release/ (Nx runs it before these tests);
 * without one (a plain jest run before the first release:dry), a bundle built here into a temp directory.
 */
async function obtainBundle({
  connectorDirectory,
  loaded,
  scratch,
}: {
  connectorDirectory: string;
  loaded: LoadedConnector;
  scratch: string;
}): Promise<{ file: string; reportedSha256: string }> {
  const releaseDirectory = join(connectorDirectory, 'release');
  const released = join(releaseDirectory, `connectormcp-${loaded.connector.name}-${loaded.packageJson.version}.mcpb`);
  if (await stat(released).catch(() => undefined)) {
    return { file: released, reportedSha256: await reportedReleaseSha256({ releaseDirectory }) };
  }
  const built = await buildBundle({ connectorDirectory, outputDirectory: join(scratch, 'release') });
  return { file: built.file, reportedSha256: built.sha256 };
}

async function listFiles({ directory }: { directory: string }): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The launch command Claude Desktop derives from the manifest and the user's settings (mcpb's own function). */
function launchConfig({
  bundle,
  userConfig,
  home,
}: {
  bundle: BundleUnderTest;
  userConfig: Record<string, string | number | boolean>;
  home: string;
}) {
  return getMcpConfigForManifest({
    manifest: bundle.manifest,
    extensionPath: bundle.extensionPath,
    systemDirs: {
      HOME: home,
      DESKTOP: join(home, 'Desktop'),
      DOCUMENTS: join(home, 'Documents'),
      DOWNLOADS: join(home, 'Downloads'),
    },
    userConfig,
    pathSeparator: sep,
  });
}

describe('the scan for imports of packages', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-import-scan-'));
    await writeFile(
      join(directory, 'bin.js'),
      [
        "import { createRequire } from 'node:module';",
        'const require = createRequire(import.meta.url);',
        "import './chunks/lazy.js';",
        "export const left = require('left-pad');",
        "export const file = require('node:fs');",
        "export const later = () => import('lodash');",
      ].join('\n'),
    );
    await mkdir(join(directory, 'chunks'));
    await writeFile(
      join(directory, 'chunks', 'lazy.js'),
      [
        'var __require = (name) => { throw new Error(name); };',
        "export const kept = __require('shimmed');",
        'export const text = \'require("only-text")\';',
      ].join('\n'),
    );
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('finds imports, lazy imports and requires through createRequire or esbuild, not text or builtins', async () => {
    await expect(packageImports({ directory })).resolves.toEqual(['left-pad', 'lodash', 'shimmed']);
  });

  it('fails on a relative import of a file the bundle lacks', async () => {
    await writeFile(join(directory, 'broken.js'), "import './missing.js';");
    await expect(packageImports({ directory })).rejects.toThrow(/missing\.js/);
    await rm(join(directory, 'broken.js'));
  });
});

describe.each(connectors)('the %s MCP Bundle', (name) => {
  const connectorDirectory = join(repositoryRoot, 'libs', 'connectors', name);
  let scratch: string;
  let loaded: LoadedConnector;
  let bundle: BundleUnderTest;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), `connectormcp-mcpb-${name}-`));
    loaded = await loadConnector({ connectorDirectory });
    const { file, reportedSha256 } = await obtainBundle({ connectorDirectory, loaded, scratch });
    // Where Claude Desktop keeps extensions on macOS has spaces in it (…/Claude/Claude Extensions/…).
    const extensionPath = join(scratch, 'Claude Extensions', `connectormcp-${name}`);
    if (!(await unpackExtension({ mcpbPath: file, outputDir: extensionPath, silent: true }))) {
      throw new Error(`mcpb could not unpack ${file}`);
    }
    const manifest = JSON.parse(await readFile(join(extensionPath, 'manifest.json'), 'utf8')) as BundleManifest;
    bundle = { file, reportedSha256, extensionPath, manifest };
  }, 120_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('is unpacked outside the repository, where no node_modules can be found', () => {
    expect(relative(repositoryRoot, bundle.extensionPath).startsWith('..')).toBe(true);
  });

  it('has the sha256 the release reports and stays small', async () => {
    const bytes = await readFile(bundle.file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(bundle.reportedSha256);
    expect(bytes.length).toBeLessThan(maximumBundleBytes);
  });

  it('passes mcpb validate', async () => {
    await expect(runMcpbCli({ args: ['validate', join(bundle.extensionPath, 'manifest.json')] })).resolves.toContain(
      'Manifest schema validation passes!',
    );
  });

  it("holds the manifest, the server as ES modules, README, LICENSE and the bundled packages' notices, and no maps, declarations or node_modules", async () => {
    const files = await listFiles({ directory: bundle.extensionPath });
    expect(files).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'server/bin.js',
        'server/package.json',
        'README.md',
        'LICENSE',
        'THIRD-PARTY-LICENSES.md',
      ]),
    );
    const notices = await readFile(join(bundle.extensionPath, 'THIRD-PARTY-LICENSES.md'), 'utf8');
    expect(notices).toContain('## @modelcontextprotocol/sdk@');
    expect(notices).toContain('## zod@');
    expect(files.filter((file) => /\.map$|\.d\.ts$|(^|\/)node_modules\//.test(file))).toEqual([]);
    expect(
      files.filter(
        (file) => !/^(manifest\.json|README\.md|LICENSE|THIRD-PARTY-LICENSES\.md|icon\.png|server\/.+)$/.test(file),
      ),
    ).toEqual([]);
    const serverPackage = JSON.parse(await readFile(join(bundle.extensionPath, 'server', 'package.json'), 'utf8'));
    expect(serverPackage.type).toBe('module');
  });

  it('imports nothing but its own files, Node builtins and packages it does without: no node_modules, no npx, no network at start', async () => {
    await expect(packageImports({ directory: join(bundle.extensionPath, 'server') })).resolves.toEqual(
      optionalPackages[name] ?? [],
    );
  });

  it('leaves the HTTP transport out: --http fails at once, naming the npx command that serves it', async () => {
    const bin = join(bundle.extensionPath, 'server', 'bin.js');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [bin, '--http', '--port', '0'],
        { env: { PATH: dirname(process.execPath) }, cwd: bundle.extensionPath, timeout: 20_000 },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `This MCP Bundle serves over stdio only; for --http run npx -y ${loaded.packageJson.name} --http.`,
    );
  });

  it('describes the connector: every environment variable as user_config, secrets sensitive, every tool listed', () => {
    const { connector, packageJson } = loaded;
    // The connector's own variables and the kit's stdio ones, as in server.json.
    const spec = { ...connector.environment, ...stdioCommonEnvironment() };
    const variables = Object.keys(spec).sort();
    const userConfig = bundle.manifest.user_config ?? {};
    expect(bundle.manifest.manifest_version).toBe('0.3');
    expect(bundle.manifest.name).toBe(`connectormcp-${name}`);
    expect(bundle.manifest.version).toBe(packageJson.version);
    expect(Object.keys(userConfig).sort()).toEqual(variables);
    expect(Object.keys(bundle.manifest.server.mcp_config.env ?? {}).sort()).toEqual(variables);
    const sensitive = Object.entries(userConfig)
      .filter(([, option]) => option.sensitive)
      .map(([key]) => key);
    expect(sensitive.sort()).toEqual(secretVariableNames({ spec }).sort());
    expect(bundle.manifest.server).toMatchObject({
      type: 'node',
      entry_point: 'server/bin.js',
      mcp_config: { command: 'node', args: ['${__dirname}/server/bin.js'] },
    });
    expect(bundle.manifest.compatibility?.runtimes?.node).toBe('>=22.0.0');
    expect(bundle.manifest.tools_generated).toBe(false);
    expect(bundle.manifest.tools?.map((tool) => tool.name)).toEqual(connector.tools.map((tool) => tool.name));
    for (const tool of connector.tools.filter((item) => item.writes)) {
      expect(bundle.manifest.tools?.find((item) => item.name === tool.name)?.description).toContain(
        connector.allowWritesVariable,
      );
    }
  });

  it('gets a launch command with every placeholder filled when only the required settings are given', async () => {
    const userConfig = bundle.manifest.user_config ?? {};
    const required = Object.entries(userConfig).filter(([, option]) => option.required);
    const values = Object.fromEntries(required.map(([key]) => [key, `value-of-${key}`]));
    if (required.length > 0) {
      // Claude Desktop does not start a bundle whose required settings are missing.
      await expect(launchConfig({ bundle, userConfig: {}, home: scratch })).resolves.toBeUndefined();
    }
    const config = await launchConfig({ bundle, userConfig: values, home: scratch });
    expect(config?.command).toBe('node');
    expect(config?.args).toEqual([join(bundle.extensionPath, 'server', 'bin.js')]);
    expect(Object.entries(config?.env ?? {}).filter(([, value]) => value.includes('${'))).toEqual([]);
    for (const [key] of required) expect(config?.env?.[key]).toBe(`value-of-${key}`);
  });

  describe('started the way Claude Desktop starts it, against the sandbox service', () => {
    let sandbox: BundleSandbox;
    beforeAll(async () => {
      sandbox = await startBundleSandbox({ connector: name });
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
    }, 60_000);

    async function start({ extra = {} }: { extra?: Record<string, string | number | boolean> } = {}) {
      const config = await launchConfig({ bundle, userConfig: { ...sandbox.userConfig, ...extra }, home: scratch });
      if (!config) throw new Error('Claude Desktop would not start this bundle: required settings are missing');
      // Only what the host passes: the substituted env and a PATH that finds this Node, nothing inherited.
      const connection = await spawnLaunchConfig({
        command: config.command,
        args: config.args ?? [],
        env: { ...config.env, PATH: dirname(process.execPath) },
        cwd: bundle.extensionPath,
      });
      return { config, connection };
    }

    it('lists the manifest tools and answers a read tool call', async () => {
      const { config, connection } = await start();
      try {
        const readOnlyTools = loaded.connector.tools.filter((tool) => !tool.writes).map((tool) => tool.name);
        const { tools } = await connection.client.listTools();
        expect(tools.map((tool) => tool.name).sort()).toEqual(readOnlyTools.sort());
        expect(
          bundle.manifest.tools
            ?.filter((tool) => readOnlyTools.includes(tool.name))
            .map((tool) => tool.name)
            .sort(),
        ).toEqual(readOnlyTools.sort());
        const result = await connection.client.callTool({
          name: sandbox.readCall.name,
          arguments: sandbox.readCall.arguments,
        });
        const text = (result.content as Array<{ type: string; text?: string }>)
          .map((block) => block.text ?? '')
          .join('\n');
        expect(result.isError ?? false).toBe(false);
        expect(text).toContain(sandbox.readCall.expectText);
      } finally {
        await connection.close();
      }
      const stderr = connection.stderr();
      for (const secret of sandbox.secrets) expect(stderr).not.toContain(secret);
      expect(Object.values(config.env ?? {}).filter((value) => value.includes('${'))).toEqual([]);
    }, 60_000);

    it('lists every manifest tool once writes are allowed in its settings', async () => {
      const { connection } = await start({ extra: { [loaded.connector.allowWritesVariable]: true } });
      try {
        const { tools } = await connection.client.listTools();
        expect(tools.map((tool) => tool.name).sort()).toEqual(
          (bundle.manifest.tools ?? []).map((tool) => tool.name).sort(),
        );
      } finally {
        await connection.close();
      }
    }, 60_000);
  });
});
