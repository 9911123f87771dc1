import type { ColumnKind } from './column-kind.js';

export interface TypedColumn {
  /** The property or SQL column name, as the tool returns it. */
  key: string;
  /** The header people read: the schema's title, else the key in words. */
  label: string;
  kind: ColumnKind;
}

/** Rows of raw values (money stays `{ amount, currency_code }`), typed by their columns. */
export interface TypedTable {
  /** Where the rows sit in the result (`orders`, `rows`), to tell several tables apart. */
  name: string;
  columns: TypedColumn[];
  rows: unknown[][];
}
