import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSilentLogger } from '@connectormcp/connector-kit';
import { connectInMemory } from '@connectormcp/connector-kit/testing';
import { createMysqlServer } from '../src/create-mysql-server.js';
import { executeReadOnly } from '../src/execute-read-only.js';
import { resolveMysqlConfig } from '../src/mysql-config.js';
import { createMysqlContext } from '../src/mysql-context.js';
import { adminConnection, runningStatements, testConfig } from './support/test-database.js';

// Every string must be refused, or run without changing anything. The connector connects as root here:
// it has to be safe even with the privileged account people tend to hand it.
const attacks: string[] = [
  'SELECT 1; DROP TABLE customers',
  'SELECT 1; DELETE FROM orders',
  'COMMIT; DROP TABLE customers',
  'DROP TABLE customers',
  'DROP DATABASE shop',
  'TRUNCATE TABLE orders',
  'DELETE FROM orders',
  'UPDATE products SET price = 0',
  "INSERT INTO customers (email, name, country, created_at) VALUES ('x@example.com', 'x', 'US', NOW())",
  'REPLACE INTO products (id, sku, title, category, price) VALUES (1, "x", "x", "x", 0)',
  'RENAME TABLE orders TO orders_old',
  'ALTER TABLE orders ADD COLUMN hacked INT',
  'CREATE TABLE pwned (id INT)',
  'CREATE TEMPORARY TABLE leak (id INT)',
  '/*!50000 DROP TABLE customers */',
  'SELECT 1 /*! ; DROP TABLE customers */',
  'SELECT /*M! 1; DELETE FROM orders */ 1',
  'SELECT /*!99999 1 */ 1',
  'SELECT /*+ MAX_EXECUTION_TIME(1) */ * FROM orders',
  "SELECT * FROM customers INTO OUTFILE '/tmp/connectormcp-pwned.txt'",
  "SELECT * FROM customers INTO DUMPFILE '/tmp/connectormcp-pwned.bin'",
  "SELECT 1 INTO OUTFILE 'connectormcp-pwned-relative.txt' -- ",
  'SELECT name INTO @stolen FROM customers LIMIT 1',
  'SELECT @leak := name FROM customers LIMIT 1',
  'SELECT * FROM orders FOR UPDATE',
  'SELECT * FROM orders LOCK IN SHARE MODE',
  'SELECT * FROM orders FOR SHARE',
  'SELECT SLEEP(10)',
  'SELECT BENCHMARK(100000000, MD5("x"))',
  "SELECT GET_LOCK('connectormcp-attack', 0)",
  'SELECT RELEASE_ALL_LOCKS()',
  "SELECT LOAD_FILE('/etc/passwd')",
  "SELECT * FROM customers WHERE name = 'x' OR SLEEP(5)",
  'SeLeCt SlEeP(1)',
  'SELECT sleep (1)',
  'SELECT `sleep`(1)',
  'SELECT LAST_INSERT_ID(5)',
  'SELECT * FROM mysql.user',
  'SELECT * FROM performance_schema.threads',
  'SELECT * FROM sys.processlist',
  'SELECT id FROM customers WHERE id = 1 UNION SELECT User FROM mysql.user',
  'WITH x AS (SELECT * FROM mysql.user) SELECT * FROM x',
  'SET GLOBAL max_connections = 1',
  'SET SESSION TRANSACTION READ WRITE',
  "SET @@session.sql_mode = ''",
  'CALL mysql.some_procedure()',
  'HANDLER orders OPEN',
  'LOCK TABLES orders WRITE',
  'START TRANSACTION',
  "GRANT ALL ON *.* TO 'attacker'@'%' IDENTIFIED BY 'x'",
  "CREATE USER 'attacker'@'%' IDENTIFIED BY 'x'",
  'SHOW PROCESSLIST',
  'SHOW FULL PROCESSLIST',
  'SHOW GRANTS FOR root@localhost',
  'SHOW DATABASES',
  'SHOW COLUMNS FROM user FROM mysql',
  'SHOW FULL COLUMNS FROM mysql.user',
  'SHOW INDEX FROM user IN mysql',
  'SHOW VARIABLES WHERE Value = (SELECT authentication_string FROM mysql.user LIMIT 1)',
  'SHOW GLOBAL VARIABLES',
  'SELECT * FROM information_schema.PROCESSLIST',
  'SELECT trx_query FROM information_schema.INNODB_TRX',
  'SELECT mysql.some_function()',
  'EXPLAIN ANALYZE SELECT * FROM orders',
  'ANALYZE SELECT * FROM orders',
  'ANALYZE TABLE orders',
  'EXPLAIN DELETE FROM orders',
  'SELECT * FROM (SELECT 1) t) UNION (SELECT 1',
  'SELECT 1) ; DROP TABLE customers; (SELECT 1',
  "LOAD DATA INFILE '/etc/passwd' INTO TABLE customers",
  "PREPARE s FROM 'DROP TABLE customers'",
  'EXECUTE s',
  'DO SLEEP(5)',
  'KILL 1',
  'FLUSH TABLES',
  'SHUTDOWN',
  "INSTALL PLUGIN x SONAME 'x.so'",
  'SELECT * FROM customers#\n; DROP TABLE customers',
  'SELECT * FROM customers -- \n; DROP TABLE customers',
  'SELECT ＳＬＥＥＰ(1)',
  "SELECT 'a’; DROP TABLE customers; --",
  'SELECT\u00a0*\u00a0FROM\u00a0customers;\u00a0DROP\u00a0TABLE\u00a0customers',
  'SELECT 1;\u200bDROP TABLE customers',
  'SELECT 1\u0000; DROP TABLE customers',
  `SELECT ${'1+'.repeat(60_000)}1`,
  `SELECT ${'('.repeat(3000)}1${')'.repeat(3000)}`,
  `SELECT * FROM orders WHERE id IN (${Array.from({ length: 5000 }, (_, index) => index).join(',')}) AND SLEEP(1)`,
];

interface ServerState {
  checksums: string;
  tables: string;
  users: string;
  globals: string;
  databases: string;
}

async function serverState(): Promise<ServerState> {
  const admin = await adminConnection();
  try {
    const [checksums] = await admin.query(
      'CHECKSUM TABLE shop.customers, shop.orders, shop.order_items, shop.products',
    );
    const [tables] = await admin.query(
      "SELECT TABLE_NAME, TABLE_ROWS IS NOT NULL AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME",
    );
    const [columns] = await admin.query(
      "SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop'",
    );
    const [users] = await admin.query('SELECT User, Host FROM mysql.user ORDER BY User, Host');
    const [globals] = await admin.query(
      'SELECT @@GLOBAL.max_connections AS max_connections, @@GLOBAL.read_only AS read_only, @@GLOBAL.general_log AS general_log',
    );
    const [databases] = await admin.query('SHOW DATABASES');
    return {
      checksums: JSON.stringify(checksums),
      tables: JSON.stringify([tables, columns]),
      users: JSON.stringify(users),
      globals: JSON.stringify(globals),
      databases: JSON.stringify(databases),
    };
  } finally {
    await admin.end();
  }
}

describe('read-only enforcement against an attack corpus', () => {
  it('has at least 40 attack strings', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses each, or runs it without changing data, schema, users, settings or files', async () => {
    const before = await serverState();
    const { server, cleanup } = createMysqlServer(testConfig({ queryTimeoutMs: 3000 }));
    const { client, close } = await connectInMemory({ server });
    const outcomes: Array<{ sql: string; refused: boolean; text: string }> = [];
    try {
      for (const sql of attacks) {
        const result = await client.callTool({ name: 'execute_query', arguments: { sql } });
        const text = (result.content as Array<{ text: string }>)[0]!.text;
        outcomes.push({ sql: sql.slice(0, 80), refused: Boolean(result.isError), text: text.slice(0, 160) });
        // Errors are codes with a message, never a stack trace.
        expect(text).not.toMatch(/\n\s+at /);
      }
      // Session state did not leak into the next call on the pooled connections.
      const leak = await client.callTool({
        name: 'execute_query',
        arguments: { sql: 'SELECT @stolen AS stolen, @leak AS leak' },
      });
      expect((leak.structuredContent as { rows: unknown[][] }).rows).toEqual([[null, null]]);
    } finally {
      await close();
      await cleanup();
    }
    const ran = outcomes.filter((outcome) => !outcome.refused);
    // The few that run are harmless reads; everything else is refused before it reaches the server.
    expect(ran.map((outcome) => outcome.sql)).toEqual([]);
    expect(await serverState()).toEqual(before);
    const admin = await adminConnection();
    const [[{ datadir, lock_holder: lockHolder }]] = (await admin.query(
      "SELECT @@datadir AS datadir, IS_USED_LOCK('connectormcp-attack') AS lock_holder",
    )) as unknown as [[{ datadir: string; lock_holder: unknown }]];
    expect(lockHolder).toBeNull();
    await admin.end();
    for (const file of [
      '/tmp/connectormcp-pwned.txt',
      '/tmp/connectormcp-pwned.bin',
      join(datadir, 'shop', 'connectormcp-pwned-relative.txt'),
      join(datadir, 'connectormcp-pwned-relative.txt'),
    ]) {
      expect(existsSync(file)).toBe(false);
    }
    expect(await runningStatements({ like: '%SLEEP%' })).toBe(0);
    expect(await runningStatements({ like: '%BENCHMARK%' })).toBe(0);
  });

  it('still refuses writes that slip past the parser, at the database: read-only transaction', async () => {
    // Bypass layer 1 on purpose to prove layer 3 holds on its own.
    const context = createMysqlContext({ config: resolveMysqlConfig(testConfig()), logger: createSilentLogger() });
    const before = await serverState();
    try {
      for (const sql of [
        'UPDATE products SET price = 0',
        'DELETE FROM orders',
        "INSERT INTO customers (email, name, country, created_at) VALUES ('z@example.com', 'z', 'US', NOW())",
      ]) {
        await expect(
          executeReadOnly({ context, sql, maxRows: 10, signal: new AbortController().signal }),
        ).rejects.toMatchObject({
          code: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION',
        });
      }
    } finally {
      await context.close();
    }
    expect(await serverState()).toEqual(before);
  });
});
