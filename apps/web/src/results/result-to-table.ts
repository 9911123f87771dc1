export type Cell = string | number | boolean | null;

export interface ResultTableData {
  columns: string[];
  rows: Cell[][];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function fromObjects(objects: Array<Record<string, unknown>>): ResultTableData {
  const columns: string[] = [];
  for (const object of objects) for (const key of Object.keys(object)) if (!columns.includes(key)) columns.push(key);
  return { columns, rows: objects.map((object) => columns.map((column) => toCell(object[column]))) };
}

/**
 * Finds the rows in a tool's structured result: `{ columns, rows }` (SQL results), an array of objects,
 * or the first property holding one (`{ objects: [...] }`, `{ issues: [...] }`). Anything else is not a
 * table and is shown as JSON.
 */
export function resultToTable({ result }: { result: unknown }): ResultTableData | undefined {
  if (isPlainObject(result) && Array.isArray(result.columns) && Array.isArray(result.rows)) {
    const columns = result.columns.map((column) =>
      isPlainObject(column) ? String(column.name ?? '') : String(column),
    );
    const rows = result.rows.map((row) =>
      Array.isArray(row)
        ? row.map(toCell)
        : isPlainObject(row)
          ? columns.map((column) => toCell(row[column]))
          : [toCell(row)],
    );
    return { columns, rows };
  }
  if (Array.isArray(result) && result.length > 0 && result.every(isPlainObject)) return fromObjects(result);
  if (isPlainObject(result)) {
    for (const value of Object.values(result))
      if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return fromObjects(value);
  }
  return undefined;
}
