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

describe('stopSource (a source that goes down mid-session)', () => {
  it("stops one source's service, keeps its datasource configured, and leaves the rest to stop()", async () => {
    const sandbox = await startSandbox({ root, sources: ['files', 'jira'] });
    try {
      const files = sandbox.datasources.find((datasource) => datasource.id === 'files')!;
      const jira = sandbox.datasources.find((datasource) => datasource.id === 'jira')!;
      const s3Endpoint = files.env.S3_ENDPOINT_URL!;
      const reachable = async (url: string) => (await fetch(url).catch(() => undefined)) !== undefined;
      expect(await reachable(s3Endpoint)).toBe(true);
      expect(await reachable(jira.env.JIRA_BASE_URL!)).toBe(true);

      await sandbox.stopSource('files');
      expect(await reachable(s3Endpoint)).toBe(false);
      expect(await reachable(jira.env.JIRA_BASE_URL!)).toBe(true);
      expect(sandbox.datasources.map((datasource) => datasource.id)).toEqual(['files', 'jira']);
      // Twice is harmless; a source that never started is a mistake in the test that asks for it.
      await sandbox.stopSource('files');
      await expect(sandbox.stopSource('store')).rejects.toThrow(/no running source 'store'/);
    } finally {
      await sandbox.stop();
    }
  });
});
