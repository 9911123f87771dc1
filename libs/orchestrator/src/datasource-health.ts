/**
 * checking: no check has finished yet; connected: the connector's own check passes; degraded: the check
 * passes but calls fail, or the check is slow; unreachable: the check fails or the connector cannot start.
 */
export type HealthStatus = 'checking' | 'connected' | 'degraded' | 'unreachable';

/** A datasource's live status, from its source's health rather than from whether the connector process runs. */
export interface DatasourceHealth {
  status: HealthStatus;
  /** Why it is not connected, in plain words; never a secret or a configuration value. */
  reason: string | null;
  /** When the last check finished (ISO 8601). */
  checkedAt: string | null;
  /** How long the last check took, including starting the connector's check process. */
  latencyMs: number | null;
}

export type HealthChangeListener = (change: { datasourceId: string; health: DatasourceHealth }) => void;
