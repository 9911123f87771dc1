import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  callToolWithinStructuredBudget,
  spawnStdioClient,
  type SpawnedClient,
} from '@connectormcp/connector-kit/testing';
import { adminConnection, runningStatements, testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const structuredBudget = 20_000;

/** The connector process's peak resident memory (VmHWM) in MiB. */
async function peakMegabytes({ pid }: { pid: number }): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function globalStatus({ names }: { names: string[] }): Promise<Record<string, number>> {
  const admin = await adminConnection();
  try {
    const [rows] = await admin.query('SHOW GLOBAL STATUS WHERE Variable_name IN (?)', [names]);
    return Object.fromEntries(
      (rows as Array<{ Variable_name: string; Value: string }>).map((row) => [row.Variable_name, Number(row.Value)]),
    );
  } finally {
    await admin.end();
  }
}

interface QueryResult {
  rows: unknown[][];
  row_count: number;
  truncated: boolean;
  truncated_cells: Array<{ row: number; column: string; bytes: number }>;
  hint?: string;
}

describe('execute_query over stdio with rows of megabytes', () => {
  let connection: SpawnedClient;
  beforeAll(async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment({ LOG_LEVEL: 'warn' }) });
  });
  afterAll(() => connection.close());

  const query = (sql: string) =>
    callToolWithinStructuredBudget({
      client: connection.client,
      name: 'execute_query',
      arguments: { sql },
      maxStructuredChars: structuredBudget,
      expectTruncated: true,
    });

  it('answers 200 rows of 15 MB values with what fits, says how to narrow, stops the statement, stays small', async () => {
    const { structured, text, length } = await query("SELECT REPEAT('x', 15000000) AS big FROM seq_1_to_200");
    const result = structured as unknown as QueryResult;
    expect(length).toBeLessThanOrEqual(structuredBudget);
    expect(result.row_count).toBeGreaterThan(0);
    expect(result.row_count).toBeLessThan(200);
    for (const [value] of result.rows) expect(value).toMatch(/^x{4096}…$/);
    expect(result.truncated_cells).toEqual(result.rows.map((_row, row) => ({ row, column: 'big', bytes: 15_000_000 })));
    expect(result.hint).toMatch(/fewer columns.*SUBSTRING\(column, 1, n\).*LIMIT/);
    expect(text).toMatch(/\[truncated: showing \d+ of more than \d+ rows\. The rows reached the size budget/);
    expect(text).toContain('cut to at most 4096 bytes: big in row 1 (15000000 bytes)');
    expect(await runningStatements({ like: "SELECT REPEAT('x', 15000000)%" })).toBe(0);
    expect(await peakMegabytes({ pid: connection.pid! })).toBeLessThan(150);
  });

  it('keeps structuredContent of 50 rows of 1 MB values as small as the text says', async () => {
    const { structured, text, length } = await query(
      "SELECT seq AS id, REPEAT('y', 1048576) AS payload FROM seq_1_to_50",
    );
    const result = structured as unknown as QueryResult;
    expect(length).toBeLessThanOrEqual(structuredBudget);
    expect(result.rows.map(([id]) => id)).toEqual(result.rows.map((_row, index) => String(index + 1)));
    expect(result.truncated_cells.every((cell) => cell.column === 'payload' && cell.bytes === 1_048_576)).toBe(true);
    expect(result.truncated_cells).toHaveLength(result.row_count);
    // The text shows the same rows as the structured content, each cut value marked.
    expect(text.split('\n').filter((line) => /^\d+\ty+…$/.test(line))).toHaveLength(result.row_count);
    expect(await runningStatements({ like: "SELECT seq AS id, REPEAT('y'%" })).toBe(0);
    expect(await peakMegabytes({ pid: connection.pid! })).toBeLessThan(150);
  });

  it('fits one row wider than the whole budget by cutting each of its values to a fair share', async () => {
    const columns = Array.from({ length: 10 }, (_value, index) => `REPEAT('${index}', 100000) AS c${index}`);
    const { structured, length } = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'execute_query',
      arguments: { sql: `SELECT ${columns.join(', ')}` },
      maxStructuredChars: structuredBudget,
      expectTruncated: true,
    });
    const result = structured as unknown as QueryResult;
    expect(length).toBeLessThanOrEqual(structuredBudget);
    expect(result.row_count).toBe(1);
    expect(result.truncated_cells).toHaveLength(10);
    for (const value of result.rows[0]!) expect((value as string).length).toBeGreaterThan(500);
  });

  it('still reads whole values below the cap, and the session stays read-only with the pinned sql_mode', async () => {
    const { structured } = await callToolWithinStructuredBudget({
      client: connection.client,
      name: 'execute_query',
      arguments: {
        sql: "SELECT REPEAT('é', 2000) AS accents, @@session.tx_read_only AS read_only, @@session.sql_mode AS mode, @@session.time_zone AS zone",
      },
      maxStructuredChars: structuredBudget,
      expectTruncated: false,
    });
    const result = structured as unknown as QueryResult;
    expect(result.rows).toEqual([
      ['é'.repeat(2000), '1', 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', '+00:00'],
    ]);
    expect(result.truncated_cells).toEqual([]);
  });

  it('costs one statement of set-up per read, done after the previous answer: no USE, no transaction', async () => {
    const counters = ['Com_set_option', 'Com_change_db', 'Com_begin', 'Com_rollback', 'Com_select', 'Connections'];
    await connection.client.callTool({ name: 'execute_query', arguments: { sql: 'SELECT 1' } });
    // The set-up of a session is done in the background after an answer: let it finish before counting.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    const before = await globalStatus({ names: counters });
    const calls = 5;
    for (let call = 0; call < calls; call += 1) {
      const result = await connection.client.callTool({
        name: 'execute_query',
        arguments: { sql: 'SELECT COUNT(*) FROM orders' },
      });
      expect(result.isError).toBeFalsy();
    }
    await settle();
    const after = await globalStatus({ names: counters });
    const delta = Object.fromEntries(counters.map((name) => [name, after[name]! - before[name]!]));
    // One connection is the administrator's that reads the counters; the pool opens the others when a call
    // comes before a connection's background set-up is done, and sets a fresh one up on the call's path.
    const opened = delta.Connections! - 1;
    expect(opened).toBeLessThanOrEqual(calls);
    // The status query of the administrator's connection counts as no SELECT.
    expect(delta).toEqual({
      Com_set_option: calls + opened,
      Com_change_db: 0,
      Com_begin: 0,
      Com_rollback: 0,
      Com_select: calls,
      Connections: opened + 1,
    });
  });
});
