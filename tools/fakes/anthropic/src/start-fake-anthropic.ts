import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeFailure, FakeTurn, TurnScript } from './fake-turn.js';
import { streamMessage, type AssistantMessage } from './stream-message.js';
import { validateMessagesRequest, type MessagesRequest } from './validate-messages-request.js';

export interface FakeAnthropic {
  /** For `ANTHROPIC_BASE_URL`. */
  baseUrl: string;
  apiKey: string;
  /** Every request received, in order (valid or not). */
  requests: MessagesRequest[];
  /** Queues answers for the next requests; without a queued answer `defaultTurn` answers. */
  script(...turns: TurnScript[]): void;
  /** Makes the next request fail: a status (429/529 with retry-after) or an error event mid-stream. */
  failNext(failure: FakeFailure): void;
  stop(): Promise<void>;
}

const defaultTurnFunction = (): FakeTurn => ({
  content: [{ type: 'text', text: 'This is the fake model: nothing was scripted for this turn.' }],
});

function estimateTokens(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? '').length / 4));
}

function errorBody(type: string, message: string) {
  return JSON.stringify({ type: 'error', error: { type, message }, request_id: `req_${randomUUID().slice(0, 12)}` });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A loopback stand-in for the Anthropic Messages API (`POST /v1/messages`), streaming and not. It checks
 * the key (`x-api-key` or `Authorization: Bearer`), validates requests as the API does, answers with
 * scripted turns, reports prompt-cache usage for repeated cached prefixes, and fails on demand.
 */
export async function startFakeAnthropic({
  port = 0,
  apiKey = 'sk-ant-fake-key',
  defaultTurn = defaultTurnFunction,
}: {
  port?: number;
  apiKey?: string;
  defaultTurn?: (request: MessagesRequest) => FakeTurn;
} = {}): Promise<FakeAnthropic> {
  const queue: TurnScript[] = [];
  const failures: FakeFailure[] = [];
  const requests: MessagesRequest[] = [];
  const cachedPrefixes = new Set<string>();
  const open = new Set<ServerResponse>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== '/v1/messages')
      return reply(404, errorBody('not_found_error', `Not found: ${request.method} ${path}`));
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const key = (request.headers['x-api-key'] as string | undefined) ?? bearer;
    if (!key) return reply(401, errorBody('authentication_error', 'x-api-key header is required'));
    if (key !== apiKey) return reply(401, errorBody('authentication_error', 'invalid x-api-key'));
    if (!request.headers['anthropic-version'])
      return reply(400, errorBody('invalid_request_error', 'anthropic-version: header is required'));
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return reply(400, errorBody('invalid_request_error', 'There was an issue with your request body: invalid JSON'));
    }
    requests.push(body as MessagesRequest);
    const problem = validateMessagesRequest(body);
    if (problem) return reply(400, errorBody('invalid_request_error', problem));
    const messagesRequest = body as MessagesRequest;

    const failure = failures.shift();
    if (failure?.kind === 'status') {
      const type =
        failure.status === 429 ? 'rate_limit_error' : failure.status === 529 ? 'overloaded_error' : 'api_error';
      return reply(failure.status, errorBody(type, type === 'overloaded_error' ? 'Overloaded' : 'Try again later.'), {
        ...(failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {}),
      });
    }

    const script = queue.shift() ?? defaultTurn;
    const turn = typeof script === 'function' ? script(messagesRequest) : script;
    const content = turn.content.map((block) =>
      block.type === 'text'
        ? block
        : {
            type: 'tool_use' as const,
            id: block.id ?? `toolu_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
            name: block.name,
            input: block.input,
          },
    );
    const cached = [messagesRequest.system, messagesRequest.tools].some((part) =>
      JSON.stringify(part ?? '').includes('cache_control'),
    );
    const prefixKey = createHash('sha256')
      .update(JSON.stringify([messagesRequest.system, messagesRequest.tools]))
      .digest('hex');
    const prefixTokens = cached ? estimateTokens([messagesRequest.system, messagesRequest.tools]) : 0;
    const hit = cached && cachedPrefixes.has(prefixKey);
    if (cached) cachedPrefixes.add(prefixKey);
    const message: AssistantMessage = {
      id: `msg_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      type: 'message',
      role: 'assistant',
      model: messagesRequest.model,
      content,
      stop_reason: turn.stopReason ?? (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
      stop_sequence: null,
      usage: {
        input_tokens: Math.max(
          1,
          estimateTokens(messagesRequest.messages) +
            (cached ? 0 : estimateTokens([messagesRequest.system, messagesRequest.tools])),
        ),
        output_tokens: estimateTokens(content),
        cache_creation_input_tokens: cached && !hit ? prefixTokens : 0,
        cache_read_input_tokens: hit ? prefixTokens : 0,
      },
    };
    if (!messagesRequest.stream) return reply(200, JSON.stringify(message));
    const controller = new AbortController();
    response.once('close', () => controller.abort());
    open.add(response);
    try {
      await streamMessage({
        response,
        message,
        ...(turn.delayMs ? { delayMs: turn.delayMs } : {}),
        ...(failure?.kind === 'mid-stream'
          ? { failAfterText: failure.afterText }
          : turn.failAfterText !== undefined
            ? { failAfterText: turn.failAfterText }
            : {}),
        signal: controller.signal,
      });
    } catch {
      // The client went away mid-stream (cancellation); nothing left to send.
    } finally {
      open.delete(response);
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(errorBody('api_error', `Fake server error: ${(error as Error).message}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    apiKey,
    requests,
    script: (...turns) => queue.push(...turns),
    failNext: (failure) => failures.push(failure),
    async stop() {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
