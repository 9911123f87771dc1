// The admin datasources API's wire contract, type-only from the API package like src/api/api-types.ts: a
// shape the API changes fails the web's typecheck.
// eslint-disable-next-line @nx/enforce-module-boundaries
export type {
  AdminDatasource,
  ConnectorKind,
  CreateAdminDatasourceRequest as DatasourceCreateBody,
  DatasourceAccessBody as DatasourceAccess,
  EnvironmentVariableFacts,
  UpdateAdminDatasourceRequest as DatasourceUpdateBody,
} from '@connectormcp/api/contracts';
export type { ConnectionTest } from '../../api/api-types.js';
