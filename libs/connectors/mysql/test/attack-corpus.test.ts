import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSilentLogger } from '@connectormcp/connector-kit';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { executeReadOnly } from '../src/execute-read-only.js';
import { resolveMysqlConfig } from '../src/mysql-config.js';
import { createMysqlContext } from '../src/mysql-context.js';
import { pinnedSqlMode } from '../src/sql/pinned-sql-mode.js';
import { adminConnection, runningStatements, testConfig, testEnvironment } from './support/test-database.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

// Every string must be refused. The corpus runs against root (the privileged account people tend to hand the
// connector) and against a least-privilege reader with MYSQL_DATABASES, under several global sql_modes.
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
  // Too complex for the parser: a clear refusal, never INTERNAL or a stack overflow.
  `SELECT * FROM orders WHERE ${'id = 1 OR '.repeat(8999)}id = 1`,
  `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`,
  `SELECT * FROM orders WHERE ${'(id = 1 OR '.repeat(200)}1${')'.repeat(200)}`,
  // `--` before a digit is two minus signs to the server but a comment to a lax parser, which then sees no table.
  'SELECT authentication_string, 1--1 FROM mysql.user',
  // Changing the modes that decide how text is read, inside the statement or the session.
  "SET STATEMENT sql_mode = 'NO_BACKSLASH_ESCAPES' FOR SELECT 1",
  "SET STATEMENT sql_mode = 'ANSI_QUOTES' FOR SELECT * FROM orders",
  "SET SESSION sql_mode = 'ANSI_QUOTES'",
  "SET sql_mode = 'PIPES_AS_CONCAT'",
  'SET NAMES gbk',
  'SET character_set_client = gbk',
  'SELECT 1 /*!50000 , (SELECT authentication_string FROM mysql.user LIMIT 1) */',
  'SELECT 1 /*M!100000 , (SELECT authentication_string FROM mysql.user LIMIT 1) */',
  'SELECT "mysql"."user".authentication_string FROM mysql.user',
  "SELECT 'x' || (SELECT authentication_string FROM mysql.user LIMIT 1)",
  'SELECT mysql.user.authentication_string FROM orders',
  'SHOW CREATE USER root',
  'SELECT 1 PROCEDURE ANALYSE()',
];

/**
 * Text whose meaning depends on sql_mode. Read in the pinned session mode, the one the guard reads, each is a
 * harmless read (a string, an alias); read under NO_BACKSLASH_ESCAPES or ANSI_QUOTES it would read
 * mysql.user or a database outside MYSQL_DATABASES. They may run; they must not leak.
 */
const modeAttacks: string[] = [
  String.raw`SELECT '\' UNION SELECT authentication_string FROM mysql.user -- '`,
  String.raw`SELECT 1 AS '\', (SELECT authentication_string FROM mysql.user LIMIT 1) AS h -- '`,
  String.raw`SELECT 1 AS "\", (SELECT authentication_string FROM mysql.user LIMIT 1) AS h -- "`,
  String.raw`SELECT "\" UNION SELECT authentication_string FROM mysql.user -- "`,
  String.raw`SELECT '\' UNION SELECT secret FROM other.corpus_canary -- '`,
  String.raw`SELECT 1 AS '\', (SELECT secret FROM other.corpus_canary LIMIT 1) AS h -- '`,
  String.raw`SELECT 1 AS "\", (SELECT secret FROM other.corpus_canary LIMIT 1) AS h -- "`,
  String.raw`SELECT name FROM customers WHERE name = '\' OR 1 IN (SELECT 1 FROM mysql.user WHERE SLEEP(3)) -- ' LIMIT 1`,
  'SELECT * FROM "mysql"."user"',
  'SELECT * FROM "other"."corpus_canary"',
  'SELECT "authentication_string" AS a FROM orders LIMIT 1',
  "SELECT 'x' || 'y' AS joined",
  'SELECT name FROM customers WHERE 0 || id = 1',
  "SELECT CONCAT('a', 'b') || (SELECT COUNT(*) FROM orders) AS v",
  // Outside MYSQL_DATABASES for the reader; root has no allowlist and may read them.
  'SELECT secret, 1--1 FROM other.corpus_canary',
  'SELECT 1--1 FROM other.corpus_canary',
  'SELECT 1 FROM orders WHERE other.corpus_canary.secret IS NOT NULL',
  'SELECT secret FROM other.corpus_canary',
];

/** Values bound to `?`: the driver puts them into the text, escaped for the pinned mode. They must stay values. */
const parameterAttacks: Array<{ sql: string; params: string[] }> = [
  { sql: "SELECT 'a?b' AS x, ? AS y", params: ["' UNION SELECT authentication_string FROM mysql.user -- "] },
  { sql: 'SELECT ? AS x', params: [String.raw`\' UNION SELECT authentication_string FROM mysql.user -- `] },
  { sql: 'SELECT ? AS x', params: ['" UNION SELECT authentication_string FROM mysql.user -- '] },
  { sql: 'SELECT * FROM ??', params: ['mysql.user'] },
  {
    sql: 'SELECT name FROM customers WHERE name = ? -- ?\nLIMIT 1',
    params: ['x', 'UNION SELECT secret FROM other.corpus_canary'],
  },
  { sql: 'SELECT ? AS x', params: ['中\\'] },
];

/**
 * execute_statement reads SQL the same way. With writes on and MYSQL_DATABASES=shop, each of these either
 * fails or writes only its own text: no password hash or row of `other` may end up in shop.corpus_scratch.
 */
const writeAttacks: string[] = [
  String.raw`INSERT INTO corpus_scratch (note) VALUES ('\'), ((SELECT authentication_string FROM mysql.user LIMIT 1)) -- ')`,
  String.raw`INSERT INTO corpus_scratch (note) VALUES ('\'), ((SELECT secret FROM other.corpus_canary LIMIT 1)) -- ')`,
  String.raw`INSERT INTO corpus_scratch (note, other) SELECT 'x' AS "\", (SELECT secret FROM other.corpus_canary LIMIT 1) -- "`,
  String.raw`INSERT INTO corpus_scratch (note, other) SELECT 'x' AS "\", (SELECT authentication_string FROM mysql.user LIMIT 1) -- "`,
  String.raw`UPDATE corpus_scratch SET note = '\', other = (SELECT secret FROM other.corpus_canary LIMIT 1) -- '`,
  'INSERT INTO corpus_scratch (note, other) SELECT authentication_string, 1--1 FROM mysql.user',
  'INSERT INTO corpus_scratch (note, other) SELECT secret, 1--1 FROM other.corpus_canary',
  String.raw`SET STATEMENT sql_mode = 'NO_BACKSLASH_ESCAPES' FOR INSERT INTO corpus_scratch (note) VALUES ('\')`,
  "INSERT INTO corpus_scratch (note) VALUES ('x' || (SELECT secret FROM other.corpus_canary LIMIT 1))",
  'INSERT INTO corpus_scratch (note) SELECT other.corpus_canary.secret FROM orders LIMIT 1',
  `DELETE FROM corpus_scratch WHERE ${'note = 1 OR '.repeat(8999)}note = 1`,
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
      'CHECKSUM TABLE shop.customers, shop.orders, shop.order_items, shop.products, other.customers, other.corpus_canary',
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

const queryTimeoutMs = 2000;
const canary = 'corpus-canary-4e1f9b2d';

interface Account {
  name: string;
  environment: () => Record<string, string>;
  /** Reads of `other` (the canary) are outside what this account may read. */
  allowlisted: boolean;
}

const readerPassword = 'corpus-reader-7f3a5c1e9b';
const accounts: Account[] = [
  { name: 'root, no allowlist', environment: () => testEnvironment(), allowlisted: false },
  {
    name: 'least-privilege reader, MYSQL_DATABASES=shop',
    environment: () =>
      testEnvironment({ MYSQL_USER: 'corpus_reader', MYSQL_PASSWORD: readerPassword, MYSQL_DATABASES: 'shop' }),
    allowlisted: true,
  },
];
// `null` is the server's own default.
const globalModes = [null, 'NO_BACKSLASH_ESCAPES', 'ANSI_QUOTES', 'ANSI', 'PIPES_AS_CONCAT'];

interface Outcome {
  sql: string;
  refused: boolean;
  text: string;
  output: string;
  elapsedMs: number;
}

describe('read-only enforcement against an attack corpus', () => {
  let defaultMode = '';
  let secrets: string[] = [];
  const peaks: string[] = [];

  beforeAll(async () => {
    const admin = await adminConnection();
    try {
      const [[{ mode }]] = (await admin.query('SELECT @@GLOBAL.sql_mode AS mode')) as unknown as [[{ mode: string }]];
      defaultMode = mode;
      // The reader may SELECT in both databases: only MYSQL_DATABASES keeps `other` out of its reach.
      await admin.query(`CREATE OR REPLACE USER 'corpus_reader'@'127.0.0.1' IDENTIFIED BY '${readerPassword}'`);
      await admin.query("GRANT SELECT, SHOW VIEW ON shop.* TO 'corpus_reader'@'127.0.0.1'");
      await admin.query("GRANT SELECT, SHOW VIEW ON other.* TO 'corpus_reader'@'127.0.0.1'");
      await admin.query('CREATE TABLE IF NOT EXISTS other.corpus_canary (secret VARCHAR(64))');
      await admin.query('INSERT INTO other.corpus_canary VALUES (?)', [canary]);
      const [rows] = (await admin.query(
        "SELECT authentication_string AS hash FROM mysql.user WHERE authentication_string <> ''",
      )) as unknown as [Array<{ hash: string }>];
      secrets = rows.map((row) => row.hash);
    } finally {
      await admin.end();
    }
    expect(secrets.length).toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    const admin = await adminConnection();
    try {
      await admin.query('SET GLOBAL sql_mode = ?', [defaultMode]);
      await admin.query('DROP TABLE IF EXISTS other.corpus_canary');
      await admin.query("DROP USER IF EXISTS 'corpus_reader'@'127.0.0.1'");
    } finally {
      await admin.end();
    }
    // The figures the issue asks for: the connector process's peak resident memory in each run.
    console.info(`Attack corpus, peak RSS of the connector process:\n${peaks.join('\n')}`);
  });

  it('has at least 40 attack strings', () => {
    expect(attacks.length + modeAttacks.length + parameterAttacks.length).toBeGreaterThanOrEqual(40);
  });

  const matrix = accounts.flatMap((account) =>
    globalModes.map((mode) => ({ account, mode, modeName: mode ?? "the server's default" })),
  );
  it.each(matrix)(
    'refuses each, or runs it without leaking or changing anything: $account.name, global sql_mode $modeName',
    async ({ account, mode }) => {
      const admin = await adminConnection();
      await admin.query('SET GLOBAL sql_mode = ?', [mode ?? defaultMode]);
      await admin.end();
      const before = await serverState();
      // A new connector: its pooled connections start in the global mode just set, as on a real server.
      const connection = await spawnStdioClient({
        args: [bin],
        env: { ...account.environment(), MYSQL_QUERY_TIMEOUT_MS: String(queryTimeoutMs) },
      });
      const outcomes: Outcome[] = [];
      const call = async (sql: string, params?: string[]) => {
        const started = performance.now();
        const result = await connection.client.callTool({
          name: 'execute_query',
          arguments: { sql, ...(params ? { params } : {}) },
        });
        const text = (result.content as Array<{ text: string }>)[0]!.text;
        const outcome = {
          sql: sql.slice(0, 80),
          refused: Boolean(result.isError),
          text: text.slice(0, 160),
          output: `${text}\n${JSON.stringify(result.structuredContent ?? null)}`,
          elapsedMs: performance.now() - started,
        };
        outcomes.push(outcome);
        return { outcome, result };
      };
      let peakRss = '';
      try {
        for (const sql of [...attacks, ...modeAttacks]) await call(sql);
        for (const { sql, params } of parameterAttacks) await call(sql, params);
        // The session reads text in the pinned mode, whatever the global one: `||` is OR, "…" a string.
        const { result: pinned } = await call(`SELECT @@SESSION.sql_mode AS mode, 'x' || 'y' AS joined, "q" AS quoted`);
        expect((pinned.structuredContent as { rows: unknown[][] }).rows).toEqual([[pinnedSqlMode, 0, 'q']]);
        // Session state did not leak into the next call on the pooled connections.
        const { result: leak } = await call('SELECT @stolen AS stolen, @leak AS leak');
        expect((leak.structuredContent as { rows: unknown[][] }).rows).toEqual([[null, null]]);
        // The connector is alive and answers.
        const { result: alive } = await call('SELECT COUNT(*) AS n FROM orders');
        expect((alive.structuredContent as { rows: unknown[][] }).rows).toEqual([['600']]);
        expect(() => process.kill(connection.pid!, 0)).not.toThrow();
        peakRss = /VmHWM:\s*(\d+) kB/.exec(readFileSync(`/proc/${connection.pid}/status`, 'utf8'))?.[1] ?? '?';
      } finally {
        await connection.close();
      }
      peaks.push(
        `  ${account.name}, sql_mode ${mode ?? `default (${defaultMode})`}: ${Math.round(Number(peakRss) / 1024)} MB`,
      );

      for (const outcome of outcomes) {
        // Errors are codes with a message, never a stack trace or an INTERNAL error.
        expect({ sql: outcome.sql, text: outcome.text }).toEqual({
          sql: outcome.sql,
          text: expect.not.stringMatching(/\n\s+at |^INTERNAL|Maximum call stack/),
        });
        // Nothing outside what the account may read: no password hash, no row of another database.
        for (const secret of [...secrets, ...(account.allowlisted ? [canary] : [])]) {
          expect({ sql: outcome.sql, leaked: outcome.output.includes(secret) }).toEqual({
            sql: outcome.sql,
            leaked: false,
          });
        }
        // Nothing ran past the time limit: the server stops a read at queryTimeoutMs, the connector's backstop
        // 2 s later; the rest is slack for a loaded machine (statements still running are checked below).
        const elapsedMs = Math.round(outcome.elapsedMs);
        expect({ sql: outcome.sql, elapsedMs, withinLimit: elapsedMs <= queryTimeoutMs + 6000 }).toEqual({
          sql: outcome.sql,
          elapsedMs: expect.any(Number),
          withinLimit: true,
        });
      }
      // Every attack of the corpus proper is refused before it reaches the server.
      const ran = outcomes.slice(0, attacks.length).filter((outcome) => !outcome.refused);
      expect(ran.map((outcome) => outcome.sql)).toEqual([]);
      // For the reader, reads outside MYSQL_DATABASES are refused, not just empty.
      if (account.allowlisted) {
        const reachedOther = outcomes
          .slice(attacks.length, attacks.length + modeAttacks.length)
          .filter((outcome) => /^SELECT (secret|1 FROM orders WHERE other|1--1)/.test(outcome.sql) && !outcome.refused);
        expect(reachedOther.map((outcome) => outcome.sql)).toEqual([]);
      }

      expect(await serverState()).toEqual(before);
      const check = await adminConnection();
      const [[{ datadir, lock_holder: lockHolder }]] = (await check.query(
        "SELECT @@datadir AS datadir, IS_USED_LOCK('connectormcp-attack') AS lock_holder",
      )) as unknown as [[{ datadir: string; lock_holder: unknown }]];
      expect(lockHolder).toBeNull();
      await check.end();
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
    },
  );

  it('reads statements as utf8mb4 even when the server switches the character set of new sessions', async () => {
    const admin = await adminConnection();
    // init_connect runs for accounts without SUPER, as the reader is: its sessions would start in GBK, where a
    // byte 0x5C (backslash) can be the second half of a character.
    await admin.query("SET GLOBAL init_connect = 'SET NAMES gbk'");
    const connection = await spawnStdioClient({
      args: [bin],
      env: accounts[1]!.environment(),
    });
    try {
      const result = await connection.client.callTool({
        name: 'execute_query',
        arguments: {
          sql: "SELECT @@SESSION.character_set_client AS client, @@SESSION.character_set_connection AS connection, '縗\\' OR 1=1 -- ' AS text",
        },
      });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { rows: unknown[][] }).rows).toEqual([
        ['utf8mb4', 'utf8mb4', "縗' OR 1=1 -- "],
      ]);
    } finally {
      await connection.close();
      await admin.query("SET GLOBAL init_connect = ''");
      await admin.end();
    }
  });

  it.each(globalModes.map((mode) => ({ mode, modeName: mode ?? "the server's default" })))(
    'execute_statement writes nothing it may not read: root with MYSQL_DATABASES=shop, global sql_mode $modeName',
    async ({ mode }) => {
      const admin = await adminConnection();
      await admin.query('SET GLOBAL sql_mode = ?', [mode ?? defaultMode]);
      await admin.query('CREATE OR REPLACE TABLE shop.corpus_scratch (note VARCHAR(255), other VARCHAR(255))');
      await admin.query("INSERT INTO shop.corpus_scratch VALUES ('seed', NULL)");
      const connection = await spawnStdioClient({
        args: [bin],
        env: {
          ...testEnvironment({ MYSQL_DATABASES: 'shop', MYSQL_ALLOW_WRITES: 'true' }),
          MYSQL_QUERY_TIMEOUT_MS: String(queryTimeoutMs),
        },
      });
      const texts: string[] = [];
      try {
        for (const sql of writeAttacks) {
          const result = await connection.client.callTool({ name: 'execute_statement', arguments: { sql } });
          texts.push((result.content as Array<{ text: string }>)[0]!.text);
        }
        const pinned = await connection.client.callTool({
          name: 'execute_statement',
          arguments: { sql: "INSERT INTO corpus_scratch (note, other) VALUES ('mode', @@SESSION.sql_mode)" },
        });
        expect(pinned.isError).toBeFalsy();
      } finally {
        await connection.close();
      }
      const [rows] = await admin.query('SELECT note, other FROM shop.corpus_scratch');
      await admin.query('DROP TABLE shop.corpus_scratch');
      await admin.end();
      const written = JSON.stringify(rows);
      for (const secret of [...secrets, canary]) {
        expect({ written: written.includes(secret), answered: texts.some((text) => text.includes(secret)) }).toEqual({
          written: false,
          answered: false,
        });
      }
      for (const text of texts) expect(text).not.toMatch(/\n\s+at |^INTERNAL|Maximum call stack/);
      // The write session, too, reads text in the pinned mode whatever the global one.
      expect(rows).toEqual(expect.arrayContaining([{ note: 'mode', other: pinnedSqlMode }]));
    },
  );

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
