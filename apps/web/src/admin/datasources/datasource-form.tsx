import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Banner } from '../../layout/banner.js';
import { primaryButtonClass, secondaryButtonClass } from './button-styles.js';
import type { AdminDatasource } from './admin-datasource-types.js';
import { apiErrorField } from './api-error-field.js';
import { ConnectionTestResult } from './connection-test-result.js';
import { ConnectorVariables } from './connector-variables.js';
import { initialFormState, type DatasourceFormState, type DatasourceTarget } from './datasource-form-state.js';
import { createRequestBody, updateRequestBody } from './datasource-request-body.js';
import { FormField, fieldInputClass } from './form-field.js';
import { GroupChips } from './group-chips.js';
import { KindMark, kindKey } from './kind-label.js';
import { NamedValueRows } from './named-value-rows.js';
import { slugFromName } from './slug-from-name.js';
import { Spinner } from './spinner.js';
import { useCreateDatasource, useTestDatasource, useUpdateDatasource } from './use-admin-datasources.js';
import { validateDatasourceForm, type DatasourceFormErrors } from './validate-datasource-form.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

function targetTitle({ target }: { target: DatasourceTarget }) {
  if (target.type === 'connector') return target.kind.title;
  return target.type === 'remote' ? 'Remote MCP server' : 'Custom command';
}

/**
 * Adds, edits or shows a datasource. A connector kind's settings are built from its own variables; a
 * remote server takes a URL and headers; a custom command its command line and environment. A file
 * datasource is shown with every field disabled.
 */
export function DatasourceForm({
  target,
  datasource,
  onClose,
}: {
  target: DatasourceTarget;
  /** The saved datasource when editing or viewing one. */
  datasource?: AdminDatasource | undefined;
  onClose: (saved?: AdminDatasource) => void;
}) {
  // Once, when the form opens: a later refetch of the list must not reset what is being typed.
  const [initial] = useState(() => initialFormState({ target, ...(datasource ? { datasource } : {}) }));
  const [state, setState] = useState<DatasourceFormState>(initial);
  const [errors, setErrors] = useState<DatasourceFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const create = useCreateDatasource();
  const update = useUpdateDatasource();
  const test = useTestDatasource();
  const readOnly = datasource?.readOnly ?? false;
  const editing = datasource !== undefined;
  const saving = create.isPending || update.isPending;
  const changed = JSON.stringify(state) !== JSON.stringify(initial);
  const variableNames = target.type === 'connector' ? target.kind.variables.map((variable) => variable.name) : [];

  const change = (next: Partial<DatasourceFormState>) => setState((current) => ({ ...current, ...next }));
  const showProblems = (found: DatasourceFormErrors, message: string) => {
    setErrors(found);
    setFormError(message);
    // After React has marked the fields: the first one wrong gets the focus.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const checked = () => {
    const found = validateDatasourceForm({ state, target });
    if (Object.keys(found).length > 0) {
      const count = Object.keys(found).length;
      showProblems(found, count === 1 ? 'One field needs attention.' : `${count} fields need attention.`);
      return false;
    }
    setErrors({});
    setFormError(null);
    return true;
  };
  const showApiError = (error: unknown) => {
    const { field, message } = apiErrorField({ error, variableNames });
    if (field) showProblems({ [field]: message }, `The server did not accept this: ${message}`);
    else {
      setErrors({});
      setFormError(message);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || !checked()) return;
    if (editing)
      update.mutate(
        { id: datasource.id, body: updateRequestBody({ state, target, saved: datasource }) },
        { onSuccess: (saved) => onClose(saved), onError: showApiError },
      );
    else
      create.mutate(
        { body: createRequestBody({ state, target }) },
        { onSuccess: (saved) => onClose(saved), onError: showApiError },
      );
  };
  const onTest = () => {
    if (editing) test.mutate({ id: datasource.id });
    else if (checked()) test.mutate({ body: createRequestBody({ state, target }) });
  };

  const heading = readOnly
    ? datasource!.name
    : editing
      ? `Edit ${datasource.name}`
      : `Add a datasource: ${targetTitle({ target })}`;
  const mark = kindKey({
    kind: target.type === 'connector' ? target.kind.kind : null,
    transport: target.type === 'remote' ? 'http' : 'stdio',
  });

  return (
    <form ref={form} noValidate onSubmit={onSubmit} aria-labelledby="datasource-form-heading" className="space-y-4">
      <div className="flex items-center gap-2">
        <KindMark kindName={mark} />
        <h2 id="datasource-form-heading" className="text-lg font-semibold">
          {heading}
        </h2>
      </div>
      {readOnly ? (
        <Banner tone="info" title="From the config file — read-only">
          <p>
            This datasource is defined in connectormcp.config.json. Change it there and restart the API; its settings
            are shown here for reference, secrets only as set.
          </p>
        </Banner>
      ) : null}
      <fieldset disabled={readOnly} className="space-y-4">
        <Section title="Datasource">
          <div className="grid gap-4 md:grid-cols-2">
            <FormField label="Name" help="Shown in the chat and to the model." error={errors.name} required>
              {(control) => (
                <input
                  {...control}
                  required
                  maxLength={80}
                  value={state.name}
                  onChange={(event) =>
                    change({
                      name: event.target.value,
                      ...(state.idTouched ? {} : { id: slugFromName({ name: event.target.value }) }),
                    })
                  }
                  className={fieldInputClass}
                />
              )}
            </FormField>
            <FormField
              label="Id"
              help={
                editing
                  ? 'The id cannot change: chats and tool names refer to it.'
                  : 'Lowercase letters, digits, _ and -; prefixes the tool names (shop__execute_query).'
              }
              error={errors.id}
              required
            >
              {(control) => (
                <input
                  {...control}
                  required
                  disabled={editing}
                  spellCheck={false}
                  maxLength={30}
                  value={state.id}
                  onChange={(event) => change({ id: event.target.value, idTouched: true })}
                  className={`${fieldInputClass} font-mono`}
                />
              )}
            </FormField>
          </div>
          <FormField label="Enabled" help="A disabled datasource is not offered in any chat." inline>
            {(control) => (
              <input
                {...control}
                type="checkbox"
                checked={state.enabled}
                onChange={(event) => change({ enabled: event.target.checked })}
                className="h-4 w-4 accent-indigo-600"
              />
            )}
          </FormField>
        </Section>

        <Section title="Connection">
          {target.type === 'connector' ? (
            <>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {target.kind.title} ({target.kind.package} {target.kind.version}). Secrets are stored encrypted and
                never shown again.
              </p>
              <ConnectorVariables
                kind={target.kind}
                state={state}
                errors={errors}
                disabled={readOnly}
                onSettingChange={(name, value) =>
                  setState((current) => ({ ...current, settings: { ...current.settings, [name]: value } }))
                }
                onSecretChange={(name, secret) =>
                  setState((current) => ({ ...current, secrets: { ...current.secrets, [name]: secret } }))
                }
              />
            </>
          ) : null}
          {target.type === 'remote' ? (
            <>
              <FormField
                label="Server URL"
                help="The MCP server’s Streamable HTTP endpoint, e.g. https://mcp.example.com/mcp."
                error={errors.url}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    type="url"
                    required
                    spellCheck={false}
                    value={state.url}
                    placeholder="https://mcp.example.com/mcp"
                    onChange={(event) => change({ url: event.target.value })}
                    className={`${fieldInputClass} font-mono`}
                  />
                )}
              </FormField>
              <NamedValueRows
                legend="Headers"
                help="Sent with every request, e.g. Authorization: Bearer …. Values are stored encrypted and never shown again."
                what="header"
                rows={state.headers}
                secret
                error={errors.headers}
                disabled={readOnly}
                namePlaceholder="Authorization"
                onChange={(headers) => change({ headers })}
              />
            </>
          ) : null}
          {target.type === 'command' ? (
            <>
              <FormField
                label="Command"
                help="The program that serves MCP over standard input and output, e.g. npx or a path."
                error={errors.command}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    required
                    spellCheck={false}
                    value={state.command}
                    placeholder="npx"
                    onChange={(event) => change({ command: event.target.value })}
                    className={`${fieldInputClass} font-mono`}
                  />
                )}
              </FormField>
              <FormField label="Arguments" help="One per line.">
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    spellCheck={false}
                    value={state.args}
                    placeholder={'-y\n@modelcontextprotocol/server-everything'}
                    onChange={(event) => change({ args: event.target.value })}
                    className={`${fieldInputClass} font-mono`}
                  />
                )}
              </FormField>
              <NamedValueRows
                legend="Environment"
                what="variable"
                rows={state.environment}
                secret={false}
                error={errors.environment}
                disabled={readOnly}
                namePlaceholder="NAME"
                onChange={(environment) => change({ environment })}
              />
              <NamedValueRows
                legend="Secret environment"
                help="Passwords and tokens: stored encrypted and never shown again."
                what="secret"
                rows={state.secretEnvironment}
                secret
                error={errors.secretEnvironment}
                disabled={readOnly}
                namePlaceholder="API_TOKEN"
                onChange={(secretEnvironment) => change({ secretEnvironment })}
              />
            </>
          ) : null}
        </Section>

        <Section title="For the model">
          <FormField
            label="Instructions for the model"
            help="Added to the model’s instructions whenever a chat uses this datasource: what the data is, naming conventions, what to avoid."
            error={errors.systemPrompt}
          >
            {(control) => (
              <textarea
                {...control}
                rows={4}
                maxLength={4_000}
                value={state.systemPrompt}
                onChange={(event) => change({ systemPrompt: event.target.value })}
                className={fieldInputClass}
              />
            )}
          </FormField>
          <FormField
            label="Example questions"
            help="One per line, at most five: offered as one-click starts in an empty chat. Empty: the kind’s own."
            error={errors.examples}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={state.examples}
                onChange={(event) => change({ examples: event.target.value })}
                className={fieldInputClass}
              />
            )}
          </FormField>
        </Section>

        <Section title="Access and limits">
          <div className="grid gap-4 md:grid-cols-2">
            <FormField
              label="Who may use it"
              help="Group names, separated by commas. Empty: everyone signed in may use it."
            >
              {(control) => (
                <>
                  <input
                    {...control}
                    spellCheck={false}
                    value={state.useGroups}
                    placeholder="analysts, finance"
                    onChange={(event) => change({ useGroups: event.target.value })}
                    className={fieldInputClass}
                  />
                  <GroupChips text={state.useGroups} whenEmpty="Everyone" />
                </>
              )}
            </FormField>
            <FormField
              label="Who may approve its writes"
              help="Group names, separated by commas. Empty: the person whose chat asks for the write approves it."
            >
              {(control) => (
                <>
                  <input
                    {...control}
                    spellCheck={false}
                    value={state.approveGroups}
                    placeholder="data-owners"
                    onChange={(event) => change({ approveGroups: event.target.value })}
                    className={fieldInputClass}
                  />
                  <GroupChips text={state.approveGroups} whenEmpty="The chat’s owner" />
                </>
              )}
            </FormField>
          </div>
          <FormField
            label="Call timeout (seconds)"
            help="A tool call that takes longer is stopped. 1 to 600."
            error={errors.callTimeoutSeconds}
            required
          >
            {(control) => (
              <input
                {...control}
                type="number"
                required
                min={1}
                max={600}
                inputMode="numeric"
                value={state.callTimeoutSeconds}
                onChange={(event) => change({ callTimeoutSeconds: event.target.value })}
                className={`${fieldInputClass} max-w-40`}
              />
            )}
          </FormField>
        </Section>
      </fieldset>

      {formError ? (
        <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">
          {formError}
        </p>
      ) : null}
      <div className="space-y-2">
        <ConnectionTestResult result={test.data} error={test.error} />
        {editing && changed && !readOnly ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Test connection tries the saved settings; save to test your changes.
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onTest} disabled={test.isPending} className={secondaryButtonClass}>
          {test.isPending ? <Spinner /> : null}
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        {readOnly ? null : (
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            {saving ? <Spinner /> : null}
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Save datasource'}
          </button>
        )}
        <button type="button" onClick={() => onClose()} className={secondaryButtonClass}>
          {readOnly ? 'Back' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}
