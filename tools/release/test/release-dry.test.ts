import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileDigest } from '../src/file-digest.ts';
import { publishablePackageDirectories } from '../src/publishable-package-directories.ts';
import { repositoryRoot } from '../src/repository-root.ts';
import { loadPublishableConnectors } from '../src/server-json/load-publishable-connectors.ts';
import { releaseServerJson } from '../src/server-json/release-server-json.ts';
import type { ServerJson } from '../src/server-json/server-json.ts';
import { validateServerJson } from '../src/server-json/validate-server-json.ts';

// Nx runs release-dry before this project's tests (tools/release/package.json), so these read what
// `npm run release:dry` wrote.
const connectors = await loadPublishableConnectors({ root: repositoryRoot });

function releaseFile({ directory, name }: { directory: string; name: string }): string {
  const file = join(directory, 'release', name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run release:dry`);
  return file;
}

function readJson(file: string): ServerJson {
  return JSON.parse(readFileSync(file, 'utf8')) as ServerJson;
}

test('packs the kit, the four connectors and the orchestrator, and nothing private', () => {
  const names = publishablePackageDirectories({ root: repositoryRoot }).map(
    (directory) => (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name: string }).name,
  );
  expect(names.sort()).toEqual([
    '@connectormcp/connector-kit',
    '@connectormcp/jira',
    '@connectormcp/mysql',
    '@connectormcp/orchestrator',
    '@connectormcp/s3',
    '@connectormcp/shopify',
  ]);
});

test.each(
  publishablePackageDirectories({ root: repositoryRoot }).map((directory) => [
    relative(repositoryRoot, directory),
    directory,
  ]),
)('%s/release holds the npm tarball of its current version, with its built dist', (_path, directory) => {
  const { name, version } = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const tarball = `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
  expect(readdirSync(join(directory, 'release')).filter((file) => file.endsWith('.tgz'))).toEqual([tarball]);
  const files = execFileSync('tar', ['-tzf', releaseFile({ directory, name: tarball })], { encoding: 'utf8' })
    .trim()
    .split('\n');
  expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/dist/index.js']));
  expect(files.filter((file) => !file.startsWith('package/dist/') && file.split('/').length > 2)).toEqual([]);
});

describe.each(connectors.map((entry) => [entry.name, entry] as const))('%s release/server.json', (_name, entry) => {
  const { directory, packageJson, connector } = entry;
  const bundleName = `connectormcp-${connector.name}-${packageJson.version}.mcpb`;

  test('is the committed server.json plus the bundle release:dry built, with its sha256', () => {
    const released = readJson(releaseFile({ directory, name: 'server.json' }));
    const committed = readJson(join(directory, 'server.json'));
    const { sha256 } = fileDigest({ file: releaseFile({ directory, name: bundleName }) });
    expect(validateServerJson({ serverJson: released })).toEqual([]);
    expect(released).toEqual(releaseServerJson({ serverJson: committed, connector, bundleSha256: sha256 }));
    expect(released.packages[0]).toEqual(committed.packages[0]);
    expect(released.packages[1]).toEqual({
      registryType: 'mcpb',
      identifier: `https://github.com/connectormcp/connectormcp/releases/download/${encodeURIComponent(`${packageJson.name}@${packageJson.version}`)}/${bundleName}`,
      version: packageJson.version,
      fileSha256: sha256,
      transport: { type: 'stdio' },
    });
  });
});
