import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const workspaceScope = '@connectormcp/';

/**
 * `npm pack`s a workspace package and every `@connectormcp/*` package it depends on at run time (found
 * through the workspace's node_modules links), since those are not on the registry: a user's first install
 * would fetch each of them. Returns the tarballs' paths, the package's own first.
 */
export async function packWithWorkspaceDependencies({
  packageDirectory,
  workspaceRoot,
  destination,
}: {
  packageDirectory: string;
  workspaceRoot: string;
  destination: string;
}): Promise<string[]> {
  const tarballs: string[] = [];
  const packed = new Set<string>();
  const pending = [packageDirectory];
  while (pending.length > 0) {
    const directory = pending.shift()!;
    if (packed.has(directory)) continue;
    packed.add(directory);
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
      cwd: directory,
    });
    const [result] = JSON.parse(stdout) as Array<{ filename: string }>;
    tarballs.push(join(destination, result!.filename));
    const manifest = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith(workspaceScope))) {
      pending.push(await realpath(join(workspaceRoot, 'node_modules', name)));
    }
  }
  return tarballs;
}
