import { createHash } from 'node:crypto';
import { waitFor } from '@connectormcp/services';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createAuditLog } from '../src/audit/audit-log.js';
import { appSettingsSchema, auditResponseSchema, type AuditEntry } from '../src/contracts/index.js';
import { expectContract } from './expect-contract.js';
import { as, startApiTestBed, testKeys, type ApiTestBed } from './start-api-test-bed.js';

const environmentKeyUserId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

describe('the audit trail over real HTTP: recorded from chats, browsed, exported and kept for a while', () => {
  let bed: ApiTestBed;
  const alice = as(testKeys.alice);
  const aliceId = environmentKeyUserId(testKeys.alice);
  beforeAll(async () => {
    bed = await startApiTestBed();
  }, 180_000);
  afterAll(() => bed?.stop());

  const audit = async (query: Record<string, string | number>) =>
    expectContract(
      auditResponseSchema,
      (await request(bed.app).get('/api/admin/audit').query(query).set(alice).expect(200)).body,
    );

  it("records a chat's question, its approval and its tool call with who did them, in order", async () => {
    const sql = "UPDATE customers SET country = 'PT' WHERE id = 4";
    bed.fake.script(
      { content: [{ type: 'tool_use', name: 'shop__execute_statement', input: { sql } }] },
      { content: [{ type: 'text', text: 'Moved.' }] },
    );
    const events = await bed.stream({
      path: '/api/chat/message',
      body: { message: 'Move customer 4 to Portugal', datasources: ['shop'] },
      onEvent: async (event) => {
        if (event.type === 'approval_required')
          await request(bed.app)
            .post(`/api/chat/approvals/${event.id as string}`)
            .set(alice)
            .send({ approve: true })
            .expect(204);
      },
    });
    const { runId, sessionId } = events[0] as { runId: string; sessionId: string };
    const approvalId = events.find((event) => event.type === 'approval_required')!.id;
    expect(events.find((event) => event.type === 'tool_call_finished')).toMatchObject({ status: 'ok' });

    const { entries } = await audit({ actor: aliceId, limit: 200 });
    const ofRun = entries.filter((entry) => entry.runId === runId).reverse();
    const actor = { id: aliceId, name: expect.stringMatching(/^API key …[0-9a-f]{4}$/) };
    expect(ofRun).toEqual([
      expect.objectContaining({
        action: 'question',
        actor,
        sessionId,
        status: 'asked',
        detail: { question: 'Move customer 4 to Portugal' },
      }),
      expect.objectContaining({
        action: 'approval',
        actor,
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql },
        status: 'approved',
        detail: { approvalId, runOwnerId: aliceId },
      }),
      expect.objectContaining({
        action: 'tool_call',
        actor,
        sessionId,
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql },
        status: 'ok',
        durationMs: expect.any(Number),
      }),
    ]);
    const decided = await bed.database.query<{ decided_by: string; decision: boolean }>(
      'SELECT decided_by, decision FROM pending_approvals WHERE id = $1',
      [approvalId],
    );
    expect(decided).toEqual([{ decided_by: aliceId, decision: true }]);
  });

  it('records what the tool explorer runs, with who ran it', async () => {
    const sql = 'SELECT 42 AS explorer_probe';
    await request(bed.app)
      .post('/api/datasources/shop/tools/execute_query')
      .set(alice)
      .send({ arguments: { sql } })
      .expect(200);
    const { entries } = await audit({ action: 'tool_call', datasource: 'shop', actor: aliceId, limit: 5 });
    expect(entries[0]).toMatchObject({
      actor: { id: aliceId },
      tool: 'execute_query',
      arguments: { sql },
      status: 'ok',
      sessionId: null,
      runId: null,
      detail: { via: 'explorer' },
    });
  });

  it('caps huge arguments at 16 KB of JSON, marked as truncated', async () => {
    const { id } = (await request(bed.app).post('/api/chat/sessions').set(alice).send({ title: 'Huge' }).expect(201))
      .body as { id: string };
    const sql = `SELECT 1 /* ${'x'.repeat(40_000)} */`;
    const events = await bed.stream({
      path: `/api/chat/sessions/${id}/tool-calls`,
      body: { datasource: 'shop', tool: 'execute_query', arguments: { sql } },
    });
    const { entries } = await audit({ action: 'tool_call', limit: 200 });
    const entry = entries.find((candidate) => candidate.runId === events[0]!.runId)!;
    expect(entry.arguments).toEqual({
      $truncated: true,
      originalBytes: JSON.stringify({ sql }).length,
      preview: expect.stringMatching(/^\{"sql":"SELECT 1 \/\* x+$/),
    });
    expect(JSON.stringify(entry.arguments).length).toBeLessThanOrEqual(16 * 1024);
  });

  it('filters by actor, action, datasource and time, and pages with a cursor without gaps or repeats', async () => {
    const log = createAuditLog({ database: bed.database });
    const pager = { id: 'u_pager', name: 'Pat Pager' };
    for (let index = 0; index < 5; index++)
      await log.record({ actor: pager, action: 'settings_updated', status: 'ok', detail: { index } });
    // Rows written in the same instant: the cursor tells them apart by id.
    await bed.database.query(
      `INSERT INTO audit_log (actor, actor_name, action, status, detail, created_at)
       SELECT 'u_pager', 'Pat Pager', 'settings_updated', 'ok', jsonb_build_object('index', 100 + n), '2026-01-01T00:00:00.123456Z'
       FROM generate_series(1, 3) AS n`,
    );
    const seen: AuditEntry[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await audit({ actor: 'u_pager', limit: 2, ...(before ? { before } : {}) });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries);
      before = page.nextCursor;
      pages++;
    } while (before);
    expect(pages).toBe(4);
    expect(seen.map((entry) => entry.detail!.index)).toEqual([4, 3, 2, 1, 0, 103, 102, 101]);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(8);

    expect((await audit({ actor: 'u_pager', to: '2026-01-02T00:00:00Z' })).entries).toHaveLength(3);
    expect((await audit({ actor: 'u_pager', from: '2026-01-02T00:00:00Z' })).entries).toHaveLength(5);
    const toolCalls = await audit({ action: 'tool_call', datasource: 'shop', limit: 200 });
    expect(toolCalls.entries.length).toBeGreaterThan(0);
    expect(toolCalls.entries.every((entry) => entry.action === 'tool_call' && entry.datasource === 'shop')).toBe(true);
    expect((await audit({ datasource: 'offline' })).entries).toEqual([]);

    const refused = async (query: Record<string, string | number>) => {
      const answer = await request(bed.app).get('/api/admin/audit').query(query).set(alice).expect(400);
      expect(answer.body.error.code).toBe('invalid_request');
    };
    await refused({ limit: 201 });
    await refused({ limit: 0 });
    await refused({ action: 'drop_tables' });
    await refused({ from: 'yesterday' });
    await refused({ before: 'not-a-cursor' });
  });

  it('exports the same entries as CSV with a header row, with spreadsheet formulas neutralized', async () => {
    const log = createAuditLog({ database: bed.database });
    await log.record({
      actor: { id: 'u_mallory', name: '=HYPERLINK("http://evil.example","x")' },
      action: 'tool_call',
      datasource: 'shop',
      tool: '@SUM(A1)',
      arguments: { sql: '=cmd()' },
      status: '-1+2',
      durationMs: 3,
    });
    const answer = await request(bed.app).get('/api/admin/audit/export.csv').query({ actor: 'u_mallory' }).set(alice);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="connectormcp-audit-[\d-]+\.csv"$/);
    const rows = parse(answer.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      expect.objectContaining({
        actor_id: 'u_mallory',
        actor_name: '\'=HYPERLINK("http://evil.example","x")',
        action: 'tool_call',
        datasource: 'shop',
        tool: "'@SUM(A1)",
        status: "'-1+2",
        duration_ms: '3',
      }),
    ]);
    // Arguments are JSON text (it starts with `{`, which no spreadsheet runs) and parse back unchanged.
    expect(JSON.parse(rows[0]!.arguments!)).toEqual({ sql: '=cmd()' });

    // Every entry of a filter, in the same order as the JSON pages.
    const csv = parse(
      (await request(bed.app).get('/api/admin/audit/export.csv').query({ actor: 'u_pager' }).set(alice).expect(200))
        .text,
      { columns: true },
    ) as Array<Record<string, string>>;
    const json = await audit({ actor: 'u_pager', limit: 200 });
    expect(csv.map((row) => row.id)).toEqual(json.entries.map((entry) => entry.id));
    expect(csv.map((row) => JSON.parse(row.detail!))).toEqual(json.entries.map((entry) => entry.detail));
  });

  it('deletes entries past the retention at start, and admins change the retention', async () => {
    const settings = async () =>
      expectContract(
        appSettingsSchema,
        (await request(bed.app).get('/api/admin/settings').set(alice).expect(200)).body,
      );
    expect(await settings()).toEqual({ auditRetentionDays: 365 });
    const backdated = async (days: number) => {
      const [row] = await bed.database.query<{ id: string }>(
        `INSERT INTO audit_log (actor, actor_name, action, status, created_at)
         VALUES ('u_old', 'Old', 'sign_in', 'ok', now() - make_interval(days => $1::int)) RETURNING id`,
        [days],
      );
      return String(row!.id);
    };
    const remaining = async (ids: string[]) =>
      (
        await bed.database.query<{ id: string }>('SELECT id FROM audit_log WHERE id = ANY($1::bigint[]) ORDER BY id', [
          ids,
        ])
      ).map((row) => String(row.id));
    const ancient = await backdated(400);
    const old = await backdated(100);
    const recent = await backdated(2);

    // An instance starting deletes what is past the retention (365 days by default).
    const starting = bed.appWith({});
    await waitFor({
      probe: async () => (await remaining([ancient])).length === 0,
      description: 'the entry of 400 days ago to be deleted',
      timeoutMs: 10_000,
    });
    expect(await remaining([old, recent])).toEqual([old, recent]);
    await starting.drain({ graceMs: 0 });

    for (const auditRetentionDays of [0, 3651, 1.5, '30'])
      await request(bed.app).patch('/api/admin/settings').set(alice).send({ auditRetentionDays }).expect(400);
    const patched = await request(bed.app).patch('/api/admin/settings').set(alice).send({ auditRetentionDays: 30 });
    expect([patched.status, patched.body]).toEqual([200, { auditRetentionDays: 30 }]);
    expect(await settings()).toEqual({ auditRetentionDays: 30 });
    const { entries } = await audit({ action: 'settings_updated', actor: aliceId });
    expect(entries[0]).toMatchObject({ detail: { changed: ['auditRetentionDays'], auditRetentionDays: 30 } });

    // Another instance (the same database) starting with a different default follows the saved setting.
    const next = bed.appWith({ auditRetentionDays: 3650 });
    await waitFor({
      probe: async () => (await remaining([old])).length === 0,
      description: 'the entry of 100 days ago to be deleted',
      timeoutMs: 10_000,
    });
    expect(await remaining([recent])).toEqual([recent]);
    await next.drain({ graceMs: 0 });
  });
});
