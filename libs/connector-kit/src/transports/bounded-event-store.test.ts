import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { BoundedEventStore } from './bounded-event-store.js';

const notification = (index: number, padding = ''): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progressToken: 1, progress: index, message: padding },
});

const replay = async ({
  store,
  lastEventId,
}: {
  store: ReturnType<BoundedEventStore['forSession']>;
  lastEventId: string;
}) => {
  const sent: Array<{ id: string; message: JSONRPCMessage }> = [];
  const streamId = await store.replayEventsAfter(lastEventId, {
    send: async (id, message) => {
      sent.push({ id, message });
    },
  });
  return { streamId, sent };
};

describe('BoundedEventStore', () => {
  it('replays only the later events of the same stream, skipping the priming event', async () => {
    const session = new BoundedEventStore().forSession();
    const priming = await session.storeEvent('post-1', {} as JSONRPCMessage);
    const first = await session.storeEvent('post-1', notification(1));
    await session.storeEvent('post-2', notification(99));
    const second = await session.storeEvent('post-1', notification(2));
    const third = await session.storeEvent('post-1', notification(3));

    expect(new Set([priming, first, second, third]).size).toBe(4);
    expect(session.resumableStreamId(first)).toBe('post-1');
    const fromPriming = await replay({ store: session, lastEventId: priming });
    expect(fromPriming.streamId).toBe('post-1');
    expect(fromPriming.sent.map(({ id }) => id)).toEqual([first, second, third]);
    const fromSecond = await replay({ store: session, lastEventId: second });
    expect(fromSecond.sent).toEqual([{ id: third, message: notification(3) }]);
  });

  it("never replays another session's events, even with a valid id", async () => {
    const store = new BoundedEventStore();
    const alice = store.forSession();
    const mallory = store.forSession();
    const aliceEvent = await alice.storeEvent('_GET_stream', notification(1));
    await alice.storeEvent('_GET_stream', notification(2));

    expect(mallory.resumableStreamId(aliceEvent)).toBeUndefined();
    await expect(replay({ store: mallory, lastEventId: aliceEvent })).rejects.toThrow(/cannot be resumed/);
    await expect(replay({ store: alice, lastEventId: 'made-up.1' })).rejects.toThrow(/cannot be resumed/);
  });

  it('keeps at most maxEvents, dropping the oldest first', async () => {
    const store = new BoundedEventStore({ limits: { maxEvents: 3 } });
    const session = store.forSession();
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push(await session.storeEvent('s', notification(index)));

    expect(store.usage().events).toBe(3);
    expect(session.resumableStreamId(ids[1]!)).toBeUndefined();
    expect((await replay({ store: session, lastEventId: ids[2]! })).sent.map(({ id }) => id)).toEqual(ids.slice(3));
  });

  it('stays within maxBytes however much is written', async () => {
    const maxBytes = 64 * 1024;
    const store = new BoundedEventStore({ limits: { maxBytes } });
    const session = store.forSession();
    for (let index = 0; index < 1000; index += 1)
      await session.storeEvent(`s${index % 7}`, notification(index, 'x'.repeat(1000)));

    expect(store.usage().bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.usage().events).toBeGreaterThan(10);
    expect(store.usage().events).toBeLessThan(100);
  });

  it('refuses to resume across a message too large to keep, instead of skipping it', async () => {
    const store = new BoundedEventStore({ limits: { maxBytes: 4096 } });
    const session = store.forSession();
    const before = await session.storeEvent('s', notification(1));
    const huge = await session.storeEvent('s', notification(2, 'x'.repeat(10_000)));
    const after = await session.storeEvent('s', notification(3));

    expect(session.resumableStreamId(before)).toBeUndefined();
    await expect(replay({ store: session, lastEventId: before })).rejects.toThrow(/too large/);
    expect((await replay({ store: session, lastEventId: huge })).sent.map(({ id }) => id)).toEqual([after]);
    expect(store.usage().bytes).toBeLessThanOrEqual(4096);
  });

  it('expires events after maxAgeMs', async () => {
    let now = 1_000_000;
    const store = new BoundedEventStore({ limits: { maxAgeMs: 60_000 }, now: () => now });
    const session = store.forSession();
    const old = await session.storeEvent('s', notification(1));
    now += 30_000;
    const recent = await session.storeEvent('s', notification(2));
    now += 40_000;

    expect(session.resumableStreamId(old)).toBeUndefined();
    expect(session.resumableStreamId(recent)).toBe('s');
    now += 30_000;
    expect(session.resumableStreamId(recent)).toBeUndefined();
    expect(store.usage()).toEqual({ events: 0, bytes: 0, streams: 0, sessions: 1 });
  });

  it("forgets a session's events and streams when it is disposed, and the records of emptied streams", async () => {
    const store = new BoundedEventStore({ limits: { maxEvents: 10 } });
    const ended = store.forSession();
    const kept = store.forSession();
    await ended.storeEvent('a', notification(1));
    await kept.storeEvent('b', notification(2));
    ended.dispose();
    expect(store.usage()).toMatchObject({ events: 1, streams: 1, sessions: 1 });

    // One stream per request: records of streams whose events were all evicted must not pile up.
    for (let index = 0; index < 500; index += 1) await kept.storeEvent(`request-${index}`, notification(index));
    expect(store.usage()).toMatchObject({ events: 10, streams: 10 });
  });
});
