// Jest's last step (after every reporter and the global teardown): merges Jest's own V8 coverage of the
// code that ran in the test processes with the V8 coverage that child processes wrote (built bins mapped
// back to src/ through their source maps, by c8), keeps the project's src/ only, and writes
// test-results/coverage/summary.json (printed by `npm test`) and coverage-final.json (Istanbul JSON, for
// finding the uncovered lines). Both are in the test target's Nx outputs, so a cache hit restores them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Report } from 'c8';
import libCoverage from 'istanbul-lib-coverage';
import { childCoverageDirectory, coverageProjectRoot, lineHitsDirectory } from './jest-coverage-reporter.js';

const testFile = /\.test\.tsx?$|[\\/]__fixtures__[\\/]|\.d\.ts$/;

/**
 * Keeps only the project's built files from each process's dump: a connector's dump covers its
 * dependencies too (the MCP SDK, the AWS SDK), tens of megabytes that c8 would otherwise read and map.
 */
function keepProjectScripts({ directory, distUrl }) {
  for (const name of readdirSync(directory)) {
    const file = join(directory, name);
    try {
      const dump = JSON.parse(readFileSync(file, 'utf8'));
      const result = dump.result.filter((script) => script.url.startsWith(distUrl));
      if (result.length === 0) {
        rmSync(file);
        continue;
      }
      const sourceMaps = Object.fromEntries(
        Object.entries(dump['source-map-cache'] ?? {}).filter(([url]) => url.startsWith(distUrl)),
      );
      writeFileSync(file, JSON.stringify({ result, 'source-map-cache': sourceMaps }));
    } catch {
      // A process killed while writing leaves a partial file; it has nothing we could use.
      rmSync(file, { force: true });
    }
  }
}

async function childProcessCoverage({ rootDir }) {
  const directory = childCoverageDirectory({ rootDir });
  let names;
  try {
    names = readdirSync(directory);
  } catch {
    return libCoverage.createCoverageMap({});
  }
  if (names.length > 0) keepProjectScripts({ directory, distUrl: `${pathToFileURL(join(rootDir, 'dist')).href}/` });
  // No child process ran the project's own built code (the orchestrator's tests start connectors only).
  if (readdirSync(directory).length === 0) {
    rmSync(directory, { recursive: true, force: true });
    return libCoverage.createCoverageMap({});
  }
  const report = new Report({
    tempDirectory: directory,
    reporter: [],
    allowExternal: true,
    exclude: [],
    excludeNodeModules: true,
    src: [rootDir],
    mergeAsync: true,
  });
  const map = await report.getCoverageMapFromAllCoverageFiles();
  rmSync(directory, { recursive: true, force: true });
  return map;
}

/**
 * Adds the line hits measured outside Node (see lineHitsDirectory) to the statements on those lines. They
 * only ever add hits to lines the map already has: the files and their lines are counted as Jest counts them.
 */
function addLineHits({ rootDir, merged }) {
  const directory = lineHitsDirectory({ rootDir });
  let names;
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const hitsByFile = JSON.parse(readFileSync(join(directory, name), 'utf8'));
    for (const [file, hits] of Object.entries(hitsByFile)) {
      if (!merged.files().includes(file)) continue;
      const { statementMap, s: counts } = merged.fileCoverageFor(file).data;
      for (const [id, location] of Object.entries(statementMap)) counts[id] += hits[location.start.line] ?? 0;
    }
  }
  rmSync(directory, { recursive: true, force: true });
}

function percentages(summary) {
  const pick = ({ total, covered, pct }) => ({ total, covered, pct: typeof pct === 'number' ? pct : 100 });
  return {
    lines: pick(summary.lines),
    statements: pick(summary.statements),
    functions: pick(summary.functions),
    branches: pick(summary.branches),
  };
}

export default async function coverageResultsProcessor(results) {
  const rootDir = coverageProjectRoot();
  if (!rootDir || !results.coverageMap) return results;
  const sourceDirectory = join(rootDir, 'src') + sep;
  const merged = libCoverage.createCoverageMap({});
  merged.merge(results.coverageMap);
  try {
    merged.merge(await childProcessCoverage({ rootDir }));
    addLineHits({ rootDir, merged });
  } catch (error) {
    // Coverage is a figure to read, not a gate: a failure here must not fail the tests.
    console.warn(`coverage of child processes could not be read: ${error instanceof Error ? error.message : error}`);
  }
  merged.filter((file) => file.startsWith(sourceDirectory) && !testFile.test(file));
  const directory = join(rootDir, 'test-results', 'coverage');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'coverage-final.json'), JSON.stringify(merged.toJSON()));
  const summary = { files: merged.files().length, ...percentages(merged.getCoverageSummary().toJSON()) };
  writeFileSync(join(directory, 'summary.json'), `${JSON.stringify(summary)}\n`);
  const { lines } = summary;
  console.warn(
    `Line coverage of src/ (tests and the processes they start): ${lines.pct} % (${lines.covered}/${lines.total})`,
  );
  return results;
}
