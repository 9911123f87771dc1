import { createDatabaseAccessPolicy } from './database-access-policy.js';
import { guardReadStatement } from './read-only-guard.js';

const policy = createDatabaseAccessPolicy({ allowSystemSchemas: false });
const guard = (sql: string, defaultDatabase = 'shop') => guardReadStatement({ sql, defaultDatabase, policy });

describe('guardReadStatement', () => {
  it.each([
    ['SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total > ?', 'select'],
    ['WITH recent AS (SELECT * FROM orders) SELECT COUNT(*) FROM recent', 'select'],
    ["SELECT 'SLEEP(5); DROP TABLE x' AS text", 'select'],
    ['SELECT 1;', 'select'],
    ['SHOW TABLES', 'show'],
    ['SHOW FULL COLUMNS FROM orders', 'show'],
    ['SHOW CREATE TABLE shop.orders', 'show'],
    ['SHOW INDEX FROM orders IN shop', 'show'],
    ['DESCRIBE orders', 'describe'],
    ['DESC shop.orders status', 'describe'],
    ['EXPLAIN SELECT * FROM orders WHERE id = 1', 'explain'],
    ['EXPLAIN FORMAT=JSON SELECT * FROM orders', 'explain'],
  ])('accepts %s', (sql, kind) => {
    expect(guard(sql).kind).toBe(kind);
  });

  it('lists the tables a statement reads, resolving the default database and skipping CTE names', () => {
    expect(guard('WITH x AS (SELECT id FROM other.t) SELECT * FROM x JOIN orders USING (id)').tables).toEqual(
      expect.arrayContaining([
        { database: 'other', table: 't' },
        { database: null, table: 'orders' },
      ]),
    );
    expect(guard('WITH x AS (SELECT 1) SELECT * FROM x').tables).toEqual([]);
  });

  it.each([
    ['SELECT 1; SELECT 2', /exactly one statement/],
    ['/*!50000 SELECT 1 */', /executable comments/],
    ['SELECT /*+ BKA(t) */ 1', /Optimizer hints/],
    ['SELECT * FROM t INTO OUTFILE "/tmp/x"', /INTO/],
    ['SELECT * FROM t FOR UPDATE', /Locking reads/],
    ['SELECT BENCHMARK(1, 1)', /BENCHMARK\(\) is not allowed/],
    ['SELECT * FROM mysql.user', /system schemas/],
    ['SHOW PROCESSLIST', /SHOW statement is not allowed/],
    ['EXPLAIN ANALYZE SELECT 1', /runs its statement/],
    ['ANALYZE SELECT 1', /not a read/],
    ['UPDATE t SET a = 1', /not UPDATE/],
    ["SELECT 'unterminated", /unterminated/],
  ])('refuses %s', (sql, message) => {
    expect(() => guard(sql)).toThrow(message);
  });

  it('reports the parser message for SQL it cannot parse', () => {
    expect(() => guard('SELECT FROM WHERE')).toThrow(/could not be parsed/);
  });

  it('asks for a database when a table has none', () => {
    expect(() => guardReadStatement({ sql: 'SELECT * FROM orders', policy })).toThrow(
      /No database selected for table orders/,
    );
  });
});
