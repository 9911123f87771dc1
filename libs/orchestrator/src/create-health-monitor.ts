import type { DatasourceHealth } from './datasource-health.js';
import { describeCheckFailure, redactConfiguredValues } from './describe-check-failure.js';

export interface CheckOutcome {
  ok: boolean;
  output: string;
}

export interface HealthMonitor {
  /** The current health; the first call starts the checks. */
  current(): DatasourceHealth;
  /** Checks now and then every interval (once; later calls do nothing). */
  start(): void;
  /** Checks now (joining a check in flight) and resolves with its outcome and the health it led to. */
  refresh(): Promise<{ outcome: CheckOutcome; health: DatasourceHealth }>;
  /** A tool call failed in a way that may mean the source is down (its code, or the connector itself). */
  reportCallFailure(reason: string): void;
  /** A tool call has been running for long: the source may hang or be gone without a word. */
  reportSlowCall(): void;
  /** A tool call reached the source (even one the source refused). */
  reportCallSuccess(): void;
  close(): void;
}

export interface HealthMonitorOptions {
  /** The connector's own check; resolves (never rejects) with whether it passed and what it printed. */
  check: (options: { timeoutMs: number; signal: AbortSignal }) => Promise<CheckOutcome>;
  environment: Record<string, string>;
  intervalMs: number;
  /** How long after a failed call the check runs: a burst of failures leads to one check. */
  failureDelayMs: number;
  /** The least time between two checks that failed calls ask for. */
  failureGapMs: number;
  /** A check slower than this reports degraded. */
  slowCheckMs: number;
  checkTimeoutMs: number;
  onChange: (health: DatasourceHealth) => void;
}

/**
 * One datasource's health, from its connector's own check: run when first asked for, every interval, and
 * soon after a failed call. At most one check runs at a time; its timers never keep the process alive.
 */
export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  let health: DatasourceHealth = { status: 'checking', reason: null, checkedAt: null, latencyMs: null };
  let inFlight: Promise<{ outcome: CheckOutcome; health: DatasourceHealth }> | undefined;
  let lastCheckStartedAt = 0;
  let lastCallFailure: { at: number; reason: string } | undefined;
  let interval: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  let started = false;
  let closed = false;
  const stopping = new AbortController();

  const update = (next: DatasourceHealth) => {
    const changed = next.status !== health.status || next.reason !== health.reason;
    health = next;
    if (changed) options.onChange(next);
  };

  const judge = ({ outcome, latencyMs }: { outcome: CheckOutcome; latencyMs: number }): DatasourceHealth => {
    const checked = { checkedAt: new Date().toISOString(), latencyMs };
    if (!outcome.ok) {
      // The source being down explains the calls that failed.
      lastCallFailure = undefined;
      return {
        status: 'unreachable',
        reason: describeCheckFailure({ output: outcome.output, environment: options.environment }),
        ...checked,
      };
    }
    if (lastCallFailure && Date.now() - lastCallFailure.at <= options.intervalMs) {
      const reason = `The check passes but calls fail: ${lastCallFailure.reason}`;
      return {
        status: 'degraded',
        reason: redactConfiguredValues({ text: reason, environment: options.environment }),
        ...checked,
      };
    }
    if (latencyMs > options.slowCheckMs) {
      return { status: 'degraded', reason: `The check took ${(latencyMs / 1000).toFixed(1)} s.`, ...checked };
    }
    return { status: 'connected', reason: null, ...checked };
  };

  const runCheck = () => {
    if (inFlight) return inFlight;
    lastCheckStartedAt = Date.now();
    const began = performance.now();
    inFlight = options
      .check({ timeoutMs: options.checkTimeoutMs, signal: stopping.signal })
      .catch((error: unknown) => ({ ok: false, output: (error as Error).message }))
      .then((outcome) => {
        if (!closed) update(judge({ outcome, latencyMs: Math.round(performance.now() - began) }));
        return { outcome, health };
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const checkSoon = () => {
    if (closed || soon) return;
    const wait = Math.max(options.failureDelayMs, lastCheckStartedAt + options.failureGapMs - Date.now());
    soon = setTimeout(() => {
      soon = undefined;
      // A check that began before the failure may have passed just before the source went down: check again after it.
      const current = inFlight;
      if (current) void current.then(() => checkSoon());
      else void runCheck();
    }, wait);
    soon.unref();
  };

  const start = () => {
    if (started || closed) return;
    started = true;
    if (health.checkedAt === null) void runCheck();
    interval = setInterval(() => void runCheck(), options.intervalMs);
    interval.unref();
  };

  return {
    current() {
      start();
      return health;
    },
    start,
    refresh: () => runCheck(),
    reportCallFailure(reason) {
      lastCallFailure = { at: Date.now(), reason };
      checkSoon();
    },
    reportSlowCall: () => checkSoon(),
    reportCallSuccess() {
      const wasFailing = lastCallFailure !== undefined;
      lastCallFailure = undefined;
      if (wasFailing || (health.status !== 'connected' && health.status !== 'checking')) checkSoon();
    },
    close() {
      closed = true;
      clearInterval(interval);
      clearTimeout(soon);
      stopping.abort();
    },
  };
}
