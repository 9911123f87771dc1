import { ConnectorError, renderTable, truncateJsonValue } from '@connectormcp/connector-kit';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { defineMysqlTool } from '../define-mysql-tool.js';
import type { MysqlContext } from '../mysql-context.js';
import { withReadOnlySession } from '../execute-read-only.js';
import { recordsOf } from '../read-records.js';

const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  default: z.string().nullable(),
  key: z.string(),
  extra: z.string(),
  comment: z.string(),
});
const indexSchema = z.object({ name: z.string(), unique: z.boolean(), columns: z.array(z.string()), type: z.string() });
const foreignKeySchema = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  referenced_table: z.string(),
  referenced_columns: z.array(z.string()),
  on_update: z.string(),
  on_delete: z.string(),
});

export const tableDescriptionSchema = z.object({
  database: z.string(),
  table: z.string(),
  type: z.string(),
  columns: z.array(columnSchema),
  primary_key: z.array(z.string()),
  indexes: z.array(indexSchema),
  foreign_keys: z.array(foreignKeySchema),
  create_statement: z.string().optional(),
});

export type TableDescription = z.infer<typeof tableDescriptionSchema>;

/** Shared with the `mysql://{database}/{table}/schema` resource. */
export async function describeTable({
  context,
  database,
  table,
  includeCreate,
  signal,
}: {
  context: MysqlContext;
  database: string;
  table: string;
  includeCreate: boolean;
  signal: AbortSignal;
}): Promise<TableDescription> {
  context.policy.assertReadable({ database, table });
  // One read-only session for all of it: the set-up and reset cost once, not per metadata query.
  const { kind, columns, indexRows, foreignRows, createStatement } = await withReadOnlySession({
    context,
    snapshot: true,
    signal,
    run: async (read) => {
      const params = [database, table];
      const maxRows = 10_000;
      const [kind] = recordsOf<{ type: string }>(
        await read({
          sql: 'SELECT TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
          params,
          maxRows,
        }),
      );
      if (!kind) {
        throw new ConnectorError({
          code: 'NOT_FOUND',
          message: `Table ${database}.${table} does not exist. Use list_tables to see the tables of ${database}.`,
        });
      }
      const columns = recordsOf<{
        name: string;
        type: string;
        nullable: string;
        default: string | null;
        key: string;
        extra: string;
        comment: string;
      }>(
        await read({
          sql: `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS \`default\`,
                       COLUMN_KEY AS \`key\`, EXTRA AS extra, COLUMN_COMMENT AS comment
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
          params,
          maxRows,
        }),
      );
      const indexRows = recordsOf<{ name: string; non_unique: string | number; column_name: string; type: string }>(
        await read({
          sql: `SELECT INDEX_NAME AS name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name, INDEX_TYPE AS type
                  FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
          params,
          maxRows,
        }),
      );
      const foreignRows = recordsOf<{
        name: string;
        column_name: string;
        referenced_schema: string;
        referenced_table: string;
        referenced_column: string;
        on_update: string;
        on_delete: string;
      }>(
        await read({
          sql: `SELECT k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS referenced_schema,
                       k.REFERENCED_TABLE_NAME AS referenced_table, k.REFERENCED_COLUMN_NAME AS referenced_column,
                       r.UPDATE_RULE AS on_update, r.DELETE_RULE AS on_delete
                  FROM information_schema.KEY_COLUMN_USAGE k
                  JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                    ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
                 WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
                 ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
          params,
          maxRows,
        }),
      );
      let createStatement: string | undefined;
      if (includeCreate) {
        const [create] = recordsOf<Record<string, string>>(
          await read({ sql: `SHOW CREATE TABLE ${mysql.escapeId(database)}.${mysql.escapeId(table)}`, maxRows: 1 }),
        );
        createStatement = create?.['Create Table'] ?? create?.['Create View'];
      }
      return { kind, columns, indexRows, foreignRows, createStatement };
    },
  });
  const indexes = new Map<string, z.infer<typeof indexSchema>>();
  for (const row of indexRows) {
    const index = indexes.get(row.name) ?? {
      name: row.name,
      unique: Number(row.non_unique) === 0,
      columns: [],
      type: row.type,
    };
    index.columns.push(row.column_name);
    indexes.set(row.name, index);
  }
  const foreignKeys = new Map<string, z.infer<typeof foreignKeySchema>>();
  for (const row of foreignRows) {
    const key = foreignKeys.get(row.name) ?? {
      name: row.name,
      columns: [],
      referenced_table:
        row.referenced_schema === database ? row.referenced_table : `${row.referenced_schema}.${row.referenced_table}`,
      referenced_columns: [],
      on_update: row.on_update,
      on_delete: row.on_delete,
    };
    key.columns.push(row.column_name);
    key.referenced_columns.push(row.referenced_column);
    foreignKeys.set(row.name, key);
  }
  return {
    database,
    table,
    type: kind.type === 'VIEW' ? 'view' : kind.type === 'BASE TABLE' ? 'table' : kind.type.toLowerCase(),
    columns: columns.map((column) => ({
      name: column.name,
      type: column.type,
      nullable: column.nullable === 'YES',
      default: column.default === null ? null : String(column.default),
      key: column.key ?? '',
      extra: column.extra ?? '',
      comment: column.comment ?? '',
    })),
    primary_key: indexes.get('PRIMARY')?.columns ?? [],
    indexes: [...indexes.values()],
    foreign_keys: [...foreignKeys.values()],
    ...(createStatement ? { create_statement: createStatement } : {}),
  };
}

export function renderTableDescription({
  description,
  maxChars,
  totalColumns = description.columns.length,
}: {
  description: TableDescription;
  maxChars: number;
  /** Columns the table has, when `description` holds only the first of them. */
  totalColumns?: number;
}): { text: string; shownColumns: number } {
  const columns = renderTable({
    columns: ['name', 'type', 'nullable', 'default', 'key', 'extra', 'comment'],
    rows: description.columns,
    totalRows: totalColumns,
    maxChars: Math.floor(maxChars * 0.6),
  });
  const parts = [
    `${description.type} ${description.database}.${description.table}`,
    columns.text,
    `primary key: ${description.primary_key.join(', ') || '(none)'}`,
    `indexes: ${description.indexes.map((index) => `${index.name}${index.unique ? ' unique' : ''} (${index.columns.join(', ')})`).join('; ') || '(none)'}`,
    `foreign keys: ${
      description.foreign_keys
        .map(
          (key) =>
            `${key.name} (${key.columns.join(', ')}) -> ${key.referenced_table} (${key.referenced_columns.join(', ')})`,
        )
        .join('; ') || '(none)'
    }`,
  ];
  if (description.create_statement) parts.push(description.create_statement);
  return { text: parts.join('\n'), shownColumns: columns.shownRows };
}

export const describeTableTool = defineMysqlTool({
  name: 'describe_table',
  title: 'Describe table',
  description:
    'Describes a table or view: columns (type, nullability, default, key, extra, comment), primary key, indexes and foreign keys with the tables they reference; the CREATE statement on request.',
  input: z.object({
    database: z.string().min(1).max(64).describe('Database name.'),
    table: z.string().min(1).max(64).describe('Table or view name.'),
    include_create_statement: z.boolean().default(false).describe('Also return the SHOW CREATE TABLE statement.'),
  }),
  output: tableDescriptionSchema.extend({
    truncated: z
      .boolean()
      .describe(
        'True when columns, indexes or the CREATE statement were cut to fit the budget; use execute_query on information_schema.COLUMNS for the rest.',
      ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const described = await describeTable({
      context,
      database: input.database,
      table: input.table,
      includeCreate: input.include_create_statement,
      signal,
    });
    // Columns, indexes and the CREATE statement share the structured budget; the text renders the same cut
    // description, and the structured content keeps only the columns the text shows.
    const fitted = truncateJsonValue({ value: described, maxChars: maxStructuredChars - 32 });
    const { text, shownColumns } = renderTableDescription({
      description: fitted.value,
      maxChars,
      totalColumns: described.columns.length,
    });
    const columns = fitted.value.columns.slice(0, shownColumns);
    return {
      structured: {
        ...fitted.value,
        columns,
        truncated: fitted.truncated || columns.length < described.columns.length,
      },
      text,
      moreHint: `Query information_schema.COLUMNS with execute_query for the rest of the columns.`,
    };
  },
});
