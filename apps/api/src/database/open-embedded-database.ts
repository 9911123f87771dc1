import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type {
  EmbeddedDatabaseRequest,
  EmbeddedDatabaseResponse,
  EmbeddedDatabaseWorkerData,
} from './embedded-database-worker.js';

/**
 * PostgreSQL settings of the embedded database. PGlite's default shared_buffers (128MB) is sized for a
 * database server; the API's working set (sessions, messages, runs) is a few MB, and every buffer page
 * touched stays resident in the WebAssembly heap.
 */
export const embeddedDatabaseSettings = { shared_buffers: '16MB' } as const;

const run = promisify(execFile);

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

export interface EmbeddedDatabase {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements run as one block (simple protocol), with each statement's rows. */
  script(sql: string): Promise<{ rows: unknown[] }[]>;
  close(): Promise<void>;
  /** The worker thread PGlite runs in. */
  threadId: number;
}

// Built, the worker is JavaScript beside this file; in tests Node runs its TypeScript source as is.
const workerFile = new URL(
  import.meta.url.endsWith('.ts') ? './embedded-database-worker.ts' : './embedded-database-worker.js',
  import.meta.url,
);

/**
 * PGlite in `directory` (in memory without one), with the settings above, in a worker thread. In the API's
 * thread its work (about 3 ms of a chat's 7.5 ms of CPU) ran between the requests and streams of every
 * other chat, and its lock handed the next query on in microtasks, so a queue of queries ran to its end
 * before any socket was read or written. In a worker it runs beside them on another core.
 */
export async function openEmbeddedDatabase({ directory }: { directory?: string }): Promise<EmbeddedDatabase> {
  limitWebAssemblyTiering();
  if (directory) {
    mkdirSync(directory, { recursive: true });
    if (!existsSync(join(directory, 'PG_VERSION'))) await createDataDirectory({ directory });
  }
  const worker = new Worker(workerFile, {
    workerData: { directory, settings: embeddedDatabaseSettings } satisfies EmbeddedDatabaseWorkerData,
    // The process's options, less one that only applies to code given on the command line (`node -e`).
    execArgv: process.execArgv.filter((option) => !option.startsWith('--input-type')),
  });
  const pending = new Map<number, { resolve: (rows: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (responses: EmbeddedDatabaseResponse[]) => {
      for (const response of responses) {
        if ('ready' in response) resolve();
        else if ('failed' in response) reject(new Error(`Could not open the database: ${response.failed}`));
        else {
          const waiting = pending.get(response.id);
          pending.delete(response.id);
          if ('rows' in response) waiting?.resolve(response.rows);
          else if ('results' in response) waiting?.resolve(response.results);
          else waiting?.reject(Object.assign(new Error(response.error.message), response.error.fields));
        }
      }
    });
    worker.once('error', (error) => {
      reject(error);
      stop(error);
    });
    worker.once('exit', () => stop(new Error('The embedded database has stopped.')));
  });
  const send = (request: Omit<EmbeddedDatabaseRequest, 'id'>) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    threadId: worker.threadId,
    query: async <Row>(sql: string, params: unknown[] = []) => (await send({ sql, params })) as Row[],
    script: async (sql: string) => (await send({ script: sql })) as { rows: unknown[] }[],
    close: async () => {
      if (!stopped) await send({ close: true });
      await worker.terminate();
    },
  };
}
