import { runResultSchema } from '../contracts/index.js';
import { cutText, normalizeRunResult, runResultLimits } from './normalize-run-result.js';

const sqlSchema = {
  type: 'object',
  properties: {
    columns: { type: 'array', items: { type: 'object' } },
    rows: { type: 'array', items: { type: 'array' } },
    row_count: { type: 'number' },
  },
};

describe('normalizeRunResult', () => {
  it('reads the SQL shape: column names from their descriptions, rows as they are', () => {
    const result = normalizeRunResult({
      structured: {
        columns: [
          { name: 'id', type: 'LONG' },
          { name: 'total', type: 'NEWDECIMAL', format: 'decimal' },
        ],
        rows: [
          [1, '9.50'],
          [2, '3.00'],
        ],
        row_count: 2,
        truncated: false,
      },
      outputSchema: sqlSchema,
      text: 'a table as text',
    });
    expect(result).toEqual({
      columns: ['id', 'total'],
      rows: [
        [1, '9.50'],
        [2, '3.00'],
      ],
      row_count: 2,
      truncated: false,
      text: null,
    });
    expect(runResultSchema.parse(result)).toEqual(result);
  });

  it('reads an array of objects as rows in the order keys were first seen, a missing value as null', () => {
    const result = normalizeRunResult({
      structured: {
        issues: [
          { key: 'A-1', status: 'Open' },
          { key: 'A-2', assignee: 'Sam' },
        ],
        total: 40,
      },
      outputSchema: {
        type: 'object',
        properties: { issues: { type: 'array', items: { type: 'object' } }, total: { type: 'number' } },
      },
    });
    expect(result.columns).toEqual(['key', 'status', 'assignee']);
    expect(result.rows).toEqual([
      ['A-1', 'Open', null],
      ['A-2', null, 'Sam'],
    ]);
    // The source's own total, not just the rows it returned.
    expect(result.row_count).toBe(40);
  });

  it('passes on that the source itself left rows out', () => {
    const result = normalizeRunResult({
      structured: { columns: [{ name: 'n' }], rows: [[1], [2]], row_count: 2, truncated: true },
      outputSchema: sqlSchema,
    });
    expect(result).toMatchObject({ rows: [[1], [2]], row_count: 2, truncated: true });
  });

  it('finds the table from the value itself when the tool declares no output schema', () => {
    const result = normalizeRunResult({ structured: { columns: ['n'], rows: [[600]] } });
    expect(result).toMatchObject({ columns: ['n'], rows: [[600]], row_count: 1 });
  });

  it('keeps at most 1,000 rows and says so', () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => [index, `name ${index}`]);
    const result = normalizeRunResult({ structured: { columns: ['id', 'name'], rows }, outputSchema: sqlSchema });
    expect(result.rows).toHaveLength(runResultLimits.rows);
    expect(result.rows![999]).toEqual([999, 'name 999']);
    expect(result.row_count).toBe(2_500);
    expect(result.truncated).toBe(true);
  });

  it('keeps the first rows within 512 KB of JSON, a single huge row too', () => {
    const big = 'x'.repeat(100_000);
    const rows = Array.from({ length: 20 }, (_, index) => [index, big]);
    const result = normalizeRunResult({ structured: { columns: ['id', 'body'], rows }, outputSchema: sqlSchema });
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThanOrEqual(runResultLimits.bytes);
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    const huge = normalizeRunResult({
      structured: { columns: ['body'], rows: [['y'.repeat(600_000)]] },
      outputSchema: sqlSchema,
    });
    expect(huge).toMatchObject({ rows: [], row_count: 1, truncated: true });
  });

  it('keeps text without a table, cut to 16 KB without splitting a character', () => {
    expect(normalizeRunResult({ text: 'Done.' })).toEqual({
      columns: null,
      rows: null,
      row_count: null,
      truncated: false,
      text: 'Done.',
    });
    const long = normalizeRunResult({ text: 'é'.repeat(20_000) });
    expect(long.truncated).toBe(true);
    expect(Buffer.byteLength(long.text!)).toBeLessThanOrEqual(runResultLimits.textBytes);
    expect(long.text).toMatch(/^é+$/);
    expect(normalizeRunResult({ structured: { note: 'no table here' } }).text).toBeNull();
  });

  it('never cuts inside a character of four bytes', () => {
    const cut = cutText({ text: 'ab😀😀', maxBytes: 7 });
    expect(cut).toEqual({ text: 'ab😀', cut: true });
    expect(cutText({ text: 'short', maxBytes: 5 })).toEqual({ text: 'short', cut: false });
  });
});
