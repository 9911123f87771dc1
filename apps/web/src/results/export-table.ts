import { decimalToExactNumber, isDecimalText } from './decimal-text.js';
import { isMoney } from './format-value.js';
import type { TypedColumn, TypedTable } from './typed-table.js';

/** Offers a file to the browser's downloads. */
export function downloadFile({ name, type, content }: { name: string; type: string | Blob; content?: string }): void {
  const blob = typeof type === 'string' ? new Blob([content ?? ''], { type }) : type;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

type CsvCell = string | number | boolean | null;

/** The CSV columns of one typed column: money becomes an amount column and a currency column. */
function csvHeaders(column: TypedColumn): string[] {
  return column.kind === 'money' ? [`${column.key}_amount`, `${column.key}_currency`] : [column.key];
}

// A leading =, +, - or @ makes spreadsheets run a cell as a formula: exported text must stay data. Numbers
// (a negative amount) are data already and stay as they are.
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvCells({ value, column }: { value: unknown; column: TypedColumn }): CsvCell[] {
  if (column.kind === 'money') return isMoney(value) ? [value.amount, value.currency_code] : [null, null];
  if (value === null || value === undefined) return [null];
  if (typeof value === 'number' || typeof value === 'boolean') return [value];
  // The plain decimal text ("1234.50"), never a grouped or quoted display string.
  if (typeof value === 'string' && isDecimalText(value) && column.kind !== 'text' && column.kind !== 'identifier')
    return [value.trim()];
  if (typeof value === 'string') return [defuse(value)];
  if (Array.isArray(value) && column.kind === 'list') return [defuse(value.map(String).join(', '))];
  return [defuse(JSON.stringify(value))];
}

/** CSV with RFC 4180 quoting (papaparse, loaded when someone exports): raw values, money split in two. */
export async function tableToCsv({ table }: { table: TypedTable }): Promise<string> {
  const { unparse } = await import('papaparse');
  return unparse({
    fields: table.columns.flatMap(csvHeaders),
    data: table.rows.map((row) => table.columns.flatMap((column, index) => csvCells({ value: row[index], column }))),
  });
}

const numericKinds = new Set(['decimal', 'integer', 'number', 'bytes', 'milliseconds']);

/** Numbers stay numbers where that loses nothing; a decimal with more digits than a double holds stays text. */
function jsonValue({ value, column }: { value: unknown; column: TypedColumn }): unknown {
  if (value === undefined) return null;
  if (column.kind === 'money' && isMoney(value))
    return { amount: decimalToExactNumber(value.amount) ?? value.amount, currency_code: value.currency_code };
  if (numericKinds.has(column.kind) && typeof value === 'string') return decimalToExactNumber(value) ?? value;
  return value;
}

export function tableToJson({ table }: { table: TypedTable }): string {
  return JSON.stringify(
    table.rows.map((row) =>
      Object.fromEntries(table.columns.map((column, index) => [column.key, jsonValue({ value: row[index], column })])),
    ),
    null,
    2,
  );
}
