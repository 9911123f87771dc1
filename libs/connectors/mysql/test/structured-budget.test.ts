import { fileURLToPath } from 'node:url';
import {
  createStructuredBudgetCaller,
  spawnStdioClient,
  type SpawnedClient,
} from '@connectormcp/connector-kit/testing';
import { adminConnection, testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
// A structured budget well below the text's: the text must still never show what the structured content lacks.
const maxStructuredChars = 2000;
// Names sort last, so the other suites' lists of databases are not pushed out of their budgets.
const databases = Array.from({ length: 20 }, (_, index) => `zz_structured_budget_${'d'.repeat(36)}_${index}`);
const [database] = databases as [string];
const tableName = (index: number) => `t_${'n'.repeat(55)}_${String(index).padStart(2, '0')}`;

/** Metadata as large as MariaDB allows: 64-character names, 2,048-character table comments, 1,024-character column comments. */
async function createOversizedSchema() {
  const admin = await adminConnection();
  try {
    for (const name of databases) await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
    for (let index = 0; index < 40; index += 1) {
      await admin.query(
        `CREATE TABLE IF NOT EXISTS \`${database}\`.\`${tableName(index)}\` (id INT PRIMARY KEY) COMMENT '${'c'.repeat(2048)}'`,
      );
    }
    const columns = Array.from(
      { length: 50 },
      (_, index) => `\`c_${index}_${'w'.repeat(40)}\` INT NULL DEFAULT ${index} COMMENT '${'m'.repeat(1024)}'`,
    );
    await admin.query(`CREATE TABLE IF NOT EXISTS \`${database}\`.wide (id INT PRIMARY KEY, ${columns.join(', ')})`);
  } finally {
    await admin.end();
  }
}

describe('MySQL metadata tools keep structuredContent within its budget', () => {
  let connection: SpawnedClient;
  const { call, calledTools } = createStructuredBudgetCaller({
    client: () => connection.client,
    maxStructuredChars,
  });

  beforeAll(async () => {
    await createOversizedSchema();
    connection = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({
        MYSQL_DATABASE: database,
        MYSQL_DATABASES: databases.join(','),
        LOG_LEVEL: 'warn',
        MCP_RESULT_MAX_CHARS: '20000',
        MCP_STRUCTURED_MAX_CHARS: String(maxStructuredChars),
      }),
    });
  }, 120_000);
  afterAll(async () => {
    await connection?.close();
    const admin = await adminConnection();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  });

  it('list_databases keeps the databases that fit', async () => {
    const report = await call({ name: 'list_databases', expectTruncated: true });
    const shown = report.structured.databases as unknown[];
    expect(shown.length).toBeGreaterThan(3);
    expect(report.text).toContain(`[truncated: showing ${shown.length} of 20 rows`);
  });

  it('list_tables caps long comments and keeps the tables that fit', async () => {
    const report = await call({ name: 'list_tables', arguments: { database }, expectTruncated: true });
    const tables = report.structured.tables as Array<{ name: string; comment: string }>;
    expect(tables[0]!.name).toBe(tableName(0));
    expect(tables[0]!.comment).toMatch(/^c{1000}… \[truncated: 1048 more characters\]$/);
    expect(report.text).toContain(`[truncated: showing ${tables.length} of 41 rows`);
  });

  it('describe_table keeps the columns the text shows and cuts the CREATE statement', async () => {
    const report = await call({
      name: 'describe_table',
      arguments: { database, table: 'wide', include_create_statement: true },
      expectTruncated: true,
    });
    const columns = report.structured.columns as Array<{ name: string }>;
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.length).toBeLessThan(51);
    expect(report.text).toContain(`[truncated: showing ${columns.length} of 51 rows]`);
    expect(report.structured.create_statement).toMatch(/… \[truncated: \d+ more characters\]$/);
  });

  it('get_table_stats keeps the tables that fit', async () => {
    const report = await call({ name: 'get_table_stats', arguments: { database }, expectTruncated: true });
    const tables = report.structured.tables as unknown[];
    expect(report.text).toContain(`[truncated: showing ${tables.length} of 41 rows`);
  });

  it('execute_query keeps the rows and cut values that fit', async () => {
    const report = await call({
      name: 'execute_query',
      arguments: { sql: "SELECT seq, REPEAT('v', 1048576) AS wide FROM seq_1_to_50", database },
      expectTruncated: true,
    });
    const rows = report.structured.rows as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(report.text).toContain('SUBSTRING');
  });

  it('execute_statement answers a write of a 1 MB value within the budget', async () => {
    const admin = await adminConnection();
    await admin.query(
      `CREATE TABLE IF NOT EXISTS \`${database}\`.notes (id INT AUTO_INCREMENT PRIMARY KEY, body LONGTEXT)`,
    );
    await admin.end();
    const writer = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({
        MYSQL_DATABASE: database,
        MYSQL_DATABASES: database,
        MYSQL_ALLOW_WRITES: 'true',
        LOG_LEVEL: 'warn',
        MCP_STRUCTURED_MAX_CHARS: String(maxStructuredChars),
      }),
    });
    try {
      const { tools } = await writer.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('execute_statement');
      const report = await call({
        client: writer.client,
        name: 'execute_statement',
        arguments: { sql: "INSERT INTO notes (body) VALUES (REPEAT('b', 1048576))", database },
      });
      expect(report.structured.affected_rows).toBe(1);
      expect(writer.stderr()).not.toContain('was cut by the kit');
    } finally {
      await writer.close();
    }
  });

  it('every tool was called, and each cut its own output', async () => {
    const { tools } = await connection.client.listTools();
    // execute_statement exists only with writes on: its test starts a connector of its own.
    expect(calledTools()).toEqual([...tools.map((tool) => tool.name), 'execute_statement'].sort());
    expect(connection.stderr()).not.toContain('was cut by the kit');
  });
});
