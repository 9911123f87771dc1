import type { ConnectorKind } from './admin-datasource-types.js';
import type { DatasourceTarget } from './datasource-form-state.js';
import { secondaryButtonClass } from './button-styles.js';
import { KindMark } from './kind-label.js';
import { Spinner } from './spinner.js';

const cardClass =
  'flex w-full items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-left hover:border-indigo-400 hover:bg-indigo-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800';

function Choice({
  mark,
  title,
  description,
  onChoose,
}: {
  mark: string;
  title: string;
  description: string;
  onChoose: () => void;
}) {
  return (
    <li>
      <button type="button" onClick={onChoose} className={cardClass}>
        <KindMark kindName={mark} />
        <span className="min-w-0">
          <span className="block text-sm font-medium">{title}</span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">{description}</span>
        </span>
      </button>
    </li>
  );
}

/** The first step of adding a datasource: one of our connectors, a remote MCP server, or any command. */
export function KindPicker({
  kinds,
  isLoading,
  error,
  onChoose,
  onCancel,
}: {
  kinds: ConnectorKind[];
  isLoading: boolean;
  error: Error | null;
  onChoose: (target: DatasourceTarget) => void;
  onCancel: () => void;
}) {
  return (
    <section aria-labelledby="kind-picker-heading" className="space-y-3">
      <h2 id="kind-picker-heading" className="text-lg font-semibold">
        Add a datasource
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">What does it connect to?</p>
      {isLoading ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Spinner /> Loading the connectors…
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          The connectors could not be listed: {error.message} A remote server or a custom command still works.
        </p>
      ) : null}
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {kinds.map((kind) => (
          <Choice
            key={kind.kind}
            mark={kind.kind}
            title={kind.title}
            description={`${kind.package} ${kind.version}`}
            onChoose={() => onChoose({ type: 'connector', kind })}
          />
        ))}
        <Choice
          mark="remote"
          title="Remote MCP server (URL)"
          description="Any MCP server over Streamable HTTP, with optional headers."
          onChoose={() => onChoose({ type: 'remote' })}
        />
        <Choice
          mark="command"
          title="Custom command"
          description="Any MCP server started as a command over standard input and output."
          onChoose={() => onChoose({ type: 'command' })}
        />
      </ul>
      <button type="button" onClick={onCancel} className={secondaryButtonClass}>
        Cancel
      </button>
    </section>
  );
}
