import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const conformanceBin = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json')),
  'dist/index.js',
);

export interface ConformanceCheck {
  id: string;
  name: string;
  description: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
}

export interface ConformanceRun {
  exitCode: number;
  checks: ConformanceCheck[];
  output: string;
}

/** Runs the conformance CLI (the same code `npx @modelcontextprotocol/conformance` runs) for one scenario. */
export async function runConformanceScenario({
  url,
  scenario,
}: {
  url: URL;
  scenario: string;
}): Promise<ConformanceRun> {
  const outputDirectory = await mkdtemp(join(tmpdir(), 'connectormcp-conformance-'));
  try {
    const result = await run(
      process.execPath,
      [conformanceBin, 'server', '--url', url.href, '--scenario', scenario, '--output-dir', outputDirectory],
      { env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 60_000 },
    ).then(
      ({ stdout, stderr }) => ({ exitCode: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        exitCode: typeof error.code === 'number' ? error.code : 1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    const [resultDirectory] = await readdir(outputDirectory);
    const checks = resultDirectory
      ? (JSON.parse(
          await readFile(join(outputDirectory, resultDirectory, 'checks.json'), 'utf8'),
        ) as ConformanceCheck[])
      : [];
    return { ...result, checks };
  } finally {
    await rm(outputDirectory, { recursive: true, force: true });
  }
}

/** The checks that did not pass, as lines a failing test can print. */
export function describeProblems({ checks }: { checks: ConformanceCheck[] }): string[] {
  return checks
    .filter((check) => check.status === 'FAILURE' || check.status === 'WARNING')
    .map((check) => `${check.status} ${check.id}: ${check.errorMessage ?? check.description}`);
}

/** Every server scenario the installed suite knows, pending ones included. */
export async function listServerScenarios(): Promise<string[]> {
  const { stdout } = await run(process.execPath, [conformanceBin, 'list', '--server'], {
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  return [...stdout.matchAll(/^\s+- (\S+)/gm)].map((match) => match[1]!);
}
