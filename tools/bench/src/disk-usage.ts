import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Bytes a directory takes on disk (`du -s`, allocated blocks rather than file lengths), the measure a user
 * sees and the one the "126 MB" and "192 MB" were taken with (`du -sh`). Linux and macOS.
 */
export async function diskUsage({ path }: { path: string }): Promise<number> {
  const { stdout } = await run('du', ['-sk', path]);
  return Number(stdout.split('\t')[0]) * 1024;
}
