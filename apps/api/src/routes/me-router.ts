import { Router } from 'express';
import { ApiError } from '../api-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { ApiKeyStore } from '../auth/api-key-store.js';
import { loginUrl } from '../auth/auth-errors.js';
import type { AuthMode } from '../auth/auth-mode.js';
import {
  createApiKeyRequestSchema,
  type ApiKeysResponse,
  type CreatedApiKey,
  type MeResponse,
} from '../contracts/index.js';

/** `GET /api/me` (who is asking) and the caller's personal API keys. */
export function meRouter({
  mode,
  personalKeys,
  auditLog,
}: {
  mode: AuthMode;
  personalKeys: ApiKeyStore;
  auditLog?: AuditLog;
}): Router {
  const router = Router();
  router.get('/', (request, response) => {
    const user = request.user!;
    const body: MeResponse = {
      user: { id: user.id, name: user.name, email: user.email, role: user.role, groups: user.groups },
      authMethod: user.authMethod,
      mode,
      csrfToken: user.csrfToken ?? null,
      signIn: mode === 'oidc' ? { loginUrl } : null,
    };
    response.set('cache-control', 'no-store').json(body);
  });
  router.get('/api-keys', async (request, response) => {
    const body: ApiKeysResponse = { apiKeys: await personalKeys.list({ userId: request.user!.id }) };
    response.json(body);
  });
  router.post('/api-keys', async (request, response) => {
    const { name } = createApiKeyRequestSchema.parse(request.body ?? {});
    const created: CreatedApiKey = await personalKeys.create({ userId: request.user!.id, name });
    await auditLog?.record({
      actor: request.user!,
      action: 'api_key_created',
      status: 'ok',
      detail: { apiKeyId: created.id, name, prefix: created.prefix },
    });
    response.status(201).set('cache-control', 'no-store').json(created);
  });
  router.delete('/api-keys/:id', async (request, response) => {
    const revoked = await personalKeys.revoke({ userId: request.user!.id, id: request.params.id });
    if (!revoked) throw new ApiError({ status: 404, code: 'not_found', message: `No API key ${request.params.id}.` });
    await auditLog?.record({
      actor: request.user!,
      action: 'api_key_revoked',
      status: 'ok',
      detail: { apiKeyId: request.params.id, name: revoked.name },
    });
    response.status(204).end();
  });
  return router;
}
