import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';

/**
 * PostgreSQL settings of the embedded database. PGlite's default shared_buffers (128MB) is sized for a
 * database server; the API's working set (sessions, messages, runs) is a few MB, and every buffer page
 * touched stays resident in the WebAssembly heap.
 */
export const embeddedDatabaseSettings = { shared_buffers: '16MB' } as const;

const run = promisify(execFile);

/** Queries with their own prepared statement; others (built on the fly) are parsed at each run. */
const maximumPreparedStatements = 500;

let webAssemblyTieringLimited = false;

/**
 * V8 first compiles WebAssembly with its baseline compiler (Liftoff), then recompiles hot functions with
 * its optimizing compiler. PostgreSQL's largest functions (the executor, the parser) took that compiler
 * several hundred MB of transient memory each under load (the API peaked at 1.1 GB) and kept about 80 MB
 * of optimized code, for no lower CPU time over a chat burst. The flags only apply to modules compiled
 * after they are set (PGlite's, and undici's small HTTP parser), so this runs before PGlite starts.
 */
function limitWebAssemblyTiering() {
  if (webAssemblyTieringLimited) return;
  webAssemblyTieringLimited = true;
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
}

/**
 * A new data directory is created (initdb) by a short-lived child process: initdb's WebAssembly heaps and
 * their garbage (about 600 MB at the peak) leave with that process; in the API process, or even in a worker
 * thread of it, most of that stayed resident after initdb had finished.
 */
async function createDataDirectory({ directory }: { directory: string }) {
  const script = `import(process.env.PGLITE_URL).then(async ({ PGlite }) => {
    const database = new PGlite(process.env.PGLITE_DIRECTORY);
    await database.waitReady;
    await database.close();
  })`;
  try {
    await run(process.execPath, ['--no-wasm-dynamic-tiering', '--no-wasm-tier-up', '--eval', script], {
      env: {
        PATH: process.env.PATH ?? '',
        PGLITE_URL: import.meta.resolve('@electric-sql/pglite'),
        PGLITE_DIRECTORY: directory,
      },
    });
  } catch (error) {
    const output = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' ');
    throw new Error(`Could not create the database in ${directory}${output ? `: ${output}` : ''}`, { cause: error });
  }
}

/** A value as PostgreSQL text, the way node-postgres sends it, so the same SQL runs on both databases. */
function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return types.arraySerializer(value, (element) => toText(element) ?? '', 0);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function concatenate(parts: Uint8Array[]): Uint8Array {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.length;
  }
  return message;
}

export interface EmbeddedDatabase {
  pglite: PGlite;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * PGlite in `directory` (in memory without one), with the settings above, in the API's thread: its work
 * per query is a fraction of a millisecond and a worker would add a message each way. A query is one call into
 * PostgreSQL (bind, describe, execute, sync) on a statement prepared at its first use, where PGlite's
 * `query` makes six calls and parses and plans the SQL every time. Parameters are sent as text of
 * unspecified type, as node-postgres does, so the same SQL behaves the same on both databases.
 */
export async function openEmbeddedDatabase({ directory }: { directory?: string }): Promise<EmbeddedDatabase> {
  limitWebAssemblyTiering();
  if (directory) {
    mkdirSync(directory, { recursive: true });
    if (!existsSync(join(directory, 'PG_VERSION'))) await createDataDirectory({ directory });
  }
  const pglite = new PGlite(directory, {
    postgresqlconf: Object.entries(embeddedDatabaseSettings).map(([name, value]) => `${name} = '${value}'`),
  });
  await pglite.waitReady;
  const { serialize } = protocol;
  const statements = new Map<string, string>();
  const execute = async (parts: Uint8Array[]) => (await pglite.execProtocol(concatenate(parts))).messages;
  const query = <Row>(sql: string, params: unknown[] = []): Promise<Row[]> =>
    pglite.runExclusive(async () => {
      // PGlite runs in this thread and hands its lock from query to query in microtasks: a queue of queries
      // would run to its end before any socket is read or written (a stored question's first event
      // included). One turn of the event loop before each query lets requests and streams go on between them.
      await new Promise((resolve) => setImmediate(resolve));
      // Parameterless multi-statement SQL (migrations) goes through the simple protocol, which allows several.
      if (params.length === 0 && sql.includes(';')) {
        await execute([serialize.query(sql)]);
        return [];
      }
      let statement = statements.get(sql);
      if (statement === undefined && statements.size < maximumPreparedStatements) {
        const name = `connectormcp_${statements.size + 1}`;
        // Prepared on its own first: a statement that fails to parse is not remembered.
        await execute([serialize.parse({ name, text: sql, types: [] }), serialize.sync()]);
        statements.set(sql, name);
        statement = name;
      }
      const messages = await execute([
        ...(statement === undefined ? [serialize.parse({ text: sql, types: [] })] : []),
        serialize.bind({ statement: statement ?? '', values: params.map(toText) }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      return parse.parseResults(messages, pglite.parsers)[0]!.rows as Row[];
    });
  return { pglite, query };
}
