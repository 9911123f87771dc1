import { readFile, writeFile } from 'node:fs/promises';

export function percentile({ samples, p }: { samples: number[]; p: number }): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Times `operation` `iterations` times after `warmup` untimed runs; returns milliseconds per run. */
export async function timeOperation({
  operation,
  iterations,
  warmup = 5,
}: {
  operation: () => Promise<unknown>;
  iterations: number;
  warmup?: number;
}): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await operation();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await operation();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Peak resident memory (VmHWM) of a process so far, in MiB, from /proc (Linux). */
export async function peakResidentMemory({ pid }: { pid: number }): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`No VmHWM for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Current resident memory (VmRSS) of a process, in MiB, from /proc (Linux). */
export async function residentMemory({ pid }: { pid: number }): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/**
 * Resets a process's peak resident memory (VmHWM) to its current RSS (Linux: `5` in /proc/<pid>/clear_refs),
 * so a later `peakResidentMemory` is the peak of what happened in between. False where that is not allowed.
 */
export async function resetPeakResidentMemory({ pid }: { pid: number }): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux). */
export async function processCpuMilliseconds({ pid }: { pid: number }): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) in parentheses; utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The machine's load average over the last minute (Linux), to tell a slow result from a busy machine. */
export async function loadAverage(): Promise<number> {
  return Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]);
}
