#!/usr/bin/env node
// `npm test`: builds, type-checks, lints and tests every project through Nx, checks formatting, then
// prints the line coverage of each project against the architecture's goals and one closing line with
// the test totals of all projects.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { printCoverageTable } from './print-coverage-table.mjs';

const root = new URL('../..', import.meta.url).pathname;
const projectParents = ['libs', 'libs/connectors', 'apps', 'tools', 'tools/fakes'];

function projectDirectories() {
  return projectParents.flatMap((parent) =>
    existsSync(join(root, parent))
      ? readdirSync(join(root, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
          .map((entry) => join(root, parent, entry.name))
      : [],
  );
}

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

// Stale summaries from an earlier run must not count; Nx restores cached ones.
for (const directory of projectDirectories()) rmSync(join(directory, 'test-results'), { recursive: true, force: true });

const nxStatus = run('nx', [
  'run-many',
  '-t',
  'build',
  'typecheck',
  'lint',
  'test',
  '--outputStyle=static',
  ...process.argv.slice(2),
]);
// The scripts here belong to no Nx project, so they are linted on their own.
const scriptsLintStatus = run('eslint', ['tools/scripts']);
const formatStatus = run('prettier', ['--check', '.', '--log-level', 'warn']);

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\nTest results by project:');
for (const directory of projectDirectories()) {
  const file = join(directory, 'test-results', 'summary.json');
  if (!existsSync(file)) continue;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  passed += summary.passed;
  failed += summary.failed + summary.suitesFailed;
  skipped += summary.skipped;
  console.log(`  ${directory.slice(root.length).padEnd(32)} ${summary.passed} passed, ${summary.failed} failed`);
}
printCoverageTable({ root, projectDirectories: projectDirectories() });
if (scriptsLintStatus !== 0) console.log('Lint: fix the problems in tools/scripts listed above.');
if (formatStatus !== 0) console.log('Formatting: run `npm run format` to fix the files listed above.');
if (nxStatus !== 0) console.log('Nx reported a failed build, type check, lint or test task: see its output above.');
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(nxStatus !== 0 || scriptsLintStatus !== 0 || formatStatus !== 0 || failed > 0 ? 1 : 0);
