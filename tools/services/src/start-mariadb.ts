import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { findMariadb } from './find-mariadb.js';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

export interface MariadbServer {
  host: string;
  port: number;
  /** An administrator account reachable over TCP. */
  user: string;
  password: string;
  /** `mysql://root:…@127.0.0.1:PORT` */
  url: string;
  dataDirectory: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
  /** Stops and starts the server on the same port, keeping the data (to test reconnection). */
  restart(): Promise<void>;
}

/**
 * Starts a throwaway MariaDB on a free loopback port with its data in a temp directory, tuned for tests
 * (no binary log, relaxed flushing).
 */
export async function startMariadb({
  port: requestedPort,
  password = 'connectormcp-root',
}: { port?: number; password?: string } = {}): Promise<MariadbServer> {
  const binaries = findMariadb();
  const base = await mkdtemp(join(tmpdir(), 'connectormcp-mariadb-'));
  const dataDirectory = join(base, 'data');
  const socketPath = join(base, 'mysqld.sock');
  const errorLog = join(base, 'error.log');
  const port = requestedPort ?? (await freePort());
  const host = '127.0.0.1';
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

  await run(binaries.installDb, [
    '--no-defaults',
    `--datadir=${dataDirectory}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...asRoot,
  ]);

  let child: ChildProcess | undefined;
  const launch = async () => {
    const spawned = spawn(
      binaries.server,
      [
        '--no-defaults',
        `--datadir=${dataDirectory}`,
        `--socket=${socketPath}`,
        `--port=${port}`,
        `--bind-address=${host}`,
        `--pid-file=${join(base, 'mysqld.pid')}`,
        `--log-error=${errorLog}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-flush-log-at-trx-commit=2',
        '--innodb-buffer-pool-size=256M',
        '--max-connections=300',
        ...asRoot,
      ],
      { stdio: 'ignore' },
    );
    child = spawned;
    let exited = false;
    spawned.once('exit', () => {
      exited = true;
    });
    await waitFor({
      description: `MariaDB on port ${port}`,
      timeoutMs: 90_000,
      probe: async () => {
        if (exited) {
          const log = await readFile(errorLog, 'utf8').catch(() => '');
          throw new Error(`mariadbd exited during start-up:\n${log.split('\n').slice(-15).join('\n')}`);
        }
        const connection = await mysql
          .createConnection({ socketPath, user: 'root', password: '' })
          .catch(() => mysql.createConnection({ socketPath, user: 'root', password }));
        await connection.end();
        return true;
      },
    });
  };

  await launch();
  // A fresh data directory has root@localhost over the socket only; add a TCP account with a password.
  const setup = await mysql.createConnection({ socketPath, user: 'root', password: '' });
  for (const account of [`'root'@'127.0.0.1'`, `'root'@'localhost'`]) {
    await setup.query(`CREATE USER IF NOT EXISTS ${account}`);
    await setup.query(`ALTER USER ${account} IDENTIFIED BY ${setup.escape(password)}`);
    await setup.query(`GRANT ALL PRIVILEGES ON *.* TO ${account} WITH GRANT OPTION`);
  }
  await setup.end();

  const shutdown = async () => {
    const current = child;
    if (!current || current.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => current.kill('SIGKILL'), 30_000);
      current.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      current.kill('SIGTERM');
    });
  };
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  return {
    host,
    port,
    user: 'root',
    password,
    url: `mysql://root:${encodeURIComponent(password)}@${host}:${port}`,
    dataDirectory,
    async stop() {
      await shutdown();
      process.removeListener('exit', killOnExit);
      await rm(base, { recursive: true, force: true });
    },
    async restart() {
      await shutdown();
      await launch();
    },
  };
}
