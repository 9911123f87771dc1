import pg from 'pg';
import { migrations } from './migrations.js';
import { openEmbeddedDatabase } from './open-embedded-database.js';

export interface Database {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
  /**
   * Where the data lives, for the job queue: a PostgreSQL server (with the URL its own pool connects to),
   * or the embedded database (one process) with `script` to run several statements as one block.
   */
  engine?:
    | { kind: 'postgres'; connectionString: string }
    | { kind: 'embedded'; script(sql: string): Promise<{ rows: unknown[] }[]> };
}

const migrationLock = 727_271;

async function migrate({
  query,
  transaction,
}: {
  query: Database['query'];
  transaction: (work: (run: Database['query']) => Promise<void>) => Promise<void>;
}) {
  await query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const applied = new Set((await query<{ id: number }>('SELECT id FROM schema_migrations')).map((row) => row.id));
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await transaction(async (run) => {
      await run(migration.sql);
      await run('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    });
  }
}

/**
 * PostgreSQL when `url` is given (several API instances can share it), else an embedded PostgreSQL
 * (PGlite) in a data directory. Both run the same SQL and migrate on open.
 */
export async function openDatabase({ directory, url }: { directory?: string; url?: string }): Promise<Database> {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const query = async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
    const client = await pool.connect();
    try {
      // One instance migrates at a time; the others wait and find the work done.
      await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
      await migrate({
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
        transaction: async (work) => {
          await client.query('BEGIN');
          try {
            await work(
              async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
            );
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        },
      });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
      client.release();
    }
    return { query, close: () => pool.end(), engine: { kind: 'postgres', connectionString: url } };
  }
  const { query, close, script } = await openEmbeddedDatabase({ ...(directory ? { directory } : {}) });
  // One connection that nothing else uses yet: the migrations' transactions are plain BEGIN and COMMIT.
  await migrate({
    query,
    transaction: async (work) => {
      await query('BEGIN');
      try {
        await work(query);
        await query('COMMIT');
      } catch (error) {
        await query('ROLLBACK');
        throw error;
      }
    },
  });
  return { query, close, engine: { kind: 'embedded', script } };
}
