/** One row of the results table: a measured figure and, where there is one, its same-run baseline. */
export interface BenchmarkRow {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The same operation without the connector (plain driver or SDK call), measured in the same run. */
  baseline?: number;
  /** A target from the issue, e.g. "< 120 MB". */
  goal?: string;
  /** Whether the goal was met, when there is one. */
  met?: boolean;
  /** How the figure was measured or why it is missing, printed as a numbered footnote under the table. */
  note?: string;
}

export interface Benchmark {
  name: string;
  /** Runs the benchmark and returns its rows; services are started and stopped inside. */
  run(): Promise<BenchmarkRow[]>;
}

export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}
