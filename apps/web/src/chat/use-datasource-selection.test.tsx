import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Datasource, DatasourceHealth, SessionSummary } from '../api/api-types.js';
import { queryKeys } from '../api/use-api-queries.js';
import { readLastSelection } from './last-selection.js';
import { useDatasourceSelection } from './use-datasource-selection.js';

const at = '2026-11-29T05:00:00.000Z';
const datasource = (id: string, status: DatasourceHealth['status'] = 'connected'): Datasource => ({
  id,
  name: id,
  kind: null,
  health: { status, reason: null, checkedAt: null, latencyMs: null },
  writes: false,
  examples: [],
  tools: [],
});
const datasources = [datasource('shop'), datasource('files'), datasource('jira', 'unreachable'), datasource('store')];
const session = (id: string, selected: string[]): SessionSummary => ({
  id,
  title: id,
  datasources: selected,
  createdAt: at,
  updatedAt: at,
});

describe('useDatasourceSelection', () => {
  let requests: Array<{ url: string; method: string; body: unknown }>;
  let client: QueryClient;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );

  const realFetch = globalThis.fetch;
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  beforeEach(() => {
    localStorage.clear();
    requests = [];
    client = new QueryClient();
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as { datasources: string[] }) : undefined;
      requests.push({ url: String(url), method: init?.method ?? 'GET', body });
      // jsdom has no Response: what apiRequest reads of one is enough.
      return { ok: true, status: 200, json: async () => session('s1', body?.datasources ?? []) } as Response;
    }) as typeof fetch;
  });

  it("restores a chat's own selection, dropping sources no longer configured", () => {
    const { result } = renderHook(
      () =>
        useDatasourceSelection({
          sessionId: 's1',
          sessions: [session('s1', ['files', 'gone'])],
          datasources,
        }),
      { wrapper },
    );
    expect(result.current.selectedIds).toEqual(['files']);
  });

  it('starts a new chat from every source that answers, then from the last selection used', () => {
    const first = renderHook(() => useDatasourceSelection({ sessionId: null, sessions: [], datasources }), {
      wrapper,
    });
    expect(first.result.current.selectedIds).toEqual(['shop', 'files', 'store']);
    act(() => first.result.current.setSelection(['store']));
    expect(first.result.current.selectedIds).toEqual(['store']);
    // Nothing to save on the server before the chat exists.
    expect(requests).toEqual([]);
    expect(readLastSelection()).toEqual(['store']);
    const later = renderHook(() => useDatasourceSelection({ sessionId: null, sessions: [], datasources }), {
      wrapper,
    });
    expect(later.result.current.selectedIds).toEqual(['store']);
  });

  it('saves a change with the chat and updates the cached list of chats', async () => {
    client.setQueryData(queryKeys.sessions, { sessions: [session('s1', ['shop', 'files'])] });
    const { result } = renderHook(
      () => useDatasourceSelection({ sessionId: 's1', sessions: [session('s1', ['shop', 'files'])], datasources }),
      { wrapper },
    );
    act(() => result.current.toggle('files'));
    expect(result.current.selectedIds).toEqual(['shop']);
    await waitFor(() =>
      expect(requests).toEqual([{ url: '/api/chat/sessions/s1', method: 'PATCH', body: { datasources: ['shop'] } }]),
    );
    await waitFor(() =>
      expect(client.getQueryData<{ sessions: SessionSummary[] }>(queryKeys.sessions)?.sessions[0]?.datasources).toEqual(
        ['shop'],
      ),
    );
  });

  it("hands a new chat's selection to the session its first message created, and a new chat starts afresh", () => {
    let sessionId: string | null = null;
    const { result, rerender } = renderHook(() => useDatasourceSelection({ sessionId, sessions: [], datasources }), {
      wrapper,
    });
    act(() => result.current.setSelection(['files']));
    act(() => result.current.sent({ sessionId: 'new-1', datasourceIds: ['files'] }));
    sessionId = 'new-1';
    rerender();
    expect(result.current.selectedIds).toEqual(['files']);
    act(() => result.current.startNewChat());
    sessionId = null;
    rerender();
    expect(result.current.selectedIds).toEqual(['files']);
  });
});
