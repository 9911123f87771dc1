import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAnthropic, type FakeAnthropic } from '@connectormcp/fake-anthropic';
import { freePort, startMariadb, waitFor, type MariadbServer } from '@connectormcp/services';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

/** The built API as its own process, as in production: killed for real, restarted on the same data. */
describe('the API process', () => {
  let mariadb: MariadbServer;
  let fake: FakeAnthropic;
  let directory: string;
  let configFile: string;
  const processes = new Set<ChildProcess>();

  beforeAll(async () => {
    mariadb = await startMariadb();
    fake = await startFakeAnthropic();
    directory = await mkdtemp(join(tmpdir(), 'connectormcp-api-process-'));
    configFile = join(directory, 'connectormcp.config.json');
    await writeFile(
      configFile,
      JSON.stringify({
        datasources: [
          {
            id: 'shop',
            name: 'Shop database',
            command: process.execPath,
            args: [mysqlBin],
            env: { MYSQL_URL: `${mariadb.url}/mysql`, LOG_LEVEL: 'warn' },
          },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await fake?.stop();
    await mariadb?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  async function startApi(environment: Record<string, string> = {}) {
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: join(directory, 'data'),
        CONNECTORMCP_CONFIG: configFile,
        ANTHROPIC_API_KEY: fake.apiKey,
        ANTHROPIC_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'info',
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.add(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    await Promise.race([
      waitFor({
        probe: async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.ok === true,
        description: 'the API to become ready',
        // Opening the embedded database compiles WebAssembly: tens of seconds on a busy machine.
        timeoutMs: 90_000,
      }),
      exited.then((code) => {
        throw new Error(`the API exited with ${code}: ${output}`);
      }),
    ]);
    return { child, base, exited, output: () => output };
  }

  /** Reads the SSE stream until `until` says stop; never waits longer than `timeoutMs`. */
  async function readEvents({
    response,
    until,
    timeoutMs = 20_000,
  }: {
    response: Response;
    until: (event: Record<string, unknown>) => boolean;
    timeoutMs?: number;
  }) {
    const events: Array<Record<string, unknown>> = [];
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
    try {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let boundary;
        while ((boundary = buffer.indexOf('\n\n')) !== -1) {
          const data = buffer
            .slice(0, boundary)
            .split('\n')
            .find((line) => line.startsWith('data: '));
          buffer = buffer.slice(boundary + 2);
          if (!data || data === 'data: {}') continue;
          const event = JSON.parse(data.slice(6)) as Record<string, unknown>;
          events.push(event);
          if (until(event)) return events;
        }
      }
      return events;
    } finally {
      clearTimeout(deadline);
    }
  }

  const chat = (base: string, body: Record<string, unknown>) =>
    fetch(`${base}/api/chat/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ datasources: ['shop'], ...body }),
    });

  it('loses no acknowledged message when killed with SIGKILL mid-chat, and the session goes on after a restart', async () => {
    const first = await startApi();
    fake.script(
      { content: [{ type: 'tool_use', name: 'shop__list_databases', input: {} }] },
      // The answer after the tool result streams slowly: the process dies in the middle of it.
      { content: [{ type: 'text', text: `Here are the tables: ${'table, '.repeat(400)}` }], delayMs: 300 },
    );
    const response = await chat(first.base, { message: 'Which databases are there?' });
    const events = await readEvents({ response, until: (event) => event.type === 'text_delta' });
    const run = events[0]!;
    expect(run).toMatchObject({ type: 'run' });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['tool_call_started', 'tool_call_finished', 'text_delta']),
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = await startApi();
    expect(second.output()).toMatch(/1 chat run\(s\) were interrupted/);
    const session = (await (await fetch(`${second.base}/api/chat/sessions/${run.sessionId as string}`)).json()) as {
      messages: Array<{ role: string; content: unknown }>;
      toolCalls: Array<{ tool: string; status: string }>;
      latestRun: { id: string; status: string };
    };
    // The question, the model's tool call and the tool's result were stored as they happened.
    expect(session.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(session.messages[0]!.content).toBe('Which databases are there?');
    expect(JSON.stringify(session.messages[2]!.content)).toContain('tool_result');
    expect(session.toolCalls).toEqual([expect.objectContaining({ tool: 'list_databases', status: 'ok' })]);
    expect(session.latestRun).toMatchObject({ id: run.runId, status: 'interrupted' });

    fake.script({ content: [{ type: 'text', text: 'Picking up where we left off.' }] });
    const next = await readEvents({
      response: await chat(second.base, { sessionId: run.sessionId, message: 'Go on, please.' }),
      until: (event) => event.type === 'done' || event.type === 'error',
    });
    expect(next.filter((event) => event.type === 'error')).toEqual([]);
    expect(
      next
        .filter((event) => event.type === 'text_delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('Picking up where we left off.');
    // The model saw the whole story, repaired into a valid conversation.
    const sent = fake.requests.at(-1)!.messages;
    expect(sent.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);

  it('drains on SIGTERM: a running chat gets to finish and its stream ends cleanly before the process exits', async () => {
    const api = await startApi({ SHUTDOWN_GRACE_MS: '10000' });
    fake.script({
      content: [{ type: 'text', text: `A short answer that takes a moment ${'. '.repeat(300)}` }],
      delayMs: 100,
    });
    const response = await chat(api.base, { message: 'Take your time.' });
    const reading = readEvents({ response, until: (event) => event.type === 'done' || event.type === 'error' });
    await waitFor({
      probe: async () => fake.requests.at(-1)?.messages.at(-1)?.content === 'Take your time.',
      description: 'the model request',
      // Starting the connector and its first health check come first; a busy machine takes a while.
      timeoutMs: 45_000,
    });
    api.child.kill('SIGTERM');
    const events = await reading;
    expect(events.at(-1)).toEqual({ type: 'done', stopReason: 'end_turn' });
    expect(await api.exited).toBe(0);
    // New connections are refused once draining started.
    await expect(fetch(`${api.base}/healthz`)).rejects.toThrow();
  }, 240_000);

  it('cancels what is still running when the grace period ends', async () => {
    const api = await startApi({ SHUTDOWN_GRACE_MS: '200' });
    fake.script({ content: [{ type: 'text', text: `An answer far too slow ${'. '.repeat(500)}` }], delayMs: 300 });
    const response = await chat(api.base, { message: 'Very slowly.' });
    const reading = readEvents({ response, until: (event) => event.type === 'done' || event.type === 'error' });
    await waitFor({
      probe: async () => fake.requests.at(-1)?.messages.at(-1)?.content === 'Very slowly.',
      description: 'the model request',
      // Starting the connector and its first health check come first; a busy machine takes a while.
      timeoutMs: 45_000,
    });
    api.child.kill('SIGTERM');
    const events = await reading;
    expect(events.find((event) => event.type === 'error')).toMatchObject({ code: 'cancelled' });
    expect(await api.exited).toBe(0);
  }, 240_000);
});
