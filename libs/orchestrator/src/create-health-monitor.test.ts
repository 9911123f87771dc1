import { setTimeout as delay } from 'node:timers/promises';
import { createHealthMonitor, type CheckOutcome, type HealthMonitorOptions } from './create-health-monitor.js';
import type { DatasourceHealth } from './datasource-health.js';

/** A check whose outcomes the test hands out one by one, counting how many ran and how many overlapped. */
function scriptedCheck() {
  const waiting: Array<(outcome: CheckOutcome) => void> = [];
  let running = 0;
  const counts = { calls: 0, mostAtOnce: 0 };
  const signals: AbortSignal[] = [];
  const check: HealthMonitorOptions['check'] = ({ signal }) => {
    signals.push(signal);
    counts.calls += 1;
    running += 1;
    counts.mostAtOnce = Math.max(counts.mostAtOnce, running);
    return new Promise<CheckOutcome>((resolve) =>
      waiting.push((outcome) => {
        running -= 1;
        resolve(outcome);
      }),
    );
  };
  const answer = async (outcome: CheckOutcome) => {
    for (let attempt = 0; attempt < 200 && waiting.length === 0; attempt += 1) await delay(5);
    waiting.shift()!(outcome);
    await delay(0);
  };
  return { check, counts, answer, signals };
}

function monitorWith(overrides: Partial<HealthMonitorOptions> = {}) {
  const script = scriptedCheck();
  const changes: DatasourceHealth[] = [];
  const monitor = createHealthMonitor({
    check: script.check,
    environment: { API_TOKEN: 'very-secret-token' },
    intervalMs: 60_000,
    failureDelayMs: 10,
    failureGapMs: 10,
    slowCheckMs: 10_000,
    checkTimeoutMs: 1000,
    onChange: (health) => changes.push(health),
    ...overrides,
  });
  return { monitor, changes, ...script };
}

const passing = { ok: true, output: 'ok: reached the source' };

describe('createHealthMonitor', () => {
  it('starts on first use, runs one check at a time, and reports changes only', async () => {
    const { monitor, changes, counts, answer } = monitorWith();
    expect(monitor.current().status).toBe('checking');
    const [first, second] = [monitor.refresh(), monitor.refresh()];
    await answer(passing);
    expect((await first).health).toBe((await second).health);
    expect(counts).toEqual({ calls: 1, mostAtOnce: 1 });
    expect(monitor.current()).toMatchObject({ status: 'connected', reason: null });
    const again = monitor.refresh();
    await answer(passing);
    await again;
    expect(changes.map((health) => health.status)).toEqual(['connected']);
    monitor.close();
  });

  it('turns unreachable with the reason, without configured values', async () => {
    const { monitor, answer } = monitorWith();
    const checked = monitor.refresh();
    await answer({ ok: false, output: 'bin: error: ACCESS_DENIED: token very-secret-token was refused' });
    expect((await checked).health).toMatchObject({ status: 'unreachable', reason: 'token [redacted] was refused' });
    monitor.close();
  });

  it('checks soon after a failed call, once for a burst, and calls failing while the check passes is degraded', async () => {
    const { monitor, counts, answer } = monitorWith();
    monitor.reportCallFailure('The source refused the connection');
    monitor.reportCallFailure('The source refused the connection');
    monitor.reportCallFailure('The source refused the connection');
    await answer(passing);
    expect(counts.calls).toBe(1);
    expect(monitor.current()).toMatchObject({
      status: 'degraded',
      reason: 'The check passes but calls fail: The source refused the connection',
    });
    // A call that works again is checked, and the check alone decides.
    monitor.reportCallSuccess();
    await answer(passing);
    expect(monitor.current().status).toBe('connected');
    monitor.close();
  });

  it('checks again after a check that began before a call failed', async () => {
    const { monitor, counts, answer } = monitorWith();
    const early = monitor.refresh();
    monitor.reportCallFailure('gone');
    await answer(passing);
    await early;
    await answer({ ok: false, output: 'bin: error: UPSTREAM_UNAVAILABLE: The server could not be reached.' });
    expect(counts.calls).toBe(2);
    expect(monitor.current()).toMatchObject({ status: 'unreachable', reason: 'The server could not be reached.' });
    monitor.close();
  });

  it('calls a slow check degraded', async () => {
    const { monitor, answer } = monitorWith({ slowCheckMs: 20 });
    const checked = monitor.refresh();
    await delay(40);
    await answer(passing);
    expect((await checked).health).toMatchObject({
      status: 'degraded',
      reason: expect.stringMatching(/^The check took /),
    });
    monitor.close();
  });

  it('checks every interval, and nothing more once closed', async () => {
    const { monitor, counts, answer, signals } = monitorWith({ intervalMs: 30 });
    monitor.start();
    await answer(passing);
    await answer(passing);
    expect(counts.calls).toBeGreaterThanOrEqual(2);
    monitor.close();
    const closedAt = counts.calls;
    monitor.reportCallFailure('after close');
    monitor.start();
    await delay(100);
    expect(counts.calls).toBe(closedAt);
    // A check still running is told to stop.
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
