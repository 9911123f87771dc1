import { startPostgres, type PostgresServer } from '@connectormcp/services';
import { createAppSettingsStore } from '../src/audit/app-settings.js';
import { createAuditLog } from '../src/audit/audit-log.js';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase, type Database } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';

describe('the audit log and approvals on a real PostgreSQL shared by two instances', () => {
  let postgres: PostgresServer;
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    postgres = await startPostgres();
    [first, second] = await Promise.all([openDatabase({ url: postgres.url }), openDatabase({ url: postgres.url })]);
  }, 120_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await postgres?.stop();
  });

  it('pages entries written on both instances newest first, and deletes old ones once', async () => {
    const here = createAuditLog({ database: first });
    const there = createAuditLog({ database: second });
    const actor = { id: 'u_ann', name: 'Ann' };
    for (let index = 0; index < 6; index++)
      await (index % 2 === 0 ? here : there).record({ actor, action: 'sign_in', status: 'ok', detail: { index } });
    const seen: unknown[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await there.list({ actor: 'u_ann', limit: 4, before });
      seen.push(...page.entries.map((entry) => entry.detail!.index));
      if (!page.nextCursor) break;
      before = page.nextCursor;
    }
    expect(seen).toEqual([5, 4, 3, 2, 1, 0]);
    const streamed: unknown[] = [];
    for await (const entry of here.entries({ actor: 'u_ann', pageSize: 4 })) streamed.push(entry.detail!.index);
    expect(streamed).toEqual(seen);

    await first.query(
      "INSERT INTO audit_log (actor, action, status, created_at) SELECT 'u_old', 'sign_in', 'ok', now() - interval '40 days' FROM generate_series(1, 7)",
    );
    // Both instances delete at once: together they delete each old entry exactly once.
    const deleted = await Promise.all([here.deleteOlderThan({ days: 30 }), there.deleteOlderThan({ days: 30 })]);
    expect(deleted[0] + deleted[1]).toBe(7);
    expect((await here.list({ actor: 'u_old', limit: 10 })).entries).toEqual([]);
    expect((await here.list({ actor: 'u_ann', limit: 10 })).entries).toHaveLength(6);
  });

  it('shares the retention setting between instances', async () => {
    const here = createAppSettingsStore({ database: first, defaultAuditRetentionDays: 365 });
    const there = createAppSettingsStore({ database: second, defaultAuditRetentionDays: 90 });
    expect(await there.get()).toEqual({ auditRetentionDays: 90 });
    expect(await here.update({ changes: { auditRetentionDays: 14 }, user: { id: 'u_admin' } })).toEqual({
      auditRetentionDays: 14,
    });
    expect(await there.get()).toEqual({ auditRetentionDays: 14 });
  });

  it('finds an approval for whoever may decide it and records who did', async () => {
    const session = await createChatStore({ database: first }).createSession({
      owner: 'u_ann',
      title: 'Writes',
      datasources: ['shop'],
    });
    await first.query("INSERT INTO users (id, name) VALUES ('u_ann', 'Ann Owner') ON CONFLICT (id) DO NOTHING");
    const running = createRunStore({ database: first });
    const elsewhere = createRunStore({ database: second });
    await running.createRun({ id: 'run-a', sessionId: session.id, owner: 'u_ann' });
    await running.createApproval({
      id: 'approval-a',
      runId: 'run-a',
      owner: 'u_ann',
      datasource: 'shop',
      tool: 'execute_statement',
      arguments: { sql: 'DELETE FROM t' },
    });
    const expected = {
      id: 'approval-a',
      runId: 'run-a',
      sessionId: session.id,
      owner: { id: 'u_ann', name: 'Ann Owner' },
      datasource: 'shop',
      tool: 'execute_statement',
      arguments: { sql: 'DELETE FROM t' },
      decision: null,
      running: true,
      createdAt: expect.any(String),
    };
    expect(await elsewhere.findApproval({ id: 'approval-a' })).toEqual(expected);
    expect(await elsewhere.pendingApprovals()).toEqual([expected]);
    expect(await elsewhere.decideApproval({ id: 'approval-a', approve: true, decidedBy: 'u_lee' })).toBe('decided');
    expect(await elsewhere.decideApproval({ id: 'approval-a', approve: false, decidedBy: 'u_lee' })).toBe(
      'already_decided',
    );
    expect(await elsewhere.pendingApprovals()).toEqual([]);
    expect(
      await first.query('SELECT decision, decided_by FROM pending_approvals WHERE id = $1', ['approval-a']),
    ).toEqual([{ decision: true, decided_by: 'u_lee' }]);
    expect(await elsewhere.findApproval({ id: 'nope' })).toBeUndefined();
  });
});
