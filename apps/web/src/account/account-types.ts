// The API's account and approvals contract (CONTRACT-16), imported type-only like api-types.ts: nothing of
// the API is bundled, and a shape the API changes fails the web's typecheck.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { MeResponse, UserRoleName } from '@connectormcp/api/contracts';

// eslint-disable-next-line @nx/enforce-module-boundaries
export type {
  AdminUser,
  ApiKeySummary,
  CreatedApiKey,
  MeResponse,
  PendingApproval,
  UpdateUserRequest,
} from '@connectormcp/api/contracts';

export type UserRole = UserRoleName;
export type AuthMethod = MeResponse['authMethod'];
export type AuthMode = MeResponse['mode'];
