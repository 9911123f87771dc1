import { metricsChartData } from './metrics-chart-data.js';
import { runSummary } from './schedule-test-data.js';

describe('metricsChartData', () => {
  it('plots successful runs oldest first, a series per metric, far scales on the right axis', () => {
    const data = metricsChartData({
      runs: [
        runSummary({ id: 'r3', started_at: '2026-11-29T09:00:00Z', metrics: { row_count: 1, 'total.eur': 2500.5 } }),
        runSummary({ id: 'r2', status: 'error', started_at: '2026-11-29T08:00:00Z', metrics: {} }),
        runSummary({ id: 'r1', started_at: '2026-11-29T07:00:00Z', metrics: { row_count: 1, 'total.eur': 1800 } }),
      ],
    })!;
    expect(data.xScale).toBe('time');
    expect(data.points).toEqual([
      { time: Date.parse('2026-11-29T07:00:00Z'), m0: 1, m1: 1800 },
      { time: Date.parse('2026-11-29T09:00:00Z'), m0: 1, m1: 2500.5 },
    ]);
    expect(data.series).toEqual([
      { key: 'm0', label: 'Row count', kind: 'integer', axis: 'right' },
      { key: 'm1', label: 'Total.eur', kind: 'number', axis: 'left' },
    ]);
  });

  it('draws nothing below two measured runs', () => {
    expect(metricsChartData({ runs: [runSummary()] })).toBeUndefined();
    expect(metricsChartData({ runs: [] })).toBeUndefined();
  });
});
