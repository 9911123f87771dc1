/**
 * @jest-environment node
 */
import { parseSseStream, type ServerSentEvent } from './parse-sse-stream.js';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(chunks: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseSseStream({ body: streamOf(chunks) })) events.push(event);
  return events;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseSseStream', () => {
  const stream =
    'data: {"type":"run","runId":"r1","sessionId":"s1"}\n\n' +
    ': keep-alive comment\n\n' +
    'data: {"type":"text_delta","text":"Grüße 📈"}\n\n' +
    'event: end\ndata: {}\n\n';

  it('reads events, skips comments and keeps event names', async () => {
    expect(await collect([encode(stream)])).toEqual([
      { event: 'message', data: '{"type":"run","runId":"r1","sessionId":"s1"}' },
      { event: 'message', data: '{"type":"text_delta","text":"Grüße 📈"}' },
      { event: 'end', data: '{}' },
    ]);
  });

  it('gives the same events whichever byte the chunks split at, inside characters too', async () => {
    const bytes = encode(stream);
    const expected = await collect([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect([bytes.slice(0, cut), bytes.slice(cut)])).toEqual(expected);
    }
    // One byte at a time.
    expect(await collect([...bytes].map((byte) => new Uint8Array([byte])))).toEqual(expected);
  });

  it('accepts CRLF line ends, split between chunks as well, and multi-line data', async () => {
    const events = await collect([encode('data: a\r'), encode('\ndata: b\r\n\r'), encode('\ndata: c')]);
    expect(events).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('stops reading when its signal aborts', async () => {
    const controller = new AbortController();
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(streamController) {
        pulls++;
        streamController.enqueue(encode(`data: ${pulls}\n\n`));
      },
    });
    const seen: string[] = [];
    for await (const event of parseSseStream({ body: endless, signal: controller.signal })) {
      seen.push(event.data);
      if (seen.length === 3) controller.abort();
    }
    expect(seen.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(seen.length).toBeLessThan(6);
  });
});
