import { apiConfigFromEnvironment } from './api-config.js';

describe('apiConfigFromEnvironment', () => {
  it('checks health every minute unless HEALTH_CHECK_INTERVAL_MS says otherwise, and never more than once a second', () => {
    expect(apiConfigFromEnvironment({ environment: {} }).healthCheckIntervalMs).toBe(60_000);
    expect(apiConfigFromEnvironment({ environment: { HEALTH_CHECK_INTERVAL_MS: '15000' } }).healthCheckIntervalMs).toBe(
      15_000,
    );
    expect(() => apiConfigFromEnvironment({ environment: { HEALTH_CHECK_INTERVAL_MS: '10' } })).toThrow(
      'HEALTH_CHECK_INTERVAL_MS: expected at least 1000, got "10"',
    );
    expect(() => apiConfigFromEnvironment({ environment: { HEALTH_CHECK_INTERVAL_MS: 'often' } })).toThrow(
      'HEALTH_CHECK_INTERVAL_MS',
    );
  });
});
