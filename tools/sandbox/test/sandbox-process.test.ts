import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort, waitFor } from '@connectormcp/services';
import mysql from 'mysql2/promise';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = join(root, 'tools/sandbox/dist/main.js');
const run = promisify(execFile);
const desktopHeader = 'Claude Desktop (stdio) configuration for the same sandbox';

interface RunningSandbox {
  child: ChildProcess;
  /** The sandbox's own TMPDIR: every temporary file it makes must be in here, and gone after it stops. */
  temporary: string;
  port: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'connectormcp-sandbox-test-'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Starts the sandbox the way `npm start` does after its build: `node tools/sandbox/dist/main.js`. */
async function startSandboxProcess({ name, port }: { name: string; port?: number }): Promise<RunningSandbox> {
  const temporary = join(base, name, 'tmp');
  await mkdir(temporary, { recursive: true });
  const chosenPort = port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      TMPDIR: temporary,
      PORT: String(chosenPort),
      DATA_DIR: join(base, name, 'data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, temporary, port: chosenPort, output: () => output, exited };
}

/** The `mcpServers` the sandbox prints once the app is up. */
type DesktopServers = Record<string, { command: string; args: string[]; env: Record<string, string> }>;

async function desktopConfiguration(sandbox: RunningSandbox): Promise<DesktopServers> {
  return waitFor<DesktopServers>({
    description: `the sandbox to print its Claude Desktop configuration (output so far: ${sandbox.output()})`,
    timeoutMs: 150_000,
    probe: async () => {
      if (sandbox.child.exitCode !== null) throw new Error(`the sandbox exited: ${sandbox.output()}`);
      const text = sandbox.output();
      const start = text.indexOf('{', text.indexOf(desktopHeader));
      if (text.indexOf(desktopHeader) < 0 || start < 0) return undefined;
      try {
        return (JSON.parse(text.slice(start)) as { mcpServers: DesktopServers }).mcpServers;
      } catch {
        return undefined;
      }
    },
  });
}

/** Every process below `pid`, deepest last (the services, the API, the connectors it started). */
async function descendants(pid: number): Promise<Array<{ pid: number; command: string }>> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,args=']);
  const rows = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3]! }));
  const found: Array<{ pid: number; command: string }> = [];
  const visit = (parent: number) => {
    for (const row of rows.filter((candidate) => candidate.ppid === parent)) {
      found.push({ pid: row.pid, command: row.command });
      visit(row.pid);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the sandbox as npm start runs it', () => {
  it('reads through a SELECT-only account and stops within 5 s, leaving nothing behind, after services died', async () => {
    const sandbox = await startSandboxProcess({ name: 'after-a-crash' });
    try {
      const servers = await desktopConfiguration(sandbox);

      // Claude Desktop gets the reader, and so does the API (writes are not enabled by npm start).
      const readerUrl = servers['mysql-sandbox']!.env.MYSQL_URL!;
      expect(new URL(readerUrl).username).toBe('sandbox_reader');
      expect(servers['mysql-sandbox']!.env.MYSQL_ALLOW_WRITES).toBeUndefined();
      const [configDirectory] = (await readdir(sandbox.temporary)).filter((entry) =>
        entry.startsWith('connectormcp-sandbox-'),
      );
      const configFile = join(sandbox.temporary, configDirectory!, 'connectormcp.config.json');
      expect((await stat(join(sandbox.temporary, configDirectory!))).mode & 0o777).toBe(0o700);
      expect((await stat(configFile)).mode & 0o777).toBe(0o600);
      const config = JSON.parse(await readFile(configFile, 'utf8')) as {
        datasources: Array<{ id: string; env: Record<string, string> }>;
      };
      expect(config.datasources.find((datasource) => datasource.id === 'shop')?.env.MYSQL_URL).toBe(readerUrl);
      // No administrator account anywhere in what the API receives.
      const mysqlUsers = config.datasources
        .filter((datasource) => datasource.env.MYSQL_URL)
        .map((datasource) => new URL(datasource.env.MYSQL_URL!).username);
      expect(mysqlUsers).toEqual(['sandbox_reader']);

      // The account holds SELECT and SHOW VIEW on the sample database and nothing else.
      const connection = await mysql.createConnection({ uri: readerUrl });
      try {
        const [rows] = await connection.query<mysql.RowDataPacket[]>('SHOW GRANTS');
        const grants = rows.map((row) => String(Object.values(row)[0]));
        expect(grants).toHaveLength(2);
        expect(grants).toContainEqual(
          expect.stringMatching(/^GRANT USAGE ON \*\.\* TO `sandbox_reader`@`127\.0\.0\.1`/),
        );
        expect(grants).toContainEqual(
          expect.stringMatching(/^GRANT SELECT, SHOW VIEW ON `shop`\.\* TO `sandbox_reader`@`127\.0\.0\.1`$/),
        );
        await expect(connection.query('UPDATE shop.products SET price = price + 1')).rejects.toThrow(/command denied/);
        await expect(connection.query('SELECT user FROM mysql.user')).rejects.toThrow(/command denied/);
      } finally {
        await connection.end();
      }

      // The app's own Test connection runs the connector's --check: no privilege warnings.
      const test = await fetch(`http://127.0.0.1:${sandbox.port}/api/datasources/shop/test`);
      expect(test.status).toBe(200);
      const result = (await test.json()) as { status: string; check?: string };
      expect(result.status).toBe('ok');
      expect(result.check).toMatch(/^ok: connected to MariaDB .* as sandbox_reader@127\.0\.0\.1 \(read-only\)$/);
      expect(result.check).not.toMatch(/warning/i);

      // MariaDB and s3rver die; then Ctrl+C.
      const processes = await descendants(sandbox.child.pid!);
      const mariadb = processes.find((entry) => entry.command.includes('mariadbd'));
      const s3rver = processes.find((entry) => entry.command.includes('s3rver-process.js'));
      expect(mariadb).toBeDefined();
      expect(s3rver).toBeDefined();
      process.kill(mariadb!.pid, 'SIGKILL');
      process.kill(s3rver!.pid, 'SIGKILL');
      await waitFor({
        description: 'the killed services to be gone',
        probe: async () => !alive(mariadb!.pid) && !alive(s3rver!.pid),
      });
      const interrupted = Date.now();
      sandbox.child.kill('SIGINT');
      const { code, at } = await sandbox.exited;
      expect(at - interrupted).toBeLessThan(5_000);
      expect(code).toBe(0);
      expect(await readdir(sandbox.temporary)).toEqual([]);
      // Nothing it started lives on (the API and the connectors included).
      await waitFor({
        description: `every process the sandbox started to end: ${JSON.stringify(processes)}`,
        timeoutMs: 2_000,
        probe: async () => processes.every((entry) => !alive(entry.pid)),
      });
    } finally {
      sandbox.child.kill('SIGKILL');
    }
  });

  it('removes what it had started when start-up fails half way (the port is taken)', async () => {
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    const sandbox = await startSandboxProcess({ name: 'port-taken', port });
    try {
      const { code } = await sandbox.exited;
      expect(code).not.toBe(0);
      expect(sandbox.output()).toMatch(/The API exited|could not start/);
      expect(await readdir(sandbox.temporary)).toEqual([]);
    } finally {
      sandbox.child.kill('SIGKILL');
      taken.close();
    }
  });

  it('stops on SIGTERM during start-up and removes what it had started', async () => {
    const sandbox = await startSandboxProcess({ name: 'stopped-while-starting' });
    try {
      await waitFor({
        description: 'MariaDB to be starting',
        timeoutMs: 60_000,
        probe: async () =>
          (await readdir(sandbox.temporary)).some((entry) => entry.startsWith('connectormcp-mariadb-')),
        intervalMs: 50,
      });
      sandbox.child.kill('SIGTERM');
      const { code } = await sandbox.exited;
      expect(code).toBe(0);
      expect(await readdir(sandbox.temporary)).toEqual([]);
    } finally {
      sandbox.child.kill('SIGKILL');
    }
  });
});
