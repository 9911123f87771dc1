import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ShutdownReport {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from closing stdin (or sending the signal) to the process's exit. */
  milliseconds: number;
  stderr: string;
  /** JSON-RPC messages the server wrote before it stopped. */
  messages: Array<Record<string, unknown>>;
}

/** Lines of a stack trace as Node prints them (`    at fn (file:line)`), which a connector must never show. */
export const stackTraceLine = /^\s+at .+/m;

/**
 * Starts a connector's bin as a raw JSON-RPC peer, initialises it, sends tool calls and, once they are
 * in flight, closes stdin or sends a signal, then measures how long the process takes to exit. Unlike
 * an MCP client, it does not wait for the calls to answer: stopping in the middle is the point.
 */
export async function measureShutdown({
  command = process.execPath,
  args,
  env = {},
  calls = [],
  stop,
  inFlightMs = 300,
  startTimeoutMs = 20_000,
}: {
  command?: string;
  args: string[];
  env?: Record<string, string>;
  calls?: Array<{ name: string; arguments?: Record<string, unknown> }>;
  stop: 'end-of-input' | 'SIGTERM' | 'SIGINT';
  /** How long the calls run before the stop. */
  inFlightMs?: number;
  startTimeoutMs?: number;
}): Promise<ShutdownReport> {
  // An empty NODE_V8_COVERAGE keeps the child out of the test run's coverage: writing it at exit takes
  // 0.1-0.4 s, which would be measured as part of the shutdown though no user ever pays it.
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', NODE_V8_COVERAGE: '', ...env } });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  let stdout = '';
  const messages: Array<Record<string, unknown>> = [];
  // The process may be gone already (it crashed, which is what some tests check): writing to it then fails.
  child.stdin.on('error', () => {});
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const initialised = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to initialize; stderr: ${stderr}`)), startTimeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines.filter((entry) => entry.trim() !== '')) {
        const message = JSON.parse(line) as Record<string, unknown>;
        messages.push(message);
        if (message.id === 1) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before initialising; stderr: ${stderr}`));
    });
  });
  const send = (message: Record<string, unknown>) =>
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  send({
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'measure-shutdown', version: '0' } },
  });
  try {
    await initialised;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  send({ method: 'notifications/initialized' });
  calls.forEach((call, index) =>
    send({ id: index + 2, method: 'tools/call', params: { name: call.name, arguments: call.arguments ?? {} } }),
  );
  await new Promise((resolve) => setTimeout(resolve, inFlightMs));
  const started = performance.now();
  if (stop === 'end-of-input') child.stdin.end();
  else child.kill(stop);
  const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code, signal] = await exited;
  const milliseconds = Math.round(performance.now() - started);
  clearTimeout(guard);
  return { code, signal, milliseconds, stderr, messages };
}
