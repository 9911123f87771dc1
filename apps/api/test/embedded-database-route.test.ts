import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { embeddedDatabaseSettings, openEmbeddedDatabase } from '../src/database/open-embedded-database.js';

const run = promisify(execFile);
const builtOpenDatabase = new URL('../dist/database/open-database.js', import.meta.url).href;

/**
 * The embedded database's route to a light, responsive API (issue #16): small shared buffers, PGlite in a
 * worker thread with one call into it per query on prepared statements, initdb in a child process and no
 * optimizing recompilation of PGlite's WebAssembly. Checked without timing anything.
 */
describe('the embedded database (PGlite)', () => {
  let directory: string;
  let database: Database;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-embedded-'));
    database = await openDatabase({ directory: join(directory, 'data') });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('opens with its own settings, not those of a database server', async () => {
    expect(embeddedDatabaseSettings.shared_buffers).toBe('16MB');
    expect(await database.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
  });

  it('sends parameters as node-postgres does, so the same SQL behaves the same on PostgreSQL', async () => {
    const [row] = await database.query<Record<string, unknown>>(
      `SELECT $1::int + 1 AS number, $2 = ANY($3) AS found, $4::jsonb -> 'a' AS json, $5::boolean AS flag,
              $6::text IS NULL AS missing, $7::timestamptz AS at, array_length($8::text[], 1) AS quoted`,
      [41, 'b', ['a', 'b'], JSON.stringify({ a: [1] }), false, null, new Date('2026-01-02T03:04:05Z'), ['x,"y"', 'z']],
    );
    expect(row).toEqual({
      number: 42,
      found: true,
      json: [1],
      flag: false,
      missing: true,
      at: expect.anything(),
      quoted: 2,
    });
    // A Date made in the worker's answer: compared by value, as this test's realm has its own Date.
    expect(new Date(row!.at as Date).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('reports statement errors with their PostgreSQL code and goes on with its prepared statements', async () => {
    const insert = 'INSERT INTO sessions (id, owner, title) VALUES ($1, $2, $3) RETURNING title';
    expect(await database.query(insert, ['s1', 'alice', 'First'])).toEqual([{ title: 'First' }]);
    await expect(database.query(insert, ['s1', 'alice', 'Again'])).rejects.toMatchObject({ code: '23505' });
    await expect(database.query('SELEC 1', [])).rejects.toMatchObject({ code: '42601' });
    await expect(database.query('SELEC 1', [])).rejects.toMatchObject({ code: '42601' });
    expect(await database.query(insert, ['s2', 'alice', 'Second'])).toEqual([{ title: 'Second' }]);
    expect(await database.query('SELECT id FROM sessions WHERE owner = $1 ORDER BY id', ['alice'])).toEqual([
      { id: 's1' },
      { id: 's2' },
    ]);
  });

  it('runs PGlite in a worker thread, so the event loop turns while a queue of queries is served', async () => {
    const embedded = await openEmbeddedDatabase({});
    try {
      expect(embedded.threadId).not.toBe(threadId);
      let turns = 0;
      let done = false;
      const turn = () => {
        turns += 1;
        if (!done) setImmediate(turn);
      };
      setImmediate(turn);
      const queries = Array.from({ length: 20 }, (_, index) => embedded.query('SELECT $1::int AS index', [index]));
      expect(await Promise.all(queries)).toEqual(Array.from({ length: 20 }, (_, index) => [{ index }]));
      done = true;
      // In this thread, PGlite's lock handed each query to the next in microtasks: no turn until all were done.
      expect(turns).toBeGreaterThanOrEqual(5);
    } finally {
      await embedded.close();
    }
    await expect(embedded.query('SELECT 1')).rejects.toThrow('The embedded database has stopped.');
  });

  it('creates a new data directory and serves a burst of queries within a small peak of memory', async () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const { openDatabase } = await import(${JSON.stringify(builtOpenDatabase)});
      const database = await openDatabase({ directory: process.argv[1] });
      await Promise.all(Array.from({ length: 300 }, async (_, index) => {
        await database.query('INSERT INTO sessions (id, owner, title) VALUES ($1, $2, $3)', [String(index), 'o', 'Hello']);
        await database.query('SELECT id, title FROM sessions WHERE owner = $1 AND id = $2', ['o', String(index)]);
        await database.query('UPDATE sessions SET updated_at = now() WHERE id = $1', [String(index)]);
      }));
      const [{ count }] = await database.query('SELECT count(*)::int AS count FROM sessions');
      await database.close();
      const peak = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
      console.log(JSON.stringify({ count, peak }));
    `;
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '--eval', script, join(directory, 'fresh')],
      { cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
    const { count, peak } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { count: number; peak: number };
    expect(count).toBe(300);
    // About 150 MB with this route; PGlite's defaults peaked near 1.1 GB (initdb in the process, 128MB of
    // shared buffers, the optimizing compiler's transient memory for PostgreSQL's largest functions).
    expect(peak).toBeLessThan(260);
  }, 120_000);
});
