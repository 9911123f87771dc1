export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads Server-Sent Events from a fetch body as they arrive. Chunks split events, lines and even UTF-8
 * characters anywhere, so bytes are decoded as a stream and events are cut only at blank lines.
 */
export async function* parseSseStream({
  body,
  signal,
}: {
  body: ReadableStream<Uint8Array>;
  signal?: AbortSignal;
}): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  let buffer = '';
  // A CR ending one chunk may be the first half of a CRLF split across chunks.
  let pendingCarriageReturn = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      let text: string = (pendingCarriageReturn ? '\r' : '') + decoder.decode(value, { stream: true });
      pendingCarriageReturn = text.endsWith('\r');
      if (pendingCarriageReturn) text = text.slice(0, -1);
      buffer += text.replace(/\r\n?/g, '\n');
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const event = parseEventBlock({ block: buffer.slice(0, boundary) });
        buffer = buffer.slice(boundary + 2);
        if (event) yield event;
        boundary = buffer.indexOf('\n\n');
      }
    }
    const last = parseEventBlock({ block: buffer + (pendingCarriageReturn ? '\n' : '') + decoder.decode() });
    if (last) yield last;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}

function parseEventBlock({ block }: { block: string }): ServerSentEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}
