import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectInMemory, type ConnectedClient } from '@connectormcp/connector-kit/testing';
import { createMysqlServer } from '../src/create-mysql-server.js';
import type { MysqlConfigInput } from '../src/mysql-config.js';
import { runningStatements, testConfig } from './support/test-database.js';

type CallResult = Awaited<ReturnType<Client['callTool']>>;
const textOf = (result: CallResult) =>
  (result.content as Array<{ text: string }>).map((block) => block.text).join('\n');

async function connect(overrides: Partial<MysqlConfigInput> = {}, maxResultChars?: number) {
  const { server, cleanup } = createMysqlServer(testConfig(overrides), maxResultChars ? { maxResultChars } : {});
  const connection = await connectInMemory({ server });
  return {
    ...connection,
    call: (name: string, args: Record<string, unknown>) => connection.client.callTool({ name, arguments: args }),
    async close() {
      await connection.close();
      await cleanup();
    },
  };
}

describe('MySQL connector tools against MariaDB', () => {
  let connection: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    connection = await connect();
  });
  afterAll(() => connection.close());

  it('lists databases without system schemas, and with them when asked', async () => {
    const result = await connection.call('list_databases', {});
    const names = (result.structuredContent as { databases: Array<{ name: string; tables: number }> }).databases.map(
      (database) => database.name,
    );
    expect(names).toEqual(expect.arrayContaining(['shop', 'other']));
    expect(names).not.toEqual(expect.arrayContaining(['mysql']));
    expect(names).not.toContain('information_schema');
    const all = await connection.call('list_databases', { include_system: true });
    expect(JSON.stringify(all.structuredContent)).toContain('"mysql"');
  });

  it('lists tables with type, engine, estimated rows and comment', async () => {
    const result = await connection.call('list_tables', { database: 'shop' });
    const tables = (
      result.structuredContent as {
        tables: Array<{ name: string; type: string; engine: string | null; comment: string }>;
      }
    ).tables;
    expect(tables.map((table) => table.name).sort()).toEqual([
      'customers',
      'events',
      'order_items',
      'orders',
      'products',
      'revenue_by_month',
    ]);
    expect(tables.find((table) => table.name === 'revenue_by_month')).toMatchObject({ type: 'view', engine: null });
    expect(tables.find((table) => table.name === 'customers')).toMatchObject({
      type: 'table',
      engine: 'InnoDB',
      comment: 'People who bought something',
    });
    expect(textOf(result)).toContain('customers\ttable\tInnoDB');
  });

  it('describes columns, keys, indexes and foreign keys, and the CREATE statement on request', async () => {
    const result = await connection.call('describe_table', {
      database: 'shop',
      table: 'orders',
      include_create_statement: true,
    });
    const description = result.structuredContent as {
      columns: Array<{ name: string; type: string; nullable: boolean; key: string }>;
      primary_key: string[];
      foreign_keys: Array<{ name: string; columns: string[]; referenced_table: string; on_delete: string }>;
      indexes: Array<{ name: string }>;
      create_statement: string;
    };
    expect(description.primary_key).toEqual(['id']);
    expect(description.columns.find((column) => column.name === 'status')).toMatchObject({
      type: "enum('pending','paid','shipped','refunded','cancelled')",
      nullable: false,
    });
    expect(description.foreign_keys).toEqual([
      expect.objectContaining({
        name: 'fk_orders_customer',
        columns: ['customer_id'],
        referenced_table: 'customers',
        on_delete: 'RESTRICT',
      }),
    ]);
    expect(description.indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(['PRIMARY', 'idx_orders_placed_at']),
    );
    expect(description.create_statement).toMatch(/^CREATE TABLE `orders`/);
    expect(textOf(result)).toContain('fk_orders_customer (customer_id) -> customers (id)');
  });

  it('answers NOT_FOUND naming an unknown table or database', async () => {
    const table = await connection.call('describe_table', { database: 'shop', table: 'nope' });
    expect(table.isError).toBe(true);
    expect(textOf(table)).toBe('NOT_FOUND: Table shop.nope does not exist. Use list_tables to see the tables of shop.');
    const database = await connection.call('list_tables', { database: 'nowhere' });
    expect(textOf(database)).toMatch(/^NOT_FOUND: Database nowhere does not exist/);
    const query = await connection.call('execute_query', { sql: 'SELECT * FROM missing_table' });
    expect(textOf(query)).toMatch(/^NOT_FOUND: .*missing_table/);
  });

  it('returns JSON-safe values: BIGINT and DECIMAL as strings, ISO dates, binary previews, NULL', async () => {
    const result = await connection.call('execute_query', {
      sql: `SELECT CAST(9007199254740993 AS UNSIGNED) AS big, CAST('12.50' AS DECIMAL(10,2)) AS price,
                   TIMESTAMP('2026-11-24 10:00:00') AS at, DATE('2026-11-24') AS day, thumbnail, NULL AS nothing
              FROM products WHERE thumbnail IS NOT NULL ORDER BY id LIMIT 1`,
    });
    const { columns, rows } = result.structuredContent as {
      columns: Array<{ name: string; type: string }>;
      rows: unknown[][];
    };
    expect(columns.map((column) => column.name)).toEqual(['big', 'price', 'at', 'day', 'thumbnail', 'nothing']);
    expect(rows[0]).toEqual([
      '9007199254740993',
      '12.50',
      '2026-11-24T10:00:00',
      '2026-11-24',
      '0x89504e4700 (5 bytes)',
      null,
    ]);
  });

  it('binds parameters as placeholders', async () => {
    const result = await connection.call('execute_query', {
      sql: 'SELECT sku, category FROM products WHERE category = ? AND price > ? ORDER BY sku LIMIT 3',
      params: ["Tea' OR '1'='1", 0],
    });
    expect((result.structuredContent as { row_count: number }).row_count).toBe(0);
    const tea = await connection.call('execute_query', {
      sql: 'SELECT COUNT(*) AS n FROM products WHERE category = ?',
      params: ['Tea'],
    });
    expect((tea.structuredContent as { rows: unknown[][] }).rows).toEqual([['8']]);
  });

  it('stops reading at max_rows on a million-row table and says so', async () => {
    // Narrow rows, so the row cap rather than the byte budget is what stops reading.
    const result = await connection.call('execute_query', { sql: 'SELECT id, kind FROM events', max_rows: 200 });
    const structured = result.structuredContent as {
      rows: unknown[][];
      row_count: number;
      truncated: boolean;
      elapsed_ms: number;
    };
    expect(structured.truncated).toBe(true);
    expect(structured.row_count).toBeLessThanOrEqual(200);
    expect(structured.elapsed_ms).toBeLessThan(5000);
    expect(textOf(result)).toMatch(/\[truncated: showing \d+ of more than 200 rows\. Narrow the query/);
    expect(await runningStatements({ like: 'SELECT id, kind FROM events' })).toBe(0);
  });

  it('keeps the text within the character budget', async () => {
    const small = await connect({}, 2000);
    const result = await small.call('execute_query', { sql: 'SELECT * FROM customers' });
    expect(textOf(result).length).toBeLessThanOrEqual(2000);
    expect(textOf(result)).toContain('[truncated: showing');
    await small.close();
  });

  it('reports estimated and exact table statistics', async () => {
    const estimated = await connection.call('get_table_stats', { database: 'shop', table: 'orders' });
    expect((estimated.structuredContent as { tables: Array<{ rows_exact: boolean }> }).tables[0]).toMatchObject({
      rows_exact: false,
    });
    const exact = await connection.call('get_table_stats', { database: 'shop', table: 'orders', exact: true });
    expect(
      (exact.structuredContent as { tables: Array<{ rows: string; auto_increment: string }> }).tables[0],
    ).toMatchObject({
      rows: '600',
      auto_increment: '601',
    });
  });

  it('times out long statements, stopping them on the server', async () => {
    const slow = await connect({ queryTimeoutMs: 500 });
    const started = Date.now();
    const result = await slow.call('execute_query', {
      sql: 'SELECT COUNT(*) FROM events a JOIN events b ON a.kind = b.kind',
    });
    expect(textOf(result)).toMatch(/^TIMEOUT: /);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await runningStatements({ like: 'SELECT COUNT(*) FROM events a%' })).toBe(0);
    await slow.close();
  });

  it('kills the statement on the server when the call is cancelled', async () => {
    const controller = new AbortController();
    const call = connection.client.callTool(
      { name: 'execute_query', arguments: { sql: 'SELECT COUNT(*) FROM events a JOIN events b ON a.kind = b.kind' } },
      undefined,
      { signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await expect(call).rejects.toThrow();
    expect(await runningStatements({ like: 'SELECT COUNT(*) FROM events a%' })).toBe(0);
  });

  it('serves the database list and table schema resources', async () => {
    const databases = await connection.client.readResource({ uri: 'mysql://databases' });
    expect(JSON.parse((databases.contents[0] as { text: string }).text)).toEqual(
      expect.arrayContaining(['shop', 'other']),
    );
    const schema = await connection.client.readResource({ uri: 'mysql://shop/order_items/schema' });
    const description = JSON.parse((schema.contents[0] as { text: string }).text) as { primary_key: string[] };
    expect(description.primary_key).toEqual(['order_id', 'product_id']);
    const { resources } = await connection.client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain('mysql://shop/orders/schema');
  });
});

describe('the MYSQL_DATABASES allowlist', () => {
  let connection: ConnectedClient & { call: (name: string, args: Record<string, unknown>) => Promise<CallResult> };
  beforeAll(async () => {
    connection = (await connect({ allowedDatabases: ['shop'] })) as typeof connection;
  });
  afterAll(() => connection.close());

  it('hides other databases and refuses every query that touches them, in joins and subqueries', async () => {
    const list = await connection.call('list_databases', { include_system: true });
    expect(
      (list.structuredContent as { databases: Array<{ name: string }> }).databases.map((database) => database.name),
    ).toEqual(['shop']);
    for (const sql of [
      'SELECT * FROM other.orders',
      'SELECT o.id FROM orders o JOIN other.customers c ON c.id = o.customer_id',
      'SELECT id FROM orders WHERE customer_id IN (SELECT id FROM other.customers)',
      'SELECT * FROM (SELECT * FROM other.products) p',
      'SELECT * FROM information_schema.TABLES',
      'SHOW TABLES FROM other',
      'SHOW COLUMNS FROM orders FROM other',
      'SHOW INDEX FROM other.orders',
      'SELECT id FROM orders WHERE id IN (WITH c AS (SELECT id FROM other.orders) SELECT id FROM c)',
      'DESCRIBE other.orders',
    ]) {
      const result = await connection.call('execute_query', { sql });
      expect({ sql, text: textOf(result) }).toEqual({ sql, text: expect.stringMatching(/^ACCESS_DENIED: /) });
    }
    expect(textOf(await connection.call('list_tables', { database: 'other' }))).toMatch(/^ACCESS_DENIED: /);
    expect(textOf(await connection.call('execute_query', { sql: 'SELECT COUNT(*) FROM orders' }))).not.toMatch(
      /ACCESS_DENIED/,
    );
  });
});

describe('execute_statement with MYSQL_ALLOW_WRITES and an allowlist', () => {
  let connection: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    connection = await connect({ allowWrites: true, allowedDatabases: ['shop'], queryTimeoutMs: 1000 });
  });
  afterAll(async () => {
    await connection.call('execute_statement', { sql: 'DROP TABLE IF EXISTS scratch_writes' });
    await connection.close();
  });

  it('changes data inside the allowlist, including columns named like keywords', async () => {
    const created = await connection.call('execute_statement', {
      sql: "CREATE TABLE scratch_writes (id INT PRIMARY KEY, status VARCHAR(10) NOT NULL DEFAULT 'new')",
    });
    expect(created.isError).toBeFalsy();
    const inserted = await connection.call('execute_statement', {
      sql: 'INSERT INTO scratch_writes (id, status) VALUES (?, ?), (?, ?)',
      params: [1, 'new', 2, 'new'],
    });
    expect(inserted.structuredContent).toMatchObject({ affected_rows: 2 });
    const updated = await connection.call('execute_statement', {
      sql: 'UPDATE scratch_writes SET status = ? WHERE id = ?',
      params: ['done', 2],
    });
    expect(textOf(updated)).toMatch(/^1 row\(s\) affected/);
    const read = await connection.call('execute_query', {
      sql: 'SELECT id, status FROM scratch_writes WHERE status = ? ORDER BY id',
      params: ['done'],
    });
    expect((read.structuredContent as { rows: unknown[][] }).rows).toEqual([[2, 'done']]);
  });

  it('refuses administration, file access and databases outside the allowlist', async () => {
    for (const [sql, message] of [
      ['INSERT INTO other.customers (email, name, country, created_at) VALUES (1, 1, 1, NOW())', /^ACCESS_DENIED: /],
      ['DELETE c FROM customers c JOIN other.customers o ON o.id = c.id', /^ACCESS_DENIED: /],
      [
        "CREATE USER 'intruder'@'%' IDENTIFIED BY 'x'",
        /^ACCESS_DENIED: statement not allowed: CREATE USER is administration/,
      ],
      ["GRANT ALL ON *.* TO 'intruder'@'%'", /^ACCESS_DENIED: statement not allowed: GRANT is administration/],
      ['SET GLOBAL max_connections = 1', /^ACCESS_DENIED: statement not allowed: SET GLOBAL is administration/],
      ["INSERT INTO scratch_writes (id, status) SELECT 3, LOAD_FILE('/etc/passwd')", /^ACCESS_DENIED: /],
      ['UPDATE mysql.user SET Host = "%"', /^ACCESS_DENIED: /],
    ] as const) {
      expect({ sql, text: textOf(await connection.call('execute_statement', { sql })) }).toEqual({
        sql,
        text: expect.stringMatching(message),
      });
    }
  });

  it('stops a write that runs past the time limit on the server', async () => {
    const result = await connection.call('execute_statement', {
      sql: 'UPDATE scratch_writes SET status = (SELECT COUNT(*) FROM events a JOIN events b ON a.kind = b.kind)',
    });
    expect(textOf(result)).toMatch(/^TIMEOUT: /);
    expect(await runningStatements({ like: 'UPDATE scratch_writes%' })).toBe(0);
  });
});
