import Anthropic from '@anthropic-ai/sdk';
import { startFakeAnthropic, type FakeAnthropic } from '../src/start-fake-anthropic.js';

describe('fake Anthropic Messages API through the real SDK', () => {
  let fake: FakeAnthropic;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
    client = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 2 });
  });
  afterAll(() => fake.stop());

  const tool = {
    name: 'mysql__execute_query',
    description: 'Run SQL',
    input_schema: { type: 'object' as const, properties: { sql: { type: 'string' } } },
  };

  it('streams text and tool_use blocks in the real event order', async () => {
    fake.script({
      content: [
        { type: 'text', text: 'Let me check the orders table.' },
        { type: 'tool_use', name: 'mysql__execute_query', input: { sql: 'SELECT 1' } },
      ],
    });
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      tools: [tool],
      messages: [{ role: 'user', content: 'How many orders?' }],
    });
    const events: string[] = [];
    let text = '';
    stream.on('streamEvent', (event) => events.push(event.type));
    stream.on('text', (delta) => (text += delta));
    const message = await stream.finalMessage();
    expect(text).toBe('Let me check the orders table.');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toMatchObject({
      type: 'tool_use',
      name: 'mysql__execute_query',
      input: { sql: 'SELECT 1' },
    });
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(events).toContain('content_block_delta');
    expect(events.indexOf('message_delta')).toBe(events.length - 2);
  });

  it('answers non-streaming requests and reports prompt-cache use for a repeated cached prefix', async () => {
    const request = {
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      system: [{ type: 'text' as const, text: 'You are helpful.', cache_control: { type: 'ephemeral' as const } }],
      messages: [{ role: 'user' as const, content: 'Hi' }],
    };
    const first = await client.messages.create(request);
    const second = await client.messages.create(request);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });

  it.each([
    [{ messages: [{ role: 'assistant', content: 'hi' }] }, /first message must use the \\?"user\\?" role/],
    [
      {
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 'b' },
        ],
      },
      /roles must alternate/,
    ],
    [{ messages: [{ role: 'user', content: [] }] }, /non-empty content/],
    [{ messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }, /text content blocks must be non-empty/],
    [{ tools: [{ name: 'bad name!', input_schema: { type: 'object' } }] }, /String should match pattern/],
    [{ tools: [{ name: 'ok', input_schema: { type: 'string' } }] }, /input_schema.type: Input should be 'object'/],
    [
      { messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'x' }] }] },
      /unexpected `tool_use_id` found in `tool_result` blocks: toolu_x/,
    ],
    [
      {
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_a', name: 'ok', input: {} }] },
          { role: 'user', content: 'no result' },
        ],
      },
      /`tool_use` ids were found without `tool_result` blocks immediately after: toolu_a/,
    ],
  ])('rejects what the API rejects: %j', async (overrides, message) => {
    const request = {
      model: 'claude-sonnet-4-5',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
      ...overrides,
    };
    await expect(client.messages.create(request as never)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(message),
    });
  });

  it('rejects a wrong key with 401', async () => {
    const wrong = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: fake.baseUrl, maxRetries: 0 });
    await expect(
      wrong.messages.create({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('fails with 529 and retry-after on demand, which the SDK retries', async () => {
    fake.failNext({ kind: 'status', status: 529, retryAfterSeconds: 0 });
    fake.script({ content: [{ type: 'text', text: 'after the retry' }] });
    const message = await client.messages.create({
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'after the retry' }]);
  });

  it('can fail mid-stream with an overloaded_error event after a 200', async () => {
    fake.failNext({ kind: 'mid-stream', afterText: 'Partial ans' });
    fake.script({ content: [{ type: 'text', text: 'Partial answer that never finishes' }] });
    const stream = client.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    await expect(stream.finalMessage()).rejects.toThrow(/Overloaded/);
    expect(text.startsWith('Partial ans')).toBe(true);
  });
});
