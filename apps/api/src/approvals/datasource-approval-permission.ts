import {
  canApproveDatasource,
  canUseDatasource,
  unrestrictedAccess,
  type AccessMode,
  type DatasourceAccess,
} from '../access/datasource-access.js';
import type { CanDecideApproval } from './approval-permission.js';

/**
 * Who may answer an approval under the datasources' access rules (`canApproveDatasource`). Someone who may
 * not answer it learns why (403) when it is theirs, or when they may use a datasource with approve groups
 * (they could be added to one); anyone else is told it does not exist (404), like another user's chat.
 */
export function datasourceApprovalPermission({
  findAccess,
  mode,
}: {
  /** The datasource's current access rules; undefined when it is gone (then only the owner decides). */
  findAccess: (datasourceId: string) => Promise<DatasourceAccess | undefined> | DatasourceAccess | undefined;
  mode: AccessMode;
}): CanDecideApproval {
  return async ({ user, owner, datasource }) => {
    const access = (await findAccess(datasource)) ?? unrestrictedAccess;
    if (canApproveDatasource({ user, access, runOwnerId: owner, mode })) return { allowed: true };
    const mayUse = canUseDatasource({ user, access, mode });
    if (user.id !== owner && !(access.approve !== null && mayUse)) return { allowed: false, visible: false };
    const message =
      access.approve !== null && mayUse
        ? `Only members of ${access.approve.join(', ') || 'no group'} may approve writes to ${datasource}.`
        : `You may no longer use ${datasource}, so its writes cannot be approved by you.`;
    return { allowed: false, visible: true, message };
  };
}
