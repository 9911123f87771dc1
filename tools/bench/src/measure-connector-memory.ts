import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import type { BenchmarkRow } from './benchmark.ts';
import { peakResidentMemory } from './measure.ts';

/**
 * Starts a fresh connector process (so its high-water mark is this workload's), runs the workload over
 * stdio, and reports its peak resident memory against the idle process, with a goal in MB.
 */
export async function measureConnectorMemory({
  benchmark,
  metric,
  bin,
  env,
  goalMegabytes,
  workload,
}: {
  benchmark: string;
  metric: string;
  bin: string;
  env: Record<string, string>;
  goalMegabytes: number;
  workload: (client: Client) => Promise<void>;
}): Promise<BenchmarkRow> {
  const connection = await spawnStdioClient({ args: [bin], env });
  try {
    const idle = await peakResidentMemory({ pid: connection.pid! });
    await workload(connection.client);
    const peak = await peakResidentMemory({ pid: connection.pid! });
    return {
      benchmark,
      metric,
      value: peak,
      unit: 'MB',
      baseline: idle,
      goal: `< ${goalMegabytes} MB`,
      met: peak < goalMegabytes,
    };
  } finally {
    await connection.close();
  }
}
