import { setTimeout as delay } from 'node:timers/promises';

/** Polls `probe` until it resolves truthy, or fails with `description` and the last error. */
export async function waitFor<T>({
  probe,
  description,
  timeoutMs = 60_000,
  intervalMs = 200,
}: {
  probe: () => Promise<T | undefined | false>;
  description: string;
  timeoutMs?: number;
  intervalMs?: number;
}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const result = await probe();
      if (result) return result;
    } catch (error) {
      lastError = error;
    }
    await delay(intervalMs);
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${description}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}
