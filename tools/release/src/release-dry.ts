// `npm run release:dry`: everything a release makes that can be made offline, from the built packages
// (Nx builds them first): each publishable package's npm tarball, each connector's MCP Bundle, and the
// server.json the registry will get (the committed one plus the bundle with its sha256), all checked.
// Writes <package>/release/ (gitignored). Exits 1 with one line naming the first failure.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type Artifact, printArtifactTable } from './print-artifact-table.ts';
import { buildBundle } from './mcpb/build-bundle.ts';
import { packPackage } from './pack-package.ts';
import { publishablePackageDirectories } from './publishable-package-directories.ts';
import { repositoryRoot } from './repository-root.ts';
import { buildServerJson } from './server-json/build-server-json.ts';
import { loadPublishableConnectors } from './server-json/load-publishable-connectors.ts';
import { releaseServerJson } from './server-json/release-server-json.ts';
import type { ServerJson } from './server-json/server-json.ts';
import { validateServerJson } from './server-json/validate-server-json.ts';

async function releaseDry(): Promise<Artifact[]> {
  const artifacts: Artifact[] = [];
  for (const packageDirectory of publishablePackageDirectories({ root: repositoryRoot })) {
    const outputDirectory = join(packageDirectory, 'release');
    // A previous version's files would otherwise be uploaded with this one's.
    rmSync(outputDirectory, { recursive: true, force: true });
    mkdirSync(outputDirectory, { recursive: true });
    artifacts.push(packPackage({ packageDirectory, outputDirectory }));
  }
  for (const { directory, packageJson, connector } of await loadPublishableConnectors({ root: repositoryRoot })) {
    const committedFile = join(directory, 'server.json');
    const committed = JSON.parse(readFileSync(committedFile, 'utf8')) as ServerJson;
    if (!isDeepStrictEqual(committed, buildServerJson({ connector, packageJson })))
      throw new Error(`${relative(repositoryRoot, committedFile)} is out of date: run npm run registry:write`);
    const bundle = await buildBundle({
      connectorDirectory: directory,
      outputDirectory: join(directory, 'release'),
    }).catch((error: unknown) => {
      throw new Error(`${packageJson.name}: ${error instanceof Error ? error.message : String(error)}`);
    });
    artifacts.push(bundle);
    const released = releaseServerJson({ serverJson: committed, connector, bundleSha256: bundle.sha256 });
    const problems = validateServerJson({ serverJson: released });
    if (problems.length > 0)
      throw new Error(`${packageJson.name}: release/server.json is invalid: ${problems.join('; ')}`);
    writeFileSync(join(directory, 'release/server.json'), `${JSON.stringify(released, null, 2)}\n`);
  }
  return artifacts;
}

try {
  printArtifactTable({ root: repositoryRoot, artifacts: await releaseDry() });
} catch (error) {
  // One line, whatever the tool that failed printed: the CI log and the terminal show it whole.
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
  console.error(`release:dry: ${message}`);
  process.exit(1);
}
