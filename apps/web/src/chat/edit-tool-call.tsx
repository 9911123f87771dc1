import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DatasourceTool } from '../api/api-types.js';
import { useDatasources } from '../api/use-api-queries.js';
import { SchemaFields } from '../explorer/schema-form.js';
import { SaveActions } from '../saved/save-actions.js';
import {
  formFields,
  formValuesToArguments,
  FormValueError,
  initialFormValues,
  schemaWithArguments,
  type FormField,
  type FormValues,
} from '../explorer/schema-form-values.js';
import type { ToolCallView } from './chat-items.js';
import type { ToolCallRequest } from './use-tool-call-rerun.js';

/** What a card can do with its call; the chat view supplies them. */
export interface ToolCallActionHandlers {
  rerun: (request: ToolCallRequest) => void;
  openInExplorer?: (request: ToolCallRequest) => void;
  /** Another run is going on; re-running waits for it. */
  busy?: boolean;
  /** Shows a schedule made from the card ("Schedule") in the Schedules view. */
  openSchedules?: (scheduleId: string) => void;
}

const actionButton =
  'rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-700';

// The query itself (SQL, JQL, a search) is what people edit; it leads the form.
const leading = (field: FormField) => (field.kind === 'code' || field.kind === 'search' ? 0 : 1);

function objectArguments(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The call's arguments in an editor that suits them, run on submit. */
export function EditToolCall({
  call,
  tool,
  busy = false,
  onRun,
  onCancel,
}: {
  call: Pick<ToolCallView, 'id' | 'tool' | 'arguments'>;
  tool: DatasourceTool | undefined;
  busy?: boolean;
  onRun: (toolArguments: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const fields = useMemo(
    () =>
      formFields({ schema: schemaWithArguments({ schema: tool?.inputSchema, arguments: call.arguments }) }).sort(
        (left, right) => leading(left) - leading(right),
      ),
    [tool, call.arguments],
  );
  const [values, setValues] = useState<FormValues>(() => initialFormValues({ fields, arguments: call.arguments }));
  const [formError, setFormError] = useState<FormValueError | null>(null);
  // A tool the datasource no longer lists is treated as a write: the server decides, asking if it must.
  const readOnly = tool?.readOnly === true;
  const form = useRef<HTMLFormElement>(null);
  // Keyboard users land in the query they came to edit.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      const toolArguments = formValuesToArguments({ fields, values });
      setFormError(null);
      onRun(toolArguments);
    } catch (error) {
      if (error instanceof FormValueError) setFormError(error);
      else throw error;
    }
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      // Our own message names the field by its label; the browser's bubble would not be announced alike.
      noValidate
      aria-label={`Edit the arguments of ${call.tool}`}
      className="space-y-3 rounded-md border border-indigo-200 bg-white p-3 dark:border-indigo-800 dark:bg-slate-950"
    >
      <SchemaFields fields={fields} values={values} formError={formError} onChange={setValues} />
      {readOnly ? null : (
        <p className="text-xs text-amber-800 dark:text-amber-200">
          This tool can change data: it asks for your approval before it runs.
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {readOnly ? 'Run' : 'Run after approval'}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Edit & re-run", "Open in explorer", "Save" and "Schedule" on a finished tool card. */
export function ToolCallActions({
  call,
  rerun,
  openInExplorer,
  busy = false,
  openSchedules,
}: { call: ToolCallView } & ToolCallActionHandlers) {
  const datasources = useDatasources();
  const [editing, setEditing] = useState(false);
  const datasource = datasources.data?.find((candidate) => candidate.id === call.datasource);
  const tool = datasource?.tools.find((candidate) => candidate.name === call.tool);
  if (call.state === 'running' || call.state === 'awaiting_approval') return null;
  const request = (toolArguments: Record<string, unknown>): ToolCallRequest => ({
    datasource: call.datasource,
    tool: call.tool,
    arguments: toolArguments,
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={actionButton} aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit &amp; re-run
        </button>
        {/* The explorer runs read-only tools only. */}
        {openInExplorer && tool?.readOnly ? (
          <button
            type="button"
            className={actionButton}
            onClick={() => openInExplorer(request(objectArguments(call.arguments)))}
          >
            Open in explorer
          </button>
        ) : null}
        {/* Only read-only tools can be saved (the server says so too); a tool it no longer lists is not. */}
        {tool?.readOnly ? (
          <SaveActions
            target={{
              kind: 'tool_call',
              datasource: call.datasource,
              tool: call.tool,
              arguments: objectArguments(call.arguments),
            }}
            datasourceName={datasource?.name}
            onOpenSchedules={openSchedules}
          />
        ) : null}
      </div>
      {editing ? (
        <EditToolCall
          call={call}
          tool={tool}
          busy={busy}
          onCancel={() => setEditing(false)}
          onRun={(toolArguments) => {
            setEditing(false);
            rerun(request(toolArguments));
          }}
        />
      ) : null}
    </div>
  );
}
