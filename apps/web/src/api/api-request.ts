import { ApiRequestError } from './api-request-error.js';

const apiKeyStorageKey = 'connectormcp.apiKey';

/** The API key this browser uses, when the API requires one (API_KEYS on the server). */
export function storedApiKey(): string | null {
  try {
    return globalThis.localStorage?.getItem(apiKeyStorageKey) ?? null;
  } catch {
    return null;
  }
}

export function storeApiKey({ apiKey }: { apiKey: string | null }): void {
  if (apiKey) localStorage.setItem(apiKeyStorageKey, apiKey);
  else localStorage.removeItem(apiKeyStorageKey);
}

export function apiHeaders({ json = false }: { json?: boolean } = {}): Record<string, string> {
  const apiKey = storedApiKey();
  return {
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };
}

/** Turns a failed response into an ApiRequestError, whatever its body (a proxy's HTML page included). */
export async function errorFromResponse({ response }: { response: Response }): Promise<ApiRequestError> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  return new ApiRequestError({
    status: response.status,
    code: body?.error?.code ?? (response.status === 429 ? 'rate_limited' : `http_${response.status}`),
    message: body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    details: body?.error?.details,
  });
}

/** JSON request to the API on this origin; failures throw ApiRequestError (`unreachable` when offline). */
export async function apiRequest<T>({
  path,
  method = 'GET',
  body,
  signal,
}: {
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: apiHeaders({ json: body !== undefined }),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError({ status: 0, code: 'unreachable', message: 'The server cannot be reached.' });
  }
  if (!response.ok) throw await errorFromResponse({ response });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
