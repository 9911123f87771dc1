import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { migrations } from './migrations.js';

export interface Database {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * Embedded PostgreSQL (PGlite) in a data directory, migrated on open. The same SQL runs on a real
 * PostgreSQL; connecting to one with DATABASE_URL is the next step.
 */
export async function openDatabase({ directory }: { directory?: string }): Promise<Database> {
  if (directory) mkdirSync(directory, { recursive: true });
  const pglite = new PGlite(directory);
  await pglite.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await pglite.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id),
  );
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await pglite.transaction(async (transaction) => {
      await transaction.exec(migration.sql);
      await transaction.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    });
  }
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
    close: () => pglite.close(),
  };
}
