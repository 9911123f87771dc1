import type { ChildProcess } from 'node:child_process';

/** True once the process has ended, whether it exited or a signal (SIGKILL from outside, say) ended it. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Sends `signal`, waits up to `timeoutMs` for the process to end, then kills it; resolves once it has
 * ended. A process that already died (killed from outside) resolves at once.
 */
export async function stopChildProcess({
  child,
  signal = 'SIGTERM',
  timeoutMs,
}: {
  child: ChildProcess;
  signal?: NodeJS.Signals;
  timeoutMs: number;
}): Promise<void> {
  if (hasExited(child)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
