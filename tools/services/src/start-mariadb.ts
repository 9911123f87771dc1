import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { findMariadb } from './find-mariadb.js';
import { freePort } from './free-port.js';
import { stopChildProcess } from './stop-child-process.js';
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
  /**
   * Stops the server and deletes its data, also after the server died. `timeoutMs` (default 30 s) is how
   * long a clean shutdown may take before the server is killed.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops and starts the server on the same port, keeping the data (to test reconnection). */
  restart(): Promise<void>;
}

/**
 * Starts a throwaway MariaDB on a free loopback port with its data, socket and temporary files in one temp
 * directory, tuned for tests (no binary log, relaxed flushing). If start-up fails, the directory is
 * removed and the server stopped.
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

  let child: ChildProcess | undefined;
  const shutdown = async ({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}) => {
    if (child) await stopChildProcess({ child, timeoutMs });
  };
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const removeAll = async (options?: { timeoutMs?: number }) => {
    await shutdown(options);
    process.removeListener('exit', killOnExit);
    await rm(base, { recursive: true, force: true });
  };

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
        // Temporary tables and sort files stay in the directory that stop() removes.
        `--tmpdir=${base}`,
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

  try {
    await run(binaries.installDb, [
      '--no-defaults',
      `--datadir=${dataDirectory}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      // Its bootstrap's temporary tables too: in the shared /tmp another process's clean-up removed one
      // mid-install ("Could not remove temporary table … Unknown table 'mysql.tmp_proxies_priv'").
      `--tmpdir=${base}`,
      ...asRoot,
    ]);

    await launch();
    // A fresh data directory has root@localhost over the socket only; add a TCP account with a password.
    const setup = await mysql.createConnection({ socketPath, user: 'root', password: '' });
    for (const account of [`'root'@'127.0.0.1'`, `'root'@'localhost'`]) {
      await setup.query(`CREATE USER IF NOT EXISTS ${account}`);
      await setup.query(`ALTER USER ${account} IDENTIFIED BY ${setup.escape(password)}`);
      await setup.query(`GRANT ALL PRIVILEGES ON *.* TO ${account} WITH GRANT OPTION`);
    }
    await setup.end();
  } catch (error) {
    await removeAll({ timeoutMs: 5_000 });
    throw error;
  }

  return {
    host,
    port,
    user: 'root',
    password,
    url: `mysql://root:${encodeURIComponent(password)}@${host}:${port}`,
    dataDirectory,
    stop: removeAll,
    async restart() {
      await shutdown();
      await launch();
    },
  };
}
