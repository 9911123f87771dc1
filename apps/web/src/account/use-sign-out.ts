import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, storeApiKey } from '../api/api-request.js';
import type { MeResponse } from './account-types.js';
import { browserLocation } from './browser-location.js';

/**
 * Ends how this browser is known: a session is ended on the server (then the provider's logout page when
 * it has one, else a reload to the sign-in screen); an API key is forgotten by this browser.
 */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ me }: { me: MeResponse }) => {
      if (me.authMethod === 'session') {
        const { logoutUrl } = await apiRequest<{ logoutUrl: string | null }>({
          path: '/api/auth/logout',
          method: 'POST',
        });
        if (logoutUrl) browserLocation.assign(logoutUrl);
        else browserLocation.reload();
        return;
      }
      storeApiKey({ apiKey: null });
      client.clear();
      browserLocation.reload();
    },
  });
}
