import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const startedBin = fileURLToPath(new URL('./support/demo-started-bin.ts', import.meta.url));

async function start({ args, env }: { args: string[]; env: Record<string, string> }) {
  const { stdout, stderr } = await run(process.execPath, [startedBin, ...args], {
    env: { PATH: process.env.PATH, ...env },
    timeout: 20_000,
  });
  return { stdout, stderr };
}

describe('startConnectorBin', () => {
  let temporary: string;
  beforeEach(() => {
    temporary = mkdtempSync(join(tmpdir(), 'connectormcp-compile-cache-'));
  });
  afterEach(() => rmSync(temporary, { recursive: true, force: true }));

  it('runs the connector and leaves the compiled code in the temp directory for the next start', async () => {
    const result = await start({ args: ['--version'], env: { TMPDIR: temporary } });
    expect(result).toEqual({ stdout: expect.stringMatching(/^\d+\.\d+\.\d+/), stderr: '' });
    const cache = join(temporary, 'node-compile-cache');
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0);
  });

  it('leaves the cache off with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const result = await start({ args: ['--version'], env: { TMPDIR: temporary, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(result.stderr).toBe('');
    expect(existsSync(join(temporary, 'node-compile-cache'))).toBe(false);
  });

  it('starts silently when the temp directory is missing or unusable', async () => {
    for (const directory of [join(temporary, 'missing'), '/proc/connectormcp-missing', '/dev/null']) {
      const result = await start({ args: ['--version'], env: { TMPDIR: directory } });
      expect(result).toEqual({ stdout: expect.stringMatching(/^\d+\.\d+\.\d+/), stderr: '' });
    }
  });
});
