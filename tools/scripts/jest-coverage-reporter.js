// Prepares coverage of the processes tests start (connector bins, the API's main.js): before any worker
// or child exists, it points the child coverage hook at an empty directory under test-results/ and loads
// the hook into every Jest worker through NODE_OPTIONS. coverage-results-processor.js reads the directory.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childCoverageVariable } from './child-coverage-hook.js';

const hook = new URL('./child-coverage-hook.js', import.meta.url).href;

/** Where a project's child processes write V8 coverage during its test run. */
export function childCoverageDirectory({ rootDir }) {
  return join(rootDir, 'test-results', 'coverage', 'processes');
}

let projectRoot;

/** The root of the project whose run is being reported (the results processor is not given the config). */
export function coverageProjectRoot() {
  return projectRoot;
}

export default class JestCoverageReporter {
  constructor(globalConfig) {
    if (!globalConfig.collectCoverage) return;
    projectRoot = globalConfig.rootDir;
    const directory = childCoverageDirectory({ rootDir: globalConfig.rootDir });
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    process.env[childCoverageVariable] = directory;
    const nodeOptions = process.env.NODE_OPTIONS ?? '';
    if (!nodeOptions.includes(hook)) process.env.NODE_OPTIONS = `${nodeOptions} --import=${hook}`.trim();
  }
}
