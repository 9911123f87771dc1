import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import type { Alert, CreateAlertRequest, UpdateAlertRequest } from '../src/schedules/alerts/alert-types.js';
import type { CreateSavedRequest, SavedItem, Schedule } from '../src/saved/saved-types.js';
import type { CreateScheduleRequest } from '../src/schedules/schedule-types.js';

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
  /** The values of a route's `:name` segments (`PATCH /api/schedules/:scheduleId/alerts/:alertId`). */
  params: Record<string, string>;
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
      params: {},
    };
    requests.push(request);
    const route = routes[`${method} ${path}`] ?? routeWithParams({ routes, method, path, request });
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

/** A route whose key has `:name` segments, when no key names the path exactly; fills `request.params`. */
function routeWithParams({
  routes,
  method,
  path,
  request,
}: {
  routes: FakeRoutes;
  method: string;
  path: string;
  request: FakeRequest;
}): FakeRoutes[string] | undefined {
  const segments = path.split('/');
  for (const [key, route] of Object.entries(routes)) {
    const [keyMethod, keyPath = ''] = key.split(' ');
    const keySegments = keyPath.split('/');
    if (keyMethod !== method || !keyPath.includes('/:') || keySegments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = keySegments.every((segment, index) => {
      if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(segments[index]!);
      return segment.startsWith(':') || segment === segments[index];
    });
    if (!matches) continue;
    request.params = params;
    return route;
  }
  return undefined;
}

/**
 * A schedule's alerts kept in memory behind the alert routes (list, create, change, delete, send test), for
 * screens that show them. A created alert with a webhook and no secret gets a `webhook_secret`, as the API
 * answers once.
 */
export function fakeAlertRoutes({ alerts: initial = [] }: { alerts?: Alert[] } = {}): {
  routes: FakeRoutes;
  alerts: () => Alert[];
} {
  let alerts = [...initial];
  let created = 0;
  const base = '/api/schedules/:scheduleId/alerts';
  const find = (request: FakeRequest) => alerts.find((alert) => alert.id === request.params.alertId);
  const routes: FakeRoutes = {
    [`GET ${base}`]: (request) => ({
      body: { alerts: alerts.filter((alert) => alert.schedule_id === request.params.scheduleId) },
    }),
    [`POST ${base}`]: (request) => {
      const body = request.body as CreateAlertRequest;
      const now = new Date().toISOString();
      const alert: Alert = {
        id: `al_fake_${++created}`,
        schedule_id: request.params.scheduleId!,
        name: body.name,
        condition: body.condition as Alert['condition'],
        webhook: body.webhook ? { url_hint: `${new URL(body.webhook.url).origin}/…`, has_secret: true } : null,
        email: body.email ?? null,
        quiet_hours: body.quiet_hours ?? null,
        enabled: body.enabled ?? true,
        last_firing: null,
        created_at: now,
        updated_at: now,
      };
      alerts = [...alerts, alert];
      const secret = body.webhook && !body.webhook.secret ? { webhook_secret: `whsec_fake_${created}` } : {};
      return { status: 201, body: { ...alert, ...secret } };
    },
    [`PATCH ${base}/:alertId`]: (request) => {
      const alert = find(request);
      if (!alert) return { status: 404, body: notFound };
      const { webhook, ...changes } = request.body as UpdateAlertRequest;
      const changed: Alert = {
        ...alert,
        ...(changes as Partial<Alert>),
        ...(webhook === undefined
          ? {}
          : { webhook: webhook ? { url_hint: `${new URL(webhook.url).origin}/…`, has_secret: true } : null }),
        updated_at: new Date().toISOString(),
      };
      alerts = alerts.map((candidate) => (candidate.id === alert.id ? changed : candidate));
      return { body: changed };
    },
    [`DELETE ${base}/:alertId`]: (request) => {
      if (!find(request)) return { status: 404, body: notFound };
      alerts = alerts.filter((alert) => alert.id !== request.params.alertId);
      return { status: 204 };
    },
    [`POST ${base}/:alertId/test`]: (request) => {
      const alert = find(request);
      if (!alert) return { status: 404, body: notFound };
      const deliveries = [
        ...(alert.webhook ? [{ channel: 'webhook', ok: true, status: 200, error: null }] : []),
        ...(alert.email ? [{ channel: 'email', ok: true, status: 250, error: null }] : []),
      ];
      return { body: { deliveries } };
    },
  };
  return { routes, alerts: () => alerts };
}

/**
 * Saved items and schedules kept in memory behind `POST`/`GET /api/saved`, `DELETE /api/saved/:id` and
 * `POST /api/schedules`, for the chat's Save and Schedule.
 */
export function fakeSavedRoutes(): { routes: FakeRoutes; saved: () => SavedItem[]; schedules: () => Schedule[] } {
  let saved: SavedItem[] = [];
  let schedules: Schedule[] = [];
  const now = () => new Date().toISOString();
  const routes: FakeRoutes = {
    'GET /api/saved': () => ({ body: { saved } }),
    'POST /api/saved': (request) => {
      const body = request.body as CreateSavedRequest;
      const common = { id: `sv_fake_${saved.length + 1}`, name: body.name, created_at: now(), schedules: 0 };
      const item: SavedItem =
        'question' in body
          ? { ...common, kind: 'question', question: body.question, datasources: body.datasources }
          : {
              ...common,
              kind: 'tool_call',
              datasource: body.datasource,
              tool: body.tool,
              arguments: body.arguments ?? {},
            };
      saved = [item, ...saved];
      return { status: 201, body: item };
    },
    'DELETE /api/saved/:savedId': (request) => {
      saved = saved.filter((item) => item.id !== request.params.savedId);
      return { status: 204 };
    },
    'POST /api/schedules': (request) => {
      const body = request.body as CreateScheduleRequest;
      const item = saved.find((candidate) => candidate.id === body.saved_id);
      if (!item) return { status: 404, body: notFound };
      const schedule: Schedule = {
        id: `sc_fake_${schedules.length + 1}`,
        saved_id: item.id,
        name: item.name,
        kind: item.kind,
        cron: body.cron,
        timezone: body.timezone ?? 'UTC',
        paused: body.paused ?? false,
        next_run_at: body.paused ? null : new Date(Date.now() + 3_600_000).toISOString(),
        running_since: null,
        last_run: null,
        alerts: 0,
        last_firing: null,
        created_at: now(),
        updated_at: now(),
      };
      schedules = [...schedules, schedule];
      saved = saved.map((candidate) =>
        candidate.id === item.id ? { ...candidate, schedules: candidate.schedules + 1 } : candidate,
      );
      return { status: 201, body: schedule };
    },
  };
  return { routes, saved: () => saved, schedules: () => schedules };
}

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
