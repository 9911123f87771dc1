import { jest } from '@jest/globals';

export interface FakeApiRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeApiAnswer {
  status?: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** An API error body as the API answers it. */
export const apiError = ({
  status,
  code,
  message,
  details = null,
}: {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}): FakeApiAnswer => ({
  status,
  body: { error: { code, message, details } },
});

/**
 * Replaces `fetch` for component tests: `answer` gets each request (method, path, query, JSON body) and
 * returns what the API would; anything it does not answer is a 404. Every request is kept in `requests`.
 */
export function installFakeApiFetch({ answer }: { answer: (request: FakeApiRequest) => FakeApiAnswer | undefined }) {
  const requests: FakeApiRequest[] = [];
  const fetch = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const request: FakeApiRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      search: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    requests.push(request);
    const reply = answer(request) ?? apiError({ status: 404, code: 'not_found', message: `No route ${request.path}.` });
    const status = reply.status ?? 200;
    const headers = new Map(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: '',
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      json: async () => reply.body,
      text: async () => reply.text ?? JSON.stringify(reply.body),
      blob: async () => new Blob([reply.text ?? JSON.stringify(reply.body)]),
    };
  });
  Object.assign(globalThis, { fetch });
  return {
    fetch,
    requests,
    /** The requests with this method and path. */
    sent: ({ method, path }: { method: string; path: string }) =>
      requests.filter((request) => request.method === method && request.path === path),
  };
}

export function removeFakeApiFetch() {
  delete (globalThis as { fetch?: unknown }).fetch;
}
