import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import {
  seedS3Sample,
  startMariadb,
  startS3Server,
  waitFor,
  type MariadbServer,
  type S3Server,
} from '@connectormcp/services';
import { createConnectorHub, type ConnectorHub } from '../src/connector-hub.js';
import type { DatasourceHealth } from '../src/datasource-health.js';
import { readToolError } from '../src/read-tool-error.js';
import { mysqlDatasource, s3Datasource } from './support/datasources.js';

const run = promisify(execFile);

function recordChanges() {
  const changes: Array<{ datasourceId: string; health: DatasourceHealth }> = [];
  return { changes, onHealthChange: (change: (typeof changes)[number]) => void changes.push(change) };
}

const waitForStatus = ({
  hub,
  datasourceId,
  status,
  timeoutMs,
}: {
  hub: ConnectorHub;
  datasourceId: string;
  status: DatasourceHealth['status'];
  timeoutMs: number;
}) =>
  waitFor({
    description: `${datasourceId} to be ${status} (now ${JSON.stringify(hub.health(datasourceId))})`,
    probe: async () => hub.health(datasourceId).status === status && hub.health(datasourceId),
    timeoutMs,
    intervalMs: 100,
  });

describe("datasource health from the connector's own check, against real sources", () => {
  describe('a MariaDB killed mid-session', () => {
    let mariadb: MariadbServer;
    let hub: ConnectorHub;
    const { changes, onHealthChange } = recordChanges();
    beforeAll(async () => {
      mariadb = await startMariadb();
      hub = createConnectorHub({
        datasources: [{ ...mysqlDatasource({ MYSQL_URL: `${mariadb.url}/mysql` }), id: 'db' }],
        // The machine running the tests may be slow; slowness is not what these tests are about.
        slowHealthCheckMs: 60_000,
        onHealthChange,
      });
    }, 120_000);
    afterAll(async () => {
      await hub?.close();
      await mariadb?.stop();
    });
    const query = () =>
      hub.callTool({ datasourceId: 'db', name: 'execute_query', arguments: { sql: 'SELECT 1 AS one' } });

    it('is checking at first, then connected with when and how long the check took', async () => {
      expect(hub.health('db')).toEqual({ status: 'checking', reason: null, checkedAt: null, latencyMs: null });
      const connected = await waitForStatus({ hub, datasourceId: 'db', status: 'connected', timeoutMs: 30_000 });
      expect(connected.reason).toBeNull();
      expect(Date.parse(connected.checkedAt!)).toBeGreaterThan(Date.now() - 30_000);
      expect(connected.latencyMs).toBeGreaterThan(0);
      expect((await query()).isError).toBeFalsy();
    });

    it('turns unreachable within seconds of the server going away under a call, with a readable reason', async () => {
      const pid = Number((await readFile(join(dirname(mariadb.dataDirectory), 'mysqld.pid'), 'utf8')).trim());
      process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      // The call may fail at once or wait for the connector's own time limit; a call that runs long is
      // reason enough to check, so the status does not wait for its answer.
      const call = query().then((result) => ({ result, ms: Date.now() - killedAt }));
      const unreachable = await waitForStatus({ hub, datasourceId: 'db', status: 'unreachable', timeoutMs: 20_000 });
      const flippedAfterMs = Date.now() - killedAt;
      const failed = await call;
      console.log(
        `MariaDB killed: unreachable after ${flippedAfterMs} ms; the call failed after ${failed.ms} ms with ${readToolError({ result: failed.result })?.code}`,
      );
      expect(flippedAfterMs).toBeLessThan(15_000);
      expect(failed.result.isError).toBe(true);
      expect(['UPSTREAM_UNAVAILABLE', 'TIMEOUT']).toContain(readToolError({ result: failed.result })?.code);
      expect(unreachable.reason).toMatch(/MySQL server could not be reached/);
      expect(unreachable.reason).not.toContain(mariadb.password);
      expect(unreachable.reason).not.toMatch(/UPSTREAM_UNAVAILABLE|connectormcp-mysql/);
    });

    it('is connected again soon after the server is back and a call succeeds', async () => {
      await mariadb.restart();
      const backAt = Date.now();
      await waitFor({ description: 'a query to succeed', probe: async () => !(await query()).isError });
      await waitForStatus({ hub, datasourceId: 'db', status: 'connected', timeoutMs: 15_000 });
      console.log(`MariaDB restarted: connected ${Date.now() - backAt} ms after it was back`);
      expect(changes.map((change) => change.health.status)).toEqual(['connected', 'unreachable', 'connected']);
      expect(changes.every((change) => change.datasourceId === 'db')).toBe(true);
    });
  });

  describe('an s3rver stopped mid-session, with no calls', () => {
    let s3: S3Server;
    let hub: ConnectorHub;
    const { changes, onHealthChange } = recordChanges();
    const startAndSeed = async (port?: number) => {
      const server = await startS3Server(port ? { port } : {});
      await seedS3Sample({
        endpoint: server.endpoint,
        accessKeyId: server.accessKeyId,
        secretAccessKey: server.secretAccessKey,
      });
      return server;
    };
    beforeAll(async () => {
      s3 = await startAndSeed();
      hub = createConnectorHub({
        datasources: [s3Datasource(s3.environment)],
        healthCheckIntervalMs: 1000,
        slowHealthCheckMs: 60_000,
        onHealthChange,
      });
    });
    afterAll(async () => {
      await hub?.close();
      await s3?.stop();
    });

    it('goes connected, unreachable and connected again from the periodic check alone', async () => {
      hub.startHealthChecks();
      await waitForStatus({ hub, datasourceId: 's3', status: 'connected', timeoutMs: 30_000 });
      await s3.stop();
      const stoppedAt = Date.now();
      await waitForStatus({ hub, datasourceId: 's3', status: 'unreachable', timeoutMs: 30_000 });
      console.log(`s3rver stopped: unreachable ${Date.now() - stoppedAt} ms later (checks every 1 s)`);
      // A check caught mid-request as the server stops may end otherwise; the next one says it plainly.
      await waitFor({
        description: 'the reason to name the endpoint',
        probe: async () => /S3 endpoint could not be reached/.test(hub.health('s3').reason ?? ''),
        timeoutMs: 10_000,
      });
      s3 = await startAndSeed(s3.port);
      await waitForStatus({ hub, datasourceId: 's3', status: 'connected', timeoutMs: 30_000 });
      const statuses = changes.map((change) => change.health.status);
      expect(statuses.filter((status, index) => status !== statuses[index - 1])).toEqual([
        'connected',
        'unreachable',
        'connected',
      ]);
      for (const { health } of changes) expect(health.reason ?? '').not.toMatch(/\n|^\s+at |Node\.js v/);
    });
  });

  it('is degraded while the check passes but calls fail, and connected once a call works again', async () => {
    const { changes, onHealthChange } = recordChanges();
    const hub = createConnectorHub({
      datasources: [mysqlDatasource({ MYSQL_QUERY_TIMEOUT_MS: '60000' })],
      slowHealthCheckMs: 60_000,
      onHealthChange,
    });
    const query = (sql: string) => hub.callTool({ datasourceId: 'mysql', name: 'execute_query', arguments: { sql } });
    try {
      expect((await hub.checkHealth('mysql')).status).toBe('connected');
      await hub.tools({ datasourceIds: ['mysql'] });
      const { pid } = hub.status('mysql');
      expect(pid).toBeGreaterThan(0);
      // The connector process dies under a call while MariaDB is fine.
      const pending = query('SELECT COUNT(*) AS degraded_test FROM events x JOIN events y ON x.kind = y.kind');
      setTimeout(() => process.kill(pid!, 'SIGKILL'), 300);
      await expect(pending).rejects.toThrow();
      const degraded = await waitForStatus({ hub, datasourceId: 'mysql', status: 'degraded', timeoutMs: 15_000 });
      expect(degraded.reason).toMatch(/^The check passes but calls fail: the connector failed: /);
      expect((await query('SELECT 1 AS one')).isError).toBeFalsy();
      await waitForStatus({ hub, datasourceId: 'mysql', status: 'connected', timeoutMs: 15_000 });
      expect(changes.map((change) => change.health.status)).toEqual(['connected', 'degraded', 'connected']);
    } finally {
      await hub.close();
      // The killed connector could not stop its statement; the server is shared with the other tests.
      const admin = await mysql.createConnection(process.env.TEST_MARIADB_URL!);
      const [rows] = await admin.query(
        "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT COUNT(*) AS degraded_test%'",
      );
      for (const { id } of rows as Array<{ id: number }>) await admin.query(`KILL QUERY ${Number(id)}`);
      await admin.end();
    }
  });

  it('runs one check at a time, and test() refreshes the health', async () => {
    const hub = createConnectorHub({ datasources: [mysqlDatasource()], slowHealthCheckMs: 60_000 });
    try {
      const [first, second] = await Promise.all([hub.checkHealth('mysql'), hub.checkHealth('mysql')]);
      expect(first.status).toBe('connected');
      // One check: the same finish time for both callers.
      expect(second.checkedAt).toBe(first.checkedAt);
      // health() after a check does not start another one at once.
      expect(hub.health('mysql')).toEqual(first);
      const tested = await hub.test('mysql');
      expect(tested).toMatchObject({ status: 'ok', check: expect.stringMatching(/^ok: /) });
      // The test's check is the health's latest.
      expect(Date.parse(hub.health('mysql').checkedAt!)).toBeGreaterThan(Date.parse(first.checkedAt!));
    } finally {
      await hub.close();
    }
  });

  it('reports a connector that cannot start as unreachable, naming the missing command only', async () => {
    const hub = createConnectorHub({
      datasources: [
        { id: 'ghost', name: 'Ghost', command: '/nonexistent/connector', env: { API_TOKEN: 'secret-token-value' } },
      ],
    });
    try {
      const health = await hub.checkHealth('ghost');
      expect(health).toMatchObject({
        status: 'unreachable',
        reason: 'The Ghost connector could not be started: /nonexistent/connector was not found.',
      });
    } finally {
      await hub.close();
    }
  });

  it('never keeps the process alive: a host that forgets close() still exits', async () => {
    const script = `
      import { createConnectorHub } from '@connectormcp/orchestrator';
      const hub = createConnectorHub({
        datasources: [{
          id: 'db', name: 'DB', command: process.execPath, args: [process.argv[1]],
          env: { MYSQL_URL: 'mysql://nobody:wrong@127.0.0.1:1/shop' },
        }],
        healthCheckIntervalMs: 600000,
        onHealthChange: ({ health }) => console.log(health.status, health.reason),
      });
      hub.startHealthChecks();
    `;
    const mysqlBin = mysqlDatasource().args![0]!;
    const started = Date.now();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, mysqlBin], {
      cwd: import.meta.dirname,
      env: { PATH: process.env.PATH ?? '' },
      timeout: 50_000,
    });
    // The first check ran and reported; then nothing (an unref'd ten-minute interval) kept the process up.
    expect(stdout.trim()).toMatch(/^unreachable The MySQL server could not be reached/);
    console.log(`a hub never closed: its process exited ${Date.now() - started} ms after it started`);
  });
});
