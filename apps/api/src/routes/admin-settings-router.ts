import { Router } from 'express';
import type { AppSettingsStore } from '../audit/app-settings.js';
import { actingUser } from '../audit/acting-user.js';
import type { AuditLog } from '../audit/audit-log.js';
import { requireAdmin } from '../audit/require-admin.js';
import { updateAppSettingsRequestSchema, type AppSettings } from '../contracts/index.js';

/** `GET /api/admin/settings` and `PATCH` (audited as `settings_updated`): the audit retention in days. Admins only. */
export function adminSettingsRouter({
  settings,
  auditLog,
}: {
  settings: AppSettingsStore;
  auditLog: AuditLog;
}): Router {
  const router = Router();
  router.use(requireAdmin);
  router.get('/', async (_request, response) => {
    const body: AppSettings = await settings.get();
    response.json(body);
  });
  router.patch('/', async (request, response) => {
    const changes = updateAppSettingsRequestSchema.parse(request.body);
    const user = actingUser(request);
    const body: AppSettings = await settings.update({ changes, user });
    await auditLog.record({
      actor: user,
      action: 'settings_updated',
      status: 'ok',
      detail: { changed: Object.keys(changes), ...changes },
    });
    response.json(body);
  });
  return router;
}
