import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repositoryRoot } from '../src/repository-root.ts';

interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string | boolean>;
}

interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
}

const workflow = parse(readFileSync(join(repositoryRoot, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const scripts = (
  JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const published = "steps.changesets.outputs.published == 'true'";

function stepIndex(predicate: (step: WorkflowStep) => boolean): number {
  const index = steps.findIndex(predicate);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

test('runs on pushes to main with the permissions a release needs and no more', () => {
  expect(workflow.on.push.branches).toEqual(['main']);
  expect(workflow.permissions).toEqual({ contents: 'write', 'id-token': 'write', 'pull-requests': 'write' });
});

test('installs with npm ci on Node 22 or later, pointed at the npm registry', () => {
  const setup = steps[stepIndex((step) => step.uses?.startsWith('actions/setup-node@') ?? false)]!;
  expect(Number(setup.with?.['node-version'])).toBeGreaterThanOrEqual(22);
  expect(setup.with?.['registry-url']).toBe('https://registry.npmjs.org');
  stepIndex((step) => step.run === 'npm ci');
});

test('runs the offline dry run before changesets versions or publishes anything', () => {
  const dryRun = stepIndex((step) => step.run === 'npm run release:dry');
  const changesets = stepIndex((step) => step.uses === 'changesets/action@v1');
  expect(dryRun).toBeLessThan(changesets);
  expect(steps[changesets]).toMatchObject({
    id: 'changesets',
    with: { version: 'npm run version-packages', publish: 'npm run release' },
    env: { NPM_CONFIG_PROVENANCE: true },
  });
});

test('the scripts it calls keep server.json in step and publish only what release:dry checked', () => {
  expect(scripts['version-packages']).toMatch(/^changeset version && npm run registry:write$/);
  expect(scripts['release']).toMatch(/npm run release:dry && changeset publish$/);
  expect(scripts['release:dry']).toContain('@connectormcp/release:release-dry');
});

test('after a publish, uploads each bundle with its sha256 and publishes server.json through GitHub OIDC', () => {
  const afterPublish = steps.filter((step) => step.if === published);
  const script = afterPublish.map((step) => step.run ?? '').join('\n');
  expect(script).toMatch(/gh release upload "\$tag" "\$bundle" "\$bundle\.sha256"/);
  expect(script).toContain('sha256sum "$bundle"');
  expect(script).toContain('https://github.com/modelcontextprotocol/registry/releases/latest/download/mcp-publisher_');
  const login = stepIndex((step) => step.run === './mcp-publisher login github-oidc');
  const publish = stepIndex((step) => step.run?.includes('mcp-publisher" publish') ?? false);
  expect(login).toBeLessThan(publish);
  expect(steps[publish]?.run).toContain('"$directory/release"');
  for (const index of [login, publish]) expect(steps[index]?.if).toBe(published);
  expect(afterPublish.find((step) => step.id === 'connectors')?.env?.['PUBLISHED_PACKAGES']).toBe(
    '${{ steps.changesets.outputs.publishedPackages }}',
  );
});

test('every shell step is valid bash', () => {
  for (const step of steps.filter((candidate) => candidate.run)) {
    // GitHub substitutes ${{ … }} before bash sees the script.
    const script = step.run!.replace(/\$\{\{[^}]*\}\}/g, 'x');
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect({ step: step.name ?? step.run, stderr: check.stderr }).toEqual({ step: step.name ?? step.run, stderr: '' });
  }
});
