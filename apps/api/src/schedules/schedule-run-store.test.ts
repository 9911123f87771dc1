import type { ScheduleRunRow } from './schedule-rows.js';
import { summarizeRun, toRunSummary } from './schedule-run-store.js';

const table = (rows: unknown[][], rowCount: number | null = rows.length) => ({
  columns: ['id'],
  rows,
  row_count: rowCount,
  truncated: false,
  text: null,
});

describe('summarizeRun', () => {
  it('gives the error, the rows, or the first line of the text', () => {
    expect(summarizeRun({ error: { code: 'timeout', message: 'The query timed out.' }, result: null })).toBe(
      'The query timed out.',
    );
    expect(summarizeRun({ error: null, result: table([[1], [2]]) })).toBe('2 rows');
    expect(summarizeRun({ error: null, result: table([[1]]) })).toBe('1 row');
    expect(summarizeRun({ error: null, result: table([], 0) })).toBe('0 rows');
    // The source's own total, when it told us (the kept rows may be fewer).
    expect(summarizeRun({ error: null, result: table([[1]], 1200) })).toBe('1200 rows');
    expect(
      summarizeRun({
        error: null,
        result: {
          columns: null,
          rows: null,
          row_count: null,
          truncated: false,
          text: '\nThree products are low.\nDetails…',
        },
      }),
    ).toBe('Three products are low.');
    const long = summarizeRun({
      error: null,
      result: { columns: null, rows: null, row_count: null, truncated: false, text: 'x'.repeat(500) },
    });
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(summarizeRun({ error: null, result: null })).toBe('No result');
  });
});

describe('toRunSummary', () => {
  it('measures the duration and keeps only the counts of the diff', () => {
    const row: ScheduleRunRow = {
      id: 'r1',
      schedule_id: 's1',
      due_at: new Date('2026-01-01T09:00:00Z'),
      trigger: 'schedule',
      status: 'ok',
      attempt: 1,
      started_at: new Date('2026-01-01T09:00:01.250Z'),
      finished_at: new Date('2026-01-01T09:00:03.000Z'),
      result: table([[1], [2], [3]]),
      diff: {
        added: 1,
        removed: 0,
        changed: 2,
        key: 'id',
        columns: ['id'],
        added_rows: [[3]],
        removed_rows: [],
        changed_rows: [],
        truncated: false,
      },
      metrics: { row_count: 3 },
      error: null,
      usage: null,
    };
    expect(toRunSummary(row)).toEqual({
      id: 'r1',
      schedule_id: 's1',
      status: 'ok',
      trigger: 'schedule',
      due_at: '2026-01-01T09:00:00.000Z',
      started_at: '2026-01-01T09:00:01.250Z',
      finished_at: '2026-01-01T09:00:03.000Z',
      duration_ms: 1750,
      attempt: 1,
      row_count: 3,
      summary: '3 rows',
      diff: { added: 1, removed: 0, changed: 2 },
      metrics: { row_count: 3 },
      error: null,
      usage: null,
    });
  });
});
