/** Who can ask: one local person, holders of API_KEYS, or people who sign in with OpenID Connect. */
export type AuthMode = 'local' | 'api_keys' | 'oidc';

export function authModeOf({ hasOidc, apiKeyCount }: { hasOidc: boolean; apiKeyCount: number }): AuthMode {
  if (hasOidc) return 'oidc';
  return apiKeyCount > 0 ? 'api_keys' : 'local';
}
