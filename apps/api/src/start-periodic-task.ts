import type { Logger } from 'pino';

export interface PeriodicTask<Result> {
  /** One pass now. */
  runOnce(): Promise<Result>;
  stop(): void;
}

/**
 * Runs `run` soon after start and then every `intervalMs`, on a timer that keeps no process alive. A failed
 * pass (the database closing or blipping) is logged as `failureMessage` and the next pass tries again; nothing
 * is logged once stopped.
 */
export function startPeriodicTask<Result>({
  run,
  intervalMs,
  logger,
  failureMessage,
}: {
  run: () => Promise<Result>;
  intervalMs: number;
  logger?: Logger | undefined;
  failureMessage: string;
}): PeriodicTask<Result> {
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    run().catch((error: unknown) => {
      if (!stopped) logger?.warn({ err: error }, failureMessage);
    });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  setImmediate(pass).unref();
  return {
    runOnce: run,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
