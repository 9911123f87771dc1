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

/**
 * Where coverage measured outside Node is written as line hits, `{ "<absolute path>": { "<line>": count } }`
 * (the web e2e tests' Chromium coverage, see apps/web/e2e/record-browser-coverage.ts); the results
 * processor adds them to the lines of the project's files. Tests find it in CONNECTORMCP_LINE_HITS.
 */
export function lineHitsDirectory({ rootDir }) {
  return join(rootDir, 'test-results', 'coverage', 'line-hits');
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
    const lineHits = lineHitsDirectory({ rootDir: globalConfig.rootDir });
    rmSync(lineHits, { recursive: true, force: true });
    mkdirSync(lineHits, { recursive: true });
    process.env.CONNECTORMCP_LINE_HITS = lineHits;
    const nodeOptions = process.env.NODE_OPTIONS ?? '';
    if (!nodeOptions.includes(hook)) process.env.NODE_OPTIONS = `${nodeOptions} --import=${hook}`.trim();
  }
}
