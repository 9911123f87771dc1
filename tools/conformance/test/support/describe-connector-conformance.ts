import { fileURLToPath } from 'node:url';
import { applicableScenarios } from './conformance-scenarios.js';
import { describeProblems, runConformanceScenario, type ConformanceRun } from './run-conformance-scenario.js';
import { serveConnectorOverHttp, type ServedConnector } from './serve-connector-over-http.js';

export interface Backend {
  /** The environment that points the connector at this backend. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Serves one connector's built bin with `--http` against a local backend, and runs every applicable
 * conformance scenario against it: a scenario passes when none of its checks failed or warned.
 */
export function describeConnectorConformance({
  connector,
  startBackend,
}: {
  /** The directory name under libs/connectors. */
  connector: string;
  startBackend: () => Promise<Backend>;
}): void {
  const bin = fileURLToPath(new URL(`../../../../libs/connectors/${connector}/dist/bin.js`, import.meta.url));

  describe(`connectormcp-${connector} --http`, () => {
    let backend: Backend | undefined;
    let served: ServedConnector | undefined;
    const runs = new Map<string, ConformanceRun>();
    beforeAll(async () => {
      backend = await startBackend();
      served = await serveConnectorOverHttp({ bin, env: backend.env });
      // Side by side, as several clients would be: each scenario opens its own sessions.
      await Promise.all(
        applicableScenarios.map(async (scenario) => {
          runs.set(scenario, await runConformanceScenario({ url: served!.url, scenario }));
        }),
      );
    }, 180_000);
    afterAll(async () => {
      await served?.stop();
      await backend?.stop();
    });

    it.each(applicableScenarios)('passes the conformance scenario %s', (scenario) => {
      const result = runs.get(scenario)!;
      expect(describeProblems(result)).toEqual([]);
      expect(result.checks.filter((check) => check.status === 'SUCCESS').length).toBeGreaterThan(0);
      expect(result.exitCode).toBe(0);
    });
  });
}
