import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { createConnectorHub, type ConnectorHub } from '@connectormcp/orchestrator';
import mysql from 'mysql2/promise';
import { createAuditLog, type AuditLog } from '../src/audit/audit-log.js';
import { createUserStore } from '../src/auth/user-store.js';
import { runResultSchema } from '../src/contracts/index.js';
import { createDatasourceRegistry, type DatasourceRegistry } from '../src/datasources/datasource-registry.js';
import { createSecretBox } from '../src/datasources/secret-box.js';
import { diffResults } from '../src/schedules/diff-run-results.js';
import { executeSaved, type ExecuteSavedOptions } from '../src/schedules/execute-saved.js';
import { runResultLimits } from '../src/schedules/normalize-run-result.js';
import { resultMetrics } from '../src/schedules/run-metrics.js';
import type { SavedRow } from '../src/schedules/schedule-rows.js';
import { createMember, newSecretKey } from './datasource-test-app.js';
import { startApiTestBed, type ApiTestBed } from './start-api-test-bed.js';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

const toolCall = (fields: { owner: string; datasource: string; tool?: string; arguments: Record<string, unknown> }) =>
  ({
    id: 'sv_tool',
    name: 'A saved tool call',
    kind: 'tool_call',
    tool: 'execute_query',
    question: null,
    datasources: null,
    created_at: new Date(),
    ...fields,
  }) satisfies SavedRow;

const question = (fields: { owner: string; question: string; datasources: string[] }) =>
  ({
    id: 'sv_question',
    name: 'A saved question',
    kind: 'question',
    datasource: null,
    tool: null,
    arguments: null,
    created_at: new Date(),
    ...fields,
  }) satisfies SavedRow;

describe('executeSaved: one run of a saved item as its owner, over real connectors and the fake model', () => {
  let bed: ApiTestBed;
  let registry: DatasourceRegistry;
  let auditLog: AuditLog;
  let anthropic: Anthropic;
  let shop: mysql.Connection;

  beforeAll(async () => {
    bed = await startApiTestBed();
    // `shop` is for the sales group, `offline` (nothing listens on its port) for everyone.
    registry = createDatasourceRegistry({
      database: bed.database,
      hub: bed.hub,
      fileDatasources: bed.hub
        .datasources()
        .map((datasource) =>
          datasource.id === 'shop' ? { ...datasource, access: { use: ['sales'], approve: null } } : datasource,
        ),
      secretBox: createSecretBox({ keys: { current: newSecretKey(), previous: [] }, allowGenerated: false }),
      mode: 'oidc',
    });
    auditLog = createAuditLog({ database: bed.database });
    anthropic = new Anthropic({ apiKey: bed.fake.apiKey, baseURL: bed.fake.baseUrl, maxRetries: 0 });
    await createMember({ database: bed.database, id: 'u_sam', name: 'Sam Sales', groups: ['sales'] });
    await createMember({ database: bed.database, id: 'u_dan', name: 'Dan Disabled', groups: ['sales'] });
    await createMember({ database: bed.database, id: 'u_lee', name: 'Lee Leaver', groups: ['sales'] });
    shop = await mysql.createConnection(`${bed.mariadb.url}/shop`);
  }, 180_000);
  afterAll(async () => {
    await shop?.end();
    await bed?.stop();
  });

  const run = (saved: SavedRow, overrides: Partial<ExecuteSavedOptions> = {}) =>
    executeSaved({
      saved,
      hub: bed.hub,
      registry,
      database: bed.database,
      auditLog,
      settings: { questionTokenLimit: 50_000 },
      environment: {},
      anthropic,
      scheduleId: 'sc_test',
      ...overrides,
    });

  const auditOf = async (actor: string) => (await auditLog.list({ actor, limit: 50 })).entries;

  it('runs a saved query as its owner: rows from MariaDB as columns and rows, audited with the schedule', async () => {
    const outcome = await run(
      toolCall({
        owner: 'u_sam',
        datasource: 'shop',
        arguments: { sql: 'SELECT id, sku, stock FROM products ORDER BY id LIMIT 3' },
      }),
    );
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(runResultSchema.parse(outcome.result)).toEqual(outcome.result);
    expect(outcome.result).toMatchObject({
      columns: ['id', 'sku', 'stock'],
      row_count: 3,
      truncated: false,
      text: null,
    });
    expect(outcome.result.rows!.map((row) => row[0])).toEqual([1, 2, 3]);
    const [[productOne]] = await shop.query<mysql.RowDataPacket[]>('SELECT sku, stock FROM products WHERE id = 1');
    expect(outcome.result.rows![0]).toEqual([1, productOne!.sku, productOne!.stock]);
    // No model: a tool call costs nothing.
    expect(outcome.usage).toBeNull();
    const [entry] = await auditOf('u_sam');
    expect(entry).toMatchObject({
      actor: { id: 'u_sam', name: 'Sam Sales' },
      action: 'tool_call',
      datasource: 'shop',
      tool: 'execute_query',
      status: 'ok',
      arguments: { sql: 'SELECT id, sku, stock FROM products ORDER BY id LIMIT 3' },
      detail: { schedule_id: 'sc_test' },
    });
  });

  it('gives metrics of a one-row result and the difference from the previous run by key', async () => {
    const totals = await run(
      toolCall({
        owner: 'u_sam',
        datasource: 'shop',
        arguments: { sql: 'SELECT COUNT(*) AS products, SUM(stock) AS stock FROM products' },
      }),
    );
    if (totals.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(totals)}`);
    const [[counted]] = await shop.query<mysql.RowDataPacket[]>(
      'SELECT COUNT(*) AS products, SUM(stock) AS stock FROM products',
    );
    // COUNT and SUM arrive as exact decimal strings; the metrics read them as numbers.
    expect(resultMetrics({ result: totals.result })).toEqual({
      row_count: 1,
      products: Number(counted!.products),
      stock: Number(counted!.stock),
    });

    const lowStock = toolCall({
      owner: 'u_sam',
      datasource: 'shop',
      arguments: { sql: 'SELECT id, title, stock FROM products WHERE id IN (5, 6, 7) ORDER BY id' },
    });
    const before = await run(lowStock);
    await shop.query('UPDATE products SET stock = stock + 100 WHERE id = 6');
    try {
      const after = await run(lowStock);
      if (before.status !== 'ok' || after.status !== 'ok') throw new Error('expected two ok runs');
      const diff = diffResults({ previous: before.result, current: after.result })!;
      expect(diff).toMatchObject({ key: 'id', added: 0, removed: 0, changed: 1 });
      expect(diff.changed_rows[0]!.before[0]).toBe(6);
      expect(Number(diff.changed_rows[0]!.after[2]) - Number(diff.changed_rows[0]!.before[2])).toBe(100);
    } finally {
      await shop.query('UPDATE products SET stock = stock - 100 WHERE id = 6');
    }
  });

  it('keeps at most 1,000 rows and 512 KB of a huge result, saying it was cut', async () => {
    const bigHub: ConnectorHub = createConnectorHub({
      datasources: [
        {
          id: 'bigshop',
          name: 'Shop, large results',
          kind: 'mysql',
          command: process.execPath,
          args: [mysqlBin],
          env: {
            MYSQL_URL: `${bed.mariadb.url}/shop`,
            MYSQL_MAX_ROWS: '10000',
            MYSQL_MAX_CELL_BYTES: '2000',
            // The rows a query returns are those its text shows: both budgets are raised.
            MCP_RESULT_MAX_CHARS: '1000000',
            MCP_STRUCTURED_MAX_CHARS: '1000000',
            LOG_LEVEL: 'warn',
          },
        },
      ],
    });
    try {
      const local = createDatasourceRegistry({
        database: bed.database,
        hub: bigHub,
        fileDatasources: bigHub.datasources(),
        secretBox: createSecretBox({ keys: { current: newSecretKey(), previous: [] }, allowGenerated: false }),
        mode: 'local',
      });
      const many = await run(
        toolCall({
          owner: 'local',
          datasource: 'bigshop',
          // 120 customers × 40 products: 4,800 narrow rows.
          arguments: {
            sql: 'SELECT c.id * 1000 + p.id AS id, p.sku FROM customers c CROSS JOIN products p ORDER BY 1',
          },
        }),
        { hub: bigHub, registry: local },
      );
      if (many.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(many)}`);
      expect(many.result.rows).toHaveLength(runResultLimits.rows);
      expect(many.result).toMatchObject({ row_count: 4_800, truncated: true });

      const wide = await run(
        toolCall({
          owner: 'local',
          datasource: 'bigshop',
          arguments: {
            sql: "SELECT c.id * 1000 + p.id AS id, REPEAT('x', 1500) AS pad FROM customers c CROSS JOIN products p ORDER BY 1",
          },
        }),
        { hub: bigHub, registry: local },
      );
      if (wide.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(wide)}`);
      expect(wide.result.truncated).toBe(true);
      expect(wide.result.rows!.length).toBeGreaterThan(100);
      expect(wide.result.rows!.length).toBeLessThan(runResultLimits.rows);
      expect(Buffer.byteLength(JSON.stringify(wide.result))).toBeLessThanOrEqual(runResultLimits.bytes);
      // BIGINT comes as an exact decimal string.
      expect(wide.result.rows![0]).toEqual(['1001', 'x'.repeat(1500)]);
    } finally {
      await bigHub.close();
    }
  });

  it('runs nothing for a disabled owner', async () => {
    await createUserStore({ database: bed.database }).update({ id: 'u_dan', disabled: true });
    const before = (await auditOf('u_dan')).length;
    const outcome = await run(toolCall({ owner: 'u_dan', datasource: 'shop', arguments: { sql: 'SELECT 1 AS one' } }));
    expect(outcome).toMatchObject({
      status: 'error',
      error: { code: 'owner_disabled' },
      retryable: false,
      result: null,
    });
    expect(await auditOf('u_dan')).toHaveLength(before);
  });

  it('refuses a datasource the owner may no longer use, for a tool call and a question', async () => {
    const saved = toolCall({ owner: 'u_lee', datasource: 'shop', arguments: { sql: 'SELECT 1 AS one' } });
    expect((await run(saved)).status).toBe('ok');
    // Lee left the sales group (at the last sign-in): from now on the schedule may not read the shop.
    await createUserStore({ database: bed.database }).updateClaims({
      id: 'u_lee',
      groups: ['support'],
      role: 'member',
    });
    const refused = await run(saved);
    expect(refused).toMatchObject({ status: 'error', error: { code: 'forbidden' }, retryable: false });
    expect(refused.status === 'error' && refused.error.message).toContain('shop');
    const requests = bed.fake.requests.length;
    const asked = await run(question({ owner: 'u_lee', question: 'How many products?', datasources: ['shop'] }));
    expect(asked).toMatchObject({ status: 'error', error: { code: 'forbidden' } });
    expect(bed.fake.requests).toHaveLength(requests);
  });

  it('fails an offline datasource as retryable, without asking the model', async () => {
    const called = await run(
      toolCall({ owner: 'u_sam', datasource: 'offline', arguments: { sql: 'SELECT 1 AS one' } }),
    );
    expect(called).toMatchObject({ status: 'error', retryable: true });
    // The connector's own code for a source that refuses connections.
    expect(called.status === 'error' && called.error.code).toBe('UPSTREAM_UNAVAILABLE');
    const requests = bed.fake.requests.length;
    const asked = await run(question({ owner: 'u_sam', question: 'Anything new?', datasources: ['offline'] }));
    expect(asked).toMatchObject({ status: 'error', error: { code: 'datasource_unavailable' }, retryable: true });
    expect(bed.fake.requests).toHaveLength(requests);
  });

  it('refuses a saved tool that is not read-only, without running it', async () => {
    const [[row]] = await shop.query<mysql.RowDataPacket[]>('SELECT stock FROM products WHERE id = 2');
    const outcome = await run(
      toolCall({
        owner: 'u_sam',
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql: 'UPDATE products SET stock = 0 WHERE id = 2' },
      }),
    );
    expect(outcome).toMatchObject({ status: 'error', error: { code: 'not_read_only' }, retryable: false });
    const [[after]] = await shop.query<mysql.RowDataPacket[]>('SELECT stock FROM products WHERE id = 2');
    expect(after!.stock).toBe(row!.stock);
  });

  it('runs a question through the chat loop, never approving a write, and keeps the answer', async () => {
    const [[row]] = await shop.query<mysql.RowDataPacket[]>('SELECT stock FROM products WHERE id = 3');
    bed.fake.script(
      {
        content: [
          { type: 'text', text: 'Restocking first. ' },
          {
            type: 'tool_use',
            name: 'shop__execute_statement',
            input: { sql: 'UPDATE products SET stock = 999 WHERE id = 3' },
          },
        ],
      },
      (request) => {
        const results = JSON.stringify(request.messages.at(-1)!.content);
        return {
          content: [{ type: 'text', text: results.includes('denied') ? 'The write was refused.' : 'It was written.' }],
        };
      },
    );
    const outcome = await run(question({ owner: 'u_sam', question: 'Restock product 3', datasources: ['shop'] }));
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.result).toMatchObject({
      columns: null,
      rows: null,
      text: 'Restocking first. The write was refused.',
    });
    expect(outcome.usage!.inputTokens).toBeGreaterThan(0);
    const [[after]] = await shop.query<mysql.RowDataPacket[]>('SELECT stock FROM products WHERE id = 3');
    expect(after!.stock).toBe(row!.stock);
    const entries = await auditOf('u_sam');
    expect(entries.find((entry) => entry.tool === 'execute_statement')).toMatchObject({
      action: 'tool_call',
      status: 'denied',
      detail: { schedule_id: 'sc_test' },
    });
    expect(entries.find((entry) => entry.action === 'question')).toMatchObject({
      detail: { question: 'Restock product 3', schedule_id: 'sc_test' },
    });
  });

  it('stops a question at its token budget before the next model step, an error that keeps the lead-in text', async () => {
    bed.fake.script(
      {
        content: [
          { type: 'text', text: 'Let me look at the tables.' },
          { type: 'tool_use', name: 'shop__list_tables', input: {} },
        ],
      },
      { content: [{ type: 'text', text: 'Never asked for.' }] },
    );
    const requests = bed.fake.requests.length;
    const outcome = await run(question({ owner: 'u_sam', question: 'List everything', datasources: ['shop'] }), {
      settings: { questionTokenLimit: 10 },
    });
    expect(outcome).toMatchObject({ status: 'error', error: { code: 'token_budget' }, retryable: false });
    expect(outcome.result?.text).toContain('Let me look at the tables.');
    expect(bed.fake.requests).toHaveLength(requests + 1);
    expect(outcome.usage!.inputTokens + outcome.usage!.outputTokens).toBeGreaterThanOrEqual(10);
    // The unused turn is left for nobody: take it off the queue.
    await run(question({ owner: 'u_sam', question: 'Drain', datasources: ['shop'] }));
  });

  it('cuts a long answer to 16 KB and says so', async () => {
    bed.fake.script({ content: [{ type: 'text', text: 'Long. '.repeat(5_000) }] });
    const outcome = await run(question({ owner: 'u_sam', question: 'Tell me everything', datasources: ['shop'] }));
    if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
    expect(outcome.result.truncated).toBe(true);
    expect(Buffer.byteLength(outcome.result.text!)).toBeLessThanOrEqual(runResultLimits.textBytes);
    expect(outcome.result.text!.startsWith('Long. Long.')).toBe(true);
  });
});
