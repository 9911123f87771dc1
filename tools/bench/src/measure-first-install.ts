import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanNpmEnvironment } from './clean-npm-environment.ts';
import { diskUsage } from './disk-usage.ts';
import { measureNpmCache, type NpmCacheFigures } from './measure-npm-cache.ts';

const run = promisify(execFile);

export interface FirstInstall extends NpmCacheFigures {
  /** The project the packages were installed into (its node_modules/.bin holds what npx would run). */
  directory: string;
  /** Tarballs given on the command line (packed here, standing in for the registry's copy). */
  localTarballBytes: number;
  /** Local tarballs + registry tarballs + registry metadata (gzip estimate): bytes a first install downloads. */
  downloadedBytes: number;
  /** Entries of node_modules/.package-lock.json `packages`: every package installed, nested ones included. */
  packageCount: number;
  diskBytes: number;
  seconds: number;
  remove(): Promise<void>;
}

/**
 * Installs packages (tarball paths or registry specifiers) into an empty project with an empty npm cache,
 * as a user's first `npx -y` would, and measures what that fetched and left on disk.
 */
export async function measureFirstInstall({ specifiers }: { specifiers: string[] }): Promise<FirstInstall> {
  const base = await mkdtemp(join(tmpdir(), 'connectormcp-first-install-'));
  const directory = join(base, 'project');
  const cacheDirectory = join(base, 'npm-cache');
  const remove = () => rm(base, { recursive: true, force: true });
  try {
    await mkdir(directory);
    await writeFile(join(directory, 'package.json'), JSON.stringify({ name: 'first-install', private: true }));
    const started = performance.now();
    await run(
      'npm',
      ['install', ...specifiers, '--cache', cacheDirectory, '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: directory, env: cleanNpmEnvironment(), maxBuffer: 16 * 1024 * 1024 },
    );
    const seconds = (performance.now() - started) / 1000;
    let localTarballBytes = 0;
    for (const specifier of specifiers.filter((specifier) => specifier.endsWith('.tgz'))) {
      localTarballBytes += (await stat(specifier)).size;
    }
    const cache = await measureNpmCache({ cacheDirectory });
    const lock = JSON.parse(await readFile(join(directory, 'node_modules', '.package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    return {
      ...cache,
      directory,
      localTarballBytes,
      downloadedBytes: localTarballBytes + cache.registryTarballBytes + cache.metadataGzipBytes,
      packageCount: Object.keys(lock.packages).filter((path) => path !== '').length,
      diskBytes: await diskUsage({ path: join(directory, 'node_modules') }),
      seconds,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
