import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { measureShutdown, stackTraceLine } from '../dist/testing/index.js';

const run = promisify(execFile);
const demoBin = fileURLToPath(new URL('./support/demo-bin.ts', import.meta.url));
const stuckBin = fileURLToPath(new URL('./support/stuck-bin.ts', import.meta.url));
const stuckKey = 'stuck-secret-4242';

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
    // The install section, through the real bin: the Claude Code command and the links, one per line.
    expect(help.stdout).toContain('claude mcp add demo');
    expect(help.stdout).toMatch(/^ {4}https:\/\/vscode\.dev\/redirect\/mcp\/install\?name=demo&\S+$/m);
    expect(help.stdout).toMatch(/^ {4}https:\/\/cursor\.com\/en\/install-mcp\?name=demo&config=\S+$/m);
    expect(await cli({ args: ['--version'] })).toMatchObject({ code: 0, stdout: '9.9.9\n' });
  });

  it('--describe-config prints the configuration as one JSON object, with no setting and a bad LOG_LEVEL', async () => {
    const result = await cli({ args: ['--describe-config'], env: { LOG_LEVEL: 'nonsense' } });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const description = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(description).toMatchObject({
      name: 'demo',
      package: '@connectormcp/demo',
      version: '9.9.9',
      variables: expect.arrayContaining([
        expect.objectContaining({ name: 'DEMO_API_KEY', isSecret: true }),
        expect.objectContaining({ name: 'DEMO_ITEMS', default: '5', isSecret: false }),
      ]),
      commonVariables: expect.arrayContaining([expect.objectContaining({ name: 'MCP_HTTP_TOKEN', isSecret: true })]),
    });
    expect(Object.keys(description)).toEqual(['name', 'title', 'package', 'version', 'variables', 'commonVariables']);
    expect((await cli({ args: ['--help'] })).stdout).toMatch(/--describe-config +print the configuration variables/);
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

describe('connector process lifecycle, whatever the source does', () => {
  const stops = ['end-of-input', 'SIGTERM', 'SIGINT'] as const;

  it.each(stops)(
    'exits 0 within a second of %s while a call waits on a source that never answers and never closes',
    async (stop) => {
      const report = await measureShutdown({
        args: [stuckBin],
        env: { STUCK_MODE: 'hang', STUCK_KEY: stuckKey },
        calls: [{ name: 'wait' }, { name: 'wait' }],
        stop,
      });
      expect(report).toMatchObject({ code: 0, signal: null });
      expect(report.milliseconds).toBeLessThan(1000);
      expect(report.stderr).not.toMatch(stackTraceLine);
      expect(report.stderr).not.toContain(stuckKey);
      expect(report.stderr).toContain('"cleanup":"cut short"');
    },
  );

  it.each(stops)('exits 0 within a second of %s when the source fails late while closing', async (stop) => {
    const report = await measureShutdown({
      args: [stuckBin],
      env: { STUCK_MODE: 'reject-late', STUCK_KEY: stuckKey, LOG_LEVEL: 'debug' },
      calls: [{ name: 'wait' }],
      stop,
    });
    expect(report).toMatchObject({ code: 0, signal: null });
    expect(report.milliseconds).toBeLessThan(1000);
    expect(report.stderr).not.toMatch(stackTraceLine);
    expect(report.stderr).not.toContain('ECONNREFUSED 127.0.0.1:1 (key');
    expect(report.stderr).not.toContain(stuckKey);
    // Every line is JSON: nothing printed by Node itself.
    for (const line of report.stderr.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('exits 1 with one JSON line, no stack trace and no secret, on an exception nobody caught while serving', async () => {
    const report = await measureShutdown({
      args: [stuckBin],
      env: { STUCK_MODE: 'reject-late', STUCK_KEY: stuckKey },
      calls: [{ name: 'crash', arguments: { kind: 'exception' } }],
      stop: 'end-of-input',
      inFlightMs: 1000,
    });
    expect(report.code).toBe(1);
    expect(report.stderr).not.toMatch(stackTraceLine);
    expect(report.stderr).not.toContain(stuckKey);
    const fatal = report.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string; error?: string })
      .filter((entry) => entry.level === 60);
    expect(fatal).toEqual([
      expect.objectContaining({
        msg: 'unexpected error, stopping',
        error: 'connect ECONNREFUSED 127.0.0.1:1 (key [redacted])',
      }),
    ]);
  });

  it('logs a promise rejection nobody handled as one line and goes on serving', async () => {
    const report = await measureShutdown({
      args: [stuckBin],
      env: { STUCK_MODE: 'reject-late', STUCK_KEY: stuckKey },
      calls: [{ name: 'crash', arguments: { kind: 'rejection' } }],
      stop: 'end-of-input',
      inFlightMs: 500,
    });
    expect(report.code).toBe(0);
    expect(report.messages).toContainEqual(expect.objectContaining({ id: 2, result: expect.anything() }));
    expect(report.stderr).toContain('"msg":"unexpected error, ignored"');
    expect(report.stderr).not.toMatch(stackTraceLine);
    expect(report.stderr).not.toContain(stuckKey);
  });

  it('reports a configuration reader that throws as one line with exit 1, without the secret', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [stuckBin, '--check'],
        { env: { PATH: process.env.PATH, STUCK_MODE: 'config-bug', STUCK_KEY: stuckKey } },
        (error, _stdout, stderr) => resolve({ code: error ? (error as { code: number }).code : 0, stderr }),
      );
    });
    expect(result).toEqual({
      code: 1,
      stderr: 'connectormcp-stuck: error: INVALID_CONFIG: Invalid configuration: cannot read the key [redacted]\n',
    });
  });
});
