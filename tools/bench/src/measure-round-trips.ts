import type { BenchmarkRow } from './benchmark.ts';
import { percentile, timeOperation } from './measure.ts';

export interface RoundTripCase {
  metric: string;
  /** The operation through the connector. */
  operation: () => Promise<unknown>;
  /** The same work without it, measured in the same run. */
  baseline: () => Promise<unknown>;
}

/** p50 and p99 of each case against its baseline, one row per percentile. */
export async function measureRoundTrips({
  benchmark,
  cases,
  iterations,
}: {
  benchmark: string;
  cases: RoundTripCase[];
  iterations: number;
}): Promise<BenchmarkRow[]> {
  const rows: BenchmarkRow[] = [];
  for (const { metric, operation, baseline } of cases) {
    const samples = await timeOperation({ operation, iterations });
    const baselineSamples = await timeOperation({ operation: baseline, iterations });
    for (const p of [50, 99]) {
      rows.push({
        benchmark,
        metric: `${metric} p${p}`,
        value: percentile({ samples, p }),
        unit: 'ms',
        baseline: percentile({ samples: baselineSamples, p }),
      });
    }
  }
  return rows;
}
