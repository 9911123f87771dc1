import { ApiError } from '../api-error.js';
import type { AuthMode } from './auth-mode.js';

export const loginUrl = '/api/auth/login';

export const unauthorized = ({ mode, message }: { mode: AuthMode; message?: string }) =>
  new ApiError({
    status: 401,
    code: 'unauthorized',
    message:
      message ??
      (mode === 'oidc'
        ? 'Sign in to continue, or send an API key as a Bearer token or in X-API-Key.'
        : 'Send a valid API key as a Bearer token or in X-API-Key.'),
    details: mode === 'oidc' ? { signIn: loginUrl } : null,
  });

export const sessionExpired = () =>
  new ApiError({
    status: 401,
    code: 'session_expired',
    message: 'Your session has ended; sign in again.',
    details: { signIn: loginUrl },
  });

export const userDisabled = () =>
  new ApiError({ status: 403, code: 'user_disabled', message: 'This account is disabled; ask an admin.' });

export const notAllowed = () =>
  new ApiError({
    status: 403,
    code: 'not_allowed',
    message: 'Your account is not in a group that may use this app; ask an admin.',
  });

export const csrfFailed = () =>
  new ApiError({
    status: 403,
    code: 'csrf_failed',
    message: 'Changes made with a signed-in browser must carry the X-CSRF-Token header from GET /api/me.',
  });

export const forbidden = (message = 'Only admins may do this.') =>
  new ApiError({ status: 403, code: 'forbidden', message });
