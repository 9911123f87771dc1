import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The CLI the `mcpb` bin runs (the package exports no path to it, so it is found beside the library).
const cli = join(dirname(fileURLToPath(import.meta.resolve('@anthropic-ai/mcpb'))), 'cli', 'cli.js');

/**
 * Runs `mcpb <command> …` with this Node. The CLI reports problems on stdout and exits 1; its output is
 * returned on success and thrown with the error otherwise.
 */
export async function runMcpbCli({ args }: { args: string[] }): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`mcpb ${args[0]} failed:\n${stdout}${stderr}`.trim(), { cause: error });
  }
}
