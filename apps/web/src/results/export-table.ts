import type { ResultTableData } from './result-to-table.js';

/** Offers a file to the browser's downloads. */
export function downloadFile({ name, type, content }: { name: string; type: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** CSV with RFC 4180 quoting (papaparse, loaded when someone exports). */
export async function tableToCsv({ table }: { table: ResultTableData }): Promise<string> {
  const { unparse } = await import('papaparse');
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: exported data must stay data.
  const safe = (cell: unknown) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  return unparse({ fields: table.columns, data: table.rows.map((row) => row.map(safe)) });
}

export function tableToJson({ table }: { table: ResultTableData }): string {
  return JSON.stringify(
    table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null]))),
    null,
    2,
  );
}
