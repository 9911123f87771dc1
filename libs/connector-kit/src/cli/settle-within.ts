export type Settled = 'done' | 'failed' | 'timed-out';

/**
 * Waits for a task, but never longer than `milliseconds`, and never rejects: shutdown must finish on
 * time whatever state the source is in (a connection attempt that never answers, a pool that rejects
 * late). A rejection that arrives after the deadline is still caught, so it cannot crash the process.
 */
export async function settleWithin({
  task,
  milliseconds,
  onError,
}: {
  task: () => Promise<unknown>;
  milliseconds: number;
  onError?: (error: unknown) => void;
}): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), milliseconds);
  });
  const work = Promise.resolve()
    .then(task)
    .then(
      (): Settled => 'done',
      (error: unknown): Settled => {
        onError?.(error);
        return 'failed';
      },
    );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
