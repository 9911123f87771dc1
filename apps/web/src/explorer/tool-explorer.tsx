import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { apiRequest } from '../api/api-request.js';
import type { Datasource, ToolRunResult } from '../api/api-types.js';
import { ResultView } from '../results/result-view.js';
import { formFields, formValuesToArguments, FormValueError, type FormField } from './schema-form-values.js';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900';

function FieldControl({
  field,
  value,
  onChange,
  invalid,
}: {
  field: FormField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  invalid: boolean;
}) {
  const id = `field-${field.name}`;
  const describedBy = field.description ? `${id}-description` : undefined;
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    required: field.required,
  };
  let control;
  if (field.kind === 'boolean')
    control = (
      <input
        {...common}
        required={false}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
        className="h-4 w-4 accent-indigo-600"
      />
    );
  else if (field.kind === 'enum')
    control = (
      <select
        {...common}
        value={String(value ?? '')}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      >
        {field.required ? null : <option value="">(default)</option>}
        {field.options?.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  else if (field.kind === 'long-text' || field.kind === 'json')
    control = (
      <textarea
        {...common}
        rows={field.kind === 'json' ? 4 : 3}
        value={String(value ?? '')}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClass} font-mono`}
        placeholder={field.kind === 'json' ? 'JSON' : undefined}
      />
    );
  else
    control = (
      <input
        {...common}
        type={field.kind === 'number' || field.kind === 'integer' ? 'number' : 'text'}
        step={field.kind === 'integer' ? 1 : 'any'}
        value={String(value ?? '')}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        placeholder={
          field.kind === 'list'
            ? 'comma, separated, values'
            : field.defaultValue !== undefined
              ? `default: ${String(field.defaultValue)}`
              : undefined
        }
      />
    );
  return (
    <div className={field.kind === 'boolean' ? 'flex items-center gap-2' : 'space-y-1'}>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.name}
        {field.required ? (
          <span className="text-rose-600" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {control}
      {field.description ? (
        <p id={describedBy} className="text-xs text-slate-500">
          {field.description}
        </p>
      ) : null}
    </div>
  );
}

/** Runs one read-only tool directly with a form built from its input schema; needs no Anthropic key. */
export function ToolExplorer({ datasources }: { datasources: Datasource[] }) {
  const [datasourceId, setDatasourceId] = useState(datasources[0]?.id ?? '');
  const datasource = datasources.find((candidate) => candidate.id === datasourceId) ?? datasources[0];
  const tools = useMemo(() => datasource?.tools.filter((tool) => tool.readOnly) ?? [], [datasource]);
  const [toolName, setToolName] = useState('');
  const tool = tools.find((candidate) => candidate.name === toolName) ?? tools[0];
  const fields = useMemo(() => (tool ? formFields({ schema: tool.inputSchema }) : []), [tool]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [formError, setFormError] = useState<FormValueError | null>(null);
  const run = useMutation({
    mutationFn: (input: { datasourceId: string; tool: string; arguments: Record<string, unknown> }) =>
      apiRequest<ToolRunResult>({
        path: `/api/datasources/${encodeURIComponent(input.datasourceId)}/tools/${encodeURIComponent(input.tool)}`,
        method: 'POST',
        body: { arguments: input.arguments },
      }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!datasource || !tool) return;
    try {
      const toolArguments = formValuesToArguments({ fields, values });
      setFormError(null);
      run.mutate({ datasourceId: datasource.id, tool: tool.name, arguments: toolArguments });
    } catch (error) {
      if (error instanceof FormValueError) setFormError(error);
      else throw error;
    }
  };

  if (datasources.length === 0) return <p className="p-6 text-sm text-slate-500">No datasources are configured.</p>;
  const text = run.data?.content?.map((part) => part.text ?? '').join('\n');
  return (
    <section className="mx-auto w-full max-w-3xl overflow-y-auto p-4" aria-labelledby="explorer-heading">
      <h2 id="explorer-heading" className="text-lg font-semibold">
        Tool explorer
      </h2>
      <p className="text-sm text-slate-500">Run a read-only tool directly and see exactly what the model would see.</p>
      <form onSubmit={submit} className="mt-4 space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
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
                setValues({});
                run.reset();
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
              onChange={(event) => {
                setToolName(event.target.value);
                setValues({});
                run.reset();
              }}
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
        {tool?.inputSchema.description ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{tool.inputSchema.description}</p>
        ) : null}
        {fields.map((field) => (
          <FieldControl
            key={`${tool?.name}-${field.name}`}
            field={field}
            value={values[field.name]}
            invalid={formError?.field === field.name}
            onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          />
        ))}
        {formError ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {formError.message}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={!tool || run.isPending}
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
        {run.data ? (
          <div className="space-y-2" data-testid="explorer-result">
            <p
              className={`text-sm ${run.data.isError ? 'text-rose-700 dark:text-rose-300' : 'text-slate-600 dark:text-slate-400'}`}
            >
              {run.data.isError ? 'The tool reported an error' : 'Done'} in {run.data.durationMs} ms
            </p>
            {run.data.isError ? (
              <pre className="whitespace-pre-wrap rounded bg-rose-50 p-2 text-sm dark:bg-rose-950">{text}</pre>
            ) : (
              <ResultView
                result={run.data.structuredContent}
                {...(text ? { text } : {})}
                name={`${datasource?.id}-${tool?.name}`}
              />
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
