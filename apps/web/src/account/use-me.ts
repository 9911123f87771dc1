import { useQuery } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../api/api-request.js';
import type { MeResponse } from './account-types.js';

export const meQueryKey = ['me'] as const;

/**
 * Who is asking (`GET /api/me`): the user, how they are signed in, the server's mode and the session's
 * CSRF token, which every later change sends. Fails with a 401 when nobody is signed in.
 */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      const me = await apiRequest<MeResponse>({ path: '/api/me', signal, announceSignIn: false });
      setCsrfToken({ token: me.csrfToken });
      return me;
    },
    staleTime: 5 * 60_000,
  });
}
