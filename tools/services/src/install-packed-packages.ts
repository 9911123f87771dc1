import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface InstalledPackages {
  directory: string;
  /** Runs `npx <bin> …args` in the install folder, as a user would; never throws, returns the exit code. */
  npx(options: {
    bin: string;
    args: string[];
    env?: Record<string, string>;
  }): Promise<{ code: number; stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

/**
 * Packs workspace packages with `npm pack` and installs the tarballs into an empty folder, the way a
 * user's `npm install` would see them (dependencies come from the registry, workspace links are gone).
 */
export async function installPackedPackages({
  packageDirectories,
}: {
  packageDirectories: string[];
}): Promise<InstalledPackages> {
  const directory = await mkdtemp(join(tmpdir(), 'connectormcp-pack-'));
  const tarballs: string[] = [];
  for (const packageDirectory of packageDirectories) {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', directory], {
      cwd: packageDirectory,
    });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    tarballs.push(join(directory, packed!.filename));
  }
  await writeFile(
    join(directory, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...tarballs], {
    cwd: directory,
    maxBuffer: 16 * 1024 * 1024,
  });
  return {
    directory,
    async npx({ bin, args, env = {} }) {
      try {
        const { stdout, stderr } = await run('npx', ['--no-install', bin, ...args], {
          cwd: directory,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? directory, ...env },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return {
          code: typeof failed.code === 'number' ? failed.code : 1,
          stdout: failed.stdout ?? '',
          stderr: failed.stderr ?? '',
        };
      }
    },
    async remove() {
      await rm(directory, { recursive: true, force: true });
    },
  };
}
