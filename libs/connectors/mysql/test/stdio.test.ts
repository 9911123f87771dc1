import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { adminConnection, testEnvironment } from './support/test-database.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

async function cli({ args, env }: { args: string[]; env: Record<string, string> }) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('connectormcp-mysql over stdio', () => {
  let connection: SpawnedClient | undefined;
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
  });

  it('serves the read tools, and no write tool unless MYSQL_ALLOW_WRITES=true', async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment() });
    const { tools } = await connection.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'list_databases',
      'list_tables',
      'describe_table',
      'execute_query',
      'get_table_stats',
    ]);
    const result = await connection.client.callTool({
      name: 'execute_query',
      arguments: { sql: 'SELECT COUNT(*) AS n FROM orders' },
    });
    expect((result.structuredContent as { rows: unknown[][] }).rows).toEqual([['600']]);
    // The start-up check warns in the log that this (root) account can write.
    for (let attempt = 0; attempt < 50 && !connection.stderr().includes('can write'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(connection.stderr()).toMatch(/"level":40.*The account can write on \*\.\* \(ALL PRIVILEGES\)/);
    expect(connection.stderr()).not.toContain(process.env.TEST_MYSQL_PASSWORD!);
  });

  it('runs execute_statement when writes are enabled, annotated destructive', async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment({ MYSQL_ALLOW_WRITES: 'true' }) });
    const { tools } = await connection.client.listTools();
    const statement = tools.find((tool) => tool.name === 'execute_statement');
    expect(statement?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    const created = await connection.client.callTool({
      name: 'execute_statement',
      arguments: {
        sql: 'CREATE TABLE IF NOT EXISTS scratch (id INT PRIMARY KEY, note VARCHAR(20))',
        database: 'other',
      },
    });
    expect(created.isError).toBeFalsy();
    const inserted = await connection.client.callTool({
      name: 'execute_statement',
      arguments: { sql: 'INSERT INTO other.scratch VALUES (?, ?), (?, ?)', params: [1, 'a', 2, 'b'] },
    });
    expect(inserted.structuredContent).toMatchObject({ affected_rows: 2 });
    const file = await connection.client.callTool({
      name: 'execute_statement',
      arguments: { sql: "LOAD DATA INFILE '/etc/passwd' INTO TABLE other.scratch" },
    });
    expect(file.isError).toBe(true);
    const admin = await adminConnection();
    await admin.query('DROP TABLE other.scratch');
    await admin.end();
  });

  it('recovers by itself after the server restarts between two calls', async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment() });
    const call = () =>
      connection!.client.callTool({ name: 'execute_query', arguments: { sql: 'SELECT COUNT(*) AS n FROM customers' } });
    expect((await call()).structuredContent).toMatchObject({ rows: [['120']] });
    await globalThis.mariadbForTests?.restart();
    const second = await call();
    expect(second.isError).toBeFalsy();
    expect(second.structuredContent).toMatchObject({ rows: [['120']] });
  });

  it('fails calls with UPSTREAM_UNAVAILABLE when the server is down, listing tools all the same', async () => {
    connection = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({ MYSQL_PORT: '1', MYSQL_HOST: '127.0.0.1' }),
    });
    expect((await connection.client.listTools()).tools.length).toBe(5);
    const result = await connection.client.callTool({ name: 'list_databases', arguments: {} });
    expect((result.content as Array<{ text: string }>)[0]!.text).toMatch(
      /^UPSTREAM_UNAVAILABLE: The MySQL server could not be reached \(ECONNREFUSED\)/,
    );
  });

  it('--check reports the server, the account and a warning for a privileged account', async () => {
    const result = await cli({ args: ['--check'], env: testEnvironment() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ok: connected to MariaDB 10\.\S+ at 127\.0\.0\.1:\d+ as root@127\.0\.0\.1 \(read-only\)\n/,
    );
    expect(result.stdout).toMatch(/warning: The account can write on \*\.\* \(ALL PRIVILEGES\)/);
  });

  it('--check is quiet for a read-only account', async () => {
    const admin = await adminConnection();
    await admin.query("CREATE USER IF NOT EXISTS 'reader'@'127.0.0.1' IDENTIFIED BY 'reader-password-1'");
    await admin.query("GRANT SELECT, SHOW VIEW ON shop.* TO 'reader'@'127.0.0.1'");
    await admin.end();
    const result = await cli({
      args: ['--check'],
      env: testEnvironment({ MYSQL_USER: 'reader', MYSQL_PASSWORD: 'reader-password-1' }),
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/as reader@127\.0\.0\.1 \(read-only\)\n$/);
  });

  it('--check fails clearly on a wrong password, without revealing it or the host', async () => {
    const result = await cli({ args: ['--check'], env: testEnvironment({ MYSQL_PASSWORD: 'wrong-password-123' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'connectormcp-mysql: error: ACCESS_DENIED: The server refused the credentials: check MYSQL_USER and MYSQL_PASSWORD (or MYSQL_URL).\n',
    );
  });

  it('--check names missing and invalid configuration, never echoing MYSQL_URL', async () => {
    expect(await cli({ args: ['--check'], env: {} })).toMatchObject({
      code: 1,
      stderr:
        'connectormcp-mysql: error: INVALID_CONFIG: Missing configuration: set MYSQL_URL or MYSQL_USER (the account to connect as).\n',
    });
    const invalid = await cli({
      args: ['--check'],
      env: { MYSQL_URL: 'postgres://user:secret-pw@db/x', MYSQL_PORT: 'abc' },
    });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('MYSQL_URL: the scheme postgres:// is not supported: use mysql:// or mariadb://');
    expect(invalid.stderr).toContain('MYSQL_PORT: expected a whole number from 1 to 65535 (got "abc")');
    expect(invalid.stderr).not.toContain('secret-pw');
  });
});
