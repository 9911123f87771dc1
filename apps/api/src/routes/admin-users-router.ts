import { Router } from 'express';
import { ApiError } from '../api-error.js';
import type { AuditLog } from '../audit/audit-log.js';
import { effectiveRole, toAdminUser } from '../auth/user-row.js';
import type { UserStore } from '../auth/user-store.js';
import { updateUserRequestSchema, type AdminUser, type AdminUsersResponse } from '../contracts/index.js';

/** `GET /api/admin/users` and `PATCH /api/admin/users/:id` (role override, disabled); admins only. */
export function adminUsersRouter({ users, auditLog }: { users: UserStore; auditLog?: AuditLog }): Router {
  const router = Router();
  router.get('/', async (_request, response) => {
    const body: AdminUsersResponse = { users: (await users.list()).map(toAdminUser) };
    response.json(body);
  });
  router.patch('/:id', async (request, response) => {
    const change = updateUserRequestSchema.parse(request.body ?? {});
    const existing = await users.find({ id: request.params.id });
    if (!existing) throw new ApiError({ status: 404, code: 'not_found', message: `No user ${request.params.id}.` });
    if (existing.id === request.user!.id) {
      const roleAfter = effectiveRole({
        role: existing.role,
        role_override: change.roleOverride === undefined ? existing.role_override : change.roleOverride,
      });
      // An admin who locks themself out may leave nobody able to undo it.
      if (change.disabled === true || roleAfter !== 'admin')
        throw new ApiError({
          status: 409,
          code: 'self_change',
          message: 'You cannot disable yourself or take away your own admin role; ask another admin.',
        });
    }
    const updated = await users.update({
      id: existing.id,
      ...(change.roleOverride !== undefined ? { roleOverride: change.roleOverride } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    });
    if (!updated) throw new ApiError({ status: 404, code: 'not_found', message: `No user ${request.params.id}.` });
    await auditLog?.record({
      actor: request.user!,
      action: 'user_updated',
      status: 'ok',
      detail: { userId: updated.id, userName: updated.name, changed: Object.keys(change), ...change },
    });
    const body: AdminUser = toAdminUser(updated);
    response.json(body);
  });
  return router;
}
