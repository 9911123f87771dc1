// The API's account contract (CONTRACT-16 "GET /api/me"). Written here until the API's contracts/auth.ts
// exports it; the shapes are the contract's, field for field.
export type UserRole = 'admin' | 'member';
export type AuthMethod = 'local' | 'session' | 'api_key' | 'environment_key';
export type AuthMode = 'local' | 'api_keys' | 'oidc';

export interface MeResponse {
  user: { id: string; name: string; email: string | null; role: UserRole; groups: string[] };
  authMethod: AuthMethod;
  mode: AuthMode;
  csrfToken: string | null;
  signIn: { loginUrl: string } | null;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiKey extends ApiKeySummary {
  /** The whole key: in this answer only, never again. */
  key: string;
}

export interface AdminUser {
  id: string;
  name: string;
  email: string | null;
  role: UserRole;
  roleOverride: UserRole | null;
  groups: string[];
  disabled: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}

export interface PendingApproval {
  id: string;
  runId: string;
  sessionId: string;
  owner: { id: string; name: string };
  datasource: string;
  tool: string;
  arguments: unknown;
  createdAt: string;
}
