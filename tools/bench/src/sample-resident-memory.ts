import { residentMemory } from './measure.ts';

export interface ResidentMemorySummary {
  /** The highest VmRSS sampled, in MiB. */
  peak: number;
  /** The last VmRSS sampled, in MiB. */
  last: number;
  samples: number;
}

/**
 * Samples each process's resident memory (VmRSS) every `intervalMs` until `stop()`, which takes a last sample
 * and returns the peak and the last value per pid. Sampling rather than VmHWM: the high-water mark would
 * include start-up (migrations, connector start), and the figure wanted is what running schedules holds.
 */
export function sampleResidentMemory({ pids, intervalMs = 1000 }: { pids: number[]; intervalMs?: number }) {
  const summaries = new Map<number, ResidentMemorySummary>(
    pids.map((pid) => [pid, { peak: 0, last: Number.NaN, samples: 0 }]),
  );
  const sample = async () => {
    await Promise.all(
      pids.map(async (pid) => {
        const megabytes = await residentMemory({ pid }).catch(() => Number.NaN);
        if (Number.isNaN(megabytes)) return;
        const summary = summaries.get(pid)!;
        summary.peak = Math.max(summary.peak, megabytes);
        summary.last = megabytes;
        summary.samples += 1;
      }),
    );
  };
  const timer = setInterval(() => void sample(), intervalMs);
  void sample();
  return {
    async stop(): Promise<Map<number, ResidentMemorySummary>> {
      clearInterval(timer);
      await sample();
      return summaries;
    },
  };
}
