/** At most `limit` holders per key at once; the others wait their turn, in order. */
export interface SlotLimiter {
  /** Resolves with a release once a slot of `key` is free; rejects if `signal` aborts while waiting. */
  take(options: { key: string; signal?: AbortSignal }): Promise<() => void>;
}

export function createSlotLimiter({ limit }: { limit: number }): SlotLimiter {
  const slots = new Map<string, { holders: number; waiting: Array<() => void> }>();
  return {
    take: ({ key, signal }) =>
      new Promise((resolve, reject) => {
        const entry = slots.get(key) ?? { holders: 0, waiting: [] };
        slots.set(key, entry);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          const next = entry.waiting.shift();
          if (next) next();
          else if (--entry.holders === 0) slots.delete(key);
        };
        const grant = () => {
          signal?.removeEventListener('abort', abort);
          resolve(release);
        };
        const abort = () => {
          const index = entry.waiting.indexOf(grant);
          if (index >= 0) entry.waiting.splice(index, 1);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal?.aborted) return abort();
        if (entry.holders < limit) {
          entry.holders += 1;
          return grant();
        }
        signal?.addEventListener('abort', abort, { once: true });
        entry.waiting.push(grant);
      }),
  };
}
