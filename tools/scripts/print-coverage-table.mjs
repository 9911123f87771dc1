// The coverage table `npm test` prints: each project's line coverage of src/ (from
// test-results/coverage/summary.json, see coverage-results-processor.js) beside the architecture's goal.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A goal not met is reported, not failed on: the figures are there to be raised.
const coverageGoals = [
  { prefix: 'libs/connectors/', goal: 85 },
  { prefix: 'libs/connector-kit', goal: undefined },
  { prefix: 'libs/orchestrator', goal: undefined },
  { prefix: 'apps/api', goal: 80 },
  { prefix: 'apps/web', goal: 75 },
];

function verdict({ pct, goal }) {
  if (goal === undefined) return 'no goal set';
  if (pct >= goal) return `goal ${goal} %: met`;
  return `goal ${goal} %: short by ${(goal - pct).toFixed(1)} points`;
}

/** Prints one line per project that has a goal (or is the kit or the orchestrator) and a summary. */
export function printCoverageTable({ root, projectDirectories }) {
  const rows = [];
  for (const directory of projectDirectories) {
    const project = directory.slice(root.length).replace(/^\//, '');
    const target = coverageGoals.find((entry) => project.startsWith(entry.prefix));
    const file = join(directory, 'test-results', 'coverage', 'summary.json');
    if (!target || !existsSync(file)) continue;
    const { lines } = JSON.parse(readFileSync(file, 'utf8'));
    rows.push(
      `  ${project.padEnd(32)} ${`${lines.pct.toFixed(1)} %`.padStart(7)}  ${`${lines.covered}/${lines.total}`.padStart(11)}  ${verdict({ pct: lines.pct, goal: target.goal })}`,
    );
  }
  if (rows.length === 0) return;
  console.log('\nLine coverage of src/ by project (tests and the processes they start):');
  for (const row of rows) console.log(row);
}
