import type { RequestUser } from '../auth/request-user.js';

/** Who may use a datasource and who may approve its writes: group names, or null for no restriction. */
export interface DatasourceAccess {
  use: string[] | null;
  approve: string[] | null;
}

/** Who can ask (the same values as the auth middleware's mode): access rules do not apply in local mode. */
export type AccessMode = 'local' | 'api_keys' | 'oidc';

export const unrestrictedAccess: DatasourceAccess = { use: null, approve: null };

const sharesGroup = ({ user, groups }: { user: Pick<RequestUser, 'groups'>; groups: string[] }) =>
  user.groups.some((group) => groups.includes(group));

/** Local mode is one person; admins use everything; otherwise a restricted datasource needs one of its groups. */
export function canUseDatasource({
  user,
  access,
  mode,
}: {
  user: Pick<RequestUser, 'role' | 'groups'>;
  access: DatasourceAccess;
  mode: AccessMode;
}): boolean {
  if (mode === 'local' || user.role === 'admin' || access.use === null) return true;
  return sharesGroup({ user, groups: access.use });
}

/**
 * Without approve groups only the run's owner approves its writes (as before teams); with them, any member
 * of those groups who may use the datasource, whoever started the run.
 */
export function canApproveDatasource({
  user,
  access,
  runOwnerId,
  mode,
}: {
  user: Pick<RequestUser, 'id' | 'role' | 'groups'>;
  access: DatasourceAccess;
  runOwnerId: string;
  mode: AccessMode;
}): boolean {
  if (mode === 'local') return true;
  if (!canUseDatasource({ user, access, mode })) return false;
  if (access.approve === null) return user.id === runOwnerId;
  return sharesGroup({ user, groups: access.approve });
}
