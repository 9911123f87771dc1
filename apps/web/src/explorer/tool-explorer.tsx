import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/api-request.js';
import type { Datasource, DatasourceTool, ToolRunResult } from '../api/api-types.js';
import { ResultView } from '../results/result-view.js';
import { errorCodeMessage } from './error-code-message.js';
import { rankTools } from './rank-tools.js';
import { ResultTabs } from './result-tabs.js';
import { inputClass, SchemaFields } from './schema-form.js';
import {
  formFields,
  formValuesToArguments,
  FormValueError,
  initialFormValues,
  type FormValues,
} from './schema-form-values.js';

/** Where "Open in explorer" on a tool card points: a datasource, a tool and the call's arguments. */
export interface ExplorerTarget {
  datasource: string;
  tool: string;
  arguments: Record<string, unknown>;
}

function textOf(result: ToolRunResult): string {
  return (result.content ?? [])
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/** The form and result of one tool; keyed by its caller so switching tools starts afresh. */
function ToolRunner({
  datasource,
  tool,
  initialArguments,
}: {
  datasource: Datasource;
  tool: DatasourceTool;
  initialArguments?: Record<string, unknown>;
}) {
  const fields = useMemo(() => formFields({ schema: tool.inputSchema }), [tool]);
  const [values, setValues] = useState<FormValues>(() => initialFormValues({ fields, arguments: initialArguments }));
  const [formError, setFormError] = useState<FormValueError | null>(null);
  const run = useMutation({
    mutationFn: (toolArguments: Record<string, unknown>) =>
      apiRequest<ToolRunResult>({
        path: `/api/datasources/${encodeURIComponent(datasource.id)}/tools/${encodeURIComponent(tool.name)}`,
        method: 'POST',
        body: { arguments: toolArguments },
      }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const toolArguments = formValuesToArguments({ fields, values });
      setFormError(null);
      run.mutate(toolArguments);
    } catch (error) {
      if (error instanceof FormValueError) setFormError(error);
      else throw error;
    }
  };

  const result = run.data;
  const text = result ? textOf(result) : '';
  return (
    <>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3" aria-label={`Arguments of ${tool.title}`}>
        {tool.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{tool.description}</p> : null}
        {fields.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">This tool needs no input.</p>
        ) : null}
        <SchemaFields fields={fields} values={values} formError={formError} onChange={setValues} />
        <button
          type="submit"
          disabled={run.isPending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {run.isPending ? 'Running…' : 'Run tool'}
        </button>
      </form>
      <div className="mt-4 space-y-2" aria-live="polite">
        {run.error ? (
          <p
            role="alert"
            className="rounded-md border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-100"
          >
            {run.error.message}
          </p>
        ) : null}
        {result ? (
          <div className="space-y-2" data-testid="explorer-result">
            {result.isError ? (
              <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">
                <span className="font-medium">{errorCodeMessage({ code: result.errorCode })}</span>{' '}
                {result.errorCode ? <code className="text-xs">({result.errorCode})</code> : null}{' '}
                <span className="text-slate-600 dark:text-slate-400">after {result.durationMs} ms</span>
              </p>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">Done in {result.durationMs} ms</p>
            )}
            <ResultTabs
              modelText={result.modelText ?? text}
              rendered={
                result.isError ? (
                  <pre className="whitespace-pre-wrap rounded bg-rose-50 p-2 text-sm text-rose-950 dark:bg-rose-950 dark:text-rose-50">
                    {text}
                  </pre>
                ) : (
                  <ResultView
                    result={result.structuredContent}
                    {...(text ? { text } : {})}
                    name={`${datasource.id}-${tool.name}`}
                    outputSchema={result.outputSchema ?? tool.outputSchema}
                    source={{ datasource: datasource.id, tool: tool.name }}
                  />
                )
              }
            />
          </div>
        ) : null}
      </div>
    </>
  );
}

/**
 * Runs one read-only tool directly with a form built from its input schema; needs no Anthropic key. Opens
 * on the tool a newcomer can run first (one needing no names they do not know yet).
 */
export function ToolExplorer({ datasources, target }: { datasources: Datasource[]; target?: ExplorerTarget }) {
  const [datasourceId, setDatasourceId] = useState(target?.datasource ?? datasources[0]?.id ?? '');
  const datasource = datasources.find((candidate) => candidate.id === datasourceId) ?? datasources[0];
  const tools = useMemo(
    () => rankTools({ tools: datasource?.tools.filter((tool) => tool.readOnly) ?? [] }),
    [datasource],
  );
  const [toolName, setToolName] = useState(target?.tool ?? '');
  const tool = tools.find((candidate) => candidate.name === toolName) ?? tools[0];
  const fromTarget = target && target.datasource === datasource?.id && target.tool === tool?.name;

  if (datasources.length === 0)
    return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">No datasources are configured.</p>;
  return (
    <section className="mx-auto w-full max-w-3xl overflow-y-auto p-4" aria-labelledby="explorer-heading">
      <h2 id="explorer-heading" className="text-lg font-semibold">
        Tool explorer
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Run a read-only tool directly: see its result rendered, and the exact text the model would receive.
      </p>
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="explorer-datasource" className="block text-sm font-medium">
            Datasource
          </label>
          <select
            id="explorer-datasource"
            value={datasource?.id ?? ''}
            onChange={(event) => {
              setDatasourceId(event.target.value);
              setToolName('');
            }}
            className={inputClass}
          >
            {datasources.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="explorer-tool" className="block text-sm font-medium">
            Tool
          </label>
          <select
            id="explorer-tool"
            value={tool?.name ?? ''}
            onChange={(event) => setToolName(event.target.value)}
            className={inputClass}
          >
            {tools.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      {datasource && tool ? (
        <ToolRunner
          key={`${datasource.id}/${tool.name}`}
          datasource={datasource}
          tool={tool}
          {...(fromTarget ? { initialArguments: target.arguments } : {})}
        />
      ) : (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">This datasource has no read-only tools.</p>
      )}
    </section>
  );
}
