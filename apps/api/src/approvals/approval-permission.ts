import type { RequestUser } from '../auth/request-user.js';

/** Whether a user may answer an approval; when not, whether they may know it exists, and why not. */
export type ApprovalPermission =
  { allowed: true } | { allowed: false; visible: false } | { allowed: false; visible: true; message: string };

/** Decides who may answer an approval of `owner`'s run for a write to `datasource`. */
export type CanDecideApproval = (options: {
  user: RequestUser;
  owner: string;
  datasource: string;
}) => ApprovalPermission | Promise<ApprovalPermission>;

/** Without datasource access rules: only the run's owner, and nobody else even learns of it. */
export const ownerDecidesApproval: CanDecideApproval = ({ user, owner }) =>
  user.id === owner ? { allowed: true } : { allowed: false, visible: false };
