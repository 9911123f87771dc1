import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * Reads at most `limit` bytes (after skipping `skip`) from a stream, optionally gunzipping it first, and
 * then destroys the stream: a large object is never pulled further than needed.
 */
export async function readStreamPrefix({
  stream,
  limit,
  skip = 0,
  gunzip = false,
  signal,
}: {
  stream: Readable;
  limit: number;
  skip?: number;
  gunzip?: boolean;
  signal: AbortSignal;
}): Promise<{ bytes: Buffer; ended: boolean }> {
  const source: Readable = gunzip ? stream.pipe(createGunzip()) : stream;
  const chunks: Buffer[] = [];
  let collected = 0;
  let skipped = 0;
  let ended = true;
  const stop = () => {
    stream.destroy();
    if (source !== stream) source.destroy();
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of source) {
      let buffer = chunk as Buffer;
      if (skipped < skip) {
        const drop = Math.min(skip - skipped, buffer.length);
        skipped += drop;
        buffer = buffer.subarray(drop);
      }
      if (buffer.length === 0) continue;
      const room = limit + 1 - collected;
      chunks.push(buffer.subarray(0, room));
      collected += Math.min(buffer.length, room);
      // One byte past the limit tells "cut" apart from "exactly the limit".
      if (collected > limit) {
        ended = false;
        break;
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
    stop();
  }
  const bytes = Buffer.concat(chunks);
  return { bytes: bytes.subarray(0, limit), ended: ended && bytes.length <= limit };
}
