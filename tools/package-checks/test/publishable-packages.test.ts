import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

interface PackageJson {
  name: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  publishConfig?: { access?: string };
  license?: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface PackedFile {
  path: string;
  mode: number;
}

const root = new URL('../../..', import.meta.url).pathname;

function publishablePackages(): Array<{ directory: string; manifest: PackageJson }> {
  const candidates = ['libs', 'libs/connectors'].flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, parent, entry.name)),
  );
  return candidates
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => ({
      directory,
      manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson,
    }))
    .filter(({ manifest }) => !manifest.private);
}

function packedFiles({ directory }: { directory: string }): PackedFile[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: directory,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as Array<{ files: PackedFile[] }>;
  return result!.files;
}

/**
 * The packages the given files import (statically or through import()), found by esbuild following the
 * imports from file to file; a bundled CommonJS dependency's require() of an optional package is not one.
 */
async function importedPackages({ files }: { files: string[] }): Promise<string[]> {
  const imported = new Set<string>();
  await build({
    entryPoints: files,
    bundle: true,
    splitting: true,
    write: false,
    outdir: 'unused',
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'collect-packages',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, ({ path, kind }) => {
            if (!isBuiltin(path) && kind !== 'require-call') imported.add(path);
            return { path, external: true };
          });
        },
      },
    ],
  });
  return [...imported];
}

/**
 * Packs a package and installs the tarball into an empty folder with an empty npm cache and no network
 * (a connector has no dependencies, so there is nothing to download). Returns the folder.
 */
function installPackedOffline({ directory }: { directory: string }): string {
  const folder = mkdtempSync(join(tmpdir(), 'connectormcp-offline-'));
  const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], {
    cwd: directory,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(output) as [{ filename: string }];
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'offline-install', private: true, type: 'module' }),
  );
  execFileSync(
    'npm',
    [
      'install',
      '--offline',
      '--cache',
      join(folder, 'npm-cache'),
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(folder, filename),
    ],
    { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return folder;
}

const packages = publishablePackages();

describe('publishable packages', () => {
  it('include the kit and the connectors', () => {
    const names = packages.map(({ manifest }) => manifest.name);
    expect(names).toEqual(
      expect.arrayContaining(['@connectormcp/connector-kit', '@connectormcp/mysql', '@connectormcp/s3']),
    );
    expect(names.every((name) => name.startsWith('@connectormcp/'))).toBe(true);
  });

  describe.each(packages.map((entry) => [entry.manifest.name, entry] as const))(
    '%s',
    (_name, { directory, manifest }) => {
      it('declares a public ESM package for Node 22+ with types first in its exports', () => {
        expect(manifest).toMatchObject({
          type: 'module',
          sideEffects: false,
          engines: { node: '>=22' },
          publishConfig: { access: 'public' },
          license: 'MIT',
        });
        expect(manifest.files).toContain('dist');
        const main = manifest.exports?.['.'] as Record<string, string>;
        expect(Object.keys(main)[0]).toBe('types');
        expect(existsSync(join(directory, 'README.md'))).toBe(true);
        expect(existsSync(join(directory, 'LICENSE'))).toBe(true);
      });

      it('would publish only dist, README, LICENSE and package.json, with executable bins', () => {
        const files = packedFiles({ directory });
        const paths = files.map((file) => file.path);
        const unexpected = paths.filter(
          (path) => !['package.json', 'README.md', 'LICENSE'].includes(path) && !path.startsWith('dist/'),
        );
        expect(unexpected).toEqual([]);
        expect(paths.filter((path) => path.endsWith('.tsbuildinfo') || path.includes('.test.'))).toEqual([]);
        expect(paths).toContain('dist/index.js');
        expect(paths).toContain('dist/index.d.ts');
        for (const bin of Object.values(manifest.bin ?? {})) {
          const path = relative('.', bin);
          const packed = files.find((file) => file.path === path);
          expect(packed).toBeDefined();
          expect(packed!.mode & 0o111).not.toBe(0);
          expect(readFileSync(join(directory, path), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
        }
      });

      if (manifest.bin) {
        it('is a bundle: no dependencies at run time, the types of others as optional peers', () => {
          expect(manifest.dependencies ?? {}).toEqual({});
          expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(
            expect.arrayContaining(['@modelcontextprotocol/sdk', 'zod']),
          );
          for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
            expect(manifest.peerDependenciesMeta?.[peer]?.optional).toBe(true);
          }
        });

        it('publishes no source maps: they serve coverage here and would double what `npx` downloads', () => {
          const paths = packedFiles({ directory }).map((file) => file.path);
          expect(paths.filter((path) => path.endsWith('.map') || path.startsWith('dist/types/'))).toEqual([]);
        });

        it('publishes the license notices of the packages bundled into it', () => {
          const paths = packedFiles({ directory }).map((file) => file.path);
          expect(paths).toContain('dist/THIRD-PARTY-LICENSES.md');
          const notices = readFileSync(join(directory, 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
          expect(notices).toContain('## @modelcontextprotocol/sdk@');
          expect(notices).toMatch(/Permission is hereby granted/);
        });

        it('publishes JavaScript that imports nothing but its own files and Node', async () => {
          const scripts = packedFiles({ directory })
            .map((file) => join(directory, file.path))
            .filter((path) => path.endsWith('.js'));
          expect(scripts).toContain(join(directory, 'dist', 'bin.js'));
          expect(await importedPackages({ files: scripts })).toEqual([]);
        });

        it('installs from its tarball alone, offline, and its bin runs', () => {
          const folder = installPackedOffline({ directory });
          try {
            const lock = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8')) as {
              packages: Record<string, unknown>;
            };
            expect(Object.keys(lock.packages)).toEqual([`node_modules/${manifest.name}`]);
            const [binName] = Object.keys(manifest.bin!);
            const version = execFileSync(join(folder, 'node_modules', '.bin', binName!), ['--version'], {
              cwd: folder,
              encoding: 'utf8',
              env: { PATH: process.env.PATH },
            });
            expect(version.trim()).toBe(manifest.version);
          } finally {
            rmSync(folder, { recursive: true, force: true });
          }
        }, 120_000);
      }
    },
  );
});

describe('@connectormcp/mysql as a library', () => {
  const directory = join(root, 'libs', 'connectors', 'mysql');
  let folder: string;
  beforeAll(() => {
    folder = installPackedOffline({ directory });
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('type-checks a TypeScript consumer, with the peers it declares installed beside it', () => {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson;
    // The peers (and Node's types) come from this repository's install, as the user's own would.
    for (const peer of [...Object.keys(manifest.peerDependencies ?? {}), '@types/node']) {
      const target = join(folder, 'node_modules', peer);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(join(root, 'node_modules', peer), target);
    }
    writeFileSync(
      join(folder, 'consumer.ts'),
      [
        "import { createMysqlServer, packageVersion, type MysqlConfig } from '@connectormcp/mysql';",
        "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
        "const { server, cleanup } = createMysqlServer({ user: 'reader', host: 'db.internal' });",
        'await server.connect(new StdioServerTransport());',
        "const port: MysqlConfig['port'] = 3306;",
        'const version: string = packageVersion;',
        '// @ts-expect-error the user is required',
        'createMysqlServer({});',
        'await cleanup();',
        'export { port, version };',
        '',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = (() => {
      try {
        return execFileSync(
          process.execPath,
          [
            tsc,
            '--noEmit',
            '--strict',
            '--skipLibCheck',
            'false',
            '--module',
            'nodenext',
            '--target',
            'es2023',
            'consumer.ts',
          ],
          { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        );
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    })();
    expect(result).toBe('');
  });

  it('is importable at run time', () => {
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('@connectormcp/mysql'); console.log(typeof m.createMysqlServer, m.packageVersion);",
      ],
      { cwd: folder, encoding: 'utf8' },
    );
    const { version } = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson;
    expect(output.trim()).toBe(`function ${version}`);
  });
});
