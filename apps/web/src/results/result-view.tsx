import { useMemo } from 'react';
import type { JsonSchema } from '../api/api-types.js';
import { JsonTree } from '../previews/json-tree.js';
import { ObjectPreview } from '../previews/object-preview.js';
import { objectReadOf } from '../previews/object-read.js';
import { CopyButton } from './copy-button.js';
import { downloadFile } from './export-table.js';
import { TableResult } from './table-result.js';
import { tablesFromSchema } from './tables-from-schema.js';
import { toolbarButton } from './toolbar-button.js';
import { WithToolOutputSchema, type ToolSource } from './use-tool-output-schema.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function TypedResult({
  result,
  text,
  name,
  tool,
  outputSchema,
}: {
  result?: unknown;
  text?: string;
  name: string;
  tool?: string;
  outputSchema: JsonSchema | null | undefined;
}) {
  const tables = useMemo(
    () => (result === undefined ? [] : tablesFromSchema({ result, outputSchema })),
    [result, outputSchema],
  );
  const read = useMemo(() => objectReadOf({ result, ...(tool ? { tool } : {}) }), [result, tool]);
  if (read) return <ObjectPreview read={read} name={name} />;
  if (tables.length > 0) {
    const truncated = isRecord(result) && result.truncated === true;
    return (
      <div className="space-y-3">
        {truncated ? (
          <p
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            Cut: not every row or value is shown
            {isRecord(result) && typeof result.hint === 'string' ? ` (${result.hint})` : ''}.
          </p>
        ) : null}
        {tables.map((table) => (
          <section key={table.name} aria-label={tables.length > 1 ? `${name} ${table.name}` : undefined}>
            {tables.length > 1 ? <h3 className="mb-1 text-xs font-semibold text-slate-600">{table.name}</h3> : null}
            <TableResult
              table={table}
              name={tables.length > 1 ? `${name}-${table.name}` : name}
              caption={`${name} result`}
            />
          </section>
        ))}
      </div>
    );
  }
  if (result !== undefined) {
    const body = () => JSON.stringify(result, null, 2);
    return (
      <div className="space-y-1">
        <div className="flex justify-end gap-1">
          <CopyButton text={body} />
          <button
            type="button"
            className={toolbarButton}
            onClick={() => downloadFile({ name: `${name}.json`, type: 'application/json', content: body() })}
          >
            JSON
          </button>
        </div>
        <JsonTree value={result} label={`${name} result`} />
      </div>
    );
  }
  if (!text) return null;
  return (
    <div className="space-y-1">
      <div className="flex justify-end gap-1">
        <CopyButton text={() => text} />
      </div>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800">
        {text}
      </pre>
    </div>
  );
}

/**
 * A tool's result the way people read it, typed by the tool's output schema: tables (with charts people
 * can steer), S3 objects by content, anything else as foldable JSON or text; copy and export either way.
 * The schema comes with the call, or from the datasource list by datasource and tool.
 */
export function ResultView({
  result,
  text,
  name,
  outputSchema,
  source,
}: {
  result?: unknown;
  text?: string;
  name: string;
  outputSchema?: JsonSchema | null;
  source?: ToolSource;
}) {
  return (
    <WithToolOutputSchema {...(source ? { source } : {})} {...(outputSchema !== undefined ? { outputSchema } : {})}>
      {(schema) => (
        <TypedResult
          {...(result !== undefined ? { result } : {})}
          {...(text !== undefined ? { text } : {})}
          name={name}
          {...(source ? { tool: source.tool } : {})}
          outputSchema={schema}
        />
      )}
    </WithToolOutputSchema>
  );
}
