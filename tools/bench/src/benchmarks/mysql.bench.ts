// MySQL connector: tool-call round trips over stdio against the same work done with plain mysql2 in
// this process; execute_query against a floor measured in the same run (a JSON-RPC ping over the same stdio
// plus the same query through plain mysql2), whose goal is at most 1.5x; and the connector's peak memory
// while a SELECT * over a million rows returns 200 and while rows of 15 MB and 1 MB values are cut.
import { fileURLToPath } from 'node:url';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { seedMysqlSample, startMariadb } from '@connectormcp/services';
import mysql from 'mysql2/promise';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { measureConnectorMemory } from '../measure-connector-memory.ts';
import { percentile, timeOperation } from '../measure.ts';
import { measureRoundTrips } from '../measure-round-trips.ts';

const bin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));
const iterations = 300;
const floorGoalRatio = 1.5;
const floorQueries = [
  { metric: 'execute_query point lookup', sql: 'SELECT * FROM orders WHERE id = 42' },
  { metric: 'execute_query 100 rows', sql: 'SELECT * FROM orders ORDER BY id LIMIT 100' },
];
const wideQueries = [
  {
    metric: "peak RSS, SELECT REPEAT('x', 15000000) FROM seq_1_to_200",
    sql: "SELECT REPEAT('x', 15000000) FROM seq_1_to_200",
  },
  {
    metric: "peak RSS, 50 rows of 1 MB (REPEAT('y', 1048576))",
    sql: "SELECT seq, REPEAT('y', 1048576) FROM seq_1_to_50",
  },
];

/**
 * p50 and p99 of a tool call against its floor: what the transport alone costs (a ping over the same
 * stdio) plus what the database alone costs (the same query through plain mysql2), each measured here.
 */
async function measureAgainstFloor({
  metric,
  operation,
  transport,
  database,
}: {
  metric: string;
  operation: () => Promise<unknown>;
  transport: () => Promise<unknown>;
  database: () => Promise<unknown>;
}): Promise<BenchmarkRow[]> {
  const samples = await timeOperation({ operation, iterations });
  const transportSamples = await timeOperation({ operation: transport, iterations });
  const databaseSamples = await timeOperation({ operation: database, iterations });
  return [50, 99].map((p) => {
    const value = percentile({ samples, p });
    const floor = percentile({ samples: transportSamples, p }) + percentile({ samples: databaseSamples, p });
    return {
      benchmark: 'mysql vs floor (stdio ping + mysql2)',
      metric: `${metric} p${p}`,
      value,
      unit: 'ms',
      baseline: floor,
      ...(p === 50 ? { goal: `<= ${floorGoalRatio}x`, met: value <= floorGoalRatio * floor } : {}),
    };
  });
}
const describeQueries = [
  'SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
  'SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_KEY, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
  'SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX',
  'SELECT CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
];

export default defineBenchmark({
  name: 'mysql',
  async run() {
    const server = await startMariadb();
    try {
      await seedMysqlSample({ url: server.url, database: 'shop', largeTableRows: 1_000_000 });
      const env = {
        MYSQL_HOST: server.host,
        MYSQL_PORT: String(server.port),
        MYSQL_USER: server.user,
        MYSQL_PASSWORD: server.password,
        MYSQL_DATABASE: 'shop',
        LOG_LEVEL: 'warn',
      };
      const pool = mysql.createPool({ uri: `${server.url}/shop`, connectionLimit: 2 });
      const connector = await spawnStdioClient({ args: [bin], env });
      const rows: BenchmarkRow[] = [];
      try {
        const call = (name: string, args: Record<string, unknown>) =>
          connector.client.callTool({ name, arguments: args });
        const cases = [
          {
            metric: 'describe_table orders',
            operation: () => call('describe_table', { database: 'shop', table: 'orders' }),
            // The same four information_schema reads describe_table makes, without its read-only session.
            baseline: async () => {
              for (const sql of describeQueries) await pool.query(sql, ['shop', 'orders']);
            },
          },
          {
            metric: 'execute_query 100 rows',
            operation: () => call('execute_query', { sql: 'SELECT * FROM orders ORDER BY id LIMIT 100' }),
            baseline: () => pool.query('SELECT * FROM orders ORDER BY id LIMIT 100'),
          },
        ];
        rows.push(...(await measureRoundTrips({ benchmark: 'mysql stdio round trip', cases, iterations })));
        for (const { metric, sql } of floorQueries) {
          rows.push(
            ...(await measureAgainstFloor({
              metric,
              operation: async () => {
                const result = await call('execute_query', { sql });
                if (result.isError) throw new Error(`query failed: ${JSON.stringify(result.content)}`);
              },
              transport: () => connector.client.ping(),
              database: () => pool.query(sql),
            })),
          );
        }
      } finally {
        await connector.close();
        await pool.end();
      }

      rows.push(
        await measureConnectorMemory({
          benchmark: 'mysql memory',
          metric: 'peak RSS, SELECT * over 1M rows (200 returned)',
          bin,
          env,
          goalMegabytes: 120,
          workload: async (client) => {
            const result = await client.callTool({
              name: 'execute_query',
              arguments: { sql: 'SELECT * FROM events', max_rows: 200 },
            });
            if (result.isError) throw new Error(`query failed: ${JSON.stringify(result.content)}`);
          },
        }),
      );
      for (const { metric, sql } of wideQueries) {
        rows.push(
          await measureConnectorMemory({
            benchmark: 'mysql memory',
            metric,
            bin,
            env,
            goalMegabytes: 150,
            workload: async (client) => {
              const result = await client.callTool({ name: 'execute_query', arguments: { sql } });
              if (result.isError) throw new Error(`query failed: ${JSON.stringify(result.content)}`);
              if ((result.structuredContent as { truncated?: boolean }).truncated !== true) {
                throw new Error('the wide rows were not cut');
              }
            },
          }),
        );
      }
      return rows;
    } finally {
      await server.stop();
    }
  },
});
