import { randomBytes } from 'node:crypto';
import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface EventStoreLimits {
  /** Most events kept, across all sessions. */
  maxEvents: number;
  /** Most bytes of serialized messages kept, across all sessions. */
  maxBytes: number;
  /** How long an event stays replayable, in milliseconds. */
  maxAgeMs: number;
}

export const defaultEventStoreLimits: EventStoreLimits = {
  maxEvents: 10_000,
  maxBytes: 8 * 1024 * 1024,
  maxAgeMs: 5 * 60_000,
};

/** One session's view of the store: what the SDK transport of that session is given. */
export interface SessionEventStore extends EventStore {
  /**
   * The stream a resume from this event would continue, or undefined when it cannot be resumed (unknown,
   * expired, another session's, or followed by a message too large to keep). Deliberately not the SDK's
   * optional `getStreamIdForEventId`: given that, the SDK refuses (409) to resume a stream whose old
   * connection it still holds, which is just what a network drop leaves behind; without it, the SDK
   * replays and closes the stale connection.
   */
  resumableStreamId(eventId: string): string | undefined;
  /** Forgets every event of this session, when the session ends. */
  dispose(): void;
}

interface StoredEvent {
  id: string;
  stream: StoredStream;
  /** Undefined for the priming event, which carries no message and is never replayed. */
  message: JSONRPCMessage | undefined;
  bytes: number;
  storedAt: number;
  /** The message was larger than the whole budget, so it was not kept: nothing before it can be replayed. */
  dropped: boolean;
}

interface StoredStream {
  /** The streams of the session this stream belongs to. */
  siblings: Map<string, StoredStream>;
  streamId: string;
  /** Random per stream, so that event ids cannot be guessed across streams. */
  token: string;
  nextSequence: number;
  /** Oldest first; eviction is oldest first too, so it always removes from the front. */
  events: StoredEvent[];
}

// Ids, the stream record and the Map entries cost memory beyond the message itself.
const overheadBytesPerEvent = 128;

/**
 * Keeps the events of Streamable HTTP streams so a client can resume a dropped SSE stream with
 * `Last-Event-ID`. Memory is bounded by count and bytes across all sessions, and events expire;
 * when over budget the oldest events go first. Each session gets its own view, which only ever
 * replays that session's events of the same stream.
 */
export class BoundedEventStore {
  readonly limits: EventStoreLimits;
  private readonly now: () => number;
  /** Every stored event, oldest first (a Map keeps insertion order). */
  private readonly events = new Map<string, StoredEvent>();
  private readonly sessions = new Set<Map<string, StoredStream>>();
  private bytes = 0;

  constructor({ limits = {}, now = Date.now }: { limits?: Partial<EventStoreLimits>; now?: () => number } = {}) {
    this.limits = { ...defaultEventStoreLimits, ...limits };
    this.now = now;
  }

  /** Figures for tests and logs. */
  usage(): { events: number; bytes: number; streams: number; sessions: number } {
    let streams = 0;
    for (const session of this.sessions) streams += session.size;
    return { events: this.events.size, bytes: this.bytes, streams, sessions: this.sessions.size };
  }

  forSession(): SessionEventStore {
    const streams = new Map<string, StoredStream>();
    this.sessions.add(streams);
    return {
      storeEvent: async (streamId, message) => this.store({ streams, streamId, message }),
      resumableStreamId: (eventId) => {
        const last = this.find({ streams, eventId });
        return last && !this.eventsAfter(last).some((event) => event.dropped) ? last.stream.streamId : undefined;
      },
      replayEventsAfter: async (lastEventId, { send }) => {
        const last = this.find({ streams, eventId: lastEventId });
        if (!last) throw new Error('Unknown or expired Last-Event-ID: this stream cannot be resumed.');
        const later = this.eventsAfter(last);
        if (later.some((event) => event.dropped)) {
          throw new Error('An event after Last-Event-ID was too large to keep: this stream cannot be resumed.');
        }
        for (const event of later) {
          if (event.message) await send(event.id, event.message);
        }
        return last.stream.streamId;
      },
      dispose: () => {
        for (const stream of [...streams.values()]) {
          for (const event of [...stream.events]) this.forget(event);
        }
        streams.clear();
        this.sessions.delete(streams);
      },
    };
  }

  private store({
    streams,
    streamId,
    message,
  }: {
    streams: Map<string, StoredStream>;
    streamId: string;
    message: JSONRPCMessage;
  }): string {
    this.evictExpired();
    // The SDK stores its priming event as an empty object: there is nothing to replay.
    const kept = 'jsonrpc' in message ? message : undefined;
    const messageBytes = kept ? Buffer.byteLength(JSON.stringify(kept)) : 0;
    const dropped = messageBytes + overheadBytesPerEvent > this.limits.maxBytes;
    const bytes = (dropped ? 0 : messageBytes) + overheadBytesPerEvent;
    while (
      this.events.size > 0 &&
      (this.events.size + 1 > this.limits.maxEvents || this.bytes + bytes > this.limits.maxBytes)
    ) {
      this.evictOldest();
    }
    // Looked up after eviction, which drops the record of a stream left without events.
    const stream = this.streamFor({ streams, streamId });
    const id = `${stream.token}.${stream.nextSequence}`;
    stream.nextSequence += 1;
    const event: StoredEvent = {
      id,
      stream,
      message: dropped ? undefined : kept,
      bytes,
      storedAt: this.now(),
      dropped,
    };
    this.events.set(id, event);
    stream.events.push(event);
    this.bytes += event.bytes;
    return id;
  }

  private find({ streams, eventId }: { streams: Map<string, StoredStream>; eventId: string }): StoredEvent | undefined {
    this.evictExpired();
    const event = this.events.get(eventId);
    return event && event.stream.siblings === streams ? event : undefined;
  }

  private eventsAfter(event: StoredEvent): StoredEvent[] {
    return event.stream.events.slice(event.stream.events.indexOf(event) + 1);
  }

  private streamFor({ streams, streamId }: { streams: Map<string, StoredStream>; streamId: string }): StoredStream {
    const existing = streams.get(streamId);
    if (existing) return existing;
    const stream: StoredStream = {
      siblings: streams,
      streamId,
      token: randomBytes(12).toString('base64url'),
      nextSequence: 1,
      events: [],
    };
    streams.set(streamId, stream);
    return stream;
  }

  private evictExpired(): void {
    const oldestKept = this.now() - this.limits.maxAgeMs;
    for (const event of this.events.values()) {
      if (event.storedAt > oldestKept) return;
      this.evictOldest();
    }
  }

  private evictOldest(): void {
    const oldest = this.events.values().next();
    if (!oldest.done) this.forget(oldest.value);
  }

  private forget(event: StoredEvent): void {
    if (!this.events.delete(event.id)) return;
    this.bytes -= event.bytes;
    const { stream } = event;
    const index = stream.events.indexOf(event);
    if (index >= 0) stream.events.splice(index, 1);
    // Without this, a long session would keep one record per request it ever made. Should the stream
    // write again, it gets a new token: the ids it handed out before stay unknown, so never replay wrongly.
    if (stream.events.length === 0 && stream.siblings.get(stream.streamId) === stream) {
      stream.siblings.delete(stream.streamId);
    }
  }
}
