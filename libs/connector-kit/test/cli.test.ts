import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const demoBin = fileURLToPath(new URL('./support/demo-bin.ts', import.meta.url));

async function cli({ args, env = {} }: { args: string[]; env?: Record<string, string> }) {
  try {
    const { stdout, stderr } = await run(process.execPath, [demoBin, ...args], {
      env: { PATH: process.env.PATH, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('connector command line', () => {
  it('--check succeeds with a clear line and warnings', async () => {
    const result = await cli({ args: ['--check'], env: { DEMO_API_KEY: 'good-key-1234' } });
    expect(result).toMatchObject({ code: 0, stdout: 'ok: demo source with 5 items\nwarning: this is a demo\n' });
  });

  it('--check fails with exit 1 and one line naming the missing variable', async () => {
    const result = await cli({ args: ['--check'] });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'connectormcp-demo: error: INVALID_CONFIG: Missing configuration: set DEMO_API_KEY (the demo key).\n',
    );
  });

  it('--check reports a refused credential without its value', async () => {
    const result = await cli({ args: ['--check'], env: { DEMO_API_KEY: 'wrong' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ACCESS_DENIED: The demo source refused DEMO_API_KEY.');
  });

  it('--check names invalid values', async () => {
    const result = await cli({ args: ['--check'], env: { DEMO_API_KEY: 'k-123456', DEMO_ALLOW_WRITES: 'perhaps' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DEMO_ALLOW_WRITES: expected true or false (got "perhaps")');
  });

  it('--help lists every variable, and --version prints the version', async () => {
    const help = await cli({ args: ['--help'] });
    expect(help.code).toBe(0);
    for (const name of [
      'DEMO_API_KEY',
      'DEMO_ALLOW_WRITES',
      'DEMO_ITEMS',
      'LOG_LEVEL',
      'MCP_HTTP_TOKEN',
      'MCP_RESULT_MAX_CHARS',
    ]) {
      expect(help.stdout).toContain(name);
    }
    expect(help.stdout).toContain('add_item (with DEMO_ALLOW_WRITES=true)');
    expect(await cli({ args: ['--version'] })).toMatchObject({ code: 0, stdout: '9.9.9\n' });
  });

  it('rejects unknown arguments, so secrets are never taken from argv', async () => {
    const result = await cli({ args: ['--api-key', 'abc'] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown option '--api-key'");
  });

  it('serves HTTP with --http and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [demoBin, '--http', '--port', '0'], {
      env: { PATH: process.env.PATH, DEMO_API_KEY: 'k-123456', LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
