import { createResultByteBudget, type CastField } from './result-byte-budget.js';

const utf8Column = { name: 'text', characterSet: 45, encoding: 'utf8' };
const binaryColumn = { name: 'data', characterSet: 63, encoding: 'binary' };

function field({
  type,
  value,
  extendedFormat,
}: {
  type: string;
  value: string | Buffer | null;
  extendedFormat?: string;
}) {
  let reads = 0;
  const cast: CastField & { reads: () => number } = {
    type,
    ...(extendedFormat ? { extendedFormat } : {}),
    buffer: () => {
      reads += 1;
      return value === null ? null : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    },
    reads: () => reads,
  };
  return cast;
}

describe('createResultByteBudget', () => {
  it('cuts long text while it is parsed, by bytes and on a character boundary, and records the cut', () => {
    const budget = createResultByteBudget({ maxCellBytes: 8, maxResultBytes: 10_000 });
    budget.setColumns([utf8Column, utf8Column]);
    const first = budget.typeCast(field({ type: 'BLOB', value: 'ab€€€€' }), () => 'unused');
    const second = budget.typeCast(field({ type: 'VAR_STRING', value: 'short' }), () => 'unused');
    expect([first, second]).toEqual(['ab€€…', 'short']);
    expect(budget.admit([first, second])).toEqual({ admitted: true, row: ['ab€€…', 'short'] });
    expect(budget.cutCells).toEqual([{ row: 0, column: 0, bytes: 14 }]);
  });

  it('leaves short types to the driver and previews binary without decoding it', () => {
    const budget = createResultByteBudget({ maxCellBytes: 8, maxResultBytes: 10_000 });
    budget.setColumns([{ name: 'n', characterSet: 63 }, binaryColumn, utf8Column]);
    expect(budget.typeCast(field({ type: 'LONGLONG', value: '12' }), () => 12)).toBe(12);
    expect(budget.typeCast(field({ type: 'BLOB', value: Buffer.alloc(1000, 0xab) }), () => 'unused')).toBe(
      `0x${'ab'.repeat(32)}… (1000 bytes)`,
    );
    expect(budget.typeCast(field({ type: 'BLOB', value: null }), () => 'unused')).toBeNull();
    expect(budget.cutCells).toEqual([]);
  });

  it('parses JSON that fits, keeping big integers exact, and cuts JSON that does not as text', () => {
    const budget = createResultByteBudget({ maxCellBytes: 40, maxResultBytes: 10_000 });
    budget.setColumns([binaryColumn, utf8Column]);
    expect(budget.typeCast(field({ type: 'JSON', value: '{"id":9007199254740993,"a":[1]}' }), () => 0)).toEqual({
      id: '9007199254740993',
      a: [1],
    });
    expect(
      budget.typeCast(field({ type: 'BLOB', extendedFormat: 'json', value: `{"text":"${'x'.repeat(100)}"}` }), () => 0),
    ).toBe(`{"text":"${'x'.repeat(31)}…`);
  });

  it('refuses the row that would pass the result budget, and forgets the cuts made while reading it', () => {
    const budget = createResultByteBudget({ maxCellBytes: 100, maxResultBytes: 350 });
    budget.setColumns([utf8Column], { reservedBytes: 100 });
    const read = (text: string) => [budget.typeCast(field({ type: 'BLOB', value: text }), () => 'unused')];
    expect(budget.admit(read('a'.repeat(100))).admitted).toBe(true);
    expect(budget.admit(read('b'.repeat(100))).admitted).toBe(true);
    expect(budget.admit(read('c'.repeat(500)))).toEqual({ admitted: false });
    expect(budget.cutCells).toEqual([]);
    // Values that still arrive are skipped, not decoded.
    const late = field({ type: 'BLOB', value: 'd'.repeat(50) });
    expect(budget.typeCast(late, () => 'unused')).toBeNull();
    expect(late.reads()).toBe(1);
  });

  it('fits a first row wider than the whole budget by cutting its longest values to a fair share', () => {
    const budget = createResultByteBudget({ maxCellBytes: 4096, maxResultBytes: 1000 });
    budget.setColumns([utf8Column, utf8Column, utf8Column, utf8Column]);
    const values = ['x'.repeat(4000), 'short', 'y'.repeat(3000), 42];
    const row = values.map((value) =>
      typeof value === 'string' ? budget.typeCast(field({ type: 'BLOB', value }), () => 'unused') : value,
    );
    const result = budget.admit(row);
    expect(result.admitted).toBe(true);
    const admitted = (result as { row: unknown[] }).row;
    const records = budget.cutCells.map((cell) => ({ row: cell.row, column: 'text', bytes: cell.bytes }));
    expect(
      Buffer.byteLength(JSON.stringify(admitted)) + Buffer.byteLength(JSON.stringify(records)),
    ).toBeLessThanOrEqual(1000);
    expect(admitted[1]).toBe('short');
    expect(admitted[3]).toBe(42);
    expect(admitted[0]).toMatch(/^x+…$/);
    expect(admitted[2]).toMatch(/^y+…$/);
    expect(budget.cutCells).toEqual([
      { row: 0, column: 0, bytes: 4000 },
      { row: 0, column: 2, bytes: 3000 },
    ]);
  });
});
