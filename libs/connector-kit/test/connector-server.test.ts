import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createConnectorRuntime } from '../src/connector/connector-runtime.js';
import { createConnectorServer } from '../src/connector/create-connector-server.js';
import { createMcpServer } from '../src/connector/create-mcp-server.js';
import { ConnectorError } from '../src/errors/connector-error.js';
import { createLogger } from '../src/logging/create-logger.js';
import { createSecretRedactor } from '../src/secrets/secret-redactor.js';
import { connectInMemory } from '../src/testing/connect-in-memory.js';
import { demoConnector, type DemoConfig } from './support/demo-connector.js';

const baseConfig: DemoConfig = { apiKey: 'demo-key-0123456789', allowWrites: false, itemCount: 5 };

async function connect({ config = baseConfig, maxResultChars }: { config?: DemoConfig; maxResultChars?: number } = {}) {
  const connector = createConnectorServer({
    connector: demoConnector,
    config,
    ...(maxResultChars ? { maxResultChars } : {}),
  });
  const connected = await connectInMemory({ server: connector.server });
  return { ...connected, runtime: connector.runtime, cleanup: connector.cleanup };
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as Array<{ type: string; text: string }>).map((block) => block.text).join('\n');
}

describe('a connector served through the kit', () => {
  let connection: Awaited<ReturnType<typeof connect>>;
  afterEach(async () => {
    await connection?.close();
    await connection?.cleanup();
  });

  it('lists tools with input and output schemas, titles and annotations, without write tools by default', async () => {
    connection = await connect();
    const { tools } = await connection.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['list_items', 'fail']);
    const listItems = tools.find((tool) => tool.name === 'list_items')!;
    expect(listItems.title).toBe('List items');
    expect(listItems.annotations).toEqual({ title: 'List items', readOnlyHint: true, openWorldHint: false });
    expect(listItems.inputSchema.properties).toMatchObject({
      limit: { type: 'integer', description: 'How many items to return.' },
    });
    expect(listItems.outputSchema?.properties).toHaveProperty('items');
  });

  it('registers write tools only when writes are enabled', async () => {
    connection = await connect({ config: { ...baseConfig, allowWrites: true } });
    const { tools } = await connection.client.listTools();
    const addItem = tools.find((tool) => tool.name === 'add_item');
    expect(addItem?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    const result = await connection.client.callTool({ name: 'add_item', arguments: { name: 'new' } });
    expect(result.structuredContent).toEqual({ id: 6, name: 'new' });
  });

  it('returns structured content and a compact text rendering', async () => {
    connection = await connect();
    const result = await connection.client.callTool({ name: 'list_items', arguments: { limit: 2 } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      items: [
        { id: 1, name: 'item 1' },
        { id: 2, name: 'item 2' },
      ],
      truncated: false,
    });
    expect(textOf(result)).toBe('id\tname\n1\titem 1\n2\titem 2\n(2 rows)');
  });

  it('answers invalid input with an error naming the field and the problem', async () => {
    connection = await connect();
    const result = await connection.client.callTool({ name: 'list_items', arguments: { limit: 'ten' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/limit/);
    expect(textOf(result)).toMatch(/expected number/);
    const unknown = await connection.client.callTool({ name: 'fail', arguments: { kind: 'other' } });
    expect(textOf(unknown)).toMatch(/kind/);
  });

  it('maps errors to codes without stack traces, paths or secrets', async () => {
    connection = await connect();
    const call = async (kind: string) => {
      const result = await connection.client.callTool({ name: 'fail', arguments: { kind } });
      expect(result.isError).toBe(true);
      return { text: textOf(result), meta: result._meta };
    };
    expect(await call('not_found')).toEqual({
      text: 'NOT_FOUND: Item 42 does not exist.',
      meta: { 'connectormcp/error': { code: 'NOT_FOUND', retryable: false } },
    });
    expect((await call('driver')).text).toBe('UPSTREAM_UNAVAILABLE: The demo source is unreachable.');
    const crash = await call('crash');
    expect(crash.text).toMatch(/^INTERNAL: /);
    expect(crash.text).not.toMatch(/secret-path|TypeError|at \//);
    const leak = await call('leak');
    expect(leak.text).toBe('ACCESS_DENIED: Denied for key [redacted] at demo://[redacted]@db.internal');
  });

  it('cuts text beyond the budget with a marker and keeps the structured rows consistent', async () => {
    connection = await connect({ config: { ...baseConfig, itemCount: 5000 }, maxResultChars: 2000 });
    const result = await connection.client.callTool({ name: 'list_items', arguments: { limit: 5000 } });
    const text = textOf(result);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/\[truncated: showing (\d+) of 5000 rows\. Pass a smaller limit\.\]$/);
    const shown = Number(/showing (\d+) of/.exec(text)![1]);
    const structured = result.structuredContent as { items: unknown[]; truncated: boolean };
    expect(structured.truncated).toBe(true);
    expect(structured.items).toHaveLength(shown);
  });

  it('sends progress notifications to clients that ask for them', async () => {
    connection = await connect();
    const updates: Array<{ progress: number; total?: number }> = [];
    await connection.client.callTool({ name: 'list_items', arguments: { limit: 3 } }, undefined, {
      onprogress: (update) => updates.push({ progress: update.progress, total: update.total }),
    });
    expect(updates).toEqual([
      { progress: 1, total: 3 },
      { progress: 2, total: 3 },
      { progress: 3, total: 3 },
    ]);
  });

  it('passes cancellation to the handler', async () => {
    connection = await connect();
    const controller = new AbortController();
    const started = Date.now();
    const call = connection.client.callTool(
      { name: 'list_items', arguments: { limit: 5, delay_ms: 5000 } },
      undefined,
      {
        signal: controller.signal,
      },
    );
    await delay(100);
    controller.abort('user pressed stop');
    await expect(call).rejects.toThrow();
    const context = connection.runtime.context() as unknown as { cancelledCalls: number };
    while (context.cancelledCalls === 0 && Date.now() - started < 2000) await delay(10);
    expect(context.cancelledCalls).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('serves resources and resource templates', async () => {
    connection = await connect();
    const { resources } = await connection.client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(['demo://items', 'demo://items/1']),
    );
    const { resourceTemplates } = await connection.client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(['demo://items/{id}']);
    const read = await connection.client.readResource({ uri: 'demo://items/2' });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toEqual({ id: 2, name: 'item 2' });
    await expect(connection.client.readResource({ uri: 'demo://items/99' })).rejects.toThrow('NOT_FOUND: No item 99.');
  });

  it('closes the context on cleanup', async () => {
    connection = await connect();
    await connection.client.callTool({ name: 'list_items', arguments: {} });
    const context = connection.runtime.context() as unknown as { closed: boolean };
    await connection.close();
    await connection.cleanup();
    expect(context.closed).toBe(true);
  });
});

describe('a connector with invalid configuration', () => {
  it('still lists its tools and fails each call with the configuration problem, logging no secret', async () => {
    const lines: string[] = [];
    const redact = createSecretRedactor({ secrets: ['token-abcdef'] });
    const logger = createLogger({
      name: 'test',
      redact,
      destination: { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream,
    });
    const runtime = createConnectorRuntime({
      connector: demoConnector,
      configError: new ConnectorError({ code: 'INVALID_CONFIG', message: 'Missing configuration: set DEMO_API_KEY.' }),
      logger,
      redact,
    });
    const connection = await connectInMemory({ server: createMcpServer({ runtime }) });
    const { tools } = await connection.client.listTools();
    expect(tools).toHaveLength(2);
    const result = await connection.client.callTool({ name: 'list_items', arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('INVALID_CONFIG: Missing configuration: set DEMO_API_KEY.');
    logger.warn({ token: 'token-abcdef' }, 'token-abcdef must not show');
    expect(lines.join('')).not.toContain('token-abcdef');
    expect(lines.join('')).toContain('[redacted]');
    await connection.close();
    await runtime.close();
  });
});
