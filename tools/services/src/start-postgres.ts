import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { findOrInstallDebianPackage } from './install-debian-package.js';
import { hasExited } from './stop-child-process.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions
    .map((version) => join(root, version, 'bin'))
    .find((directory) => existsSync(join(directory, 'initdb')));
}

/**
 * Starts a throwaway PostgreSQL from Debian's packages on a free loopback port, as the `postgres` user
 * when running as root (initdb refuses root). Installs `postgresql` when it is missing and we are root.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const binaries = findOrInstallDebianPackage({
    packageName: 'postgresql',
    find: findBinaries,
    hint: 'PostgreSQL server binaries not found: install them with `sudo apt-get install -y postgresql`.',
  });
  const base = await mkdtemp(join(tmpdir(), 'connectormcp-postgres-'));
  const data = join(base, 'data');
  const asRoot = process.getuid?.() === 0;
  const { stdout: idOutput } = asRoot ? await run('id', ['-u', 'postgres']) : { stdout: '' };
  if (asRoot) {
    await chmod(base, 0o755);
    await chown(base, Number(idOutput.trim()), Number(idOutput.trim()));
  }
  const as = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const [initCommand, initArgs] = as(join(binaries, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  await run(initCommand, initArgs);
  const port = await freePort();
  const [serverCommand, serverArgs] = as(join(binaries, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    base,
    '-c',
    'fsync=off',
  ]);
  const child: ChildProcess = spawn(serverCommand, serverArgs, { stdio: 'ignore' });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor({
    description: `PostgreSQL on port ${port}`,
    probe: async () => {
      if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
      await run(join(binaries, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
      return true;
    },
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    url,
    port,
    async stop() {
      if (!hasExited(child)) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // pg_ctl reaches the server itself; a signal to runuser would not be passed on.
        const [stopCommand, stopArgs] = as(join(binaries, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast']);
        await run(stopCommand, stopArgs).catch(() => child.kill('SIGKILL'));
        await exited;
      }
      process.removeListener('exit', killOnExit);
      await rm(base, { recursive: true, force: true });
    },
  };
}
