import type { RunDiff, RunResult } from '../contracts/index.js';

/** How many rows of each kind a diff lists (its counts cover every kept row). */
export const diffListLimit = 50;

type Row = unknown[];

const rowText = (row: Row) => JSON.stringify(row);

/** The previous run's rows with the current columns, in their order (a column it did not have is null). */
function alignRows({ rows, from, to }: { rows: Row[]; from: string[]; to: string[] }): Row[] {
  if (from.length === to.length && from.every((column, index) => column === to[index])) return rows;
  const positions = to.map((column) => from.indexOf(column));
  return rows.map((row) => positions.map((position) => (position === -1 ? null : (row[position] ?? null))));
}

const uniqueAt = ({ rows, index }: { rows: Row[]; index: number }) =>
  new Set(rows.map((row) => JSON.stringify(row[index] ?? null))).size === rows.length;

/**
 * The column that identifies a row: `id`, else a column named like `customer_id` or `customerId`, else the
 * first column; whichever is picked must hold unique values in both runs, else whole rows are compared.
 */
export function chooseKeyColumn({ columns, rows }: { columns: string[]; rows: Row[][] }): number | null {
  const candidates = [
    columns.indexOf('id'),
    columns.findIndex((column) => column.endsWith('_id') || /[a-z0-9]Id$/.test(column)),
    0,
  ].filter((index) => index >= 0 && index < columns.length);
  const key = candidates[0];
  if (key === undefined) return null;
  return rows.every((set) => uniqueAt({ rows: set, index: key })) ? key : null;
}

function emptyDiff({ key, columns }: { key: string | null; columns: string[] }): RunDiff {
  return {
    added: 0,
    removed: 0,
    changed: 0,
    key,
    columns,
    added_rows: [],
    removed_rows: [],
    changed_rows: [],
    truncated: false,
  };
}

function diffByKey({ previous, current, key }: { previous: Row[]; current: Row[]; key: number }) {
  const keyOf = (row: Row) => JSON.stringify(row[key] ?? null);
  const before = new Map(previous.map((row) => [keyOf(row), row]));
  const after = new Map(current.map((row) => [keyOf(row), row]));
  const added = current.filter((row) => !before.has(keyOf(row)));
  const removed = previous.filter((row) => !after.has(keyOf(row)));
  const changed = current.flatMap((row) => {
    const old = before.get(keyOf(row));
    return old && rowText(old) !== rowText(row) ? [{ before: old, after: row }] : [];
  });
  return { added, removed, changed };
}

/** Whole rows as a multiset: a row present twice before and once now was removed once. */
function diffWholeRows({ previous, current }: { previous: Row[]; current: Row[] }) {
  const remaining = new Map<string, number>();
  for (const row of previous) remaining.set(rowText(row), (remaining.get(rowText(row)) ?? 0) + 1);
  const added: Row[] = [];
  for (const row of current) {
    const left = remaining.get(rowText(row)) ?? 0;
    if (left > 0) remaining.set(rowText(row), left - 1);
    else added.push(row);
  }
  const removed: Row[] = [];
  for (const row of previous) {
    const left = remaining.get(rowText(row)) ?? 0;
    if (left > 0) {
      remaining.set(rowText(row), left - 1);
      removed.push(row);
    }
  }
  return { added, removed, changed: [] as Array<{ before: Row; after: Row }> };
}

/**
 * What changed since the previous run: rows added, removed and changed (by a key column when there is one,
 * else whole rows), or for a result without a table whether its text changed. Null without a previous run,
 * or when one run has a table and the other has not.
 */
export function diffResults({
  previous,
  current,
}: {
  previous: RunResult | null | undefined;
  current: RunResult | null | undefined;
}): RunDiff | null {
  if (!previous || !current) return null;
  const previousTable = previous.columns !== null && previous.rows !== null;
  const currentTable = current.columns !== null && current.rows !== null;
  if (!previousTable && !currentTable) {
    if (previous.text === null && current.text === null) return null;
    return { ...emptyDiff({ key: null, columns: [] }), changed: previous.text === current.text ? 0 : 1 };
  }
  if (!previousTable || !currentTable) return null;
  const columns = current.columns!;
  const currentRows = current.rows!;
  const previousRows = alignRows({ rows: previous.rows!, from: previous.columns!, to: columns });
  const key = chooseKeyColumn({ columns, rows: [previousRows, currentRows] });
  const { added, removed, changed } =
    key === null
      ? diffWholeRows({ previous: previousRows, current: currentRows })
      : diffByKey({ previous: previousRows, current: currentRows, key });
  return {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    key: key === null ? null : columns[key]!,
    columns,
    added_rows: added.slice(0, diffListLimit),
    removed_rows: removed.slice(0, diffListLimit),
    changed_rows: changed.slice(0, diffListLimit),
    truncated: [added, removed, changed].some((list) => list.length > diffListLimit),
  };
}
