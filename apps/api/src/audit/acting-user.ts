import type { Request } from 'express';
import type { RequestUser } from '../auth/request-user.js';

/**
 * Who is asking: `request.user` as the authentication middleware set it. Before that middleware ran (an app
 * built without it) the owner id stands for an API key user, as keys were the only identity then.
 */
export function actingUser(request: Request): RequestUser {
  if (request.user) return request.user;
  const id = request.owner ?? 'local';
  return id === 'local'
    ? { id, name: 'Local user', email: null, role: 'admin', groups: [], authMethod: 'local' }
    : { id, name: `API key …${id.slice(-4)}`, email: null, role: 'admin', groups: [], authMethod: 'environment_key' };
}
