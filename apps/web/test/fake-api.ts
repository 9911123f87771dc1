import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';

export interface FakeAnswer {
  status?: number;
  body?: unknown;
}

export interface FakeRequest {
  method: string;
  path: string;
  /** The query string (`?limit=20&before=r2`), which routes do not match on. */
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

/** `"GET /api/me"` → an answer, or a function of the request for answers that change. */
export type FakeRoutes = Record<string, FakeAnswer | ((request: FakeRequest) => FakeAnswer)>;

/**
 * A stand-in for the API at `fetch`: answers by method and path (query ignored), records every request
 * with its headers and JSON body, and answers 404 to anything else, as the API would.
 */
export function installFakeApi(routes: FakeRoutes): { requests: FakeRequest[]; restore: () => void } {
  const requests: FakeRequest[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = jest.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const [path = '', query = ''] = String(input).split('?');
    const request: FakeRequest = {
      method,
      path,
      search: new URLSearchParams(query),
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(request) : (route ?? { status: 404, body: notFound });
    const status = answer.status ?? 200;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: '',
      json: async () => answer.body,
    } as Response;
  }) as typeof fetch;
  return { requests, restore: () => (globalThis.fetch = original) };
}

const notFound = { error: { code: 'not_found', message: 'Not found.' } };

/** An API error body as the API writes it. */
export function apiError({
  status,
  code,
  message,
  details,
}: {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}): FakeAnswer {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } };
}

/** Renders with a fresh query client that does not retry, so a failure shows at once. */
export function renderWithQueryClient(element: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { client, ...render(createElement(QueryClientProvider, { client }, element)) };
}
