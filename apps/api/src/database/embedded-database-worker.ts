// The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) answering the API's queries.
// It imports nothing of the API's, so Node runs it as is, built or (in tests) as TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';

export interface EmbeddedDatabaseWorkerData {
  directory: string | undefined;
  settings: Record<string, string>;
}

export type EmbeddedDatabaseRequest =
  { id: number; sql: string; params: unknown[] } | { id: number; script: string } | { id: number; close: true };

export type EmbeddedDatabaseResponse =
  | { id: number; rows: unknown[] }
  | { id: number; results: { rows: unknown[] }[] }
  | { id: number; error: { message: string; fields: Record<string, unknown> } }
  | { ready: true }
  | { failed: string };

/** Enough to spare most wake-ups of the API's thread, few enough that no answer waits long for the others. */
const maximumAnswersPerMessage = 16;

/** Queries with their own prepared statement; others (built on the fly) are parsed at each run. */
const maximumPreparedStatements = 500;

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

/** What a PostgreSQL error says (code, detail, constraint…), as plain data that crosses threads. */
function errorFields(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return {};
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number') fields[name] = value;
  return fields;
}

/**
 * A query is one call into PostgreSQL (bind, describe, execute, sync) on a statement prepared at its first
 * use, where PGlite's `query` makes six calls and parses and plans the SQL every time. Parameters are sent
 * as text of unspecified type, as node-postgres does.
 */
function createQuery({ pglite }: { pglite: PGlite }) {
  const { serialize } = protocol;
  const statements = new Map<string, string>();
  const execute = async (parts: Uint8Array[]) => (await pglite.execProtocol(concatenate(parts))).messages;
  const query = (sql: string, params: unknown[]): Promise<unknown[]> =>
    pglite.runExclusive(async () => {
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
      return parse.parseResults(messages, pglite.parsers)[0]!.rows;
    });
  // Several statements in one call, each one's rows kept: the job queue's blocks (BEGIN … RETURNING … COMMIT)
  // run whole, with no other query between their statements. A statement that fails ends the block; its
  // transaction is rolled back so the next caller does not find the connection aborted.
  const script = (sql: string): Promise<{ rows: unknown[] }[]> =>
    pglite.runExclusive(async () => {
      try {
        const messages = await execute([serialize.query(sql)]);
        return parse.parseResults(messages, pglite.parsers).map((result) => ({ rows: result.rows }));
      } catch (error) {
        await execute([serialize.query('ROLLBACK')]).catch(() => {});
        throw error;
      }
    });
  return { query, script };
}

async function serve() {
  const port = parentPort!;
  const { directory, settings } = workerData as EmbeddedDatabaseWorkerData;
  const pglite = new PGlite(directory, {
    postgresqlconf: Object.entries(settings).map(([name, value]) => `${name} = '${value}'`),
  });
  await pglite.waitReady;
  const { query, script } = createQuery({ pglite });
  // Answers leave in batches: a message wakes the API's thread, which cost more than a query (about 0.13 ms
  // each) when every answer went alone. A batch leaves when it is full or when the queue has run dry.
  let answers: EmbeddedDatabaseResponse[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (answers.length === 0) return;
    port.postMessage(answers);
    answers = [];
  };
  const answer = (response: EmbeddedDatabaseResponse) => {
    answers.push(response);
    if (answers.length >= maximumAnswersPerMessage) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  // Queries still running when the API closes the database (a background job at shutdown) finish first:
  // PGlite closed under them fails them with its internals' TypeErrors instead of a result.
  const running = new Set<Promise<unknown>>();
  let closing = false;
  port.on('message', (request: EmbeddedDatabaseRequest) => {
    if ('close' in request) {
      closing = true;
      void Promise.allSettled([...running])
        .then(() => pglite.close())
        .finally(() => answer({ id: request.id, rows: [] }));
      return;
    }
    if (closing) {
      answer({ id: request.id, error: { message: 'The embedded database is closed.', fields: {} } });
      return;
    }
    const settled = ('script' in request ? script(request.script) : query(request.sql, request.params)).then(
      (rows) =>
        answer(
          'script' in request ? { id: request.id, results: rows as { rows: unknown[] }[] } : { id: request.id, rows },
        ),
      (error: unknown) =>
        answer({
          id: request.id,
          error: { message: error instanceof Error ? error.message : String(error), fields: errorFields(error) },
        }),
    );
    running.add(settled);
    void settled.finally(() => running.delete(settled));
  });
  port.postMessage([{ ready: true }] as EmbeddedDatabaseResponse[]);
}

serve().catch((error: unknown) =>
  parentPort!.postMessage({
    failed: error instanceof Error ? error.message : String(error),
  } as EmbeddedDatabaseResponse),
);
