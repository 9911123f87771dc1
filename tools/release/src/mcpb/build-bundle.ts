import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildManifest, type BundleManifest } from './build-manifest.ts';
import { bundleEnvironment } from './bundle-environment.ts';
import { loadConnector } from './load-connector.ts';
import { readmeIntroduction } from './readme-introduction.ts';
import { runMcpbCli } from './run-mcpb-cli.ts';
import { stageBundle } from './stage-bundle.ts';

export interface BuiltBundle {
  /** Absolute path of `connectormcp-<name>-<version>.mcpb`. */
  file: string;
  /** Of the file's bytes, lowercase hex. */
  sha256: string;
  /** Bytes. */
  size: number;
  manifest: BundleManifest;
}

async function readOptional({ path }: { path: string }): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/**
 * Builds a connector's MCP Bundle from its built dist/: stages `<outputDirectory>/bundle/` (manifest.json,
 * server/, README, LICENSE), checks it with `mcpb validate` and packs it with `mcpb pack` into
 * `<outputDirectory>/connectormcp-<name>-<version>.mcpb`. The archive holds no node_modules: the bin must be
 * self-contained. Its zip entries carry the time of packing, so every build has its own sha256.
 */
export async function buildBundle({
  connectorDirectory,
  outputDirectory,
}: {
  connectorDirectory: string;
  outputDirectory: string;
}): Promise<BuiltBundle> {
  const { connector, packageJson } = await loadConnector({ connectorDirectory });
  const readme = await readOptional({ path: join(connectorDirectory, 'README.md') });
  const icon = (await stat(join(connectorDirectory, 'icon.png')).catch(() => undefined)) ? 'icon.png' : undefined;
  const longDescription = readme ? readmeIntroduction({ readme }) : undefined;
  const manifest = buildManifest({
    connector,
    packageJson,
    facts: bundleEnvironment({ connector }),
    ...(longDescription ? { longDescription } : {}),
    ...(icon ? { icon } : {}),
  });
  const stagingDirectory = join(outputDirectory, 'bundle');
  await mkdir(outputDirectory, { recursive: true });
  await stageBundle({
    connectorDirectory,
    stagingDirectory,
    manifest,
    packageName: packageJson.name,
    ...(icon ? { icon } : {}),
  });
  await runMcpbCli({ args: ['validate', join(stagingDirectory, 'manifest.json')] });
  const file = join(outputDirectory, `connectormcp-${connector.name}-${packageJson.version}.mcpb`);
  await rm(file, { force: true });
  await runMcpbCli({ args: ['pack', stagingDirectory, file] });
  const bytes = await readFile(file);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, manifest };
}
