import { fileURLToPath } from 'node:url';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { readValueFormat } from '@connectormcp/connector-kit/value-format';
import { adminConnection, testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  default?: unknown;
  enum?: unknown[];
}

describe('value formats and connection defaults, over stdio against MariaDB', () => {
  let connection: SpawnedClient;
  let tools: Array<{ name: string; inputSchema: JsonSchema; outputSchema?: JsonSchema }>;
  beforeAll(async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment() });
    tools = (await connection.client.listTools()).tools as typeof tools;
  });
  afterAll(async () => {
    await connection.close();
  });
  const schemaOf = (name: string) => tools.find((tool) => tool.name === name)!;
  const formatsOf = (schema: JsonSchema | undefined) =>
    Object.fromEntries(
      Object.entries(schema?.properties ?? {}).flatMap(([key, property]) => {
        const format = readValueFormat({ schema: property });
        return format ? [[key, format]] : [];
      }),
    );

  it('gives each column of execute_query the format of its MySQL type, with values to match', async () => {
    const result = await connection.client.callTool({
      name: 'execute_query',
      arguments: {
        sql: `SELECT id, total, placed_at, CAST(placed_at AS DATETIME) AS placed_wall_clock, DATE(placed_at) AS day,
                     status, customer_id, CAST(9007199254740993 AS UNSIGNED) AS big, 1.5e0 AS ratio
                FROM orders ORDER BY id LIMIT 1`,
      },
    });
    expect(result.isError).toBeFalsy();
    const {
      columns,
      rows,
      elapsed_ms: elapsedMs,
    } = result.structuredContent as {
      columns: Array<{ name: string; type: string; format?: string }>;
      rows: unknown[][];
      elapsed_ms: number;
    };
    expect(columns).toEqual([
      { name: 'id', type: 'LONGLONG', format: 'decimal' },
      { name: 'total', type: 'NEWDECIMAL', format: 'decimal' },
      { name: 'placed_at', type: 'TIMESTAMP', format: 'date-time' },
      { name: 'placed_wall_clock', type: 'DATETIME', format: 'date-time' },
      { name: 'day', type: 'DATE', format: 'date' },
      { name: 'status', type: 'STRING' },
      { name: 'customer_id', type: 'LONG' },
      { name: 'big', type: 'LONGLONG', format: 'decimal' },
      { name: 'ratio', type: 'DOUBLE' },
    ]);
    const admin = await adminConnection();
    await admin.query("SET time_zone = '+00:00'");
    const [[expected]] = (await admin.query(
      "SELECT id, total, DATE_FORMAT(placed_at, '%Y-%m-%dT%H:%i:%s') AS placed FROM shop.orders ORDER BY id LIMIT 1",
    )) as unknown as [[{ id: string; total: string; placed: string }]];
    await admin.end();
    const [id, total, placedAt, wallClock, day, , , big] = rows[0]!;
    expect({ id, total, big }).toEqual({ id: String(expected!.id), total: expected!.total, big: '9007199254740993' });
    // TIMESTAMP in UTC with its offset; DATETIME as written (here the same UTC wall clock), with none.
    expect(placedAt).toBe(`${expected!.placed}Z`);
    expect(wallClock).toBe(expected!.placed);
    expect(day).toBe(expected!.placed.slice(0, 10));
    expect(typeof elapsedMs).toBe('number');

    const output = schemaOf('execute_query').outputSchema!;
    expect(output.properties!.columns!.items!.properties!.format!.enum).toEqual([
      'date-time',
      'date',
      'decimal',
      'money',
      'bytes',
      'milliseconds',
      'identifier',
    ]);
    expect(formatsOf(output)).toEqual({ elapsed_ms: 'milliseconds' });
  });

  it('annotates the fixed fields of the other tools: sizes in bytes, counts as decimals, times in UTC', async () => {
    expect(formatsOf(schemaOf('get_table_stats').outputSchema!.properties!.tables!.items)).toEqual({
      rows: 'decimal',
      data_bytes: 'bytes',
      index_bytes: 'bytes',
      auto_increment: 'decimal',
      created: 'date-time',
      updated: 'date-time',
    });
    expect(formatsOf(schemaOf('list_tables').outputSchema!.properties!.tables!.items)).toEqual({
      estimated_rows: 'decimal',
    });
    // The client validates structuredContent against these schemas: a value not in its format fails the call.
    const stats = await connection.client.callTool({ name: 'get_table_stats', arguments: { table: 'orders' } });
    expect(stats.isError).toBeFalsy();
    const [orders] = (stats.structuredContent as { tables: Array<Record<string, unknown>> }).tables;
    expect(orders).toMatchObject({ table: 'orders', data_bytes: expect.any(Number), index_bytes: expect.any(Number) });
    expect(orders!.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Created by this test run's server, so within the last day, read as UTC.
    expect(Math.abs(Date.now() - Date.parse(orders!.created as string))).toBeLessThan(24 * 3600 * 1000);
  });

  it('shows the default database as the JSON Schema default, and needs no database where one is set', async () => {
    for (const name of ['list_tables', 'describe_table', 'get_table_stats', 'execute_query']) {
      const input = schemaOf(name).inputSchema;
      expect({ name, default: input.properties!.database!.default, required: input.required ?? [] }).toEqual({
        name,
        default: 'shop',
        required: expect.not.arrayContaining(['database']),
      });
    }
    const listed = await connection.client.callTool({ name: 'list_tables', arguments: {} });
    expect((listed.structuredContent as { database: string }).database).toBe('shop');
    // An explicit database is still checked against the policy.
    const refused = await connection.client.callTool({
      name: 'execute_query',
      arguments: { sql: 'SELECT 1', database: 'mysql' },
    });
    expect((refused.content as Array<{ text: string }>)[0]!.text).toMatch(/^ACCESS_DENIED: .*system schemas/);
  });

  it('asks for the database where the connection has no default', async () => {
    const environment = testEnvironment();
    delete (environment as Record<string, string | undefined>).MYSQL_DATABASE;
    const bare = await spawnStdioClient({ args: [bin], env: environment });
    try {
      const { tools: bareTools } = (await bare.client.listTools()) as unknown as { tools: typeof tools };
      const listTables = bareTools.find((tool) => tool.name === 'list_tables')!.inputSchema;
      expect(listTables.required).toContain('database');
      expect(listTables.properties!.database!.default).toBeUndefined();
      const missing = await bare.client.callTool({ name: 'list_tables', arguments: {} });
      expect(missing.isError).toBe(true);
    } finally {
      await bare.close();
    }
  });
});
