import { useState } from 'react';
import { ApiRequestError } from '../../api/api-request-error.js';
import { Banner } from '../../layout/banner.js';
import type { AdminDatasource } from './admin-datasource-types.js';
import { primaryButtonClass, secondaryButtonClass } from './button-styles.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { DatasourceForm } from './datasource-form.js';
import { targetOf, type DatasourceTarget } from './datasource-form-state.js';
import { DatasourceTable } from './datasource-table.js';
import { KindPicker } from './kind-picker.js';
import { Spinner } from './spinner.js';
import {
  useAdminDatasources,
  useConnectorKinds,
  useDeleteDatasource,
  useUpdateDatasource,
} from './use-admin-datasources.js';

type Screen =
  | { type: 'list' }
  | { type: 'pick' }
  | { type: 'form'; target: DatasourceTarget }
  | { type: 'edit'; datasource: AdminDatasource };

/** A datasource of a connector kind opens in that kind's form, which needs the kinds' variables first. */
const needsKinds = ({ datasource }: { datasource: AdminDatasource }) =>
  datasource.transport === 'stdio' && datasource.kind !== null;

function loadErrorMessage({ error }: { error: Error }) {
  if (error instanceof ApiRequestError && error.status === 403) return 'Only admins can manage datasources.';
  return error.message;
}

/** Admins add, edit, test, enable, disable and delete datasources; file ones are shown read-only. */
export function DatasourcesPage() {
  const datasources = useAdminDatasources();
  const kinds = useConnectorKinds();
  const toggle = useUpdateDatasource();
  const remove = useDeleteDatasource();
  const [screen, setScreen] = useState<Screen>({ type: 'list' });
  const [deleting, setDeleting] = useState<AdminDatasource | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const kindList = kinds.data ?? [];
  const list = datasources.data ?? [];

  const backToList = (message?: string) => {
    setScreen({ type: 'list' });
    setNotice(message ?? null);
  };

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-6xl space-y-4">
        {screen.type === 'list' ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <h2 className="text-lg font-semibold">Datasources</h2>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  What chats can query. Changes apply at once; only the changed datasource’s connector restarts.
                </p>
              </div>
              <button
                type="button"
                className={primaryButtonClass}
                onClick={() => {
                  setNotice(null);
                  setScreen({ type: 'pick' });
                }}
              >
                Add datasource
              </button>
            </div>
            <div aria-live="polite" className="empty:hidden">
              {notice ? <p className="text-sm text-emerald-800 dark:text-emerald-300">{notice}</p> : null}
            </div>
            {actionError ? (
              <Banner tone="error" title="That did not work">
                <p>{actionError}</p>
              </Banner>
            ) : null}
            {datasources.isLoading ? (
              <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
                <Spinner /> Loading datasources…
              </p>
            ) : null}
            {datasources.error ? (
              <Banner tone="error" title="The datasources could not be loaded">
                <p>{loadErrorMessage({ error: datasources.error })}</p>
              </Banner>
            ) : null}
            {datasources.isSuccess && list.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
                No datasources yet. Add one to start asking questions about your data.
              </p>
            ) : null}
            {list.length > 0 ? (
              <DatasourceTable
                datasources={list}
                kinds={kindList}
                pendingToggleId={toggle.isPending ? (toggle.variables?.id ?? null) : null}
                onToggle={(datasource, enabled) => {
                  setActionError(null);
                  toggle.mutate(
                    { id: datasource.id, body: { enabled } },
                    {
                      onSuccess: () => setNotice(`${datasource.name} is ${enabled ? 'enabled' : 'disabled'}.`),
                      onError: (error) => setActionError(error.message),
                    },
                  );
                }}
                onOpen={(datasource) => {
                  setNotice(null);
                  setScreen({ type: 'edit', datasource });
                }}
                onDelete={(datasource) => {
                  setActionError(null);
                  setDeleting(datasource);
                }}
              />
            ) : null}
          </>
        ) : null}
        {screen.type === 'pick' ? (
          <KindPicker
            kinds={kindList}
            isLoading={kinds.isLoading}
            error={kinds.error}
            onChoose={(target) => setScreen({ type: 'form', target })}
            onCancel={() => backToList()}
          />
        ) : null}
        {screen.type === 'form' ? (
          <DatasourceForm
            target={screen.target}
            onClose={(saved) =>
              backToList(saved ? `Saved ${saved.name}${saved.enabled ? '' : ' (disabled)'}.` : undefined)
            }
          />
        ) : null}
        {screen.type === 'edit' && needsKinds({ datasource: screen.datasource }) && kinds.isLoading ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <Spinner /> Loading the connector’s settings…
          </p>
        ) : null}
        {screen.type === 'edit' && needsKinds({ datasource: screen.datasource }) && kinds.error ? (
          <>
            <Banner tone="error" title="The connector’s settings could not be loaded">
              <p>{kinds.error.message}</p>
            </Banner>
            <button type="button" className={secondaryButtonClass} onClick={() => backToList()}>
              Back
            </button>
          </>
        ) : null}
        {screen.type === 'edit' &&
        !(needsKinds({ datasource: screen.datasource }) && (kinds.isLoading || kinds.error)) ? (
          <DatasourceForm
            target={targetOf({ datasource: screen.datasource, kinds: kinds.data ?? [] })}
            datasource={screen.datasource}
            onClose={(saved) =>
              backToList(saved ? `Saved ${saved.name}${saved.enabled ? '' : ' (disabled)'}.` : undefined)
            }
          />
        ) : null}
        {deleting ? (
          <ConfirmDialog
            title={`Delete ${deleting.name}?`}
            confirmLabel={`Delete ${deleting.name}`}
            busy={remove.isPending}
            onCancel={() => setDeleting(null)}
            onConfirm={() =>
              remove.mutate(
                { id: deleting.id },
                {
                  onSuccess: () => {
                    setNotice(`Deleted ${deleting.name}.`);
                    setDeleting(null);
                  },
                  onError: (error) => {
                    setActionError(error.message);
                    setDeleting(null);
                  },
                },
              )
            }
          >
            <p>
              Chats can no longer use <strong>{deleting.name}</strong> ({deleting.id}); its connector stops and its
              stored secrets are deleted. Past chats keep what they showed.
            </p>
          </ConfirmDialog>
        ) : null}
      </div>
    </div>
  );
}
