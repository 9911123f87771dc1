import { createDatabaseAccessPolicy } from '../database-access-policy.js';
import { guardWriteStatement } from './guard-write-statement.js';

const open = createDatabaseAccessPolicy({ allowSystemSchemas: false });
const allowlist = createDatabaseAccessPolicy({ allowedDatabases: ['shop'], allowSystemSchemas: false });
const guard =
  (sql: string, policy = open) =>
  () =>
    guardWriteStatement({ sql, defaultDatabase: 'shop', policy });

describe('guardWriteStatement', () => {
  it.each([
    'INSERT INTO orders (customer_id, status, total) VALUES (?, ?, ?)',
    'UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.note = ? WHERE c.country = ?',
    'DELETE FROM order_items WHERE order_id = ?',
    'REPLACE INTO products (id, sku) VALUES (1, "x")',
    'CREATE TABLE IF NOT EXISTS scratch (id INT PRIMARY KEY, definer VARCHAR(20))',
    'CREATE OR REPLACE VIEW paid AS SELECT * FROM orders WHERE status = "paid"',
    'CREATE UNIQUE INDEX idx_sku ON products (sku)',
    'ALTER TABLE orders ADD COLUMN channel VARCHAR(20)',
    'DROP TABLE IF EXISTS scratch',
    'TRUNCATE TABLE scratch',
    'RENAME TABLE scratch TO scratch_old',
  ])('accepts %s', (sql) => {
    expect(guard(sql, allowlist)).not.toThrow();
  });

  it.each([
    ['SELECT 1; DROP TABLE orders', /^statement not allowed: more than one statement/],
    ['/*!50000 DROP DATABASE shop */', /^statement not allowed: executable comments/],
    ['CREATE USER x IDENTIFIED BY "y"', /^statement not allowed: CREATE USER is administration/],
    ['ALTER USER root IDENTIFIED BY "y"', /^statement not allowed: ALTER USER is administration/],
    ['DROP DATABASE shop', /^statement not allowed: DROP DATABASE is administration/],
    ['GRANT ALL ON *.* TO x', /^statement not allowed: GRANT is administration/],
    ['SET GLOBAL read_only = 1', /^statement not allowed: SET GLOBAL is administration/],
    ['CALL cleanup()', /^statement not allowed: CALL is administration/],
    ['CREATE FUNCTION f() RETURNS INT RETURN 1', /^statement not allowed: CREATE FUNCTION is administration/],
    [
      'CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = 0',
      /^statement not allowed: CREATE TRIGGER is administration/,
    ],
    ['CREATE DEFINER = root@localhost VIEW v AS SELECT 1', /^statement not allowed: a DEFINER clause/],
    [
      "LOAD DATA INFILE '/etc/passwd' INTO TABLE orders",
      /^statement not allowed: LOAD DATA and LOAD XML read server files/,
    ],
    [
      "INSERT INTO notes (body) SELECT LOAD_FILE('/etc/passwd')",
      /^statement not allowed: LOAD_FILE\(\) reads server files/,
    ],
    [
      "INSERT INTO notes (body) SELECT 1 INTO OUTFILE '/tmp/x'",
      /^statement not allowed: INTO OUTFILE writes server files/,
    ],
    ['SELECT * FROM orders', /^statement not allowed: SELECT is a read: run it with execute_query/],
    ['UPDATE mysql.user SET Password = ""', /system schemas/],
    ['CREATE INDEX i ON mysql.user (User)', /system schemas/],
  ])('refuses %s', (sql, message) => {
    expect(guard(sql)).toThrow(message);
  });

  it('reports a statement that is not SQL as a syntax error, in the server’s words', () => {
    expect(guard('INSRET INTO orders VALUES (1)')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          "You have an error in your SQL syntax near 'INSRET INTO orders VALUES (1)' at line 1: expected a statement such as INSERT, UPDATE, DELETE, REPLACE, CREATE, ALTER or DROP (did you mean INSERT?).",
      }),
    );
  });

  it('keeps writes inside MYSQL_DATABASES, wherever the table is named', () => {
    for (const sql of [
      'INSERT other.orders VALUES (1)',
      'INSERT INTO orders (id) SELECT id FROM other.orders',
      'UPDATE orders JOIN other.x ON 1 SET orders.note = 1',
      'DELETE o FROM orders o JOIN other.x ON 1',
      'CREATE INDEX i ON other.orders (id)',
      'CREATE TABLE copy LIKE other.orders',
      'RENAME TABLE orders TO other.orders',
      'DROP TABLE other.orders',
    ]) {
      expect(guard(sql, allowlist)).toThrow(/other is not in MYSQL_DATABASES/);
    }
    // Unparseable statements cannot be checked table by table: refused under an allowlist, run without one.
    expect(guard('DROP TEMPORARY TABLE IF EXISTS scratch', allowlist)).toThrow(
      /^statement not allowed: its tables cannot be checked against MYSQL_DATABASES because the connector's SQL reader stops near 'TEMPORARY TABLE IF EXISTS scratch' at line 1/,
    );
    expect(guard('DROP TEMPORARY TABLE IF EXISTS scratch')).not.toThrow();
    expect(() =>
      guardWriteStatement({ sql: 'DELETE FROM orders', defaultDatabase: 'other', policy: allowlist }),
    ).toThrow(/other is not in MYSQL_DATABASES/);
  });

  it('reads the statement as the server does, tables hidden from the parser included', () => {
    expect(guard('INSERT INTO orders (id) SELECT 1--1 FROM other.orders', allowlist)).toThrow(
      /other is not in MYSQL_DATABASES/,
    );
    expect(guard('UPDATE orders SET note = 1--1 WHERE id IN (SELECT id FROM mysql.user)')).toThrow(/system schemas/);
    expect(guard('SET STATEMENT foreign_key_checks = 0 FOR DELETE FROM orders')).toThrow(
      /SET STATEMENT is administration/,
    );
    expect(guard("INSERT INTO notes (body) VALUES ('/*!50000 x */ \\' -- ')")).not.toThrow();
  });

  it('refuses a statement too complex for the parser as INVALID_INPUT, without an allowlist too', () => {
    expect(guard(`DELETE FROM orders WHERE ${'id = 1 OR '.repeat(8999)}id = 1`)).toThrow(/too complex/);
    expect(guard(`UPDATE orders SET total = ${'('.repeat(5000)}1${')'.repeat(5000)}`)).toThrow(/too complex/);
  });
});
