import { startPostgres, type PostgresServer } from '@connectormcp/services';
import { createChatStore } from '../src/database/chat-store.js';
import { openDatabase } from '../src/database/open-database.js';

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
      expect(await first.query('SELECT id FROM schema_migrations')).toEqual([{ id: 1 }]);
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
    } finally {
      await first.close();
      await second.close();
    }
  });
});
