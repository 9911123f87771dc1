import { useQuery } from '@tanstack/react-query';
import { apiRequest, isSignInRequired, setCsrfToken } from '../api/api-request.js';
import { ApiRequestError } from '../api/api-request-error.js';
import type { MeResponse } from './account-types.js';

export const meQueryKey = ['me'] as const;

/**
 * What `GET /api/me` said. A 401 is an answer too ("nobody": sign in, or an API key is missing), kept as
 * data so it stays put while the question is asked again; only failures to answer (offline, 5xx) throw.
 */
export type MeAnswer =
  | { me: MeResponse; signInRequired: false; error: null }
  | { me: null; signInRequired: boolean; error: ApiRequestError };

/** While the server cannot answer at all, who is asking is asked again this often. */
const unansweredRetryMs = 10_000;

/** `GET /api/me` as answered, 401s included: what the account gate decides on. */
export function useMeAnswer() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }): Promise<MeAnswer> => {
      try {
        const me = await apiRequest<MeResponse>({ path: '/api/me', signal, announceSignIn: false });
        setCsrfToken({ token: me.csrfToken });
        return { me, signInRequired: false, error: null };
      } catch (error) {
        if (!(error instanceof ApiRequestError) || error.status !== 401) throw error;
        setCsrfToken({ token: null });
        return { me: null, signInRequired: isSignInRequired(error), error };
      }
    },
    staleTime: 5 * 60_000,
    // Every component asking must not ask the server again each time it mounts after a failure.
    retryOnMount: false,
    refetchInterval: (query) => (query.state.status === 'error' ? unansweredRetryMs : false),
  });
}

/**
 * Who is asking: the user, how they are signed in, the server's mode and the session's CSRF token (which
 * every later change sends). `data` is null when nobody is signed in.
 */
export function useMe() {
  const answer = useMeAnswer();
  return { ...answer, data: answer.data ? answer.data.me : undefined };
}
