// The alerts API's wire contract, type-only from the API package like src/api/api-types.ts: a shape the API
// changes fails the web's typecheck.
// eslint-disable-next-line @nx/enforce-module-boundaries
export type {
  Alert,
  AlertCondition,
  AlertTestResponse,
  AlertsResponse,
  CreateAlertRequest,
  LastFiring,
  QuietHours,
  SavedAlertResponse,
  UpdateAlertRequest,
} from '@connectormcp/api/contracts';
