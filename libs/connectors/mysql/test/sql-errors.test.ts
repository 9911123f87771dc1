import { fileURLToPath } from 'node:url';
import { errorCodeMetaKey } from '@connectormcp/connector-kit';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { adminConnection, testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

// Text that is not SQL; none of it may ever run, so each is also sent to MariaDB as is, for its own words.
const notSql = [
  'SELEC * FROM orders',
  'SELECT * FORM orders',
  'SELECT 1 +',
  "SELECT 'abc",
  'SELECT `id FROM orders',
  'SELECT (1',
  'SELECT 1)',
  'SELECT * FROM orders WHERE',
  'SELECT id,\nFROM orders',
  'SELECT FROM WHERE',
  'SELECT * FROM orders ORDER status',
  'SELECT count(* FROM orders',
  'SELECT 1 2',
  'SELECT id FROM orders WHERE id IN (1,2',
  'WITH x AS (SELECT 1) SELEC * FROM x',
  '(SHOW TABLES)',
  'SHOW TABLES FROM shop extra',
  'DESCRIBE orders status extra',
  'SHOW TABLS',
  '42',
];

interface ToolResult {
  isError?: boolean;
  content: Array<{ text: string }>;
  _meta?: Record<string, { code: string; details?: Record<string, unknown> }>;
}

/** `near '…' at line N` of a message from the server or the connector. */
function nearOf(message: string): { near: string; line: number } | undefined {
  const match = /near '([\s\S]*?)' at line (\d+)/.exec(message);
  return match ? { near: match[1]!, line: Number(match[2]) } : undefined;
}

describe('SQL that is not SQL, through execute_query over stdio', () => {
  let connection: SpawnedClient;
  beforeAll(async () => {
    connection = await spawnStdioClient({ args: [bin], env: testEnvironment() });
  });
  afterAll(async () => {
    await connection.close();
  });
  const call = async (sql: string) =>
    (await connection.client.callTool({ name: 'execute_query', arguments: { sql } })) as unknown as ToolResult;

  it('is INVALID_INPUT near the same text and line as MariaDB says, with what was expected in plain words', async () => {
    const admin = await adminConnection();
    // The connector's default database, so that the server too reports the syntax rather than a missing database.
    await admin.query('USE shop');
    try {
      for (const sql of notSql) {
        const serverMessage = await admin.query(sql).then(
          () => 'ran',
          (error: { sqlMessage?: string }) => error.sqlMessage ?? '',
        );
        const result = await call(sql);
        const text = result.content[0]!.text;
        expect({ sql, isError: result.isError, code: result._meta?.[errorCodeMetaKey]?.code }).toEqual({
          sql,
          isError: true,
          code: 'INVALID_INPUT',
        });
        expect({ sql, text }).toEqual({
          sql,
          text: expect.stringMatching(
            /^INVALID_INPUT: You have an error in your SQL syntax near '[\s\S]*' at line \d+: /,
          ),
        });
        // The server's position, to the character.
        expect({ sql, position: nearOf(text) }).toEqual({ sql, position: nearOf(serverMessage) ?? serverMessage });
        // Plain words: never the parser's raw list of literals and character classes.
        expect({ sql, text }).toEqual({
          sql,
          text: expect.not.stringMatching(/\[[^\]]*-[^\]]*\]|"#", "--"|but .* found/),
        });
        expect(result._meta?.[errorCodeMetaKey]?.details).toMatchObject({ line: nearOf(text)!.line });
      }
    } finally {
      await admin.end();
    }
  });

  it('names what was expected and the keyword a typo meant', async () => {
    expect((await call('SELEC * FROM orders')).content[0]!.text).toBe(
      "INVALID_INPUT: You have an error in your SQL syntax near 'SELEC * FROM orders' at line 1: expected a statement such as SELECT, WITH … SELECT, SHOW, DESCRIBE or EXPLAIN (did you mean SELECT?).",
    );
    expect((await call('SELECT * FORM orders')).content[0]!.text).toBe(
      "INVALID_INPUT: You have an error in your SQL syntax near 'FORM orders' at line 1: 'FORM' does not fit here (did you mean FROM?).",
    );
    expect((await call('SELECT 1 +')).content[0]!.text).toBe(
      "INVALID_INPUT: You have an error in your SQL syntax near '' at line 1: expected a value, a column name or an expression: the statement ends too early.",
    );
  });

  it('refuses SQL that is not a read naming the rule, with the code the rule has', async () => {
    const cases: Array<[string, string, string]> = [
      [
        "INSERT INTO customers (email) VALUES ('x@example.com')",
        'READ_ONLY',
        'READ_ONLY: INSERT changes data; this connection is read-only (MYSQL_ALLOW_WRITES is off).',
      ],
      [
        'SELECT SLEEP(1)',
        'ACCESS_DENIED',
        'ACCESS_DENIED: statement not allowed: SLEEP() holds a server thread waiting.',
      ],
      [
        'SELECT 1; SELECT 2',
        'ACCESS_DENIED',
        'ACCESS_DENIED: statement not allowed: more than one statement (a second one follows the ; at line 1); send one statement per call.',
      ],
    ];
    for (const [sql, code, text] of cases) {
      const result = await call(sql);
      expect({ sql, code: result._meta?.[errorCodeMetaKey]?.code, text: result.content[0]!.text }).toEqual({
        sql,
        code,
        text,
      });
    }
  });

  it('points a write sent to execute_query to execute_statement when writes are enabled', async () => {
    const writer = await spawnStdioClient({ args: [bin], env: testEnvironment({ MYSQL_ALLOW_WRITES: 'true' }) });
    try {
      const result = (await writer.client.callTool({
        name: 'execute_query',
        arguments: { sql: 'DELETE FROM orders WHERE id = -1' },
      })) as unknown as ToolResult;
      expect(result.content[0]!.text).toBe(
        'READ_ONLY: DELETE changes data; execute_query only reads: run it with execute_statement.',
      );
    } finally {
      await writer.close();
    }
  });
});
