import { startPostgres, type PostgresServer } from '@connectormcp/services';
import { createChatStore } from '../src/database/chat-store.js';
import { migrations } from '../src/database/migrations.js';
import { openDatabase } from '../src/database/open-database.js';
import { createRunStore } from '../src/database/run-store.js';

describe('the chat store on a real PostgreSQL (DATABASE_URL)', () => {
  let postgres: PostgresServer;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(() => postgres?.stop());

  it('migrates once even when two instances open it together, and shares sessions between them', async () => {
    const [first, second] = await Promise.all([
      openDatabase({ url: postgres.url }),
      openDatabase({ url: postgres.url }),
    ]);
    try {
      expect(await first.query('SELECT id FROM schema_migrations ORDER BY id')).toEqual(
        migrations.map((migration) => ({ id: migration.id })),
      );
      const session = await createChatStore({ database: first }).createSession({
        owner: 'alice',
        title: 'Shared',
        datasources: ['shop'],
      });
      await createChatStore({ database: first }).appendMessages({
        sessionId: session.id,
        messages: [{ role: 'user', content: 'hello' }],
      });
      const seen = createChatStore({ database: second });
      expect(await seen.getSession({ owner: 'alice', id: session.id })).toMatchObject({
        title: 'Shared',
        datasources: ['shop'],
      });
      expect(await seen.getSession({ owner: 'bob', id: session.id })).toBeUndefined();
      expect(await seen.messages({ sessionId: session.id })).toEqual([
        expect.objectContaining({ role: 'user', content: 'hello' }),
      ]);

      // A run on one instance, answered and cancelled through the other.
      const running = createRunStore({ database: first });
      const elsewhere = createRunStore({ database: second });
      await running.createRun({ id: 'run-1', sessionId: session.id, owner: 'alice' });
      await running.createApproval({
        id: 'approval-1',
        runId: 'run-1',
        owner: 'alice',
        datasource: 'shop',
        tool: 'execute_statement',
        arguments: { sql: 'DELETE FROM t' },
      });
      expect(await elsewhere.decideApproval({ id: 'approval-1', owner: 'bob', approve: true })).toBe('unknown');
      expect(await elsewhere.decideApproval({ id: 'approval-1', owner: 'alice', approve: true })).toBe('decided');
      expect(await elsewhere.decideApproval({ id: 'approval-1', owner: 'alice', approve: false })).toBe(
        'already_decided',
      );
      expect(await elsewhere.requestCancel({ id: 'run-1', owner: 'alice' })).toBe('requested');
      expect(await running.pollRequests({ runIds: ['run-1', 'run-2'], approvalIds: ['approval-1'] })).toEqual({
        cancelledRunIds: ['run-1'],
        decisions: [{ id: 'approval-1', decision: true }],
      });
      // A live heartbeat keeps the run; a stale one (its instance died) marks it interrupted.
      await running.heartbeat({ runIds: ['run-1'] });
      expect(await elsewhere.markInterrupted({ staleAfterSeconds: 30 })).toBe(0);
      expect(await elsewhere.markInterrupted({ staleAfterSeconds: 0 })).toBe(1);
      expect(await elsewhere.latestRun({ sessionId: session.id })).toMatchObject({
        id: 'run-1',
        status: 'interrupted',
      });
      expect(await elsewhere.requestCancel({ id: 'run-1', owner: 'alice' })).toBe('finished');

      // What a reopened chat shows: the selection, each run's question, usage and error, each call's code and text.
      expect(
        await seen.updateSession({ owner: 'alice', id: session.id, datasources: ['shop', 'files'] }),
      ).toMatchObject({ title: 'Shared', datasources: ['shop', 'files'] });
      expect(await seen.updateSession({ owner: 'bob', id: session.id, title: 'Taken' })).toBeUndefined();
      const usage = {
        inputTokens: 1200,
        outputTokens: 80,
        cacheReadTokens: 0,
        cacheWriteTokens: 1100,
        estimatedCostUsd: 0.0081,
      };
      await running.createRun({ id: 'run-2', sessionId: session.id, owner: 'alice', question: 'How many orders?' });
      await createChatStore({ database: first }).recordToolCall({
        id: 'call-1',
        sessionId: session.id,
        runId: 'run-2',
        owner: 'alice',
        datasource: 'shop',
        tool: 'execute_query',
        arguments: { sql: 'SELEC 1' },
        status: 'error',
        durationMs: 12,
        summary: 'error: INVALID_INPUT',
        errorCode: 'INVALID_INPUT',
        modelText: 'INVALID_INPUT: not SQL at position 1',
      });
      await running.finishRun({
        id: 'run-2',
        status: 'failed',
        usage,
        error: { code: 'overloaded', message: 'Overloaded', retryable: true },
      });
      expect(await elsewhere.runs({ sessionId: session.id })).toEqual([
        expect.objectContaining({ id: 'run-1', kind: 'chat', status: 'interrupted', usage: null, error: null }),
        {
          id: 'run-2',
          kind: 'chat',
          status: 'failed',
          createdAt: expect.any(String),
          finishedAt: expect.any(String),
          usage,
          error: { code: 'overloaded', message: 'Overloaded', retryable: true },
          question: 'How many orders?',
        },
      ]);
      expect(await seen.toolCalls({ sessionId: session.id })).toEqual([
        expect.objectContaining({
          id: 'call-1',
          runId: 'run-2',
          errorCode: 'INVALID_INPUT',
          modelText: 'INVALID_INPUT: not SQL at position 1',
        }),
      ]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
