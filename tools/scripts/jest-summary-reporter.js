// Writes each project's test counts to test-results/summary.json, which Nx caches with the test target,
// so `npm test` can print one total even when some projects' results come from the cache.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default class JestSummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const directory = join(this.rootDir, 'test-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, 'summary.json'),
      `${JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
      })}\n`,
    );
  }
}
