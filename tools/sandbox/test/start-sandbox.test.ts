import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { startSandbox } from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('startSandbox with writes allowed (the web end-to-end tests)', () => {
  it('gives the API a writer that changes rows but not the schema, and Claude Desktop the reader', async () => {
    const sandbox = await startSandbox({ root, sources: ['shop'], allowWrites: true });
    try {
      expect(sandbox.unavailable).toEqual([]);
      const shop = sandbox.datasources.find((datasource) => datasource.id === 'shop')!;
      expect(shop.env.MYSQL_ALLOW_WRITES).toBe('true');
      expect(new URL(shop.env.MYSQL_URL!).username).toBe('sandbox_writer');
      const desktop = sandbox.desktopServers['mysql-sandbox']!;
      expect(new URL(desktop.env.MYSQL_URL!).username).toBe('sandbox_reader');
      expect(desktop.env.MYSQL_ALLOW_WRITES).toBeUndefined();

      const writer = await mysql.createConnection({ uri: shop.env.MYSQL_URL! });
      try {
        const [grants] = await writer.query<mysql.RowDataPacket[]>('SHOW GRANTS');
        expect(grants.map((row) => String(Object.values(row)[0]))).toContainEqual(
          expect.stringMatching(/^GRANT SELECT, INSERT, UPDATE, DELETE, SHOW VIEW ON `shop`\.\* TO `sandbox_writer`/),
        );
        await writer.query('UPDATE products SET price = price WHERE id = 1');
        await expect(writer.query('CREATE TABLE scratch (id INT)')).rejects.toThrow(/command denied/);
        await expect(writer.query('SELECT user FROM mysql.user')).rejects.toThrow(/command denied/);
      } finally {
        await writer.end();
      }
    } finally {
      await sandbox.stop();
    }
  });
});
