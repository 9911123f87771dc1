// MySQL connector: tool-call round trips over stdio against the same work done with plain mysql2 in
// this process, and the connector's peak memory while a SELECT * over a million rows returns 200.
import { fileURLToPath } from 'node:url';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { seedMysqlSample, startMariadb } from '@connectormcp/services';
import mysql from 'mysql2/promise';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { measureConnectorMemory } from '../measure-connector-memory.ts';
import { measureRoundTrips } from '../measure-round-trips.ts';

const bin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));
const iterations = 300;
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
      return rows;
    } finally {
      await server.stop();
    }
  },
});
