import mysql from 'mysql2/promise';

export interface SeedMysqlSampleOptions {
  /** An administrator URL, e.g. `MariadbServer.url`. */
  url: string;
  database?: string;
  /** Also create `events`, a table of this many generated rows (for streaming and memory tests). */
  largeTableRows?: number;
}

const schema = [
  `CREATE TABLE customers (
     id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
     email VARCHAR(190) NOT NULL UNIQUE,
     name VARCHAR(120) NOT NULL,
     country CHAR(2) NOT NULL,
     created_at DATETIME NOT NULL,
     lifetime_value DECIMAL(12,2) NOT NULL DEFAULT 0
   ) ENGINE=InnoDB COMMENT='People who bought something'`,
  `CREATE TABLE products (
     id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
     sku VARCHAR(40) NOT NULL UNIQUE,
     title VARCHAR(200) NOT NULL,
     category VARCHAR(60) NOT NULL,
     price DECIMAL(10,2) NOT NULL,
     stock INT NOT NULL DEFAULT 0,
     thumbnail VARBINARY(64) NULL,
     KEY idx_products_category (category)
   ) ENGINE=InnoDB COMMENT='Catalogue'`,
  `CREATE TABLE orders (
     id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
     customer_id INT UNSIGNED NOT NULL,
     status ENUM('pending','paid','shipped','refunded','cancelled') NOT NULL,
     total DECIMAL(12,2) NOT NULL,
     placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
     note TEXT NULL,
     KEY idx_orders_placed_at (placed_at),
     CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT
   ) ENGINE=InnoDB`,
  `CREATE TABLE order_items (
     order_id BIGINT UNSIGNED NOT NULL,
     product_id INT UNSIGNED NOT NULL,
     quantity SMALLINT UNSIGNED NOT NULL,
     unit_price DECIMAL(10,2) NOT NULL,
     PRIMARY KEY (order_id, product_id),
     CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
     CONSTRAINT fk_items_product FOREIGN KEY (product_id) REFERENCES products (id)
   ) ENGINE=InnoDB`,
  `CREATE VIEW revenue_by_month AS
     SELECT DATE_FORMAT(placed_at, '%Y-%m') AS month, COUNT(*) AS orders, SUM(total) AS revenue
       FROM orders WHERE status IN ('paid','shipped') GROUP BY DATE_FORMAT(placed_at, '%Y-%m')`,
];

const countries = ['US', 'GB', 'DE', 'FR', 'NL', 'SE', 'CA', 'AU', 'JP', 'BR'];
const categories = ['Coffee', 'Tea', 'Brewing', 'Mugs', 'Accessories'];
const firstNames = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Edsger',
  'Hedy',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Lamarr',
];

/** A deterministic pseudo-random sequence, so every sandbox and test sees the same shop. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Creates a sample shop database (customers, products, orders, order items, a view, foreign keys),
 * replacing it if it exists. Dates are spread over the 120 days before now.
 */
export async function seedMysqlSample({
  url,
  database = 'shop',
  largeTableRows = 0,
}: SeedMysqlSampleOptions): Promise<void> {
  const connection = await mysql.createConnection({ uri: url, multipleStatements: false });
  const random = sequence(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  try {
    await connection.query(`DROP DATABASE IF EXISTS ${mysql.escapeId(database)}`);
    await connection.query(
      `CREATE DATABASE ${mysql.escapeId(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await connection.query(`USE ${mysql.escapeId(database)}`);
    for (const statement of schema) await connection.query(statement);

    const now = Date.now();
    const day = 86_400_000;
    const customers = Array.from({ length: 120 }, (_, index) => {
      const first = pick(firstNames);
      const last = pick(lastNames);
      return [
        `${first.toLowerCase()}.${last.toLowerCase()}${index}@example.com`,
        `${first} ${last}`,
        pick(countries),
        new Date(now - Math.floor(random() * 400) * day).toISOString().slice(0, 19).replace('T', ' '),
      ];
    });
    await connection.query('INSERT INTO customers (email, name, country, created_at) VALUES ?', [customers]);
    const products = Array.from({ length: 40 }, (_, index) => {
      const category = categories[index % categories.length]!;
      return [
        `SKU-${String(1000 + index)}`,
        `${pick(['House', 'Single-origin', 'Limited', 'Classic', 'Organic'])} ${category.toLowerCase()} #${index + 1}`,
        category,
        (5 + Math.floor(random() * 9000) / 100).toFixed(2),
        Math.floor(random() * 500),
        index % 4 === 0 ? Buffer.from([0x89, 0x50, 0x4e, 0x47, index]) : null,
      ];
    });
    await connection.query('INSERT INTO products (sku, title, category, price, stock, thumbnail) VALUES ?', [products]);
    const orders = [];
    const items = [];
    for (let id = 1; id <= 600; id += 1) {
      const lines = 1 + Math.floor(random() * 3);
      let total = 0;
      const used = new Set<number>();
      for (let line = 0; line < lines; line += 1) {
        const productId = 1 + Math.floor(random() * products.length);
        if (used.has(productId)) continue;
        used.add(productId);
        const price = Number(products[productId - 1]![3]);
        const quantity = 1 + Math.floor(random() * 4);
        total += price * quantity;
        items.push([id, productId, quantity, price.toFixed(2)]);
      }
      const placed = new Date(now - Math.floor(random() * 120 * day));
      orders.push([
        1 + Math.floor(random() * customers.length),
        pick(['paid', 'paid', 'shipped', 'shipped', 'pending', 'refunded', 'cancelled']),
        total.toFixed(2),
        placed.toISOString().slice(0, 19).replace('T', ' '),
        random() < 0.1 ? 'Gift wrap, please' : null,
      ]);
    }
    await connection.query('INSERT INTO orders (customer_id, status, total, placed_at, note) VALUES ?', [orders]);
    await connection.query('INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES ?', [items]);
    await connection.query(
      `UPDATE customers c SET lifetime_value = (SELECT COALESCE(SUM(total), 0) FROM orders o WHERE o.customer_id = c.id AND o.status IN ('paid','shipped'))`,
    );
    if (largeTableRows > 0) await createEventsTable({ connection, rows: largeTableRows });
    await connection.query(`ANALYZE TABLE customers, products, orders, order_items`);
  } finally {
    await connection.end();
  }
}

/** `events`: many narrow rows generated inside the server (sequence engine or a cross join), in seconds. */
async function createEventsTable({ connection, rows }: { connection: mysql.Connection; rows: number }): Promise<void> {
  await connection.query(
    `CREATE TABLE events (
       id BIGINT UNSIGNED PRIMARY KEY,
       kind VARCHAR(20) NOT NULL,
       amount DECIMAL(10,2) NOT NULL,
       payload VARCHAR(100) NOT NULL,
       created_at DATETIME NOT NULL
     ) ENGINE=InnoDB`,
  );
  await connection.query('CREATE TEMPORARY TABLE digits (d TINYINT UNSIGNED PRIMARY KEY)');
  await connection.query('INSERT INTO digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)');
  const powers = Math.ceil(Math.log10(rows));
  const joins = Array.from({ length: powers }, (_, index) => `CROSS JOIN digits d${index}`)
    .join(' ')
    .replace('CROSS JOIN ', '');
  const value = Array.from({ length: powers }, (_, index) => `d${index}.d * ${10 ** index}`).join(' + ');
  await connection.query(
    `INSERT INTO events (id, kind, amount, payload, created_at)
     SELECT n + 1, ELT(1 + n % 4, 'view', 'cart', 'checkout', 'refund'), (n % 10000) / 100,
            CONCAT('payload-', LPAD(n, 12, '0'), '-', REPEAT('x', 50)), TIMESTAMP('2026-01-01') + INTERVAL (n % 31536000) SECOND
       FROM (SELECT ${value} AS n FROM ${joins}) generated
      WHERE n < ?`,
    [rows],
  );
}
