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

let csrfToken: string | null = null;

/** The signed-in session's CSRF token (from `GET /api/me`), sent with every request that changes something. */
export function setCsrfToken({ token }: { token: string | null }): void {
  csrfToken = token;
}

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Headers for a request to the API. `method` defaults to POST for a JSON body (the chat's streaming calls
 * pass only `json`), else GET; any other method carries the session's CSRF token, which the API demands
 * of cookie-authenticated changes and ignores otherwise.
 */
export function apiHeaders({
  json = false,
  method = json ? 'POST' : 'GET',
}: { json?: boolean; method?: string } = {}): Record<string, string> {
  const apiKey = storedApiKey();
  return {
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    ...(csrfToken && !readOnlyMethods.has(method.toUpperCase()) ? { 'x-csrf-token': csrfToken } : {}),
  };
}

/**
 * Whether an error means "sign in (again)": a 401 that points at the sign-in (OpenID Connect mode) or an
 * ended session. A bare 401 means an API key is missing or wrong (API_KEYS mode).
 */
export function isSignInRequired(error: unknown): boolean {
  if (!(error instanceof ApiRequestError) || error.status !== 401) return false;
  const details = error.details as { signIn?: unknown } | null;
  return error.code === 'session_expired' || typeof details?.signIn === 'string';
}

type SignInRequiredListener = (error: ApiRequestError) => void;
const signInRequiredListeners = new Set<SignInRequiredListener>();

/** Calls `listener` whenever any API answer says to sign in again; returns the unsubscribe. */
export function onSignInRequired(listener: SignInRequiredListener): () => void {
  signInRequiredListeners.add(listener);
  return () => signInRequiredListeners.delete(listener);
}

/** Turns a failed response into an ApiRequestError, whatever its body (a proxy's HTML page included). */
export async function errorFromResponse({
  response,
  announceSignIn = true,
}: {
  response: Response;
  /** false for the question "who am I" itself, whose failure is the answer rather than news. */
  announceSignIn?: boolean;
}): Promise<ApiRequestError> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const error = new ApiRequestError({
    status: response.status,
    code: body?.error?.code ?? (response.status === 429 ? 'rate_limited' : `http_${response.status}`),
    message: body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
    details: body?.error?.details,
  });
  // Every failed call passes here, the chat's streams included, so one place notices an ended session.
  if (announceSignIn && isSignInRequired(error)) for (const listener of signInRequiredListeners) listener(error);
  return error;
}

/** JSON request to the API on this origin; failures throw ApiRequestError (`unreachable` when offline). */
export async function apiRequest<T>({
  path,
  method = 'GET',
  body,
  signal,
  announceSignIn = true,
}: {
  path: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  announceSignIn?: boolean;
}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: apiHeaders({ json: body !== undefined, method }),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError({ status: 0, code: 'unreachable', message: 'The server cannot be reached.' });
  }
  if (!response.ok) throw await errorFromResponse({ response, announceSignIn });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
