import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const userRoleSchema = z.enum(['admin', 'member']);

export const authMethodSchema = z.enum(['local', 'session', 'api_key', 'environment_key']);

export const authModeSchema = z.enum(['local', 'api_keys', 'oidc']);

/** `GET /api/me`: who is asking, how they proved it, and what a browser needs (CSRF token, sign-in link). */
export const meResponseSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: userRoleSchema,
    groups: z.array(z.string()),
  }),
  authMethod: authMethodSchema,
  mode: authModeSchema,
  /** Send it as `X-CSRF-Token` with every change made with the session cookie; null otherwise. */
  csrfToken: z.string().nullable(),
  signIn: z.object({ loginUrl: z.string() }).nullable(),
});

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first 12 characters of the key, to tell keys apart. */
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
});

/** `GET /api/me/api-keys`: the caller's keys that are not revoked. */
export const apiKeysResponseSchema = z.object({ apiKeys: z.array(apiKeySchema) });

/** `POST /api/me/api-keys`. */
export const createApiKeyRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });

/** The answer to `POST /api/me/api-keys`: the only time `key` is shown. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().startsWith('cmcp_') });

export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: userRoleSchema,
  roleOverride: userRoleSchema.nullable(),
  groups: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
});

/** `GET /api/admin/users`. */
export const adminUsersResponseSchema = z.object({ users: z.array(adminUserSchema) });

/** `PATCH /api/admin/users/:id`. */
export const updateUserRequestSchema = z.strictObject({
  roleOverride: userRoleSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});

/** `POST /api/auth/logout`: where to send the browser to end the provider's session too (null without one). */
export const logoutResponseSchema = z.object({ logoutUrl: z.string().nullable() });

export type UserRoleName = z.infer<typeof userRoleSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
export type ApiKeySummary = z.infer<typeof apiKeySchema>;
export type ApiKeysResponse = z.infer<typeof apiKeysResponseSchema>;
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type AdminUsersResponse = z.infer<typeof adminUsersResponseSchema>;
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;
