import { renderTable } from './render-table.js';

describe('renderTable', () => {
  it('renders a header, tab-separated rows and a row count', () => {
    const table = renderTable({
      columns: ['id', 'name', 'note'],
      rows: [
        { id: 1, name: 'Ada', note: null },
        { id: 2, name: 'Grace', note: 'line\nbreak\tand tab' },
      ],
      maxChars: 1000,
    });
    expect(table.text).toBe('id\tname\tnote\n1\tAda\tNULL\n2\tGrace\tline\\nbreak\\tand tab\n(2 rows)');
    expect(table).toMatchObject({ shownRows: 2, truncated: false });
  });

  it('accepts rows as arrays and renders dates as ISO 8601 and objects as JSON', () => {
    const table = renderTable({
      columns: ['when', 'what'],
      rows: [[new Date('2026-11-24T10:00:00Z'), { a: 1 }]],
      maxChars: 1000,
    });
    expect(table.text).toContain('2026-11-24T10:00:00.000Z\t{"a":1}');
  });

  it('stops adding rows at the budget and says how to get the rest', () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({ id: index, name: `name number ${index}` }));
    const table = renderTable({ columns: ['id', 'name'], rows, maxChars: 2000, hint: 'Pass cursor "abc".' });
    expect(table.text.length).toBeLessThanOrEqual(2000);
    expect(table.truncated).toBe(true);
    expect(table.shownRows).toBeGreaterThan(10);
    expect(table.shownRows).toBeLessThan(1000);
    expect(table.text.split('\n').at(-1)).toBe(
      `[truncated: showing ${table.shownRows} of 1000 rows. Pass cursor "abc".]`,
    );
  });

  it('reports a larger known total even when every given row fits', () => {
    const table = renderTable({ columns: ['n'], rows: [{ n: 1 }, { n: 2 }], maxChars: 1000, totalRows: '1000000+' });
    expect(table.truncated).toBe(true);
    expect(table.text).toContain('showing 2 of 1000000+ rows');
  });

  it('clips very long cells', () => {
    const table = renderTable({ columns: ['text'], rows: [{ text: 'x'.repeat(5000) }], maxChars: 10_000 });
    expect(table.text.split('\n')[1]).toHaveLength(200);
    expect(table.text.split('\n')[1]!.endsWith('…')).toBe(true);
  });
});
