import { tableToCsv, tableToJson } from './export-table.js';
import type { TypedTable } from './typed-table.js';

const table: TypedTable = {
  name: 'orders',
  columns: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'total', label: 'Total', kind: 'money' },
    { key: 'price', label: 'Price', kind: 'decimal' },
    { key: 'count', label: 'Count', kind: 'integer' },
    { key: 'assignee', label: 'Assignee', kind: 'text' },
  ],
  rows: [
    ['#1001', { amount: '1234.50', currency_code: 'EUR' }, '-19.90', 2, null],
    ['=HYPERLINK("x")', { amount: '12345678901234567.89', currency_code: 'USD' }, '12345678901234567.89', 3, 'Ana'],
  ],
};

describe('exports', () => {
  it('JSON keeps numbers as numbers where that is lossless, and text where it is not', () => {
    expect(JSON.parse(tableToJson({ table }))).toEqual([
      { name: '#1001', total: { amount: 1234.5, currency_code: 'EUR' }, price: -19.9, count: 2, assignee: null },
      {
        name: '=HYPERLINK("x")',
        total: { amount: '12345678901234567.89', currency_code: 'USD' },
        price: '12345678901234567.89',
        count: 3,
        assignee: 'Ana',
      },
    ]);
  });

  it('CSV writes plain decimal text, money as amount and currency columns, and defuses formulas', async () => {
    expect((await tableToCsv({ table })).split('\r\n')).toEqual([
      'name,total_amount,total_currency,price,count,assignee',
      '#1001,1234.50,EUR,-19.90,2,',
      `"'=HYPERLINK(""x"")",12345678901234567.89,USD,12345678901234567.89,3,Ana`,
    ]);
  });
});
