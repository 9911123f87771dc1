import { setTimeout as delay } from 'node:timers/promises';

/**
 * Runs every stop side by side and resolves when all have settled or `timeoutMs` has passed, whichever
 * comes first: one stuck service (a fake server waiting on a socket) must not hold up the rest. A stop
 * that fails is ignored, as there is nothing left to do about it on the way out.
 */
export async function stopAllWithin({
  stops,
  timeoutMs,
}: {
  stops: Array<() => Promise<unknown>>;
  timeoutMs: number;
}): Promise<void> {
  const deadline = new AbortController();
  await Promise.race([
    Promise.allSettled(stops.map((stop) => stop())),
    delay(timeoutMs, undefined, { signal: deadline.signal }).catch(() => {}),
  ]);
  deadline.abort();
}
