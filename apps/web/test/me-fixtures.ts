import type { MeResponse } from '../src/account/account-types.js';

/** `GET /api/me` as each mode answers it. */
export const signedInMe: MeResponse = {
  user: { id: 'u_ada', name: 'Ada Lovelace', email: 'ada@example.com', role: 'member', groups: ['analysts'] },
  authMethod: 'session',
  mode: 'oidc',
  csrfToken: 'csrf-ada',
  signIn: null,
};

export const localMe: MeResponse = {
  user: { id: 'local', name: 'Local user', email: null, role: 'admin', groups: [] },
  authMethod: 'local',
  mode: 'local',
  csrfToken: null,
  signIn: null,
};

export const signInNeeded = {
  status: 401,
  body: {
    error: { code: 'unauthorized', message: 'Sign in to use ConnectorMCP.', details: { signIn: '/api/auth/login' } },
  },
};

export const sessionExpired = {
  status: 401,
  body: { error: { code: 'session_expired', message: 'Your session has ended. Sign in again.' } },
};
