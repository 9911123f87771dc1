import { ConnectorError } from '@connectormcp/connector-kit';
import type { ValueFormat } from '@connectormcp/connector-kit/value-format';
import type { FieldPacket } from 'mysql2';
import mysql, { type PoolConnection } from 'mysql2/promise';
import { acquireConnection, isStaleConnectionError } from './acquire-connection.js';
import { columnFormat } from './column-format.js';
import { scheduleGarbageCollection } from './collect-garbage.js';
import { columnTypeName, toJsonSafeValue } from './json-safe-value.js';
import { killQuery } from './kill-query.js';
import type { MysqlContext } from './mysql-context.js';
import { createResultByteBudget, type CastField, type CutCell, type ResultByteBudget } from './result-byte-budget.js';
import { sessionSettingsStatement } from './session-settings.js';

export interface ResultColumn {
  name: string;
  type: string;
  /** How to read the column's values (decimal, date-time, date), from its type. */
  format?: ValueFormat;
}

export interface ReadResult {
  columns: ResultColumn[];
  /** One array per row, in column order (arrays keep duplicate column names apart). */
  rows: unknown[][];
  /** Reading stopped early (see `stoppedBy`) and the statement was stopped on the server. */
  truncated: boolean;
  /** Why reading stopped: more rows than `maxRows`, or the next row did not fit the byte budget. */
  stoppedBy?: 'rows' | 'bytes';
  /** Values cut to the byte budget, by row index in `rows` and column index. */
  cutCells: CutCell[];
  elapsedMs: number;
}

interface CoreQuery {
  on(event: 'fields', listener: (fields: FieldPacket[] | undefined) => void): CoreQuery;
  on(event: 'result', listener: (row: unknown[]) => void): CoreQuery;
  on(event: 'error', listener: (error: Error) => void): CoreQuery;
  on(event: 'end', listener: () => void): CoreQuery;
}

interface CoreConnection {
  query(options: {
    sql: string;
    values?: unknown[];
    rowsAsArray?: boolean;
    typeCast?: (field: CastField, next: () => unknown) => unknown;
  }): CoreQuery;
  pause(): void;
  stream?: { destroy(): void; destroyed?: boolean };
  _closing?: boolean;
  _fatalError?: unknown;
}

export interface ReadBudget {
  /** Bytes of one value at most; a longer one is cut with a marker. */
  maxCellBytes: number;
  /**
   * Bytes of the whole result as JSON at most (columns, rows, the record of cut values); reading stops
   * before the row that would pass it.
   */
  maxResultBytes: number;
}

// Room kept for the answer's fields besides columns and rows (counts, flags, elapsed time, a hint).
const answerFieldsBytes = 400;
// Packets of rows with values this large in all are freed right away rather than left for V8 to get to.
const collectEveryDiscardedBytes = 8 * 1024 * 1024;

export interface ReadStatement {
  sql: string;
  params?: unknown[];
  maxRows: number;
  /** Without a budget values arrive whole: for the connector's own metadata reads, bounded by the schema. */
  budget?: ReadBudget;
}

/** An error the server answered with, after which the connection is in a known state and can be reset. */
function isStatementError(error: unknown): boolean {
  if (error instanceof ConnectorError) return false;
  const { errno, fatal } = (error ?? {}) as { errno?: number; fatal?: boolean };
  return typeof errno === 'number' && !fatal;
}

/**
 * Puts a connection back in the pool only once its session is reset (user variables, temporary tables,
 * locks, transaction, session settings): after the answer was sent, so the reset costs the caller no time.
 * COM_RESET_CONNECTION keeps the current database, so a session that switched database is reset with
 * COM_CHANGE_USER, which returns to the configured one. A connection that cannot be reset is closed.
 */
function resetAndRelease({
  context,
  connection,
  switchedDatabase,
}: {
  context: MysqlContext;
  connection: PoolConnection;
  switchedDatabase: boolean;
}): void {
  const { config } = context;
  const reset = switchedDatabase
    ? connection.changeUser({
        user: config.user,
        ...(config.password !== undefined ? { password: config.password } : {}),
        ...(config.database ? { database: config.database } : {}),
      })
    : connection.reset();
  reset
    // The next read then finds its session ready and spends no round trip on setting it up.
    .then(() => connection.query(readSessionStatement({ context })))
    .then(
      () => {
        preparedForReads.add(coreOf({ connection }));
        connection.release();
      },
      () => connection.destroy(),
    );
}

/**
 * Pooled connections whose session was reset and set up for reads after their last use. A write takes
 * such a connection too; its own `SET SESSION` puts the time zone and transaction mode back to the server's.
 */
const preparedForReads = new WeakSet<CoreConnection>();

function coreOf({ connection }: { connection: PoolConnection }): CoreConnection {
  return (connection as unknown as { connection: CoreConnection }).connection;
}

function readSessionStatement({ context }: { context: MysqlContext }): string {
  return sessionSettingsStatement({
    flavor: context.flavor!,
    queryTimeoutMs: context.config.queryTimeoutMs,
    readOnly: true,
  });
}

/** A connection the driver already knows is closed would fail its next statement without answering it. */
function isOpen({ core }: { core: CoreConnection }): boolean {
  return !core._closing && !core._fatalError && !core.stream?.destroyed;
}

/**
 * Opens a session in which nothing can change: one `SET SESSION` makes it read-only (every statement's
 * transaction is READ ONLY, so the server refuses writes and DDL on its own) with a server-side time limit,
 * UTC and the pinned sql_mode. `run` may read several statements in it; with `snapshot` they share one
 * `START TRANSACTION READ ONLY`. Rows are streamed and reading stops at `maxRows` or the byte budget, so a
 * query over millions of rows, or rows of megabytes, never loads them.
 *
 * After the answer, the session is reset (or the connection closed) and set up for the next read before the
 * connection returns to the pool; a read that finds it so spends no round trip on its session at all, one
 * on a fresh connection.
 */
export async function withReadOnlySession<Result>({
  context,
  database,
  snapshot = false,
  signal,
  run,
}: {
  context: MysqlContext;
  database?: string;
  /** Several statements that must see one snapshot of the data. */
  snapshot?: boolean;
  signal: AbortSignal;
  run: (read: (statement: ReadStatement) => Promise<ReadResult>) => Promise<Result>;
}): Promise<Result> {
  const { config } = context;
  // Every pooled connection is reset to the configured database, so only another one needs a USE.
  const switchedDatabase = Boolean(database) && database !== config.database;
  for (let attempt = 1; ; attempt += 1) {
    let preparedAhead = false;
    const connection = await acquireConnection({
      context,
      prepare: async (prepared) => {
        const core = coreOf({ connection: prepared });
        preparedAhead = preparedForReads.delete(core) && isOpen({ core });
        if (!preparedAhead) await prepared.query(readSessionStatement({ context }));
        if (switchedDatabase) await prepared.query(`USE ${mysql.escapeId(database!)}`);
        if (snapshot) await prepared.query('START TRANSACTION READ ONLY');
      },
    });
    try {
      return await readInSession({ context, connection, switchedDatabase, signal, run });
    } catch (error) {
      // A connection set up ahead ran no statement before the read: if it had gone stale meanwhile (the
      // server restarted), the read is tried once more on a fresh one, as acquireConnection does.
      if (!preparedAhead || attempt >= 2 || !isStaleConnectionError(error)) throw error;
    }
  }
}

async function readInSession<Result>({
  context,
  connection,
  switchedDatabase,
  signal,
  run,
}: {
  context: MysqlContext;
  connection: PoolConnection;
  switchedDatabase: boolean;
  signal: AbortSignal;
  run: (read: (statement: ReadStatement) => Promise<ReadResult>) => Promise<Result>;
}): Promise<Result> {
  let reusable = true;
  const read = async ({ sql, params = [], maxRows, budget }: ReadStatement) => {
    if (!reusable) {
      // The connection of a stopped statement stays paused until it is closed: nothing more runs on it.
      throw new ConnectorError({ code: 'INTERNAL', message: 'A read followed one that was stopped early.' });
    }
    try {
      const result = await streamRows({
        context,
        core: coreOf({ connection }),
        threadId: connection.threadId,
        sql,
        params,
        maxRows,
        ...(budget ? { budget } : {}),
        signal,
      });
      // The statement was killed mid-stream; the connection is not worth trusting again.
      if (result.truncated) reusable = false;
      return result;
    } catch (error) {
      if (!isStatementError(error)) reusable = false;
      throw error;
    }
  };
  try {
    return await run(read);
  } finally {
    if (reusable) resetAndRelease({ context, connection, switchedDatabase });
    else connection.destroy();
  }
}

/** Runs one statement that must not change anything, in its own read-only session. */
export async function executeReadOnly({
  context,
  sql,
  params = [],
  database,
  maxRows,
  budget,
  signal,
}: {
  context: MysqlContext;
  sql: string;
  params?: unknown[];
  database?: string;
  maxRows: number;
  budget?: ReadBudget;
  signal: AbortSignal;
}): Promise<ReadResult> {
  return withReadOnlySession({
    context,
    ...(database ? { database } : {}),
    signal,
    run: (read) => read({ sql, params, maxRows, ...(budget ? { budget } : {}) }),
  });
}

const emptyPacketBuffer = Buffer.alloc(4);

/**
 * mysql2 (3.x) parses every packet through one reusable packet object that keeps the last packet's buffer
 * until the next packet is complete: a row of 15 MB stays in memory while the next 15 MB arrive. Between
 * packets nothing reads it, so it is dropped; on a driver without that object this does nothing.
 */
function releaseLastPacket({ core }: { core: CoreConnection }): void {
  const packet = (core as { packetParser?: { _reusablePacket?: { buffer?: unknown } } }).packetParser?._reusablePacket;
  if (packet && Buffer.isBuffer(packet.buffer)) packet.buffer = emptyPacketBuffer;
}

function streamRows({
  context,
  core,
  threadId,
  sql,
  params,
  maxRows,
  budget,
  signal,
}: {
  context: MysqlContext;
  core: CoreConnection;
  threadId: number;
  sql: string;
  params: unknown[];
  maxRows: number;
  budget?: ReadBudget;
  signal: AbortSignal;
}): Promise<ReadResult> {
  const started = performance.now();
  const byteBudget: ResultByteBudget | undefined = budget ? createResultByteBudget(budget) : undefined;
  return new Promise<ReadResult>((resolve, reject) => {
    let columns: ResultColumn[] = [];
    const rows: unknown[][] = [];
    let stoppedBy: ReadResult['stoppedBy'];
    let settled = false;
    let collectedAt = 0;
    const kill = () => killQuery({ context, threadId });
    const cleanup = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve({
        columns,
        rows,
        truncated: stoppedBy !== undefined,
        ...(stoppedBy ? { stoppedBy } : {}),
        cutCells: byteBudget ? [...byteBudget.cutCells] : [],
        elapsedMs: Math.round((performance.now() - started) * 10) / 10,
      });
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(error);
    };
    const onAbort = () => {
      void kill();
      fail(new ConnectorError({ code: 'CANCELLED', message: 'The query was cancelled and stopped on the server.' }));
    };
    // Enough read: stop the statement on the server before answering, so nothing keeps running. The
    // connection stays paused (nothing more is read into memory) and its socket is closed: a server thread
    // blocked writing a large row to it would otherwise notice KILL QUERY only once the row is read.
    const stopReading = (reason: NonNullable<ReadResult['stoppedBy']>) => {
      stoppedBy = reason;
      byteBudget?.stop();
      core.pause();
      void kill().finally(() => {
        core.stream?.destroy();
        finish();
      });
    };
    // The server enforces the limit itself; this is the backstop for statements it does not cover
    // (MySQL's max_execution_time applies to SELECT only).
    const timer = setTimeout(() => {
      void kill();
      fail(
        new ConnectorError({
          code: 'TIMEOUT',
          message: `The statement ran past ${context.config.queryTimeoutMs} ms (MYSQL_QUERY_TIMEOUT_MS) and was stopped on the server. Narrow it or add a LIMIT.`,
        }),
      );
    }, context.config.queryTimeoutMs + 2000);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const query = core.query({
      sql,
      values: params,
      rowsAsArray: true,
      ...(byteBudget ? { typeCast: byteBudget.typeCast } : {}),
    });
    query.on('fields', (fields) => {
      if (!fields) return;
      columns = fields.map((field) => {
        const type = columnTypeName({ type: field.type });
        const format = columnFormat({ typeName: type });
        return { name: field.name, type, ...(format ? { format } : {}) };
      });
      byteBudget?.setColumns(
        fields.map((field) => ({
          name: field.name,
          ...(field.characterSet !== undefined ? { characterSet: field.characterSet } : {}),
          ...(field.encoding !== undefined ? { encoding: field.encoding } : {}),
        })),
        // The column list and the answer's other fields travel with the rows.
        { reservedBytes: Buffer.byteLength(JSON.stringify(columns)) + answerFieldsBytes },
      );
    });
    query.on('result', (row) => {
      if (stoppedBy || settled) return;
      if (rows.length >= maxRows) return stopReading('rows');
      const values = row.map((value, index) => toJsonSafeValue({ value, typeName: columns[index]?.type ?? 'UNKNOWN' }));
      if (!byteBudget) {
        rows.push(values);
        return;
      }
      const counted = byteBudget.admit(values);
      if (byteBudget.discardedBytes - collectedAt >= collectEveryDiscardedBytes) {
        collectedAt = byteBudget.discardedBytes;
        scheduleGarbageCollection({ release: () => releaseLastPacket({ core }) });
      }
      if (!counted.admitted) return stopReading('bytes');
      rows.push(counted.row);
    });
    query.on('error', (error) => {
      if (!stoppedBy) fail(error);
    });
    query.on('end', () => {
      if (!stoppedBy) finish();
    });
  });
}
